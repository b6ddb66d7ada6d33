/**
 * The six ways a widget can fail, each with a literal `name` (the contract's `detail.error.name`).
 * Callers branch on `error.name` or `instanceof`, never on message text.
 */

export type Vendor = 'audienceview' | 'vista' | 'utick';

/** The vendor answered with a status outside 2xx and no error form of its own. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly url: string,
    readonly status: number,
    readonly bodyText = '',
    /** From `Retry-After`, when the answer had one. */
    readonly retryAfterMs?: number,
  ) {
    super(`${status} from ${describeUrl(url)}`);
  }
}

/**
 * The request never got an answer: offline, DNS, a dropped connection, or a CORS preflight the
 * vendor refused (browsers report all of these the same way, so the message names them all).
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`Could not reach ${describeUrl(url)} (offline, or this site's address is not allowed by the vendor)`, options);
  }
}

/** No answer within the time limit. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`${describeUrl(url)} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/** The answer was not the JSON we expected: an HTML error page, an empty or truncated body. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly url: string,
    readonly status: number,
    /** The first characters of the body, for logs. */
    readonly snippet: string,
    reason = 'the answer was not valid JSON',
  ) {
    super(`${describeUrl(url)}: ${reason} (status ${status})`);
  }
}

/** A bad or missing attribute, caught before any request is made. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly attribute?: string,
  ) {
    super(message);
  }
}

export interface VendorErrorInit {
  vendor: Vendor;
  /** The vendor's own code: AudienceView scanning `errorCodeId`, Vista `errorCode`, Utick `error.code`. */
  code: string | number;
  status?: number;
  /** AudienceView scanning: the session is over and the user must sign in again. */
  forceLogout?: boolean;
  /** Vista: error 32000, the member is locked out for this long. */
  lockOutPeriodInSeconds?: number;
  retryAfterMs?: number;
  /** The vendor's own HTML message (AudienceView `errorMessageHTML`); sanitize before display. */
  messageHtml?: string;
  /** The vendor's whole error object, for logs and vendor-specific handling. */
  details?: unknown;
}

/** The vendor said no, in its own error format. */
export class VendorError extends Error {
  override readonly name = 'VendorError';
  readonly vendor: Vendor;
  readonly code: string | number;
  readonly status?: number;
  readonly forceLogout: boolean;
  readonly lockOutPeriodInSeconds?: number;
  readonly retryAfterMs?: number;
  readonly messageHtml?: string;
  readonly details?: unknown;

  constructor(message: string, init: VendorErrorInit) {
    super(message);
    this.vendor = init.vendor;
    this.code = init.code;
    this.status = init.status;
    this.forceLogout = init.forceLogout ?? false;
    this.lockOutPeriodInSeconds = init.lockOutPeriodInSeconds;
    this.retryAfterMs = init.retryAfterMs;
    this.messageHtml = init.messageHtml;
    this.details = init.details;
  }
}

export type WidgetError = HttpError | NetworkError | TimeoutError | ParseError | ConfigError | VendorError;
export type WidgetErrorName = WidgetError['name'];

const WIDGET_ERROR_NAMES: ReadonlySet<string> = new Set<WidgetErrorName>([
  'HttpError',
  'NetworkError',
  'TimeoutError',
  'ParseError',
  'ConfigError',
  'VendorError',
]);

export function isWidgetError(error: unknown): error is WidgetError {
  return error instanceof Error && WIDGET_ERROR_NAMES.has(error.name);
}

/** Whatever was thrown, as an Error (a rejected promise may carry a string or anything). */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/** The caller cancelled (a newer request replaced this one): not a failure to show anyone. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Host and path only: query strings can carry codes and ids that do not belong in messages or logs. */
function describeUrl(url: string): string {
  try {
    const { host, pathname } = new URL(url, globalThis.location?.href ?? 'http://localhost/');
    return host + pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}
