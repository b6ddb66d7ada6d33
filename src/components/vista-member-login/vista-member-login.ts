import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { asError, ConfigError, VendorError } from '../../api/errors.js';
import type { VistaClientConfig } from '../../api/vista/call.js';
import { createVistaMembersClient } from '../../api/vista/members.js';
import { isMemberLockedOut, isRecaptchaRequired } from '../../api/vista/problem.js';
import type { MemberAuthenticationRequest, VistaMember } from '../../api/vista/types.js';
import { errorViewStyles } from '../../shared/error-view.js';
import { checkAddress } from '../../shared/attribute-checks.js';
import { WidgetEvent, type WidgetErrorDetail } from '../../shared/events.js';
import { configKey, define, FocusAfterRender, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { clock, renderField, renderSummary, renderVistaError, type SummaryItem } from '../../shared/vista/form.js';
import {
  askVistaWhoIsSignedIn,
  beginVistaSession,
  currentVistaSession,
  endVistaSession,
  isNobodySignedIn,
  lastVistaLogin,
  restoreVistaSession,
  tokenFromAnswer,
  updateVistaMember,
  VISTA_SESSION_MODES,
  watchVistaSession,
  withVistaMember,
  type VistaMemberSession,
  type VistaSessionChange,
  type VistaSessionMode,
} from '../../shared/vista/session.js';
import { vistaThemeStyles } from '../../shared/vista/theme.styles.js';
import { LOGIN_MESSAGES, type LoginMessages } from './vista-member-login.messages.js';
import { loginStyles } from './vista-member-login.styles.js';

export type { VistaMemberSession, VistaSessionMode } from '../../shared/vista/session.js';
export type { WidgetErrorDetail } from '../../shared/events.js';

/** `detail` of `vista-member-login`. */
export interface VistaMemberLoginDetail {
  /** The member, where Vista told us (`members/current`). */
  member?: VistaMember;
  /** Token mode: the `access_token` to send as `LoyaltySessionToken` (it is refreshed; read it again on each login event). */
  token?: string;
  /** True when the session was found at start-up (remembered, or a cookie session) rather than signed in now. */
  restored: boolean;
}

/** `detail` of `vista-member-logout`: `sign-out` (the member chose to), or `expired` (Vista ended the session). */
export interface VistaMemberLogoutDetail {
  reason: 'sign-out' | 'expired';
}

export class VistaMemberLoginEvent extends WidgetEvent<VistaMemberLoginDetail> {
  constructor(detail: VistaMemberLoginDetail) {
    super('vista-member-login', detail);
  }
}
export class VistaMemberLogoutEvent extends WidgetEvent<VistaMemberLogoutDetail> {
  constructor(detail: VistaMemberLogoutDetail) {
    super('vista-member-logout', detail);
  }
}
export class VistaMemberErrorEvent extends WidgetEvent<WidgetErrorDetail> {
  constructor(detail: WidgetErrorDetail) {
    super('vista-member-error', detail);
  }
}

type Field = 'login' | 'password' | 'card' | 'phone' | 'pin';
type Phase = 'starting' | 'form' | 'member';
const MODES = VISTA_SESSION_MODES;
/** Announce the lock-out's time left every this many seconds (polite), never every second. */
const ANNOUNCE_EVERY_S = 15;

/**
 * A Vista loyalty member signs in and out (Vista OCAPI; seed
 * vista-ocapi-member-authentication.txt). Three modes: `token` (the member's token kept by this
 * page, refreshed before it expires; "keep me signed in" keeps it in IndexedDB), `cookie` (an
 * HttpOnly cookie the API sets and renews) and `workstation` (a box-office device signs a member
 * in by card or phone number and PIN with its device token; no editing of member details).
 * Other Vista elements on the page with the same `api-base` use the session (see
 * `src/shared/vista-session.ts`).
 *
 * @summary Vista loyalty sign-in: token, cookie and workstation modes.
 *
 * @fires vista-member-login - A member is signed in (`detail.member`, `detail.token` in token mode, `detail.restored`).
 * @fires vista-member-logout - The member signed out, or Vista ended the session (`detail.reason`: `sign-out` | `expired`).
 * @fires vista-member-error - Something failed (`detail.error`, whose `name` is one of HttpError,
 *   NetworkError, TimeoutError, VendorError, ParseError, ConfigError).
 *
 * @slot recaptcha - The site's reCAPTCHA widget, shown when Vista asks for one; set `recaptchaResponse` from its callback.
 *
 * @csspart form - The sign-in form.
 * @csspart error-summary - The problems with the last attempt, each linked to its field.
 * @csspart lockout - The lock-out countdown.
 * @csspart notice - A message about the session (ended, reCAPTCHA needed).
 * @csspart member - The signed-in member, with `sign-out`.
 * @csspart sign-out - The sign-out button.
 * @csspart details - The member-details form (token and cookie modes).
 * @csspart error - A failure Vista or the network caused, with `retry`.
 * @csspart retry - The retry button.
 *
 * @cssprop --vista-accent - Buttons, links, focus ring.
 * @cssprop --vista-on-accent - Text on the accent colour.
 * @cssprop --vista-text - Text colour.
 * @cssprop --vista-muted - Secondary text.
 * @cssprop --vista-surface - Background.
 * @cssprop --vista-surface-alt - Background of the member panel.
 * @cssprop --vista-border - Field and panel borders.
 * @cssprop --vista-danger - Problems.
 * @cssprop --vista-success - Confirmations.
 * @cssprop --vista-radius - Corner radius.
 * @cssprop --vista-gap - Spacing.
 * @cssprop --vista-font - Font family.
 * @tagname vista-member-login
 */
export class VistaMemberLogin extends WidgetElement {
  static override styles = [vistaThemeStyles, errorViewStyles, loginStyles];
  /** Focusing the element focuses its first field (password managers and `autofocus` on the host). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The tenant's OCAPI address, e.g. `https://tenant-digital-api.app.vista.co` (required). */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The site's OCAPI bearer token, sent as `Authorization: Bearer` when set. */
  @property({ attribute: 'api-token' }) apiToken = '';
  /** `token` (default), `cookie` or `workstation`. */
  @property() mode: VistaSessionMode = 'token';
  /** Sent as `Connect-Region-Code` when set. */
  @property({ attribute: 'region-code' }) regionCode = '';
  /** The loyalty club, for tenants with several (`club_id`). */
  @property({ attribute: 'club-id' }) clubId = '';
  /** Workstation mode: the device's Central Identity Management (DIM) token. */
  @property({ attribute: 'device-token' }) deviceToken = '';
  /** BCP 47 locale; default the nearest `lang`, then the browser's. */
  @property() locale = '';
  /** The site's reCAPTCHA answer, sent with the next sign-in when Vista asks for one. */
  @property({ attribute: false }) recaptchaResponse = '';

  @state() private phase: Phase = 'starting';
  @state() private session?: VistaMemberSession;
  @state() private busy = false;
  @state() private problems: Partial<Record<Field, string>> = {};
  @state() private formProblem?: string;
  @state() private error?: Error;
  @state() private lockedUntil?: number;
  @state() private now = Date.now();
  @state() private announcement = '';
  @state() private recaptchaNeeded = false;
  @state() private expired = false;
  /** Workstation mode: how the member is identified (the seed: card or phone number and PIN, or username/email and password). */
  @state() private identifyBy: 'card' | 'phone' | 'login' = 'card';
  @state() private editing = false;
  @state() private detailsSaved = false;

  private unwatch?: () => void;
  private countdown?: ReturnType<typeof setInterval>;
  /** Where focus goes once the next screen is rendered (a result, a summary of problems). */
  private readonly focusAfterRender = new FocusAfterRender(this);
  /** The words of the page's language (renders again when they, or the sanitizer, arrive). */
  private readonly localize = new LocalizeController(this, LOGIN_MESSAGES);
  private retryAction?: () => void;
  private startedFor = '';
  /** The name typed, kept when the session ends so that the member only types the password. */
  private login = '';

  /** True while a member is signed in. */
  get authenticated(): boolean {
    return this.session !== undefined;
  }

  /**
   * Token mode: the member's current access token (`LoyaltySessionToken`), for the page's own
   * OCAPI calls. It changes at each refresh, so read it when needed rather than keeping it.
   */
  get memberToken(): string | undefined {
    return this.session?.token?.accessToken;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: watch the session again (it may have changed meanwhile), and go on
    // counting a lock-out down.
    if (this.startedFor && !this.unwatch) {
      this.watch();
      const session = currentVistaSession(this.apiBase);
      if (session !== this.session) this.sessionChanged(session ? { kind: 'updated', session } : { kind: 'signed-out' });
    }
    if (this.lockedUntil !== undefined) this.countDown();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
    clearInterval(this.countdown);
  }

  private watch(): void {
    this.unwatch?.();
    this.unwatch = watchVistaSession(this.apiBase, (change) => this.sessionChanged(change));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = configKey(this.apiBase, this.mode);
    if (this.isConnected && key !== this.startedFor && (changed.has('apiBase') || changed.has('mode') || !this.startedFor)) {
      this.startedFor = key;
      void this.start();
    }
  }

  protected override updated(): void {
    this.toggleAttribute('authenticated', this.authenticated);
  }

  private config(): VistaClientConfig {
    return { apiBase: this.apiBase, apiToken: this.apiToken || undefined, regionCode: this.regionCode || undefined };
  }

  private get sessionMode(): VistaSessionMode {
    return MODES.includes(this.mode) ? this.mode : 'token';
  }

  /** Finds a session (this page's, remembered, or a cookie), then watches it. */
  private async start(): Promise<void> {
    this.unwatch?.();
    this.unwatch = undefined;
    this.error = undefined;
    if (!this.apiBase) return this.fail(new ConfigError('<vista-member-login> needs an api-base (the tenant\'s OCAPI address)', 'api-base'));
    try {
      checkAddress(this.apiBase, 'api-base');
    } catch (error) {
      return this.fail(error as ConfigError);
    }
    if (!MODES.includes(this.mode)) return this.fail(new ConfigError(`mode must be token, cookie or workstation, not "${String(this.mode).slice(0, 40)}"`, 'mode'));
    const apiBase = this.apiBase;
    this.watch();
    this.login ||= lastVistaLogin(apiBase) ?? '';
    try {
      const session = currentVistaSession(apiBase) ?? (await restoreVistaSession(this.config(), this.sessionMode));
      if (apiBase !== this.apiBase) return;
      this.session = session;
      this.phase = session ? 'member' : 'form';
      if (session) this.dispatchLogin(session, true);
    } catch (error) {
      this.phase = 'form';
      this.fail(asError(error), () => {
        this.startedFor = '';
        this.requestUpdate();
      });
    }
    this.login ||= lastVistaLogin(apiBase) ?? '';
  }

  private sessionChanged(change: VistaSessionChange): void {
    switch (change.kind) {
      case 'signed-in':
      case 'updated':
        this.session = change.session;
        this.phase = 'member';
        this.expired = false;
        return;
      case 'signed-out':
        this.session = undefined;
        this.phase = 'form';
        return;
      case 'expired':
        // Vista ended the session (another element's call, or the refresh token was refused):
        // the form comes back with the name kept, and says why.
        this.session = undefined;
        this.phase = 'form';
        this.expired = true;
        this.editing = false;
        this.login ||= lastVistaLogin(this.apiBase) ?? '';
        this.emit('vista-member-logout', new VistaMemberLogoutEvent({ reason: 'expired' }));
        return;
    }
  }

  private dispatchLogin(session: VistaMemberSession, restored: boolean): void {
    this.emit(
      'vista-member-login',
      new VistaMemberLoginEvent({
        ...(session.member ? { member: session.member } : {}),
        ...(session.token ? { token: session.token.accessToken } : {}),
        restored,
      }),
    );
  }

  /** Shows and reports a failure; `retry` is what the error view's button does. */
  private fail(error: Error, retry?: () => void): void {
    this.error = this.reportError(error, 'vista-member-error', VistaMemberErrorEvent);
    this.retryAction = retry;
  }

  // -------------------------------------------------------------------------------------------
  // Signing in
  // -------------------------------------------------------------------------------------------

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || this.locked) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const m = this.localize.words;
    const problems: Partial<Record<Field, string>> = {};
    if (this.sessionMode === 'workstation' && this.identifyBy !== 'login') {
      const id = value(this.identifyBy === 'card' ? 'card_number' : 'phone_number');
      if (!id) problems[this.identifyBy] = this.identifyBy === 'card' ? m.cardMissing : m.phoneMissing;
      if (!value('pin')) problems.pin = m.pinMissing;
      this.showProblems(problems);
      if (Object.keys(problems).length) return;
      const identity = this.identifyBy === 'card' ? { card_number: id.replace(/\s+/g, '') } : { phone_number: id.replace(/\s+/g, '') };
      void this.signIn(() => this.signInOnWorkstation({ ...identity, pin: value('pin') }));
      return;
    }
    const login = value('username');
    const password = String(data.get('password') ?? '');
    this.login = login;
    if (!login) problems.login = m.loginMissing;
    if (!password) problems.password = m.passwordMissing;
    this.showProblems(problems);
    if (Object.keys(problems).length) return;
    // One field takes either: Vista signs in by `email` or by `username`.
    const who = login.includes('@') ? { email: login } : { username: login };
    if (this.sessionMode === 'workstation') {
      void this.signIn(() => this.signInOnWorkstation({ ...who, password }));
      return;
    }
    void this.signIn(() =>
      this.signInWith({
        grant_type: 'password',
        ...who,
        password,
        remember: data.get('remember') === 'on',
        ...(this.recaptchaResponse ? { 'g-recaptcha-response': this.recaptchaResponse } : {}),
      }),
    );
  }

  /**
   * Signs in with a token from an external identity provider the tenant trusts (`external_issuer`
   * grant; the seed: it fails unless the token links to exactly one member). Token and cookie modes.
   */
  signInWithExternalToken(externalIssuerId: string, externalToken: string, options: { remember?: boolean } = {}): Promise<boolean> {
    return this.signIn(() =>
      this.signInWith({ grant_type: 'external_issuer', external_issuer_id: externalIssuerId, external_token: externalToken, remember: options.remember ?? false }),
    );
  }

  private showProblems(problems: Partial<Record<Field, string>>): void {
    this.problems = problems;
    this.formProblem = undefined;
    this.error = undefined;
    if (Object.keys(problems).length) this.focusAfterRender.request('[part="error-summary"]');
  }

  private async signIn(attempt: () => Promise<VistaMemberSession>): Promise<boolean> {
    this.busy = true;
    this.error = undefined;
    this.formProblem = undefined;
    try {
      const session = await attempt();
      this.expired = false;
      this.recaptchaNeeded = false;
      this.recaptchaResponse = '';
      this.problems = {};
      await beginVistaSession(this.config(), session, this.login || undefined);
      this.session = session;
      this.phase = 'member';
      this.focusAfterRender.request('#member-title');
      this.dispatchLogin(session, false);
      return true;
    } catch (error) {
      this.signInFailed(asError(error));
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async signInWith(credentials: MemberAuthenticationRequest): Promise<VistaMemberSession> {
    const members = createVistaMembersClient(this.config());
    const club = this.clubId ? { club_id: this.clubId } : {};
    const remember = credentials.remember ?? false;
    if (this.sessionMode === 'cookie') {
      await members.createAuthenticationCookie({ ...credentials, ...club });
      return { mode: 'cookie', member: await this.memberWithCookie(), remember };
    }
    const token = tokenFromAnswer(await members.createAuthenticationToken({ ...credentials, ...club }));
    return { mode: 'token', token, member: await this.memberOrNothing({ memberToken: token.accessToken }), remember };
  }

  private async signInOnWorkstation(
    identity: { card_number: string; pin: string } | { phone_number: string; pin: string } | { email?: string; username?: string; password: string },
  ): Promise<VistaMemberSession> {
    if (!this.deviceToken) throw new ConfigError('Workstation mode needs the device token (device-token)', 'device-token');
    const members = createVistaMembersClient(this.config());
    await members.createWorkstationCookie({ ...identity, ...(this.clubId ? { club_id: this.clubId } : {}) }, this.deviceToken);
    return { mode: 'workstation', member: await this.memberWithCookie(), remember: false };
  }

  /**
   * After a cookie sign-in: the member, as Vista sees them with the cookie it just set. A 401 or 403
   * here means the browser did not keep that cookie (a third-party cookie, blocked): nobody is
   * signed in, whatever the sign-in call answered.
   */
  private async memberWithCookie(): Promise<VistaMember | undefined> {
    try {
      return (await askVistaWhoIsSignedIn(this.config(), { withCookies: true })).member;
    } catch (error) {
      if (isNobodySignedIn(error)) {
        throw new ConfigError(
          `The browser did not keep Vista's sign-in cookie (third-party cookies are blocked): mode="${this.sessionMode}" needs the Vista API on this site's own domain, or Partitioned cookies; mode="token" needs neither`,
          'mode',
        );
      }
      return undefined; // the details are "where known": a network failure here does not undo the sign-in
    }
  }

  /** The member's details; a signed-in member without them is still signed in ("where known"). */
  private async memberOrNothing(options: { memberToken?: string; withCookies?: boolean }): Promise<VistaMember | undefined> {
    return createVistaMembersClient(this.config())
      .getCurrentMember(options)
      .catch(() => undefined);
  }

  private signInFailed(error: Error): void {
    const m = this.localize.words;
    this.reportError(error, 'vista-member-error', VistaMemberErrorEvent);
    this.retryAction = undefined;
    if (isMemberLockedOut(error)) {
      const vendor = error as VendorError;
      const seconds = vendor.lockOutPeriodInSeconds ?? (vendor.retryAfterMs ? Math.ceil(vendor.retryAfterMs / 1000) : undefined);
      if (seconds) return this.lockFor(seconds);
      this.formProblem = m.tooManyAttempts;
      this.focusAfterRender.request('[part="error-summary"]');
      return;
    }
    if (isRecaptchaRequired(error)) {
      this.recaptchaNeeded = true;
      this.focusAfterRender.request('[part="notice"]');
      return;
    }
    if (error instanceof VendorError && error.vendor === 'vista' && error.status === 401 && error.code !== 401) {
      // A refused member credential (Vista's own error code), not a refused site token (bare 401).
      const byPin = this.sessionMode === 'workstation' && this.identifyBy !== 'login';
      this.problems = byPin ? { pin: m.wrongPin } : { password: m.wrongPassword };
      this.focusAfterRender.request('[part="error-summary"]');
      return;
    }
    this.error = error;
    this.retryAction = () => this.renderRoot.querySelector<HTMLFormElement>('form[part="form"]')?.requestSubmit();
  }

  // -------------------------------------------------------------------------------------------
  // Lock-out
  // -------------------------------------------------------------------------------------------

  private get locked(): boolean {
    return this.lockedUntil !== undefined && this.lockedUntil > this.now;
  }

  private lockFor(seconds: number): void {
    clearInterval(this.countdown);
    this.now = Date.now();
    this.lockedUntil = this.now + seconds * 1000;
    this.announcement = this.localize.words.lockedAnnouncement(seconds);
    this.focusAfterRender.request('[part="error-summary"]');
    this.countDown();
  }

  /** Ticks the visible countdown every second; speaks the time left only every ANNOUNCE_EVERY_S. */
  private countDown(): void {
    clearInterval(this.countdown);
    let lastAnnounced = Math.ceil((this.lockedUntil! - Date.now()) / 1000);
    this.countdown = setInterval(() => {
      this.now = Date.now();
      const left = Math.ceil((this.lockedUntil! - this.now) / 1000);
      if (left <= 0) {
        clearInterval(this.countdown);
        this.lockedUntil = undefined;
        this.announcement = this.localize.words.unlocked;
        this.focusAfterRender.request(this.sessionMode === 'workstation' && this.identifyBy !== 'login' ? '#pin' : '#password');
      } else if (lastAnnounced - left >= ANNOUNCE_EVERY_S) {
        lastAnnounced = left;
        this.announcement = this.localize.words.lockedAnnouncement(left);
      }
    }, 1000);
  }

  // -------------------------------------------------------------------------------------------
  // Signed in
  // -------------------------------------------------------------------------------------------

  /** Signs the member out: a token session is forgotten (the seed), a cookie session expired with Vista. */
  async signOut(): Promise<void> {
    const session = this.session;
    if (!session || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      if (session.mode !== 'token') await createVistaMembersClient(this.config()).expireAuthenticationCookie({ withCookies: true });
      await endVistaSession(this.apiBase, 'signed-out');
      this.session = undefined;
      this.phase = 'form';
      this.expired = false;
      this.editing = false;
      this.problems = {};
      this.focusAfterRender.request(this.sessionMode === 'workstation' ? '[name="card_number"], [name="phone_number"]' : '#login');
      this.emit('vista-member-logout', new VistaMemberLogoutEvent({ reason: 'sign-out' }));
    } catch (error) {
      this.fail(asError(error), () => void this.signOut());
    } finally {
      this.busy = false;
    }
  }

  private async saveDetails(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    this.busy = true;
    this.error = undefined;
    try {
      const changes = { name: { givenName: value('given-name'), familyName: value('family-name') }, email: value('email') };
      const member = await withVistaMember(this.apiBase, (options) => createVistaMembersClient(this.config()).updateCurrentMember(changes, options));
      updateVistaMember(this.apiBase, member);
      this.editing = false;
      this.detailsSaved = true;
      this.focusAfterRender.request('#member-title');
    } catch (error) {
      if (this.session) this.fail(asError(error), () => this.renderRoot.querySelector<HTMLFormElement>('form[part="details"]')?.requestSubmit());
    } finally {
      this.busy = false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------

  override render() {
    const locale = this.localize.locale;
    const m = this.localize.ready;
    if (!m || this.phase === 'starting') {
      return this.error ? this.renderError(locale) : html`<p class="muted" role="status">…</p>`;
    }
    return this.phase === 'member' && this.session ? this.renderMember(m, this.session, locale) : this.renderForm(m, locale);
  }

  private renderError(locale: string) {
    return renderVistaError(this.error, locale, this.retryAction, () => (this.error = undefined));
  }

  private renderForm(m: LoginMessages, locale: string) {
    const p = this.problems;
    const workstation = this.sessionMode === 'workstation';
    const items: SummaryItem[] = [];
    const fieldIds: Record<Field, string> = { login: 'login', password: 'password', card: 'card', phone: 'phone', pin: 'pin' };
    for (const field of Object.keys(p) as Field[]) items.push({ text: p[field]!, field: fieldIds[field] });
    if (this.locked) items.push({ text: m.lockedOut });
    else if (this.formProblem) items.push({ text: this.formProblem });
    const disabled = this.busy || this.locked;
    return html`<form part="form" class="panel" novalidate aria-labelledby="form-title" @submit=${(e: SubmitEvent) => this.onSubmit(e)}>
      <h2 id="form-title">${workstation ? m.workstationTitle : m.title}</h2>
      ${this.expired ? html`<p part="notice" class="notice info" role="alert">${m.sessionExpired}</p>` : nothing}
      ${renderSummary(m.summaryTitle, items, () => this.shadowRoot)}
      ${this.locked
        ? html`<p part="lockout" class="lockout"><span role="timer">${m.tryAgainIn(clock((this.lockedUntil! - this.now) / 1000))}</span></p>`
        : nothing}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
      ${this.recaptchaNeeded
        ? html`<div part="notice" class="notice info" tabindex="-1" role="alert">
            <p>${this.recaptchaResponse ? m.recaptchaReady : m.recaptchaRequired}</p>
            <slot name="recaptcha"></slot>
          </div>`
        : nothing}
      <fieldset ?disabled=${disabled}>
        ${workstation ? this.renderWorkstationFields(m) : this.renderMemberFields(m)}
        <button type="submit" class="primary">${this.busy ? m.signingIn : m.signIn}</button>
      </fieldset>
      ${this.error ? this.renderError(locale) : nothing}
    </form>`;
  }

  private renderMemberFields(m: LoginMessages) {
    const p = this.problems;
    // Real inputs with names and autocomplete tokens inside a real <form> (submitted, then
    // replaced): what the browsers' own password managers look for, and they reach into an open
    // shadow root. Extensions that only scan the light DOM (some Enpass, Bitwarden and 1Password
    // versions) do not find them: a known shadow-DOM limit (e.g. porsche-design-system#4466).
    return html`${renderField({ id: 'login', name: 'username', label: m.login, problem: p.login, autocomplete: 'username', inputmode: 'email', value: this.login })}
      ${renderField({ id: 'password', name: 'password', label: m.password, problem: p.password, type: 'password', autocomplete: 'current-password' })}
      <label class="check"><input type="checkbox" name="remember" /> ${m.remember}</label>`;
  }

  private renderWorkstationFields(m: LoginMessages) {
    const p = this.problems;
    const byCard = this.identifyBy === 'card';
    const choose = (by: 'card' | 'phone' | 'login') => () => {
      this.identifyBy = by;
      this.problems = {};
    };
    // A box-office device serves many members: nothing is offered for autofill or saved.
    return html`<fieldset class="identify">
        <legend>${m.identifyBy}</legend>
        <label class="check"><input type="radio" name="identify" value="card" .checked=${byCard} @change=${choose('card')} /> ${m.byCard}</label>
        <label class="check"><input type="radio" name="identify" value="phone" .checked=${this.identifyBy === 'phone'} @change=${choose('phone')} /> ${m.byPhone}</label>
        <label class="check"><input type="radio" name="identify" value="login" .checked=${this.identifyBy === 'login'} @change=${choose('login')} /> ${m.byLogin}</label>
      </fieldset>
      ${this.identifyBy === 'login'
        ? html`${renderField({ id: 'login', name: 'username', label: m.login, problem: p.login, inputmode: 'email', value: this.login })}
          ${renderField({ id: 'password', name: 'password', label: m.password, problem: p.password, type: 'password', autocomplete: 'off' })}`
        : html`${byCard
            ? renderField({ id: 'card', name: 'card_number', label: m.cardNumber, problem: p.card, inputmode: 'numeric' })
            : renderField({ id: 'phone', name: 'phone_number', label: m.phoneNumber, problem: p.phone, type: 'tel' })}
          ${renderField({ id: 'pin', name: 'pin', label: m.pin, problem: p.pin, type: 'password', inputmode: 'numeric', autocomplete: 'off' })}`}`;
  }

  private renderMember(m: LoginMessages, session: VistaMemberSession, locale: string) {
    const member = session.member;
    // Without the member's details (a tenant that does not serve members/current), the name
    // they signed in with; failing that, just that they are signed in.
    const name = (member ? [member.name?.givenName, member.name?.familyName].filter(Boolean).join(' ') || member.email || member.username : '') || this.login || lastVistaLogin(this.apiBase) || '';
    // A workstation cookie may not update member details (the seed): no editing offered there.
    const canEdit = session.mode !== 'workstation' && member?.canUpdateDetails !== false && member !== undefined;
    return html`<section part="member" class="panel member" aria-labelledby="member-title">
      <h2 id="member-title" tabindex="-1">${name ? m.signedInAs(name) : m.signedIn}</h2>
      ${member?.maskedCardNumber ? html`<p class="muted">${m.card(member.maskedCardNumber)}</p>` : nothing}
      ${session.mode === 'workstation' ? html`<p class="muted">${m.workstationNote}</p>` : nothing}
      ${this.detailsSaved && !this.editing ? html`<p class="saved" role="status">${m.saved}</p>` : nothing}
      ${canEdit && this.editing && member ? this.renderDetails(m, member) : nothing}
      <div class="actions">
        ${canEdit && !this.editing
          ? html`<button
              type="button"
              part="edit"
              @click=${() => {
                this.editing = true;
                this.detailsSaved = false;
                this.focusAfterRender.request('#given-name');
              }}
            >
              ${m.editDetails}
            </button>`
          : nothing}
        <button type="button" part="sign-out" ?disabled=${this.busy} @click=${() => this.signOut()}>${this.busy ? m.signingOut : m.signOut}</button>
      </div>
      ${this.error ? this.renderError(locale) : nothing}
    </section>`;
  }

  private renderDetails(m: LoginMessages, member: VistaMember) {
    const field = (id: string, label: string, value: string | null, autocomplete: string, type = 'text') =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} name=${id} type=${type} autocomplete=${autocomplete} .value=${value ?? ''} />
      </div>`;
    return html`<form part="details" class="details" @submit=${(e: SubmitEvent) => this.saveDetails(e)}>
      <fieldset ?disabled=${this.busy}>
        ${field('given-name', m.givenName, member.name.givenName, 'given-name')} ${field('family-name', m.familyName, member.name.familyName, 'family-name')}
        ${field('email', m.email, member.email, 'email', 'email')}
        <div class="actions">
          <button type="submit" class="primary">${m.save}</button>
          <button type="button" @click=${() => (this.editing = false)}>${m.cancel}</button>
        </div>
      </fieldset>
    </form>`;
  }
}

define('vista-member-login', VistaMemberLogin);

declare global {
  interface HTMLElementTagNameMap {
    'vista-member-login': VistaMemberLogin;
  }
  interface GlobalEventHandlersEventMap {
    'vista-member-login': VistaMemberLoginEvent;
    'vista-member-logout': VistaMemberLogoutEvent;
    'vista-member-error': VistaMemberErrorEvent;
  }
}
