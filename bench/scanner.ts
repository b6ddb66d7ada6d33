/**
 * The ticket scanner's offline core against the mock backend, in headless Chromium (a real
 * on-disk profile, so IndexedDB pays for its disk writes):
 * - download and store 100,000 valid tickets (the gala's sales raised by the mock's control call),
 *   against the naive way measured in the same run: `response.json()`, then one transaction with
 *   one record per ticket;
 * - offline verdict latency over 1,000 random barcodes at 100,000 cached tickets (each verdict
 *   includes the durable queue write of a valid scan);
 * - replay of 10,000 queued scans in batches of 500, against one bare `syncScans` request
 *   carrying all of them (no batches, no durable marks: the unsafe way).
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'puppeteer-core';
import { startMockServer } from '../mock/server.js';
import { openBenchBrowser } from './browser.js';
import { bundle } from './bundle.js';
import { median } from './stats.js';
import type { ScannableTicket } from '../src/api/audienceview/types.js';

const TICKETS = 100_000;
const VERDICTS = 1_000;
const REPLAYED = 10_000;
const DOWNLOAD_RUNS = 3;
const DOOR = { username: 'door@harbourlights.example', password: 'harbour-door-2027' };

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><script type="module">
  const scanner = await import('/scanner.js');
  const deleteDb = (name) => new Promise((resolve) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = () => resolve(); });
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  let session;
  window.bench = {
    async signIn(apiBase, credentials) {
      session = (await scanner.authenticate(apiBase, credentials)).session;
    },
    async ours(filter, fresh) {
      if (fresh) { await scanner.closeScannerDb(); await deleteDb(scanner.SCANNER_DB_NAME); }
      const started = performance.now();
      const info = await scanner.downloadValidTickets(session, filter);
      return { ms: performance.now() - started, tickets: info.tickets };
    },
    async naive(filter) {
      await deleteDb('naive-peer');
      const started = performance.now();
      const query = new URLSearchParams({ clientId: filter.clientId, performanceId: filter.performanceId });
      const response = await fetch(session.apiBase + '/public/scanning/cache/validTickets?' + query, { headers: scanner.authorizationHeader(session) });
      const { tickets } = await response.json();
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('naive-peer', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('tickets');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction('tickets', 'readwrite');
        const store = tx.objectStore('tickets');
        for (const ticket of tickets) store.put(ticket, ticket.barcode.toLowerCase());
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      const ms = performance.now() - started;
      db.close();
      await deleteDb('naive-peer');
      return { ms, tickets: tickets.length };
    },
    async verdicts(barcodes, filter, clock) {
      const samples = [];
      const kinds = {};
      for (const barcode of barcodes) {
        const started = performance.now();
        const { verdict } = await scanner.recordOfflineScan(barcode, filter, Date.now() + clock);
        samples.push(performance.now() - started);
        kinds[verdict] = (kinds[verdict] ?? 0) + 1;
      }
      samples.sort((a, b) => a - b);
      return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1), kinds };
    },
    async queue(barcodes, filter, clock) {
      const started = performance.now();
      for (const barcode of barcodes) {
        const { verdict } = await scanner.recordOfflineScan(barcode, filter, Date.now() + clock);
        if (verdict !== 'valid') throw new Error(barcode + ' was ' + verdict);
      }
      return { ms: performance.now() - started, pending: await scanner.pendingCount() };
    },
    async replay() {
      const started = performance.now();
      const report = await scanner.replayPendingScans(session);
      if (report.stoppedBy) throw report.stoppedBy;
      return { ms: performance.now() - started, acknowledged: report.acknowledged, failed: report.failed.length, pending: report.pending };
    },
    async bareSync(apiBase, filter, scans) {
      const other = (await scanner.authenticate(apiBase, ${JSON.stringify(DOOR)})).session;
      const started = performance.now();
      const answer = await scanner.syncScans(other, { ...filter, tickets: scans });
      return { ms: performance.now() - started, failed: answer.failedBarcodes.length };
    },
  };
  window.ready = true;
</script></body></html>`;

/** The world's clock: the morning of the gala, so every run sees the same tickets (10% scanned before the doors open). */
const WORLD_NOW = '2027-03-01T16:00:00Z';

/**
 * A mock world of its own with the gala sold to `TICKETS`; resolves with its api-base, the gala's
 * id and how far its clock is ahead of this machine's (scan times are sent in the world's time).
 */
