/**
 * One descriptor per element, for attacks written once: how to mount it working against a mock
 * world, how to drive it through every screen that shows vendor fields, which attributes it has
 * and what kind of value each takes, and which vendor answer feeds its first screen.
 */
import { fixture } from '@open-wc/testing';
import type { VendorName } from '../mock.js';
import type { ControlPerformance } from '../mock.js';
import type { MockWorld } from '../mock.js';
import { DOOR, GALA, freshScannerDb } from '../scanner-world.js';
import { closeScannerDb } from '../../src/components/ticket-scanner/offline/scanner-db.js';
import { createVistaMembersClient } from '../../src/api/vista/members.js';
import { beginVistaSession, forgetVistaSessionsInMemory, tokenFromAnswer } from '../../src/shared/vista/session.js';
import { settled } from './harness.js';
import '../../src/components/av-calendar/index.js';
import '../../src/components/av-event-list/index.js';
import '../../src/components/av-series-list/index.js';
import '../../src/components/ticket-scanner/index.js';
import '../../src/components/vista-member-login/index.js';
import type { VistaMemberLogin } from '../../src/components/vista-member-login/index.js';
import { VistaMemberLoginHarness } from '../../src/components/vista-member-login/vista-member-login.harness.js';
import '../../src/components/vista-ticket-redemption/index.js';
import type { VistaTicketRedemption } from '../../src/components/vista-ticket-redemption/index.js';
import { VistaTicketRedemptionHarness } from '../../src/components/vista-ticket-redemption/vista-ticket-redemption.harness.js';
import '../../src/components/utick-stream-gate/index.js';
import '../../src/components/utick-pack-list/index.js';
import { AvCalendarHarness } from '../../src/components/av-calendar/av-calendar.harness.js';
import type { AvCalendar } from '../../src/components/av-calendar/index.js';
import { AvEventListHarness } from '../../src/components/av-event-list/av-event-list.harness.js';
import type { AvEventList } from '../../src/components/av-event-list/index.js';
import { AvSeriesListHarness } from '../../src/components/av-series-list/av-series-list.harness.js';
import type { AvSeriesList } from '../../src/components/av-series-list/index.js';
import { UtickStreamGateHarness } from '../../src/components/utick-stream-gate/utick-stream-gate.harness.js';
import type { UtickStreamGate } from '../../src/components/utick-stream-gate/index.js';
import { UtickPackListHarness } from '../../src/components/utick-pack-list/utick-pack-list.harness.js';
import type { UtickPackList } from '../../src/components/utick-pack-list/index.js';

/**
 * What an attribute takes, which decides which hostile values must be refused with a ConfigError:
 * `url` an absolute http(s) base; `number-id` AudienceView's numeric ids; `text` a vendor's opaque
 * id or token (any text is sent, encoded, and the vendor judges it); `zone` an IANA zone; `month`
 * YYYY-MM; `count` a positive whole number; `template` a purchase link template; `enum` one of a
 * few words; `locale` a BCP 47 tag (anything unknown falls back to English); `flag` a boolean.
 */
export type AttributeKind = 'url' | 'number-id' | 'text' | 'zone' | 'month' | 'count' | 'template' | 'enum' | 'locale' | 'flag';

export interface AttributeSpec {
  kind: AttributeKind;
  /** Without it the element cannot work: empty is a ConfigError. */
  required?: boolean;
}

export interface Mounted {
  el: HTMLElement;
  /** Undo what mounting set up outside the element (sessions, databases). */
  cleanup(): Promise<void>;
}

export interface ElementUnderAttack {
  tag: string;
  vendor: Exclude<VendorName, 'echo'>;
  /** The world's clock anchor; undefined: real time (the scanner stamps scans with the device clock). */
  now?: string;
  /** Mock readings under which the element reads the most vendor text (hostile data reaches every field). */
  readings?: Record<string, string>;
  /** Part of the vendor path of the first screen's answer, for broken-vendor faults. */
  firstAnswer: string;
  attributes: Record<string, AttributeSpec>;
  /** Mounts the element, working, with `override` applied to its attributes; waits until it settles. */
  mount(world: MockWorld, override?: Record<string, string>): Promise<Mounted>;
  /** Goes through every screen that shows vendor fields (sign in, open details, scan). */
  drive(mounted: Mounted, world: MockWorld): Promise<void>;
  /**
   * Makes the element ask for `firstAnswer` when mounting alone does not (a sign-in form), and
   * is what a person does again after a failure there; default: nothing (mounting asks).
   */
  reach?(el: HTMLElement): Promise<void>;
  /** After `reach`: the screen it leads to (signed in). */
  reached?(el: HTMLElement): boolean;
  /** Whether the first screen shows the vendor's data (not an error, not a form alone). */
  showsData(el: HTMLElement): boolean;
  /** Whether driving reached the last screen (signed in, scanned, granted, details open). */
  driven(el: HTMLElement): boolean;
}

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

