/**
 * What the element does after its first paint, apart from the form and the member panel: the
 * sign-in call for the mode (token, cookie, or a box-office workstation's card or phone and PIN),
 * the member after a cookie sign-in, Vista's refusals with the lock-out's countdown, and the
 * member-details editor. A chunk of its own, fetched when the element connects, so the first
 * screen paints without it and it is here before a member has typed a password.
 *
 * It imports no code of the element's, only types and what only this chunk uses (the lock-out, its
 * own English words): what it uses from the element's module comes as `SignInTools` (as
 * views/workstation.ts gets its parts), since a chunk importing those modules would move them, and
 * Lit, out of the element's module into a shared chunk that costs more than this one saves.
 */
import type { ConfigError, VendorError } from '../../../api/errors.js';
import type { createVistaMembersClient } from '../../../api/vista/members.js';
import type { isMemberLockedOut, isRecaptchaRequired } from '../../../api/vista/problem.js';
import type { html } from 'lit';
import type { MemberAuthenticationRequest, VistaMember } from '../../../api/vista/types.js';
import type {
  askVistaWhoIsSignedIn,
  isNobodySignedIn,
  tokenFromAnswer,
  updateVistaMember,
  vistaConfigOf,
  VistaMemberSession,
  withVistaMember,
} from '../../../shared/vista/session.js';
import type { clock, renderField } from '../../../shared/vista/form.js';
import { lateWords } from '../vista-member-login.messages.late.js';

export { lateWords } from '../vista-member-login.messages.late.js';
import type { LoginMessages } from '../vista-member-login.messages.types.js';
import type { Field, LoginContext, LoginHost } from './login-host.js';
import { LockoutController } from './lockout.js';

/** The element module's code the calls use, handed over by controllers/sign-in.ts. */
export interface SignInTools {
  ConfigError: typeof ConfigError;
  VendorError: typeof VendorError;
  createVistaMembersClient: typeof createVistaMembersClient;
  askVistaWhoIsSignedIn: typeof askVistaWhoIsSignedIn;
  isNobodySignedIn: typeof isNobodySignedIn;
  tokenFromAnswer: typeof tokenFromAnswer;
  vistaConfigOf: typeof vistaConfigOf;
  isMemberLockedOut: typeof isMemberLockedOut;
  isRecaptchaRequired: typeof isRecaptchaRequired;
  updateVistaMember: typeof updateVistaMember;
  withVistaMember: typeof withVistaMember;
  html: typeof html;
  clock: typeof clock;
  /** For workstation mode's fields (views/workstation.ts, a chunk of its own too). */
  renderField: typeof renderField;
}

/** What a refusal changes on the sign-in form (controllers/sign-in.ts). */
export interface SignInState {
  problems: Partial<Record<Field, string>>;
  formProblem?: string;
  recaptchaNeeded: boolean;
  lockout?: LockoutController;
  /** The secret is a PIN (a workstation's card or phone sign-in). */
  readonly byPin: boolean;
}

/**
 * Vista's refusals in the member's words: a lock-out counted down, a reCAPTCHA asked for, a wrong
 * password or PIN on its field. False for any other failure (the element's error view shows it).
 */
export function refused(t: SignInTools, form: SignInState, ctx: LoginContext, error: Error): boolean {
  const m = lateWords(ctx.words());
  if (t.isMemberLockedOut(error)) {
    const vendor = error as VendorError;
    const seconds = vendor.lockOutPeriodInSeconds ?? (vendor.retryAfterMs ? Math.ceil(vendor.retryAfterMs / 1000) : undefined);
    if (seconds) {
      (form.lockout ??= new LockoutController(ctx, () => (form.byPin ? '#pin' : '#password'))).lockFor(seconds);
      return true;
    }
    form.formProblem = m.tooManyAttempts;
  } else if (t.isRecaptchaRequired(error)) {
    form.recaptchaNeeded = true;
    ctx.focus('[part="notice"]');
    return true;
  } else if (error instanceof t.VendorError && error.vendor === 'vista' && error.status === 401 && error.code !== 401) {
    // A refused member credential (Vista's own error code), not a refused site token (bare 401).
    form.problems = form.byPin ? { pin: m.wrongPin } : { password: m.wrongPassword };
  } else {
    return false;
  }
  ctx.focus('[part="error-summary"]');
  return true;
}

export type WorkstationIdentity = { card_number: string; pin: string } | { phone_number: string; pin: string } | { email?: string; username?: string; password: string };

export function signInWith(t: SignInTools, host: LoginHost, credentials: MemberAuthenticationRequest): Promise<VistaMemberSession> {
  return ask(t, host, async (members, club) => {
    const remember = credentials.remember ?? false;
    if (host.sessionMode === 'cookie') {
      await members.createAuthenticationCookie({ ...credentials, ...club });
      return { mode: 'cookie', member: await memberWithCookie(t, host), remember };
    }
    const token = t.tokenFromAnswer(await members.createAuthenticationToken({ ...credentials, ...club }));
    // The member's details; a signed-in member without them is still signed in ("where known").
    const member = await members.getCurrentMember({ memberToken: token.accessToken }).catch(() => undefined);
    return { mode: 'token', token, member, remember };
  });
}

