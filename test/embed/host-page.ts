/**
 * Drives a host page of test/embed/pages/ (a second page of the test's browser context): mounts
 * all eight elements against a fresh mock world, loads the built library, uses every element as
 * a patron would, and reports what the page saw (pages/driver.js).
 */
import { openMockWorld, type MockWorld } from '../mock.js';
import { openSecondPage, type SecondPage } from '../app/second-page.js';
import { DOOR, LANTERN_WALK } from '../scanner-world.js';


/**
 * Next month, YYYY-MM. The calendar shows it so a patron always finds a performance to buy: on a month's last
 * evening this month's shows are over or have closed their online sales (text, not links).
 */
export function nextMonth(now = new Date()): string {
  const first = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}`;
}

export const TAGS = [
  'av-calendar',
  'av-series-list',
  'av-event-list',
  'ticket-scanner',
  'vista-member-login',
  'vista-ticket-redemption',
  'utick-stream-gate',
  'utick-pack-list',
] as const;

/** The built library as served by test/embed/embed-server.mjs, as two separate copies. */
export const DIST = { v1: '/__embed/dist/v1', v2: '/__embed/dist/v2' };

export interface HostReport {
  errors: string[];
  violations: string[];
  outside: string[];
  headAdded: string[];
  adopted: number;
  litVersions: string[];
}

export interface HostPage {
  page: SecondPage;
  mock: MockWorld;
  /** Per tag, `worked` or what went wrong; and the element events that reached the page. */
  use(): Promise<{ results: Record<string, string>; events: string[] }>;
  report(): Promise<HostReport>;
}

export interface HostPageOptions {
  viewport?: { width: number; height: number };
  /** Chromium's third-party cookie blocking (as Safari, Firefox and Chrome's users who chose it). */
  blockThirdPartyCookies?: boolean;
  /** Attribute overrides per tag, e.g. `{ 'vista-member-login': { mode: 'cookie' } }`. */
  attributes?: Record<string, Record<string, string>>;
  /** Sets the mock world up before the page loads (e.g. a vendor variant). */
  configure?: (mock: MockWorld) => Promise<unknown>;
}

/** Opens `pages/<name>.html`, mounts the eight tags, then loads the module URLs in order. */
export async function openHostPage(name: string, modules: string[], options: HostPageOptions = {}): Promise<HostPage> {
  const { viewport = { width: 1024, height: 800 } } = options;
  const mock = await openMockWorld();
  await options.configure?.(mock);
  const codes = await mock.control<{ streams: { streamId: string; accessCodes: Record<string, number> }[] }>('utick', '/codes');
  const stream = codes.streams.find((s) => Object.values(s.accessCodes).includes(1))!;
  const code = Object.entries(stream.accessCodes).find(([, result]) => result === 1)![0];
  // The door scans a performance open for scanning now (a lantern walk runs every 45 minutes).
  const { performances } = await mock.control<{ performances: { performanceId: number; productionId: number; clientId: number; start: number }[] }>(
    'audienceview',
    `/performances?productionId=${LANTERN_WALK}&when=scannable`,
  );
  const walk = performances.sort((a, b) => a.start - b.start).at(-1)!;
  const av = { 'api-base': mock.base('audienceview'), 'client-id': '284', locale: 'en' };
  const vista = { 'api-base': mock.base('vista'), locale: 'en' };
  const utick = { 'api-base': `${mock.origin}/s/${mock.id}/utick-proxy`, locale: 'en' };
  const specs = [
    { tag: 'av-calendar', attributes: { ...av, view: 'list', month: nextMonth() } },
    { tag: 'av-series-list', attributes: av },
    { tag: 'av-event-list', attributes: { ...av, limit: '10' } },
    {
      tag: 'ticket-scanner',
      attributes: {
        'api-base': mock.base('audienceview'),
        'client-id': String(walk.clientId),
        'production-id': String(walk.productionId),
        'performance-id': String(walk.performanceId),
        locale: 'en',
      },
    },
    { tag: 'vista-member-login', attributes: vista },
    { tag: 'vista-ticket-redemption', attributes: { ...vista, 'order-id': 'ord-1', 'showtime-id': '0001-88231' } },
    { tag: 'utick-stream-gate', attributes: { ...utick, 'stream-id': stream.streamId }, content: 'The stream player' },
    { tag: 'utick-pack-list', attributes: { ...utick, limit: '2' } },
  ];
  const who = {
    scanner: DOOR,
    vista: { login: 'emma.janssens@example.com', password: 'Popcorn-2027' },
    utick: { code },
  };
  for (const spec of specs) Object.assign(spec.attributes, options.attributes?.[spec.tag]);
  const page = await openSecondPage(`/test/embed/pages/${name}.html`, { viewport });
  if (options.blockThirdPartyCookies) {
    await page.cdp('Network.enable');
    await page.cdp('Network.setCookieControls', {
      enableThirdPartyCookieRestriction: true,
      disableThirdPartyCookieMetadata: true,
      disableThirdPartyCookieHeuristics: true,
    });
    await page.reload(); // the new cookie rules apply from the next load
  }
  await page.evaluate(`embed.mount(${JSON.stringify(specs)})`);
  await page.evaluate(`embed.load(${JSON.stringify(modules)})`);
  return {
    page,
    mock,
    use: () => page.evaluate(`embed.use(${JSON.stringify(who)})`),
    report: () => page.evaluate('embed.report()'),
  };
}

/** Every tag, `worked`: the expected value of `use().results`. */
export const ALL_WORKED = Object.fromEntries(TAGS.map((tag) => [tag, 'worked']));
