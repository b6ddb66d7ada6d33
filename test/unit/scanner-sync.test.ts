/**
 * When the scanner's queue is replayed (src/components/ticket-scanner/offline: scan-sync.ts for the
 * page, sw.ts for the service worker), on fake-indexeddb against the fake AudienceView. The worker
 * scope and the page's `navigator` are stand-ins that record what was registered and posted; a
 * Background Sync event is dispatched to the worker's own listener, as the browser would.
 */
import assert from 'node:assert/strict';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { downloadValidTickets, recordOfflineScan } from '../../src/components/ticket-scanner/offline/ticket-cache.js';
import { clearSession, saveSession, loadSession, type ScanFilter } from '../../src/components/ticket-scanner/offline/scanner-db.js';
import { pendingCount } from '../../src/components/ticket-scanner/offline/scan-queue.js';
import { ScanSync, SYNC_REPORT_MESSAGE, SYNC_TAG, reportFromMessage, reportToMessage, requestBackgroundSync } from '../../src/components/ticket-scanner/offline/scan-sync.js';
import { VendorError } from '../../src/api/errors.js';
import type { SyncReport } from '../../src/components/ticket-scanner/offline/scan-queue.js';
import { forgetScannerMemory } from './scanner-memory.ts';
import { FakeAudienceView } from './fake-audienceview.ts';
import { withFetchWrapped, type FetchWrapper } from '../fetch-wrapper.ts';
import { fresh } from './fresh.ts';

Object.assign(globalThis, { IDBKeyRange });

