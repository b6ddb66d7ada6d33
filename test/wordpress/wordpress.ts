/**
 * The browser side of the WordPress tests (test/wordpress/wordpress-server.mjs runs the site):
 * starting it, signing in, posting as a role, and visiting a page to use each element on it as a
 * patron would (test/embed/pages/driver.js), matched with its requests in the site's mock world.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { RequestLogEntry } from '../../mock/core.js';
import { openSecondPage } from '../app/second-page.js';
import { nextMonth, TAGS } from '../embed/host-page.js';
import { DOOR, LANTERN_WALK } from '../scanner-world.js';

export { TAGS };
export type Tag = (typeof TAGS)[number];
export type Role = 'administrator' | 'editor' | 'author' | 'contributor';
export const PATRON_TAGS = TAGS.filter((tag) => tag !== 'ticket-scanner');

export interface Site {
  ready: boolean;
  origin: string;
  startedInMs: number;
  zipBytes: number;
  /** The mock world the site's defaults point at. */
  world: string;
  defaults: Record<string, string>;
  tagRoles: string[];
  users: Record<Role, { login: string; password: string }>;
}
export interface Posted {
  status: number;
  id: number;
  link: string;
  postStatus: string;
  stored: string;
  error?: string;
}

/** The file names of the plugin's module scripts a page loaded: an expression to evaluate in the page, alone or inside a larger script. */
export const PLUGIN_MODULE_FILES_ON_PAGE = `[...document.querySelectorAll('script[type="module"][src*="/plugins/venue-widgets/assets/"]')].map((s) => new URL(s.src).pathname.split('/').pop())`;

export const wordpress = <T>(payload: object) => executeServerCommand<T, object>('wordpress', payload);

/** Starts WordPress (or finds it started): asks again while it starts (a command waits 20 s at most). */
export async function startWordPress(): Promise<Site> {
  let site: Site | undefined;
  for (let round = 0; round < 20 && !site?.ready; round++) site = await wordpress<Site>({ action: 'start' });
  if (!site?.ready) throw new Error('WordPress did not start within four minutes');
  return site;
}

/** The site's mock world (its defaults point there). */
export function siteWorld(site: Site) {
  const root = `${window.__MOCK_ORIGIN__}/s/${site.world}`;
  const call = async <T>(path: string) => (await (await fetch(`${root}/__mock${path}`)).json()) as T;
  return {
    requests: async () => (await call<{ requests: RequestLogEntry[] }>('/requests')).requests,
    control: <T>(vendor: string, path: string) => call<T>(`/${vendor}${path}`),
  };
}

/** How each element's requests look in the mock's log (the vendor paths the seeds name). */
const TALKS: Record<Tag, (r: RequestLogEntry) => boolean> = {
  'av-calendar': (r) => r.vendor === 'audienceview' && r.path.includes('/public/calendar/'),
  'av-series-list': (r) => r.vendor === 'audienceview' && r.path.includes('/public/series/'),
  // The calendar's months first; the whole upcoming list when they hold too few.
  'av-event-list': (r) => r.vendor === 'audienceview' && /\/public\/(calendar|events)\//.test(r.path),
  'ticket-scanner': (r) => r.vendor === 'audienceview' && r.path.includes('/public/scanning/'),
  'vista-member-login': (r) => r.vendor === 'vista' && r.path.includes('/members/authentication-token'),
  'vista-ticket-redemption': (r) => r.vendor === 'vista' && r.path.includes('ticket-redemption'),
  'utick-stream-gate': (r) => r.vendor === 'utick' && r.path.includes('/catalogue/streams/'),
  'utick-pack-list': (r) => r.vendor === 'utick' && r.path.includes('/catalogue/packs'),
};

export async function post(role: Role, title: string, content: string, status = 'publish') {
  const posted = await wordpress<Posted>({ action: 'post', role, post: { title, content, status } });
  expect(posted.status, `${role}'s post: ${posted.error}`).to.equal(201);
  return posted;
}