export function signInOnWorkstation(t: SignInTools, host: LoginHost, identity: WorkstationIdentity): Promise<VistaMemberSession> {
  const deviceToken = host.deviceToken;
  if (!deviceToken) return Promise.reject(new t.ConfigError('Workstation mode needs the device token (device-token)', 'device-token'));
  return ask(t, host, async (members, club) => {
    await members.createWorkstationCookie({ ...identity, ...club }, deviceToken);
    return { mode: 'workstation', member: await memberWithCookie(t, host), remember: false };
  });
}

function ask(
  t: SignInTools,
  host: LoginHost,
  call: (members: ReturnType<typeof createVistaMembersClient>, club: { club_id?: string }) => Promise<VistaMemberSession>,
): Promise<VistaMemberSession> {
  return call(t.createVistaMembersClient(t.vistaConfigOf(host)), host.clubId ? { club_id: host.clubId } : {});
}

/**
 * After a cookie sign-in: the member, as Vista sees them with the cookie it just set. A 401 or 403
 * here means the browser did not keep that cookie (a third-party cookie, blocked): nobody is
 * signed in, whatever the sign-in call answered.
 */
async function memberWithCookie(t: SignInTools, host: LoginHost): Promise<VistaMember | undefined> {
  try {
    return (await t.askVistaWhoIsSignedIn(t.vistaConfigOf(host), { withCookies: true })).member;
  } catch (error) {
    if (t.isNobodySignedIn(error)) {
      throw new t.ConfigError(
        `The browser did not keep Vista's sign-in cookie (third-party cookies are blocked): mode="${host.sessionMode}" needs the Vista API on this site's own domain, or Partitioned cookies; mode="token" needs neither`,
        'mode',
      );
    }
    return undefined; // the details are "where known": a network failure here does not undo the sign-in
  }
}

/** The lock-out's countdown under the form's summary (only a refusal above sets one). */
export function renderLockout(t: SignInTools, lockout: LockoutController, m: LoginMessages) {
  const { html } = t;
  return html`<p part="lockout" class="lockout"><span role="timer">${lateWords(m).tryAgainIn(t.clock(lockout.secondsLeft))}</span></p>`;
}

/** Vista asks for a reCAPTCHA: the site's widget goes in the slot; `ready` once its answer is set. */
export function renderRecaptchaNotice(t: SignInTools, words: LoginMessages, ready: boolean) {
  const { html } = t;
  const m = lateWords(words);
  return html`<div part="notice" class="notice info" tabindex="-1" role="alert">
    <p>${ready ? m.recaptchaReady : m.recaptchaRequired}</p>
    <slot name="recaptcha"></slot>
  </div>`;
}

/** What the details editor reads and changes of the member's session (controllers/session.ts). */
export interface DetailsState {
  busy: boolean;
  editing: boolean;
  detailsSaved: boolean;
  readonly current?: VistaMemberSession;
  edit(editing: boolean): void;
  saveDetails(event: SubmitEvent): void;
  setBusy(busy: boolean): void;
}

/** The member-details form (token and cookie modes). */
export function renderDetails(t: SignInTools, state: DetailsState, words: LoginMessages, member: VistaMember) {
  const { html } = t;
  const m = lateWords(words);
  const field = (id: string, label: string, value: string | null, autocomplete: string, type = 'text') =>
    html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${id} type=${type} autocomplete=${autocomplete} .value=${value ?? ''} />
    </div>`;
  return html`<form part="details" class="details" @submit=${(e: SubmitEvent) => state.saveDetails(e)}>
    <fieldset ?disabled=${state.busy}>
      ${field('given-name', m.givenName, member.name.givenName, 'given-name')} ${field('family-name', m.familyName, member.name.familyName, 'family-name')}
      ${field('email', m.email, member.email, 'email', 'email')}
      <div class="actions">
        <button type="submit" class="primary">${m.save}</button>
        <button type="button" @click=${() => state.edit(false)}>${m.cancel}</button>
      </div>
    </fieldset>
  </form>`;
}

/** Saves the details form: Vista's answer becomes the session's member for every element on the page. */
export async function saveDetails(t: SignInTools, state: DetailsState, ctx: LoginContext, form: HTMLFormElement): Promise<void> {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const apiBase = ctx.host.apiBase;
  state.setBusy(true);
  try {
    const changes = { name: { givenName: value('given-name'), familyName: value('family-name') }, email: value('email') };
    t.updateVistaMember(apiBase, await t.withVistaMember(apiBase, (options) => t.createVistaMembersClient(t.vistaConfigOf(ctx.host)).updateCurrentMember(changes, options)));
    state.editing = false;
    state.detailsSaved = true;
    ctx.focus('#member-title');
  } catch (error) {
    if (state.current) ctx.show(ctx.report(error), () => form.requestSubmit());
  } finally {
    state.setBusy(false);
  }
}