async function place(tag: string, attributes: Record<string, string>, properties: Record<string, unknown> = {}): Promise<HTMLElement> {
  const el = document.createElement(tag);
  el.style.width = '900px';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, properties);
  await fixture(el);
  // Generous: a value the vendor refuses may be retried twice, with back-off, per request.
  await settled(el, 20_000);
  return el;
}

const nothingToUndo = async () => undefined;
const AV_NOW = '2027-03-01T17:00:00Z';
const NOW_MS = Date.parse(AV_NOW);

const avCommon: Record<string, AttributeSpec> = {
  'api-base': { kind: 'url' },
  'client-id': { kind: 'number-id', required: true },
  'production-id': { kind: 'number-id' },
  'department-id': { kind: 'number-id' },
  'time-zone': { kind: 'zone' },
  locale: { kind: 'locale' },
};

/** What a patron sees of each element, through the page object beside it. */
const calendar = (el: HTMLElement) => new AvCalendarHarness(el as AvCalendar);
const gate = (el: HTMLElement) => new UtickStreamGateHarness(el as UtickStreamGate);
const packs = (el: HTMLElement) => new UtickPackListHarness(el as UtickPackList);
const cardItems = {
  'av-event-list': (el: HTMLElement) => new AvEventListHarness(el as AvEventList).performances(),
  'av-series-list': (el: HTMLElement) => new AvSeriesListHarness(el as AvSeriesList).cards(),
};

const avCardList = (tag: 'av-event-list' | 'av-series-list', firstAnswer: string, own: Record<string, AttributeSpec>): ElementUnderAttack => ({
  tag,
  vendor: 'audienceview',
  now: AV_NOW,
  firstAnswer,
  attributes: { ...avCommon, ...own },
  async mount(world, override = {}) {
    const el = await place(tag, { 'api-base': world.base('audienceview'), 'client-id': '284', locale: 'en', ...override }, { now: NOW_MS });
    return { el, cleanup: nothingToUndo };
  },
  async drive() {},
  showsData: (el) => cardItems[tag](el).length > 0,
  driven: (el) => cardItems[tag](el).length > 0,
});

/** Utick elements talk to the signing proxy, mounted on the mock in front of the world's Utick. */
const utickProxy = (world: MockWorld) => `${world.origin}/s/${world.id}/utick-proxy`;

