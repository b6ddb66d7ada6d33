/**
 * What the sign-in element's views read: its controllers and its error view. The views are
 * functions from this to templates; the element passes itself.
 */
import type { nothing, TemplateResult } from 'lit';
import type { SignInTools } from '../controllers/member-actions.js';
import type { VistaSessionMode } from '../../../shared/vista/session.js';
import type { MemberSessionController } from '../controllers/session.js';
import type { SignInController } from '../controllers/sign-in.js';
import type { LoginMessages } from '../vista-member-login.messages.js';

export interface LoginView {
  readonly apiBase: string;
  readonly recaptchaResponse: string;
  readonly shadowRoot: ShadowRoot | null;
  readonly sessionMode: VistaSessionMode;
  readonly member: MemberSessionController;
  readonly form: SignInController;
  /** `part="error"` for the failure shown, if any. */
  errorView(locale: string): TemplateResult | typeof nothing;
  /** Workstation mode: its fields, once their chunk is here. */
  readonly workstationFields?: (v: LoginView, m: LoginMessages, t: SignInTools) => TemplateResult;
}
