/**
 * The door scanner's offline core (src/components/ticket-scanner/offline: ticket-cache, ticket-rows,
 * scan-queue, held-scans, scanner-db) on fake-indexeddb, against a fake AudienceView that keeps its
 * own record of every insert. What a venue would lose: a valid ticket turned away, a ticket let in
 * twice, a scan never counted, or counted twice, a refusal whose reason is lost.
 */
import assert from 'node:assert/strict';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { cacheInfo, downloadValidTickets, noteOnlineScan, recordOfflineScan } from '../../src/components/ticket-scanner/offline/ticket-cache.js';
import {
  acknowledgeFailedScan,
  doubleAdmissionsOf,
  failedScans,
  isAlreadyScannedReason,
  pendingCount,
  pendingScans,
  replayPendingScans,
} from '../../src/components/ticket-scanner/offline/scan-queue.js';
import { barcodeKey, clearSession, closeScannerDb, loadSession, saveSession, scannerDb, wipeScannerData, type ScanFilter } from '../../src/components/ticket-scanner/offline/scanner-db.js';
import { heldScans, isQuotaError } from '../../src/components/ticket-scanner/offline/held-scans.js';
import { forgetScannerMemory } from './scanner-memory.ts';
import { resetVendorClock } from '../../src/api/audienceview/scanning.js';
import { FakeAudienceView, type FakeTicket } from './fake-audienceview.ts';
import { withFetchWrapped, type FetchWrapper } from '../fetch-wrapper.ts';

const CLIENT = 284;
const T0 = Date.now() - 60 * 60_000;
const ALL: ScanFilter = { clientId: CLIENT, productionId: null, performanceId: null };
const PERF_A: ScanFilter = { clientId: CLIENT, productionId: 10, performanceId: 100 };

function tickets(): FakeTicket[] {
  return [
    { ticketId: 1, barcode: 'AAA111', performanceId: 100, productionId: 10, clientId: CLIENT, name: 'Ada Lovelace', section: 'Stalls', seat: 'A1' },
    { ticketId: 2, barcode: 'AAA222', performanceId: 100, productionId: 10, clientId: CLIENT },
    { ticketId: 3, barcode: 'AAA333', performanceId: 100, productionId: 10, clientId: CLIENT },
    { ticketId: 4, barcode: 'BBB111', performanceId: 200, productionId: 10, clientId: CLIENT },
    { ticketId: 5, barcode: 'CCC111', performanceId: 300, productionId: 20, clientId: CLIENT },
    { ticketId: 6, barcode: 'REF111', performanceId: 100, productionId: 10, clientId: CLIENT, status: 'refunded' },
    { ticketId: 7, barcode: 'OTHERCLIENT', performanceId: 900, productionId: 90, clientId: 999 },
  ];
}

/** Runs `work` with the device's clock stopped at its present time (handed to `work`), then starts it again. */
async function withClockStopped<T>(work: (now: number) => Promise<T>): Promise<T> {
  const realNow = Date.now;
  const now = realNow();
  Date.now = () => now;
  try {
    return await work(now);
  } finally {
    Date.now = realNow;
  }
}

/** The first cache/validTickets answer breaks off after 70 % of its body (a foyer's network); counts the lists. */
function dropFirstListMidStream(): { lists: number } {
  const fetchOfFake = globalThis.fetch;
  const seen = { lists: 0 };
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = await fetchOfFake(input, init);
    if (!String(input).includes('validTickets') || seen.lists++ > 0) return answer;
    const bytes = new Uint8Array(await answer.arrayBuffer());
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, Math.floor(bytes.length * 0.7)));
        controller.error(new TypeError('network connection was lost'));
      },
    });
    return new Response(body, { status: 200, headers: answer.headers });
  }) as typeof fetch;
  return seen;
}

// IndexedDB's globals (not 'fake-indexeddb/auto', which installs them on a `window` when one exists).
Object.assign(globalThis, { IDBKeyRange, IDBObjectStore });

