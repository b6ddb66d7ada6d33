import { expect } from '@open-wc/testing';
import { VendorError } from '../../api/errors.js';
import { freshScannerDb, openScannerWorld, type ScannerWorld } from '../../../test/scanner-world.js';
import { pendingCount, type SyncReport } from './scan-queue.js';
import { closeScannerDb, saveSession } from './scanner-db.js';
import { SYNC_NOW_MESSAGE, reportFromMessage } from './scan-sync.js';
import { recordOfflineScan } from './ticket-cache.js';

const SCOPE = '/src/components/ticket-scanner/';

/** The next report a service worker sends this page. */
function nextWorkerReport(): Promise<SyncReport> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      const report = reportFromMessage(event.data);
      if (!report) return;
      navigator.serviceWorker.removeEventListener('message', listener);
      resolve(report);
    };
    navigator.serviceWorker.addEventListener('message', listener);
  });
}

async function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const worker = registration.installing ?? registration.waiting ?? registration.active!;
  if (worker.state !== 'activated') {
    await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  }
  return worker;
}

describe('service worker (sw.ts)', () => {
  let world: ScannerWorld;
  let registration: ServiceWorkerRegistration;
  beforeEach(async () => {
    world = await openScannerWorld({ download: true });
    await saveSession({ ...world.session, accessTokenExpiration: null });
    // Served as WTR serves TypeScript; a module worker, scoped to its folder (no page needs to be controlled).
    registration = await navigator.serviceWorker.register(`${SCOPE}sw.ts`, { type: 'module', scope: SCOPE });
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
