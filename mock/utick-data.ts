/**
 * The Utick mock's data: published packs (with lazily built sets of stocks), streams in every
 * status, venues, attractions and the access codes that open each stream. Deterministic for a
 * world's seed; every date is relative to the world's clock and written as Utick writes it,
 * ISO 8601 with the Brussels offset (notes).
 */
import { pick, seededRandom } from './core.js';
import type {
  UtickAttraction,
  UtickControlCode,
  UtickPack,
  UtickPackDetails,
  UtickPackSet,
  UtickStock,
  UtickStream,
  UtickStreamStatusId,
  UtickVenue,
} from '../src/api/utick/types.js';

/** The seed's "200 max" records per page, the mock's own copy (it never borrows the product's values). */
export const SEED_MAX_PAGE_SIZE = 200;

/** Status labels: the seed's for 10, 11, 20; the others are the codes seen in the wild (notes). */
const STREAM_STATUS_LABELS: Readonly<Record<UtickStreamStatusId, string>> = {
  10: 'Published',
  11: 'No booking',
  20: 'Cancelled',
  [-99]: 'Deleted',
  [-10]: 'Archived',
  [-1]: 'Unpublished',
  0: 'Draft',
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How many published packs a world has: more than two pages of 200, so paging matters. */
export const UTICK_PACK_COUNT = 453;

/** Ids tests and demos can rely on whatever the seed (the stream examples' ids are the seed's). */
export const UTICK_IDS = {
  /** The seed's pack example, first in the list. */
  seedPack: '39815A69-6C58-7B1D-DA16-29A6D975D489',
  /** A pack whose description carries `<img src=x onerror=…>`, and whose shop and image URLs are `javascript:`. */
  maliciousPack: 'B7E2C9A4-1F3D-4A8B-9C6E-2D5F8A1B3C7E',
  /** The seed's stream example: on demand, all dates null, published. */
  vodStream: '97B8994B-D521-A2C2-FA06-982B5F1DAFD2',
  /** Published and live now: started 30 minutes ago, ends in 90. */
  liveStream: 'C3A1F0E2-5B7D-4E19-9A2C-7D41B8E06F13',
  /** Published, starts exactly two days after the world's "now" (a countdown). */
  upcomingStream: '5E8D2B71-A4C6-4F09-B3E5-0C9A7D2F6E48',
  /** Published, but its `accessendtime` has passed: every code is refused. */
  endedStream: '0A4F7C2E-9B1D-4E63-8F5A-3C7B1E9D2A60',
  /** Published, with an HTML description that tries to run script. */
  maliciousStream: 'E91B3D5F-7A2C-4E8D-B6F0-1C3A5E7D9B24',
  noBookingStream: '2F6C8E0A-3D5B-4A71-9E2C-8B4D6F0A1C35',
  cancelledStream: '7D3B9F1E-6C2A-4B85-A0D4-5E7F9B3C1D86',
  deletedStream: '4C8A2E6F-0B3D-4F97-8A1C-6E2B4D8F0A19',
  /** Status -10; its id is not a valid UUID (notes: ids look like UUIDs but are not always). */
  archivedStream: '8F1C2D3E-4B5A-6978-8695-A4B3C2D1E0F',
  unpublishedStream: '6B0D4F8A-2E1C-4D93-B7A5-9F3E1B5D7C02',
  draftStream: 'D5A7C9E1-8F2B-4A64-9D0C-3B5F7A9E1C48',
} as const;

// ---------------------------------------------------------------------------------------------
// Dates: Brussels wall clock and offset

const brusselsParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function brusselsWallClock(ms: number): WallClock {
  const parts = Object.fromEntries(brusselsParts.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Minutes east of UTC in Brussels at that instant: 60 in winter, 120 in summer. */
function brusselsOffsetMinutes(ms: number): number {
  const w = brusselsWallClock(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** `2027-03-01T20:00:00+01:00`: ISO 8601 with the Brussels offset of that instant. */
export function brusselsIso(ms: number): string {
  const w = brusselsWallClock(ms);
  const offset = brusselsOffsetMinutes(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The instant at which Brussels clocks show `hour:minute`, `daysAhead` days after `from`'s date. */
function brusselsTimeOnDay(from: number, daysAhead: number, hour: number, minute = 0): number {
  const day = brusselsWallClock(from + daysAhead * DAY_MS);
  const guess = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  return guess - brusselsOffsetMinutes(guess - HOUR_MS) * 60_000;
}

// ---------------------------------------------------------------------------------------------
// Ids

const HEX = '0123456789ABCDEF';

function hex(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, [...HEX]);
  return text;
}

/** Utick-style id: UUID-looking, upper case, version and variant bits not checked (like the seed's). */
function utickId(random: () => number): string {
  return [hex(random, 8), hex(random, 4), hex(random, 4), hex(random, 4), hex(random, 12)].join('-');
}

/** Some real ids are not valid UUIDs (notes): a short group, or a letter outside hex. */
function brokenUtickId(random: () => number): string {
  const id = utickId(random);
  return random() < 0.5 ? id.slice(0, -1) : id.slice(0, 9) + 'G' + id.slice(10);
}

// ---------------------------------------------------------------------------------------------
// Venues and shows

const VENUES: readonly UtickVenue[] = [
  venue('V-THNAMUR', 'Théâtre de Namur', 'Place du Théâtre 2', '5000', 'Namur', 'https://www.theatredenamur.be/'),
  venue('V-THLIEGE', 'Théâtre de Liège', 'Place du Vingt Août 16', '4000', 'Liège', 'https://theatredeliege.be/'),
  venue('V-MANEGE', 'Le Manège', 'Rue des Passages 1', '7000', 'Mons', 'https://www.surmars.be/'),
  venue('V-PARC', 'Théâtre Royal du Parc', 'Rue de la Loi 3', '1000', 'Bruxelles', 'https://www.theatreduparc.be/'),
  venue('V-VILAR', 'Atelier Théâtre Jean Vilar', 'Place Rabelais 3', '1348', 'Louvain-la-Neuve', 'https://atjv.be/'),
  venue('V-PBA', 'Palais des Beaux-Arts de Charleroi', 'Place du Manège 1', '6000', 'Charleroi', 'https://www.pba.be/'),
];

function venue(id: string, name: string, address: string, zipcode: string, city: string, url: string): UtickVenue {
  return { id, name, address, zipcode, city, country: 'BE', url };
}

const SHOWS = [
  'Le Misanthrope',
  'Cyrano de Bergerac',
  'En attendant Godot',
  'La Cerisaie',
  'Les Trois Sœurs',
  'Antigone',
  'Le Malade imaginaire',
  'Hamlet',
  'Roméo et Juliette',
  "L'Avare",
  'Les Fourberies de Scapin',
  'Huis clos',
  "Le Jeu de l'amour et du hasard",
  'La Mouette',
  'Oncle Vania',
  'Dom Juan',
  'Rhinocéros',
  'La Leçon',
  'Quatuor Danel – Chostakovitch',
  'Orchestre Royal de Chambre de Wallonie',
  'Ballet de Flandre – Le Lac des cygnes',
  'Stéphane Mercier – Seul en scène',
] as const;

const SHOP = 'https://shop.utick.be';

function posCode(v: UtickVenue): string {
  return v.id.slice(2);
}

// ---------------------------------------------------------------------------------------------
// Packs

const PACK_TYPES = [1, 10, 20, 100] as const;

function season(now: number): string {
  const { year, month } = brusselsWallClock(now);
  const start = month >= 7 ? year : year - 1;
  return `${start}-${start + 1}`;
}

function packLabel(random: () => number, typeid: number, v: UtickVenue, now: number): string {
  const n = pick(random, [3, 4, 5, 6, 8, 10]);
  switch (typeid) {
    case 1:
      return pick(random, [`Abonnement ${n} spectacles ${season(now)}`, `Formule Découverte ${season(now)}`, `Abonnement Jeune Public – ${v.name}`]);
    case 10:
      return pick(random, [`Chèque-cadeau ${pick(random, [25, 50, 75, 100])} €`, 'Bon cadeau Duo', 'Coffret Saint-Valentin']);
    case 20:
      return pick(random, [`Pass de ${n} places`, `Pass Festival d'été ${brusselsWallClock(now).year}`, 'Pass Famille (2 adultes + 2 enfants)']);
    default:
      return pick(random, [`Carte ${n} entrées – ${v.name}`, 'Carte Fidélité', 'Carte Étudiant -26 ans']);
  }
}

function packDescription(random: () => number, label: string, v: UtickVenue): string {
  // Descriptions are free text the venue types into Utick's back office, HTML included (notes).
  const roll = random();
  if (roll < 0.4) return `${label} : choisissez vos spectacles au ${v.name} et profitez d'un tarif préférentiel.`;
  if (roll < 0.8) {
    return `<p><strong>${label}</strong> au ${v.name}.</p><ul><li>Places numérotées</li><li>Échange gratuit jusqu'à 48 h avant la représentation</li></ul>`;
  }
  return `<p>Valable toute la saison.<br>Plus d'infos : <a href="${v.url}" target="_blank">${v.url}</a></p>`;
}

function makePack(worldSeed: number, index: number, now: number): UtickPack {
  const random = seededRandom((worldSeed * 7919 + index * 104_729) >>> 0);
  const typeid = pick(random, PACK_TYPES);
  const v = pick(random, VENUES);
  let id = index % 11 === 7 ? brokenUtickId(random) : utickId(random);
  let label = packLabel(random, typeid, v, now);
  let description = packDescription(random, label, v);
  if (index === 0) {
    // The seed's own example, so a reader can find it in the mock.
    id = UTICK_IDS.seedPack;
    label = 'Pass de 10 places';
    description = `<p>Dix places à utiliser librement au ${v.name}, seul ou accompagné.</p>`;
  }
  if (index === 1) {
    id = UTICK_IDS.maliciousPack;
    // A hostile or careless back-office entry: must be sanitized before it reaches the DOM.
    description = `<p>Offre limitée !</p><img src=x onerror="alert('utick-xss')"><a href="javascript:alert(1)">Réserver</a>`;
  }
  // The same careless entry in the links: an element must only ever link http(s) addresses.
  const unsafeLinks = index === 1;
  const max = typeid === 10 ? 1 : pick(random, [4, 5, 6, 8, 10]);
  const min = typeid === 1 ? Math.min(max, 3) : 0;
  return {
    id,
    label,
    typeid: index === 0 ? 20 : typeid,
    description,
    itemnb_min: index === 0 ? 0 : min,
    itemnb_max: index === 0 ? 10 : max,
    mainpackid: '',
    shop_url: unsafeLinks ? "javascript:alert('utick-xss')" : `${SHOP}/?pos=${posCode(v)}&module=PACKS&pack=${encodeURIComponent(id)}`,
    image_url: unsafeLinks ? 'javascript:void(0)' : `https://library.utick.be/packs/${id.toLowerCase()}.jpg`,
  };
}

/** The published packs. Cheap (plain objects); their sets of stocks are built on first request. */
export function makePacks(worldSeed: number, now: number): UtickPack[] {
  const packs = Array.from({ length: UTICK_PACK_COUNT }, (_, i) => makePack(worldSeed, i, now));
  // Cards sometimes extend another pack (`mainpackid`); everything else has "" as in the seed.
  packs.forEach((pack, i) => {
    if (pack.typeid === 100 && i % 5 === 0 && i > 1) pack.mainpackid = packs[i - 1]!.id;
  });
  return packs;
}

const SET_LABELS = ['Spectacles au choix', 'Grandes salles', 'Découvertes', 'Concerts', 'Jeune public'] as const;

/** A pack with its sets of stocks: performances in the coming months, at 15:00 or 20:00 Brussels time. */
export function makePackDetails(worldSeed: number, pack: UtickPack, index: number, now: number): UtickPackDetails {
  const random = seededRandom((worldSeed * 15_485_863 + index * 32_452_843) >>> 0);
  const setCount = 1 + Math.floor(random() * 3);
  const sets: UtickPackSet[] = [];
  for (let s = 0; s < setCount; s++) {
    const stocks: UtickStock[] = [];
    const stockCount = 2 + Math.floor(random() * 7);
    for (let k = 0; k < stockCount; k++) {
      const v = pick(random, VENUES);
      const undated = pack.typeid === 10; // gift vouchers have no date
      stocks.push({
        id: utickId(random),
        label: pick(random, SHOWS),
        starttime: undated ? null : brusselsIso(brusselsTimeOnDay(now, 3 + Math.floor(random() * 240), pick(random, [15, 20, 20, 20]))),
        venue: v.name,
        price: pick(random, [12, 15, 18.5, 22, 24.5, 28, 32, 38]),
        currency: 'EUR',
        available: random() > 0.15,
      });
    }
    const max = Math.min(stocks.length, Math.max(1, pack.itemnb_max || stocks.length));
    sets.push({
      id: utickId(random),
      label: pick(random, SET_LABELS),
      description: s === 0 ? '<p>Choisissez <em>au moins une</em> date dans cette sélection.</p>' : '',
      itemnb_min: Math.min(pack.itemnb_min, max),
      itemnb_max: max,
      stocks,
    });
  }
  return { ...pack, sets };
}

// ---------------------------------------------------------------------------------------------
// Streams

interface StreamPlan {
  id: string;
  label: string;
  status: UtickStreamStatusId;
  /** Offsets from "now" in ms, or null for an undated (on-demand) stream. */
  start: number | null;
  end: number | null;
  accessEnd: number | null;
  description?: string;
  hours?: string;
  /** Both free-access flags, when fixed (the seed's example has both true). */
  freeAccess?: boolean;
  /** Moves the dates to 20:00 Brussels time on the start's day, as venues schedule shows. */
  evening?: boolean;
}

function streamPlans(): StreamPlan[] {
  const ids = UTICK_IDS;
  return [
    { id: ids.liveStream, label: 'Cyrano de Bergerac – en direct', status: 10, start: -0.5 * HOUR_MS, end: 1.5 * HOUR_MS, accessEnd: 3 * DAY_MS },
    { id: ids.upcomingStream, label: 'La Cerisaie – première en streaming', status: 10, start: 2 * DAY_MS, end: 2 * DAY_MS + 2 * HOUR_MS, accessEnd: 9 * DAY_MS, hours: '72' },
    { id: ids.vodStream, label: 'Fullshow on Video', status: 10, start: null, end: null, accessEnd: null, description: 'Marcus Zingerman, est un puissant industriel. ....', hours: '48', freeAccess: true },
    { evening: true, id: ids.endedStream, label: 'Antigone – captation', status: 10, start: -10 * DAY_MS, end: -10 * DAY_MS + 2 * HOUR_MS, accessEnd: -3 * DAY_MS },
    {
      id: ids.maliciousStream,
      evening: true,
      label: 'Masterclass mise en scène',
      status: 10,
      start: -2 * DAY_MS,
      end: -2 * DAY_MS + 3 * HOUR_MS,
      accessEnd: 30 * DAY_MS,
      description: `<p>Rediffusion disponible.</p><img src=x onerror="alert('utick-xss')"><script>alert('utick-xss')</script>`,
    },
    { evening: true, id: ids.noBookingStream, label: 'Hamlet – diffusion scolaire', status: 11, start: 5 * DAY_MS, end: 5 * DAY_MS + 3 * HOUR_MS, accessEnd: 12 * DAY_MS },
    { evening: true, id: ids.cancelledStream, label: 'Oncle Vania – en direct', status: 20, start: 4 * DAY_MS, end: 4 * DAY_MS + 2 * HOUR_MS, accessEnd: 6 * DAY_MS },
    { id: ids.deletedStream, label: 'Test flux (supprimé)', status: -99, start: null, end: null, accessEnd: null },
    { evening: true, id: ids.archivedStream, label: 'Le Cid – archive', status: -10, start: -700 * DAY_MS, end: -700 * DAY_MS + 2 * HOUR_MS, accessEnd: -690 * DAY_MS },
    { evening: true, id: ids.unpublishedStream, label: 'Dom Juan – captation (à valider)', status: -1, start: 20 * DAY_MS, end: 20 * DAY_MS + 2 * HOUR_MS, accessEnd: 27 * DAY_MS },
    { id: ids.draftStream, label: 'Rhinocéros – brouillon', status: 0, start: null, end: null, accessEnd: null },
  ];
}

/** Every stream, in every status; dates relative to `now`. */
export function makeStreams(worldSeed: number, now: number): UtickStream[] {
  const random = seededRandom((worldSeed * 2_654_435_761) >>> 0);
  // Whole minutes: the world's clock has run a few milliseconds since its anchor when this is
  // built, and "starts two days after the anchor" should read exactly so.
  const base = Math.floor(now / 60_000) * 60_000;
  return streamPlans().map((plan) => {
    const shift = plan.evening && plan.start !== null ? brusselsTimeOnDay(base, Math.round(plan.start / DAY_MS), 20) - (base + plan.start) : 0;
    const at = (offset: number | null) => (offset === null ? null : brusselsIso(base + offset + shift));
    const v = pick(random, VENUES);
    const attraction: UtickAttraction = {
      id: utickId(random),
      label: plan.label.split(' – ')[0]!,
      description: `<p>${plan.label.split(' – ')[0]} au ${v.name}.</p>`,
      image_url: `https://library.utick.be/attractions/${plan.id.toLowerCase()}.jpg`,
      shop_url: `${SHOP}/?pos=${posCode(v)}&module=ACTIVITYDETAILS`,
    };
    return {
      id: plan.id,
      label: plan.label,
      description: plan.description ?? `<p>Une captation du ${v.name}, filmée en multicaméra.</p>`,
      starttime: at(plan.start),
      endtime: at(plan.end),
      accessendtime: at(plan.accessEnd),
      url: `https://vod.utick.be/${posCode(v).toLowerCase()}/${plan.id.toLowerCase()}`,
      shop_url: `${SHOP}/?pos=${posCode(v)}&module=STREAMS&stream=${encodeURIComponent(plan.id)}`,
      access_duration: plan.hours ?? pick(random, ['24', '48', '48', '72']),
      freeaccess_packs: plan.freeAccess ?? random() < 0.5,
      freeaccess_seats: plan.freeAccess ?? random() < 0.5,
      status: { id: plan.status, label: STREAM_STATUS_LABELS[plan.status] },
      venue: { ...v },
      attraction,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Access codes

/** What a code or contact would get if the stream were open (the mock refuses closed streams). */
export interface StreamGrants {
  accessCodes: Map<string, UtickControlCode>;
  contactIds: Map<string, UtickControlCode>;
}

// No 0/O or 1/I: patrons copy these from an e-mail.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function accessCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += pick(random, [...CODE_ALPHABET]);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** For every stream, one access code per granted return code, and two contacts (a buyer, a pack owner). */
export function makeGrants(worldSeed: number, streams: readonly UtickStream[]): Map<string, StreamGrants> {
  const random = seededRandom((worldSeed * 48_271 + 11) >>> 0);
  const grants = new Map<string, StreamGrants>();
  for (const stream of streams) {
    const codes: UtickControlCode[] = [1, 10, 20, 30];
    grants.set(stream.id, {
      accessCodes: new Map(codes.map((code) => [accessCode(random), code])),
      contactIds: new Map<string, UtickControlCode>([
        [String(100_000 + Math.floor(random() * 900_000)), 10],
        [String(100_000 + Math.floor(random() * 900_000)), 30],
      ]),
    });
  }
  return grants;
}
