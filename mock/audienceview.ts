/**
 * Mock AudienceView Professional (seed: audienceview-professional-api.txt + VENDOR-NOTES), served
 * at `/audienceview`: api-base + `/public/calendar|series|events/client(:id)[/production(:id)|
 * /department(:id)]` and api-base + `/public/scanning/...`. World data is in audienceview-data.ts.
 *
 * Clients: 284 "Harbour Lights Theatre" (the seed's ids: production 962459 "Far Far Away",
 * department 1219; New York), 300 "TestAccount-300" (Spamalot 3622, performance 49182 today at
 * 4 PM; Chicago, so the public `performanceStart`, read as Eastern, is an hour off), 301 "Old Quay
 * Playhouse" (`clientActive: false`, no performances).
 *
 * Scanning users (demo credentials, obviously fake; also `GET /__mock/audienceview/users`):
 *   door@harbourlights.example       / harbour-door-2027       door manager, patronReporting, clients 284 + 300
 *   volunteer@harbourlights.example  / harbour-volunteer-2027  volunteer, no patronReporting (patron: null), client 284
 *   renée@harbourlights.example      / harbour-renée-2027      like the volunteer, a non-ASCII name (UTF-8 Basic auth)
 *   expiring@harbourlights.example   / harbour-expiring-2027   password expires in 3 days (daysTillPasswordExpires 3)
 *   expired@harbourlights.example    / harbour-expired-2027    password expired: code 4, forceLogout
 *   boxoffice@harbourlights.example  / harbour-boxoffice-2027  no scanning permission: code 3
 *   any user with a wrong password, or an unknown user: code 2
 *
 * Public error forms (always 200, per the seed's "Errors" section):
 *   - top-level `errors` AND `serviceMessages.errors`: a missing `clientId` header, a header that
 *     does not match the path's client, a bad month/year, an unknown production;
 *   - top-level `errors` only: an unknown client;
 *   - `serviceMessages.errors` ONLY (top-level `errors` empty): a department that does not exist;
 *   - `warnings` (not an error): an inactive client (`clientActive: false`, no data).
 * Scanning errors are 200 with `error: true` and `errorDetails` (codes 1–17).
 *
 * Readings (the seed's silences, see `readings` below and docs/vendor-readings.md): the calendar's
 * `month` base (default 0-based), `performanceStart` (default the Eastern wall-clock quirk), D/U
 * productions in the series answer (default listed), an inactive client's answer (default a
 * warning), the events answer's order (default unordered), the calendar's days gone by (default
 * left out, as the seed says "future events").
 *
 * Control (`/__mock/audienceview/...`): `GET users`, `GET tickets`, `GET performances`,
 * `POST expire-tokens`, `POST sold` (a performance's sales raised, e.g. to 100,000, for scale tests).
 */
import { StreamedBody, type MockRequest, type MockResponse, type VendorModule, type World } from './core.js';
import {
  type AvClient,
  type AvData,
  type AvPerformance,
  type AvProduction,
  type AvTicket,
  type WallDate,
  EASTERN,
  TICKETS_PER_SLOT,
  TIME,
  addDays,
  buildAvData,
  compareDates,
  findTicket,
  formatMdy,
  formatScanningPerformance,
  formatStartDate,
  formatTime12,
  formatTime24,
  hasAvailableTickets,
  isoDate,
  ticketsOf,
  wallClockAt,
  weekday,
} from './audienceview-data.js';
import {
  SCANNING_ERROR_CODES,
  type Patron,
  type Performance,
  type ScannableTicket,
  type ScanningErrorCode,
  type SeriesInformation,
} from '../src/api/audienceview/types.js';

const { HOUR } = TIME;
/** The scan window (the seed: "X minutes prior to and Y minutes after" a performance, per client). */
const SCAN_WINDOW_BEFORE = 6 * HOUR;
const SCAN_WINDOW_AFTER = 36 * HOUR;
const TOKEN_LIFETIME = HOUR;
const SYNC_MAX_AGE = 48 * HOUR;
const SYNC_CLOCK_SKEW = 60_000;

interface ScanningUser {
  username: string;
  password: string;
  role: string;
  scanning: boolean;
  patronReporting: boolean;
  clients: number[];
  /** Days until the password expires; ≤ 0: expired. */
  passwordDays: number;
}

const USERS: ScanningUser[] = [
  { username: 'door@harbourlights.example', password: 'harbour-door-2027', role: 'Door manager (patronReporting)', scanning: true, patronReporting: true, clients: [284, 300], passwordDays: 60 },
  { username: 'volunteer@harbourlights.example', password: 'harbour-volunteer-2027', role: 'Volunteer (no patron data)', scanning: true, patronReporting: false, clients: [284], passwordDays: 60 },
  { username: 'renée@harbourlights.example', password: 'harbour-renée-2027', role: 'Volunteer with a non-ASCII username', scanning: true, patronReporting: false, clients: [284], passwordDays: 45 },
  { username: 'expiring@harbourlights.example', password: 'harbour-expiring-2027', role: 'Password expires in 3 days', scanning: true, patronReporting: true, clients: [284], passwordDays: 3 },
  { username: 'expired@harbourlights.example', password: 'harbour-expired-2027', role: 'Password expired (code 4)', scanning: true, patronReporting: true, clients: [284], passwordDays: -2 },
  { username: 'boxoffice@harbourlights.example', password: 'harbour-boxoffice-2027', role: 'No scanning permission (code 3)', scanning: false, patronReporting: true, clients: [284], passwordDays: 60 },
];

interface Token {
  user: ScanningUser;
  expiresAt: number;
  invalidated: boolean;
}

export interface AudienceViewState {
  data: AvData;
  seed: number;
  tickets: Map<number, AvTicket[]>;
  tokens: Map<string, Token>;
  /** ticketId → scan time, for scans made in this world. */
  scans: Map<number, number>;
  /** Counts changes to `scans`: serialized ticket lists made before a change are stale. */
  scansVersion: number;
  /** Passwords are set relative to the world's start. */
  createdAt: number;
  nextToken: () => string;
}

type Json = Record<string | symbol, unknown>;
/**
 * Key of a handler answer already serialized: the JSON text of an object WITHOUT its closing
 * brace, merged after the common fields; or a function yielding that text in pieces (streamed).
 */
