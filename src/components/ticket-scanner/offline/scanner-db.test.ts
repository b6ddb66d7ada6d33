import { expect } from '@open-wc/testing';
import { validateTicket } from '../../../api/audienceview/scanning.js';
import { rejection } from '../../../../test/rejection.js';
import { GALA, LANTERN_WALK, dumpScannerDb, freshScannerDb, openScannerWorld } from '../../../../test/scanner-world.js';
import { failedScans, pendingScans, replayPendingScans } from './scan-queue.js';
import { clearSession, closeScannerDb, loadSession, saveSession, wipeScannerData, type StoredSession } from './scanner-db.js';
import { cacheInfo, downloadValidTickets, recordOfflineScan } from './ticket-cache.js';

describe('scanner database: session and sign-out', () => {
  beforeEach(freshScannerDb);
  after(freshScannerDb);

  it('keeps the session in IndexedDB across a reload, never in Web Storage', async () => {
    const session: StoredSession = { apiBase: 'https://api.example', username: 'door@harbourlights.example', accessToken: 'token-123', accessTokenExpiration: 1_900_000_000_000 };
    await saveSession(session);
    await closeScannerDb();
    expect(await loadSession()).to.deep.equal(session);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    await clearSession();
    expect(await loadSession()).to.equal(undefined);
  });

  it('signs out leaving no ticket, patron data or token in IndexedDB, keeping unsent scans when asked', async function () {
    this.timeout(20_000);
    const world = await openScannerWorld();
    const { walk, filter } = world;
    await saveSession({ ...world.session, accessTokenExpiration: null });
    await downloadValidTickets(world.session, { clientId: 284, productionId: LANTERN_WALK, performanceId: null });
    const [synced, conflicted, unsent] = await world.tickets(walk, 'valid', 3);
    for (const ticket of [synced, conflicted]) await recordOfflineScan(ticket!.barcode, filter);
    // Another device takes one: it comes back as a failed scan with the ticket holder's name.
    await validateTicket(await world.signIn(), { barcodeString: conflicted!.barcode, clientId: 284, performanceId: walk });
    await replayPendingScans(world.session);
    await recordOfflineScan(unsent!.barcode, filter);
    const [failure] = await failedScans();
    expect(failure?.ticket?.orderConsumerName).to.be.a('string').and.not.be.empty;

    // What personal data the list held, to look for afterwards.
    const names = new Set<string>();
    const dumpBefore = JSON.stringify(await dumpScannerDb());
    for (const match of dumpBefore.matchAll(/[\w.+-]+@example\.com/g)) names.add(match[0]);
    names.add(failure!.ticket!.orderConsumerName!);
    expect(names.size).to.be.greaterThan(5);
    expect(dumpBefore).to.include(world.session.accessToken);

    await wipeScannerData({ keepQueue: true });
    const kept = await dumpScannerDb();
    const keptText = JSON.stringify(kept);
    expect(keptText).not.to.include(world.session.accessToken);
    for (const name of names) expect(keptText, name).not.to.include(name);
    expect(kept.tickets).to.deep.equal([]);
    expect(kept.session).to.deep.equal([]);
    expect(kept.cache).to.deep.equal([]);
    expect((await pendingScans()).map((s) => s.barcode)).to.deep.equal([unsent!.barcode]);
    expect((await failedScans()).map((f) => [f.barcode, f.conflict])).to.deep.equal([[conflicted!.barcode, true]]);
    expect(await cacheInfo()).to.equal(undefined);

    await wipeScannerData();
    // Only the database's own marker stays (a random id and when the database was made: nobody's data).
    const { device, ...empty } = await dumpScannerDb();
    expect(Object.values(empty).every((records) => records.length === 0), JSON.stringify(empty).slice(0, 300)).to.equal(true);
    expect(Object.keys(empty).sort()).to.deep.equal(['cache', 'failed', 'queue', 'scanned', 'sent', 'session', 'tickets']);
    expect(device!.map((marker) => Object.keys(marker as object).sort())).to.deep.equal([['createdAt', 'id']]);
  });

  it('stops a download under way on sign-out, so no ticket comes back afterwards', async () => {
    const world = await openScannerWorld();
    const [gala] = await world.performances(GALA);
    let wiped: Promise<void> | undefined;
    const download = downloadValidTickets(world.session, { clientId: 284, productionId: null, performanceId: gala! }, { onProgress: () => void (wiped ??= wipeScannerData()) });
    expect((await rejection(download)).name).to.equal('AbortError');
    await wiped;
    expect(await cacheInfo()).to.equal(undefined);
    expect((await dumpScannerDb()).tickets).to.deep.equal([]);
  });
});