/** Signs this test file's browser context in as `role`, with wp-login.php's own form fields. */
export async function signIn(site: Site, role: Role) {
  const page = await openSecondPage(`${site.origin}/wp-login.php`);
  const { login, password } = site.users[role];
  const ok = await page.evaluate<boolean>(`(async () => {
    const form = new FormData(document.querySelector('#loginform'));
    form.set('log', ${JSON.stringify(login)}); form.set('pwd', ${JSON.stringify(password)});
    const res = await fetch('/wp-login.php', { method: 'POST', body: form });
    return res.ok && !(await res.text()).includes('id="login_error"');
  })()`);
  await page.close();
  expect(ok, `${role} signed in`).to.equal(true);
}

export async function signOut(site: Site) {
  const page = await openSecondPage(`${site.origin}/wp-login.php`);
  await page.clearCookies();
  await page.close();
}

/** What a patron (or the door) does with each element, and the sign-ins and codes it needs. */
export async function patron(site: Site) {
  const world = siteWorld(site);
  const codes = await world.control<{ streams: { streamId: string; accessCodes: Record<string, number> }[] }>('utick', '/codes');
  const stream = codes.streams.find((s) => Object.values(s.accessCodes).includes(1))!;
  const code = Object.entries(stream.accessCodes).find(([, result]) => result === 1)![0];
  const { performances } = await world.control<{ performances: { performanceId: number; productionId: number; clientId: number; start: number }[] }>(
    'audienceview',
    `/performances?productionId=${LANTERN_WALK}&when=scannable`,
  );
  const walk = performances.sort((a, b) => a.start - b.start).at(-1)!;
  return {
    streamId: stream.streamId,
    scannerAttributes: `client-id="${walk.clientId}" production-id="${walk.productionId}" performance-id="${walk.performanceId}"`,
    who: { scanner: DOOR, vista: { login: 'emma.janssens@example.com', password: 'Popcorn-2027' }, utick: { code } },
  };
}

export function shortcodes(p: Awaited<ReturnType<typeof patron>>) {
  return [
    'Our season, in shortcodes.',
    `[av-calendar view="list" month="${nextMonth()}"]`,
    '[av-series-list]',
    '[av-event-list limit="10"]',
    `[ticket-scanner ${p.scannerAttributes}]`,
    '[vista-member-login]',
    '[vista-ticket-redemption order-id="ord-1" showtime-id="0001-88231"]',
    `[utick-stream-gate stream-id="${p.streamId}"]<p data-player="">The stream player</p>[/utick-stream-gate]`,
    '[utick-pack-list limit="2"]',
  ].join('\n\n');
}

export function blocks(p: Awaited<ReturnType<typeof patron>>) {
  const block = (tag: string, attributes: object = {}) => `<!-- wp:venue-widgets/${tag} ${JSON.stringify(attributes)} /-->`;
  return [
    '<!-- wp:paragraph --><p>Our season, in blocks.</p><!-- /wp:paragraph -->',
    block('av-calendar', { view: 'list', month: nextMonth() }),
    block('av-series-list'),
    block('av-event-list', { limit: '10' }),
    block('vista-member-login'),
    block('vista-ticket-redemption', { orderId: 'ord-1', showtimeId: '0001-88231' }),
    `<!-- wp:venue-widgets/utick-stream-gate {"streamId":${JSON.stringify(p.streamId)}} --><!-- wp:paragraph --><p data-player="">The stream player</p><!-- /wp:paragraph --><!-- /wp:venue-widgets/utick-stream-gate -->`,
    block('utick-pack-list', { limit: '2' }),
  ].join('\n\n');
}

let driver: string | undefined;
const owner = Math.random().toString(36).slice(2);

