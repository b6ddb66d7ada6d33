/**
 * What a patron sees of an AudienceView performance, decided once for the calendar and the event
 * list: the seed's display, availability and shut-off rules, the venue's wall-clock start, and
 * the purchase link. `tixRemaining` is deliberately not carried over (the seed: never display it).
 */
import type { Performance, PublicApiMessage, PublicApiResponse, SeriesInformation } from '../../api/audienceview/types.js';
import { ConfigError } from '../../api/errors.js';
import { untilNextTask, WORK_SLICE_MS } from '../../api/next-task.js';
import { isBlank, safeHttpUrl } from '../sanitize.js';
import { instantOfWallClock, isoDate, isValidTimeZone, parseTime, parseUsDate, wallClockAt, type CalendarDate, type WallClock } from '../time-zone.js';

export const DEFAULT_TIME_ZONE = 'America/New_York';
export const DEFAULT_PURCHASE_URL = 'https://web.ovationtix.com/trs/pe.c/{performanceId}';

/**
 * - `on-sale`: display code T, availability A, tickets left, before the shut-off;
 * - `package-holders`: availability P (linked, marked for package holders);
 * - `message`: display code M, shown with `customMessage`, not linked;
 * - `cancelled` (C), `sold-out` (S, or no tickets left), `not-available` (availability N),
 *   `sales-closed` (past `shutoffHour` before the start): shown, not linked.
 */
export type PerformanceState = 'on-sale' | 'package-holders' | 'message' | 'cancelled' | 'sold-out' | 'not-available' | 'sales-closed';

export interface PerformanceView {
  id: number;
  productionId: number;
  productionName: string;
  superTitle: string;
  subTitle: string;
  /** The venue's calendar date. */
  date: CalendarDate;
  /** The true instant of the start (venue wall clock in its zone); for all-day events, midnight. */
  start: number;
  allDay: boolean;
  /** All-day events: when doors open and close, as instants. */
  doorsOpen?: number;
  doorsClose?: number;
  /** Timed entries, in time order. */
  entryTimes: { id: number; start: number; soldOut: boolean }[];
  state: PerformanceState;
  /** Only when the patron can buy: an http(s) URL. */
  purchaseUrl?: string;
  /** Vendor HTML to show with the state (custom, sold-out or shut-off message); sanitize it. */
  messageHtml?: string;
  notesHtml?: string;
  descriptionHtml?: string;
  logoUrl?: string;
  generalAdmission: boolean;
  departmentName?: string;
}

export interface ViewOptions {
  timeZone: string;
  purchaseUrl: string;
  now: number;
  /** The productions the season lists for public display (`av-productions.ts`); undefined: not known, all shown. */
  shownProductions?: ReadonlySet<number>;
}

const HOUR = 3_600_000;

/** A performance's start on the venue's wall clock (all-day events and unreadable times: midnight); undefined without a readable date. */
export function wallClockOf(p: Performance): WallClock | undefined {
  const date = parseUsDate(p.performanceDate);
  if (!date) return undefined;
  return { ...date, ...((!p.allDayEvent && parseTime(p.performanceTime24)) || { hour: 0, minute: 0, second: 0 }) };
}

/**
 * Each performance a patron may see, once (whole-week answers repeat the edge days), with its wall
 * clock: not display code I, of a production the season shows, with a readable date.
 */
export function* shownPerformances(performances: Iterable<Performance>, shownProductions?: ReadonlySet<number>): Generator<{ performance: Performance; wallClock: WallClock }> {
  const seen = new Set<number>();
  for (const p of performances) {
    if (seen.has(p.performanceId) || p.displayCode === 'I' || (shownProductions && !shownProductions.has(p.productionId))) continue;
    const wallClock = wallClockOf(p);
    if (!wallClock) continue;
    seen.add(p.performanceId);
    yield { performance: p, wallClock };
  }
}

