/**
 * A box-office workstation's fields: the member identified by card or phone number and PIN, or by
 * login and password. Its own chunk, loaded only in workstation mode (a patron's page never needs
 * it); it takes `html` and the field from the element (`SIGN_IN_TOOLS`), so that it shares no third chunk.
 */
import type { IdentifyBy } from '../controllers/sign-in.js';
import type { SignInTools } from '../controllers/member-actions.js';
import type { LoginMessages } from '../vista-member-login.messages.js';
import type { LoginView } from './login-view.js';

export function renderWorkstationFields(v: LoginView, m: LoginMessages, t: SignInTools) {
  const { form } = v;
  const { html, renderField } = t;
  const p = form.problems;
  const by = form.identifyBy;
  const option = (value: IdentifyBy, label: string) =>
    html`<label class="check"><input type="radio" name="identify" value=${value} .checked=${by === value} @change=${() => form.identify(value)} /> ${label}</label>`;
  // A box-office device serves many members: nothing is offered for autofill or saved.
  return html`<fieldset class="identify">
      <legend>${m.identifyBy}</legend>
      ${option('card', m.byCard)} ${option('phone', m.byPhone)} ${option('login', m.byLogin)}
    </fieldset>
    ${by === 'login'
      ? html`${renderField({ id: 'login', name: 'username', label: m.login, problem: p.login, inputmode: 'email', value: v.member.login })}
        ${renderField({ id: 'password', name: 'password', label: m.password, problem: p.password, type: 'password', autocomplete: 'off' })}`
      : html`${by === 'card'
          ? renderField({ id: 'card', name: 'card_number', label: m.cardNumber, problem: p.card, inputmode: 'numeric' })
          : renderField({ id: 'phone', name: 'phone_number', label: m.phoneNumber, problem: p.phone, type: 'tel' })}
        ${renderField({ id: 'pin', name: 'pin', label: m.pin, problem: p.pin, type: 'password', inputmode: 'numeric', autocomplete: 'off' })}`}`;
}
