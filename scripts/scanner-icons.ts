/**
 * `npx tsx scripts/scanner-icons.ts`: draws the installable scanner's icons (src/scanner-app/public/)
 * from one SVG with headless Chromium, so the PNGs the manifest needs are real renders of the same
 * picture. The PNGs are committed; run this again only when the picture changes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findChrome } from './find-chrome.mjs';

const outDir = resolve(import.meta.dirname, '../src/scanner-app/public');
const BACKGROUND = '#14213d';

/**
 * A ticket with a tick on a dark square. `fullBleed`: no rounded corners (maskable and Apple icons,
 * whose platform cuts its own shape); the ticket stays inside the maskable safe zone (the middle 80%).
 */
function iconSvg(fullBleed: boolean): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <defs><mask id="notches"><rect width="512" height="512" fill="#fff"/><circle cx="96" cy="256" r="30" fill="#000"/><circle cx="416" cy="256" r="30" fill="#000"/></mask></defs>
  <rect width="512" height="512" ${fullBleed ? '' : 'rx="112"'} fill="${BACKGROUND}"/>
  <g mask="url(#notches)"><rect x="96" y="150" width="320" height="212" rx="22" fill="#ffd166"/></g>
  <path d="M330 172v168" stroke="${BACKGROUND}" stroke-width="8" stroke-dasharray="14 12" opacity=".55"/>
  <path d="M152 258l44 44 86-94" fill="none" stroke="#0b7a3e" stroke-width="34" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

const icons = [
  { file: 'icons/icon-192.png', size: 192, fullBleed: false },
  { file: 'icons/icon-512.png', size: 512, fullBleed: false },
  { file: 'icons/icon-maskable-512.png', size: 512, fullBleed: true },
  { file: 'icons/apple-touch-icon-180.png', size: 180, fullBleed: true },
];

await mkdir(resolve(outDir, 'icons'), { recursive: true });
await writeFile(resolve(outDir, 'icons/icon.svg'), iconSvg(false));
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs(), headless: true });
try {
  const page = await browser.newPage();
  for (const icon of icons) {
    await page.setViewport({ width: icon.size, height: icon.size, deviceScaleFactor: 1 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;height:100vh}</style>${iconSvg(icon.fullBleed)}`);
    const file = resolve(outDir, icon.file);
    await page.screenshot({ path: file as `${string}.png`, omitBackground: true });
    console.log(file);
  }
} finally {
  await browser.close();
}