/** The patron's view of a performance, or undefined when it must not be shown (display code I). */
export function toPerformanceView(p: Performance, { timeZone, purchaseUrl, now }: ViewOptions): PerformanceView | undefined {
  if (p.displayCode === 'I') return undefined;
  const wallClock = wallClockOf(p);
  if (!wallClock) return undefined;
  // Built field by field, not with rest and spread: a festival's thousands of timed entries each
  // made a wall clock from them, several times slower.
  const { year, month, day } = wallClock;
  const date: CalendarDate = { year, month, day };
  const start = instantOfWallClock(wallClock, timeZone);
  const entryAt = (clock: string) => {
    const { hour, minute, second } = parseTime(clock) ?? wallClock;
    return instantOfWallClock({ year, month, day, hour, minute, second }, timeZone);
  };
  const at = (day: string, clock: string) => {
    const d = parseUsDate(day);
    const t = parseTime(clock);
    return d && t ? instantOfWallClock({ ...d, ...t }, timeZone) : undefined;
  };
  const { state, messageHtml } = stateOf(p, start, now);
  const linked = state === 'on-sale' || state === 'package-holders';
  const logoUrl = p.productionLogoLink && safeHttpUrl(p.productionLogoLink);
  return {
    id: p.performanceId,
    productionId: p.productionId,
    productionName: p.productionName,
    superTitle: p.performanceSuperTitle?.trim() ?? '',
    subTitle: p.performanceSubTitle?.trim() ?? '',
    date,
    start,
    allDay: p.allDayEvent,
    ...(p.allDayEvent ? { doorsOpen: at(p.doorEntryStartDate, p.doorEntryStartTime), doorsClose: at(p.doorEntryEndDate, p.doorEntryEndTime) } : {}),
    entryTimes: (p.performanceEntryTimes ?? [])
      .map((e) => ({ id: e.performanceEntryTimeId, start: entryAt(e.entryTime), soldOut: e.displaySoldOut }))
      .sort((a, b) => a.start - b.start),
    state,
    ...(linked ? { purchaseUrl: purchaseLink(purchaseUrl, p.performanceId) } : {}),
    ...(messageHtml ? { messageHtml } : {}),
    ...(isBlank(p.performanceNotes) ? {} : { notesHtml: p.performanceNotes! }),
    ...(isBlank(p.productionDescription) ? {} : { descriptionHtml: p.productionDescription! }),
    ...(logoUrl ? { logoUrl } : {}),
    generalAdmission: p.generalAdmission,
    ...(isBlank(p.departmentName) ? {} : { departmentName: p.departmentName! }),
  };
}

function stateOf(p: Performance, start: number, now: number): { state: PerformanceState; messageHtml?: string } {
  const text = (value: string | null) => (isBlank(value) ? undefined : value!);
  switch (p.displayCode) {
    case 'C':
      return { state: 'cancelled' };
    case 'S':
      return { state: 'sold-out', messageHtml: text(p.noRemainingTicketsMessage) };
    case 'M':
      return { state: 'message', messageHtml: text(p.customMessage) };
  }
  if (p.availabilityCode === 'N') return { state: 'not-available' };
  // shutoffHour is a float and may be negative (sales continue after the start).
  if (Number.isFinite(p.shutoffHour) && now >= start - p.shutoffHour * HOUR) {
    return { state: 'sales-closed', messageHtml: text(p.shutoffHourMessage) };
  }
  if (!p.hasAvailableTickets) return { state: 'sold-out', messageHtml: text(p.noRemainingTicketsMessage) };
  return { state: p.availabilityCode === 'P' ? 'package-holders' : 'on-sale' };
}

/** Performances from one or more answers: hidden ones (display code I, productions not public) dropped, repeats (whole-week answers) once, in start order. */
export function performanceViews(performances: Iterable<Performance>, options: ViewOptions): PerformanceView[] {
  return [...shownPerformances(performances, options.shownProductions)].map(({ performance }) => toPerformanceView(performance, options)!).sort(byStartThenName);
}

/**
 * `performanceViews`, made a slice at a time with the browser's turn between slices: a heavy
 * month's thousand performances and their timed entries are tens of milliseconds of work on a
 * laptop, a long task on a phone. Stops with the signal's reason when it aborts.
 */
export async function performanceViewsInSlices(performances: Iterable<Performance>, options: ViewOptions, signal?: AbortSignal): Promise<PerformanceView[]> {
  const views: PerformanceView[] = [];
  let since = performance.now();
  for (const shown of shownPerformances(performances, options.shownProductions)) {
    views.push(toPerformanceView(shown.performance, options)!);
    if (performance.now() - since > WORK_SLICE_MS) {
      await untilNextTask();
      signal?.throwIfAborted();
      since = performance.now();
    }
  }
  views.sort(byStartThenName);
  // What the caller does with the views (the month's render) starts in a task of its own, not at
  // the end of the last slice: the two together were a task of 18–22 ms in Lighthouse's trace.
  await untilNextTask();
  return views;
}

/** Production names in the patron's order (one collator, not `localeCompare` per pair). */
export const compareNames = new Intl.Collator().compare;

/** Performance order everywhere: by start, then by name. */
export function byStartThenName(a: PerformanceView, b: PerformanceView): number {
  return a.start - b.start || compareNames(a.productionName, b.productionName);
}

/** The purchase URL for a performance from the `purchase-url` template, if it is http(s). */
export function purchaseLink(template: string, performanceId: number): string | undefined {
  let parts = linkParts.get(template);
  if (parts === undefined) {
    // The link parsed once per template, with a mark where the id goes, and cut there: a month of a
    // thousand performances was a thousand URL parses. Digits read the same wherever the mark is
    // found again; where they might not (a host or port made of the id), each link is parsed.
    const marked = safeHttpUrl(template.replaceAll(ID_HOLE, ID_MARK));
    const cut = marked?.split(ID_MARK);
    parts = cut && cut.length === template.split(ID_HOLE).length ? cut : null;
    if (linkParts.size >= 20) linkParts.clear();
    linkParts.set(template, parts);
  }
  return parts ? parts.join(String(performanceId)) : safeHttpUrl(template.replaceAll(ID_HOLE, String(performanceId)));
}

const ID_HOLE = '{performanceId}';
/** Digits, as an id is, in a number no template holds by chance. */
const ID_MARK = '4070261837';
/** Per purchase-url template: the link cut where the id goes, or null where each link is parsed. */
const linkParts = new Map<string, string[] | null>();

