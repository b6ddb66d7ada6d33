/**
 * Random schedules of what a foyer does to a scanner: bursts of offline scans (and re-scans),
 * the network dropping for a few requests, 5xx answers, timeouts, answers lost after the server
 * applied them, an expired token, syncs, and reloads in the middle of a sync. After each schedule
 * the network comes back, and the mock server's own record of inserts must show every scan
 * exactly once, with nothing left queued or failed (none of these tickets can legitimately be
 * refused). Under the mock's default reading a repeated scan is inserted again without a word
 * (`audienceview.syncScans.repeat=accepted`), so a batch sent twice is counted twice here.
 * A failure names its seed; set ONLY_SEEDS below to replay one.
 */
import { expect } from '@open-wc/testing';
import { seededRandom } from '../../../../test/mock.js';
import type { FaultRule } from '../../../../test/mock.js';
import type { ScanningSession } from '../../../api/audienceview/scanning.js';
import { LANTERN_WALK, freshScannerDb, openScannerWorld, performanceFilter, type ControlTicket, type ScannerWorld } from '../../../../test/scanner-world.js';
import { failedScans, pendingCount, type SyncReport } from './scan-queue.js';
import { ScanSync } from './scan-sync.js';
import { closeScannerDb } from './scanner-db.js';
import { downloadValidTickets, recordOfflineScan, type ScanFilter } from './ticket-cache.js';

// Each replay with scans queued first streams the performance's list (the reconcile): 8 schedules fit the
// runner's time on a busy 2-core machine.
const SCHEDULES = 8;
const SCANS_PER_SCHEDULE = 150;
const ONLY_SEEDS: number[] = [];
/** Short enough that the `delay` fault below is a timeout. */
const REQUEST_TIMEOUT_MS = 300;

interface Schedule {
  world: ScannerWorld;
  filter: ScanFilter;
  tickets: ControlTicket[];
  seed: number;
}

/** Runs one schedule; `log` says what happened, for the failure message. */
async function runSchedule({ world, filter, tickets, seed }: Schedule, log: string[]): Promise<void> {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const batchSize = between(5, 60);
  log.push(`batch size ${batchSize}`);
  let session: ScanningSession = world.session;
  const replays: Promise<unknown>[] = [];
  const afterReport = async (report: SyncReport | undefined) => {
    if ((report?.stoppedBy as { forceLogout?: boolean } | undefined)?.forceLogout) session = await world.signIn();
  };
  const startSync = () => {
    const sync = new ScanSync({ session: () => session, onReport: (report) => void afterReport(report), timeoutMs: REQUEST_TIMEOUT_MS, batchSize });
    sync.start(); // replays at once, as on start-up
    return sync;
  };
  const fault = (rule: Omit<FaultRule, 'vendor' | 'path'>) => world.mock.fault({ vendor: 'audienceview', path: 'syncScans', ...rule });

  let sync = startSync();
  const scanned: string[] = [];
  let next = 0;
  while (next < tickets.length) {
    const roll = random();
    if (roll < 0.4) {
      const count = Math.min(between(5, 25), tickets.length - next);
      log.push(`scan ${count}`);
      for (let i = 0; i < count; i++) {
        if (scanned.length > 0 && random() < 0.1) {
          const again = scanned[between(0, scanned.length - 1)]!;
          expect((await recordOfflineScan(again, filter)).verdict, `re-scan of ${again}`).to.equal('duplicate');
        }
        const ticket = tickets[next++]!;
        expect((await recordOfflineScan(ticket.barcode, filter)).verdict, `scan of ${ticket.barcode}`).to.equal('valid');
        scanned.push(ticket.barcode);
      }
    } else if (roll < 0.5) {
      const times = between(1, 3);
      log.push(`offline for ${times}`);
      await fault({ kind: 'offline', times });
    } else if (roll < 0.58) {
      log.push('503');
      await fault({ kind: 'http-error', status: 503, times: between(1, 2) });
    } else if (roll < 0.66) {
      log.push('timeout');
      await fault({ kind: 'delay', delayMs: REQUEST_TIMEOUT_MS * 2, times: 1 });
    } else if (roll < 0.74) {
      log.push('answer lost');
      await fault({ kind: 'drop-after-apply', times: 1 });
    } else if (roll < 0.78) {
      log.push('token expired');
      await fault({ kind: 'expired-token', times: 1 });
    } else if (roll < 0.9) {
      log.push('sync');
      await afterReport(await sync.syncNow());
    } else {
      const wait = between(0, 40);
      log.push(`reload ${wait} ms into a sync`);
      replays.push(sync.syncNow());
      await new Promise((resolve) => setTimeout(resolve, wait));
      sync.stop();
      await closeScannerDb();
      sync = startSync();
    }
  }

  // The network is back for good: a few syncs must empty the queue.
  await world.mock.clearFaults();
  await Promise.all(replays);
  for (let i = 0; i < 10 && (await pendingCount()) > 0; i++) await afterReport(await sync.syncNow());
  sync.stop();
  log.push('network back');

  expect(await pendingCount(), 'scans left in the queue').to.equal(0);
  expect(await failedScans(), 'scans reported as failed').to.deep.equal([]);
  const applied = await world.applied();
  const mine = new Set(tickets.map((t) => t.barcode));
  const wrong = [...applied].filter(([barcode, count]) => mine.has(barcode) && count !== 1);
  expect(wrong, 'barcodes the server counted more than once').to.deep.equal([]);
  const missing = scanned.filter((barcode) => !applied.has(barcode));
  expect(missing, 'scans that never reached the server').to.deep.equal([]);
}

