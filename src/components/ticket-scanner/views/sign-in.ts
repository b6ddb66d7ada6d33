/** The sign-in form, the expired-password screen and the sign-out question. */
import { html, nothing } from 'lit';
import { renderErrorView } from '../../../shared/error-view.js';
import { vendorHtml } from '../../../shared/sanitize.js';
import type { ScannerMessages } from '../ticket-scanner.messages.js';
import { VENDOR, type ScannerView } from './scanner-view.js';

export function renderSignIn(s: ScannerView, m: ScannerMessages, locale: string) {
  const p = s.session.problems;
  const ended = s.session.endedBy;
  const field = (name: 'username' | 'password', label: string, problem: string | undefined, attrs: { type: string; autocomplete: string; inputmode?: string; value?: string }) =>
    html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type=${attrs.type}
        autocomplete=${attrs.autocomplete}
        inputmode=${attrs.inputmode ?? nothing}
        autocapitalize="off"
        spellcheck="false"
        required
        .value=${attrs.value ?? ''}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${name}-problem` : nothing}
      />
      ${problem ? html`<p id="${name}-problem" class="field-problem">${problem}</p>` : nothing}
    </div>`;
  return html`<form part="sign-in" class="panel sign-in" novalidate aria-labelledby="sign-in-title" @submit=${(e: SubmitEvent) => s.session.submit(e)}>
    <h2 id="sign-in-title">${m.signInTitle}</h2>
    ${ended
      ? html`<div class="ended" role="alert">
          <p><strong>${Number(ended.code) === 3 ? m.permissionRemoved : m.sessionEnded}</strong></p>
          ${ended.messageHtml ? html`<div class="vendor-message">${vendorHtml(ended.messageHtml)}</div>` : nothing}
          ${s.sync.pending > 0 ? html`<p>${m.keptForNextSignIn(s.sync.pending)}</p>` : nothing}
        </div>`
      : s.sync.pending > 0
        ? html`<p class="kept">${m.keptForNextSignIn(s.sync.pending)}</p>`
        : nothing}
    <p class="intro">${m.signInIntro}</p>
    ${field('username', m.username, p.username, { type: 'text', autocomplete: 'username', inputmode: 'email', value: s.session.lastUsername })}
    ${field('password', m.password, p.password, { type: 'password', autocomplete: 'current-password' })}
    ${p.form ? html`<div part="error" class="error" role="alert"><p class="error-summary">${p.form}</p></div>` : nothing}
    ${p.error ? renderErrorView(p.error, { locale, vendorName: VENDOR }) : nothing}
    <button type="submit" class="primary" ?disabled=${s.session.busy}>${s.session.busy ? m.signingIn : m.signIn}</button>
  </form>`;
}

export function renderPasswordExpired(s: ScannerView, m: ScannerMessages) {
  const error = s.session.expiredBy;
  return html`<section part="password-expired" class="panel expired" role="alert" aria-labelledby="expired-title">
    <h2 id="expired-title" tabindex="-1">${m.passwordExpiredTitle}</h2>
    ${error?.messageHtml ? html`<div class="vendor-message">${vendorHtml(error.messageHtml)}</div>` : nothing}
    <p>${m.passwordExpiredText}</p>
    ${error ? html`<p class="code">${VENDOR} ${error.code}: ${error.message}</p>` : nothing}
    <button
      type="button"
      class="primary"
      @click=${() => {
        s.session.expiredBy = undefined;
        s.phase = 'sign-in';
        s.focusAfterRender.request('#username');
      }}
    >
      ${m.backToSignIn}
    </button>
  </section>`;
}

export function renderSignOutConfirm(s: ScannerView, m: ScannerMessages) {
  const close = () => {
    s.session.confirmingSignOut = false;
    s.focusAfterRender.request('.sign-out');
    s.requestUpdate();
  };
  return html`<dialog class="confirm" aria-labelledby="confirm-text" @cancel=${(e: Event) => {
      e.preventDefault();
      close();
    }}>
    <p id="confirm-text">${m.signOutWarning(s.sync.pending)}</p>
    <div class="actions">
      <button type="button" class="primary stay" autofocus @click=${close}>${m.staySignedIn}</button>
      <button type="button" class="danger confirm-sign-out" @click=${() => void s.session.signOut(true)}>${m.signOutAnyway}</button>
    </div>
  </dialog>`;
}