/**
 * The installable door app (src/scanner-app/, built as dist/scanner/ is) in its demo form, as
 * `npm start` serves it: opened from its URL on a phone, installed, then started in a foyer with no
 * network. The test runner builds it and serves it at /scanner/ of this page's origin with the
 * demo's scanner.config.json (test/app/app-server.mjs), whose `apiBase` `/mock/audienceview`
 * reaches this test's mock world. The deployed form is deployed-app.test.ts.
 */
import { expect } from '@open-wc/testing';
import { authenticate } from '../../src/api/audienceview/scanning.js';
import { rememberFilter } from '../../src/components/ticket-scanner/controllers/scan-choice.js';
import { closeScannerDb, saveSession } from '../../src/components/ticket-scanner/offline/scanner-db.js';
import { cacheInfo } from '../../src/components/ticket-scanner/offline/ticket-cache.js';
import { DOOR, freshScannerDb, openScannerWorld, type ScannerWorld } from '../scanner-world.js';
import { describeWhere, itWhere, SECOND_PAGE } from '../engines.js';
import { scannerAppBuilt } from './scanner-app-build.js';
import { openSecondPage, type SecondPage } from './second-page.js';

const APP = '/scanner/';
const APP_API_BASE = '/mock/audienceview';
const PHONE = { width: 390, height: 844 };
/** This device was set up on an earlier start (the app's first-start screen: deployed-app.test.ts). */
const DEVICE_KEY = 'scanner-app:device';

/** Every URL in the app origin's Cache Storage, as paths without Workbox's revision parameter. */
const CACHED_PATHS = `(async () => {
  const paths = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) {
      const url = new URL(request.url);
      url.searchParams.delete('__WB_REVISION__');
      paths.push(url.pathname + url.search);
    }
  }
  return paths;
})()`;
const SCANNER = `document.querySelector('ticket-scanner')?.shadowRoot`;
const PHASE = `${SCANNER}?.querySelector('.scanner')?.dataset.phase`;

function setCookie(name: string, value: string | undefined): void {
  document.cookie = value === undefined ? `${name}=; path=/; max-age=0` : `${name}=${value}; path=/`;
}