export const ELEMENTS: ElementUnderAttack[] = [
  {
    tag: 'av-calendar',
    vendor: 'audienceview',
    now: AV_NOW,
    firstAnswer: '/calendar/',
    attributes: { ...avCommon, month: { kind: 'month' }, view: { kind: 'enum' }, 'purchase-url': { kind: 'template' } },
    async mount(world, override = {}) {
      const el = await place('av-calendar', { 'api-base': world.base('audienceview'), 'client-id': '284', locale: 'en', month: '2027-03', ...override }, { now: NOW_MS });
      return { el, cleanup: nothingToUndo };
    },
    async drive({ el }) {
      // The list view shows each performance's texts in full (the grid abbreviates).
      el.setAttribute('view', 'list');
      await settled(el);
    },
    showsData: (el) => calendar(el).performances().length > 0,
    driven: (el) => calendar(el).showing === 'list' && calendar(el).performances().length > 0,
  },
  avCardList('av-event-list', '/calendar/', { limit: { kind: 'count' }, 'purchase-url': { kind: 'template' } }),
  avCardList('av-series-list', '/series/', { 'purchase-url': { kind: 'template' }, 'production-url': { kind: 'template' } }),
  {
    tag: 'ticket-scanner',
    vendor: 'audienceview',
    firstAnswer: 'authenticate',
    attributes: {
      'api-base': { kind: 'url' },
      'client-id': { kind: 'number-id' },
      'production-id': { kind: 'number-id' },
      'performance-id': { kind: 'number-id' },
      mode: { kind: 'enum' },
      'hide-patron-names': { kind: 'flag' },
      'time-zone': { kind: 'zone' },
      locale: { kind: 'locale' },
      'barcode-formats': { kind: 'text' },
      'decoder-url': { kind: 'url' },
    },
    async mount(world, override = {}) {
      await freshScannerDb();
      // A small performance in tonight's scan window, fixed by attributes: sign-in leads straight to scanning.
      const { performances } = await world.control<{ performances: ControlPerformance[] }>('audienceview', '/performances?clientId=284&when=scannable');
      const tonight = performances.find((p) => p.productionId !== GALA && p.ticketsSold > 50 && p.ticketsSold < 2000)!;
      const attributes = { 'api-base': world.base('audienceview'), 'client-id': '284', 'production-id': String(tonight.productionId), 'performance-id': String(tonight.performanceId), locale: 'en', ...override };
      const el = await place('ticket-scanner', attributes, { doorTimeoutMs: 1000, probeIntervalMs: 300 });
      return {
        el,
        cleanup: async () => {
          el.remove();
          await closeScannerDb();
        },
      };
    },
    async reach(el) {
      ($(el, '#username') as HTMLInputElement).value = DOOR.username;
      ($(el, '#password') as HTMLInputElement).value = DOOR.password;
      $(el, '.sign-in button[type="submit"]')!.click();
      await settled(el);
    },
    async drive({ el }, world) {
      await this.reach!(el);
      const performanceId = el.getAttribute('performance-id');
      const { tickets } = await world.control<{ tickets: Array<{ barcode: string }> }>('audienceview', `/tickets?performanceId=${performanceId}&state=valid&limit=2`);
      const scanner = el as HTMLElement & { scan(barcode: string): Promise<unknown> };
      for (const barcode of [tickets[0]!.barcode, 'NOT-A-TICKET-0001']) {
        await scanner.scan(barcode);
        await settled(el);
      }
    },
    showsData: (el) => $(el, '.sign-in') !== null || $(el, '[part="verdict"]') !== null,
    driven: (el) => $(el, '[part="verdict"]') !== null,
    reached: (el) => $(el, '.scanner[data-phase="scanning"]') !== null,
  },
  {
    tag: 'vista-member-login',
    vendor: 'vista',
    now: '2027-03-01T12:00:00Z',
    readings: { 'vista.membersCurrent': 'served' },
    firstAnswer: '/authentication-token',
    attributes: {
      'api-base': { kind: 'url', required: true },
      'api-token': { kind: 'text' },
      mode: { kind: 'enum' },
      'region-code': { kind: 'text' },
      'club-id': { kind: 'text' },
      'device-token': { kind: 'text' },
      locale: { kind: 'locale' },
    },
    async mount(world, override = {}) {
      forgetVistaSessionsInMemory();
      const el = await place('vista-member-login', { 'api-base': world.base('vista'), 'api-token': 'ocapi_site_2f9c1e7b4a6d', locale: 'en', ...override });
      return { el, cleanup: async () => forgetVistaSessionsInMemory() };
    },
    async reach(el) {
      const login = new VistaMemberLoginHarness(el as VistaMemberLogin);
      login.input('login').value = 'emma.janssens@example.com';
      login.input('password').value = 'Popcorn-2027';
      login.submit();
      await settled(el);
    },
    async drive({ el }) {
      await this.reach!(el);
    },
    showsData: (el) => new VistaMemberLoginHarness(el as VistaMemberLogin).showsForm || new VistaMemberLoginHarness(el as VistaMemberLogin).showsMember,
    driven: (el) => new VistaMemberLoginHarness(el as VistaMemberLogin).showsMember,
    reached: (el) => new VistaMemberLoginHarness(el as VistaMemberLogin).showsMember,
  },
  {
    tag: 'vista-ticket-redemption',
    vendor: 'vista',
    now: '2027-03-01T12:00:00Z',
    readings: { 'vista.ticketTypes': 'card-answer', 'vista.setShowtime.answer': 'showtime' },
    firstAnswer: '/ticket-redemption-cards',
    attributes: {
      'api-base': { kind: 'url', required: true },
      'api-token': { kind: 'text' },
      'region-code': { kind: 'text' },
      mode: { kind: 'enum' },
      'order-id': { kind: 'text', required: true },
      'showtime-id': { kind: 'text', required: true },
      'site-id': { kind: 'text' },
      'ticket-type-id': { kind: 'text' },
      locale: { kind: 'locale' },
    },
    async mount(world, override = {}) {
      forgetVistaSessionsInMemory();
      const config = { apiBase: world.base('vista') };
      const answer = await createVistaMembersClient(config).createAuthenticationToken({ grant_type: 'password', email: 'emma.janssens@example.com', password: 'Popcorn-2027' });
      await beginVistaSession(config, { mode: 'token', token: tokenFromAnswer(answer), remember: false });
      const el = await place('vista-ticket-redemption', { 'api-base': world.base('vista'), 'order-id': 'ord-1001', 'showtime-id': '0001-88231', locale: 'en', ...override });
      return { el, cleanup: async () => forgetVistaSessionsInMemory() };
    },
    async drive({ el }) {
      const redemption = new VistaTicketRedemptionHarness(el as VistaTicketRedemption);
      const usable = redemption.cardIds.find((id) => redemption.canUse(id));
      if (usable !== undefined) {
        await redemption.useCard(usable);
        await settled(el);
      }
    },
    showsData: (el) => new VistaTicketRedemptionHarness(el as VistaTicketRedemption).cardIds.length > 0,
    driven: (el) => new VistaTicketRedemptionHarness(el as VistaTicketRedemption).cardIds.length > 0,
  },
  {
    tag: 'utick-stream-gate',
    vendor: 'utick',
    now: '2027-03-01T12:00:00Z',
    firstAnswer: '/streams/',
    attributes: {
      'api-base': { kind: 'url', required: true },
      'stream-id': { kind: 'text', required: true },
      'contact-id': { kind: 'text' },
      'time-zone': { kind: 'zone' },
      locale: { kind: 'locale' },
    },
    async mount(world, override = {}) {
      localStorage.clear();
      const ids = await world.control<Record<string, string>>('utick', '/ids');
      const el = await place('utick-stream-gate', { 'api-base': utickProxy(world), 'stream-id': ids.liveStream!, locale: 'en', ...override }, { now: Date.parse('2027-03-01T12:00:00Z') });
      return { el, cleanup: async () => localStorage.clear() };
    },
    async drive({ el }, world) {
      const ids = await world.control<Record<string, string>>('utick', '/ids');
      const { streams } = await world.control<{ streams: Array<{ streamId: string; accessCodes: Record<string, number> }> }>('utick', '/codes');
      const codes = Object.entries(streams.find((s) => s.streamId === ids.liveStream)!.accessCodes);
      // A refusal that links to the shop (11: no booking), then a grant (1).
      for (const result of [11, 1]) {
        const code = codes.find(([, r]) => r === result)?.[0];
        if (!code || !gate(el).part('input')) continue;
        await gate(el).enter(code);
        await settled(el);
      }
    },
    showsData: (el) => gate(el).part('details') !== null,
    driven: (el) => gate(el).playerShown(),
  },
  {
    tag: 'utick-pack-list',
    vendor: 'utick',
    now: '2027-03-01T12:00:00Z',
    readings: { 'utick.packDetails.fields': 'full' },
    firstAnswer: '/catalogue/packs',
    attributes: {
      'api-base': { kind: 'url', required: true },
      limit: { kind: 'count' },
      'stock-id': { kind: 'text' },
      'time-zone': { kind: 'zone' },
      locale: { kind: 'locale' },
    },
    async mount(world, override = {}) {
      const el = await place('utick-pack-list', { 'api-base': utickProxy(world), locale: 'en', ...override });
      return { el, cleanup: nothingToUndo };
    },
    async drive({ el }) {
      for (const toggle of packs(el).detailsToggles().slice(0, 3)) {
        await packs(el).click(toggle);
        await settled(el);
      }
    },
    showsData: (el) => packs(el).packs().length > 0,
    driven: (el) => packs(el).packs().some((pack) => pack.querySelector('[part="sets"]') !== null),
  },
];
