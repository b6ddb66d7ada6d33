/**
 * The AudienceView Professional public "future events" API: calendar, series and events
 * (seed: audienceview-professional-api.txt; VENDOR-NOTES). Thin: build the path, send the
 * `clientId` header, turn the vendor's 200-with-`errors` answer into a VendorError.
 */
import { ConfigError, VendorError } from '../errors.js';
import { joinUrl, request, type ErrorAnswer } from '../request.js';
import type { CalendarResponse, EventsResponse, PublicApiMessage, PublicApiResponse, SeriesResponse } from './types.js';

/** The vendor's public host; `api-base` overrides it (a proxy, or the mock backend). */
export const AUDIENCEVIEW_API_BASE = 'https://api.ovationtix.com';

/** Which client's data, optionally narrowed to one production or one department (not both). */
export interface PublicQuery {
  clientId: number | string;
  productionId?: number | string | null;
  departmentId?: number | string | null;
}

export interface CalendarQuery extends PublicQuery {
  year: number;
  /** 1–12. */
  month: number;
}

export interface PublicRequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The `code` of a VendorError made from a public answer's `errors`. */
export const PUBLIC_API_ERROR = 'public-api-error';

/**
 * One month of performances: whole weeks Sunday–Saturday around the month, keyed by
 * "yyyy-MM-dd" in no particular order (neighbouring months repeat edge days; de-duplicate by
 * `performanceId`). `warnings` are returned, not thrown.
 * @throws ConfigError for a bad id or month; VendorError (code `public-api-error`) when the
 *   vendor answers with `errors`; the seam's errors otherwise.
 */
export async function fetchCalendarMonth(apiBase: string, query: CalendarQuery, options: PublicRequestOptions = {}): Promise<CalendarResponse> {
  if (!Number.isInteger(query.month) || query.month < 1 || query.month > 12) throw new ConfigError(`month must be 1–12, got ${query.month}`, 'month');
  if (!Number.isInteger(query.year) || query.year < 1970 || query.year > 9999) throw new ConfigError(`year must be a four-digit year, got ${query.year}`, 'month');
  return fetchPublic<CalendarResponse>(apiBase, 'calendar', query, options, { month: query.month, year: query.year });
}

/** The series (productions) with future performances. Filter out `productionStatus` other than 'T' before showing them. */
export async function fetchSeries(apiBase: string, query: PublicQuery, options: PublicRequestOptions = {}): Promise<SeriesResponse> {
  return fetchPublic<SeriesResponse>(apiBase, 'series', query, options);
}

/** Every future performance, in start order. */
export async function fetchEvents(apiBase: string, query: PublicQuery, options: PublicRequestOptions = {}): Promise<EventsResponse> {
  return fetchPublic<EventsResponse>(apiBase, 'events', query, options);
}

/** `/public/{kind}/client(284)[/production(962459)|/department(1219)]`, parentheses kept literal. */
export function publicPath(kind: 'calendar' | 'series' | 'events', query: PublicQuery): string {
  const clientId = positiveId(query.clientId, 'client-id');
  if (clientId === undefined) throw new ConfigError('client-id is required', 'client-id');
  const productionId = positiveId(query.productionId, 'production-id');
  const departmentId = positiveId(query.departmentId, 'department-id');
  if (productionId !== undefined && departmentId !== undefined) {
    throw new ConfigError('production-id and department-id cannot be combined: the API filters by one of them', 'department-id');
  }
  const filter = productionId !== undefined ? `/production(${productionId})` : departmentId !== undefined ? `/department(${departmentId})` : '';
  return `/public/${kind}/client(${clientId})${filter}`;
}

async function fetchPublic<T extends PublicApiResponse>(
  apiBase: string,
  kind: 'calendar' | 'series' | 'events',
  query: PublicQuery,
  options: PublicRequestOptions,
  search?: Record<string, number>,
): Promise<T> {
  const path = publicPath(kind, query);
  const answer = await request<T>(joinUrl(apiBase || AUDIENCEVIEW_API_BASE, path), {
    // The vendor requires the client id in a header too (which makes the request preflighted).
    headers: { clientId: String(query.clientId).trim() },
    query: search,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    toVendorError: vendorErrorFromAnswer,
  });
  const error = publicApiError(answer);
  if (error) throw error;
  return answer;
}

/**
 * The vendor's error form: "always 200 OK" with non-empty `errors` (the seed), sometimes only
 * inside `serviceMessages.errors` (VENDOR-NOTES). Returns undefined when there is none.
 */
export function publicApiError(answer: unknown, status?: number): VendorError | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const response = answer as Partial<PublicApiResponse>;
  const messages = [...asList(response.errors), ...asList(response.serviceMessages?.errors)].map(messageText).filter((m) => m !== '');
  if (messages.length === 0) return undefined;
  return new VendorError([...new Set(messages)].join(' '), { vendor: 'audienceview', code: PUBLIC_API_ERROR, status, details: answer });
}

/** A non-2xx answer that still carries the vendor's `errors` keeps the vendor's message. */
function vendorErrorFromAnswer(answer: ErrorAnswer): Error | undefined {
  return publicApiError(answer.json, answer.status);
}

function asList(value: unknown): PublicApiMessage[] {
  return Array.isArray(value) ? (value as PublicApiMessage[]) : [];
}

function messageText(message: PublicApiMessage): string {
  if (typeof message === 'string') return message.trim();
  if (message && typeof message === 'object') {
    const text = message.message ?? (message as { text?: unknown }).text;
    return typeof text === 'string' ? text.trim() : JSON.stringify(message);
  }
  return String(message ?? '').trim();
}

function positiveId(value: number | string | null | undefined, attribute: string): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) <= 0) throw new ConfigError(`${attribute} must be a positive whole number, got "${value}"`, attribute);
  return Number(text);
}