describe('scan replay under random faults', () => {
  after(freshScannerDb);

  it(`counts every scan exactly once over ${SCHEDULES} random schedules of flaps, 5xx, timeouts, lost answers and reloads`, async function () {
    this.timeout(300_000);
    const world = await openScannerWorld();
    // A performance just big enough for the schedules' tickets: every replay with scans queued
    // streams its whole list first (the reconcile), so the 30,000-ticket gala would cost minutes.
    const walk = world.walk;
    await world.mock.control('audienceview', '/sold', { method: 'POST', body: JSON.stringify({ performanceId: walk, sold: Math.ceil(SCHEDULES * SCANS_PER_SCHEDULE * 1.25) }), headers: { 'content-type': 'application/json' } });
    const filter = performanceFilter(walk, LANTERN_WALK);
    await downloadValidTickets(world.session, filter);
    const pool = await world.tickets(walk, 'valid', SCHEDULES * SCANS_PER_SCHEDULE);
    expect(pool).to.have.length(SCHEDULES * SCANS_PER_SCHEDULE);
    const seeds = ONLY_SEEDS.length ? ONLY_SEEDS : Array.from({ length: SCHEDULES }, (_, i) => 1000 + i);
    for (const [i, seed] of seeds.entries()) {
      const tickets = pool.slice(i * SCANS_PER_SCHEDULE, (i + 1) * SCANS_PER_SCHEDULE);
      const log: string[] = [];
      try {
        await runSchedule({ world, filter, tickets, seed }, log);
      } catch (error) {
        throw new Error(`schedule with seed ${seed} failed (set ONLY_SEEDS = [${seed}] to replay it): ${(error as Error).message}\nsteps: ${log.join(', ')}`);
      }
    }
    // The schedules did reach the hard case: answers lost after the server applied the batch.
    // Counting above is by the server's record of inserts, so under the default reading (a
    // repeat inserted again without a word) a batch sent twice fails the test.
    const lost = (await world.mock.requests()).filter((r) => r.fault === 'drop-after-apply' && r.path.endsWith('syncScans'));
    expect(lost.length, 'answers lost after the server applied them').to.be.greaterThan(0);
  });
});