describe('scanner offline core', () => {
  let av: FakeAudienceView;

  beforeEach(async () => {
    await forgetScannerMemory();
    (globalThis as { indexedDB: IDBFactory }).indexedDB = new IDBFactory();
    av = new FakeAudienceView(tickets());
  });
  afterEach(() => av.restore());

  /** Another door admits `barcode` just as this device's batch leaves (the server has it first). */
  const admittedElsewhereAsSent =
    (barcode: string): FetchWrapper =>
    (input, init, underneath) => {
      if (String(input).includes('syncScans')) av.admitElsewhere(barcode);
      return underneath(input, init);
    };

  describe('offline verdicts', () => {
    it('a valid ticket is admitted once, queued once; its second scan is a duplicate', async () => {
      await downloadValidTickets(av.session, ALL);
      const first = await recordOfflineScan('AAA111', ALL, T0);
      assert.equal(first.verdict, 'valid');
      assert.equal(first.reason, 'Valid ticket.');
      assert.equal(first.ticket?.ticketId, 1);
      assert.equal(first.ticket?.orderConsumerName, 'Ada Lovelace');
      const again = await recordOfflineScan(' aaa111 ', ALL, T0 + 1000);
      assert.equal(again.verdict, 'duplicate');
      assert.match(again.reason, new RegExp(`Already scanned on this device \\(${new Date(T0).toISOString().replace(/\./g, '\\.')}\\)`));
      const queued = await pendingScans();
      assert.equal(queued.length, 1);
      assert.deepEqual({ ...queued[0] }, { barcode: 'AAA111', ticketId: 1, performanceId: 100, clientId: CLIENT, productionId: null, scanTime: T0, attempts: 0 });
      assert.equal(await pendingCount(), 1);
    });

    it('refuses what the door must refuse, each with its reason', async () => {
      await downloadValidTickets(av.session, PERF_A);
      const cases: [string, ScanFilter, string, RegExp][] = [
        ['REF111', PERF_A, 'invalid', /refunded or voided/],
        ['NOPE', PERF_A, 'unknown', /Not in the downloaded list/],
        ['AAA111', { ...PERF_A, clientId: 1 }, 'invalid', /another client/],
        ['AAA111', { ...PERF_A, performanceId: 101 }, 'invalid', /another performance/],
        ['AAA111', { ...PERF_A, productionId: 11 }, 'invalid', /another production/],
        ['', PERF_A, 'unknown', /No barcode was read/],
      ];
      for (const [barcode, filter, verdict, reason] of cases) {
        const result = await recordOfflineScan(barcode, filter, T0);
        assert.equal(result.verdict, verdict, `${barcode} ${JSON.stringify(filter)}`);
        assert.match(result.reason, reason);
      }
      assert.equal(await pendingCount(), 0, 'nothing refused was queued');
      // The same production, or a door not limited to one: admitted.
      assert.equal((await recordOfflineScan('AAA111', { ...PERF_A, productionId: null }, T0)).verdict, 'valid');
      assert.equal((await recordOfflineScan('AAA222', PERF_A, T0)).verdict, 'valid');
    });

    it('a ticket for another production is refused offline by a door set to one production', async () => {
      await downloadValidTickets(av.session, { clientId: CLIENT, productionId: 20, performanceId: null });
      const refused = await recordOfflineScan('CCC111', { clientId: CLIENT, productionId: 10, performanceId: null }, T0);
      assert.equal(refused.verdict, 'invalid');
      assert.equal(refused.reason, 'The ticket is for another production.');
      assert.equal((await recordOfflineScan('CCC111', { clientId: CLIENT, productionId: 20, performanceId: null }, T0)).verdict, 'valid');
    });

    it('without a list nothing is admitted; a ticket scanned here is still a duplicate', async () => {
      const none = await recordOfflineScan('AAA111', ALL, T0);
      assert.equal(none.verdict, 'unknown');
      assert.equal(none.reason, 'No ticket list has been downloaded.');
      await noteOnlineScan('AAA111');
      await noteOnlineScan('  ');
      const dup = await recordOfflineScan('aaa111', ALL, T0);
      assert.equal(dup.verdict, 'duplicate');
      assert.match(dup.reason, /Already scanned on this device/);
    });

    it('a ticket the list says is already scanned is a duplicate; one validated online here too', async () => {
      av.admitElsewhere('AAA222');
      await downloadValidTickets(av.session, ALL);
      const listed = await recordOfflineScan('AAA222', ALL, T0);
      assert.equal(listed.verdict, 'duplicate');
      assert.equal(listed.reason, 'Already scanned (before the list was downloaded).');
      await noteOnlineScan('AAA333');
      assert.equal((await recordOfflineScan('AAA333', ALL, T0)).verdict, 'duplicate');
      assert.equal(await pendingCount(), 0);
    });

    it('a scan without a usable time gets one (it is part of the queue key)', async () => {
      await downloadValidTickets(av.session, ALL);
      const before = Date.now();
      await recordOfflineScan('AAA111', ALL, Number.NaN);
      const [queued] = await pendingScans();
      assert.ok(queued!.scanTime >= before && queued!.scanTime <= Date.now());
    });

    it('what was scanned survives a reload (the database closed and opened again)', async () => {
      await downloadValidTickets(av.session, ALL);
      await recordOfflineScan('AAA111', ALL, T0);
      await closeScannerDb();
      assert.equal(await pendingCount(), 1);
      assert.equal((await recordOfflineScan('AAA111', ALL, T0 + 5)).verdict, 'duplicate');
      assert.equal((await recordOfflineScan('AAA222', ALL, T0 + 5)).verdict, 'valid');
    });
  });

  describe('the offline list', () => {
    it('a new download replaces the list; a failed one keeps the previous list', async () => {
      const info = await downloadValidTickets(av.session, PERF_A);
      assert.equal(info.tickets, 4);
      assert.deepEqual(info.filter, PERF_A);
      assert.equal(av.listRequests[0]!.get('performanceId'), '100');
      assert.equal((await recordOfflineScan('BBB111', ALL, T0)).verdict, 'unknown');
      await downloadValidTickets(av.session, ALL);
      assert.equal((await cacheInfo())!.tickets, 6);
      assert.equal((await recordOfflineScan('BBB111', ALL, T0)).verdict, 'valid');
      av.listRefused = true;
      await assert.rejects(downloadValidTickets(av.session, PERF_A));
      assert.equal((await cacheInfo())!.tickets, 6);
      assert.equal((await recordOfflineScan('CCC111', ALL, T0)).verdict, 'valid');
    });

    it("counts the door: tickets in of those that may enter, this device's later scans added", async () => {
      av.admitElsewhere('AAA222');
      await recordOfflineScan('AAA111', ALL, T0); // no list yet: unknown, not counted
      // AAA333 is let in the very millisecond the download looks at this device's scans: counted once.
      const info = await withClockStopped(async () => {
        await noteOnlineScan('AAA333');
        return downloadValidTickets(av.session, PERF_A);
      });
      // 4 tickets, 3 may enter (one refunded); in: AAA222 (list) and AAA333 (marked here).
      assert.deepEqual(info.doorCount, { admitted: 2, admissible: 3 });
      await recordOfflineScan('AAA111', PERF_A, Date.now() + 1000);
      assert.deepEqual((await cacheInfo())!.doorCount, { admitted: 3, admissible: 3 });
      await noteOnlineScan('BBB111');
      assert.deepEqual((await cacheInfo())!.doorCount, { admitted: 3, admissible: 3 }, 'never more than may enter');
      assert.equal(await cacheInfo().then((i) => i!.downloadedAt <= Date.now()), true);
    });

    it('counts a scan stamped just before a download looked at this device\'s scans and written just after', async () => {
      await downloadValidTickets(av.session, PERF_A);
      const before = (await cacheInfo())!.doorCount!.admitted;
      // In flight while the download looked: stamped 5 s ago, its mark written only now.
      assert.equal((await recordOfflineScan('AAA111', PERF_A, Date.now() - 5_000)).verdict, 'valid');
      assert.equal((await cacheInfo())!.doorCount!.admitted, before + 1);
    });

    it('counts once a ticket this device let in well before a download looked, not yet sent', async () => {
      await downloadValidTickets(av.session, PERF_A);
      // Let in here ten minutes ago and still queued: the new list does not know it.
      assert.equal((await recordOfflineScan('AAA111', PERF_A, Date.now() - 10 * 60_000)).verdict, 'valid');
      const info = await downloadValidTickets(av.session, PERF_A);
      // 3 may enter (REF111 is refunded); in: AAA111, known from this device's own marks.
      assert.deepEqual(info.doorCount, { admitted: 1, admissible: 3 });
      assert.deepEqual((await cacheInfo())!.doorCount, { admitted: 1, admissible: 3 });
    });

    it('counts once a scan stamped exactly a minute before a download looked (where the list and the later scans meet)', async () => {
      await downloadValidTickets(av.session, PERF_A);
      // The device's own clock, as before any answer told AudienceView's.
      resetVendorClock();
      const info = await withClockStopped(async (now) => {
        assert.equal((await recordOfflineScan('AAA111', PERF_A, now - 60_000)).verdict, 'valid');
        return downloadValidTickets(av.session, PERF_A);
      });
      assert.deepEqual(info.doorCount, { admitted: 1, admissible: 3 });
    });

    it('no list: no cache info', async () => {
      assert.equal(await cacheInfo(), undefined);
    });

    it('reports progress and keeps every field of a ticket a steward reads', async () => {
      const seen: number[] = [];
      await downloadValidTickets(av.session, ALL, { onProgress: (p) => seen.push(p.tickets) });
      assert.equal(seen.at(-1), 6);
      const verdict = await recordOfflineScan('AAA111', ALL, T0);
      assert.deepEqual(
        { ...verdict.ticket },
        {
          ticketId: 1,
          performanceId: 100,
          productionName: 'Production 10',
          performanceStartDate: 1_800_000_000_100,
          barcode: 'AAA111',
          alreadyScanned: false,
          refundedOrVoided: false,
          orderConsumerName: 'Ada Lovelace',
          performance: 'Evening 100',
          section: 'Stalls',
          seat: 'A1',
          ticketsScanned: null,
          ticketsSold: 2,
          patron: null,
        },
      );
    });

    it("keeps the patron's details exactly, whatever their shape", async () => {
      const address = { line1: '40 Congress Street', line2: null, city: 'Portland', state: 'ME', zipCode: '04101', country: 'US' };
      const patron = { email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace', billingAddress: address, shippingAddress: null, primaryPhoneNumber: { phoneNumber: '555', type: 'Cell' } };
      const odd = { firstName: 'Grace', email: 'g@example.org', extra: [1, 2] };
      const reordered = { ...patron, billingAddress: { city: 'Bath', line1: '1 High St', line2: null, state: 'ME', zipCode: '04530', country: 'US' } };
      av.tickets.find((t) => t.barcode === 'AAA111')!.patron = patron;
      av.tickets.find((t) => t.barcode === 'AAA222')!.patron = odd;
      av.tickets.find((t) => t.barcode === 'AAA333')!.patron = reordered;
      await downloadValidTickets(av.session, ALL);
      assert.deepEqual((await recordOfflineScan('AAA111', ALL, T0)).ticket!.patron, patron);
      assert.deepEqual((await recordOfflineScan('AAA222', ALL, T0)).ticket!.patron, odd);
      assert.deepEqual((await recordOfflineScan('AAA333', ALL, T0)).ticket!.patron, reordered);
    });

    it("stores a patron in the seed's shape as its values only (a 100,000-ticket list must fit a phone's quota), another shape as it came", async () => {
      const address = { line1: '40 Congress Street', line2: null, city: 'Portland', state: 'ME', zipCode: '04101', country: 'US' };
      const seedShaped = { email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace', billingAddress: address, shippingAddress: address, primaryPhoneNumber: { phoneNumber: '555', type: 'Cell' } };
      const reordered = { firstName: 'Grace', email: 'grace@example.org', lastName: 'Hopper', billingAddress: null, shippingAddress: null, primaryPhoneNumber: null };
      av.tickets.find((t) => t.barcode === 'AAA111')!.patron = seedShaped;
      av.tickets.find((t) => t.barcode === 'AAA222')!.patron = reordered;
      await downloadValidTickets(av.session, ALL);
      const db = await scannerDb();
      const segments = await new Promise<Uint8Array[]>((resolve, reject) => {
        const request = db.transaction('tickets', 'readonly').objectStore('tickets').getAll();
        request.onsuccess = () => resolve(request.result as Uint8Array[]);
        request.onerror = () => reject(request.error);
      });
      const rows = segments.flatMap((bytes) => new TextDecoder().decode(bytes).split('\n'));
      const rowOf = (email: string) => rows.find((row) => row.includes(email)) ?? '';
      const ada = rowOf('ada@example.org');
      assert.ok(ada.includes('"Ada","Lovelace",["40 Congress Street",null,"Portland","ME","04101","US"]'), ada);
      for (const key of ['email', 'firstName', 'lastName', 'billingAddress', 'shippingAddress', 'primaryPhoneNumber', 'line1', 'line2', 'city', 'state', 'zipCode', 'country', 'phoneNumber', 'type']) {
        assert.ok(!ada.includes(`"${key}":`), `the seed-shaped patron's row names ${key}: ${ada}`);
      }
      assert.ok(rowOf('grace@example.org').includes('{"firstName":"Grace","email":"grace@example.org"'), rowOf('grace@example.org'));
      assert.deepEqual((await recordOfflineScan('AAA111', ALL, T0)).ticket!.patron, seedShaped);
      assert.deepEqual((await recordOfflineScan('AAA222', ALL, T0)).ticket!.patron, reordered);
    });

    it('a second download cancels the first; an aborted download changes nothing', async () => {
      await downloadValidTickets(av.session, PERF_A);
      const controller = new AbortController();
      controller.abort(new DOMException('stop', 'AbortError'));
      await assert.rejects(downloadValidTickets(av.session, ALL, { signal: controller.signal }));
      assert.equal((await cacheInfo())!.tickets, 4);
      const first = downloadValidTickets(av.session, PERF_A);
      const second = downloadValidTickets(av.session, ALL);
      await assert.rejects(first, (e: Error) => e.name === 'AbortError' && e.message === 'A newer download replaced this one');
      assert.equal((await second).tickets, 6);
    });

    it("the caller's abort during a download stops it; the previous list stays", async () => {
      await downloadValidTickets(av.session, PERF_A);
      const controller = new AbortController();
      const pressStop: FetchWrapper = (input, init, underneath) => {
        controller.abort(new DOMException('staff pressed stop', 'AbortError'));
        return underneath(input, init);
      };
      await withFetchWrapped(pressStop, () =>
        assert.rejects(downloadValidTickets(av.session, ALL, { signal: controller.signal }), (e: Error) => e.message === 'staff pressed stop'),
      );
      assert.equal((await cacheInfo())!.tickets, 4);
    });

    it('a sign-out during a download stops it with its reason, not after it finished', async () => {
      const download = downloadValidTickets(av.session, ALL);
      await wipeScannerData();
      await assert.rejects(download, (e: Error) => e.name === 'AbortError' && e.message === 'The scanner data was closed');
    });

    it('progress: the first tickets at once, then at most every half second, and the end', async () => {
      const many: FakeTicket[] = Array.from({ length: 450 }, (_, i) => ({ ticketId: 1000 + i, barcode: `M${i}`, performanceId: 100, productionId: 10, clientId: CLIENT }));
      av.tickets.push(...many);
      // A clock that stands still: every batch of tickets after the first falls inside the half second.
      const realPerformance = globalThis.performance;
      Object.defineProperty(globalThis, 'performance', { value: { now: () => 1_000 }, configurable: true, writable: true });
      const seen: number[] = [];
      try {
        await downloadValidTickets(av.session, ALL, { onProgress: (p) => seen.push(p.tickets) });
      } finally {
        Object.defineProperty(globalThis, 'performance', { value: realPerformance, configurable: true, writable: true });
      }
      assert.equal(seen.length, 2, `told ${seen.join(', ')}`);
      assert.ok(seen[0]! < 456, 'the first batch, at once');
      assert.equal(seen[1], 456);
    });

    it('an empty list tells no progress', async () => {
      av.tickets.length = 0;
      const seen: unknown[] = [];
      await downloadValidTickets(av.session, ALL, { onProgress: (p) => seen.push(p) });
      assert.deepEqual(seen, []);
    });

    it('a download cut mid-stream starts over: the list holds each ticket once', async () => {
      const seen = dropFirstListMidStream();
      const info = await downloadValidTickets(av.session, ALL);
      assert.equal(seen.lists, 2, 'asked again after the cut');
      assert.equal(info.tickets, 6);
      assert.equal((await cacheInfo())!.tickets, 6);
    });

    it('a door set to one production accepts tickets of a list downloaded for all productions', async () => {
      await downloadValidTickets(av.session, ALL);
      assert.equal((await recordOfflineScan('AAA111', { clientId: CLIENT, productionId: 10, performanceId: null }, T0)).verdict, 'valid');
    });

    it('a list stored before the door count existed is described without one', async () => {
      await downloadValidTickets(av.session, ALL);
      const db = await scannerDb();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('cache', 'readwrite');
        const store = tx.objectStore('cache');
        const get = store.get('current');
        get.onsuccess = () => {
          const { admissible: _a, admitted: _b, marksSince: _c, ...old } = get.result;
          store.put(old, 'current');
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const info = (await cacheInfo())!;
      assert.equal(info.tickets, 6);
      assert.equal(info.doorCount, undefined);
    });

    it('two online checks that got no answer both count as sent: neither is taken for a double admission', async () => {
      await downloadValidTickets(av.session, ALL);
      av.admitElsewhere('AAA111');
      av.admitElsewhere('AAA222');
      await recordOfflineScan('AAA111', ALL, T0, { maybeSent: true });
      await recordOfflineScan('AAA222', ALL, T0 + 1000, { maybeSent: true });
      const report = await replayPendingScans(av.session);
      assert.equal(report.acknowledged, 2);
      assert.deepEqual(report.failed, []);
    });
  });

  describe('replaying the queue', () => {
    async function scanOffline(...barcodes: string[]) {
      await downloadValidTickets(av.session, ALL);
      let t = T0;
      for (const barcode of barcodes) assert.equal((await recordOfflineScan(barcode, ALL, (t += 1000))).verdict, 'valid', barcode);
    }

    it('sends every queued scan once, in scan order, and empties the queue', async () => {
      await scanOffline('AAA111', 'AAA222');
      const report = await replayPendingScans(av.session);
      assert.equal(report.acknowledged, 2);
      assert.equal(report.pending, 0);
      assert.deepEqual(report.failed, []);
      assert.equal(report.stoppedBy, undefined);
      assert.equal(report.accessTokenExpiration, 5678);
      assert.deepEqual(av.inserts.map((i) => [i.barcode, i.scanTime]), [['AAA111', T0 + 1000], ['AAA222', T0 + 2000]]);
      assert.equal(av.syncBodies[0].clientId, CLIENT);
      assert.equal(av.syncBodies[0].performanceId, 100);
      const again = await replayPendingScans(av.session);
      assert.equal(again.acknowledged, 0);
      assert.equal(av.inserts.length, 2, 'nothing sent twice');
    });

    it('one performance a batch, batches of the size asked', async () => {
      await scanOffline('AAA111', 'BBB111', 'AAA222', 'AAA333', 'CCC111');
      const report = await replayPendingScans(av.session, { batchSize: 2 });
      assert.equal(report.acknowledged, 5);
      const batches = av.syncBodies.map((b) => [b.performanceId, b.tickets.map((t: { barcode: string }) => t.barcode)]);
      assert.deepEqual(batches, [
        [100, ['AAA111', 'AAA222']],
        [100, ['AAA333']],
        [200, ['BBB111']],
        [300, ['CCC111']],
      ]);
      assert.deepEqual(av.syncBodies[0].tickets[0], { ticketId: 1, performanceId: 100, barcode: 'AAA111', barcodeString: 'AAA111', scanTime: T0 + 1000 });
    });

    it('an answer lost on the way: the scan stays queued, and is not inserted again on the next replay', async () => {
      for (const repeat of ['accepted', 'refused'] as const) {
        await closeScannerDb();
        (globalThis as { indexedDB: IDBFactory }).indexedDB = new IDBFactory();
        av.restore();
        av = new FakeAudienceView(tickets());
        av.repeat = repeat;
        await scanOffline('AAA111', 'AAA222');
        av.loseNextAnswer = true;
        const lost = await replayPendingScans(av.session);
        assert.equal(lost.stoppedBy?.name, 'NetworkError', repeat);
        assert.equal(lost.pending, 2);
        assert.equal(lost.acknowledged, 0);
        assert.deepEqual((await pendingScans()).map((s) => s.attempts), [1, 1]);
        const replay = await replayPendingScans(av.session);
        assert.equal(replay.acknowledged, 2, repeat);
        assert.equal(replay.pending, 0);
        assert.deepEqual(replay.failed, [], repeat);
        assert.equal(av.insertsOf('AAA111'), 1, `${repeat}: counted once`);
        assert.equal(av.insertsOf('AAA222'), 1, `${repeat}: counted once`);
      }
    });

    it('a ticket admitted by another device meanwhile is a double admission for staff, not sent', async () => {
      await scanOffline('AAA111', 'AAA222');
      av.admitElsewhere('AAA111');
      const report = await replayPendingScans(av.session);
      assert.equal(report.acknowledged, 1);
      assert.equal(report.failed.length, 1);
      const [conflict] = report.failed;
      assert.equal(conflict!.barcode, 'AAA111');
      // The words staff read, written here: a change to them must be seen (not the product's own constant).
      assert.equal(conflict!.reason, 'Already admitted on another device while this one was offline.');
      assert.equal(conflict!.conflict, true);
      assert.equal(conflict!.scanTime, T0 + 1000);
      assert.deepEqual(conflict!.ticket, { performance: 'Evening 100', section: 'Stalls', seat: 'A1', orderConsumerName: 'Ada Lovelace' });
      assert.deepEqual(doubleAdmissionsOf(report), [{ barcode: 'AAA111', scannedAt: T0 + 1000 }]);
      assert.equal(av.insertsOf('AAA111'), 0);
      assert.equal(av.insertsOf('AAA222'), 1);
      assert.deepEqual((await failedScans()).map((f) => f.barcode), ['AAA111']);
    });

    it('under the refusing reading, a repeat never sent before is a conflict too', async () => {
      av.repeat = 'refused';
      await scanOffline('AAA111');
      // Admitted elsewhere after the check against the list: the server refuses the repeat.
      const report = await withFetchWrapped(admittedElsewhereAsSent('AAA111'), () => replayPendingScans(av.session));
      assert.equal(report.failed.length, 1);
      assert.equal(report.failed[0]!.conflict, true);
      assert.equal(report.failed[0]!.reason, 'Ticket has already been scanned.');
      assert.equal(report.acknowledged, 0);
    });

    it("keeps the server's refusal with its reason until staff acknowledge it", async () => {
      await scanOffline('AAA111', 'AAA222');
      av.tickets.find((t) => t.barcode === 'AAA222')!.status = 'refunded';
      av.extraFailures = [{ barcode: 'GHOST9', reason: 'Ticket ID not found.' }];
      const report = await replayPendingScans(av.session);
      assert.equal(report.acknowledged, 1);
      assert.deepEqual(report.failed.map((f) => [f.barcode, f.reason, f.conflict]), [
        ['AAA222', 'Ticket is refunded or voided.', false],
        ['ghost9', 'Ticket ID not found.', false],
      ]);
      assert.equal(report.failed[0]!.ticket?.section, 'Stalls');
      assert.deepEqual((await failedScans()).map((f) => f.barcode).sort(), ['AAA222', 'ghost9']);
      await acknowledgeFailedScan(' aaa222 ');
      assert.deepEqual((await failedScans()).map((f) => f.barcode), ['ghost9']);
      assert.equal(await pendingCount(), 0);
    });

    it('a refusal without a reason still says it was refused', async () => {
      await scanOffline('AAA111');
      av.extraFailures = [{ barcode: 'AAA111', reason: undefined as unknown as string }];
      const report = await replayPendingScans(av.session);
      assert.equal(report.failed[0]!.reason, 'Refused by the server.');
      assert.equal(report.failed[0]!.conflict, false);
    });

    it('a session the server ended stops the replay; every scan stays for after sign-in', async () => {
      await scanOffline('AAA111', 'BBB111');
      av.nextSyncError = { errorCodeId: 3, forceLogout: true };
      const report = await replayPendingScans(av.session);
      assert.equal(report.stoppedBy?.name, 'VendorError');
      assert.equal((report.stoppedBy as { forceLogout?: boolean }).forceLogout, true);
      assert.equal(report.pending, 2);
      assert.equal(av.inserts.length, 0);
      assert.deepEqual((await pendingScans()).map((s) => s.attempts), [0, 0], 'a refused batch does not count as sent');
      const later = await replayPendingScans(av.session);
      assert.equal(later.acknowledged, 2);
    });

    it('a batch refused whole is skipped this time; the other performances still go', async () => {
      await scanOffline('AAA111', 'BBB111');
      av.nextSyncError = { errorCodeId: 7, forceLogout: false };
      const report = await replayPendingScans(av.session);
      assert.equal(report.acknowledged, 1);
      assert.equal(report.pending, 1);
      assert.equal(report.stoppedBy?.name, 'VendorError');
      assert.deepEqual(av.inserts.map((i) => i.barcode), ['BBB111']);
      assert.deepEqual((await pendingScans()).map((s) => [s.barcode, s.attempts]), [['AAA111', 0]]);
    });

    it('offline: nothing leaves the queue', async () => {
      await scanOffline('AAA111');
      av.syncUnreachable = true;
      const report = await replayPendingScans(av.session);
      assert.equal(report.stoppedBy?.name, 'NetworkError');
      assert.equal(report.pending, 1);
      assert.equal(report.acknowledged, 0);
    });

    it('an online check that got no answer counts as sent once: "already scanned" then means delivered', async () => {
      await downloadValidTickets(av.session, ALL);
      av.admitElsewhere('AAA111'); // what the lost online check did
      await recordOfflineScan('AAA111', ALL, T0, { maybeSent: true });
      assert.deepEqual((await pendingScans()).map((s) => s.attempts), [1]);
      const report = await replayPendingScans(av.session);
      assert.equal(report.acknowledged, 1);
      assert.deepEqual(report.failed, []);
      assert.equal(av.inserts.length, 0);
    });

    it('replays queue behind each other, never two at once', async () => {
      await scanOffline('AAA111', 'AAA222');
      const [a, b] = await Promise.all([replayPendingScans(av.session), replayPendingScans(av.session)]);
      assert.equal(a.acknowledged + b.acknowledged, 2);
      assert.equal(av.inserts.length, 2);
    });

    it('a queue checked against the list moments ago is not downloaded again', async () => {
      await scanOffline('AAA111');
      av.nextSyncError = { errorCodeId: 7, forceLogout: false };
      await replayPendingScans(av.session);
      const lists = av.listRequests.length;
      await replayPendingScans(av.session);
      assert.equal(av.listRequests.length, lists, 'no second list within two minutes');
      assert.equal(av.listRequests.at(-1)!.get('performanceId'), '100');
    });

    /** What stays on disk as "sent without an answer": batch records, by id. */
    async function sentOnDisk(): Promise<string[][]> {
      const db = await scannerDb();
      return new Promise((resolve, reject) => {
        const request = db.transaction('sent', 'readonly').objectStore('sent').getAll();
        request.onsuccess = () => resolve((request.result as { keys: string[] }[]).map((batch) => batch.keys));
        request.onerror = () => reject(request.error);
      });
    }

    it('answered batches leave nothing recorded as sent; unanswered ones stay, each attempt counted', async () => {
      await scanOffline('AAA111', 'BBB111');
      av.syncUnreachable = true;
      await replayPendingScans(av.session);
      await replayPendingScans(av.session);
      assert.deepEqual((await pendingScans()).map((s) => [s.barcode, s.attempts]), [['AAA111', 2], ['BBB111', 0]], 'two attempts that never reached the server');
      assert.deepEqual(await sentOnDisk(), [['aaa111'], ['aaa111']]);
      av.syncUnreachable = false;
      const report = await replayPendingScans(av.session, { batchSize: 1 });
      assert.equal(report.acknowledged, 2);
      assert.deepEqual(await sentOnDisk(), []);
      assert.equal(av.insertsOf('AAA111'), 1);
    });

    it('a batch refused whole and one answered in part by the list leave the right records', async () => {
      await scanOffline('AAA111', 'AAA222', 'BBB111');
      // Sent, answer lost: the server applied AAA111 only (AAA222 it never got to).
      const appliedThenLost: FetchWrapper = async (input, init, underneath) => {
        if (!String(input).includes('syncScans')) return underneath(input, init);
        av.admitElsewhere('AAA111');
        throw new TypeError('network connection was lost');
      };
      await withFetchWrapped(appliedThenLost, () => replayPendingScans(av.session));
      assert.deepEqual(await sentOnDisk(), [['aaa111', 'aaa222']]);
      // Next replay: the list shows AAA111 applied (delivered, not sent again); AAA222 stays "sent
      // once" until answered.
      av.nextSyncError = { errorCodeId: 7, forceLogout: false };
      const report = await replayPendingScans(av.session, { batchSize: 1 });
      assert.deepEqual(report.failed, []);
      assert.equal(av.insertsOf('AAA111'), 0, 'AAA111 was applied by the lost send, not sent again');
      // AAA222's own batch was refused whole (it does not count); the lost send still does.
      assert.deepEqual((await pendingScans()).map((s) => [s.barcode, s.attempts]), [['AAA222', 1]]);
      assert.deepEqual(await sentOnDisk(), [['aaa222']]);
      assert.equal(av.insertsOf('BBB111'), 1);
      const final = await replayPendingScans(av.session);
      assert.equal(final.pending, 0);
      assert.deepEqual(await sentOnDisk(), []);
      assert.equal(av.insertsOf('AAA222'), 1);
    });

    it('a scan made after the last check is checked before it goes, even when older ones were checked moments ago', async () => {
      await scanOffline('AAA111');
      av.nextSyncError = { errorCodeId: 7, forceLogout: false };
      await replayPendingScans(av.session);
      // Another device admits AAA222, then this one scans it offline (its list was older).
      await recordOfflineScan('AAA222', ALL, T0 + 5000);
      av.admitElsewhere('AAA222');
      const report = await replayPendingScans(av.session);
      assert.deepEqual(doubleAdmissionsOf(report).map((d) => d.barcode), ['AAA222']);
      assert.equal(av.insertsOf('AAA222'), 0);
    });

    it('each performance in the queue is checked against its own list', async () => {
      await scanOffline('AAA111', 'BBB111');
      av.admitElsewhere('BBB111');
      const report = await replayPendingScans(av.session);
      assert.deepEqual(doubleAdmissionsOf(report).map((d) => d.barcode), ['BBB111']);
      assert.equal(av.insertsOf('BBB111'), 0);
      assert.deepEqual(av.listRequests.slice(1).map((q) => q.get('performanceId')).sort(), ['100', '200'], 'after the download of the door list');
    });

    it('a list check cut mid-stream starts over: a scan found in both attempts is counted once', async () => {
      await scanOffline('AAA111', 'AAA222');
      av.loseNextAnswer = true;
      await replayPendingScans(av.session);
      const seen = dropFirstListMidStream();
      const report = await replayPendingScans(av.session);
      assert.equal(seen.lists, 2, 'asked again after the cut');
      assert.equal(report.acknowledged, 2);
      assert.equal(report.pending, 0);
    });

    it('tickets another device admitted that this one never scanned do not disturb the replay', async () => {
      await scanOffline('AAA111');
      av.admitElsewhere('AAA333');
      av.admitElsewhere('BBB111');
      const report = await replayPendingScans(av.session);
      assert.equal(report.stoppedBy, undefined);
      assert.equal(report.acknowledged, 1);
      assert.deepEqual(report.failed, []);
    });

    it("sending a batch keeps the caller's time limit (a door's short one)", async function () {
      this.timeout(2500);
      await scanOffline('AAA111');
      const syncNeverAnswers: FetchWrapper = (input, init, underneath) =>
        String(input).includes('syncScans')
          ? new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))
          : underneath(input, init);
      const report = await withFetchWrapped(syncNeverAnswers, () => replayPendingScans(av.session, { timeoutMs: 100 }));
      assert.equal(report.stoppedBy?.name, 'TimeoutError');
      assert.equal(report.pending, 1);
    });

    it('a scan sent before whose send reached the server late: "already scanned" then means delivered', async () => {
      av.repeat = 'refused';
      await scanOffline('AAA111');
      av.syncUnreachable = true;
      await replayPendingScans(av.session);
      av.syncUnreachable = false;
      // The list still says not scanned; the first send lands just before the second.
      const report = await withFetchWrapped(admittedElsewhereAsSent('AAA111'), () => replayPendingScans(av.session));
      assert.equal(av.insertsOf('AAA111'), 0, 'the server refused this send as a repeat');
      assert.equal(report.acknowledged, 1);
      assert.deepEqual(report.failed, []);
    });

    it('a scan timed inside a batch (a clock set back) while the batch was out is not lost with it', async () => {
      await scanOffline('AAA111', 'AAA222');
      let once = true;
      const scannedWhileOut: FetchWrapper = async (input, init, underneath) => {
        if (String(input).includes('syncScans') && once) {
          once = false;
          assert.equal((await recordOfflineScan('AAA333', ALL, T0 + 1500)).verdict, 'valid');
        }
        return underneath(input, init);
      };
      await withFetchWrapped(scannedWhileOut, () => replayPendingScans(av.session));
      await replayPendingScans(av.session);
      assert.equal(av.insertsOf('AAA333'), 1, 'sent (in this replay or the next), never dropped with the batch around it');
      assert.equal(await pendingCount(), 0);
    });

    it('a refusal list with holes (null, no barcode) is read without breaking the replay', async () => {
      await scanOffline('AAA111');
      av.extraFailures = [null as never, { reason: 'Unknown ticket.' } as never];
      const report = await replayPendingScans(av.session);
      assert.equal(report.stoppedBy, undefined);
      assert.equal(report.acknowledged, 1);
      // Both name no barcode: one refusal under the empty barcode, the later reason kept.
      assert.deepEqual(report.failed.map((f) => [f.barcode, f.reason]), [['', 'Unknown ticket.']]);
    });

    it('recognises the server\'s "already scanned" wordings', () => {
      for (const yes of ['Ticket has already been scanned.', 'already scanned', 'ALREADY  BEEN SCANNED', 'already been  scanned']) assert.equal(isAlreadyScannedReason(yes), true, yes);
      for (const no of ['Ticket is refunded or voided.', 'scanned already', 'already been']) assert.equal(isAlreadyScannedReason(no), false, no);
    });
  });

  describe('sign-out and the session', () => {
    it('the session is kept on disk, and forgotten on sign-out', async () => {
      const session = { apiBase: av.apiBase, username: 'door1', accessToken: 'secret', accessTokenExpiration: 99 };
      await saveSession({ ...session, extra: 'not kept' } as typeof session);
      await closeScannerDb();
      assert.deepEqual(await loadSession(), session);
      await clearSession();
      assert.equal(await loadSession(), undefined);
    });

    it('sign-out keeping the queue: scans and marks stay, names and tickets go', async () => {
      await downloadValidTickets(av.session, ALL);
      await recordOfflineScan('AAA111', ALL, T0);
      await recordOfflineScan('AAA222', ALL, T0 + 1);
      av.tickets.find((t) => t.barcode === 'AAA222')!.status = 'refunded';
      await replayPendingScans(av.session);
      await recordOfflineScan('AAA333', ALL, T0 + 2);
      await saveSession({ apiBase: av.apiBase, username: 'door1', accessToken: 'x', accessTokenExpiration: null });
      await wipeScannerData({ keepQueue: true });
      assert.equal(await loadSession(), undefined);
      assert.equal(await cacheInfo(), undefined);
      assert.equal(await pendingCount(), 1);
      const [failed] = await failedScans();
      assert.equal(failed!.barcode, 'AAA222');
      assert.equal(failed!.ticket?.orderConsumerName, null);
      assert.equal(failed!.ticket?.seat, 'A1');
      assert.equal((await recordOfflineScan('AAA333', ALL, T0 + 3)).verdict, 'duplicate', 'marks stay');
      await wipeScannerData();
      assert.equal(await pendingCount(), 0);
      assert.deepEqual(await failedScans(), []);
      assert.equal((await recordOfflineScan('AAA333', ALL, T0 + 3)).verdict, 'unknown');
    });

    it('a sign-out stops a download under way', async () => {
      const download = downloadValidTickets(av.session, ALL);
      await wipeScannerData();
      await download.catch(() => undefined);
      await wipeScannerData();
      assert.equal(await cacheInfo(), undefined);
    });

    it('barcodes are one key whatever their case or spaces', () => {
      assert.equal(barcodeKey('  AbC12 '), 'abc12');
    });
  });

  describe('the database other tabs and releases share', () => {
    /** The raw database, as another tab or the next release opens it. */
    function rawDb(version?: number): Promise<IDBDatabase> {
      return new Promise((resolve, reject) => {
        const open = indexedDB.open('ticket-scanner', version);
        open.onupgradeneeded = () => void open.result.createObjectStore('other');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
    }
    const read = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));

    it("keeps the queue and the list in IndexedDB 'ticket-scanner', the list's record under 'current'", async () => {
      await downloadValidTickets(av.session, ALL);
      await recordOfflineScan('AAA111', ALL, T0);
      await closeScannerDb();
      const db = await rawDb();
      try {
        const tx = db.transaction(['queue', 'cache'], 'readonly');
        const [queued, current] = await Promise.all([read(tx.objectStore('queue').getAll()), read(tx.objectStore('cache').get('current'))]);
        assert.deepEqual((queued as { barcode: string }[]).map((q) => q.barcode), ['AAA111']);
        assert.equal((current as { filter: ScanFilter }).filter.clientId, CLIENT);
      } finally {
        db.close();
      }
    });

    it('another tab deleting the database is let through; the scanner opens a new one on next use', async () => {
      await downloadValidTickets(av.session, ALL);
      await recordOfflineScan('AAA111', ALL, T0);
      await new Promise<void>((resolve, reject) => {
        const deletion = indexedDB.deleteDatabase('ticket-scanner');
        deletion.onsuccess = () => resolve();
        deletion.onerror = () => reject(deletion.error);
      });
      assert.equal(await pendingCount(), 0);
      assert.equal((await recordOfflineScan('AAA111', ALL, T0 + 1)).verdict, 'unknown', 'no list in the new database');
    });

    it('a database a newer release upgraded is an error the door is told, not a hang', async () => {
      (await rawDb(9)).close();
      await assert.rejects(scannerDb(), (e: Error) => e.name === 'VersionError');
    });

    it('a database of the release before (version 1, no device store) opens, with the scans it was waiting to send', async () => {
      // As version 1 left it on a door phone: every store but 'device', and an offline scan still queued.
      const waiting = { barcode: 'AAA111', ticketId: 1, performanceId: 100, clientId: CLIENT, productionId: 10, scanTime: T0 };
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ticket-scanner', 1);
        open.onupgradeneeded = () => {
          for (const name of ['session', 'cache', 'tickets', 'scanned', 'queue', 'sent', 'failed']) open.result.createObjectStore(name);
          open.transaction!.objectStore('queue').put(waiting, [`${CLIENT}|10|100`, T0, 'aaa111']);
        };
        open.onsuccess = () => (open.result.close(), resolve());
        open.onerror = () => reject(open.error);
      });
      assert.deepEqual(await pendingScans(), [{ ...waiting, attempts: 0 }]);
      assert.equal(await pendingCount(), 1);
    });

    it('sign-out keeping the queue leaves a refusal without ticket details without any', async () => {
      await downloadValidTickets(av.session, ALL);
      await recordOfflineScan('AAA111', ALL, T0);
      av.extraFailures = [{ barcode: 'GHOST9', reason: 'Ticket ID not found.' }];
      await replayPendingScans(av.session);
      await wipeScannerData({ keepQueue: true });
      const ghost = (await failedScans()).find((f) => f.barcode === 'ghost9')!;
      assert.equal(ghost.ticket, undefined);
    });
  });

  describe('a full disk', () => {
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

    /** Makes every write to `queue` fail for lack of room while `full()` says so. */
    function diskFull(full: () => boolean): () => void {
      const proto = (globalThis as any).IDBObjectStore.prototype;
      const put = proto.put;
      proto.put = function (this: IDBObjectStore, ...args: unknown[]) {
        if (full() && this.name === 'queue') throw quota();
        return put.apply(this, args);
      };
      return () => void (proto.put = put);
    }

    it('a valid scan is held in memory, said so, and is still a duplicate when scanned again', async () => {
      await downloadValidTickets(av.session, ALL);
      let full = true;
      const restore = diskFull(() => full);
      try {
        const held = await recordOfflineScan('AAA111', ALL, T0);
        assert.equal(held.verdict, 'valid');
        assert.equal(held.heldInMemory, true);
        assert.equal(heldScans.count, 1);
        assert.equal(await pendingCount(), 1);
        assert.equal((await recordOfflineScan('aaa111', ALL, T0 + 1)).verdict, 'duplicate');
        assert.equal((await recordOfflineScan('REF111', ALL, T0 + 1)).verdict, 'invalid');
        assert.equal(heldScans.count, 1);
        // Still full at replay: sent from memory, answered, forgotten.
        const report = await replayPendingScans(av.session);
        assert.equal(report.acknowledged, 1);
        assert.equal(report.pending, 0);
        assert.equal(heldScans.count, 0);
        assert.equal(av.insertsOf('AAA111'), 1);
        // Room again: a held scan joins the durable queue before the replay.
        await recordOfflineScan('AAA222', ALL, T0 + 2);
        await recordOfflineScan('BBB111', ALL, T0 + 3);
        assert.equal(heldScans.count, 2);
        full = false;
        assert.equal(await heldScans.saveToQueue(), 0);
        assert.deepEqual((await pendingScans()).map((s) => s.barcode), ['AAA222', 'BBB111']);
        assert.equal((await recordOfflineScan('AAA222', ALL, T0 + 4)).verdict, 'duplicate', 'its mark went to disk with it');
      } finally {
        restore();
      }
    });

    it('held scans are sent a performance at a time; refusals kept with their reason', async () => {
      await downloadValidTickets(av.session, ALL);
      const restore = diskFull(() => true);
      try {
        await recordOfflineScan('AAA111', ALL, T0);
        await recordOfflineScan('BBB111', ALL, T0 + 1);
        await recordOfflineScan('AAA222', ALL, T0 + 2);
        av.tickets.find((t) => t.barcode === 'AAA222')!.status = 'refunded';
        av.admitElsewhere('BBB111');
        av.repeat = 'refused';
        const report = await replayPendingScans(av.session, { batchSize: 5 });
        assert.deepEqual(av.syncBodies.map((b) => b.tickets.map((t: { barcode: string }) => t.barcode)), [['AAA111', 'AAA222'], ['BBB111']]);
        assert.equal(report.acknowledged, 2, 'its own earlier copy counts as delivered');
        assert.deepEqual(report.failed.map((f) => [f.barcode, f.reason, f.conflict]), [['AAA222', 'Ticket is refunded or voided.', false]]);
        assert.equal(heldScans.count, 0);
      } finally {
        restore();
      }
    });

    it('a ticket scanned before the disk filled is still a duplicate while it is full', async () => {
      await downloadValidTickets(av.session, ALL);
      assert.equal((await recordOfflineScan('AAA111', ALL, T0)).verdict, 'valid');
      const restore = diskFull(() => true);
      try {
        assert.equal((await recordOfflineScan('AAA111', ALL, T0 + 1)).verdict, 'duplicate');
        assert.equal(heldScans.count, 0);
      } finally {
        restore();
      }
    });

    it('a write failing for another reason than room is an error the door shows, not a scan held in memory', async () => {
      await downloadValidTickets(av.session, ALL);
      const proto = (globalThis as any).IDBObjectStore.prototype;
      const put = proto.put;
      proto.put = function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === 'queue') throw new DOMException('disk error', 'UnknownError');
        return put.apply(this, args);
      };
      try {
        await assert.rejects(recordOfflineScan('AAA111', ALL, T0), (e: Error) => e.name === 'UnknownError');
      } finally {
        proto.put = put;
      }
      assert.equal(heldScans.count, 0);
    });

    it('knows a quota error', () => {
      assert.equal(isQuotaError(quota()), true);
      assert.equal(isQuotaError(new Error('x')), false);
      assert.equal(isQuotaError(null), false);
    });

    it('the database opens again after a failure to open', async () => {
      const factory = (globalThis as { indexedDB: IDBFactory }).indexedDB;
      const open = factory.open;
      let fail = true;
      factory.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        if (fail) throw new DOMException('blocked', 'UnknownError');
        return open.apply(this, args);
      } as IDBFactory['open'];
      await assert.rejects(scannerDb());
      fail = false;
      assert.ok(await scannerDb());
    });
  });
});
