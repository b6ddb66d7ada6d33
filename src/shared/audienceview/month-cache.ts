/**
 * Months already fetched, kept in memory for the page's lifetime and shared by every calendar and
 * event list on it: a cached month renders at once and is refreshed in the background (the
 * calendar's stale-while-revalidate).
 * Requests for the same month at the same time share one fetch, so a prefetch and a click that
 * race each other cost one request.
 */
import { fetchCalendarMonth, type CalendarQuery } from '../../api/audienceview/public.js';
import type { CalendarResponse } from '../../api/audienceview/types.js';
import { joinOrFetch, untilAborted } from '../shared-fetch.js';
import { clearSeasonCache } from './productions.js';

export interface MonthQuery extends CalendarQuery {
  apiBase: string;
}

export interface CachedMonth {
  answer: CalendarResponse;
  /** `Date.now()` when the answer arrived. */
  fetchedAt: number;
}

/** Enough for a patron paging through a season and back; the oldest entry goes first. */
const MAX_MONTHS = 36;

const months = new Map<string, CachedMonth>();
const inFlight = new Map<string, Promise<CalendarResponse>>();

/** The api-base is part of the key: two calendars on one page may talk to different hosts. */
export function monthKey(q: MonthQuery): string {
  const id = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  return [q.apiBase.replace(/\/+$/, ''), id(q.clientId), id(q.productionId), id(q.departmentId), q.year, q.month].join('|');
}

export function cachedMonth(q: MonthQuery): CachedMonth | undefined {
  return months.get(monthKey(q));
}

/**
 * Fetches a month (or joins the fetch already under way) and caches a good answer. The shared
 * fetch is not tied to one caller's signal: a caller whose `signal` aborts (a calendar that moved
 * on) stops waiting at once, and the answer still fills the cache for the next visit.
 */
export function loadMonth(q: MonthQuery, signal?: AbortSignal): Promise<CalendarResponse> {
  const key = monthKey(q);
  const { apiBase, ...query } = q;
  const shared = joinOrFetch(inFlight, key, async () => {
    const fetched = await fetchCalendarMonth(apiBase, query);
    // A background refresh that brings nothing new keeps the answer already shown: the
    // calendar then neither rebuilds its views nor re-renders.
    const previous = months.get(key)?.answer;
    const answer = previous && JSON.stringify(previous) === JSON.stringify(fetched) ? previous : fetched;
    months.delete(key);
    months.set(key, { answer, fetchedAt: Date.now() });
    while (months.size > MAX_MONTHS) months.delete(months.keys().next().value!);
    return answer;
  });
  // The caller stops waiting when its signal aborts; the shared fetch goes on and fills the cache.
  return untilAborted(shared, signal);
}

/** The month from memory when it arrived less than `maxAgeMs` ago (a calendar on the page fetched it), else fetched (`loadMonth`). */
export function recentMonth(q: MonthQuery, maxAgeMs: number, signal?: AbortSignal): Promise<CalendarResponse> {
  const cached = cachedMonth(q);
  return cached && Date.now() - cached.fetchedAt < maxAgeMs ? Promise.resolve(cached.answer) : loadMonth(q, signal);
}

/** Forgets every month (for tests and for a page that knows the data changed). */
export function clearMonthCache(): void {
  months.clear();
  inFlight.clear();
  clearSeasonCache();
}
