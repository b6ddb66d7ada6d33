/**
 * The Utick signing proxy under a stream's opening minute (issue 19): 2,000 unlocks from 500
 * patrons (4 each: three right codes and one mistyped), arriving evenly over 60 s (33 a second;
 * the goal's burst), open loop: a request is sent at its time whether or not the
 * earlier ones have been answered, so a slow proxy cannot slow the arrivals down and hide its
 * queue. Everything on loopback, bounded in count and time.
 *
 * Four runs, the same requests in each:
 *   - straight to the mock Utick, signed beforehand (the baseline);
 *   - one Node instance, attempts in memory;
 *   - four Node instances behind one Redis (Debian's redis-server), each patron's requests
 *     spread over the four as a load balancer would (the client from X-Forwarded-For);
 *   - the same fleet, all 2,000 at once from 500 connections (autocannon, closed loop): the
 *     throughput it can give, and the latency when it is saturated.
 * "Added" is the proxied percentile minus the baseline's. Goal: p99 added ≤ 20 ms at that rate, on
 * this machine under its load at the time, no 5xx from the proxy itself. `npx tsx bench/proxy-load.ts` runs this part alone.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { MOCK_UTICK_KEYS } from '../mock/utick.js';
import { UTICK_IDS } from '../mock/utick-data.js';
import { signUtickRequest } from '../src/api/utick/signature.js';
import { codeFor, openWorld, startMockServer, startNodeProxy, startRedis, type RunningProxy } from '../test/proxy-runtimes/harness.js';
import { percentile } from './stats.js';

const UNLOCKS = 2000;
const PATRONS = 500;
const RATE_PER_SECOND = UNLOCKS / 60;
const GOAL_P99_ADDED_MS = 20;
const STREAMS = [UTICK_IDS.liveStream, UTICK_IDS.vodStream];

interface Unlock {
  patron: string;
  pathAndQuery: string;
}

interface RunFigures {
  label: string;
  p50: number;
  p99: number;
  throughput: number;
  /** Answers by status (`200`, `503`; autocannon counts by class: `5xx`), `no answer` for none. */
  statuses: Map<string, number>;
  /** 5xx the proxy made itself (its own envelope), not passed through from Utick. */
  proxy5xx: number;
}

/** The burst: patron i sends 4 unlocks, the 3rd a wrong code; patrons interleaved as they arrive. */
async function unlocksFor(world: Awaited<ReturnType<typeof openWorld>>): Promise<Unlock[]> {
  const rightCodes = await Promise.all(STREAMS.map((stream) => codeFor(world, stream, 10)));
  const unlocks: Unlock[] = [];
  for (let round = 0; round < UNLOCKS / PATRONS; round++) {
    for (let p = 0; p < PATRONS; p++) {
      const s = p % STREAMS.length;
      const code = round === 2 ? `TYPO-${p}` : rightCodes[s]!;
      unlocks.push({ patron: `10.${(p >> 8) & 255}.${p & 255}.7`, pathAndQuery: `/catalogue/streams/${STREAMS[s]}/control?accesscode=${encodeURIComponent(code)}` });
    }
  }
  return unlocks;
}

