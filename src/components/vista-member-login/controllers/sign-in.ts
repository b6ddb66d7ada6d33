/**
 * Signing in: the form's fields checked (one summary of what is missing), the call for the mode
 * (token, cookie, or a box-office workstation's card or phone and PIN), and Vista's refusals in
 * the member's words: a wrong password or PIN on its field, a lock-out counted down, a reCAPTCHA
 * asked for.
 */
import { asError, ConfigError, VendorError } from '../../../api/errors.js';
import { createVistaMembersClient } from '../../../api/vista/members.js';
import { isMemberLockedOut, isRecaptchaRequired } from '../../../api/vista/problem.js';
import type { MemberAuthenticationRequest, VistaMember } from '../../../api/vista/types.js';
import { askVistaWhoIsSignedIn, beginVistaSession, isNobodySignedIn, tokenFromAnswer, vistaConfigOf, type VistaMemberSession } from '../../../shared/vista/session.js';
import { sessionModeOf, type LoginContext } from './login-host.js';
import { LockoutController } from './lockout.js';
import type { MemberSessionController } from './session.js';

export type Field = 'login' | 'password' | 'card' | 'phone' | 'pin';
/** Workstation mode: how the member is identified (the seed: card or phone number and PIN, or username/email and password). */
export type IdentifyBy = 'card' | 'phone' | 'login';
type WorkstationIdentity = { card_number: string; pin: string } | { phone_number: string; pin: string } | { email?: string; username?: string; password: string };

export class SignInController {
  busy = false;
  problems: Partial<Record<Field, string>> = {};
  /** A problem with the attempt as a whole (too many attempts, no period given). */
  formProblem?: string;
  recaptchaNeeded = false;
  identifyBy: IdentifyBy = 'card';
  readonly lockout = new LockoutController(this.ctx, () => (this.byPin ? '#pin' : '#password'));

  constructor(
    private readonly ctx: LoginContext,
    private readonly session: MemberSessionController,
  ) {}

  /** Workstation mode with a card or phone number: the secret is a PIN. */
  get byPin(): boolean {
    return sessionModeOf(this.ctx.host) === 'workstation' && this.identifyBy !== 'login';
  }

  identify(by: IdentifyBy): void {
    this.identifyBy = by;
    this.problems = {};
    this.ctx.host.requestUpdate();
  }

  submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || this.lockout.locked) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const m = this.ctx.words();
    const problems: Partial<Record<Field, string>> = {};
    const workstation = sessionModeOf(this.ctx.host) === 'workstation';
    if (this.byPin) {
      const by = this.identifyBy as 'card' | 'phone';
      const id = value(by === 'card' ? 'card_number' : 'phone_number').replace(/\s+/g, '');
      if (!id) problems[by] = by === 'card' ? m.cardMissing : m.phoneMissing;
      if (!value('pin')) problems.pin = m.pinMissing;
      if (this.showProblems(problems)) return;
      void this.signIn(() => this.signInOnWorkstation({ ...(by === 'card' ? { card_number: id } : { phone_number: id }), pin: value('pin') }));
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
    void this.signIn(() =>
      workstation
        ? this.signInOnWorkstation({ ...who, password })
        : this.signInWith({ grant_type: 'password', ...who, password, remember: data.get('remember') === 'on', ...(recaptcha ? { 'g-recaptcha-response': recaptcha } : {}) }),
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

  async signIn(attempt: () => Promise<VistaMemberSession>): Promise<boolean> {
    this.busy = true;
    this.formProblem = undefined;
    this.ctx.show(undefined);
    this.ctx.host.requestUpdate();
    try {
      const session = await attempt();
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

  signInWith(credentials: MemberAuthenticationRequest): Promise<VistaMemberSession> {
    return this.ask(async (members, club) => {
      const remember = credentials.remember ?? false;
      if (sessionModeOf(this.ctx.host) === 'cookie') {
        await members.createAuthenticationCookie({ ...credentials, ...club });
        return { mode: 'cookie', member: await this.memberWithCookie(), remember };
      }
      const token = tokenFromAnswer(await members.createAuthenticationToken({ ...credentials, ...club }));
      // The member's details; a signed-in member without them is still signed in ("where known").
      const member = await members.getCurrentMember({ memberToken: token.accessToken }).catch(() => undefined);
      return { mode: 'token', token, member, remember };
    });
  }

  private signInOnWorkstation(identity: WorkstationIdentity): Promise<VistaMemberSession> {
    const deviceToken = this.ctx.host.deviceToken;
    if (!deviceToken) return Promise.reject(new ConfigError('Workstation mode needs the device token (device-token)', 'device-token'));
    return this.ask(async (members, club) => {
      await members.createWorkstationCookie({ ...identity, ...club }, deviceToken);
      return { mode: 'workstation', member: await this.memberWithCookie(), remember: false };
    });
  }

  private ask(
    call: (members: ReturnType<typeof createVistaMembersClient>, club: { club_id?: string }) => Promise<VistaMemberSession>,
  ): Promise<VistaMemberSession> {
    const clubId = this.ctx.host.clubId;
    return call(createVistaMembersClient(vistaConfigOf(this.ctx.host)), clubId ? { club_id: clubId } : {});
  }

  /**
   * After a cookie sign-in: the member, as Vista sees them with the cookie it just set. A 401 or 403
   * here means the browser did not keep that cookie (a third-party cookie, blocked): nobody is
   * signed in, whatever the sign-in call answered.
   */
  private async memberWithCookie(): Promise<VistaMember | undefined> {
    try {
      return (await askVistaWhoIsSignedIn(vistaConfigOf(this.ctx.host), { withCookies: true })).member;
    } catch (error) {
      if (isNobodySignedIn(error)) {
        throw new ConfigError(
          `The browser did not keep Vista's sign-in cookie (third-party cookies are blocked): mode="${sessionModeOf(this.ctx.host)}" needs the Vista API on this site's own domain, or Partitioned cookies; mode="token" needs neither`,
          'mode',
        );
      }
      return undefined; // the details are "where known": a network failure here does not undo the sign-in
    }
  }

  private failed(error: Error): void {
    const m = this.ctx.words();
    this.ctx.report(error);
    if (isMemberLockedOut(error)) {
      const vendor = error as VendorError;
      const seconds = vendor.lockOutPeriodInSeconds ?? (vendor.retryAfterMs ? Math.ceil(vendor.retryAfterMs / 1000) : undefined);
      if (seconds) return this.lockout.lockFor(seconds);
      this.formProblem = m.tooManyAttempts;
      return this.ctx.focus('[part="error-summary"]');
    }
    if (isRecaptchaRequired(error)) {
      this.recaptchaNeeded = true;
      return this.ctx.focus('[part="notice"]');
    }
    if (error instanceof VendorError && error.vendor === 'vista' && error.status === 401 && error.code !== 401) {
      // A refused member credential (Vista's own error code), not a refused site token (bare 401).
      this.problems = this.byPin ? { pin: m.wrongPin } : { password: m.wrongPassword };
      return this.ctx.focus('[part="error-summary"]');
    }
    this.ctx.show(error, () => this.ctx.host.renderRoot.querySelector<HTMLFormElement>('form[part="form"]')?.requestSubmit());
  }
}