/** Waits until `done()` holds (a busy machine is slow), failing after two seconds. */
async function waitFor(done: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 2000; !done(); await new Promise((resolve) => setTimeout(resolve, 5))) {
    if (Date.now() > deadline) assert.fail(`waited 2 s for: ${what}`);
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ALL: ScanFilter = { clientId: 284, productionId: null, performanceId: null };
const T0 = Date.now() - 60 * 60_000;
const TICKETS = [
  { ticketId: 1, barcode: 'AAA111', performanceId: 100, productionId: 10, clientId: 284 },
  { ticketId: 2, barcode: 'AAA222', performanceId: 100, productionId: 10, clientId: 284 },
];

/** A page's `navigator` with a service worker container that may offer Background Sync. */
function fakeNavigator(options: { sync?: boolean; registerFails?: boolean } = {}) {
  const registered: string[] = [];
  const container = new EventTarget() as EventTarget & { getRegistration(): Promise<unknown> };
  container.getRegistration = async () =>
    options.sync === undefined
      ? undefined
      : options.sync
        ? {
            sync: {
              register: async (tag: string) => {
                if (options.registerFails) throw new DOMException('denied', 'NotAllowedError');
                registered.push(tag);
              },
            },
          }
        : {};
  const nav = { onLine: true, serviceWorker: container };
  Object.defineProperty(globalThis, 'navigator', { value: nav, configurable: true, writable: true });
  return { nav, container, registered };
}

describe('scanner sync', () => {
  let av: FakeAudienceView;
  const window = new EventTarget();
  const g = globalThis as Record<string, unknown>;

  beforeEach(async () => {
    await forgetScannerMemory();
    g.indexedDB = new IDBFactory();
    av = new FakeAudienceView(TICKETS);
    g.addEventListener = window.addEventListener.bind(window);
    g.removeEventListener = window.removeEventListener.bind(window);
  });
  afterEach(() => {
    av.restore();
    delete g.navigator;
    delete g.skipWaiting;
    delete g.clients;
    delete g.self;
    delete g.addEventListener;
    delete g.removeEventListener;
  });

  async function queue(...barcodes: string[]) {
    await downloadValidTickets(av.session, ALL);
    let t = T0;
    for (const barcode of barcodes) await recordOfflineScan(barcode, ALL, (t += 1000));
  }

  describe('the page (ScanSync)', () => {
    it('nobody signed in: nothing is sent, the scans wait', async () => {
      fakeNavigator();
      await queue('AAA111');
      const reports: SyncReport[] = [];
      const sync = new ScanSync({ session: () => undefined, onReport: (r) => reports.push(r) });
      assert.equal(await sync.syncNow(), undefined);
      assert.deepEqual(reports, []);
      assert.equal(await pendingCount(), 1);
    });

    it('replays once however many ask, and tells the page', async () => {
      fakeNavigator();
      await queue('AAA111', 'AAA222');
      const reports: SyncReport[] = [];
      const sync = new ScanSync({ session: () => av.session, onReport: (r) => reports.push(r), batchSize: 1 });
      const [a, b] = await Promise.all([sync.syncNow(), sync.syncNow()]);
      assert.equal(a, b);
      assert.equal(a!.acknowledged, 2);
      assert.equal(reports.length, 1);
      assert.equal(av.syncBodies.length, 2, 'batch size passed on');
      const again = await sync.syncNow();
      assert.notEqual(again, a, 'a later call is a new replay');
    });

    it('scans left after a failed replay ask the browser for Background Sync; an ended session does not', async () => {
      const { registered } = fakeNavigator({ sync: true });
      await queue('AAA111');
      av.syncUnreachable = true;
      const sync = new ScanSync({ session: () => av.session, onReport: () => {} });
      const report = await sync.syncNow();
      assert.equal(report!.pending, 1);
      await waitFor(() => registered.length > 0, 'Background Sync asked');
      assert.deepEqual(registered, [SYNC_TAG]);
      av.syncUnreachable = false;
      av.nextSyncError = { errorCodeId: 3, forceLogout: true };
      await sync.syncNow();
      await pause(20);
      assert.deepEqual(registered, [SYNC_TAG], 'no wake-up to replay with a dead session');
      await sync.syncNow();
      await pause(20);
      assert.deepEqual(registered, [SYNC_TAG], 'nothing pending, nothing asked');
    });

    it('requestBackgroundSync says whether the browser took it', async () => {
      fakeNavigator({ sync: true });
      assert.equal(await requestBackgroundSync(), true);
      fakeNavigator({ sync: true, registerFails: true });
      assert.equal(await requestBackgroundSync(), false);
      fakeNavigator({ sync: false });
      assert.equal(await requestBackgroundSync(), false);
      fakeNavigator();
      assert.equal(await requestBackgroundSync(), false);
      const { container } = fakeNavigator({ sync: true });
      container.getRegistration = () => Promise.reject(new Error('insecure context'));
      assert.equal(await requestBackgroundSync(), false);
    });

    it('back online: replays at once', async () => {
      fakeNavigator({ sync: true });
      await queue('AAA111');
      const reports: SyncReport[] = [];
      const sync = new ScanSync({ session: () => av.session, onReport: (r) => reports.push(r) });
      av.syncUnreachable = true;
      sync.start();
      sync.start();
      await waitFor(() => reports.length > 0, 'the replay on start');
      await pause(30);
      assert.equal(reports.length, 1, 'one replay on start, however often started');
      av.syncUnreachable = false;
      window.dispatchEvent(new Event('online'));
      await waitFor(() => reports.length > 1, 'the replay when back online');
      assert.equal(reports[1]!.acknowledged, 1);
      sync.stop();
      window.dispatchEvent(new Event('online'));
      await pause(30);
      assert.equal(reports.length, 2, 'stopped: no more replays');
    });

    it('without Background Sync a timer replays while scans are pending (and only then)', async () => {
      const { nav } = fakeNavigator({ sync: false });
      await queue('AAA111');
      const reports: SyncReport[] = [];
      av.syncUnreachable = true;
      const sync = new ScanSync({ session: () => av.session, onReport: (r) => reports.push(r), intervalMs: 40 });
      sync.start();
      await waitFor(() => reports.length > 0, 'the replay on start');
      av.syncUnreachable = false;
      await waitFor(() => reports.some((r) => r.acknowledged === 1), 'the timer delivered the scan');
      await pause(60);
      const count = reports.length;
      await pause(150);
      assert.equal(reports.length, count, 'nothing pending: the timer sends nothing');
      nav.onLine = false;
      await queue('AAA222');
      await pause(150);
      assert.equal(reports.length, count, 'offline: the timer waits');
      sync.stop();
    });

    it("the worker's reports reach the page, with what stopped them", async () => {
      const { container } = fakeNavigator();
      const reports: SyncReport[] = [];
      const sync = new ScanSync({ session: () => undefined, onReport: (r) => reports.push(r) });
      sync.start();
      const stopped = new VendorError('Session expired', { vendor: 'audienceview', code: 3, forceLogout: true });
      container.dispatchEvent(new MessageEvent('message', { data: reportToMessage({ acknowledged: 1, failed: [], pending: 2, stoppedBy: stopped }) }));
      container.dispatchEvent(new MessageEvent('message', { data: { type: 'other' } }));
      assert.equal(reports.length, 1);
      assert.equal(reports[0]!.pending, 2);
      assert.ok(reports[0]!.stoppedBy instanceof VendorError);
      assert.equal((reports[0]!.stoppedBy as VendorError).forceLogout, true);
      sync.stop();
      container.dispatchEvent(new MessageEvent('message', { data: reportToMessage({ acknowledged: 1, failed: [], pending: 0 }) }));
      assert.equal(reports.length, 1);
    });

    it('started twice, it still listens once: a worker report reaches the page once', async () => {
      const { container } = fakeNavigator();
      const reports: SyncReport[] = [];
      const sync = new ScanSync({ session: () => undefined, onReport: (r) => reports.push(r) });
      sync.start();
      sync.start();
      container.dispatchEvent(new MessageEvent('message', { data: reportToMessage({ acknowledged: 1, failed: [], pending: 0 }) }));
      sync.stop();
      assert.equal(reports.length, 1);
    });

    it('a database that cannot open is a report with what stopped it, nothing pending counted, no throw', async () => {
      fakeNavigator();
      const factory = g.indexedDB as IDBFactory;
      factory.open = (() => {
        throw new DOMException('blocked', 'UnknownError');
      }) as IDBFactory['open'];
      const reports: SyncReport[] = [];
      const sync = new ScanSync({ session: () => av.session, onReport: (r) => reports.push(r) });
      const report = await sync.syncNow();
      assert.deepEqual({ ...report, stoppedBy: report?.stoppedBy?.name }, { acknowledged: 0, failed: [], pending: 0, stoppedBy: 'UnknownError' });
      assert.equal(reports[0], report);
    });

    it('a report handler that throws does not break the sync', async () => {
      fakeNavigator();
      const sync = new ScanSync({ session: () => av.session, onReport: () => { throw new Error('handler'); } });
      const error = console.error;
      const logged: unknown[] = [];
      console.error = (...args: unknown[]) => void logged.push(args);
      try {
        assert.ok(await sync.syncNow());
      } finally {
        console.error = error;
      }
      assert.equal(logged.length, 1);
      assert.match(String((logged[0] as unknown[])[0]), /sync report handler failed/);
    });
  });

  describe('reports as messages', () => {
    it('round-trips counts, failures and the error that stopped the replay', () => {
      const failed = [{ barcode: 'X', reason: 'r', scanTime: 1, failedAt: 2, conflict: true }];
      const plain = reportFromMessage(reportToMessage({ acknowledged: 3, failed, pending: 1, accessTokenExpiration: 9 }));
      assert.deepEqual(plain, { acknowledged: 3, failed, pending: 1, accessTokenExpiration: 9 });
      const net = reportFromMessage(reportToMessage({ acknowledged: 0, failed: [], pending: 1, stoppedBy: Object.assign(new Error('down'), { name: 'NetworkError' }) }))!;
      assert.equal(net.stoppedBy!.name, 'NetworkError');
      assert.equal(net.stoppedBy!.message, 'down');
      assert.equal(net.stoppedBy instanceof VendorError, false);
      const vendor = reportFromMessage(reportToMessage({ acknowledged: 0, failed: [], pending: 1, stoppedBy: new VendorError('no', { vendor: 'audienceview', code: 7 }) }))!;
      assert.equal((vendor.stoppedBy as VendorError).code, 7);
      assert.equal((vendor.stoppedBy as VendorError).forceLogout, false);
      assert.equal((vendor.stoppedBy as VendorError).vendor, 'audienceview');
      const message = reportToMessage({ acknowledged: 0, failed: [], pending: 0 });
      assert.equal(message.type, SYNC_REPORT_MESSAGE);
      const codeless = { type: SYNC_REPORT_MESSAGE, report: { acknowledged: 0, failed: [], pending: 0, stoppedBy: { name: 'VendorError', message: 'x', forceLogout: false } } };
      assert.equal((reportFromMessage(codeless)!.stoppedBy as VendorError).code, 16);
      for (const bad of [null, {}, { type: 'x', report: {} }, { type: SYNC_REPORT_MESSAGE }, { type: SYNC_REPORT_MESSAGE, report: { pending: '1' } }]) assert.equal(reportFromMessage(bad), undefined);
    });
  });

  describe('the service worker', () => {
    type Listener = (event: any) => void;
    const SW = new URL('../../src/components/ticket-scanner/offline/sw.js', import.meta.url);

    /** Loads the worker script into a stand-in worker scope; returns its listeners and what it posted. */
    async function loadWorker() {
      const listeners = new Map<string, Listener>();
      const posted: unknown[] = [];
      const calls: string[] = [];
      const scope = {
        addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
        skipWaiting: async () => void calls.push('skipWaiting'),
        clients: {
          claim: async () => void calls.push('claim'),
          matchAll: async (options: { type: string; includeUncontrolled: boolean }) => {
            assert.deepEqual(options, { type: 'window', includeUncontrolled: true });
            return [{ postMessage: (m: unknown) => posted.push(m) }, { postMessage: (m: unknown) => posted.push(m) }];
          },
        },
      };
      Object.assign(g, { addEventListener: scope.addEventListener, skipWaiting: scope.skipWaiting, clients: scope.clients, self: g });
      // The worker's scope is the global object, for the test's length (removed in afterEach).
      await fresh(SW);
      const fire = async (type: string, fields: object) => {
        let waited: Promise<unknown> | undefined;
        listeners.get(type)!({ ...fields, waitUntil: (p: Promise<unknown>) => (waited = p) });
        return waited;
      };
      return { fire, posted, calls, listeners };
    }

    it('a Background Sync event replays the stored queue and tells every window', async () => {
      await queue('AAA111', 'AAA222');
      await saveSession({ ...av.session, accessTokenExpiration: 1 });
      const worker = await loadWorker();
      await worker.fire('sync', { tag: SYNC_TAG });
      assert.equal(av.inserts.length, 2);
      assert.equal(await pendingCount(), 0);
      assert.equal(worker.posted.length, 2);
      const report = reportFromMessage(worker.posted[0])!;
      assert.equal(report.acknowledged, 2);
      assert.equal((await loadSession())!.accessTokenExpiration, 5678, "the stored session's expiry is moved on");
    });

    it('another tag is not ours; without a stored session nothing is sent', async () => {
      await queue('AAA111');
      const worker = await loadWorker();
      assert.equal(await worker.fire('sync', { tag: 'other-app' }), undefined);
      await worker.fire('sync', { tag: SYNC_TAG });
      assert.equal(av.syncBodies.length, 0);
      assert.equal(worker.posted.length, 0);
      assert.equal(await pendingCount(), 1);
    });

    it('a network failure asks the browser to fire the sync again; an ended session does not', async () => {
      await queue('AAA111');
      await saveSession({ ...av.session, accessTokenExpiration: null });
      const worker = await loadWorker();
      av.syncUnreachable = true;
      await assert.rejects(worker.fire('sync', { tag: SYNC_TAG }) as Promise<unknown>, (e: Error) => e.name === 'NetworkError');
      av.syncUnreachable = false;
      av.nextSyncError = { errorCodeId: 3, forceLogout: true };
      await worker.fire('sync', { tag: SYNC_TAG });
      assert.equal(await pendingCount(), 1);
      assert.equal((await loadSession())!.accessTokenExpiration, null);
    });

    it('a page may ask for a replay; the update prompt may ask it to take over; activation claims the page', async () => {
      await queue('AAA111');
      await saveSession({ ...av.session, accessTokenExpiration: null });
      const worker = await loadWorker();
      await worker.fire('message', { data: { type: 'sync-now' } });
      assert.equal(av.inserts.length, 1);
      await worker.fire('message', { data: { type: 'SKIP_WAITING' } });
      await worker.fire('message', { data: null });
      await worker.fire('activate', {});
      assert.deepEqual(worker.calls, ['skipWaiting', 'claim']);
    });

    it("replays only for its own tag, 'ticket-scanner-sync', whoever else registers one", async () => {
      await queue('AAA111');
      await saveSession({ ...av.session, accessTokenExpiration: null });
      const worker = await loadWorker();
      await worker.fire('sync', { tag: 'other-app' });
      assert.equal(av.syncBodies.length, 0, "another app's sync sends nothing");
      await worker.fire('sync', { tag: 'ticket-scanner-sync' });
      assert.equal(av.inserts.length, 1);
    });

    it('a server error or a broken answer also asks the browser to fire the sync again', async () => {
      for (const [name, answer] of [
        ['HttpError', () => new Response('busy', { status: 500, headers: { 'content-type': 'text/plain' } })],
        ['ParseError', () => new Response('<html>proxy login</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
      ] as const) {
        await queue('AAA111');
        await saveSession({ ...av.session, accessTokenExpiration: null });
        const worker = await loadWorker();
        await withFetchWrapped(
          async (input, init, underneath) => (String(input).includes('syncScans') ? answer() : underneath(input, init)),
          () => assert.rejects(worker.fire('sync', { tag: SYNC_TAG }) as Promise<unknown>, (e: Error) => e.name === name, name),
        );
        assert.equal(await pendingCount(), 1, name);
      }
    });

    it('only the update prompt\'s SKIP_WAITING message makes a waiting worker take over', async () => {
      const worker = await loadWorker();
      await worker.fire('message', { data: { type: 'other' } });
      await worker.fire('message', { data: null });
      assert.deepEqual(worker.calls, []);
      await worker.fire('message', { data: { type: 'SKIP_WAITING' } });
      assert.deepEqual(worker.calls, ['skipWaiting']);
    });

    it('signed out while the worker replayed: the windows are still told, nothing is written back', async () => {
      await queue('AAA111');
      await saveSession({ ...av.session, accessTokenExpiration: 1 });
      const worker = await loadWorker();
      const signedOutAsSent: FetchWrapper = async (input, init, underneath) => {
        if (String(input).includes('syncScans')) await clearSession();
        return underneath(input, init);
      };
      await withFetchWrapped(signedOutAsSent, () => worker.fire('sync', { tag: SYNC_TAG }));
      assert.equal(worker.posted.length, 2);
      assert.equal(await loadSession(), undefined);
    });

    it('a session replaced meanwhile keeps its own expiry', async () => {
      await queue('AAA111');
      await saveSession({ ...av.session, accessTokenExpiration: 1 });
      const worker = await loadWorker();
      const replacedAsSent: FetchWrapper = async (input, init, underneath) => {
        if (String(input).includes('syncScans')) await saveSession({ ...av.session, accessToken: 'newer', accessTokenExpiration: 2 });
        return underneath(input, init);
      };
      await withFetchWrapped(replacedAsSent, () => worker.fire('sync', { tag: SYNC_TAG }));
      assert.deepEqual(await loadSession(), { ...av.session, accessToken: 'newer', accessTokenExpiration: 2 });
    });
  });
});
