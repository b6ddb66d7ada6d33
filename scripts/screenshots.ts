/**
 * `npm run screenshots [-- page …]`: opens the demo pages as a patron would, on a phone and on a
 * desktop, in light and dark, and saves PNGs to docs/screenshots/. Starts its own demo server.
 * The page name `verdicts` shoots each verdict screen of the installable scanner (/scanner/, built
 * first) on a phone, as door staff see it after a scan.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { build, createServer } from 'vite';
import { chromeArgs, findChrome } from './find-chrome.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'docs/screenshots');
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['index', 'av-calendar', 'av-series-list', 'av-event-list', 'verdicts', 'theming', 'embed'];
const viewports = [
  { name: 'phone', width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
];

// The installable app is served as built; built before the dev server sets NODE_ENV=development,
// which would give its service worker Workbox's development logging.
if (pages.includes('verdicts') || pages.includes('door-log')) await build({ configFile: resolve(root, 'vite.scanner.config.ts'), logLevel: 'warn' });
const server = await createServer({ configFile: resolve(root, 'vite.config.ts'), server: { port: 0 }, logLevel: 'error' });
await server.listen();
const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs(), headless: true });
await mkdir(outDir, { recursive: true });
try {
  for (const name of pages) {
    if (name === 'verdicts') {
      await shootVerdicts(browser);
      continue;
    }
    if (name === 'door-log') {
      await shootDoorLog(browser);
      continue;
    }
    if (name === 'theming' || name === 'embed') {
      await shootDocs(browser, name);
      continue;
    }
    for (const viewport of viewports) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(String(error)));
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        await page.setViewport(viewport);
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(`${origin}/${name === 'index' ? '' : `${name}.html`}`, { waitUntil: 'networkidle0' });
        const file = resolve(outDir, `${name}-${viewport.name}-${scheme}.png`);
        await page.screenshot({ path: file as `${string}.png`, fullPage: viewport.name === 'phone' ? false : true });
        console.log(`${file.slice(root.length + 1)}${problems.length ? `  (page errors: ${problems.join(' | ')})` : ''}`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * Signs the door manager in to the installable app against the demo's mock, on the walk the mock
 * says is scannable now, and scans a ticket of each kind: valid, already scanned, refunded
 * (not valid) and a code the box office does not know.
 */
async function shootVerdicts(browser: Browser): Promise<void> {
  const control = async <T>(path: string): Promise<T> => (await fetch(`${origin}/mock/__mock/audienceview${path}`)).json() as Promise<T>;
  const { performances } = await control<{ performances: Array<{ performanceId: number; productionId: number; clientId: number; start: number }> }>(
    '/performances?productionId=962515&when=scannable',
  );
  const walk = performances.sort((a, b) => a.start - b.start).at(-1)!;
  const barcodeOf = async (...states: string[]) => {
    for (const state of states) {
      const { tickets } = await control<{ tickets: Array<{ barcode: string }> }>(`/tickets?performanceId=${walk.performanceId}&state=${state}&limit=1`);
      if (tickets[0]) return tickets[0].barcode;
    }
    throw new Error(`performance ${walk.performanceId} has no ${states.join(' or ')} ticket`);
  };
  const valid = await barcodeOf('valid');
  // Already scanned: the valid ticket again, once the reader's re-read window (2 s) is over.
  const scans = { valid, duplicate: valid, invalid: await barcodeOf('refunded', 'voided', 'other-performance'), unknown: 'NOT-A-TICKET-0427' };

  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.goto(`${origin}/scanner/`, { waitUntil: 'networkidle0' });
  await page.evaluate(
    (filter) => localStorage.setItem('ticket-scanner:choice:/mock/audienceview', JSON.stringify(filter)),
    { clientId: walk.clientId, productionId: walk.productionId, performanceId: walk.performanceId },
  );
  await page.locator('ticket-scanner >>> input[name=username]').fill('door@harbourlights.example');
  await page.locator('ticket-scanner >>> input[name=password]').fill('harbour-door-2027');
  await page.locator('ticket-scanner >>> form[part=sign-in] button[type=submit]').click();
  await page.waitForFunction(() => document.querySelector('ticket-scanner')?.shadowRoot?.querySelector('.scanner')?.getAttribute('data-phase') === 'scanning');
  await page.waitForFunction(() => !document.querySelector('ticket-scanner')?.shadowRoot?.querySelector('[part=progress]'));
  for (const [verdict, barcode] of Object.entries(scans)) {
    await new Promise((done) => setTimeout(done, 2500));
    await page.evaluate((code) => void document.querySelector('ticket-scanner')!.scan(code), barcode);
    await page.waitForFunction(
      (expected) => document.querySelector('ticket-scanner')?.shadowRoot?.querySelector('[part=verdict]')?.getAttribute('data-verdict') === expected,
      {},
      verdict,
    );
    await new Promise((done) => setTimeout(done, 400)); // the verdict's entrance transition
    const file = resolve(outDir, `ticket-scanner-verdict-${verdict}.png`);
    await page.screenshot({ path: file as `${string}.png` });
    console.log(`${file.slice(root.length + 1)}${problems.length ? `  (page errors: ${problems.join(' | ')})` : ''}`);
  }
  await context.close();
}

