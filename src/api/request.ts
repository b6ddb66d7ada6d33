/**
 * The one network seam every element goes through: timeouts, cancellation, a retry policy that
 * never repeats a request with side effects, and honest errors (see errors.ts). Vendor clients
 * sit on top and only add paths, headers and their vendor's error form.
 */
import { HttpError, NetworkError, ParseError, TimeoutError } from './errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a vendor hook sees of an answer outside 2xx. */
export interface ErrorAnswer {
  url: string;
  status: number;
  headers: Headers;
  bodyText: string;
  /** The body parsed as JSON, when it was JSON. */
  json: unknown | undefined;
}

export interface RequestOptions {
  method?: HttpMethod;
  headers?: Record<string, string>;
  /** Added to the URL; `null` and `undefined` values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** A plain object or array is sent as JSON; a string, URLSearchParams, FormData or Blob as it is. */
  body?: unknown;
  /** The caller's cancellation: an abort rejects with the AbortError itself, never a widget error. */
  signal?: AbortSignal;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
  /** Extra attempts for GET on a network error, 5xx or 429. Never for other methods. Default 2. */
  retries?: number;
  credentials?: RequestCredentials;
  /**
   * `json` (default): parse, or fail with ParseError; `text`; `none`: ignore the body (204, DELETE);
   * `stream`: hand a 2xx, non-HTML body to `readStream` as it arrives (answers too big to hold as text).
   */
  responseType?: 'json' | 'text' | 'none' | 'stream';
  /**
   * With `responseType: 'stream'`: consumes the body's chunks and resolves with the result. A dropped
   * connection or the time limit while reading fails like any other request (NetworkError,
   * TimeoutError); errors of the reader's own pass through unchanged. Called once per attempt.
   */
  readStream?: (chunks: AsyncIterable<Uint8Array>, response: Response) => Promise<unknown>;
  /** Turns a non-2xx answer into the vendor's own error; `undefined` keeps the default. */
  toVendorError?: (answer: ErrorAnswer) => Error | undefined;
  /** Sees each answer's status and headers as it arrives (any status), e.g. the vendor's `Date`. */
  onResponse?: (response: Pick<Response, 'status' | 'headers'>, receivedAt: number) => void;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 2;
const BASE_BACKOFF_MS = 300;
/** A `Retry-After` longer than this is not waited for: the caller gets the error and can say "try again in N s". */
const MAX_RETRY_WAIT_MS = 10_000;
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const target = withQuery(url, options.query);
  // Only GET is idempotent enough to repeat blindly: a lost POST answer may have been applied.
  const retries = method === 'GET' ? Math.max(0, options.retries ?? DEFAULT_RETRIES) : 0;

  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce<T>(target, method, options);
    } catch (error) {
      const waitMs = attempt < retries ? retryDelay(error, attempt) : undefined;
      if (waitMs === undefined) throw error;
      await sleep(waitMs, options.signal);
    }
  }
}

async function attemptOnce<T>(url: string, method: HttpMethod, options: RequestOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? anySignal([options.signal, timeout]) : timeout;
  const { body, contentType } = encodeBody(options.body);
  const headers: Record<string, string> = {
    ...(options.responseType === 'json' || options.responseType === undefined ? { accept: 'application/json' } : {}),
    ...(contentType ? { 'content-type': contentType } : {}),
    ...options.headers,
  };

  let response: Response;
  let bodyText: string;
  const transportError = (cause: unknown): unknown => {
    if (options.signal?.aborted) return options.signal.reason;
    if (timeout.aborted) return new TimeoutError(url, timeoutMs);
    return new NetworkError(url, { cause });
  };
  try {
    response = await fetch(url, { method, headers, body, signal, credentials: options.credentials });
    options.onResponse?.(response, Date.now());
    const bodyLater = options.responseType === 'none' || (options.responseType === 'stream' && !looksLikeHtml(response, ''));
    bodyText = bodyLater && response.ok ? '' : await response.text();
  } catch (cause) {
    throw transportError(cause);
  }

  if (!response.ok) throw errorFor(url, response, bodyText, options);
  switch (options.responseType) {
    case 'none':
      return undefined as T;
    case 'stream':
      if (looksLikeHtml(response, bodyText)) {
        throw new ParseError(url, response.status, bodyText.slice(0, 200), 'received an HTML page where JSON was expected');
      }
      if (!options.readStream || !response.body) throw new ParseError(url, response.status, '', 'the answer was empty');
      return (await options.readStream(readChunks(response.body, transportError), response)) as T;
    case 'text':
      return bodyText as T;
    default:
      return parseJson<T>(url, response, bodyText);
  }
}

