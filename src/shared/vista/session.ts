/**
 * The signed-in Vista member, shared in the page: `<vista-member-login>` signs in and out,
 * `<vista-ticket-redemption>` (and any other element on the same `api-base`) makes its member
 * calls through `withVistaMember`, and both re-render on `watchVistaSession`. Elements never pass
 * tokens to each other through attributes or events a page script could log.
 *
 * Where the session lives, by mode (seed: vista-ocapi-member-authentication.txt):
 * - `token`: the access and refresh tokens in this module's memory; with "keep me signed in"
 *   (`remember`) also in IndexedDB (`vista-member` / `session`, keyed by api-base), so a reload
 *   finds them. Never localStorage: any script of the page (and any XSS) reads that synchronously.
 *   The access token is refreshed with the refresh-token grant before it expires (a timer) and on
 *   demand when a call finds it about to expire or expired (a sleeping tab's timer is late).
 * - `cookie` and `workstation`: the session is an HttpOnly cookie the page cannot see; the API
 *   renews it itself. A reload learns whether a member is signed in from the readable
 *   `vista-loyalty-member-is-authenticated` cookie when the API is on the page's own host, and
 *   otherwise by asking Vista once (`askVistaWhoIsSignedIn`: `members/current`, which no seed
 *   documents, else a documented member-only call).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { ConfigError, VendorError } from '../../api/errors.js';
import { vistaRequest, type VistaCallOptions, type VistaClientConfig } from '../../api/vista/call.js';
import { createVistaMembersClient } from '../../api/vista/members.js';
import { isMemberSessionExpired } from '../../api/vista/problem.js';
import type { AuthenticationTokenResponse, VistaMember } from '../../api/vista/types.js';

export type VistaSessionMode = 'token' | 'cookie' | 'workstation';
export const VISTA_SESSION_MODES: readonly string[] = ['token', 'cookie', 'workstation'] satisfies VistaSessionMode[];

/** Refuses a `mode` attribute that is none of the three. */
export function checkVistaMode(mode: string): void {
  if (!VISTA_SESSION_MODES.includes(mode)) throw new ConfigError(`mode must be token, cookie or workstation, not "${String(mode).slice(0, 40)}"`, 'mode');
}

/** The API settings every Vista element has (its `api-base`, `api-token` and `region-code`). */
export interface VistaElementSettings {
  readonly apiBase: string;
  readonly apiToken: string;
  readonly regionCode: string;
}

/** The client configuration from an element's settings (blank ones left out). */
export function vistaConfigOf(host: VistaElementSettings): VistaClientConfig {
  return { apiBase: host.apiBase, apiToken: host.apiToken || undefined, regionCode: host.regionCode || undefined };
}

export interface VistaMemberToken {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms when `accessToken` stops working. */
  expiresAt: number;
}

export interface VistaMemberSession {
  mode: VistaSessionMode;
  member?: VistaMember;
  /** Token mode only. */
  token?: VistaMemberToken;
  /** "Keep me signed in": the refresh token is long-lived and the session survives a reload. */
  remember: boolean;
}

/** What happened to the session of an api-base. */
export type VistaSessionChange =
  | { kind: 'signed-in' | 'updated'; session: VistaMemberSession }
  | { kind: 'signed-out' }
  /** Vista ended the session (403 expired and no way to refresh it): sign in again. */
  | { kind: 'expired'; error?: Error };

type Listener = (change: VistaSessionChange) => void;

interface Entry {
  config?: VistaClientConfig;
  session?: VistaMemberSession;
  listeners: Set<Listener>;
  timer?: ReturnType<typeof setTimeout>;
  refreshing?: Promise<VistaMemberToken>;
  restoring?: Promise<VistaMemberSession | undefined>;
  /** The name last typed to sign in, to fill the form again when the session ends. */
  login?: string;
}

const IS_AUTHENTICATED_COOKIE = 'vista-loyalty-member-is-authenticated';
/** After a refresh that got no answer, try again this much later. */
const RETRY_REFRESH_MS = 30_000;
const entries = new Map<string, Entry>();
let database: UseStore | undefined;
const store = () => (database ??= createStore('vista-member', 'session'));

