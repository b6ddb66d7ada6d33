/** The signed-in member: who, their card, sign-out, and their details to edit (token and cookie modes). */
import { html, nothing } from 'lit';
import type { VistaMember } from '../../../api/vista/types.js';
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
  return html`<section part="member" class="panel member" aria-labelledby="member-title">
    <h2 id="member-title" tabindex="-1">${name ? m.signedInAs(name) : m.signedIn}</h2>
    ${member?.maskedCardNumber ? html`<p class="muted">${m.card(member.maskedCardNumber)}</p>` : nothing}
    ${session.mode === 'workstation' ? html`<p class="muted">${m.workstationNote}</p>` : nothing}
    ${state.detailsSaved && !state.editing ? html`<p class="saved" role="status">${m.saved}</p>` : nothing}
    ${canEdit && state.editing && member ? renderDetails(v, m, member) : nothing}
    <div class="actions">
      ${canEdit && !state.editing ? html`<button type="button" part="edit" @click=${() => state.edit(true)}>${m.editDetails}</button>` : nothing}
      <button type="button" part="sign-out" ?disabled=${state.busy} @click=${signOut}>${state.busy ? m.signingOut : m.signOut}</button>
    </div>
    ${v.errorView(locale)}
  </section>`;
}

function renderDetails(v: LoginView, m: LoginMessages, member: VistaMember) {
  const state = v.member;
  const field = (id: string, label: string, value: string | null, autocomplete: string, type = 'text') =>
    html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${id} type=${type} autocomplete=${autocomplete} .value=${value ?? ''} />
    </div>`;
  return html`<form part="details" class="details" @submit=${(e: SubmitEvent) => state.saveDetails(e)}>
    <fieldset ?disabled=${state.busy}>
      ${field('given-name', m.givenName, member.name.givenName, 'given-name')} ${field('family-name', m.familyName, member.name.familyName, 'family-name')}
      ${field('email', m.email, member.email, 'email', 'email')}
      <div class="actions">
        <button type="submit" class="primary">${m.save}</button>
        <button type="button" @click=${() => state.edit(false)}>${m.cancel}</button>
      </div>
    </fieldset>
  </form>`;
}