async function galaWorld(origin: string, world: string): Promise<{ apiBase: string; gala: number; clock: number }> {
  const root = `${origin}/s/${world}`;
  const reset = (await (await fetch(`${root}/__mock/reset`, { method: 'POST', body: JSON.stringify({ now: WORLD_NOW }) })).json()) as { now: number };
  const clock = reset.now - Date.now();
  const found = (await (await fetch(`${root}/__mock/audienceview/performances?productionId=962615&when=scannable`)).json()) as { performances: { performanceId: number }[] };
  const gala = found.performances[0]!.performanceId;
  const raised = await fetch(`${root}/__mock/audienceview/sold`, { method: 'POST', body: JSON.stringify({ performanceId: gala, sold: TICKETS }) });
  if (!raised.ok) throw new Error(`the mock could not raise the gala's sales: ${await raised.text()}`);
  return { apiBase: `${root}/audienceview`, gala, clock };
}

/** The gala's whole list, read in Node (the bench needs real barcodes to scan). */
async function galaTickets(apiBase: string, gala: number): Promise<ScannableTicket[]> {
  const signIn = await fetch(`${apiBase}/public/scanning/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DOOR) });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const authorization = `Basic ${Buffer.from(`${DOOR.username}:${accessToken}`).toString('base64')}`;
  const answer = await fetch(`${apiBase}/public/scanning/cache/validTickets?clientId=284&performanceId=${gala}`, { headers: { authorization } });
  return ((await answer.json()) as { tickets: ScannableTicket[] }).tickets;
}

/** `count` distinct items, drawn with a fixed seed so every run scans the same barcodes. */
function sample<T>(items: T[], count: number, seed = 7): T[] {
  const copy = [...items];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = i + (x % (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

export async function benchScanner(): Promise<void> {
  const code = await bundle({
    contents: `export * from './src/components/ticket-scanner/offline/ticket-cache.ts';
      export * from './src/components/ticket-scanner/offline/scan-queue.ts';
      export { closeScannerDb, SCANNER_DB_NAME } from './src/components/ticket-scanner/offline/scanner-db.ts';
      export { authenticate, authorizationHeader, syncScans } from './src/api/audienceview/scanning.ts';`,
  });
  const mock = await startMockServer();
  const { origin, browser, close } = await openBenchBrowser(
    (url) => (url.pathname === '/' ? { type: 'text/html', body: PAGE } : url.pathname === '/scanner.js' ? { type: 'text/javascript', body: code.entry.text } : undefined),
    // Queueing 10,000 scans one by one takes longer than puppeteer's default 3 minutes per call on a slow disk.
    { protocolTimeout: 15 * 60_000 },
  );
  try {
    const { apiBase, gala, clock } = await galaWorld(mock.origin, 'bench-scanner');
    const all = await galaTickets(apiBase, gala); // also warms the mock's ticket JSON
    if (all.length !== TICKETS) throw new Error(`the mock served ${all.length} tickets, not ${TICKETS}`);
    const filter = { clientId: 284, productionId: null, performanceId: gala };
    const page: Page = await browser.newPage();
    await page.goto(origin, { waitUntil: 'load' });
    await page.waitForFunction('window.ready === true');
    await page.evaluate((base, credentials) => (window as any).bench.signIn(base, credentials), apiBase, DOOR);

    console.log(`<ticket-scanner> offline core, against the mock backend in headless Chromium (on-disk profile; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores at the start)`);
    console.log(`  data layer module (IndexedDB, queue, replay, streamed download; + fetch seam)  ${(code.entry.gzip / 1024).toFixed(2)} KB gzip`);

    // 1. Download and store: ours from a fresh database each time, then replacing its own list; the naive way after.
    const ours: number[] = [];
    for (let run = 0; run < DOWNLOAD_RUNS; run++) {
      const mine = (await page.evaluate((f) => (window as any).bench.ours(f, true), filter)) as { ms: number; tickets: number };
      if (mine.tickets !== TICKETS) throw new Error(`stored ${mine.tickets} tickets`);
      ours.push(mine.ms);
    }
    const again = (await page.evaluate((f) => (window as any).bench.ours(f, false), filter)) as { ms: number };

    // 2. Offline verdicts at 100,000 cached tickets.
    const verdictBarcodes = sample(all, VERDICTS).map((t) => t.barcode);
    const verdicts = (await page.evaluate((b, f, c) => (window as any).bench.verdicts(b, f, c), verdictBarcodes, filter, clock)) as { p50: number; p95: number; max: number; kinds: Record<string, number> };
    const warmUp = (await page.evaluate(() => (window as any).bench.replay())) as { acknowledged: number };

    // 3. Replay of 10,000 queued scans, and the same scans sent bare to a world of their own.
    const taken = new Set(verdictBarcodes);
    const unscanned = all.filter((t) => !t.alreadyScanned && !t.refundedOrVoided && !taken.has(t.barcode));
    const replayBarcodes = sample(unscanned, REPLAYED, 11).map((t) => t.barcode);
    const queued = (await page.evaluate((b, f, c) => (window as any).bench.queue(b, f, c), replayBarcodes, filter, clock)) as { ms: number; pending: number };
    const replay = (await page.evaluate(() => (window as any).bench.replay())) as { ms: number; acknowledged: number; failed: number; pending: number };
    if (replay.acknowledged !== REPLAYED || replay.pending !== 0) throw new Error(`replay acknowledged ${replay.acknowledged}, left ${replay.pending}`);
    const peerWorld = await galaWorld(mock.origin, 'bench-scanner-peer');
    const byBarcode = new Map(all.map((t) => [t.barcode, t]));
    const scans = replayBarcodes.map((b) => ({ ticketId: byBarcode.get(b)!.ticketId, performanceId: gala, barcode: b, scanTime: Date.now() + peerWorld.clock }));
    const bare = (await page.evaluate((base, f, s) => (window as any).bench.bareSync(base, f, s), peerWorld.apiBase, filter, scans)) as { ms: number; failed: number };

    // Last: the naive download takes ~20 s, and what it leaves the disk to clean up would slow what runs after it.
    const naive = (await page.evaluate((f) => (window as any).bench.naive(f), filter)) as { ms: number; tickets: number };

    const megabytes = JSON.stringify(all).length / 1024 / 1024;
    console.log(`\n  Download and store ${TICKETS.toLocaleString('en')} valid tickets (~${megabytes.toFixed(0)} MB of JSON), from a fresh database, median of ${DOWNLOAD_RUNS}`);
    console.log(`    ours: streamed, stored in batches as it arrives   ${seconds(median(ours)).padStart(8)}   (runs ${ours.map(seconds).join(', ')})`);
    console.log(`    ours again, replacing the list in use            ${seconds(again.ms).padStart(8)}`);
    console.log(`    peer: response.json(), one record per ticket      ${seconds(naive.ms).padStart(8)}   (one run, at the end)`);
    console.log(`    ratio ours / peer ${(median(ours) / naive.ms).toFixed(2)}   goal ≤ 3 s: ${verdict(median(ours) <= 3000)}`);

    const kinds = Object.entries(verdicts.kinds).map(([k, n]) => `${n} ${k}`).join(', ');
    console.log(`\n  Offline verdict over ${VERDICTS.toLocaleString('en')} random barcodes at ${TICKETS.toLocaleString('en')} cached tickets (${kinds}; a valid one is on disk in the queue before it resolves)`);
    console.log(`    p50 ${verdicts.p50.toFixed(1)} ms   p95 ${verdicts.p95.toFixed(1)} ms   max ${verdicts.max.toFixed(1)} ms   goal p95 ≤ 16 ms: ${verdict(verdicts.p95 <= 16)}`);

    console.log(`\n  Replay of ${REPLAYED.toLocaleString('en')} queued scans (batches of 500, each recorded as sent on disk before it goes; ${warmUp.acknowledged} earlier scans replayed first)`);
    console.log(`    ours                                     ${seconds(replay.ms).padStart(8)}   ${replay.acknowledged} acknowledged, ${replay.failed} failed   goal ≤ 5 s: ${verdict(replay.ms <= 5000)}`);
    console.log(`    peer: one bare syncScans of all of them  ${seconds(bare.ms).padStart(8)}   (no batches, nothing durable: not replay-safe)`);
    console.log(`    ratio ours / peer ${(replay.ms / bare.ms).toFixed(2)}`);
    console.log(`    queueing them (${REPLAYED.toLocaleString('en')} offline verdicts, one after another) took ${seconds(queued.ms)}: ${(queued.ms / REPLAYED).toFixed(2)} ms a scan`);
  } finally {
    await close();
    await mock.close();
  }
}
