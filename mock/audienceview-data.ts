/**
 * The AudienceView mock's world data: clients, productions, performances (a season around
 * `world.now()`, venue wall clock in America/New_York) and tickets (generated lazily per
 * performance, barcodes that decode back to their performance and seat so a lookup never needs
 * an index). Everything is deterministic for a seed and an anchor.
 */
import { pick, seededRandom } from './core.js';
import type {
  AvailabilityCode,
  DisplayCode,
  PerformanceEntryTime,
  ProductionStatus,
  ProductionStyle,
  ProductionVenue,
} from '../src/api/audienceview/types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Wall clock ↔ epoch in an IANA zone
// ---------------------------------------------------------------------------------------------

export interface WallDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface WallTime {
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at an instant. */
export function wallClockAt(epoch: number, timeZone: string): WallDate & WallTime {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(epoch)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute! };
}

function exactOffsetAt(epoch: number, timeZone: string): number {
  const w = wallClockAt(epoch, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(epoch / 60_000) * 60_000;
}

// Offsets change only on transition days, so one lookup per zone and UTC day serves every other
// day: a world is built per test and holds thousands of performances.
const dayOffsets = new Map<string, number | null>();
function offsetAt(epoch: number, timeZone: string): number {
  const day = Math.floor(epoch / DAY);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = exactOffsetAt(day * DAY, timeZone);
    offset = start === exactOffsetAt((day + 1) * DAY, timeZone) ? start : null;
    dayOffsets.set(key, offset);
  }
  return offset ?? exactOffsetAt(epoch, timeZone);
}

/** The instant a wall-clock time happens in `timeZone` (the later reading on a DST gap/overlap). */
export function epochOfWallClock(date: WallDate, time: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return second;
}