const RAW_JSON = Symbol('raw JSON');

export const audienceview: VendorModule<AudienceViewState> = {
  name: 'audienceview',

  /** Silences of the public events API this mock plays either way (docs/vendor-readings.md). */
  readings: {
    'audienceview.calendar.month': {
      choices: ['zero-based', 'one-based', 'time-only'],
      doc: "The calendar's `month` parameter has no stated range: 0–11 (as the seed's own `new Date(2014, 11, 1)` and Java's Calendar) or 1–12; or only `time` counts.",
    },
    'audienceview.calendar.past': {
      choices: ['future-only', 'whole-weeks'],
      doc: 'The calendar answer is "future events for a given month": only performances not yet started (the seed\'s words), or every performance of its weeks, the days gone by included (a calendar page that shows the whole month).',
    },
    'audienceview.public.performanceStart': {
      choices: ['eastern-wall-clock', 'instant'],
      doc: '`performanceStart` (and the series dates) are "epoch, time zone agnostic": the venue\'s wall clock read as US Eastern, or the true instant.',
    },
    'audienceview.series.hiddenStatuses': {
      choices: ['listed', 'omitted', 'excluded'],
      doc: 'Productions with status D or U: listed in the series answer with their status (their performances in calendar and events), left out of the series answer only, or left out everywhere.',
    },
    'audienceview.public.clientActive': {
      choices: ['warning', 'errors', 'data'],
      doc: 'What an inactive client (`clientActive: false`) gets: no data and a warning, an `errors` answer, or its data as usual.',
    },
    'audienceview.syncScans.repeat': {
      choices: ['accepted', 'refused'],
      doc: '`cache/syncScans` has no idempotency key and lists no "already scanned" failure: a scan of a ticket the server already has is inserted again without a word, or refused with a reason.',
    },
    'audienceview.scanning.performanceStart': {
      choices: ['eastern-wall-clock', 'instant'],
      doc: "filterOptions' `performanceStart` (\"milliseconds after the Epoch\"): the public API's quirk (the venue's wall clock read as US Eastern), or the true instant.",
    },
    'audienceview.events.order': {
      choices: ['unordered', 'start-order'],
      doc: 'The events answer is "a comprehensive list of all future performances"; no order is stated.',
    },
  },

  createState(world) {
    let counter = 0;
    return {
      data: buildAvData(world.now(), world.seed),
      seed: world.seed,
      tickets: new Map(),
      tokens: new Map(),
      scans: new Map(),
      scansVersion: 0,
      createdAt: world.now(),
      nextToken: () => uuid(world.seed, counter++),
    };
  },

  handle(req, state, world) {
    const path = decodePath(req.path);
    const logo = /^\/trs\/clientFile\/(\d+)$/.exec(path);
    if (logo && req.method === 'GET') return logoImage(state, Number(logo[1]));
    if (path.startsWith('/public/scanning/')) return scanning(req, path.slice('/public/scanning/'.length), state, world);
    const match = /^\/public\/(calendar|series|events)\/client\(([^)]*)\)(?:\/(production|department)\(([^)]*)\))?\/?$/.exec(path);
    if (!match || req.method !== 'GET') return undefined;
    const [, kind, client, filterKind, filterId] = match;
    return { body: publicAnswer(req, kind as PublicKind, client!, filterKind as FilterKind | undefined, filterId, state, world) };
  },

  fault(rule, req, state, world) {
    if (rule.kind !== 'vendor-error' && rule.kind !== 'expired-token') return undefined;
    if (decodePath(req.path).startsWith('/public/scanning/')) {
      const code = (rule.kind === 'expired-token' ? 5 : Number(rule.code ?? 16)) as ScanningErrorCode;
      return { body: scanningError(code, rule.message, world.now() + TOKEN_LIFETIME) };
    }
    // The public API has one error form: 200 with `errors`.
    const message = rule.message ?? 'An unexpected error occurred. Please try again later.';
    return { body: { ...envelope(null, null), errors: [message], serviceMessages: serviceMessages([message], []) } };
  },

  control(req, state, world) {
    const path = req.path.replace(/\/+$/, '');
    if (req.method === 'GET' && path === '/users') {
      return { body: { users: USERS.map(({ username, password, role, patronReporting, clients, scanning: canScan }) => ({ username, password, role, scanning: canScan, patronReporting, clients })) } };
    }
    if (req.method === 'GET' && path === '/tickets') return { body: controlTickets(req, state, world) };
    if (req.method === 'GET' && path === '/performances') return { body: controlPerformances(req, state, world) };
    if (req.method === 'POST' && path === '/sold') return sellMore(req, state);
    if (req.method === 'POST' && path === '/expire-tokens') {
      for (const token of state.tokens.values()) token.expiresAt = world.now() - 1;
      return { body: { expired: state.tokens.size } };
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

type PublicKind = 'calendar' | 'series' | 'events';
type FilterKind = 'production' | 'department';

function publicAnswer(req: MockRequest, kind: PublicKind, clientText: string, filterKind: FilterKind | undefined, filterText: string | undefined, state: AudienceViewState, world: World): Json {
  const empty = { calendar: { performancesByDateDisplay: {} }, series: { seriesInformation: [] }, events: { performances: [] } }[kind];
  const assets = req.vendorBase;
  const clientId = /^\d+$/.test(clientText) ? Number(clientText) : null;
  const departmentId = filterKind === 'department' && /^\d+$/.test(filterText ?? '') ? Number(filterText) : null;
  const fail = (message: string, where: 'both' | 'top' | 'service' = 'both'): Json => ({
    ...envelope(clientId, departmentId),
    clientName: client?.name ?? null,
    clientActive: client?.active ?? false,
    errors: where === 'service' ? [] : [message],
    serviceMessages: serviceMessages(where === 'top' ? [] : [message], []),
    ...empty,
  });

  const client = clientId === null ? undefined : state.data.clients.get(clientId);
  const header = req.header('clientId');
  if (!header) return fail('The clientId header is required.');
  if (header.trim() !== clientText) return fail(`The clientId header (${header}) does not match the client in the request (${clientText}).`);
  if (!client) return fail(`Client ${clientText} was not found.`, 'top');

  let productions = client.productions;
  if (filterKind === 'production') {
    productions = productions.filter((p) => String(p.id) === filterText);
    if (productions.length === 0) return fail(`Production ${filterText} was not found for client ${client.id}.`);
  } else if (filterKind === 'department') {
    if (!client.departments.some((d) => d.id === departmentId)) {
      return fail(`Department ${filterText} does not exist for client ${client.id}.`, 'service');
    }
    productions = productions.filter((p) => p.department?.id === departmentId);
  }

  const base = { ...envelope(client.id, departmentId), clientName: client.name, clientActive: client.active };
  if (!client.active) {
    const inactive = world.reading('audienceview.public.clientActive');
    const message = `Client ${client.id} is not active.`;
    if (inactive === 'errors') return { ...base, errors: [message], serviceMessages: serviceMessages([message], []), ...empty };
    if (inactive === 'warning') return { ...base, warnings: [message], serviceMessages: serviceMessages([], [message]), ...empty };
    // 'data': the answer as for an active client (this mock's inactive client has no performances).
  }

  const now = world.now();
  const statuses = world.reading('audienceview.series.hiddenStatuses');
  if (statuses === 'excluded') productions = productions.filter((p) => p.status === 'T');
  const startOf = world.reading('audienceview.public.performanceStart') === 'instant' ? (p: AvPerformance) => p.start : (p: AvPerformance) => p.startAsEastern;
  const future = productions.flatMap((p) => p.performances).filter((p) => p.start > now);
  switch (kind) {
    case 'events': {
      const ordered = future.sort((a, b) => a.start - b.start || a.id - b.id);
      // Unordered: the same deterministic shuffle as the calendar's keys (odd ids first, descending).
      const performances = world.reading('audienceview.events.order') === 'unordered' ? ordered.sort((a, b) => (b.id % 2) - (a.id % 2) || b.id - a.id) : ordered;
      return { ...base, performances: performances.map((p) => performanceJson(p, now, assets, startOf)) };
    }
    case 'series': {
      const listed = statuses === 'omitted' ? productions.filter((p) => p.status === 'T') : productions;
      return { ...base, seriesInformation: listed.map((p) => seriesJson(p, now, assets, startOf)).filter((s): s is SeriesInformation => s !== undefined) };
    }
    case 'calendar': {
      const month = requestedMonth(req, client, now, world.reading('audienceview.calendar.month'));
      if (!month) return fail('Invalid month or year.');
      const shown = world.reading('audienceview.calendar.past') === 'whole-weeks' ? productions.flatMap((p) => p.performances) : future;
      return { ...base, performancesByDateDisplay: calendarMap(shown, month, now, assets, startOf) };
    }
  }
}

function envelope(clientId: number | null, departmentId: number | null): Json {
  return { serviceMessages: serviceMessages([], []), departmentId, clientId, clientName: null, clientActive: false, errors: [], warnings: [] };
}

function serviceMessages(errors: string[], warnings: string[]): Json {
  return { errors, warnings, infoMessages: [], allMessages: [...errors, ...warnings] };
}

/**
 * The month asked for, by the reading `audienceview.calendar.month` (the seed is silent on the
 * range): `month` 0–11 (`zero-based`) or 1–12 (`one-based`) + `year`, which win over `time`; or
 * (`time-only`) `month`/`year` ignored. `time` is midnight on the 1st in the *browser's* zone (per
 * the seed's JS): read in the venue's zone it can fall on the last day of the previous month, so
 * it is rounded to the nearest month start. Default: the current month at the venue.
 */
function requestedMonth(req: MockRequest, client: AvClient, now: number, reading: string): { year: number; month: number } | undefined {
  const month = req.query.get('month');
  const year = req.query.get('year');
  if (reading !== 'time-only' && (month !== null || year !== null)) {
    const offset = reading === 'zero-based' ? 1 : 0;
    const m = Number(month) + offset;
    const y = Number(year);
    if (month === '' || !Number.isInteger(m) || !Number.isInteger(y) || m < 1 || m > 12 || y < 1970 || y > 9999) return undefined;
    return { year: y, month: m };
  }
  const time = req.query.get('time');
  if (time !== null) {
    if (!/^-?\d+$/.test(time)) return undefined;
    const at = wallClockAt(Number(time) + 15 * TIME.DAY, client.timeZone);
    return { year: at.year, month: at.month };
  }
  const today = wallClockAt(now, client.timeZone);
  return { year: today.year, month: today.month };
}

/** Whole weeks, Sunday to Saturday, around the month; keys deliberately not in date order. */
function calendarMap(performances: AvPerformance[], month: { year: number; month: number }, now: number, assets: string, startOf: StartOf): Record<string, Performance[]> {
  const first: WallDate = { year: month.year, month: month.month, day: 1 };
  const last = addDays({ year: month.month === 12 ? month.year + 1 : month.year, month: (month.month % 12) + 1, day: 1 }, -1);
  const from = addDays(first, -weekday(first));
  const to = addDays(last, 6 - weekday(last));
  const byDate = new Map<string, AvPerformance[]>();
  for (const p of performances) {
    if (compareDates(p.date, from) < 0 || compareDates(p.date, to) > 0) continue;
    const key = isoDate(p.date);
    byDate.set(key, [...(byDate.get(key) ?? []), p]);
  }
  // Odd days first, then even ones, each descending: not in order, as the real server's HashMap.
  const keys = [...byDate.keys()].sort((a, b) => (Number(b.slice(8)) % 2) - (Number(a.slice(8)) % 2) || b.localeCompare(a));
  return Object.fromEntries(keys.map((key) => [key, byDate.get(key)!.sort((a, b) => a.start - b.start).map((p) => performanceJson(p, now, assets, startOf))]));
}

/** `performanceStart` by the reading `audienceview.public.performanceStart`. */
type StartOf = (p: AvPerformance) => number;

function performanceJson(p: AvPerformance, now: number, assets: string, startOf: StartOf): Performance {
  const production = p.production;
  return {
    performanceId: p.id,
    performanceStart: startOf(p),
    performanceDate: formatMdy(p.date),
    performanceTime: formatTime12(p.time),
    performanceTime24: formatTime24(p.time),
    performanceStartDate: formatStartDate(p.date, p.time),
    performanceSuperTitle: p.superTitle,
    performanceSubTitle: p.subTitle,
    performanceNotes: p.notes,
    availabilityCode: p.availabilityCode,
    displayCode: p.displayCode,
    productionId: production.id,
    productionName: production.name,
    hasAvailableTickets: hasAvailableTickets(p, now),
    tixRemaining: p.tixRemaining,
    customMessage: p.customMessage,
    noRemainingTicketsMessage: p.noRemainingTicketsMessage,
    shutoffHour: p.shutoffHour,
    shutoffHourMessage: p.shutoffHourMessage,
    generalAdmission: production.generalAdmission,
    allDayEvent: p.allDayEvent,
    doorEntryStartDate: p.doorEntry.startDate,
    doorEntryStartTime: p.doorEntry.startTime,
    doorEntryEndDate: p.doorEntry.endDate,
    doorEntryEndTime: p.doorEntry.endTime,
    productionLogoLink: logoLink(production, assets),
    productionDescription: production.description,
    departmentId: production.department?.id ?? null,
    departmentName: production.department?.name ?? null,
    performanceEntryTimes: p.entryTimes,
  };
}

function seriesJson(production: AvProduction, now: number, assets: string, startOf: StartOf): SeriesInformation | undefined {
  const future = production.performances.filter((p) => p.start > now);
  const first = future[0];
  const last = future[future.length - 1];
  if (!first || !last) return undefined;
  const buyable = future.filter((p) => p.displayCode !== 'I' && p.displayCode !== 'C' && p.availabilityCode !== 'N');
  return {
    productionId: production.id,
    productionName: production.name,
    productionStatus: production.status,
    productionStyle: production.style,
    productionVenue: production.venue,
    hasAvailableTickets: future.some((p) => hasAvailableTickets(p, now)),
    noRemainingMessage: production.noRemainingMessage,
    shutoffHour: production.shutoffHour,
    shutoffHourMessage: production.shutoffHourMessage,
    seriesSuperTitle: production.superTitle,
    seriesSubTitle: production.subTitle,
    purchaseAlert: production.purchaseAlert,
    productionDescription: production.description,
    productionLogoClientFileId: production.logoFileId,
    productionLogoLink: logoLink(production, assets),
    productionLogoAltName: production.logoAltName,
    firstPerformanceDate: startOf(first),
    lastPerformanceDate: startOf(last),
    performanceIdIfOnlyOneEventAvailable: future.length === 1 ? first.id : null,
    showLinkToBuyTickets: buyable.length > 0,
    departmentId: production.department?.id ?? null,
    departmentName: production.department?.name ?? null,
  };
}

/** A production's poster as an SVG: its colour, its name, a few shapes; made up, like the data. */
function logoImage(state: AudienceViewState, fileId: number): MockResponse | undefined {
  const production = [...state.data.clients.values()].flatMap((c) => c.productions).find((p) => p.logoFileId === fileId);
  if (!production) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'No such client file' };
  const hue = (production.id * 47) % 360;
  const words = production.name.split(/\s+/);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= 16) lines[last] += ' ' + word;
    else lines.push(word);
  }
  const text = lines
    .slice(0, 3)
    .map((line, i) => `<text x="40" y="${250 + i * 58 - (lines.length - 1) * 29}" font-size="50" font-weight="700">${escapeHtml(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 400" width="600" height="400">
<rect width="600" height="400" fill="hsl(${hue} 45% 28%)"/>
<circle cx="500" cy="80" r="140" fill="hsl(${(hue + 40) % 360} 60% 55%)" opacity="0.55"/>
<circle cx="560" cy="330" r="90" fill="hsl(${(hue + 200) % 360} 55% 60%)" opacity="0.4"/>
<g fill="#fff" font-family="Georgia, serif">${text}</g>
<text x="40" y="370" fill="#fff" opacity="0.8" font-family="system-ui, sans-serif" font-size="20" letter-spacing="3">HARBOUR LIGHTS</text>
</svg>`;
  return { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }, body: svg };
}