/** What IndexedDB keeps for a remembered token session. */
interface StoredSession {
  session: VistaMemberSession;
  login?: string;
}

function entryFor(apiBase: string): Entry {
  const key = sessionKey(apiBase);
  let entry = entries.get(key);
  if (!entry) entries.set(key, (entry = { listeners: new Set() }));
  return entry;
}

/** Sessions are per tenant: `api-base` without its trailing slash. */
function sessionKey(apiBase: string): string {
  return apiBase.trim().replace(/\/+$/, '');
}

function notify(entry: Entry, change: VistaSessionChange): void {
  for (const listener of [...entry.listeners]) listener(change);
}

/** What a page reload does to this module: every in-memory session and timer gone (tests). */
export function forgetVistaSessionsInMemory(): void {
  for (const entry of entries.values()) clearTimeout(entry.timer);
  entries.clear();
}

/** The member session of an api-base, if any. */
export function currentVistaSession(apiBase: string): VistaMemberSession | undefined {
  return entries.get(sessionKey(apiBase))?.session;
}

/** The name last used to sign in on this api-base (kept to fill the form again). */
export function lastVistaLogin(apiBase: string): string | undefined {
  return entries.get(sessionKey(apiBase))?.login;
}

/** Calls `listener` on every change of the api-base's session; returns the unsubscribe. */
export function watchVistaSession(apiBase: string, listener: Listener): () => void {
  const entry = entryFor(apiBase);
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

/** A session a sign-in created. */
export async function beginVistaSession(config: VistaClientConfig, session: VistaMemberSession, login?: string): Promise<void> {
  const entry = entryFor(config.apiBase);
  entry.config = config;
  entry.session = session;
  if (login !== undefined) entry.login = login;
  scheduleRefresh(entry);
  await persist(entry);
  notify(entry, { kind: 'signed-in', session });
}

/** The member's details changed (e.g. they edited their name). */
export function updateVistaMember(apiBase: string, member: VistaMember): void {
  const entry = entryFor(apiBase);
  if (!entry.session) return;
  entry.session = { ...entry.session, member };
  void persist(entry);
  notify(entry, { kind: 'updated', session: entry.session });
}

/** Ends the session here (sign-out, or Vista said it is over). The caller signs out of a cookie session with Vista. */
export async function endVistaSession(apiBase: string, reason: 'signed-out' | 'expired', error?: Error): Promise<void> {
  const entry = entryFor(apiBase);
  const had = entry.session !== undefined;
  clearTimeout(entry.timer);
  entry.session = undefined;
  entry.refreshing = undefined;
  await del(sessionKey(apiBase), store()).catch(() => undefined);
  if (had) notify(entry, reason === 'expired' ? { kind: 'expired', error } : { kind: 'signed-out' });
}

/**
 * The session after a reload: memory, else a remembered token session from IndexedDB (refreshed
 * first when its access token has run out), else for cookie modes what the readable cookie or
 * `members/current` says. Resolves `undefined` when nobody is signed in.
 */
export function restoreVistaSession(config: VistaClientConfig, mode: VistaSessionMode): Promise<VistaMemberSession | undefined> {
  const entry = entryFor(config.apiBase);
  entry.config ??= config;
  if (entry.session) return Promise.resolve(entry.session);
  entry.restoring ??= (mode === 'token' ? restoreToken(entry, config) : restoreCookie(entry, config, mode)).finally(() => {
    entry.restoring = undefined;
  });
  return entry.restoring;
}

async function restoreToken(entry: Entry, config: VistaClientConfig): Promise<VistaMemberSession | undefined> {
  const stored = await get<StoredSession>(sessionKey(config.apiBase), store()).catch(() => undefined);
  if (!stored?.session.token || entry.session) return entry.session;
  entry.session = stored.session;
  entry.login ??= stored.login;
  scheduleRefresh(entry);
  // Ask Vista whether the remembered session still stands (and for fresh member details): an
  // expired token is refreshed; a refused refresh token ends the session ('expired').
  try {
    const { member } = await withVistaMember(config.apiBase, (options) => askVistaWhoIsSignedIn(config, options));
    if (entry.session) entry.session = { ...entry.session, ...(member ? { member } : {}) };
  } catch (error) {
    if (isNobodySignedIn(error) && entry.session) await endVistaSession(config.apiBase, 'expired', error as Error);
    // Otherwise (offline, a server error): keep the remembered session; the next call tries again.
  }
  if (entry.session) {
    await persist(entry);
    notify(entry, { kind: 'signed-in', session: entry.session });
  }
  return entry.session;
}

async function restoreCookie(entry: Entry, config: VistaClientConfig, mode: VistaSessionMode): Promise<VistaMemberSession | undefined> {
  if (readableCookieSays(config.apiBase) === false) return undefined;
  try {
    const { member } = await askVistaWhoIsSignedIn(config, { withCookies: true });
    if (entry.session) return entry.session;
    entry.session = { mode, ...(member ? { member } : {}), remember: false };
    notify(entry, { kind: 'signed-in', session: entry.session });
    return entry.session;
  } catch (error) {
    if (isNobodySignedIn(error)) return undefined;
    throw error;
  }
}

/** 401 (no session) and 403 (an old or expired one) both mean: nobody is signed in. */
export function isNobodySignedIn(error: unknown): boolean {
  return error instanceof VendorError && (error.status === 401 || error.status === 403);
}

/**
 * Asks Vista whether a member is signed in, and who. `members/current` is in no seed: a tenant
 * that does not serve it (404) is asked a documented member-only call instead (the member's
 * ticket redemption cards, GetMemberTicketRedemptionCards), which tells that someone is signed
 * in, not who. Rejects with Vista's 401/403 when nobody is (see `isNobodySignedIn`).
 */
export async function askVistaWhoIsSignedIn(config: VistaClientConfig, options: VistaCallOptions): Promise<{ member?: VistaMember }> {
  try {
    return { member: await createVistaMembersClient(config).getCurrentMember(options) };
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) throw error;
  }
  // The call itself, not the redemption client: the sign-in element need not carry that client.
  await vistaRequest<unknown>(config, 'members/current/ticket-redemption-cards', {}, options);
  return {};
}