/** Sends each request at its time (open loop) to `target(i)`; latency from its planned start. */
async function openLoop(label: string, unlocks: Unlock[], target: (i: number) => { url: string; headers: Record<string, string> }): Promise<RunFigures> {
  const latencies: number[] = new Array(unlocks.length);
  const statuses = new Map<string, number>();
  let proxy5xx = 0;
  const started = performance.now();
  await Promise.all(
    unlocks.map(async (_, i) => {
      const due = started + (i * 1000) / RATE_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      const { url, headers } = target(i);
      let status = 0;
      try {
        const res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
        status = res.status;
        const body = await res.text();
        if (status >= 500 && body.includes('"success":false')) proxy5xx++;
      } catch {
        status = 0; // no answer at all
      }
      latencies[i] = performance.now() - due;
      const key = status === 0 ? 'no answer' : String(status);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return { label, p50: percentile(sorted, 50), p99: percentile(sorted, 99), throughput: unlocks.length / elapsed, statuses, proxy5xx };
}

/**
 * All at once: one connection per patron (500, a quarter on each instance), each sending its 4
 * unlocks back to back, with autocannon (closed loop: what the fleet can give).
 */
async function saturate(fleet: RunningProxy[], unlocks: Unlock[]): Promise<RunFigures> {
  const byPatron = new Map<string, Unlock[]>();
  for (const unlock of unlocks) byPatron.set(unlock.patron, [...(byPatron.get(unlock.patron) ?? []), unlock]);
  const patrons = [...byPatron.values()];
  const perInstance = fleet.map((_, k) => patrons.filter((_, p) => p % fleet.length === k));
  const results = await Promise.all(
    fleet.map((proxy, k) => {
      let next = 0;
      return autocannon({
        url: proxy.origin,
        connections: perInstance[k]!.length,
        amount: perInstance[k]!.reduce((sum, patron) => sum + patron.length, 0),
        timeout: 30,
        requests: [
          {
            // A connection is a patron: the first request picks one, later ones walk its unlocks.
            setupRequest: (request: autocannon.Request, state: object) => {
              const context = state as Record<string, unknown>;
              context.patron ??= perInstance[k]![next++ % perInstance[k]!.length];
              const step = (context.step as number | undefined) ?? 0;
              context.step = step + 1;
              const patron = context.patron as Unlock[];
              const unlock = patron[step % patron.length]!;
              return { ...request, method: 'GET', path: unlock.pathAndQuery, headers: { 'x-forwarded-for': unlock.patron } };
            },
          },
        ],
      });
    }),
  );
  const statuses = new Map<string, number>();
  for (const result of results) {
    for (const [key, value] of Object.entries(result as unknown as Record<string, unknown>)) {
      const match = /^(\d)xx$/.exec(key);
      if (match && typeof value === 'number' && value > 0) statuses.set(key, (statuses.get(key) ?? 0) + value);
    }
    if (result.errors + result.timeouts > 0) statuses.set('no answer', (statuses.get('no answer') ?? 0) + result.errors + result.timeouts);
  }
  const duration = Math.max(...results.map((r) => r.duration));
  return {
    label: `4 × Node + Redis, all at once (${PATRONS} connections, autocannon)`,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    throughput: unlocks.length / duration,
    statuses,
    proxy5xx: -1,
  };
}

export async function benchProxyLoad(): Promise<void> {
  const mock = await startMockServer();
  const redis = await startRedis();
  const running: RunningProxy[] = [];
  try {
    const rows: RunFigures[] = [];
    const world = async () => {
      await redis.flush();
      return openWorld(mock);
    };

    // Baseline: the same unlocks, signed beforehand, straight to the mock Utick.
    let w = await world();
    let unlocks = await unlocksFor(w);
    const signed = await Promise.all(unlocks.map((u) => signUtickRequest({ ...MOCK_UTICK_KEYS, method: 'GET', pathAndQuery: u.pathAndQuery })));
    const upstream = w.upstream;
    rows.push(await openLoop('straight to Utick (mock), signed beforehand', unlocks, (i) => ({ url: upstream + unlocks[i]!.pathAndQuery, headers: signed[i]! })));

    w = await world();
    unlocks = await unlocksFor(w);
    const single = await startNodeProxy({ upstream: w.upstream, trustProxy: true });
    running.push(single);
    rows.push(await openLoop('1 × Node, attempts in memory', unlocks, (i) => ({ url: single.origin + unlocks[i]!.pathAndQuery, headers: { 'x-forwarded-for': unlocks[i]!.patron } })));
    await single.close();

    w = await world();
    unlocks = await unlocksFor(w);
    const fleet = await Promise.all(Array.from({ length: 4 }, () => startNodeProxy({ upstream: w.upstream, trustProxy: true, redisUrl: redis.url })));
    running.push(...fleet);
    rows.push(await openLoop('4 × Node behind one Redis', unlocks, (i) => ({ url: fleet[i % 4]!.origin + unlocks[i]!.pathAndQuery, headers: { 'x-forwarded-for': unlocks[i]!.patron } })));

    await redis.flush();
    rows.push(await saturate(fleet, unlocks));
    // Anything the proxies printed besides their request lines (an uncaught error would be here).
    const oddLines = running.flatMap((proxy) => proxy.logs().split('\n')).filter((line) => line && !/^GET \/\S+ \d{3} [\d.]+ms$/.test(line) && !line.startsWith('Utick signing proxy on'));

    const base = rows[0]!;
    const f = (n: number) => n.toFixed(1).padStart(8);
    // The figures depend on what else the machine runs: its load is printed with them.
    const load = loadavg().map((n) => n.toFixed(1)).join(' ');
    console.log(`Utick proxy under load: ${UNLOCKS} unlocks from ${PATRONS} patrons (3 right codes, 1 typo each), at ${RATE_PER_SECOND.toFixed(1)}/s open loop unless said, loopback; ${cpus().length} cores, load average ${load}`);
    console.log(`  ${'run'.padEnd(62)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'+p50'.padStart(8)} ${'+p99'.padStart(8)} ${'req/s'.padStart(8)}  answers`);
    for (const row of rows) {
      const added = row === base ? ['       –', '       –'] : [f(row.p50 - base.p50), f(row.p99 - base.p99)];
      const answers = [...row.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}×${n}`).join(' ');
      console.log(`  ${row.label.padEnd(62)} ${f(row.p50)} ${f(row.p99)} ${added[0]} ${added[1]} ${f(row.throughput)}  ${answers}${row.proxy5xx > 0 ? `  (${row.proxy5xx} of them the proxy's own 502/503/504)` : ''}`);
    }
    const fleetRow = rows[2]!;
    const fleetAdded = fleetRow.p99 - base.p99;
    const own5xx = rows.slice(1, 3).reduce((sum, row) => sum + row.proxy5xx, 0);
    if (oddLines.length > 0) console.log(`  the proxies also printed ${oddLines.length} other lines, the first: ${oddLines[0]!.slice(0, 200)}`);
    console.log(`  goal p99 added ≤ ${GOAL_P99_ADDED_MS} ms (4 × Node + Redis, ${RATE_PER_SECOND.toFixed(1)}/s): ${fleetAdded <= GOAL_P99_ADDED_MS ? 'met' : 'NOT met'} (${fleetAdded.toFixed(1)} ms); 5xx from the proxy itself: ${own5xx}`);
  } finally {
    await Promise.all(running.map((proxy) => proxy.close()));
    await redis.stop();
    await mock.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchProxyLoad();
  process.exit(0);
}
