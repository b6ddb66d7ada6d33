/**
 * The AudienceView Professional scanning API (seed: audienceview-professional-api.txt, "Scanning
 * API"; VENDOR-NOTES). Stateless functions over a session `{ apiBase, username, accessToken }`,
 * so the page and the service worker can both rebuild it from storage.
 *
 * Every answer carries `accessTokenExpiration` (moved to one hour after each call): callers keep
 * the latest one. An `error: true` answer becomes a VendorError with `code = errorCodeId`,
 * `forceLogout`, `messageHtml = errorMessageHTML` and the `errorDetails` as `details`; a
 * VendorError with `forceLogout` means the session is over.
 *
 * POSTs are never retried (the seam's rule): `validateTicket` and `syncScans` change state, and
 * `syncScans` has no idempotency key, so a replay after a lost answer is the caller's decision
 * (a server may insert a repeat again without a word, or refuse it: the seed lists no such failure).
 */
import { VendorError } from '../errors.js';
import { joinUrl, request, type ErrorAnswer, type RequestOptions } from '../request.js';
import { AUDIENCEVIEW_API_BASE } from './public.js';
import {
  SCANNING_ERROR_CODES,
  isTicketErrorCode,
  type AuthenticateRequest,
  type AuthenticateResponse,
  type ErrorDetails,
  type FilterOptionsClient,
  type FilterOptionsResponse,
  type ScanningErrorCode,
  type ScanningResponse,
  type SyncScanFailure,
  type SyncScansResponse,
  type TicketErrorCode,
  type ValidTicketsQuery,
  type ValidTicketsResponse,
  type ValidateTicketRequest,
  type ValidateTicketResponse,
  type ValidateTokenResponse,
} from './types.js';

export interface ScanningSession {
  apiBase: string;
  username: string;
  accessToken: string;
}

export interface ScanningRequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A successful sign-in: the session to use, and when token and password expire. */
export interface SignIn {
  session: ScanningSession;
  /** Epoch ms. */
  accessTokenExpiration: number | null;
  passwordExpiresOn: number | null;
  daysTillPasswordExpires: number | null;
}

/** Sign in with the user's AudienceView Professional credentials. */
export async function authenticate(apiBase: string, credentials: AuthenticateRequest, options: ScanningRequestOptions = {}): Promise<SignIn> {
  const base = apiBase || AUDIENCEVIEW_API_BASE;
  const answer = await call<AuthenticateResponse>(base, 'authenticate', { method: 'POST', body: { username: credentials.username, password: credentials.password } }, options);
  if (!answer.accessToken) throw unexpected('authenticate', 'the answer had no accessToken');
  return {
    session: { apiBase: base, username: credentials.username, accessToken: answer.accessToken },
    accessTokenExpiration: answer.accessTokenExpiration,
    passwordExpiresOn: answer.passwordExpiresOn,
    daysTillPasswordExpires: answer.daysTillPasswordExpires,
  };
}

/** Checks that the token still works (and extends it); resolves with the new expiration. */
export async function validateToken(session: ScanningSession, options: ScanningRequestOptions = {}): Promise<{ accessTokenExpiration: number | null }> {
  const answer = await call<ValidateTokenResponse>(session.apiBase, 'validateToken', { headers: authorizationHeader(session) }, options);
  return { accessTokenExpiration: answer.accessTokenExpiration };
}

/** Signs out: the vendor answers 200 with no body (an error form, if any, is still reported). */
export async function invalidateToken(session: ScanningSession, options: ScanningRequestOptions = {}): Promise<void> {
  const text = await request<string>(joinUrl(session.apiBase, '/public/scanning/invalidateToken'), {
    method: 'DELETE',
    headers: authorizationHeader(session),
    responseType: 'text',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    toVendorError: vendorErrorFromAnswer,
    onResponse: noteVendorClock,
  });
  if (!text.trim()) return;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return; // a body that is not JSON on a 200 sign-out is not worth failing for
  }
  const error = scanningError(json);
  if (error) throw error;
}

/** The clients, productions and performances the user may scan now (the three drop-downs). */
export async function filterOptions(session: ScanningSession, options: ScanningRequestOptions = {}): Promise<FilterOptionsResponse & { clients: FilterOptionsClient[] }> {
  const answer = await call<FilterOptionsResponse>(session.apiBase, 'filterOptions', { headers: authorizationHeader(session) }, options);
  return { ...answer, clients: answer.clients ?? [] };
}

/** What a ticket-level refusal (codes 8–14) means at the door, per the ticket-scanner contract. */
export type RefusalVerdict = 'duplicate' | 'invalid' | 'unknown';

