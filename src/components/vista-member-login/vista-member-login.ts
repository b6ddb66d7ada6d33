import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define, FocusAfterRender, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { errorViewStyles } from '../../shared/error-view.js';
import { lateChunk } from '../../shared/late-content.js';
import { renderVistaError } from '../../shared/vista/form.js';
import type { VistaMemberSession, VistaSessionMode } from '../../shared/vista/session.js';
import { vistaThemeStyles } from '../../shared/vista/theme.styles.js';
import { sessionModeOf, type LoginContext } from './controllers/login-host.js';
import { MemberSessionController } from './controllers/session.js';
import { loadSignInCalls, SIGN_IN_TOOLS } from './controllers/member-actions-loader.js';
import { SignInController } from './controllers/sign-in.js';
import { renderForm } from './views/form.js';
import { renderMember } from './views/member.js';
import type { renderWorkstationFields } from './views/workstation.js';
import { VistaMemberErrorEvent, VistaMemberLoginEvent, VistaMemberLogoutEvent } from './vista-member-login.events.js';
import { LOGIN_MESSAGES } from './vista-member-login.messages.js';
import { loginStyles } from './vista-member-login.styles.js';

/** A box-office workstation's fields (views/workstation.ts): fetched only in workstation mode, once for the page. */
const workstationChunk = lateChunk(() => import('./views/workstation.js'));

export type { VistaMemberSession, VistaSessionMode } from '../../shared/vista/session.js';
export type { WidgetErrorDetail } from '../../shared/events.js';
export * from './vista-member-login.events.js';

/**
 * A Vista loyalty member signs in and out (Vista OCAPI; seed
 * vista-ocapi-member-authentication.txt). Three modes: `token` (the member's token kept by this
 * page, refreshed before it expires; "keep me signed in" keeps it in IndexedDB), `cookie` (an
 * HttpOnly cookie the API sets and renews) and `workstation` (a box-office device signs a member
 * in by card or phone number and PIN with its device token; no editing of member details).
 * Other Vista elements on the page with the same `api-base` use the session (see
 * `src/shared/vista/session.ts`).
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

  /** A failure shown in `part="error"`, and what its retry button does. */
  @state() private error?: Error;
  private retryAction?: () => void;
  /** Where focus goes once the next screen is rendered (a result, a summary of problems). */
  private readonly focusAfterRender = new FocusAfterRender(this);
  /** The words of the page's language (renders again when they, or the sanitizer, arrive). */
  private readonly localize = new LocalizeController(this, LOGIN_MESSAGES);
  private readonly ctx: LoginContext = {
    host: this,
    words: () => this.localize.words,
    focus: (selector) => this.focusAfterRender.request(selector),
    report: (thrown) => this.reportError(thrown, 'vista-member-error', VistaMemberErrorEvent),
    show: (error, retry) => {
      this.error = error;
      this.retryAction = retry;
    },
    loggedIn: (session, restored) =>
      this.emit(
        'vista-member-login',
        new VistaMemberLoginEvent({ ...(session.member ? { member: session.member } : {}), ...(session.token ? { token: session.token.accessToken } : {}), restored }),
      ),
    loggedOut: (reason) => this.emit('vista-member-logout', new VistaMemberLogoutEvent({ reason })),
  };
  /** @internal The session: found at start, watched, ended; the member's details. */
  readonly member = new MemberSessionController(this.ctx);
  /** @internal The sign-in form's flow, and the lock-out it may meet. */
  readonly form = new SignInController(this.ctx, this.member);

  /** Workstation mode's fields are being fetched for this element (reported once if they cannot be). */
  private workstationLoad?: Promise<void>;

  /** @internal Workstation mode: its fields, a chunk of their own (loaded only in that mode). */
  get workstationFields(): typeof renderWorkstationFields | undefined {
    return workstationChunk.module?.renderWorkstationFields;
  }

  /** True while a member is signed in. */
  get authenticated(): boolean {
    return this.member.current !== undefined;
  }

  /**
   * Token mode: the member's current access token (`LoyaltySessionToken`), for the page's own
   * OCAPI calls. It changes at each refresh, so read it when needed rather than keeping it.
   */
  get memberToken(): string | undefined {
    return this.member.current?.token?.accessToken;
  }

  /** @internal The mode, or `token` for a value the start refused (the views read it). */
  get sessionMode(): VistaSessionMode {
    return sessionModeOf(this);
  }

  /**
   * Signs in with a token from an external identity provider the tenant trusts (`external_issuer`
   * grant; the seed: it fails unless the token links to exactly one member). Token and cookie modes.
   */
  signInWithExternalToken(externalIssuerId: string, externalToken: string, options: { remember?: boolean } = {}): Promise<boolean> {
    return this.form.signIn((calls) =>
      calls.signInWith(SIGN_IN_TOOLS, this, { grant_type: 'external_issuer', external_issuer_id: externalIssuerId, external_token: externalToken, remember: options.remember ?? false }),
    );
  }

  /** Signs the member out: a token session is forgotten (the seed), a cookie session expired with Vista. */
  async signOut(): Promise<void> {
    if (!(await this.member.signOut())) return;
    this.form.problems = {};
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The sign-in's calls travel while the form paints; an attempt waits for them (and retries a failed fetch).
    loadSignInCalls().catch(() => undefined);
  }

  protected override willUpdate(): void {
    if (this.sessionMode !== 'workstation' || this.workstationLoad) return;
    this.workstationLoad = workstationChunk.load().then(
      () => this.requestUpdate(),
      (error: unknown) => {
        this.workstationLoad = undefined;
        this.error = this.reportError(error, 'vista-member-error', VistaMemberErrorEvent);
      },
    );
  }

  protected override updated(): void {
    this.toggleAttribute('authenticated', this.authenticated);
  }

  /** @internal `part="error"` for the failure shown, if any. */
  errorView(locale: string) {
    return renderVistaError(this.error, locale, this.retryAction, () => (this.error = undefined));
  }

  override render() {
    const locale = this.localize.locale;
    const m = this.localize.ready;
    // Workstation mode's form waits for its fields' chunk (the member panel does not need them).
    const waiting = this.sessionMode === 'workstation' && !this.workstationFields && !this.member.current;
    if (!m || !this.member.shown || waiting) return this.error ? this.errorView(locale) : html`<p class="muted" role="status">…</p>`;
    const session: VistaMemberSession | undefined = this.member.current;
    return session ? renderMember(this, m, session, locale, () => void this.signOut()) : renderForm(this, m, locale);
  }
}

define('vista-member-login', VistaMemberLogin);

declare global {
  interface HTMLElementTagNameMap {
    'vista-member-login': VistaMemberLogin;
  }
}