/**
 * `door-log`: the scanner's door log at phone size (360×740), light and dark, after a few
 * scans of the demo's scannable walk (its chart, the rate now, the CSV export button).
 */
async function shootDoorLog(browser: Browser): Promise<void> {
  const control = async <T>(path: string): Promise<T> => (await fetch(`${origin}/mock/__mock/audienceview${path}`)).json() as Promise<T>;
  const { performances } = await control<{ performances: Array<{ performanceId: number; productionId: number; clientId: number; start: number }> }>(
    '/performances?productionId=962515&when=scannable',
  );
  const walk = performances.sort((a, b) => a.start - b.start).at(-1)!;
  const { tickets } = await control<{ tickets: Array<{ barcode: string }> }>(`/tickets?performanceId=${walk.performanceId}&state=valid&limit=14`);
  for (const scheme of ['light', 'dark'] as const) {
    // Tickets of its own for each shot: the mock remembers the first shot's scans.
    const mine = scheme === 'light' ? tickets.slice(0, 7) : tickets.slice(7);
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(`${origin}/scanner/`, { waitUntil: 'networkidle0' });
    await page.evaluate(
      (filter) => localStorage.setItem('ticket-scanner:choice:/mock/audienceview', JSON.stringify(filter)),
      { clientId: walk.clientId, productionId: walk.productionId, performanceId: walk.performanceId },
    );
    // This device was set up before (the app's first-start screen is not the door log's).
    await page.evaluate(() => localStorage.setItem('scanner-app:device', JSON.stringify({ doorName: 'North door', sound: false })));
    await page.reload({ waitUntil: 'networkidle0' });
    await page.locator('ticket-scanner >>> input[name=username]').fill('door@harbourlights.example');
    await page.locator('ticket-scanner >>> input[name=password]').fill('harbour-door-2027');
    await page.locator('ticket-scanner >>> form[part=sign-in] button[type=submit]').click();
    await page.waitForFunction(() => document.querySelector('ticket-scanner')?.shadowRoot?.querySelector('.scanner')?.getAttribute('data-phase') === 'scanning');
    await page.waitForFunction(() => !document.querySelector('ticket-scanner')?.shadowRoot?.querySelector('[part=progress]'));
    // Scanned once each (the first twice: a duplicate), and a code the box office does not know.
    const codes = [...mine.map((t) => t.barcode), mine[0]!.barcode, 'NOT-A-TICKET-0427'];
    await page.evaluate(async (list) => {
      for (const code of list) await document.querySelector('ticket-scanner')!.scan(code);
    }, codes);
    await page.evaluate(() => {
      const root = document.querySelector('ticket-scanner')!.shadowRoot!;
      (root.querySelector('[part=verdict]') as HTMLElement | null)?.click(); // the verdict steps back
      const log = root.querySelector<HTMLDetailsElement>('[part=door-log]')!;
      log.open = true;
      log.scrollIntoView({ block: 'start' });
    });
    await new Promise((done) => setTimeout(done, 600));
    const file = resolve(outDir, `ticket-scanner-door-log-${scheme}.png`);
    await page.screenshot({ path: file as `${string}.png` });
    console.log(`${file.slice(root.length + 1)}${problems.length ? `  (page errors: ${problems.join(' | ')})` : ''}`);
    await context.close();
  }
}

/**
 * The docs site's guides (/docs/, scripts/build-docs.ts): `theming` shoots each of the three looks
 * of docs/theming.md; `embed` shoots the CMS example page (docs/embedding.md) on a phone and a
 * desktop, and an element reference page with its live example.
 */
async function shootDocs(browser: Browser, name: 'theming' | 'embed'): Promise<void> {
  const shots =
    name === 'theming'
      ? ['classic', 'midnight', 'poster'].map((look) => ({ url: '/docs/theming.html', selector: `#look-${look}`, file: `theming-${look}`, viewport: viewports[1]! }))
      : [
          { url: '/docs/cms-example.html', selector: '', file: 'embed-cms-phone', viewport: viewports[0]! },
          { url: '/docs/cms-example.html', selector: '', file: 'embed-cms-desktop', viewport: viewports[1]! },
          { url: '/docs/av-event-list.html', selector: '#example', file: 'docs-live-example', viewport: viewports[1]! },
        ];
  for (const shot of shots) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.setViewport(shot.viewport);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.goto(`${origin}${shot.url}`, { waitUntil: 'networkidle0' });
    const file = resolve(outDir, `${shot.file}.png`) as `${string}.png`;
    if (shot.selector) await (await page.$(shot.selector))!.screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: shot.viewport.name === 'desktop' });
    console.log(`${file.slice(root.length + 1)}${problems.length ? `  (page errors: ${problems.join(' | ')})` : ''}`);
    await page.close();
  }
}
