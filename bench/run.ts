/**
 * `npm run bench`: what the foundation costs a patron's phone and how fast the mock answers,
 * with peers measured in the same run so the ratios mean something on any machine.
 *
 * 1. Size: the fetch seam and each vendor client, bundled and minified, gzip -9, against ky
 *    (the fetch wrapper our seam is modelled on).
 * 2. Overhead: sequential GETs through `request()` against a bare `fetch` + `JSON.parse` and ky,
 *    all to the mock's echo endpoint on loopback.
 * 3. The mock backend: the answers the elements lean on hardest (a calendar month, the whole
 *    upcoming list, the 30,000-ticket cache).
 * 4. <av-calendar> against FullCalendar: size, and rendering 1,000 performances (calendar.ts).
 * 5. <ticket-scanner>'s offline core: 100,000 tickets downloaded and stored, offline verdicts,
 *    replaying 10,000 queued scans (scanner.ts).
 * 6. <ticket-scanner>'s camera: size without the decoder against html5-qrcode, the decoder's size,
 *    and decode time per 640×480 frame (QR, Code 128) against jsQR and @zxing/library (decoder.ts).
 * 7. Utick: <utick-stream-gate> and <utick-pack-list> sizes without and with Lit, and the signing
 *    proxy's added latency per request against the mock Utick (utick.ts).
 * 8. Vista: <vista-member-login> and <vista-ticket-redemption> sizes without and with Lit (vista.ts).
 * Then vendor markup cleaned (the browser's sanitizer as the elements use it, against DOMPurify:
 * sanitizer.ts), the size budget, the Utick proxy under load, and Lighthouse on patron pages.
 */
import ky from 'ky';
import { startMockServer } from '../mock/server.js';
import { request } from '../src/api/request.js';
import { bundle } from './bundle.js';
import { summarize } from './stats.js';
import { benchCalendar, benchMonthViews } from './calendar.js';
import { benchScanner } from './scanner.js';
import { benchDecoder } from './decoder.js';
import { benchUtick } from './utick.js';
import { benchVista } from './vista.js';
import { mockScenarios } from './mock-scenarios.js';


async function gzipSize(contents: string, label: string): Promise<{ label: string; minified: number; gzip: number }> {
  const { entry } = await bundle({ contents });
  return { label, minified: entry.minified, gzip: entry.gzip };
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  return (await timeInterleaved(runs, [fn]))[0]!;
}

/**
 * Times several contenders round-robin (A B C, B C A, …) after a shared warm-up, so connection
 * reuse, JIT warm-up and machine noise fall on all of them alike instead of favouring the last.
 */
async function timeInterleaved(runs: number, contenders: (() => Promise<unknown>)[]): Promise<{ p50: number; p95: number }[]> {
  for (let i = 0; i < 20; i++) for (const fn of contenders) await fn();
  const samples = contenders.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < contenders.length; j++) {
      const k = (i + j) % contenders.length;
      const start = performance.now();
      await contenders[k]!();
      samples[k]!.push(performance.now() - start);
    }
  }
  return samples.map(summarize);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const ms = (value: number) => `${value.toFixed(3)} ms`;

console.log('venue-widgets benchmarks (node %s, %s)\n', process.version, new Date().toISOString());

// 1. Size
const sizes = await Promise.all([
  gzipSize(`export { request } from './src/api/request.ts'; export * from './src/api/errors.ts';`, 'fetch seam (request + errors)'),
  gzipSize(`export { default } from 'ky';`, 'peer: ky'),
  gzipSize(`export * from './src/api/audienceview/index.ts';`, 'AudienceView client (+ seam)'),
  gzipSize(`export * from './src/api/vista/index.ts';`, 'Vista client (+ seam)'),
  gzipSize(`export * from './src/api/utick/index.ts';`, 'Utick client (+ seam)'),
]);
const seam = sizes[0]!;
const kyPeer = sizes[1]!;
console.log('Size (minified, gzip -9)');
for (const s of sizes) console.log(`  ${s.label.padEnd(34)} ${kb(s.minified).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`);
console.log(`  ratio: our seam / ky = ${(seam.gzip / kyPeer.gzip).toFixed(2)}\n`);

// 2. Overhead per request
const mock = await startMockServer();
const echo = `${mock.origin}/echo/json`;
const runs = 400;
const [bare, ours, peer] = (await timeInterleaved(runs, [
  async () => JSON.parse(await (await fetch(echo)).text()),
  () => request(echo),
  () => ky.get(echo).json(),
])) as [{ p50: number; p95: number }, { p50: number; p95: number }, { p50: number; p95: number }];
console.log(`Overhead: ${runs} sequential GETs each, interleaved, to the mock echo endpoint on loopback`);
console.log(`  bare fetch + JSON.parse   p50 ${ms(bare.p50)}  p95 ${ms(bare.p95)}`);
console.log(`  request() (ours)          p50 ${ms(ours.p50)}  p95 ${ms(ours.p95)}   ratio to bare fetch ${(ours.p50 / bare.p50).toFixed(2)}`);
console.log(`  ky (peer)                 p50 ${ms(peer.p50)}  p95 ${ms(peer.p95)}   ratio to bare fetch ${(peer.p50 / bare.p50).toFixed(2)}\n`);

// 3. The mock backend's heaviest answers
console.log('Mock backend answers');
for (const scenario of await mockScenarios(mock.origin)) {
  let bytes = 0;
  const t = await timeIt(scenario.runs, async () => {
    const res = await fetch(scenario.url, { headers: scenario.headers });
    bytes = (await res.arrayBuffer()).byteLength;
  });
  console.log(`  ${scenario.label.padEnd(44)} p50 ${ms(t.p50).padStart(12)}  ${kb(bytes).padStart(12)}`);
}

await mock.close();

// 4. The elements
console.log('');
await benchCalendar();
await benchMonthViews();
console.log('');
await benchScanner();
console.log('');
await benchDecoder();
console.log('');
await benchUtick();
console.log('');
await benchVista();
console.log('');
await (await import('./sanitizer.js')).benchSanitizer(); // vendor markup: the browser's sanitizer against DOMPurify (alone: npx tsx bench/sanitizer.ts)
console.log(''); await (await import('./size-budget.js')).benchSizeBudget(); // issue 17: each element before the split and now (alone: npx tsx bench/size-budget.ts)
console.log('');
await (await import('./proxy-load.js')).benchProxyLoad();
console.log(''); await (await import('./lighthouse.js')).benchLighthouse(); // 9. patron pages on a phone: Lighthouse beside FullCalendar (alone: npm run bench:lighthouse)
