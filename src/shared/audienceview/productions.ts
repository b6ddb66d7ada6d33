/**
 * Which productions a patron may see, decided once for the three AudienceView elements. The
 * seed's production statuses: D (deleted) and U (under construction) are never shown, only T
 * ("available for public display"). The calendar and events answers do not carry the status;
 * the series answer does, and lists every series with future performances. So a performance is
 * shown only when the season lists its production with status T: that holds whether the server
 * lists D/U productions with their status, leaves them out of the series answer only, or leaves
 * them out everywhere (the reading `audienceview.series.hiddenStatuses`, docs/vendor-readings.md).
 */
import { fetchSeries, type PublicQuery } from '../../api/audienceview/public.js';
import type { SeriesInformation, SeriesResponse } from '../../api/audienceview/types.js';
import { joinOrFetch, untilAborted } from '../shared-fetch.js';

/** The one rule: only status T is for public display. */
export function isPublicSeries(series: Pick<SeriesInformation, 'productionStatus'>): boolean {
  return series.productionStatus === 'T';
}

/** The productions whose performances may be shown, from a series answer. */
export function publicProductionIds(series: readonly SeriesInformation[] | null | undefined): ReadonlySet<number> {
  return new Set((series ?? []).filter(isPublicSeries).map((s) => s.productionId));
}

export interface SeasonQuery extends PublicQuery {
  apiBase: string;
}

const known = new Map<string, ReadonlySet<number>>();
const inFlight = new Map<string, Promise<SeriesResponse>>();

function seasonKey(q: SeasonQuery): string {
  const id = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  return [q.apiBase.replace(/\/+$/, ''), id(q.clientId), id(q.productionId), id(q.departmentId)].join('|');
}

/**
 * The season's series answer, asked once for every AudienceView element on the page (the series
 * list, and the calendar and event list for which productions are public): a fetch under way is
 * joined; once it has settled, the next caller fetches again (a series list put on the page later
 * shows the season as it is then). A caller whose `signal` aborts stops waiting; the fetch goes
 * on for the others.
 */
export function loadSeason(q: SeasonQuery, signal?: AbortSignal): Promise<SeriesResponse> {
  const key = seasonKey(q);
  const { apiBase, clientId, productionId, departmentId } = q;
  const shared = joinOrFetch(inFlight, key, async () => {
    const answer = await fetchSeries(apiBase, { clientId, productionId, departmentId });
    known.set(key, publicProductionIds(answer.seriesInformation));
    return answer;
  });
  return untilAborted(shared, signal);
}

/**
 * The public productions for a client and filter, asked once per page (every AudienceView
 * element on it shares the answer). Rejects when the series answer cannot be had: the caller
 * decides (the elements then show every production rather than nothing).
 */
export async function publicProductions(q: SeasonQuery): Promise<ReadonlySet<number>> {
  const key = seasonKey(q);
  const cached = known.get(key);
  if (cached) return cached;
  await loadSeason(q);
  return known.get(key)!;
}

/** The public productions when already known (a month from memory can then render at once). */
export function knownPublicProductions(q: SeasonQuery): ReadonlySet<number> | undefined {
  return known.get(seasonKey(q));
}

/** Forgets what the season said (tests; a page that knows the data changed). */
export function clearSeasonCache(): void {
  known.clear();
  inFlight.clear();
}
