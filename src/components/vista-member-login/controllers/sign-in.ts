/**
 * Signing in: the form's fields checked (one summary of what is missing), the attempt, and
 * Vista's refusals in the member's words: a wrong password or PIN on its field, a lock-out counted
 * down, a reCAPTCHA asked for. The calls themselves and the lock-out's countdown are a chunk of
 * their own (controllers/sign-in-calls.ts), fetched when the element connects.
 */
import { asError, ConfigError, VendorError } from '../../../api/errors.js';
import { createVistaMembersClient } from '../../../api/vista/members.js';
import { isMemberLockedOut, isRecaptchaRequired } from '../../../api/vista/problem.js';
import { askVistaWhoIsSignedIn, beginVistaSession, isNobodySignedIn, tokenFromAnswer, vistaConfigOf, type VistaMemberSession } from '../../../shared/vista/session.js';
import { sessionModeOf, type LoginContext } from './login-host.js';
import type { LockoutController } from './lockout.js';
import type { SignInTools } from './sign-in-calls.js';
import type { MemberSessionController } from './session.js';

/** Handed to the calls' chunk, which imports no code of its own (see sign-in-calls.ts). */
export const SIGN_IN_TOOLS: SignInTools = { ConfigError, createVistaMembersClient, askVistaWhoIsSignedIn, isNobodySignedIn, tokenFromAnswer, vistaConfigOf, sessionModeOf };

export type SignInCalls = typeof import('./sign-in-calls.js');
let calls: Promise<SignInCalls> | undefined;
let loaded: SignInCalls | undefined;

/** The sign-in's calls, fetched once for every element on the page; a failed fetch (offline) is tried again by the next attempt. */
export function loadSignInCalls(): Promise<SignInCalls> {
  calls ??= import('./sign-in-calls.js').then(
    (chunk) => (loaded = chunk),
    (error: unknown) => {
      calls = undefined;
      throw error;
    },
  );
  return calls;
}

export type Field = 'login' | 'password' | 'card' | 'phone' | 'pin';
/** Workstation mode: how the member is identified (the seed: card or phone number and PIN, or username/email and password). */
export type IdentifyBy = 'card' | 'phone' | 'login';

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
    return sessionModeOf(this.ctx.host) === 'workstation' && this.identifyBy !== 'login';
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
    const workstation = sessionModeOf(this.ctx.host) === 'workstation';
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
    const m = this.ctx.words();
    this.ctx.report(error);
    if (isMemberLockedOut(error)) {
      const vendor = error as VendorError;
      const seconds = vendor.lockOutPeriodInSeconds ?? (vendor.retryAfterMs ? Math.ceil(vendor.retryAfterMs / 1000) : undefined);
      // Vista answered, so the calls' chunk (and the lock-out's countdown with it) is here.
      if (seconds) return (this.lockout ??= new loaded!.LockoutController(this.ctx, () => (this.byPin ? '#pin' : '#password'))).lockFor(seconds);
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
