/**
 * The Utick elements and the signing proxy (issue 8):
 * - size of <utick-stream-gate> and <utick-pack-list>, minified, gzip -9, without Lit (goal
 *   ≤ 12 KB each: what an element adds to a page that already has Lit) and with Lit (bundle.ts,
 *   what a page with only this element pays); the late chunks (DOMPurify, four languages) apart;
 * - the proxy's added latency: signed requests straight to the mock Utick against the same
 *   requests through the real proxy (`serveUtickProxy`, the Node server the CLI runs), interleaved
 *   on loopback, p50 and p95 (goal: p50 ≤ 5 ms added).
 *
 * `npx tsx bench/utick.ts` runs this part alone.
 */
import { startMockServer } from '../mock/server.js';
import { pathToFileURL } from 'node:url';
import { MOCK_UTICK_KEYS } from '../mock/utick.js';
import { UTICK_IDS } from '../mock/utick-data.js';
import { signUtickRequest } from '../src/api/utick/signature.js';
import { serveUtickProxy } from '../src/proxy/utick/node.js';
import { bundle, LIT_PACKAGES, SANITIZER_CHUNKS } from './bundle.js';
import { summarize } from './stats.js';

const ELEMENTS = ['utick-stream-gate', 'utick-pack-list'] as const;
const GOAL_KB = 12;
const LATENCY_GOAL_MS = 5;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2).padStart(7)} KB`;
const ms = (value: number) => `${value.toFixed(3)} ms`;

async function benchSizes(): Promise<void> {
  console.log('Utick elements, minified, gzip -9');
  for (const tag of ELEMENTS) {
    const entry = `src/components/${tag}/index.ts`;
    const [withoutLit, withLit] = await Promise.all([bundle({ entry }, { external: LIT_PACKAGES }), bundle({ entry })]);
    const without = withoutLit.entry.gzip;
    const late = (test: RegExp) => withLit.lazy.filter((f) => test.test(f.name)).reduce((sum, f) => sum + f.gzip, 0);
    console.log(`  ${tag.padEnd(18)} without Lit ${kb(without)}   with Lit ${kb(withLit.entry.gzip)}   goal ≤ ${GOAL_KB} KB without Lit: ${without <= GOAL_KB * 1024 ? 'met' : 'NOT met'}`);
    console.log(`  ${''.padEnd(18)} + only when a description holds HTML and the browser has no sanitizer (DOMPurify, Safari) ${kb(late(SANITIZER_CHUNKS))}; + fr/nl/de/es words ${kb(late(/i18n/))}`);
  }
}

async function benchProxyLatency(runs = 400): Promise<void> {
  const mock = await startMockServer();
  const upstream = `${mock.origin}/utick`;
  const proxy = await serveUtickProxy({ ...MOCK_UTICK_KEYS, upstream, allowedOrigins: ['*'], port: 0, log: false });
  const path = `/catalogue/streams/${UTICK_IDS.liveStream}`; // the seed's path: the mock serves only that by default
  const direct = async () => {
    const headers = await signUtickRequest({ ...MOCK_UTICK_KEYS, method: 'GET', pathAndQuery: path });
    const res = await fetch(upstream + path, { headers });
    if (!res.ok) throw new Error(`direct: ${res.status}`);
    await res.text();
  };
  const proxied = async () => {
    const res = await fetch(proxy.origin + path);
    if (!res.ok) throw new Error(`proxied: ${res.status}`);
    await res.text();
  };
  try {
    for (let i = 0; i < 30; i++) await Promise.all([direct(), proxied()]);
    const samples: [number[], number[]] = [[], []];
    const contenders = [direct, proxied];
    for (let i = 0; i < runs; i++) {
      // A B, then B A: warm-up, connection reuse and noise fall on both alike.
      for (let j = 0; j < 2; j++) {
        const k = (i + j) % 2;
        const start = performance.now();
        await contenders[k]!();
        samples[k]!.push(performance.now() - start);
      }
    }
    const [d, p] = samples.map(summarize) as [{ p50: number; p95: number }, { p50: number; p95: number }];
    const added = p.p50 - d.p50;
    console.log(`Utick signing proxy: ${runs} GET /catalogue/streams/{id}/ each, interleaved, on loopback against the mock Utick`);
    console.log(`  signed, straight to Utick (mock)    p50 ${ms(d.p50)}  p95 ${ms(d.p95)}`);
    console.log(`  through the proxy (Node, Hono)      p50 ${ms(p.p50)}  p95 ${ms(p.p95)}`);
    console.log(`  added by the proxy                  p50 ${ms(added)}  p95 ${ms(p.p95 - d.p95)}   goal p50 ≤ ${LATENCY_GOAL_MS} ms: ${added <= LATENCY_GOAL_MS ? 'met' : 'NOT met'}`);
  } finally {
    await proxy.close();
    await mock.close();
  }
}

export async function benchUtick(): Promise<void> {
  await benchSizes();
  await benchProxyLatency();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchUtick();