/**
 * Real logos live at https://web.ovationtix.com/trs/clientFile/{id}; the mock serves its own at the
 * same path under itself, so pages show them with no network.
 */
function logoLink(production: AvProduction, assets: string): string | null {
  return production.logoFileId === null ? null : `${assets}/trs/clientFile/${production.logoFileId}`;
}

// ---------------------------------------------------------------------------------------------
// Scanning API
// ---------------------------------------------------------------------------------------------

/**
 * The scanning answers carry the server's clock (`Date`, the world's now) and expose it to the
 * page: `Date` is not a CORS-safelisted response header, and the scanner stamps scans with it.
 */
function scanning(req: MockRequest, route: string, state: AudienceViewState, world: World): MockResponse | undefined {
  const answer = scanningAnswer(req, route, state, world);
  if (!answer) return undefined;
  return {
    ...answer,
    headers: { date: new Date(world.now()).toUTCString(), 'access-control-expose-headers': 'retry-after, content-type, date', ...answer.headers },
  };
}

function scanningAnswer(req: MockRequest, route: string, state: AudienceViewState, world: World): MockResponse | undefined {
  const key = `${req.method} ${route.replace(/\/+$/, '')}`;
  if (key === 'POST authenticate') return { body: authenticate(req, state, world) };
  const known = ['GET validateToken', 'DELETE invalidateToken', 'GET filterOptions', 'POST validateTicket', 'GET cache/validTickets', 'POST cache/syncScans'];
  if (!known.includes(key)) return undefined;

  const auth = authorize(req, state, world);
  if (typeof auth === 'number') return { body: scanningError(auth) };
  const { token } = auth;
  if (key === 'DELETE invalidateToken') {
    token.invalidated = true;
    return { status: 200 }; // the seed: 200 OK and no body
  }
  token.expiresAt = world.now() + TOKEN_LIFETIME; // every call extends the token
  const ok = { accessTokenExpiration: token.expiresAt, error: false, errorMessageHTML: null, errorDetails: null };
  const answer = (body: Json | Refusal): MockResponse => {
    if (isRefusal(body)) return { body: refusalJson(body, token.expiresAt) };
    const raw = body[RAW_JSON];
    const json = { 'content-type': 'application/json; charset=utf-8' };
    if (typeof raw === 'string') return { body: `${JSON.stringify(ok).slice(0, -1)},${raw.slice(1)}}`, headers: json };
    if (typeof raw === 'function') {
      // The first piece is the text that opens the object; the others may be bytes.
      const pieces = raw as () => Iterator<string | Uint8Array, undefined, undefined>;
      return {
        headers: json,
        body: new StreamedBody(function* () {
          const rest = pieces();
          const opening = rest.next().value as string;
          yield `${JSON.stringify(ok).slice(0, -1)},${opening.slice(1)}`;
          for (let piece = rest.next(); !piece.done; piece = rest.next()) yield piece.value;
          yield '}';
        }),
      };
    }
    return { body: { ...ok, ...body } };
  };
  switch (key) {
    case 'GET validateToken':
      return answer({});
    case 'GET filterOptions':
      return answer(filterOptions(token.user, state, world));
    case 'POST validateTicket':
      return answer(validateTicket(req, token.user, state, world));
    case 'GET cache/validTickets':
      return answer(validTickets(req, token.user, state, world));
    default:
      return answer(syncScans(req, token.user, state, world));
  }
}

