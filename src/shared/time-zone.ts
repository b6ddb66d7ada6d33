/**
 * Venue wall-clock time with nothing but Intl: a performance at 19:30 in New York is 19:30 on the
 * page, whatever the browser's zone, across daylight-saving changes.
 */

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Makes the zone's format now: the page's first DateTimeFormat sets up ICU's date data, and an
 * element whose request has just left does that while the answer travels, not after it lands.
 */
export function prepareTimeZone(timeZone: string): void {
  if (isValidTimeZone(timeZone)) partsFormat(timeZone);
}

/** The zones Intl lists (their canonical names), read once. */
let listedZones: ReadonlySet<string> | undefined;

/**
 * Whether Intl knows the zone. A listed zone is known without a DateTimeFormat: the page's first
 * one sets up ICU's locale data (30–70 ms on this desktop, a phone several times that), and every
 * element checks its zone before its request, which should not wait for it. Others (aliases such
 * as `US/Eastern`, other spellings) are tried as before.
 */
export function isValidTimeZone(timeZone: string): boolean {
  listedZones ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  if (listedZones.has(timeZone)) return true;
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** A wall clock as one comparable number: its fields read as a UTC instant (no zone involved). */
export function wallClockAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function exactOffsetAt(epochMs: number, timeZone: string): number {
  return wallClockAsUtc(wallClockAt(epochMs, timeZone)) - Math.floor(epochMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;
/** A day with a change in it: the offset before the instant `at`, and from it on. */
interface OffsetChange {
  at: number;
  before: number;
  after: number;
}
/** Per zone, per UTC day: the offset that holds all day, the day's change, or null (asked each time). */
const dayOffsets = new Map<string, Map<number, number | OffsetChange | null>>();

/**
 * The zone's offset at an instant. `formatToParts` is the slow part of every conversion and a
 * month of 1,000 performances needs thousands, so each UTC day is asked twice (its first and last
 * second): when both agree there is no change inside it (no zone changes twice in a day) and the
 * offset holds for the whole day. A day with a change has it found once, to the second: a museum's
 * timed entries on the day the clocks change were thousands of `formatToParts` calls.
 */
function offsetAt(epochMs: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(epochMs / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = day * DAY_MS;
    const last = first + DAY_MS - 1000;
    const start = exactOffsetAt(first, timeZone);
    const end = exactOffsetAt(last, timeZone);
    offset = start === end ? start : changeBetween(first, last, start, end, timeZone);
    if (days.size > 2000) days.clear();
    days.set(day, offset);
  }
  if (typeof offset === 'number') return offset;
  return offset ? (Math.floor(epochMs / 1000) * 1000 < offset.at ? offset.before : offset.after) : exactOffsetAt(epochMs, timeZone);
}

/** Where the offset turns from `before` (at `from`) to `after` (at `to`), found by halving; null if it is not one change. */
function changeBetween(from: number, to: number, before: number, after: number, timeZone: string): OffsetChange | null {
  let [low, high] = [from, to];
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (exactOffsetAt(middle, timeZone) === before) low = middle;
    else high = middle;
  }
  return exactOffsetAt(high, timeZone) === after ? { at: high, before, after } : null;
}

/**
 * The instant a venue's wall clock shows `wall`. In the hour skipped by a spring-forward change
 * the time is moved forward by the gap (as clocks do); in the repeated autumn hour the first one wins.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): number {
  const asUtc = wallClockAsUtc(wall);
  // The zone's offsets a day either side: one offset (the usual case) gives the instant at once.
  const before = offsetAt(asUtc - DAY_MS, timeZone);
  const after = offsetAt(asUtc + DAY_MS, timeZone);
  if (before === after) return asUtc - before;
  // A change near this wall clock: the earlier candidate that really shows it (the first of a
  // repeated hour), else it fell in a skipped hour, moved forward by the gap (the old offset).
  const shows = (t: number) => t + offsetAt(t, timeZone) === asUtc;
  const [early, late] = [asUtc - before, asUtc - after].sort((a, b) => a - b) as [number, number];
  return shows(early) ? early : shows(late) ? late : asUtc - before;
}

/** Today's date in the venue's zone. */
export function todayIn(timeZone: string, now = Date.now()): CalendarDate {
  const { year, month, day } = wallClockAt(now, timeZone);
  return { year, month, day };
}

const HOUR_MS = 3_600_000;
/** From 1970 on, every zone's offset lies between UTC−12 (`Etc/GMT+12`) and UTC+14 (Kiritimati). */
const FURTHEST_BEHIND_MS = 12 * HOUR_MS;
const FURTHEST_AHEAD_MS = 14 * HOUR_MS;

/**
 * This month in the venue's zone, without ICU for most of the month: more than 12 hours after a
 * month begins in UTC and more than 14 before it ends, every zone on Earth is in that month. So
 * an element's first request, which only needs the month, does not wait for the page's first
 * DateTimeFormat (see `isValidTimeZone`); only the day around a month's edge asks the zone.
 */
export function monthIn(timeZone: string, now = Date.now()): { year: number; month: number } {
  const utc = new Date(now);
  const year = utc.getUTCFullYear();
  const month = utc.getUTCMonth() + 1;
  if (year >= 1970 && now - Date.UTC(year, month - 1, 1) >= FURTHEST_BEHIND_MS && Date.UTC(year, month, 1) - now > FURTHEST_AHEAD_MS) return { year, month };
  const today = todayIn(timeZone, now);
  return { year: today.year, month: today.month };
}

/** AudienceView's `MM/dd/yyyy`. */
export function parseUsDate(text: string | null | undefined): CalendarDate | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text?.trim() ?? '');
  return match ? { year: Number(match[3]), month: Number(match[1]), day: Number(match[2]) } : undefined;
}

/** `HH:mm:ss` (or `HH:mm`), and AudienceView's `h:mm a` for door-entry times. */
export function parseTime(text: string | null | undefined): { hour: number; minute: number; second: number } | undefined {
  const value = text?.trim() ?? '';
  const h24 = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (h24) return { hour: Number(h24[1]), minute: Number(h24[2]), second: Number(h24[3] ?? 0) };
  const h12 = /^(\d{1,2}):(\d{2})\s*([AaPp])\.?[Mm]\.?$/.exec(value);
  if (!h12) return undefined;
  const hour = (Number(h12[1]) % 12) + (h12[3]!.toLowerCase() === 'p' ? 12 : 0);
  return { hour, minute: Number(h12[2]), second: 0 };
}

/** `YYYY-MM-DD`, the form of calendar keys and `<time datetime>`. */
export function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Days in a month, and the weekday (0 = Sunday) of a date, on the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();
/** Callers pass constant options: their key is spelled once, not on each of a month's thousand calls. */
const optionKeys = new WeakMap<Intl.DateTimeFormatOptions, string>();

/** Formats an instant as the venue's wall clock, for a locale; formatters are cached. */
export function formatInZone(epochMs: number, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  let optionsKey = optionKeys.get(options);
  if (optionsKey === undefined) optionKeys.set(options, (optionsKey = JSON.stringify(options)));
  const key = `${timeZone}|${locale}|${optionsKey}`;
  let format = zonedFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    zonedFormats.set(key, format);
  }
  return format.format(epochMs);
}
