/**
 * `npm run screenshots [-- page …]`: opens the demo pages as a patron would, on a phone and on a
 * desktop, in light and dark, and saves PNGs to docs/screenshots/. Starts its own demo server.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromeArgs, findChrome } from './find-chrome.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'docs/screenshots');
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['index', 'av-calendar', 'av-series-list', 'av-event-list'];
const viewports = [
  { name: 'phone', width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
];

const server = await createServer({ configFile: resolve(root, 'vite.config.ts'), server: { port: 0 }, logLevel: 'error' });
await server.listen();
const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs(), headless: true });
await mkdir(outDir, { recursive: true });
try {
  for (const name of pages) {
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