function authenticate(req: MockRequest, state: AudienceViewState, world: World): Json {
  const body = safeJson(req);
  const none = { accessToken: null, passwordExpiresOn: null, daysTillPasswordExpires: null };
  const fail = (code: ScanningErrorCode) => ({ ...scanningError(code), ...none });
  const username = typeof body?.username === 'string' ? body.username : '';
  const password = typeof body?.password === 'string' ? body.password : '';
  if (!username || !password) return fail(15);
  const user = USERS.find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (!user || user.password !== password) return fail(2);
  if (user.passwordDays <= 0) return fail(4);
  if (!user.scanning) return fail(3);
  const accessToken = state.nextToken();
  const expiresAt = world.now() + TOKEN_LIFETIME;
  state.tokens.set(accessToken, { user, expiresAt, invalidated: false });
  const passwordExpiresOn = state.createdAt + user.passwordDays * TIME.DAY;
  return {
    accessTokenExpiration: expiresAt,
    error: false,
    errorMessageHTML: null,
    errorDetails: null,
    accessToken,
    passwordExpiresOn,
    daysTillPasswordExpires: Math.max(0, Math.ceil((passwordExpiresOn - world.now()) / TIME.DAY)),
  };
}

/** The token behind `Authorization: Basic base64(username:accessToken)`, or the error code. */
function authorize(req: MockRequest, state: AudienceViewState, world: World): { token: Token } | ScanningErrorCode {
  const header = req.header('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return 1;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.lastIndexOf(':');
  if (colon <= 0) return 1;
  const username = decoded.slice(0, colon);
  const token = state.tokens.get(decoded.slice(colon + 1));
  if (!token || token.invalidated || token.user.username.toLowerCase() !== username.toLowerCase()) return 6;
  if (world.now() > token.expiresAt) return 5;
  return { token };
}

const ERROR_BANNERS: Partial<Record<ScanningErrorCode, string>> = {
  1: 'Please sign in again.',
  2: 'The username or password is incorrect.',
  3: 'You do not have permission to scan tickets.',
  4: 'Password is expired. You must reset it by logging in via a desktop.',
  5: 'Your session has expired. Please sign in again.',
  6: 'Your session is no longer valid. Please sign in again.',
  7: 'You do not have access to this client.',
  8: 'WRONG CLIENT',
  9: 'WRONG SERIES',
  10: 'WRONG PERFORMANCE',
  11: 'INVALID TICKET',
  12: 'ALREADY SCANNED',
  13: 'TICKET VOIDED',
  14: 'TICKET REFUNDED',
  15: 'A required field is missing.',
};

/** The seed's failed-answer form: `error: true`, red HTML banner, `errorDetails` from the code table. */
function scanningError(code: ScanningErrorCode, message?: string, expiration: number | null = null, extraHtml = ''): Json {
  const info = SCANNING_ERROR_CODES[code] ?? SCANNING_ERROR_CODES[16];
  const text = escapeHtml(message ?? ERROR_BANNERS[code] ?? 'An unexpected error occurred.');
  const ticketLevel = code >= 8 && code <= 14;
  const inner = ticketLevel ? `<div>${text}</div>${extraHtml}` : text;
  return {
    accessTokenExpiration: info.forceLogout ? null : expiration,
    error: true,
    errorMessageHTML: `<div style='font-size:1.2em;background-color:red;color:white;text-align:center;padding:5px;'>${inner}</div>`,
    errorDetails: { errorCodeId: code in SCANNING_ERROR_CODES ? code : 16, errorCodeKey: info.key, errorCodeName: info.name, forceLogout: info.forceLogout },
    ...(ticketLevel ? { name: null, performance: null, section: null, seat: null, ticketsScanned: null, ticketsSold: null, successMsg: null, patron: null } : {}),
  };
}

/** A scanning failure: a code, or a code with extra HTML lines for the banner. */
type Refusal = ScanningErrorCode | { code: ScanningErrorCode; extraHtml: string };

function isRefusal(value: Json | Refusal): value is Refusal {
  return typeof value === 'number' || (typeof value.code === 'number' && typeof value.extraHtml === 'string');
}

function refusalJson(refusal: Refusal, expiration: number): Json {
  return typeof refusal === 'number' ? scanningError(refusal, undefined, expiration) : scanningError(refusal.code, undefined, expiration, refusal.extraHtml);
}

function inScanWindow(p: AvPerformance, now: number): boolean {
  return p.start >= now - SCAN_WINDOW_BEFORE && p.start <= now + SCAN_WINDOW_AFTER;
}

function filterOptions(user: ScanningUser, state: AudienceViewState, world: World): Json {
  const now = world.now();
  const clients = user.clients.flatMap((id) => {
    const client = state.data.clients.get(id);
    if (!client) return [];
    const productions = client.productions
      .filter((p) => p.status === 'T')
      .map((p) => ({
        productionId: p.id,
        productionName: p.name,
        performances: p.performances
          .filter((perf) => inScanWindow(perf, now) && perf.displayCode !== 'C')
          .map((perf) => ({ performanceId: perf.id, performanceStart: world.reading('audienceview.scanning.performanceStart') === 'instant' ? perf.start : perf.startAsEastern })),
      }))
      .filter((p) => p.performances.length > 0);
    return [{ id: client.id, value: client.name, productions }];
  });
  return { clients };
}

interface ScanFilter {
  clientId: number;
  productionId: number | null;
  performanceId: number | null;
}

function readFilter(source: { get(key: string): unknown }): ScanFilter | undefined {
  const id = (value: unknown): number | null | undefined => {
    if (value === null || value === undefined || value === '') return null;
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const clientId = id(source.get('clientId'));
  const productionId = id(source.get('productionId'));
  const performanceId = id(source.get('performanceId'));
  if (!clientId || productionId === undefined || performanceId === undefined) return undefined;
  return { clientId, productionId, performanceId };
}

/** Why a ticket may not be scanned under a filter, as a scanning code; undefined: it belongs. */
function mismatch(ticket: AvTicket, filter: ScanFilter, now: number): 8 | 9 | 10 | undefined {
  const p = ticket.performance;
  if (p.clientId !== filter.clientId) return 8;
  if (filter.productionId !== null && p.production.id !== filter.productionId) return 9;
  if (filter.performanceId !== null && p.id !== filter.performanceId) return 10;
  // Without a performance, any performance in the client's scan window is accepted (the seed).
  if (filter.performanceId === null && !inScanWindow(p, now)) return 10;
  return undefined;
}

function scannedAt(ticket: AvTicket, state: AudienceViewState): number | undefined {
  return state.scans.get(ticket.ticketId) ?? (ticket.preScanned ? ticket.performance.start - HOUR / 2 : undefined);
}

function orderScannedCount(ticket: AvTicket, state: AudienceViewState): number {
  const tickets = ticketsOf(ticket.performance, state.seed, state.tickets);
  let count = 0;
  for (let i = ticket.orderStart; i < ticket.orderStart + ticket.orderSize; i++) if (scannedAt(tickets[i]!, state) !== undefined) count++;
  return count;
}

function validateTicket(req: MockRequest, user: ScanningUser, state: AudienceViewState, world: World): Json | Refusal {
  const body = safeJson(req) ?? {};
  const filter = readFilter(new Map(Object.entries(body)));
  const barcode = typeof body.barcodeString === 'string' ? body.barcodeString.trim() : '';
  if (!filter || !barcode) return 15;
  if (!user.clients.includes(filter.clientId)) return 7;
  const now = world.now();
  const ticket = findTicket(barcode.toLowerCase(), state.data, state.seed, state.tickets);
  if (!ticket) return 11;
  const wrong = mismatch(ticket, filter, now);
  if (wrong) return wrong;
  if (ticket.status === 'refunded') return 14;
  if (ticket.status === 'voided') return 13;
  const performance = scanningPerformance(ticket);
  const earlier = scannedAt(ticket, state);
  if (earlier !== undefined) {
    const when = wallClockAt(earlier, state.data.clients.get(ticket.performance.clientId)?.timeZone ?? EASTERN);
    return { code: 12, extraHtml: `<div>Scanned at ${formatTime12(when)}</div><div>${escapeHtml(performance)}</div>` };
  }
  state.scans.set(ticket.ticketId, now);
  state.scansVersion++;
  world.record('scans', { barcode: ticket.barcode, ticketId: ticket.ticketId, performanceId: ticket.performance.id, scanTime: now, username: user.username });
  const name = `${ticket.firstName} ${ticket.lastName}`;
  const ticketsScanned = orderScannedCount(ticket, state);
  const seatLine = ticket.seat ? `${ticket.section}: ${ticket.seat}` : ticket.section ?? '';
  return {
    name,
    performance,
    section: ticket.section,
    seat: ticket.seat,
    ticketsScanned,
    ticketsSold: ticket.orderSize,
    successMsg: `<div style='font-size:1.4em;background-color:green;color:white;padding:5px;'><div>${escapeHtml(seatLine)}</div><div>${escapeHtml(name)}</div><div>${escapeHtml(performance)}</div><div>${ticketsScanned} scanned of ${ticket.orderSize} sold.</div></div>`,
    patron: user.patronReporting ? patronOf(ticket) : null,
  };
}

function scanningPerformance(ticket: AvTicket): string {
  return formatScanningPerformance(ticket.performance.production.name, ticket.performance.date, ticket.performance.time);
}

function patronOf(ticket: AvTicket): Patron {
  const address = !ticket.hasAddress
    ? null
    : { line1: `${40 + (ticket.orderStart % 900)} Congress Street`, line2: ticket.orderStart % 3 === 0 ? `Apt ${1 + (ticket.orderStart % 12)}` : null, city: 'Portland', state: 'ME', zipCode: '04101', country: 'US' };
  return {
    email: ticket.email,
    firstName: ticket.firstName,
    lastName: ticket.lastName,
    billingAddress: address,
    shippingAddress: ticket.orderStart % 4 === 0 ? address : null,
    primaryPhoneNumber: ticket.phone ? { phoneNumber: ticket.phone, type: 'Cell' } : null,
  };
}

function validTickets(req: MockRequest, user: ScanningUser, state: AudienceViewState, world: World): Json | Refusal {
  const filter = readFilter(req.query);
  if (!filter) return 15;
  if (!user.clients.includes(filter.clientId)) return 7;
  const now = world.now();
  const client = state.data.clients.get(filter.clientId);
  // With a performance: that performance whatever the time; otherwise the scan window.
  const performances = (client?.productions ?? [])
    .filter((p) => filter.productionId === null || p.id === filter.productionId)
    .flatMap((p) => p.performances)
    .filter((p) => (filter.performanceId === null ? inScanWindow(p, now) : p.id === filter.performanceId));
  const head = JSON.stringify({ clientId: filter.clientId, productionId: filter.productionId, performanceId: filter.performanceId });
  // Streamed, a few thousand tickets a piece: 100,000 tickets are ~55 MB, and building that in one
  // string kept clients waiting seconds for the first byte. The pieces are kept (as bytes) until a
  // scan changes what they say.
  function* pieces(): Generator<string | Uint8Array> {
    yield `${head.slice(0, -1)},"tickets":[`;
    let first = true;
    for (const performance of performances) {
      for (const piece of ticketPieces(performance, user.patronReporting, state)) {
        if (!first) yield ',';
        yield piece;
        first = false;
      }
    }
    yield ']';
  }
  return { [RAW_JSON]: pieces };
}

/** A performance's tickets as JSON, a few thousand a piece, joined by commas within a piece. */
function ticketPieces(performance: AvPerformance, withPatron: boolean, state: AudienceViewState): Buffer[] {
  const all = ticketsOf(performance, state.seed, state.tickets);
  const key = `${withPatron}|${state.scansVersion}`;
  const cached = pieceCache.get(all);
  const hit = cached?.get(key);
  if (hit) return hit;
  // Scanned counts per order, computed once per performance (30,000 tickets must stay fast).
  const scannedInOrder = new Map<number, number>();
  for (const t of all) if (scannedAt(t, state) !== undefined) scannedInOrder.set(t.orderStart, (scannedInOrder.get(t.orderStart) ?? 0) + 1);
  const made: Buffer[] = [];
  for (let from = 0; from < all.length; from += TICKETS_PER_PIECE) {
    const piece = all.slice(from, from + TICKETS_PER_PIECE).map((t) => scannableTicketJson(t, scannedAt(t, state) !== undefined, scannedInOrder.get(t.orderStart) ?? null, withPatron));
    made.push(Buffer.from(piece.join(',')));
  }
  // Only the latest scan state is worth keeping (one entry per patron view).
  const entries = new Map([...(cached ?? [])].filter(([k]) => k.endsWith(`|${state.scansVersion}`)));
  entries.set(key, made);
  pieceCache.set(all, entries);
  return made;
}

/** A performance's ticket list (regenerated when its sales change) → its pieces by patron view and scan state. */
const pieceCache = new WeakMap<AvTicket[], Map<string, Buffer[]>>();

const TICKETS_PER_PIECE = 2_000;

/** The JSON of a Scannable Ticket; its unchanging parts are serialized once per ticket. */
function scannableTicketJson(t: AvTicket, alreadyScanned: boolean, ticketsScanned: number | null, withPatron: boolean): string {
  const parts = (ticketJsonCache.get(t) ?? ticketJsonCache.set(t, ticketJsonParts(t)).get(t))!;
  return `${parts.head},"alreadyScanned":${alreadyScanned}${parts.middle},"ticketsScanned":${ticketsScanned}${withPatron ? parts.tailWithPatron : parts.tailWithoutPatron}`;
}

const ticketJsonCache = new WeakMap<AvTicket, { head: string; middle: string; tailWithPatron: string; tailWithoutPatron: string }>();

function ticketJsonParts(t: AvTicket) {
  const performance = t.performance;
  const fixed = {
    ticketId: t.ticketId,
    performanceId: performance.id,
    productionName: performance.production.name,
    performanceStartDate: performance.start,
    barcode: t.barcode,
  } satisfies Partial<ScannableTicket>;
  const middle = {
    refundedOrVoided: t.status !== 'valid',
    orderConsumerName: `${t.firstName} ${t.lastName}`,
    performance: scanningPerformance(t),
    section: t.section,
    seat: t.seat,
  } satisfies Partial<ScannableTicket>;
  const inner = (value: object) => JSON.stringify(value).slice(1, -1);
  return {
    head: JSON.stringify(fixed).slice(0, -1),
    middle: ',' + inner(middle),
    tailWithPatron: `,"ticketsSold":${t.orderSize},"patron":${JSON.stringify(patronOf(t))}}`,
    tailWithoutPatron: `,"ticketsSold":${t.orderSize},"patron":null}`,
  };
}

function syncScans(req: MockRequest, user: ScanningUser, state: AudienceViewState, world: World): Json | Refusal {
  const body = safeJson(req);
  const filter = body ? readFilter(new Map(Object.entries(body))) : undefined;
  if (!body || !filter || !Array.isArray(body.tickets)) return 15;
  if (!user.clients.includes(filter.clientId)) return 7;
  const now = world.now();
  const failedBarcodes: Array<{ barcode: string; reason: string }> = [];
  for (const raw of body.tickets as unknown[]) {
    const item = (raw ?? {}) as Json;
    // The seed's example names it `barcode`, its table `barcodeString`: accept either.
    const barcode = String(item.barcodeString ?? item.barcode ?? '');
    const scanTime = Number(item.scanTime);
    const refuse = (reason: string) => {
      failedBarcodes.push({ barcode, reason });
      world.record('syncScansFailed', { barcode, ticketId: item.ticketId ?? null, performanceId: item.performanceId ?? null, scanTime: item.scanTime ?? null, reason, at: now });
    };
    const ticket = findTicket(barcode.toLowerCase(), state.data, state.seed, state.tickets);
    if (!ticket || (item.ticketId !== undefined && item.ticketId !== null && Number(item.ticketId) !== ticket.ticketId)) {
      refuse('Ticket ID not found.');
      continue;
    }
    if (ticket.performance.clientId !== filter.clientId) {
      refuse(`Ticket does not belong to client #${filter.clientId}`);
      continue;
    }
    const performanceId = item.performanceId ?? filter.performanceId;
    if ((performanceId !== null && performanceId !== undefined && Number(performanceId) !== ticket.performance.id) || (filter.productionId !== null && filter.productionId !== ticket.performance.production.id)) {
      refuse(`Ticket does not belong to performance #${performanceId ?? filter.performanceId ?? ''}`);
      continue;
    }
    if (ticket.status !== 'valid') {
      refuse('Ticket is refunded or voided.');
      continue;
    }
    if (!Number.isFinite(scanTime) || scanTime > now + SYNC_CLOCK_SKEW) {
      refuse('Scan time is in the future.');
      continue;
    }
    if (scanTime < now - SYNC_MAX_AGE) {
      refuse('Scan time is more than 48 hours ago. We cannot process scans that old.');
      continue;
    }
    // No idempotency key in the API, and the seed lists no "already scanned" failure: by the
    // reading, a repeat is inserted again without a word (default) or refused with a reason.
    const repeat = scannedAt(ticket, state) !== undefined;
    if (repeat && world.reading('audienceview.syncScans.repeat') === 'refused') {
      refuse('Ticket has already been scanned.');
      continue;
    }
    if (!repeat) {
      state.scans.set(ticket.ticketId, scanTime);
      state.scansVersion++;
    }
    // Every insert, repeats included: tests count inserts from this record.
    world.record('syncScans', { barcode: ticket.barcode, ticketId: ticket.ticketId, performanceId: ticket.performance.id, scanTime, appliedAt: now, username: user.username, repeat });
  }
  return { failedBarcodes };
}

// ---------------------------------------------------------------------------------------------
// Control helpers for tests
// ---------------------------------------------------------------------------------------------

/** `GET /__mock/audienceview/tickets?performanceId=&state=valid|scanned|refunded|voided|other-performance&limit=` */
function controlTickets(req: MockRequest, state: AudienceViewState, world: World): Json {
  const performance = state.data.performancesById.get(Number(req.query.get('performanceId')));
  if (!performance) return { tickets: [], error: 'unknown performanceId' };
  const wanted = req.query.get('state') ?? 'valid';
  const limit = Number(req.query.get('limit') ?? 10);
  const stateOf = (t: AvTicket) => (t.status !== 'valid' ? t.status : scannedAt(t, state) !== undefined ? 'scanned' : 'valid');
  let source = ticketsOf(performance, state.seed, state.tickets);
  if (wanted === 'other-performance') {
    // A valid ticket of another performance of the same production (else of the same client).
    const sibling =
      performance.production.performances.find((p) => p !== performance && p.sold > 0 && p.start > world.now()) ??
      state.data.performances.find((p) => p !== performance && p.clientId === performance.clientId && p.sold > 0);
    source = sibling ? ticketsOf(sibling, state.seed, state.tickets).filter((t) => stateOf(t) === 'valid') : [];
  } else {
    source = source.filter((t) => stateOf(t) === wanted);
  }
  return {
    performanceId: performance.id,
    tickets: source.slice(0, limit).map((t) => ({
      barcode: t.barcode,
      ticketId: t.ticketId,
      performanceId: t.performance.id,
      productionId: t.performance.production.id,
      clientId: t.performance.clientId,
      state: stateOf(t),
    })),
  };
}

/**
 * `POST /__mock/audienceview/sold` `{ "performanceId": 1, "sold": 100000 }`: sets how many tickets a
 * performance has sold, for scale tests (the bench's 100,000-ticket cache); its tickets are made
 * again, the first ones unchanged. The default world is never changed by itself.
 */
function sellMore(req: MockRequest, state: AudienceViewState): MockResponse {
  const { performanceId, sold } = req.json<{ performanceId?: number; sold?: number }>();
  const performance = state.data.performancesById.get(Number(performanceId));
  if (!performance) return { status: 404, body: { error: 'unknown performanceId' } };
  if (!Number.isInteger(sold) || sold! < 0 || sold! > TICKETS_PER_SLOT) return { status: 400, body: { error: `sold must be an integer from 0 to ${TICKETS_PER_SLOT}` } };
  performance.sold = sold!;
  performance.tixRemaining = Math.max(0, performance.production.capacity - sold!);
  state.tickets.delete(performance.id);
  return { body: { performanceId: performance.id, ticketsSold: performance.sold } };
}

/** One performance as the control endpoint describes it, for tests to pick examples and check answers. */
export interface ControlPerformance {
  performanceId: number;
  productionId: number;
  productionName: string;
  productionStatus: string;
  clientId: number;
  departmentId: number | null;
  displayCode: string;
  availabilityCode: string;
  allDayEvent: boolean;
  /** The venue's date, `YYYY-MM-DD`. */
  date: string;
  /** The venue's time, `HH:mm:ss`. */
  time24: string;
  /** The real instant (epoch ms). */
  start: number;
  /** AudienceView's `performanceStart` as this world plays it (by default the venue's wall clock read as US Eastern). */
  performanceStart: number;
  hasAvailableTickets: boolean;
  tixRemaining: number;
  shutoffHour: number;
  ticketsSold: number;
}

/** `GET /__mock/audienceview/performances?clientId=&productionId=&displayCode=&availabilityCode=&allDayEvent=&when=future|scannable|past&limit=` */
function controlPerformances(req: MockRequest, state: AudienceViewState, world: World): { total: number; performances: ControlPerformance[] } {
  const q = req.query;
  const now = world.now();
  const when = q.get('when') ?? 'future';
  const limit = Number(q.get('limit') ?? 50);
  const matches = state.data.performances.filter(
    (p) =>
      (!q.get('clientId') || String(p.clientId) === q.get('clientId')) &&
      (!q.get('productionId') || String(p.production.id) === q.get('productionId')) &&
      (!q.get('displayCode') || p.displayCode === q.get('displayCode')) &&
      (!q.get('availabilityCode') || p.availabilityCode === q.get('availabilityCode')) &&
      (!q.get('allDayEvent') || String(p.allDayEvent) === q.get('allDayEvent')) &&
      (when === 'all' || (when === 'future' && p.start > now) || (when === 'past' && p.start <= now) || (when === 'scannable' && inScanWindow(p, now))),
  );
  return {
    total: matches.length,
    performances: matches.slice(0, limit).map((p) => ({
      performanceId: p.id,
      productionId: p.production.id,
      productionName: p.production.name,
      productionStatus: p.production.status,
      clientId: p.clientId,
      departmentId: p.production.department?.id ?? null,
      displayCode: p.displayCode,
      availabilityCode: p.availabilityCode,
      allDayEvent: p.allDayEvent,
      date: isoDate(p.date),
      time24: formatTime24(p.time),
      start: p.start,
      performanceStart: world.reading('audienceview.public.performanceStart') === 'instant' ? p.start : p.startAsEastern,
      hasAvailableTickets: hasAvailableTickets(p, now),
      tixRemaining: p.tixRemaining,
      shutoffHour: p.shutoffHour,
      ticketsSold: p.sold,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Tolerates `%28`/`%29` for the parentheses: some HTTP clients encode them. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function safeJson(req: MockRequest): Json | undefined {
  try {
    const value = JSON.parse(req.body) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A deterministic v4-shaped UUID. */
function uuid(seed: number, counter: number): string {
  let hex = '';
  let x = (seed * 2654435761 + counter * 40503 + 1) >>> 0;
  for (let i = 0; i < 32; i++) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + i * 0x9e3779b9) >>> 0;
    hex += (x >>> 28).toString(16);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