/** The verdict on one scanned barcode. */
export type TicketValidation =
  | { verdict: 'valid'; accessTokenExpiration: number | null; ticket: ValidateTicketResponse }
  | {
      verdict: RefusalVerdict;
      accessTokenExpiration: number | null;
      code: TicketErrorCode;
      /** The seed's short name, e.g. "Ticket Already Scanned". */
      message: string;
      /** The vendor's red banner (sanitize before display). */
      messageHtml: string | null;
      errorDetails: ErrorDetails;
    };

/**
 * Validates a barcode online. Decision: a ticket that may not enter (codes 8–14) is a verdict,
 * not an exception, because the scanner shows it like any other result; `verdict` is
 * `duplicate` (12), `unknown` (11) or `invalid` (8 wrong client, 9 wrong series, 10 wrong
 * performance, 13 voided, 14 refunded). Everything else (session, input, server) throws a
 * VendorError like every other call.
 */
export async function validateTicket(session: ScanningSession, ticket: ValidateTicketRequest, options: ScanningRequestOptions = {}): Promise<TicketValidation> {
  const body: ValidateTicketRequest = {
    barcodeString: ticket.barcodeString,
    clientId: ticket.clientId,
    productionId: ticket.productionId ?? null,
    performanceId: ticket.performanceId ?? null,
  };
  const answer = await send<ValidateTicketResponse>(session.apiBase, 'validateTicket', { method: 'POST', headers: authorizationHeader(session), body }, options);
  const error = scanningError(answer);
  if (!error) return { verdict: 'valid', accessTokenExpiration: answer.accessTokenExpiration, ticket: answer };
  if (!isTicketErrorCode(error.code)) throw error;
  return {
    verdict: verdictOf(error.code),
    accessTokenExpiration: answer.accessTokenExpiration ?? null,
    code: error.code,
    message: error.message,
    messageHtml: error.messageHtml ?? null,
    errorDetails: error.details as ErrorDetails,
  };
}

/** Maps a ticket-level code to the scanner's verdict. */
export function verdictOf(code: TicketErrorCode): RefusalVerdict {
  return code === 12 ? 'duplicate' : code === 11 ? 'unknown' : 'invalid';
}

/** Every ticket for the client (and production / performance) for offline scanning. */
export async function fetchValidTickets(session: ScanningSession, query: ValidTicketsQuery, options: ScanningRequestOptions = {}): Promise<ValidTicketsResponse> {
  const answer = await call<ValidTicketsResponse>(
    session.apiBase,
    'cache/validTickets',
    {
      headers: authorizationHeader(session),
      query: { clientId: query.clientId, productionId: query.productionId, performanceId: query.performanceId },
    },
    // A big event's list is large (30,000 tickets is ~15 MB): allow more than the default 15 s.
    { timeoutMs: 60_000, ...options },
  );
  return { ...answer, tickets: answer.tickets ?? [] };
}

/** A scan made offline, to be synced. */
export interface OfflineScan {
  ticketId: number;
  performanceId: number;
  barcode: string;
  /** Epoch ms: when it was scanned, not when it is sent. */
  scanTime: number;
}

export interface SyncScansInput {
  clientId: number;
  productionId?: number | null;
  performanceId?: number | null;
  tickets: OfflineScan[];
}

/**
 * Sends scans made offline. Each ticket carries its barcode as both `barcode` (the seed's
 * example) and `barcodeString` (its table): servers differ (VENDOR-NOTES). Resolves with the
 * scans the server refused (`failedBarcodes`, with reasons to show staff) and the new expiration.
 */
export async function syncScans(
  session: ScanningSession,
  input: SyncScansInput,
  options: ScanningRequestOptions = {},
): Promise<{ failedBarcodes: SyncScanFailure[]; accessTokenExpiration: number | null }> {
  const body = {
    clientId: input.clientId,
    productionId: input.productionId ?? null,
    performanceId: input.performanceId ?? null,
    tickets: input.tickets.map((t) => ({ ticketId: t.ticketId, performanceId: t.performanceId, barcode: t.barcode, barcodeString: t.barcode, scanTime: t.scanTime })),
  };
  const answer = await call<SyncScansResponse>(session.apiBase, 'cache/syncScans', { method: 'POST', headers: authorizationHeader(session), body }, options);
  if (!Array.isArray(answer.failedBarcodes)) throw unexpected('cache/syncScans', 'the answer had no failedBarcodes list');
  return { failedBarcodes: answer.failedBarcodes, accessTokenExpiration: answer.accessTokenExpiration ?? null };
}