/**
 * Opens a page, uses each element on it, and answers per tag: `rendered` when the element drew
 * its shadow content (not its error view), worked for a patron and its requests reached the mock;
 * else what failed. Visits take turns across test files, so the requests are this page's own.
 */
export async function visit(site: Site, url: string, expected: readonly Tag[], who: object) {
  driver ??= await (await fetch('/test/embed/pages/driver.js')).text();
  let granted = false;
  for (let round = 0; round < 20 && !granted; round++) granted = (await wordpress<{ granted: boolean }>({ action: 'turn', owner })).granted;
  if (!granted) throw new Error('no turn to visit WordPress pages within four minutes');
  const world = siteWorld(site);
  const before = (await world.requests()).length;
  const page = await openSecondPage(url, { viewport: { width: 1100, height: 900 } });
  try {
    await page.evaluate(driver);
    const present = await page.evaluate<string[]>(`(async () => {
      const found = [...document.querySelectorAll(embed.TAGS.join(','))];
      await Promise.race([Promise.all(found.map((el) => customElements.whenDefined(el.localName))), new Promise((r) => setTimeout(r, 8000))]);
      return found.map((el) => el.localName);
    })()`);
    const scripts = await page.evaluate<string[]>(PLUGIN_MODULE_FILES_ON_PAGE);
    // Using eight elements one after the other outlasts one test-runner command: started, then awaited in steps.
    await page.evaluate(`void embed.use(${JSON.stringify(who)}).then((used) => (window.__used = used), (error) => (window.__used = { results: { error: String(error) } })), true`);
    let results: Record<string, string> | undefined;
    for (let round = 0; !results && round < 8; round++) {
      results = await page.waitFor<{ results: Record<string, string> }>('window.__used', 15000).then((used) => used.results, () => undefined);
    }
    results ??= { error: 'using the elements took longer than two minutes' };
    const drawn = await page.evaluate<Record<string, string>>(
      `Object.fromEntries([...document.querySelectorAll(embed.TAGS.join(','))].map((el) => [el.localName, !el.shadowRoot ? 'no shadow root' : el.shadowRoot.querySelector('[part~="error"]') ? 'error: ' + el.shadowRoot.querySelector('[part~="error"]').textContent.trim().slice(0, 80) : el.shadowRoot.textContent.trim() ? '' : 'empty']))`,
    );
    const requests = (await world.requests()).slice(before);
    const cells: Partial<Record<Tag, string>> = {};
    for (const tag of expected) {
      cells[tag] = !present.includes(tag)
        ? 'missing'
        : drawn[tag]
          ? drawn[tag]!
          : results[tag] !== 'worked'
            ? String(results[tag] ?? results.error)
            : requests.some(TALKS[tag])
              ? 'rendered'
              : 'no request';
    }
    return { cells, present, scripts, errors: await page.errors(), requests };
  } finally {
    // The next page is a first visit: what this one remembered on the site's origin (a stream
    // grant, a door session, a member token) is forgotten.
    await page
      .evaluate(
        `(async () => {
          localStorage.clear();
          sessionStorage.clear();
          for (const db of (await indexedDB.databases?.()) ?? []) indexedDB.deleteDatabase(db.name);
          for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) await registration.unregister();
          for (const key of (await globalThis.caches?.keys()) ?? []) await caches.delete(key);
          return true;
        })()`,
      )
      .catch(() => undefined);
    await page.close();
    await wordpress({ action: 'turn', owner, release: true });
  }
}

/** Prints a row of the roles × elements table now, and hands it to the table printed at the end. */
export async function record(row: string, cells: Partial<Record<Tag, string>>) {
  console.log(`WordPress, ${row}: ${TAGS.map((tag) => (cells[tag] ? `${tag} ${cells[tag]}` : '')).filter(Boolean).join(', ')}`);
  await wordpress({ action: 'row', row, cells });
}

export const allRendered = (tags: readonly Tag[]) => Object.fromEntries(tags.map((tag) => [tag, 'rendered']));
