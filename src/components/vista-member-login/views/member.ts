/** The signed-in member: who, their card, sign-out, and their details to edit (token and cookie modes). */
import { html, nothing } from 'lit';
import { signInCallsIfLoaded, SIGN_IN_TOOLS } from '../controllers/member-actions-loader.js';
import { lastVistaLogin, type VistaMemberSession } from '../../../shared/vista/session.js';
import type { LoginMessages } from '../vista-member-login.messages.js';
import type { LoginView } from './login-view.js';

export function renderMember(v: LoginView, m: LoginMessages, session: VistaMemberSession, locale: string, signOut: () => void) {
  const { member: state } = v;
  const member = session.member;
  // Without the member's details (a tenant that does not serve members/current), the name
  // they signed in with; failing that, just that they are signed in.
  const name = (member ? [member.name?.givenName, member.name?.familyName].filter(Boolean).join(' ') || member.email || member.username : '') || state.login || lastVistaLogin(v.apiBase) || '';
  // A workstation cookie may not update member details (the seed): no editing offered there.
  const canEdit = session.mode !== 'workstation' && member?.canUpdateDetails !== false && member !== undefined;
  // Saving and the editor come with the late chunk: it is here when they are.
  const late = signInCallsIfLoaded();
  return html`<section part="member" class="panel member" aria-labelledby="member-title">
    <h2 id="member-title" tabindex="-1">${name ? m.signedInAs(name) : m.signedIn}</h2>
    ${member?.maskedCardNumber ? html`<p class="muted">${m.card(member.maskedCardNumber)}</p>` : nothing}
    ${session.mode === 'workstation' ? html`<p class="muted">${m.workstationNote}</p>` : nothing}
    ${state.detailsSaved && !state.editing && late ? html`<p class="saved" role="status">${late.lateWords(m).saved}</p>` : nothing}
    ${canEdit && state.editing && member ? (late?.renderDetails(SIGN_IN_TOOLS, state, m, member) ?? nothing) : nothing}
    <div class="actions">
      ${canEdit && !state.editing ? html`<button type="button" part="edit" @click=${() => state.edit(true)}>${m.editDetails}</button>` : nothing}
      <button type="button" part="sign-out" ?disabled=${state.busy} @click=${signOut}>${state.busy ? m.signingOut : m.signOut}</button>
    </div>
    ${v.errorView(locale)}
  </section>`;
}
