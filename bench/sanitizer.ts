/**
 * Vendor markup cleaned in the browser (src/shared/native-sanitizer.ts, sanitizer-setup.ts): a
 * month's notes and messages through the browser's own sanitizer as the elements use it (one
 * `Sanitizer`, built once), through the same sanitizer given its config as a dictionary on every
 * call (what a browser with `setHTML` but no `Sanitizer` class gets), and through DOMPurify set up
 * as the elements set it up (the peer, and Safari's path). Headless Chromium, a fresh page per run.
 *
 *   npx tsx bench/sanitizer.ts        (also part of `npm run bench`)
 */
import { openBenchBrowser } from './browser.js';
import { bundle } from './bundle.js';
import { median } from './stats.js';

const RUNS = 5;
const STRINGS = 300;

const PAGE = `<!doctype html><meta charset="utf-8"><title>sanitizer bench</title><script type="module" src="/page.js"></script>`;

/**
 * The page's module: the milliseconds each way takes to clean the same strings (each way set up,
 * and warmed on 20 of them, outside the timing). Plain JavaScript: it runs in the page as it is written.
 */
const PAGE_MODULE = `
import { nativeSanitizer, setUpSanitizer } from '/sanitizers.js';
const notes = Array.from({ length: ${STRINGS} }, (_, i) => [
  '<p>Relaxed performance ' + i + ': <strong>house lights</strong> stay up.</p>',
  'Online sales have closed. <a href="https://venue.example/box-office/' + i + '">Call the box office</a>.',
  '<p>Running time ' + i + ' min, <em>one interval</em>.</p><ul><li>Wheelchair spaces</li><li>Captioned</li></ul>',
  '<span style="color:red" onclick="x()">Sold out</span> &mdash; join the <a href="javascript:alert(' + i + ')">waiting list</a>',
][i % 4]);
function time(clean) {
  const started = performance.now();
  for (const note of notes) clean(note);
  return performance.now() - started;
}
const text = (clean) => notes.map((note) => clean(note).textContent).join('|');
window.cleanEachWay = () => {
  const ours = nativeSanitizer();
  const SanitizerClass = globalThis.Sanitizer;
  globalThis.Sanitizer = undefined;
  const dictionary = nativeSanitizer();
  globalThis.Sanitizer = SanitizerClass;
  const domPurify = setUpSanitizer();
  // Each way's first strings set up what it needs once (the parser, DOMPurify's lists): not timed.
  for (const clean of [ours, dictionary, domPurify]) notes.slice(0, 20).forEach(clean);
  return { ours: time(ours), dictionary: time(dictionary), domPurify: time(domPurify), same: text(ours) === text(dictionary) };
};
`;

interface Times {
  ours: number;
  dictionary: number;
  domPurify: number;
  same: boolean;
}

export async function benchSanitizer(): Promise<void> {
  const code = await bundle({ contents: `export * from './src/shared/native-sanitizer.ts'; export * from './src/shared/sanitizer-setup.ts';` });
  const { origin, browser, close } = await openBenchBrowser((url) => {
    if (url.pathname === '/') return { type: 'text/html', body: PAGE };
    if (url.pathname === '/page.js') return { type: 'text/javascript', body: PAGE_MODULE };
    if (url.pathname === '/sanitizers.js') return { type: 'text/javascript', body: code.entry.text };
    return undefined;
  });
  try {
    const page = await browser.newPage();
    const runs: Times[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(origin, { waitUntil: 'load' });
      await page.waitForFunction('typeof window.cleanEachWay === "function"');
      runs.push((await page.evaluate('window.cleanEachWay()')) as Times);
    }
    const ms = (pick: (r: Times) => number) => median(runs.map(pick));
    const ours = ms((r) => r.ours);
    const row = (label: string, value: number, peer: boolean) =>
      console.log(`  ${label.padEnd(58)} ${value.toFixed(1).padStart(6)} ms   ${((value / STRINGS) * 1000).toFixed(0).padStart(4)} µs a string${peer ? `   ${(value / ours).toFixed(2)}× ours` : ''}`);
    console.log(`Vendor markup cleaned: ${STRINGS} notes and messages, headless Chromium ${await browser.version()}, median of ${RUNS} fresh pages`);
    row("browser's sanitizer, one Sanitizer built once (ours)", ours, false);
    row("browser's sanitizer, its config passed on every call", ms((r) => r.dictionary), true);
    row('DOMPurify, set up as ours (peer; the path where no setHTML)', ms((r) => r.domPurify), true);
    console.log(`  the two native ways cleaned every string alike: ${runs.every((r) => r.same) ? 'yes' : 'NO'}`);
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSanitizer();
