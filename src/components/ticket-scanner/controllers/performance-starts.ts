/**
 * `filterOptions` gives each performance's `performanceStart` in "milliseconds after the Epoch",
 * but the public API's field of the same name is, on some tenants, the venue's wall clock read as
 * US Eastern (VENDOR-NOTES; reading `audienceview.scanning.performanceStart`). The public events
 * API also gives `performanceDate` + `performanceTime24`, the venue's wall clock, which mean one
 * thing under both readings: where a performance is in both answers they tell which reading the
 * tenant plays, and every start is then made a true instant (those already started too, which the
 * events API, "future performances" only, leaves out). Without the public API (blocked, down), or
 * with no performance in both answers (all of them started), the starts stay as given.
 */
import { fetchEvents } from '../../../api/audienceview/public.js';
import type { FilterOptionsClient } from '../../../api/audienceview/types.js';
import { instantOfWallClock, parseTime, parseUsDate, wallClockAt } from '../../../shared/time-zone.js';

const EASTERN = 'America/New_York';

export async function withTrueStarts(apiBase: string, clients: FilterOptionsClient[], timeZone: string, signal?: AbortSignal): Promise<FilterOptionsClient[]> {
  return Promise.all(clients.map((client) => clientWithTrueStarts(apiBase, client, timeZone, signal)));
}

async function clientWithTrueStarts(apiBase: string, client: FilterOptionsClient, timeZone: string, signal?: AbortSignal): Promise<FilterOptionsClient> {
  const performances = (client.productions ?? []).flatMap((p) => p.performances ?? []);
  if (!performances.length) return client;
  let truth: Map<number, number>;
  try {
    const events = await fetchEvents(apiBase, { clientId: client.id }, { signal, timeoutMs: 5000 });
    truth = new Map();
    for (const p of events.performances ?? []) {
      const date = parseUsDate(p.performanceDate);
      const time = parseTime(p.performanceTime24);
      if (date && time) truth.set(p.performanceId, instantOfWallClock({ ...date, ...time }, timeZone));
    }
  } catch {
    return client; // the public API is another origin's CORS rule away: the starts as given
  }
  const asEastern = (instant: number) => instantOfWallClock(wallClockAt(instant, timeZone), EASTERN);
  let eastern = false;
  for (const p of performances) {
    const instant = truth.get(p.performanceId);
    if (instant === undefined) continue;
    if (p.performanceStart === instant) return client; // true instants (or a venue in US Eastern)
    if (p.performanceStart === asEastern(instant)) eastern = true;
  }
  if (!eastern) return client;
  const fromEastern = (start: number) => instantOfWallClock(wallClockAt(start, EASTERN), timeZone);
  return {
    ...client,
    productions: (client.productions ?? []).map((production) => ({
      ...production,
      performances: (production.performances ?? []).map((p) => ({ ...p, performanceStart: truth.get(p.performanceId) ?? fromEastern(p.performanceStart) })),
    })),
  };
}