/**
 * What the `vista-loyalty-member-is-authenticated` cookie says, when the page can read it: the
 * API on the page's own host (cookies ignore ports). `undefined` when it is out of the page's reach.
 */
export function readableCookieSays(apiBase: string): boolean | undefined {
  if (typeof document === 'undefined') return undefined;
  const api = new URL(apiBase, document.baseURI);
  if (api.hostname !== location.hostname) return undefined;
  return document.cookie.split(';').some((part) => part.trim() === `${IS_AUTHENTICATED_COOKIE}=true`);
}

/**
 * A token answer as a session token. The expiry is counted from when the answer arrived, a
 * little early, so that clock skew never sends a token Vista already considers dead.
 */
export function tokenFromAnswer(answer: AuthenticationTokenResponse): VistaMemberToken {
  return { accessToken: answer.access_token, refreshToken: answer.refresh_token ?? null, expiresAt: Date.now() + answer.expires_in * 1000 };
}

/** Refresh this long before expiry: a minute, or a quarter of a short token's life. */
function refreshLeadMs(token: VistaMemberToken, lifetimeMs = token.expiresAt - Date.now()): number {
  return Math.max(0, Math.min(60_000, lifetimeMs / 4));
}

function scheduleRefresh(entry: Entry): void {
  clearTimeout(entry.timer);
  const token = entry.session?.token;
  if (!token?.refreshToken || !entry.config) return;
  const apiBase = entry.config.apiBase;
  const delay = Math.max(0, token.expiresAt - Date.now() - refreshLeadMs(token));
  entry.timer = setTimeout(() => {
    refreshVistaToken(apiBase).catch(() => {
      // Vista's refusal ended the session; a network failure is tried again in a while (and a
      // call made meanwhile refreshes on demand).
      const session = entry.session;
      if (session?.token) entry.timer = setTimeout(() => entry.session === session && scheduleRefresh(entry), RETRY_REFRESH_MS);
    });
  }, delay);
}

