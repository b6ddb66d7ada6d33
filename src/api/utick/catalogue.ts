/**
 * The browser client of the Utick ("Sapiti") catalogue API v1: packs and streams.
 *
 * `apiBase` is the venue's signing proxy (CONTRACT.md, Utick): the browser never holds the
 * private key, the proxy adds the signature and forwards to `https://sapiti.net/v1`. Paths are
 * appended exactly as the contract writes them.
 */
import { ConfigError, ParseError, VendorError } from '../errors.js';
import { joinUrl, request, retryAfterMs, type ErrorAnswer } from '../request.js';
import {
  UTICK_MAX_LIMIT,
  type UtickErrorBody,
  type UtickPack,
  type UtickPackDetails,
  type UtickPage,
  type UtickStream,
} from './types.js';

/** Per-call options every function accepts. */
export interface UtickCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Who asks for access to a stream: the code the patron typed, or the page's contact id. */
export type UtickStreamCredential = { accessCode: string } | { contactId: string };

/** One page of published packs. An answer shorter than `limit` is the last page. */
export async function listPacks(apiBase: string, page: UtickPage = {}, options: UtickCallOptions = {}): Promise<UtickPack[]> {
  return callUtick<UtickPack[]>(apiBase, '/catalogue/packs', { ...options, query: pageQuery(page) });
}

/** One pack's public fields (seed: `/catalogue/packs/{id}`). */
export async function getPack(apiBase: string, packId: string, options: UtickCallOptions = {}): Promise<UtickPack> {
  return callUtick<UtickPack>(apiBase, `/catalogue/packs/${pathId(packId, 'pack-id')}`, options);
}

/** A pack with its sets of stocks; `stockId` keeps only that stock (seed: `stockid`). */
export async function getPackDetails(
  apiBase: string,
  packId: string,
  options: UtickCallOptions & { stockId?: string } = {},
): Promise<UtickPackDetails> {
  const { stockId, ...call } = options;
  return callUtick<UtickPackDetails>(apiBase, `/catalogue/packs/details/${pathId(packId, 'pack-id')}/`, {
    ...call,
    query: { stockid: stockId || undefined },
  });
}

/** One page of streams, in every status (unknown statuses included: check `isStreamPublished`). */
export async function listStreams(apiBase: string, page: UtickPage = {}, options: UtickCallOptions = {}): Promise<UtickStream[]> {
  return callUtick<UtickStream[]>(apiBase, '/catalogue/streams', { ...options, query: pageQuery(page) });
}

/** One stream (contract path, with the trailing slash). */
export async function getStream(apiBase: string, streamId: string, options: UtickCallOptions = {}): Promise<UtickStream> {
  return callUtick<UtickStream>(apiBase, `/catalogue/streams/${pathId(streamId, 'stream-id')}/`, options);
}

/**
 * Asks whether a code (or a contact) opens a stream. Resolves to the seed's return code:
 * -1 denied; 1, 10, 20, 30 granted (see `UTICK_CONTROL_CODES`, `isAccessGranted`).
 * The real endpoint answers a bare integer (notes); one inside the envelope is accepted too.
 */
export async function controlStreamAccess(
  apiBase: string,
  streamId: string,
  credential: UtickStreamCredential,
  options: UtickCallOptions = {},
): Promise<number> {
  const query =
    'accessCode' in credential
      ? { accesscode: requireText(credential.accessCode, 'access code', 'access-code') }
      : { contactid: requireText(credential.contactId, 'contact id', 'contact-id') };
  // Trailing slash required (notes): the bare path is not the control endpoint.
  const url = joinUrl(requireBase(apiBase), `/catalogue/streams/${pathId(streamId, 'stream-id')}/control/`);
  const body = await request<unknown>(url, { ...options, query, toVendorError: utickError });
  const code = typeof body === 'number' || typeof body === 'string' ? body : unwrap(body);
  const number = typeof code === 'string' && /^\s*-?\d+\s*$/.test(code) ? Number(code) : code;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw new ParseError(url, 200, JSON.stringify(body).slice(0, 200), 'the control answer was not an integer code');
  }
  return number;
}

async function callUtick<T>(
  apiBase: string,
  path: string,
  options: UtickCallOptions & { query?: Record<string, string | number | undefined> },
): Promise<T> {
  const url = joinUrl(requireBase(apiBase), path);
  const body = await request<unknown>(url, { ...options, toVendorError: utickError });
  return unwrap(body) as T;
}

/**
 * The envelope's payload. A body without a boolean `success` is taken as the payload itself:
 * the seed shows bare objects and the notes a wrapper, and servers have been seen doing each.
 */
function unwrap(body: unknown): unknown {
  if (!isEnvelope(body)) return body;
  if (body.success) return body.response;
  throw envelopeError(body.error, { details: body });
}

/** Utick's error form on a non-2xx answer (401 bad signature, 429, 404…): the same envelope. */
function utickError(answer: ErrorAnswer): Error | undefined {
  if (!isEnvelope(answer.json) || answer.json.success) return undefined;
  return envelopeError(answer.json.error, {
    status: answer.status,
    retryAfterMs: retryAfterMs(answer.headers),
    details: answer.json,
  });
}

function envelopeError(error: UtickErrorBody | null | undefined, init: { status?: number; retryAfterMs?: number; details: unknown }): VendorError {
  return new VendorError(error?.message || 'Utick refused the request', {
    vendor: 'utick',
    code: error?.code ?? 'unknown',
    ...init,
  });
}

function isEnvelope(body: unknown): body is { success: boolean; response: unknown; error?: UtickErrorBody | null } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as { success?: unknown }).success === 'boolean';
}

/** Checked before anything is sent: the seed allows at most 200 records a page. */
function pageQuery(page: UtickPage): Record<string, number | undefined> {
  const { limit, offset } = page;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > UTICK_MAX_LIMIT)) {
    throw new ConfigError(`Utick pages hold 1 to ${UTICK_MAX_LIMIT} records; got limit ${limit}`, 'limit');
  }
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) {
    throw new ConfigError(`The offset must be a whole number ≥ 0; got ${offset}`, 'offset');
  }
  return { limit, offset };
}

function requireBase(apiBase: string): string {
  if (!apiBase?.trim()) {
    throw new ConfigError('api-base is required: the address of the venue’s Utick signing proxy', 'api-base');
  }
  return apiBase.trim();
}

function requireText(value: string, what: string, attribute: string): string {
  if (!value?.trim()) throw new ConfigError(`The ${what} is empty`, attribute);
  return value.trim();
}

/** Ids are opaque (not always valid UUIDs): encode whatever they hold. */
function pathId(id: string, attribute: string): string {
  return encodeURIComponent(requireText(id, attribute.replace('-', ' '), attribute));
}
