import { expect } from '@open-wc/testing';
import type { ScanningSession } from '../../../api/audienceview/scanning.js';
import { VendorError } from '../../../api/errors.js';
import { freshScannerDb, openScannerWorld, type ControlTicket, type ScannerWorld } from '../../../../test/scanner-world.js';
import type { SyncReport } from './scan-queue.js';
import { ScanSync, reportFromMessage, reportToMessage } from './scan-sync.js';
import { recordOfflineScan } from './ticket-cache.js';

/** A ScanSync whose reports can be awaited one by one. */
function watchedSync(session: () => ScanningSession | undefined, intervalMs?: number) {
  const reports: SyncReport[] = [];
  const waiting: Array<(report: SyncReport) => void> = [];
  const sync = new ScanSync({
    session,
    intervalMs,
    onReport: (report) => {
      const next = waiting.shift();
      if (next) next(report);
      else reports.push(report);
    },
  });
  const nextReport = () => (reports.length ? Promise.resolve(reports.shift()!) : new Promise<SyncReport>((resolve) => waiting.push(resolve)));
  return { sync, nextReport };
}

describe('ScanSync: when the page replays the queue', () => {
  let world: ScannerWorld;
  let tickets: ControlTicket[];
  let stopSync: (() => void) | undefined;
  beforeEach(async () => {
    world = await openScannerWorld({ download: true });
    tickets = await world.tickets(world.walk, 'valid', 3);
    for (const ticket of tickets) expect((await recordOfflineScan(ticket.barcode, world.filter)).verdict).to.equal('valid');
  });
  afterEach(() => stopSync?.());
  after(freshScannerDb);

  const start = (intervalMs?: number, session: () => ScanningSession | undefined = () => world.session) => {
    const watched = watchedSync(session, intervalMs);
    watched.sync.start();
    stopSync = () => watched.sync.stop();
    return watched;
  };

  it('replays on start-up and reports what the server counted', async () => {
    const { nextReport } = start();
    const report = await nextReport();
    expect(report).to.include({ acknowledged: 3, pending: 0 });
    expect([...(await world.applied()).keys()].sort()).to.deep.equal(tickets.map((t) => t.barcode).sort());
  });

  it('replays when the browser says it is back online', async () => {
    await world.mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'offline' });
    const { nextReport } = start();
    const offline = await nextReport();
    expect(offline).to.include({ acknowledged: 0, pending: 3 });
    expect(offline.stoppedBy?.name).to.equal('NetworkError');
    await world.mock.clearFaults();
    window.dispatchEvent(new Event('online'));
    expect(await nextReport()).to.include({ acknowledged: 3, pending: 0 });
  });

  it('replays on a timer where the browser has no Background Sync (no service worker here)', async () => {
    await world.mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'http-error', status: 503, times: 1 });
    const { nextReport } = start(50);
    expect((await nextReport()).stoppedBy?.name).to.equal('HttpError');
    expect(await nextReport()).to.include({ acknowledged: 3, pending: 0 });
  });

  it('replays when the page is shown again (a phone woken, its timers asleep meanwhile)', async () => {
    await world.mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'offline' });
    const { nextReport } = start(3_600_000); // a timer that never fires in this test
    expect(await nextReport()).to.include({ acknowledged: 0, pending: 3 });
    await world.mock.clearFaults();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(await nextReport()).to.include({ acknowledged: 3, pending: 0 });
    expect([...(await world.applied()).values()]).to.deep.equal([1, 1, 1]);
  });

  it('waits while nobody is signed in, then syncs once someone is', async () => {
    let session: ScanningSession | undefined;
    const { sync } = start(undefined, () => session);
    expect(await sync.syncNow()).to.equal(undefined);
    expect(await world.mock.received('syncScans')).to.deep.equal([]);
    session = world.session;
    expect(await sync.syncNow()).to.include({ acknowledged: 3, pending: 0 });
  });

  it('never runs two replays at once: scans go once however many ask', async () => {
    const one = watchedSync(() => world.session).sync;
    const two = watchedSync(() => world.session).sync;
    const reports = await Promise.all([one.syncNow(), two.syncNow(), one.syncNow()]);
    expect(reports[0]).to.equal(reports[2]); // the same replay, joined
    expect(reports[0]!.acknowledged + reports[1]!.acknowledged).to.equal(3);
    expect([...(await world.applied()).values()]).to.deep.equal([1, 1, 1]);
    const posts = (await world.mock.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('syncScans'));
    expect(posts).to.have.length(1);
  });

  it('carries a report through postMessage with what stopped it', () => {
    const stoppedBy = new VendorError('Token Expired', { vendor: 'audienceview', code: 5, forceLogout: true });
    const message = structuredClone(reportToMessage({ acknowledged: 1, failed: [], pending: 2, stoppedBy }));
    const report = reportFromMessage(message)!;
    expect(report).to.include({ acknowledged: 1, pending: 2 });
    expect(report.stoppedBy).to.be.instanceOf(VendorError);
    expect(report.stoppedBy).to.include({ code: 5, forceLogout: true, message: 'Token Expired' });
    expect(reportFromMessage({ type: 'something-else' })).to.equal(undefined);
  });
});
