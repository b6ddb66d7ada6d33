/**
 * What the sign-in element's views read: its controllers and its error view. The views are
 * functions from this to templates; the element passes itself.
 */
import type { TemplateResult } from 'lit';
import type { VistaSessionMode } from '../../../shared/vista/session.js';
import type { MemberSessionController } from '../controllers/session.js';
import type { SignInController } from '../controllers/sign-in.js';

export interface LoginView {
  readonly apiBase: string;
  readonly recaptchaResponse: string;
  readonly shadowRoot: ShadowRoot | null;
  readonly sessionMode: VistaSessionMode;
  readonly member: MemberSessionController;
  readonly form: SignInController;
  /** `part="error"` for the failure shown, if any. */
  errorView(locale: string): TemplateResult | typeof import('lit').nothing;
}
