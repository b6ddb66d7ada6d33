/**
 * The AudienceView Professional public "future events" API: calendar, series and events
 * (seed: audienceview-professional-api.txt; VENDOR-NOTES). Thin: build the path, send the
 * `clientId` header, turn the vendor's 200-with-`errors` answer into a VendorError.
 */
import { ConfigError, VendorError } from '../errors.js';
import { readJsonInSlices } from '../json-slices.js';
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

/** The `code` of the VendorError thrown when every month numbering answered with another month. */
export const CALENDAR_WRONG_MONTH = 'calendar-wrong-month';

/** How `month` is numbered on the wire: 0 (0–11) or 1 (1–12). The seed does not say. */
export type MonthBase = 0 | 1;

/** The numbering each tenant (api-base + client) answered correctly to, learned on this page. */
const monthBases = new Map<string, MonthBase>();

/** The month numbering learned for a tenant on this page, if any (for tests and `doctor`). */
export function learnedMonthBase(apiBase: string, clientId: number | string): MonthBase | undefined {
  return monthBases.get(`${apiBase}|${clientId}`);
}

/**
 * One month of performances: whole weeks Sunday–Saturday around the month, keyed by
 * "yyyy-MM-dd" in no particular order (neighbouring months repeat edge days; de-duplicate by
 * `performanceId`). `warnings` are returned, not thrown.
 *
 * The seed documents `time` (midnight on the 1st, epoch ms, computed as its `new Date(y, m, 1)`)
 * and `month` + `year`, without saying whether `month` counts from 0 or 1 (docs/vendor-readings.md).
 * Both are sent, and the answer's dates are checked against the month asked for: an answer for
 * another month is met by trying the other numbering, and the one that holds is remembered for
 * the tenant. An answer with no day only this month holds (none, or only its edge weeks') proves
 * nothing, so while the numbering is unknown the other one is tried too, and the days of both are
 * shown.
 * @throws ConfigError for a bad id or month; VendorError (code `public-api-error`) when the
 *   vendor answers with `errors`, (code `calendar-wrong-month`) when no numbering brings the
 *   month asked for; the seam's errors otherwise.
 */
export async function fetchCalendarMonth(apiBase: string, query: CalendarQuery, options: PublicRequestOptions = {}): Promise<CalendarResponse> {
  const { year, month } = query;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new ConfigError(`month must be 1–12, got ${month}`, 'month');
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new ConfigError(`year must be a four-digit year, got ${year}`, 'month');
  const tenant = `${apiBase}|${String(query.clientId).trim()}`;
  const known = monthBases.get(tenant);
  const time = new Date(year, month - 1, 1).getTime();
  let maybe: CalendarResponse | undefined;
  let failure: unknown;
  // Unknown: 0–11 first, the seed's own numbering (its `new Date(2014, 11, 1)` is December) and the
  // strictest reading's; a wrong first guess costs the patron a second round trip before the month shows.
  for (const base of known === undefined ? [0, 1] : [known, 1 - known]) {
    let answer: CalendarResponse;
    try {
      answer = await fetchPublic<CalendarResponse>(apiBase, 'calendar', query, options, { month: month - 1 + base, year, time });
    } catch (error) {
      // A numbering the server refuses (e.g. month=12 where 0–11 are meant) may still be the wrong one.
      if (known !== undefined || !(error instanceof VendorError)) throw error;
      failure ??= error;
      continue;
    }
    const fit = monthFit(answer, year, month);
    if (fit === 'this') {
      monthBases.set(tenant, base as MonthBase);
      return answer;
    }
    if (fit === 'maybe') {
      if (base === known) return answer;
      // Both numberings may answer with only edge days (e.g. February's last week, which is March's
      // first): every day either holds is within this month's weeks, so together they hold the most.
      maybe = maybe ? { ...answer, performancesByDateDisplay: { ...maybe.performancesByDateDisplay, ...answer.performancesByDateDisplay } } : answer;
    }
  }
  if (maybe) return maybe;
  throw failure ?? new VendorError(`AudienceView answered with another month than ${year}-${String(month).padStart(2, '0')}, however the month was numbered`, { vendor: 'audienceview', code: CALENDAR_WRONG_MONTH });
}

/**
 * Whether a calendar answer is for the month asked for: `this` when a date only this month's
 * whole weeks hold is there; `other` when a date outside them is; `maybe` when every date is one
 * a neighbouring month's answer would hold too (or there is none).
 */
export function monthFit(answer: Pick<CalendarResponse, 'performancesByDateDisplay'>, year: number, month: number): 'this' | 'other' | 'maybe' {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const last = new Date(Date.UTC(year, month, 0));
  const iso = (d: Date, days: number) => new Date(+d + days * 864e5).toISOString().slice(0, 10);
  // Whole weeks, Sunday to Saturday; only this month's answer holds the days between its first and last week.
  const [from, ownFrom] = [0, 7].map((d) => iso(first, d - first.getUTCDay()));
  const [to, ownTo] = [6, -1].map((d) => iso(last, d - last.getUTCDay()));
  let fit: 'this' | 'maybe' = 'maybe';
  for (const key of Object.keys(answer.performancesByDateDisplay ?? {})) {
    const day = key.slice(0, 10);
    if (!/^\d{4}-\d\d-\d\d$/.test(day)) continue;
    if (day < from! || day > to!) return 'other';
    if (day >= ownFrom! && day <= ownTo!) fit = 'this';
  }
  return fit;
}

/**
 * Whether AudienceView says the client is not active (`clientActive: false`): in an answer, or
 * in the answer behind an `errors` VendorError (servers differ: docs/vendor-readings.md). An error
 * for an unknown client, which carries no client name, is not that.
 */
export function isInactiveClient(value: unknown): boolean {
  const answer = (value instanceof VendorError ? value.details : value) as Partial<PublicApiResponse> | undefined;
  return answer?.clientActive === false && (!(value instanceof VendorError) || !!answer.clientName);
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
  const url = joinUrl(apiBase || AUDIENCEVIEW_API_BASE, path);
  const answer = await request<T>(url, {
    // The vendor requires the client id in a header too (which makes the request preflighted).
    headers: { accept: 'application/json', clientId: String(query.clientId).trim() },
    query: search,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    toVendorError: vendorErrorFromAnswer,
    // A heavy month is megabytes of JSON: read a slice at a time, the page keeps answering taps.
    responseType: 'stream',
    readStream: (chunks, response) => readJsonInSlices<T>(url, chunks, response),
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
