import { expect } from '@open-wc/testing';
import { validateTicket } from '../../../api/audienceview/scanning.js';
import { VendorError } from '../../../api/errors.js';
import type { FaultRule } from '../../../../test/mock.js';
import { LANTERN_WALK, freshScannerDb, openScannerWorld, type ControlTicket, type ScannerWorld } from '../../../../test/scanner-world.js';
import { acknowledgeFailedScan, doubleAdmissionsOf, failedScans, pendingCount, pendingScans, replayPendingScans } from './scan-queue.js';
import { closeScannerDb } from './scanner-db.js';
import { recordOfflineScan, type ScanFilter } from './ticket-cache.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('scan queue: durable replay to syncScans', () => {
  let world: ScannerWorld;
  let filter: ScanFilter;
  let walk: number;
  beforeEach(async () => {
    world = await openScannerWorld({ download: true });
    ({ walk, filter } = world);
  });
  after(freshScannerDb);

  /** Scans `count` valid tickets offline, a minute apart, the oldest `count` minutes ago. */
  const scanOffline = async (count: number): Promise<ControlTicket[]> => {
    const tickets = await world.tickets(walk, 'valid', count);
    expect(tickets).to.have.length(count);
    for (const [i, ticket] of tickets.entries()) {
      expect((await recordOfflineScan(ticket.barcode, filter, Date.now() - (count - i) * MINUTE)).verdict).to.equal('valid');
    }
    return tickets;
  };
  const syncRequests = async () => (await world.mock.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('syncScans'));
  /** Each ticket reached the server exactly once, with the time it was scanned. */
  const expectAppliedOnce = async (tickets: ControlTicket[]) => {
    const applied = await world.mock.received<{ barcode: string; scanTime: number }>('syncScans');
    expect(applied.map((a) => a.barcode).sort()).to.deep.equal(tickets.map((t) => t.barcode).sort());
  };
  /** Faults for the second syncScans request onwards: the first passes (a 1 ms delay), then `rule`. */
  const fromSecondBatch = (rule: FaultRule): FaultRule[] => [
    { vendor: 'audienceview', path: 'syncScans', kind: 'delay', delayMs: 1, times: 1 },
    { vendor: 'audienceview', path: 'syncScans', ...rule },
  ];

  it('sends the queue in batches with the original scan times, and empties it only as batches are answered', async () => {
    const tickets = await scanOffline(7);
    const queued = await pendingScans();
    expect(queued.map((s) => s.barcode)).to.deep.equal(tickets.map((t) => t.barcode));
    expect(queued.every((s) => s.attempts === 0 && s.clientId === 284 && s.productionId === LANTERN_WALK && s.performanceId === walk)).to.equal(true);

    const report = await replayPendingScans(world.session, { batchSize: 3 });
    expect(report).to.include({ acknowledged: 7, pending: 0 });
    expect(report.failed).to.deep.equal([]);
    expect(report.stoppedBy).to.equal(undefined);
    expect(report.accessTokenExpiration).to.be.a('number');
    expect(await syncRequests()).to.have.length(3);
    const applied = await world.mock.received<{ barcode: string; scanTime: number }>('syncScans');
    expect(applied.map((a) => [a.barcode, a.scanTime])).to.deep.equal(queued.map((s) => [s.barcode, s.scanTime]));
    expect(await pendingCount()).to.equal(0);
  });

  it('survives a reload halfway through a sync: the batch in flight is sent again and counted once', async () => {
    const tickets = await scanOffline(6);
    await world.mock.fault(fromSecondBatch({ kind: 'delay', delayMs: 700, times: 1 }));
    const interrupted = replayPendingScans(world.session, { batchSize: 2 });
    // The second batch is marked as sent and on its way: the page goes.
    const secondBatchSent = async () => {
      const pending = await pendingScans();
      return pending.length === 4 && pending.filter((s) => s.attempts > 0).length === 2;
    };
    while (!(await secondBatchSent())) await new Promise((r) => setTimeout(r, 10));
    await closeScannerDb();
    const lost = await interrupted;
    expect(lost.stoppedBy?.name).to.equal('InvalidStateError');

    // The server applied the second batch, but the page never stored its answer.
    expect((await world.mock.received('syncScans')).length).to.equal(4);
    expect(await pendingCount()).to.equal(4);
    const report = await replayPendingScans(world.session, { batchSize: 2 });
    expect(report).to.include({ acknowledged: 4, pending: 0 });
    expect(report.failed).to.deep.equal([]);
    await expectAppliedOnce(tickets);
  });

  it('sends a batch again after its answer was lost, and does not call our own earlier send a failure', async () => {
    const tickets = await scanOffline(4);
    await world.mock.fault(fromSecondBatch({ kind: 'drop-after-apply', times: 1 }));
    const first = await replayPendingScans(world.session, { batchSize: 2 });
    expect(first.stoppedBy?.name).to.equal('NetworkError');
    expect(first).to.include({ acknowledged: 2, pending: 2 });
    expect((await pendingScans()).map((s) => s.attempts)).to.deep.equal([1, 1]);

    const second = await replayPendingScans(world.session, { batchSize: 2 });
    expect(second).to.include({ acknowledged: 2, pending: 0 });
    expect(second.failed).to.deep.equal([]);
    expect(await failedScans()).to.deep.equal([]);
    await expectAppliedOnce(tickets);
  });

  it('stops at an expired token mid-sync, keeps the rest, and finishes after the next sign-in', async () => {
    const tickets = await scanOffline(6);
    await world.mock.fault(fromSecondBatch({ kind: 'expired-token', times: 1 }));
    const stopped = await replayPendingScans(world.session, { batchSize: 2 });
    expect(stopped).to.include({ acknowledged: 2, pending: 4 });
    expect(stopped.stoppedBy).to.be.instanceOf(VendorError);
    expect((stopped.stoppedBy as VendorError).code).to.equal(5);
    expect((stopped.stoppedBy as VendorError).forceLogout).to.equal(true);

    const report = await replayPendingScans(await world.signIn(), { batchSize: 2 });
    expect(report).to.include({ acknowledged: 4, pending: 0 });
    await expectAppliedOnce(tickets);
  });

  it('keeps every scan when the server ends the session (forceLogout)', async () => {
    await scanOffline(3);
    await world.mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'vendor-error', code: 6, times: 1 });
    const report = await replayPendingScans(world.session);
    expect(report).to.include({ acknowledged: 0, pending: 3 });
    expect((report.stoppedBy as VendorError).forceLogout).to.equal(true);
    expect(await world.mock.received('syncScans')).to.deep.equal([]);
    // Refused in the vendor's own form, so not "sent": a later "already scanned" would be a conflict.
    expect((await pendingScans()).map((s) => s.attempts)).to.deep.equal([0, 0, 0]);
  });

  it('keeps a batch the server refused as a whole (not a session error) for the next replay', async () => {
    const tickets = await scanOffline(2);
    await world.mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'vendor-error', code: 16, times: 1 });
    const refused = await replayPendingScans(world.session);
    expect(refused).to.include({ acknowledged: 0, pending: 2 });
    expect((refused.stoppedBy as VendorError).forceLogout).to.equal(false);
    expect(await failedScans()).to.deep.equal([]);
    expect(await replayPendingScans(world.session)).to.include({ acknowledged: 2, pending: 0 });
    await expectAppliedOnce(tickets);
  });

  it("keeps the server's refusals (too old, in the future) with its reason until staff acknowledge them", async () => {
    const [old, future, fine] = await world.tickets(walk, 'valid', 3);
    await recordOfflineScan(old!.barcode, filter, Date.now() - 49 * HOUR);
    await recordOfflineScan(future!.barcode, filter, Date.now() + HOUR);
    await recordOfflineScan(fine!.barcode, filter);
    const report = await replayPendingScans(world.session);
    expect(report).to.include({ acknowledged: 1, pending: 0 });
    const byBarcode = new Map(report.failed.map((f) => [f.barcode, f]));
    expect(byBarcode.get(old!.barcode)?.reason).to.match(/more than 48 hours ago/);
    expect(byBarcode.get(future!.barcode)?.reason).to.match(/in the future/);
    expect(report.failed.every((f) => !f.conflict)).to.equal(true);

    await closeScannerDb(); // kept on disk
    expect((await failedScans()).map((f) => f.barcode).sort()).to.deep.equal([old!.barcode, future!.barcode].sort());
    expect(await replayPendingScans(world.session)).to.include({ acknowledged: 0, pending: 0 });
    await acknowledgeFailedScan(old!.barcode.toUpperCase());
    expect((await failedScans()).map((f) => f.barcode)).to.deep.equal([future!.barcode]);
  });

  it('reports a ticket another device scanned meanwhile as a conflict', async () => {
    const [mine, theirs] = await scanOffline(2);
    const otherDevice = await world.signIn();
    expect((await validateTicket(otherDevice, { barcodeString: theirs!.barcode, clientId: 284, performanceId: walk })).verdict).to.equal('valid');

    const report = await replayPendingScans(world.session);
    expect(report).to.include({ acknowledged: 1, pending: 0 });
    expect(report.failed).to.have.length(1);
    const [conflict] = report.failed;
    expect(conflict).to.include({ barcode: theirs!.barcode, conflict: true });
    expect(conflict!.reason).to.match(/already/i);
    expect(conflict!.ticket?.seat ?? conflict!.ticket?.section).to.be.a('string');
    expect((await failedScans()).map((f) => f.barcode)).to.deep.equal([theirs!.barcode]);
    expect((await world.applied()).get(mine!.barcode)).to.equal(1);
  });

  // syncScans has no idempotency key and lists no "already scanned" failure: exactly once must
  // hold whether the server inserts a repeat without a word or refuses it.
  for (const repeat of ['accepted', 'refused']) {
    describe(`when the server ${repeat === 'accepted' ? 'inserts a repeated scan again without a word' : 'refuses a repeated scan'}`, () => {
      beforeEach(() => world.mock.chooseReadings({ 'audienceview.syncScans.repeat': repeat }));

      it('does not send again a batch the server applied before its answer was lost (a fresh list says so)', async () => {
        const tickets = await scanOffline(4);
        await world.mock.fault(fromSecondBatch({ kind: 'drop-after-apply', times: 1 }));
        expect((await replayPendingScans(world.session, { batchSize: 2 })).stoppedBy?.name).to.equal('NetworkError');
        const second = await replayPendingScans(world.session, { batchSize: 2 });
        expect(second).to.include({ acknowledged: 2, pending: 0 });
        expect(second.failed).to.deep.equal([]);
        await expectAppliedOnce(tickets); // inserts, as the server recorded them
        expect(await syncRequests(), 'the applied batch was sent again').to.have.length(2);
      });

      it('reports a ticket admitted here offline and on another device meanwhile as a double admission, and does not send it', async () => {
        const [mine, theirs] = await scanOffline(2);
        const otherDevice = await world.signIn();
        expect((await validateTicket(otherDevice, { barcodeString: theirs!.barcode, clientId: 284, performanceId: walk })).verdict).to.equal('valid');
        const admittedHereAt = (await pendingScans()).find((s) => s.barcode === theirs!.barcode)!.scanTime;
        const report = await replayPendingScans(world.session);
        expect(report).to.include({ acknowledged: 1, pending: 0 });
        expect(doubleAdmissionsOf(report)).to.deep.equal([{ barcode: theirs!.barcode, scannedAt: admittedHereAt }]);
        expect(report.failed[0]).to.include({ barcode: theirs!.barcode, conflict: true });
        expect((await failedScans()).map((f) => [f.barcode, f.conflict])).to.deep.equal([[theirs!.barcode, true]]);
        const applied = await world.applied();
        expect(applied.get(mine!.barcode)).to.equal(1);
        expect(applied.get(theirs!.barcode), 'the other device\'s admission inserted again').to.equal(undefined);
      });
    });
  }

  it("asks for the list only with scans to send, once per replay, for the queue's performance", async () => {
    const listRequests = async () => (await world.mock.requests()).filter((r) => r.path.endsWith('cache/validTickets'));
    const before = (await listRequests()).length; // the door's own download
    await replayPendingScans(world.session);
    expect((await listRequests()).length, 'an empty queue needs no list').to.equal(before);
    await scanOffline(5);
    expect(await replayPendingScans(world.session, { batchSize: 2 })).to.include({ acknowledged: 5, pending: 0 });
    const asked = (await listRequests()).slice(before);
    expect(asked, 'one list for a replay of three batches').to.have.length(1);
    expect(new URLSearchParams(asked[0]!.query).get('performanceId')).to.equal(String(walk));
  });

  it('does nothing, and says so, when the queue is empty', async () => {
    expect(await replayPendingScans(world.session)).to.deep.equal({ acknowledged: 0, failed: [], pending: 0 });
    expect(await syncRequests()).to.deep.equal([]);
  });
});