/**
 * How a tenant's epoch values (`performanceStart`, the series' first and last dates) read: the
 * venue's wall clock read as US Eastern (VENDOR-NOTES, the default), or true instants. The seed
 * says only "time zone agnostic" (docs/vendor-readings.md).
 */
export type EpochReading = 'eastern-wall-clock' | 'instant';

const EASTERN = 'America/New_York';

/** The venue's wall clock of an epoch value under a reading. */
export function venueWallClock(epoch: number, timeZone: string, reading: EpochReading = 'eastern-wall-clock') {
  return wallClockAt(epoch, reading === 'instant' ? timeZone : EASTERN);
}

/** The true instant of an epoch value under a reading. */
export function venueInstant(epoch: number, timeZone: string, reading: EpochReading = 'eastern-wall-clock'): number {
  return reading === 'instant' ? epoch : instantOfWallClock(wallClockAt(epoch, EASTERN), timeZone);
}

/** A series' first and last dates at the venue, under a reading of its epoch values. */
export function seriesDateRange(
  series: Pick<SeriesInformation, 'firstPerformanceDate' | 'lastPerformanceDate'>,
  timeZone = EASTERN,
  reading: EpochReading = 'eastern-wall-clock',
): { first: CalendarDate; last: CalendarDate } {
  const read = (epoch: number) => {
    const { year, month, day } = venueWallClock(epoch, timeZone, reading);
    return { year, month, day };
  };
  return { first: read(series.firstPerformanceDate), last: read(series.lastPerformanceDate) };
}

/** The first series whose dates fall on other days under the two readings (only ever west or east of Eastern, near midnight). */
export function seriesWhereReadingMatters<S extends Pick<SeriesInformation, 'firstPerformanceDate' | 'lastPerformanceDate'>>(series: readonly S[], timeZone: string): S | undefined {
  // At an Eastern venue both readings are the Eastern wall clock: nothing to compare (four zone
  // conversions a series, a 65 ms task for a season of 130 on a laptop, four times that on a phone).
  if (timeZone === EASTERN) return undefined;
  const key = (d: { first: CalendarDate; last: CalendarDate }) => `${isoDate(d.first)}|${isoDate(d.last)}`;
  return series.find((s) => key(seriesDateRange(s, timeZone)) !== key(seriesDateRange(s, timeZone, 'instant')));
}

/** The reading performances show: `performanceStart` against `performanceDate` + `performanceTime24` in the venue's zone and in US Eastern. */
export function epochReadingOf(performances: readonly Performance[], timeZone: string): EpochReading | undefined {
  for (const p of performances) {
    const date = parseUsDate(p.performanceDate);
    const time = parseTime(p.performanceTime24);
    if (!date || !time || p.allDayEvent) continue;
    const asVenue = instantOfWallClock({ ...date, ...time }, timeZone);
    const asEastern = instantOfWallClock({ ...date, ...time }, EASTERN);
    if (asVenue === asEastern) continue;
    if (p.performanceStart === asVenue) return 'instant';
    if (p.performanceStart === asEastern) return 'eastern-wall-clock';
  }
  return undefined;
}

/** Checks the attributes every AudienceView element shares; throws a ConfigError naming the attribute. */
export function checkAudienceViewAttributes(attrs: { clientId: string; timeZone: string; purchaseUrl?: string; productionId?: string; departmentId?: string }): void {
  if (!/^\d{1,10}$/.test(attrs.clientId.trim())) {
    throw new ConfigError(`client-id must be your AudienceView client number (got "${attrs.clientId.slice(0, 40)}")`, 'client-id');
  }
  if (!isValidTimeZone(attrs.timeZone)) {
    throw new ConfigError(`time-zone must be an IANA zone such as America/New_York (got "${attrs.timeZone.slice(0, 40)}")`, 'time-zone');
  }
  for (const [name, value] of [['production-id', attrs.productionId], ['department-id', attrs.departmentId]] as const) {
    if (value && !/^\d{1,10}$/.test(value.trim())) throw new ConfigError(`${name} must be a number (got "${value.slice(0, 40)}")`, name);
  }
  if (attrs.purchaseUrl !== undefined && !purchaseLink(attrs.purchaseUrl, 1)) {
    throw new ConfigError('purchase-url must be an http(s) URL, with {performanceId} where the performance goes', 'purchase-url');
  }
}

/** The vendor's `warnings` (top level and in `serviceMessages`) as text, once each. */
export function warningTexts(answer: Partial<PublicApiResponse>): string[] {
  const all = [...asList(answer.warnings), ...asList(answer.serviceMessages?.warnings)].map(messageText).filter((text) => text !== '');
  return [...new Set(all)];
}

function asList(value: unknown): PublicApiMessage[] {
  return Array.isArray(value) ? (value as PublicApiMessage[]) : [];
}

function messageText(message: PublicApiMessage): string {
  if (typeof message === 'string') return message.trim();
  if (message && typeof message === 'object' && typeof message.message === 'string') return message.message.trim();
  return '';
}