/**
 * The vendor's clock, from the answers' `Date` header: `syncScans` refuses a scan time "in the
 * future", so a phone whose clock runs fast would lose its offline scans. The header has whole
 * seconds and left the server before it arrived here, so the estimate errs towards the past
 * (a scan stamped a second early is harmless). `Date` is not a CORS-safelisted response header:
 * unless the vendor (or the venue's proxy) sends `Access-Control-Expose-Headers: Date`, the page
 * cannot read it and the device's own clock is used (docs/vendor-readings.md).
 */
let vendorClockOffsetMs: number | undefined;

/** Now on the vendor's clock (epoch ms): the device's clock until an answer has told the offset. */
export function vendorNow(): number {
  return Date.now() + (vendorClockOffsetMs ?? 0);
}

/** Vendor clock minus device clock, in ms, as last learned; `undefined` while no answer had a readable `Date`. */
export function vendorClockOffset(): number | undefined {
  return vendorClockOffsetMs;
}

/** Forgets the learned offset (tests; a new sign-in learns it again). */
export function resetVendorClock(): void {
  vendorClockOffsetMs = undefined;
}

/**
 * How far below the offset held an answer's may fall before the clocks are taken to have moved
 * (the phone's clock set, the vendor's corrected): a whole second of the header's truncation, and
 * as much again for an answer slow to arrive.
 */
const CLOCK_MOVED_MS = 2_000;

/**
 * The request seam's `onResponse` for every scanning call. Each answer's `Date` is a lower bound of
 * the offset (whole seconds, sent before it arrived), so the offset held is the highest of them:
 * taking each answer's as it comes would move it back and forth by up to a second, and two scans
 * a moment apart would be stamped out of order. Far lower, the clocks moved: the new one is taken.
 */
export function noteVendorClock(response: Pick<Response, 'headers'>, receivedAt: number): void {
  const date = Date.parse(response.headers.get('date') ?? '');
  if (!Number.isFinite(date)) return;
  const offset = date - receivedAt;
  if (vendorClockOffsetMs === undefined || offset > vendorClockOffsetMs || offset < vendorClockOffsetMs - CLOCK_MOVED_MS) vendorClockOffsetMs = offset;
}

/** `Basic base64(username:accessToken)`, UTF-8 safe (btoa alone throws on "é"). */
export function authorizationHeader(session: Pick<ScanningSession, 'username' | 'accessToken'>): Record<string, string> {
  return { Authorization: `Basic ${base64Utf8(`${session.username}:${session.accessToken}`)}` };
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

type CallInit = Pick<RequestOptions, 'method' | 'headers' | 'body' | 'query'>;

/** One scanning call; the answer may still be the `error: true` form. */
async function send<T extends Partial<ScanningResponse>>(apiBase: string, path: string, init: CallInit, options: ScanningRequestOptions): Promise<T> {
  const answer = await request<T>(joinUrl(apiBase || AUDIENCEVIEW_API_BASE, `/public/scanning/${path}`), {
    ...init,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    toVendorError: vendorErrorFromAnswer,
    onResponse: noteVendorClock,
  });
  if (!answer || typeof answer !== 'object') throw unexpected(path, 'the answer was not an object');
  return answer;
}

/** One scanning call whose `error: true` form is thrown as a VendorError. */
async function call<T extends Partial<ScanningResponse>>(apiBase: string, path: string, init: CallInit, options: ScanningRequestOptions): Promise<T> {
  const answer = await send<T>(apiBase, path, init, options);
  const error = scanningError(answer);
  if (error) throw error;
  return answer;
}

/**
 * The scanning error form: `error: true` with `errorDetails`. Also read on non-2xx answers in
 * case a server sends the form with an HTTP error status.
 */
export function scanningError(answer: unknown, status?: number): VendorError | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const response = answer as Partial<ScanningResponse>;
  if (response.error !== true) return undefined;
  const details = response.errorDetails ?? null;
  const code = (typeof details?.errorCodeId === 'number' ? details.errorCodeId : 16) as ScanningErrorCode;
  const known = SCANNING_ERROR_CODES[code];
  return new VendorError(details?.errorCodeName || known?.name || 'Scanning error', {
    vendor: 'audienceview',
    code,
    status,
    // The answer's flag wins; the seed's table is the fallback when a server leaves it out.
    forceLogout: typeof details?.forceLogout === 'boolean' ? details.forceLogout : known?.forceLogout ?? false,
    messageHtml: response.errorMessageHTML ?? undefined,
    details: details ?? undefined,
  });
}

function vendorErrorFromAnswer(answer: ErrorAnswer): Error | undefined {
  return scanningError(answer.json, answer.status);
}

function unexpected(path: string, reason: string): VendorError {
  return new VendorError(`Unexpected answer from scanning/${path}: ${reason}`, { vendor: 'audienceview', code: 16 });
}
