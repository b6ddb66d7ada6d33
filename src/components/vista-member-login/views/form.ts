/** The sign-in form: a member's login and password, or a workstation's card, phone or login. */
import { html, nothing } from 'lit';
import { renderField, renderSummary, type SummaryItem } from '../../../shared/vista/form.js';
import { signInCallsIfLoaded, SIGN_IN_TOOLS } from '../controllers/member-actions-loader.js';
import type { Field } from '../controllers/sign-in.js';
import type { LoginMessages } from '../vista-member-login.messages.js';
import type { LoginView } from './login-view.js';

export function renderForm(v: LoginView, m: LoginMessages, locale: string) {
  const { form, member } = v;
  const { lockout, problems } = form;
  const workstation = v.sessionMode === 'workstation';
  const items: SummaryItem[] = (Object.keys(problems) as Field[]).map((field) => ({ text: problems[field]!, field }));
  const locked = lockout?.locked;
  // A lock-out and a reCAPTCHA come from Vista's refusals, which the late chunk handles: it is here when they are.
  const late = signInCallsIfLoaded();
  if (locked && late) items.push({ text: late.lateWords(m).lockedOut });
  else if (form.formProblem) items.push({ text: form.formProblem });
  return html`<form part="form" class="panel" novalidate aria-labelledby="form-title" @submit=${(e: SubmitEvent) => form.submit(e)}>
    <h2 id="form-title">${workstation ? m.workstationTitle : m.title}</h2>
    ${member.expired ? html`<p part="notice" class="notice info" role="alert">${m.sessionExpired}</p>` : nothing}
    ${renderSummary(m.summaryTitle, items, () => v.shadowRoot)}
    ${locked && late ? late.renderLockout(SIGN_IN_TOOLS, lockout!, m) : nothing}
    <p class="sr-only" role="status" aria-live="polite">${lockout?.announcement}</p>
    ${form.recaptchaNeeded && late ? late.renderRecaptchaNotice(SIGN_IN_TOOLS, m, !!v.recaptchaResponse) : nothing}
    <fieldset ?disabled=${form.busy || locked}>
      ${workstation ? v.workstationFields!(v, m, SIGN_IN_TOOLS) : renderMemberFields(v, m)}
      <button type="submit" class="primary">${form.busy ? m.signingIn : m.signIn}</button>
    </fieldset>
    ${v.errorView(locale)}
  </form>`;
}

function renderMemberFields(v: LoginView, m: LoginMessages) {
  const p = v.form.problems;
  // Real inputs with names and autocomplete tokens inside a real <form> (submitted, then
  // replaced): what the browsers' own password managers look for, and they reach into an open
  // shadow root. Extensions that only scan the light DOM (some Enpass, Bitwarden and 1Password
  // versions) do not find them: a known shadow-DOM limit (e.g. porsche-design-system#4466).
  return html`${renderField({ id: 'login', name: 'username', label: m.login, problem: p.login, autocomplete: 'username', inputmode: 'email', value: v.member.login })}
    ${renderField({ id: 'password', name: 'password', label: m.password, problem: p.password, type: 'password', autocomplete: 'current-password' })}
    <label class="check"><input type="checkbox" name="remember" /> ${m.remember}</label>`;
}
