import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { VendorError } from '../../../api/errors.js';
import { freshScannerDb, openScannerWorld, type ScannerWorld } from '../../../../test/scanner-world.js';
import { pendingCount } from './scan-queue.js';
import { closeScannerDb, saveSession } from './scanner-db.js';
import { SYNC_NOW_MESSAGE, SYNC_TAG } from './scan-sync.js';
import { activeWorker, nextWorkerReport, registerScannerWorker } from '../../../../test/scanner-worker.js';
import { recordOfflineScan } from './ticket-cache.js';
import { itWhere } from '../../../../test/engines.js';

const NO_BACKGROUND_SYNC = 'no Background Sync (`sync` is not on ServiceWorkerRegistration): the page replays the queue itself, on start-up, `online`, the page shown again and a timer (scan-sync.test.ts)';

describe('service worker (sw.ts)', () => {
  let world: ScannerWorld;
  let registration: ServiceWorkerRegistration;
  beforeEach(async () => {
    world = await openScannerWorld({ download: true });
    await saveSession({ ...world.session, accessTokenExpiration: null });
    registration = await registerScannerWorker();
  });
  afterEach(async () => {
    await registration?.unregister();
  });
  after(freshScannerDb);

  it('replays the stored queue with the stored session when asked, and tells the page', async () => {
    const tickets = await world.tickets(world.walk, 'valid', 4);
    for (const ticket of tickets) expect((await recordOfflineScan(ticket.barcode, world.filter)).verdict).to.equal('valid');
    await closeScannerDb(); // the page lets go; the worker opens the same database

    const worker = await activeWorker(registration);
    const reported = nextWorkerReport();
    worker.postMessage({ type: SYNC_NOW_MESSAGE });
    const report = await reported;
    expect(report).to.include({ acknowledged: 4, pending: 0 });
    expect([...(await world.applied()).keys()].sort()).to.deep.equal(tickets.map((t) => t.barcode).sort());
    expect(await pendingCount()).to.equal(0);
  });

  itWhere({ firefox: NO_BACKGROUND_SYNC, webkit: NO_BACKGROUND_SYNC }, 'replays the stored queue when the browser fires Background Sync (a real sync event, through the DevTools protocol)', async () => {
    const tickets = await world.tickets(world.walk, 'valid', 3);
    for (const ticket of tickets) expect((await recordOfflineScan(ticket.barcode, world.filter)).verdict).to.equal('valid');
    await closeScannerDb();

    await activeWorker(registration);
    const reported = nextWorkerReport();
    await executeServerCommand('dispatch-sync-event', { scope: registration.scope, tag: SYNC_TAG });
    const report = await Promise.race([reported, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the sync event replayed nothing')), 6000))]);
    expect(report).to.include({ acknowledged: 3, pending: 0 });
    expect([...(await world.applied()).keys()].sort()).to.deep.equal(tickets.map((t) => t.barcode).sort());
    expect(await pendingCount()).to.equal(0);
  });

  it('keeps the queue and says the session is over when the server ends it', async () => {
    const [ticket] = await world.tickets(world.walk, 'valid', 1);
    await recordOfflineScan(ticket!.barcode, world.filter);
    await world.mock.control('audienceview', '/expire-tokens', { method: 'POST' });

    const worker = await activeWorker(registration);
    const reported = nextWorkerReport();
    worker.postMessage({ type: SYNC_NOW_MESSAGE });
    const report = await reported;
    expect(report).to.include({ acknowledged: 0, pending: 1 });
    expect(report.stoppedBy).to.be.instanceOf(VendorError);
    expect(report.stoppedBy).to.include({ code: 5, forceLogout: true });
    expect(await world.mock.received('syncScans')).to.deep.equal([]);
  });
});