describeWhere(SECOND_PAGE, 'the installable scanner app', function () {
  this.timeout(60_000);
  let world: ScannerWorld;
  let app: SecondPage | undefined;

  before(async function () {
    this.timeout(300_000); // the runner builds the app on first use
    await scannerAppBuilt();
  });

  beforeEach(async () => {
    world = await openScannerWorld();
    setCookie('mock-world', world.mock.id);
    localStorage.setItem(DEVICE_KEY, JSON.stringify({ doorName: 'Stalls door', sound: true }));
  });
  afterEach(async () => {
    for (const cookie of ['mock-world', 'app-server-down', 'app-version']) setCookie(cookie, undefined);
    await app?.close();
    app = undefined;
    // The runner hands this page's browser context to later test files: leave it as found.
    const registration = await navigator.serviceWorker.getRegistration(APP);
    await registration?.unregister();
    for (const name of await caches.keys()) await caches.delete(name);
    localStorage.removeItem(`ticket-scanner:choice:${APP_API_BASE}`);
    localStorage.removeItem(DEVICE_KEY);
    await freshScannerDb();
  });

  it('is controlled by its service worker from the first visit, with the whole shell precached', async () => {
    app = await openSecondPage(APP, { viewport: PHONE });
    const controller = await app.waitFor<string>(`navigator.serviceWorker.controller?.scriptURL`);
    expect(new URL(controller).pathname).to.equal(`${APP}sw.js`);
    await app.waitFor(`${PHASE} === 'sign-in'`);

    const cached = await app.evaluate<string[]>(CACHED_PATHS);
    const shell = await app.evaluate<string[]>(`[
      location.pathname + 'index.html',
      ...[...document.querySelectorAll('script[src], link[rel=stylesheet], link[rel=manifest], link[rel=icon], link[rel=apple-touch-icon]')]
        .map((element) => new URL(element.src || element.href).pathname),
    ]`);
    expect(shell).to.include.members([`${APP}index.html`, `${APP}manifest.webmanifest`]);
    expect(shell.some((path) => path.endsWith('.js'))).to.equal(true);
    expect(cached).to.include.members(shell);
    // The lazy chunks too (other languages, the sanitizer), and the manifest's icons.
    expect(cached.filter((path) => /\/assets\/.*\.js$/.test(path)).length).to.be.greaterThan(shell.filter((path) => path.endsWith('.js')).length);
    expect(cached).to.include.members([`${APP}icons/icon-192.png`, `${APP}icons/icon-512.png`, `${APP}icons/icon-maskable-512.png`]);
    // A first install takes the page without asking anything.
    expect(await app.evaluate(`!!document.querySelector('[data-app-update]')`)).to.equal(false);
  });

  it('offers a new version in the scanner’s language and reloads into it only when asked', async () => {
    app = await openSecondPage(APP, { viewport: PHONE });
    await app.waitFor(`navigator.serviceWorker.controller`);
    await app.evaluate(`document.querySelector('ticket-scanner').setAttribute('locale', 'fr'); window.sameDocument = true`);

    setCookie('app-version', '2'); // the venue deploys a new build
    await app.evaluate(`navigator.serviceWorker.getRegistration().then((registration) => registration.update())`);
    const prompt = `document.querySelector('[data-app-update]')?.shadowRoot`;
    const offered = await app.waitFor<{ status: string; reload: string; focused: boolean }>(
      `(() => { const p = ${prompt}; const status = p?.querySelector('[role=status]')?.textContent;
        return status && { status, reload: p.querySelector('.reload').textContent, focused: !!p.activeElement }; })()`,
    );
    expect(offered.status).to.match(/nouvelle version/);
    expect(offered.reload).to.equal('Recharger');
    expect(offered.focused, 'the prompt takes no focus from the scanner').to.equal(false);
    // Still the old version, still the same page: nothing happens until staff say so.
    expect(await app.evaluate(`navigator.serviceWorker.getRegistration().then((r) => !!r.waiting && window.sameDocument === true)`)).to.equal(true);

    await app.evaluate(`${prompt}.querySelector('.reload').click()`);
    await app.waitFor(`document.readyState === 'complete' && window.sameDocument === undefined && navigator.serviceWorker.controller`);
    expect(await app.evaluate(`navigator.serviceWorker.getRegistration().then((r) => ({ waiting: !!r.waiting, active: r.active?.state }))`)).to.deep.equal({
      waiting: false,
      active: 'activated',
    });
    expect(await app.evaluate(`!!document.querySelector('[data-app-update]')`)).to.equal(false);
  });

  it('starts with no network at all and scans from the downloaded tickets', async () => {
    // Signed in and the walk chosen on an earlier visit (the app's own database and choice).
    const { session, accessTokenExpiration } = await authenticate(APP_API_BASE, DOOR);
    await saveSession({ ...session, accessTokenExpiration });
    rememberFilter(APP_API_BASE, world.filter);
    await closeScannerDb();
    const [ticket] = await world.tickets(world.walk, 'valid', 1);

    app = await openSecondPage(APP, { viewport: PHONE });
    await app.waitFor(`navigator.serviceWorker.controller`);
    await app.waitFor(`${PHASE} === 'scanning'`);
    // The element downloads the walk's tickets on its own when it starts scanning.
    while (!((await cacheInfo())?.tickets)) await new Promise((resolve) => setTimeout(resolve, 100));
    await closeScannerDb();

    // Everything gone: AudienceView, the app's own server, and the phone's network.
    await world.mock.fault({ vendor: 'audienceview', kind: 'offline' });
    setCookie('app-server-down', '1');
    expect(await fetch(`${APP}index.html`).then(() => 'answered', () => 'no answer')).to.equal('no answer');
    await app.offline(true);

    expect(await app.reload()).to.equal(true);
    expect(await app.waitFor(`${PHASE} === 'scanning' && ${SCANNER}.querySelector('[part=sync-status]')?.textContent`)).to.match(/offline/i);
    await app.evaluate(`document.querySelector('ticket-scanner').scan(${JSON.stringify(ticket!.barcode)})`);
    const verdict = await app.waitFor<{ verdict: string; offline: boolean }>(
      `(() => { const v = ${SCANNER}.querySelector('[part=verdict]'); return v && { verdict: v.dataset.verdict, offline: v.hasAttribute('data-offline') }; })()`,
    );
    expect(verdict).to.deep.equal({ verdict: 'valid', offline: true });
    // Any address in the app's scope (here a home-screen shortcut's) opens the cached app.
    await app.evaluate(`setTimeout(() => location.assign('${APP}?source=homescreen'))`);
    expect(await app.waitFor(`location.search === '?source=homescreen' && ${PHASE}`)).to.equal('scanning');
    expect(await app.errors()).to.deep.equal([]);
    // The vendor's answers were never put in the worker's cache: the element keeps its own tickets.
    expect((await app.evaluate<string[]>(CACHED_PATHS)).filter((path) => path.startsWith('/mock/'))).to.deep.equal([]);
  });

  itWhere(
    {
      firefox: 'installability is Chromium’s check (the DevTools protocol’s Page.getInstallabilityErrors); Firefox installs no web apps on the desktop',
      webkit: 'installability is Chromium’s check; Safari adds any page to the Home Screen, with no check to ask',
    },
    'meets Chromium’s installability requirements',
    async () => {
    app = await openSecondPage(APP, { viewport: PHONE, context: 'default' });
    try {
      await app.waitFor(`navigator.serviceWorker.controller`);
      const manifest = await app.cdp<{ url: string; errors: Array<{ message: string }> }>('Page.getAppManifest');
      expect(new URL(manifest.url).pathname).to.equal(`${APP}manifest.webmanifest`);
      expect(manifest.errors).to.deep.equal([]);
      const { installabilityErrors } = await app.cdp<{ installabilityErrors: Array<{ errorId: string }> }>('Page.getInstallabilityErrors');
      expect(installabilityErrors).to.deep.equal([]);
    } finally {
      // The default context outlives this file: leave it without the app's worker and caches.
      await app.evaluate(`(async () => {
        await (await navigator.serviceWorker.getRegistration())?.unregister();
        for (const name of await caches.keys()) await caches.delete(name);
      })()`);
    }
  },
  );
});