function errorFor(url: string, response: Response, bodyText: string, options: RequestOptions): Error {
  const json = tryJson(bodyText);
  const vendorError = options.toVendorError?.({ url, status: response.status, headers: response.headers, bodyText, json });
  if (vendorError) return vendorError;
  if (looksLikeHtml(response, bodyText)) {
    return new ParseError(url, response.status, bodyText.slice(0, 200), 'received an HTML page where JSON was expected');
  }
  return new HttpError(url, response.status, bodyText.slice(0, 2000), retryAfterMs(response.headers));
}

function parseJson<T>(url: string, response: Response, bodyText: string): T {
  if (looksLikeHtml(response, bodyText)) {
    throw new ParseError(url, response.status, bodyText.slice(0, 200), 'received an HTML page where JSON was expected');
  }
  if (bodyText.trim() === '') throw new ParseError(url, response.status, '', 'the answer was empty');
  try {
    // A wrong content type with a valid JSON body is accepted: vendors and proxies mislabel answers.
    return JSON.parse(bodyText) as T;
  } catch {
    throw new ParseError(url, response.status, bodyText.slice(0, 200), 'the answer was not valid JSON (cut short?)');
  }
}

/** How long to wait before the next attempt, or `undefined` when this error is not worth repeating. */
function retryDelay(error: unknown, attempt: number): number | undefined {
  const status = (error as { status?: number }).status;
  const retryable =
    error instanceof NetworkError ||
    (typeof status === 'number' && RETRYABLE_STATUS.has(status) && !(error instanceof TimeoutError));
  if (!retryable) return undefined;
  const asked = (error as { retryAfterMs?: number }).retryAfterMs;
  if (asked !== undefined) return asked <= MAX_RETRY_WAIT_MS ? asked : undefined;
  const backoff = BASE_BACKOFF_MS * 2 ** attempt;
  return backoff + Math.random() * backoff * 0.25;
}

/** `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function looksLikeHtml(response: Response, bodyText: string): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('text/html') || /^\s*</.test(bodyText);
}

function tryJson(text: string): unknown | undefined {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function encodeBody(body: unknown): { body?: BodyInit; contentType?: string } {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string' || body instanceof URLSearchParams || body instanceof FormData || body instanceof Blob) {
    return { body };
  }
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

/**
 * `base` + `path`, tolerating a trailing slash on `base` (editors paste both). The path is used
 * verbatim: AudienceView's literal parentheses must stay unencoded.
 */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

function withQuery(url: string, query: RequestOptions['query']): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? url + (url.includes('?') ? '&' : '?') + text : url;
}

/** A body's chunks; a failure to read (dropped connection, time limit, abort) becomes the seam's error. */
async function* readChunks(body: ReadableStream<Uint8Array>, transportError: (cause: unknown) => unknown): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (cause) {
        throw transportError(cause);
      }
      if (step.done) return;
      yield step.value;
    }
  } finally {
    // A reader that stopped early (its own error, or it had enough) must not leave the download running.
    reader.cancel().catch(() => {});
  }
}

/** `AbortSignal.any`, with a fallback for browsers that lack it (Safari < 17.4). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if ('any' in AbortSignal) return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