/** Adds days to a calendar date (no zone involved). */
export function addDays(date: WallDate, days: number): WallDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday. */
export function weekday(date: WallDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function isoDate(date: WallDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function compareDates(a: WallDate, b: WallDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Java SimpleDateFormat patterns the seed uses, in English.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "MM/dd/yyyy" */
export function formatMdy(date: WallDate): string {
  return `${pad(date.month)}/${pad(date.day)}/${date.year}`;
}
/** "h:mm a" */
export function formatTime12(time: WallTime): string {
  return `${time.hour % 12 || 12}:${pad(time.minute)} ${time.hour < 12 ? 'AM' : 'PM'}`;
}
/** "HH:mm:ss" */
export function formatTime24(time: WallTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}:00`;
}
/** "EEE, MMM d, yyyy - h:mm a" */
export function formatStartDate(date: WallDate, time: WallTime): string {
  return `${DAYS[weekday(date)]}, ${MONTHS[date.month - 1]} ${date.day}, ${date.year} - ${formatTime12(time)}`;
}
/** The scanning API's "Spamalot: Sep 18 4:00PM Tue". */
export function formatScanningPerformance(name: string, date: WallDate, time: WallTime): string {
  return `${name}: ${MONTHS[date.month - 1]} ${date.day} ${formatTime12(time).replace(' ', '')} ${DAYS[weekday(date)]}`;
}

// ---------------------------------------------------------------------------------------------
// The world's clients and season
// ---------------------------------------------------------------------------------------------

export interface AvDepartment {
  id: number;
  name: string;
}

export interface AvProduction {
  id: number;
  clientId: number;
  name: string;
  status: ProductionStatus;
  style: ProductionStyle;
  superTitle: string | null;
  subTitle: string | null;
  description: string | null;
  purchaseAlert: string | null;
  logoFileId: number | null;
  logoAltName: string | null;
  venue: ProductionVenue | null;
  department: AvDepartment | null;
  noRemainingMessage: string;
  shutoffHour: number;
  shutoffHourMessage: string;
  generalAdmission: boolean;
  /** Seats sold per performance when full (capacity). */
  capacity: number;
  performances: AvPerformance[];
}

export interface AvPerformance {
  id: number;
  /** Index in `AvData.performances`: part of every barcode of this performance. */
  slot: number;
  production: AvProduction;
  clientId: number;
  date: WallDate;
  time: WallTime;
  /** The true instant of the start. */
  start: number;
  /** The public API's `performanceStart`: the wall clock read as US Eastern (VENDOR-NOTES). */
  startAsEastern: number;
  displayCode: DisplayCode;
  availabilityCode: AvailabilityCode;
  tixRemaining: number;
  /** Tickets sold (the scanning side). */
  sold: number;
  superTitle: string | null;
  subTitle: string | null;
  notes: string | null;
  customMessage: string;
  noRemainingTicketsMessage: string | null;
  shutoffHour: number;
  shutoffHourMessage: string | null;
  allDayEvent: boolean;
  doorEntry: { startDate: string; startTime: string; endDate: string; endTime: string };
  entryTimes: PerformanceEntryTime[] | null;
  /** Share of tickets scanned before the world began (past and started performances). */
  preScannedShare: number;
}

export interface AvClient {
  id: number;
  name: string;
  active: boolean;
  /** The venue's zone: the public API still reads wall clocks as US Eastern (the quirk). */
  timeZone: string;
  departments: AvDepartment[];
  productions: AvProduction[];
}

export interface AvData {
  clients: Map<number, AvClient>;
  productions: Map<number, AvProduction>;
  performances: AvPerformance[];
  performancesById: Map<number, AvPerformance>;
}

export const EASTERN = 'America/New_York';
export const MAIN_CLIENT_ID = 284;
export const SECOND_CLIENT_ID = 300;
export const INACTIVE_CLIENT_ID = 301;

const HARBOUR_ADDRESS = {
  line1: '214 Commercial Street',
  line2: '',
  city: 'Portland',
  state: 'Maine',
  stateAbbreviation: 'ME',
  zipcode: '04101',
  country: 'United States',
  countryAbbreviation: 'US',
};
const harbourVenue = (stage: string): ProductionVenue => ({
  name: `Harbour Lights Theatre – ${stage}`,
  location: 'Old Port, Portland',
  venuePhone: '(207) 555-0142',
  transitInfo: 'METRO routes 1 and 8 stop at Commercial & Union. Parking in the Fish Pier garage.',
  venueAddress: HARBOUR_ADDRESS,
});
const ARENA: ProductionVenue = {
  name: 'Waterfront Arena',
  location: '',
  venuePhone: '',
  transitInfo: null,
  venueAddress: { ...HARBOUR_ADDRESS, line1: '1 Ocean Gateway Pier', zipcode: '04101' },
};
const PIER: ProductionVenue = { name: 'Maine State Pier', location: 'Old Port', venuePhone: null, transitInfo: '', venueAddress: null };

const MAIN_STAGE = 1219;
const DEPARTMENTS_284: AvDepartment[] = [
  { id: MAIN_STAGE, name: 'Main Stage Season' },
  { id: 1220, name: 'Dockside Studio Series' },
  { id: 1221, name: 'Family & Community' },
  { id: 1222, name: 'Music on the Waterfront' },
];

const SHUTOFF_MESSAGE = 'Web sales are closed for this event. However, tickets may still be available at the box office.';
const NO_REMAINING = 'There are no tickets remaining for this event.';

/** Where a production's performances fall: weekly slots, or explicit times every day. */
interface Schedule {
  /** Days from today (venue date) of the first and last performance. */
  from: number;
  to: number;
  /** weekday (0 = Sunday) → times "HH:mm". */
  weekly?: Record<number, string[]>;
  daily?: string[];
  /** Extra explicit performances, days from today. */
  extra?: Array<[number, string]>;
  allDay?: boolean;
}

interface ProductionPlan extends Omit<AvProduction, 'performances' | 'clientId' | 'shutoffHourMessage' | 'noRemainingMessage' | 'generalAdmission'> {
  schedule: Schedule;
  generalAdmission?: boolean;
  /** Every performance displayed normally and on sale (the gala must stay scannable). Today's are always plain. */
  plain?: boolean;
}

const EVENING = { 2: ['19:30'], 3: ['19:30'], 4: ['19:30'], 5: ['20:00'], 6: ['14:00', '20:00'], 0: ['14:00'] };

function plans284(): ProductionPlan[] {
  const dept = (id: number) => DEPARTMENTS_284.find((d) => d.id === id)!;
  const base = {
    purchaseAlert: '',
    logoAltName: null,
    shutoffHour: 2,
    status: 'T' as ProductionStatus,
  };
  return [
    {
      ...base,
      id: 962459,
      name: 'Far Far Away',
      style: 2,
      superTitle: 'Tom McNeal',
      subTitle: 'A new play with music',
      description: '<p>Two sisters, one lighthouse and a storm that will not end. <em>Far Far Away</em> returns after a sold-out run.</p>',
      logoFileId: 303987,
      venue: harbourVenue('Main Stage'),
      department: dept(MAIN_STAGE),
      capacity: 420,
      // Tuesday to Sunday, plus today's evening so the scanning window always has a normal show.
      schedule: { from: -30, to: 60, weekly: { ...EVENING, 3: ['13:00', '19:30'] }, extra: [[0, '19:30']] },
      plain: false,
    },
    {
      ...base,
      id: 962470,
      name: "The Lighthouse Keeper's Daughter",
      style: 1,
      superTitle: '',
      subTitle: '',
      description: 'A chamber piece for two actors and a fog horn.',
      logoFileId: 304112,
      venue: harbourVenue('Dockside Studio'),
      department: dept(1220),
      capacity: 140,
      schedule: { from: 10, to: 52, weekly: { 4: ['20:00'], 5: ['20:00'], 6: ['20:00'], 0: ['15:00'] } },
    },
    {
      ...base,
      id: 962488,
      name: "A Midsummer Night's Dream",
      style: 3,
      superTitle: 'Harbour Lights Shakespeare',
      subTitle: null,
      description: '<p>Shakespeare\'s comedy, moved to a Maine island in August.</p><ul><li>Running time 2 h 40 min</li><li>One interval</li></ul>',
      purchaseAlert: '<strong>Preview performances</strong> are for season subscribers only.',
      logoFileId: 304210,
      venue: harbourVenue('Main Stage'),
      department: dept(MAIN_STAGE),
      capacity: 420,
      schedule: { from: 70, to: 120, weekly: EVENING },
    },
    {
      ...base,
      id: 962501,
      name: 'Sweeney Todd',
      style: 4,
      superTitle: null,
      subTitle: 'The Demon Barber of Fleet Street',
      description: 'Stephen Sondheim\'s musical thriller. Recommended for ages 13+.',
      logoFileId: 304388,
      venue: harbourVenue('Main Stage'),
      department: dept(MAIN_STAGE),
      capacity: 420,
      schedule: { from: 130, to: 185, weekly: EVENING },
    },
    {
      ...base,
      id: 962515,
      name: 'Harbour Lights Lantern Walk',
      style: 5,
      superTitle: '',
      subTitle: 'A guided evening walk along the waterfront',
      description: 'Meet your guide at the box office. Walks go ahead in light rain.',
      logoFileId: null,
      venue: PIER,
      department: dept(1221),
      capacity: 40,
      generalAdmission: true,
      shutoffHour: 0.5,
      schedule: { from: -20, to: 270, daily: ['17:30', '18:15', '19:00', '19:45', '20:30'] },
    },
    {
      ...base,
      id: 962530,
      name: 'Tides: Maritime Photography',
      style: 6,
      superTitle: 'In the Gallery',
      subTitle: '',
      description: '<p>Sixty years of photographs from the Portland waterfront.</p>',
      logoFileId: 304501,
      venue: harbourVenue('Gallery'),
      department: dept(1221),
      capacity: 60,
      generalAdmission: true,
      shutoffHour: -1.5,
      schedule: { from: -35, to: 280, daily: ['00:00'], allDay: true },
    },
    {
      ...base,
      id: 962544,
      name: 'Jazz on the Pier',
      style: 7,
      superTitle: 'Friday nights',
      subTitle: null,
      // A script and an event handler attribute: the elements must sanitize descriptions.
      description: '<p>Live jazz every Friday.</p><script>alert("xss")</script><img src=x onerror=alert(1)>',
      logoFileId: 304620,
      venue: harbourVenue('Dockside Studio'),
      department: dept(1222),
      capacity: 140,
      shutoffHour: -1.25,
      schedule: { from: -28, to: 270, weekly: { 5: ['21:00'] } },
    },
    {
      ...base,
      id: 962560,
      name: 'The Nutcracker',
      style: 8,
      superTitle: 'Portland Ballet with the Harbour Lights Orchestra',
      subTitle: '',
      description: 'The holiday classic. Children under 2 sit on a lap for free.',
      logoFileId: 304777,
      venue: harbourVenue('Main Stage'),
      department: dept(MAIN_STAGE),
      capacity: 420,
      schedule: { from: 200, to: 235, daily: ['11:00', '14:30', '19:00'] },
    },
    {
      ...base,
      id: 962577,
      name: 'Sea Shanty Singalong',
      style: 9,
      superTitle: '',
      subTitle: '',
      description: '',
      purchaseAlert: '<p>Song sheets provided. <a href="https://example.org/shanties">Practise at home</a>.</p>',
      logoFileId: null,
      venue: harbourVenue('Dockside Studio'),
      department: dept(1222),
      capacity: 140,
      // Exactly one performance: `performanceIdIfOnlyOneEventAvailable`.
      schedule: { from: 16, to: 16, extra: [[16, '19:00']] },
    },
    {
      ...base,
      id: 962590,
      name: 'New Works Festival',
      status: 'U',
      style: 0,
      superTitle: null,
      subTitle: null,
      description: 'Still being configured: must not be shown.',
      logoFileId: null,
      venue: harbourVenue('Dockside Studio'),
      department: dept(1220),
      capacity: 140,
      schedule: { from: 90, to: 100, weekly: { 6: ['19:00'], 0: ['14:00'] } },
    },
    {
      ...base,
      id: 962601,
      name: 'Spring Benefit Concert',
      status: 'D',
      style: 1,
      superTitle: null,
      subTitle: null,
      description: 'Deleted series: must not be shown.',
      logoFileId: null,
      venue: harbourVenue('Main Stage'),
      department: dept(1222),
      capacity: 420,
      schedule: { from: 40, to: 41, daily: ['19:30'] },
    },
    {
      ...base,
      id: 962615,
      name: 'Harbour Lights Gala',
      style: 0,
      superTitle: 'One night only',
      subTitle: 'at the Waterfront Arena',
      description: '<p>Our 50th anniversary, with every company that ever played here.</p>',
      logoFileId: 304900,
      venue: ARENA,
      department: null,
      capacity: 30_000,
      shutoffHour: 24,
      schedule: { from: 0, to: 0, extra: [[0, '19:30']] },
      plain: true,
    },
    {
      ...base,
      id: 962630,
      name: 'Twelfth Night',
      style: 3,
      superTitle: 'Harbour Lights Shakespeare',
      subTitle: 'or, What You Will',
      description: null,
      logoFileId: 305020,
      venue: harbourVenue('Dockside Studio'),
      department: dept(1220),
      capacity: 140,
      schedule: { from: 215, to: 262, weekly: { 3: ['19:30'], 4: ['19:30'], 5: ['19:30'], 6: ['14:00', '19:30'] } },
    },
  ];
}

function plans300(): ProductionPlan[] {
  return [
    {
      id: 3622,
      name: 'Spamalot',
      status: 'T',
      style: 4,
      superTitle: 'Monty Python’s',
      subTitle: '',
      description: 'Lovingly ripped off from the motion picture.',
      purchaseAlert: null,
      logoFileId: null,
      logoAltName: 'Spamalot (musical)',
      venue: {
        name: 'Lakeshore Playhouse',
        location: 'Chicago',
        venuePhone: '(312) 555-0188',
        transitInfo: null,
        venueAddress: {
          line1: '2200 N Lakeshore Ave',
          line2: 'Suite 4',
          city: 'Chicago',
          state: 'Illinois',
          stateAbbreviation: 'IL',
          zipcode: '60614',
          country: 'United States',
          countryAbbreviation: 'US',
        },
      },
      department: null,
      capacity: 300,
      shutoffHour: 1,
      // Today at 4 PM (the seed's example performance 49182) and a short run after it.
      schedule: { from: 0, to: 30, weekly: { 4: ['19:30'], 5: ['19:30'], 6: ['16:00'] }, extra: [[0, '16:00']] },
    },
  ];
}

const FIRST_NAMES = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Lucas', 'Amelia', 'Mateo', 'Harper', 'Ethan', 'Chloé', 'Zoë', 'Mohammed', 'Priya', 'Hiroshi', 'Grace', 'Declan', 'Siobhan'];
const LAST_NAMES = ['Smith', 'Johnson', 'Nguyen', 'García', 'Brown', 'Davis', 'Martin', 'Thibodeau', 'Levesque', 'O’Brien', 'Patel', 'Kim', 'Walsh', 'Cote', 'Murphy', 'Bouchard', 'Anderson', 'Pelletier'];
const NOTES: Array<string | null> = [
  null,
  '',
  '',
  'Post-show talkback with the cast.',
  '<p>ASL-interpreted performance. <a href="https://example.org/access">Access information</a></p>',
  '<b>Relaxed performance</b>: house lights stay up.',
];

/** Builds every client, production and performance for a world. */
export function buildAvData(now: number, seed: number): AvData {
  const random = seededRandom(seed ^ 0xa0d1e);
  const data: AvData = { clients: new Map(), productions: new Map(), performances: [], performancesById: new Map() };
  let nextPerformanceId = 10_145_563;
  const addClient = (id: number, name: string, active: boolean, timeZone: string, departments: AvDepartment[], plans: ProductionPlan[]) => {
    const client: AvClient = { id, name, active, timeZone, departments, productions: [] };
    data.clients.set(id, client);
    const today = wallClockAt(now, timeZone);
    for (const plan of plans) {
      const { schedule, plain, generalAdmission = false, ...rest } = plan;
      const production: AvProduction = {
        ...rest,
        clientId: id,
        generalAdmission,
        noRemainingMessage: NO_REMAINING,
        shutoffHourMessage: SHUTOFF_MESSAGE,
        performances: [],
      };
      client.productions.push(production);
      data.productions.set(production.id, production);
      for (const [offset, hhmm] of scheduleSlots(schedule, today)) {
        const performance = makePerformance(production, addDays(today, offset), hhmm, !!schedule.allDay, plain === true || offset === 0, random, nextPerformanceId++, timeZone, now);
        // The seed's example performance id for Spamalot.
        if (production.id === 3622 && production.performances.length === 0) performance.id = 49182;
        performance.slot = data.performances.length;
        production.performances.push(performance);
        data.performances.push(performance);
        data.performancesById.set(performance.id, performance);
      }
    }
  };
  addClient(MAIN_CLIENT_ID, 'Harbour Lights Theatre', true, EASTERN, DEPARTMENTS_284, plans284());
  // Chicago: the public `performanceStart` (read as Eastern) is an hour off the true start here.
  addClient(SECOND_CLIENT_ID, 'TestAccount-300', true, 'America/Chicago', [], plans300());
  addClient(INACTIVE_CLIENT_ID, 'Old Quay Playhouse', false, EASTERN, [], []);
  return data;
}

function scheduleSlots(schedule: Schedule, today: WallDate): Array<[number, string]> {
  const slots = new Map<string, [number, string]>();
  for (let offset = schedule.from; offset <= schedule.to; offset++) {
    const times = schedule.daily ?? schedule.weekly?.[weekday(addDays(today, offset))] ?? [];
    for (const t of times) slots.set(`${offset} ${t}`, [offset, t]);
  }
  for (const [offset, t] of schedule.extra ?? []) slots.set(`${offset} ${t}`, [offset, t]);
  return [...slots.values()].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

function makePerformance(
  production: AvProduction,
  date: WallDate,
  hhmm: string,
  allDay: boolean,
  plain: boolean,
  random: () => number,
  id: number,
  timeZone: string,
  now: number,
): AvPerformance {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  const time = { hour, minute };
  const start = epochOfWallClock(date, time, timeZone);
  const roll = random();
  let displayCode: DisplayCode = 'T';
  if (!plain) displayCode = roll < 0.03 ? 'C' : roll < 0.08 ? 'S' : roll < 0.1 ? 'M' : roll < 0.12 ? 'I' : 'T';
  const availRoll = random();
  let availabilityCode: AvailabilityCode = plain ? 'A' : availRoll < 0.06 ? 'N' : availRoll < 0.14 ? 'P' : 'A';
  if (displayCode === 'S') availabilityCode = 'A'; // sold out but still "A": hasAvailableTickets says no
  const capacity = production.capacity;
  const sold = production.id === 962615 ? capacity : displayCode === 'S' ? capacity : Math.round(capacity * (0.55 + random() * 0.4));
  const notesRoll = random();
  // Saturday performances of Far Far Away carry an event-handler attribute: sanitizers must strip it.
  const notes =
    production.id === 962459 && weekday(date) === 6
      ? 'Audio-described performance. <img src=x onerror=alert(1)>'
      : NOTES[Math.floor(notesRoll * NOTES.length)] ?? null;
  const shutoffRoll = random();
  const shutoffHour = shutoffRoll < 0.1 ? 1.5 : shutoffRoll < 0.15 ? 0.25 : production.shutoffHour;
  const started = start <= now;
  return {
    id,
    slot: 0,
    production,
    clientId: production.clientId,
    date,
    time,
    start,
    startAsEastern: epochOfWallClock(date, time, EASTERN),
    displayCode,
    availabilityCode,
    tixRemaining: capacity - sold,
    sold,
    superTitle: random() < 0.5 ? production.superTitle : '',
    subTitle: random() < 0.3 ? null : production.subTitle,
    notes,
    customMessage: displayCode === 'M' ? '<p>Tickets for this performance are sold by <a href="https://example.org/festival">the Old Port Festival</a>.</p>' : '',
    noRemainingTicketsMessage: displayCode === 'S' ? '<p>Sold out. Join the <strong>wait list</strong> at the box office.</p>' : null,
    shutoffHour,
    shutoffHourMessage: random() < 0.5 ? null : '<p>Online sales have closed. The box office opens 90 minutes before curtain.</p>',
    allDayEvent: allDay,
    doorEntry: allDay
      ? { startDate: formatMdy(date), startTime: '10:00 AM', endDate: formatMdy(date), endTime: '5:00 PM' }
      : { startDate: '', startTime: '', endDate: '', endTime: '' },
    entryTimes: allDay ? entryTimes(id, random) : null,
    preScannedShare: !started ? (production.id === 962615 ? 0.1 : 0.03) : start < now - 3 * HOUR ? 0.85 : 0.5,
  };
}

function entryTimes(performanceId: number, random: () => number): PerformanceEntryTime[] {
  return ['10:00', '11:30', '13:00', '14:30', '16:00'].map((hhmm, i) => {
    const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
    return {
      performanceEntryTimeId: performanceId * 10 + i,
      entryTime: formatTime24({ hour, minute }),
      entryTimeFormatted: formatTime12({ hour, minute }),
      entryTimeHour: String(hour),
      entryTimeMinute: String(minute),
      displaySoldOut: random() < 0.15,
    };
  });
}

/** Whether web sales are open: tickets left and before the shut-off (which can be after the start). */
export function hasAvailableTickets(performance: AvPerformance, now: number): boolean {
  return (
    performance.tixRemaining > 0 &&
    performance.displayCode !== 'C' &&
    performance.availabilityCode !== 'N' &&
    now < performance.start - performance.shutoffHour * HOUR
  );
}

// ---------------------------------------------------------------------------------------------
// Tickets
// ---------------------------------------------------------------------------------------------

export type TicketStatus = 'valid' | 'refunded' | 'voided';

export interface AvTicket {
  ticketId: number;
  barcode: string;
  performance: AvPerformance;
  index: number;
  /** Index of the order's first ticket and the order's size. */
  orderStart: number;
  orderSize: number;
  section: string | null;
  seat: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  walkup: boolean;
  /** The patron left an address (most box-office and walk-up sales do not). */
  hasAddress: boolean;
  status: TicketStatus;
  /** Scanned before the world began. */
  preScanned: boolean;
}

/** Barcodes hold slot × 2^20 + index: a performance can sell up to this many tickets. */
export const TICKETS_PER_SLOT = 1 << 20;
const TICKET_ID_BASE = 580_000_000;

/** A performance's tickets, generated on first use. */
export function ticketsOf(performance: AvPerformance, seed: number, cache: Map<number, AvTicket[]>): AvTicket[] {
  let tickets = cache.get(performance.id);
  if (tickets) return tickets;
  tickets = [];
  const random = seededRandom((seed * 31 + performance.id) >>> 0);
  const arena = performance.production.capacity > 1000;
  const sections = arena ? ['Floor', 'Section 101', 'Section 102', 'Section 214', 'Section 215'] : ['Orchestra', 'Mezzanine', 'Balcony'];
  const seatsPerRow = arena ? 24 : 14;
  for (let index = 0; index < performance.sold; ) {
    const orderSize = Math.min(performance.sold - index, 1 + Math.floor(random() * random() * 6));
    const walkup = random() < 0.08;
    const firstName = walkup ? 'Walkup' : pick(random, FIRST_NAMES);
    const lastName = walkup ? 'Walkup' : pick(random, LAST_NAMES);
    const hasEmail = !walkup && random() < 0.8;
    const email = hasEmail ? `${ascii(firstName)}.${ascii(lastName)}${Math.floor(random() * 90 + 10)}@example.com` : null;
    const phone = !walkup && random() < 0.5 ? `207-555-${String(1000 + Math.floor(random() * 9000))}` : null;
    const hasAddress = !walkup && random() < 0.3;
    const orderStatus = random();
    for (let k = 0; k < orderSize; k++, index++) {
      const position = index % (sections.length * 26 * seatsPerRow);
      const sectionIndex = Math.floor(position / (26 * seatsPerRow));
      const row = String.fromCharCode(65 + (Math.floor(position / seatsPerRow) % 26));
      const general = performance.production.generalAdmission;
      tickets.push({
        ticketId: ticketIdOf(performance.slot, index),
        barcode: encodeBarcode(performance.slot, index, seed),
        performance,
        index,
        orderStart: index - k,
        orderSize,
        section: general ? 'General Admission' : sections[sectionIndex] ?? null,
        seat: general ? null : `${row}${(position % seatsPerRow) + 1}`,
        firstName,
        lastName,
        email,
        phone,
        walkup,
        hasAddress,
        status: orderStatus < 0.015 ? 'refunded' : orderStatus < 0.03 ? 'voided' : 'valid',
        preScanned: random() < performance.preScannedShare,
      });
    }
  }
  cache.set(performance.id, tickets);
  return tickets;
}

/**
 * 40,000 ids per performance slot; past that (a sale raised by `POST /__mock/audienceview/sold`)
 * each further 40,000 take a block of their own, above every slot's first block.
 */
function ticketIdOf(slot: number, index: number): number {
  return TICKET_ID_BASE + slot * 40_000 + (index % 40_000) + Math.floor(index / 40_000) * 100_000_000;
}

function ascii(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

/** The ticket a barcode stands for, if any: barcodes decode to (performance slot, seat index). */
export function findTicket(barcode: string, data: AvData, seed: number, cache: Map<number, AvTicket[]>): AvTicket | undefined {
  const decoded = decodeBarcode(barcode, seed);
  if (!decoded) return undefined;
  const performance = data.performances[decoded.slot];
  if (!performance || decoded.index >= performance.sold) return undefined;
  return ticketsOf(performance, seed, cache)[decoded.index];
}

// Barcodes: 9 lowercase base-36 characters (like the seed's "6nwmw29eo") holding slot × 2^20 +
// index, scrambled by a 4-round Feistel network on two 23-bit halves so neighbouring seats do
// not get neighbouring barcodes and most random strings decode to nothing.
const HALF = 1 << 23;

function feistelRound(value: number, key: number): number {
  let x = Math.imul(value ^ key, 0x45d9f3b);
  x ^= x >>> 16;
  x = Math.imul(x, 0x119de1f3);
  x ^= x >>> 13;
  return (x >>> 0) % HALF;
}

const roundKeyCache = new Map<number, readonly number[]>();
function roundKeys(seed: number): readonly number[] {
  let keys = roundKeyCache.get(seed);
  if (!keys) {
    const random = seededRandom(seed ^ 0xbadc0de);
    keys = [0, 1, 2, 3].map(() => Math.floor(random() * 0x7fffffff));
    roundKeyCache.set(seed, keys);
  }
  return keys;
}

function encodeBarcode(slot: number, index: number, seed: number): string {
  const n = slot * TICKETS_PER_SLOT + index;
  let left = Math.floor(n / HALF);
  let right = n % HALF;
  for (const key of roundKeys(seed)) [left, right] = [right, left ^ feistelRound(right, key)];
  return (left * HALF + right).toString(36).padStart(9, '0');
}

function decodeBarcode(barcode: string, seed: number): { slot: number; index: number } | undefined {
  if (!/^[0-9a-z]{9}$/.test(barcode)) return undefined;
  const n = parseInt(barcode, 36);
  if (n >= HALF * HALF) return undefined;
  let left = Math.floor(n / HALF);
  let right = n % HALF;
  for (const key of [...roundKeys(seed)].reverse()) [left, right] = [right ^ feistelRound(left, key), left];
  const value = left * HALF + right;
  return { slot: Math.floor(value / TICKETS_PER_SLOT), index: value % TICKETS_PER_SLOT };
}

export const TIME = { HOUR, DAY };
