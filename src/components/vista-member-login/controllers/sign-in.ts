/**
 * Signing in: the form's fields checked (one summary of what is missing) and the attempt. The
 * calls themselves and Vista's refusals in the member's words (a wrong password or PIN on its
 * field, a lock-out counted down, a reCAPTCHA asked for) are a chunk of their own
 * (controllers/member-actions.ts), fetched when the element connects.
 */
import { asError } from '../../../api/errors.js';
import { beginVistaSession, vistaConfigOf, type VistaMemberSession } from '../../../shared/vista/session.js';
import { loadSignInCalls, signInCallsIfLoaded, SIGN_IN_TOOLS, type SignInCalls } from './member-actions-loader.js';
import type { Field, IdentifyBy, LoginContext } from './login-host.js';
import type { LockoutController } from './lockout.js';
import type { MemberSessionController } from './session.js';

export type { Field, IdentifyBy } from './login-host.js';

export class SignInController {
  busy = false;
  problems: Partial<Record<Field, string>> = {};
  /** A problem with the attempt as a whole (too many attempts, no period given). */
  formProblem?: string;
  recaptchaNeeded = false;
  identifyBy: IdentifyBy = 'card';
  /** Vista's lock-out, made with the calls' chunk when the first one comes. */
  lockout?: LockoutController;

  constructor(
    private readonly ctx: LoginContext,
    private readonly session: MemberSessionController,
  ) {}

  /** Workstation mode with a card or phone number: the secret is a PIN. */
  get byPin(): boolean {
    return this.ctx.host.sessionMode === 'workstation' && this.identifyBy !== 'login';
  }

  identify(by: IdentifyBy): void {
    this.identifyBy = by;
    this.problems = {};
    this.ctx.host.requestUpdate();
  }

  submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || this.lockout?.locked) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const m = this.ctx.words();
    const problems: Partial<Record<Field, string>> = {};
    const workstation = this.ctx.host.sessionMode === 'workstation';
    if (this.byPin) {
      const by = this.identifyBy as 'card' | 'phone';
      const id = value(by === 'card' ? 'card_number' : 'phone_number').replace(/\s+/g, '');
      if (!id) problems[by] = by === 'card' ? m.cardMissing : m.phoneMissing;
      if (!value('pin')) problems.pin = m.pinMissing;
      if (this.showProblems(problems)) return;
      void this.signIn((c) => c.signInOnWorkstation(SIGN_IN_TOOLS, this.ctx.host, { ...(by === 'card' ? { card_number: id } : { phone_number: id }), pin: value('pin') }));
      return;
    }
    const login = value('username');
    const password = String(data.get('password') ?? '');
    this.session.login = login;
    if (!login) problems.login = m.loginMissing;
    if (!password) problems.password = m.passwordMissing;
    if (this.showProblems(problems)) return;
    // One field takes either: Vista signs in by `email` or by `username`.
    const who = login.includes('@') ? { email: login } : { username: login };
    const recaptcha = this.ctx.host.recaptchaResponse;
    void this.signIn((c) =>
      workstation
        ? c.signInOnWorkstation(SIGN_IN_TOOLS, this.ctx.host, { ...who, password })
        : c.signInWith(SIGN_IN_TOOLS, this.ctx.host, { grant_type: 'password', ...who, password, remember: data.get('remember') === 'on', ...(recaptcha ? { 'g-recaptcha-response': recaptcha } : {}) }),
    );
  }

  /** True when there are problems to show (the summary takes focus). */
  private showProblems(problems: Partial<Record<Field, string>>): boolean {
    this.problems = problems;
    this.formProblem = undefined;
    this.ctx.show(undefined);
    this.ctx.host.requestUpdate();
    const any = Object.keys(problems).length > 0;
    if (any) this.ctx.focus('[part="error-summary"]');
    return any;
  }

  async signIn(attempt: (calls: SignInCalls) => Promise<VistaMemberSession>): Promise<boolean> {
    this.busy = true;
    this.formProblem = undefined;
    this.ctx.show(undefined);
    this.ctx.host.requestUpdate();
    try {
      const session = await attempt(await loadSignInCalls());
      this.recaptchaNeeded = false;
      this.ctx.host.recaptchaResponse = '';
      this.problems = {};
      await beginVistaSession(vistaConfigOf(this.ctx.host), session, this.session.login || undefined);
      this.session.began(session);
      return true;
    } catch (error) {
      this.failed(asError(error));
      return false;
    } finally {
      this.busy = false;
      this.ctx.host.requestUpdate();
    }
  }

  private failed(error: Error): void {
    this.ctx.report(error);
    // Vista's refusals come with the calls' chunk, here once an attempt reached Vista.
    if (!signInCallsIfLoaded()?.refused(SIGN_IN_TOOLS, this, this.ctx, error)) {
      this.ctx.show(error, () => this.ctx.host.renderRoot.querySelector<HTMLFormElement>('form[part="form"]')?.requestSubmit());
    }
  }
}