async function persist(entry: Entry): Promise<void> {
  const session = entry.session;
  if (!session || !entry.config) return;
  const key = sessionKey(entry.config.apiBase);
  // Only a remembered token session outlives the page; a cookie session is the browser's business.
  const keep = session.mode === 'token' && session.remember;
  const stored: StoredSession = { session, ...(entry.login !== undefined ? { login: entry.login } : {}) };
  await (keep ? set(key, stored, store()) : del(key, store())).catch(() => undefined);
}

/**
 * A new access token from the refresh token (one request at a time however many callers ask).
 * Vista refusing the refresh token ends the session (`expired`); a network failure keeps it, so
 * that the next call can try again.
 */
export function refreshVistaToken(apiBase: string): Promise<VistaMemberToken> {
  const entry = entryFor(apiBase);
  const session = entry.session;
  const refreshToken = session?.token?.refreshToken;
  if (!session || !refreshToken || !entry.config) {
    return Promise.reject(new VendorError('No member session to refresh', { vendor: 'vista', code: 401, status: 401 }));
  }
  const config = entry.config;
  entry.refreshing ??= createVistaMembersClient(config)
    .createAuthenticationToken({ grant_type: 'refresh_token', refresh_token: refreshToken, remember: session.remember })
    .then(
      async (answer) => {
        const token = tokenFromAnswer(answer);
        if (entry.session !== session) return token; // signed out meanwhile
        entry.session = { ...session, token };
        scheduleRefresh(entry);
        await persist(entry);
        notify(entry, { kind: 'updated', session: entry.session });
        return token;
      },
      async (error: unknown) => {
        if (!(error instanceof VendorError) || entry.session !== session) throw error;
        // Refresh tokens can be single use: another tab of this member may have used this one and
        // stored its successor. Take that session over rather than signing the member out.
        const newer = session.remember ? await get<StoredSession>(sessionKey(apiBase), store()).catch(() => undefined) : undefined;
        const token = newer?.session.token;
        if (token && token.refreshToken !== refreshToken && token.expiresAt > Date.now() && entry.session === session) {
          entry.session = newer.session;
          scheduleRefresh(entry);
          notify(entry, { kind: 'updated', session: newer.session });
          return token;
        }
        await endVistaSession(apiBase, 'expired', error);
        throw error;
      },
    )
    .finally(() => {
      entry.refreshing = undefined;
    });
  return entry.refreshing;
}

/** Call options that carry the member's session: a fresh `memberToken`, or the cookies. */
async function memberCallOptions(apiBase: string): Promise<VistaCallOptions> {
  const session = currentVistaSession(apiBase);
  if (!session) return {};
  if (session.mode !== 'token') return { withCookies: true };
  let token = session.token!;
  if (token.expiresAt - refreshLeadMs(token, 60_000) <= Date.now() && token.refreshToken) token = await refreshVistaToken(apiBase);
  return { memberToken: token.accessToken };
}

/**
 * Runs a member call with the session's credentials. An expired session (403) is refreshed and
 * the call made once more when a refresh token allows it; otherwise the session ends (`expired`)
 * and the error is rethrown for the caller to explain.
 */
export async function withVistaMember<T>(apiBase: string, call: (options: VistaCallOptions) => Promise<T>): Promise<T> {
  const before = currentVistaSession(apiBase);
  try {
    return await call(await memberCallOptions(apiBase));
  } catch (error) {
    if (!isMemberSessionExpired(error) || !before || currentVistaSession(apiBase) !== before) throw error;
    if (before.token?.refreshToken) {
      await refreshVistaToken(apiBase);
      return call(await memberCallOptions(apiBase));
    }
    await endVistaSession(apiBase, 'expired', error as Error);
    throw error;
  }
}
