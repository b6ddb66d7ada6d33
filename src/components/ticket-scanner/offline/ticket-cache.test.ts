import { expect } from '@open-wc/testing';
import { fetchValidTickets } from '../../../api/audienceview/scanning.js';
import { ParseError } from '../../../api/errors.js';
import { rejection } from '../../../../test/rejection.js';
import { GALA, LANTERN_WALK, dumpScannerDb, freshScannerDb, openScannerWorld, performanceFilter, type ScannerWorld } from '../../../../test/scanner-world.js';
import { pendingScans } from './scan-queue.js';
import { closeScannerDb } from './scanner-db.js';
import { cacheInfo, downloadValidTickets, noteOnlineScan, recordOfflineScan, type DownloadProgress, type ScanFilter } from './ticket-cache.js';

describe('ticket cache: download and offline verdicts', () => {
  let world: ScannerWorld;
  let walkA: number;
  let walkB: number;
  /** The list for the whole Lantern Walk production (several performances), scanned at its first performance. */
  let production: ScanFilter;
  let door: ScanFilter;
  beforeEach(async () => {
    world = await openScannerWorld();
    [walkA, walkB] = (await world.performances(LANTERN_WALK)) as [number, number];
    production = { clientId: 284, productionId: LANTERN_WALK, performanceId: null };
    door = performanceFilter(walkA, LANTERN_WALK);
  });
  after(freshScannerDb);

  it('offline, refuses a ticket for another production (list of one production, door set to another) and does not queue it', async () => {
    await downloadValidTickets(world.session, production);
    const [walkTicket] = await world.tickets(walkA, 'valid', 1);
    const otherProduction: ScanFilter = { clientId: 284, productionId: GALA, performanceId: null };
    const verdict = await recordOfflineScan(walkTicket!.barcode, otherProduction);
    expect(verdict.verdict).to.equal('invalid');
    expect(verdict.reason).to.match(/another production/);
    expect(await pendingScans(), 'queued for AudienceView').to.deep.equal([]);
    // The same ticket at its own production's door is fine.
    expect((await recordOfflineScan(walkTicket!.barcode, production)).verdict).to.equal('valid');
  });

  it('downloads the list as a stream with progress and says what it holds', async () => {
    const progress: DownloadProgress[] = [];
    const info = await downloadValidTickets(world.session, production, { onProgress: (p) => progress.push(p) });
    const whole = await fetchValidTickets(world.session, production);
    expect(info.tickets).to.equal(whole.tickets.length);
    expect(info.tickets).to.be.greaterThan(50);
    expect(info.filter).to.deep.equal(production);
    expect(progress.at(-1)!.tickets).to.equal(whole.tickets.length);
    expect(progress.at(-1)!.bytes).to.be.greaterThan(whole.tickets.length * 100);
    const stored = await cacheInfo();
    expect(stored).to.deep.equal(info);
    expect(Math.abs(stored!.downloadedAt - Date.now())).to.be.below(60_000);
  });

  it('judges scans offline: valid, duplicate, invalid, unknown', async () => {
    await downloadValidTickets(world.session, production);
    const [valid, other] = await world.tickets(walkA, 'valid', 2);
    const [atOtherWalk] = await world.tickets(walkB, 'valid', 1);
    // Refunded and pre-scanned tickets are a few percent: look through every walk in the list.
    const walks = await world.performances(LANTERN_WALK);
    const firstOf = async (...states: Array<'scanned' | 'refunded' | 'voided'>) => {
      for (const walk of walks) for (const state of states) for (const ticket of await world.tickets(walk, state, 1)) return ticket;
      throw new Error(`no ${states.join(' or ')} ticket in the Lantern Walk's list`);
    };
    const scannedBefore = await firstOf('scanned');
    const refunded = await firstOf('refunded', 'voided');

    const first = await recordOfflineScan(valid!.barcode, door);
    expect(first.verdict).to.equal('valid');
    // Everything the door needs, as the API gave it (patron data included; the order's scanned count is not kept).
    const fromApi = (await fetchValidTickets(world.session, production)).tickets.find((t) => t.barcode === valid!.barcode)!;
    expect(first.ticket).to.deep.equal({ ...fromApi, ticketsScanned: null });
    expect(first.ticket!.performance).to.match(/Lantern Walk/);
    // Queued (on disk) before the verdict was shown.
    expect((await pendingScans()).map((s) => s.barcode)).to.deep.equal([valid!.barcode]);
    const withAddress = (await fetchValidTickets(world.session, production)).tickets.find(
      (t) => t.patron?.billingAddress && t.patron.primaryPhoneNumber && !t.alreadyScanned && !t.refundedOrVoided && t.barcode !== valid!.barcode,
    );
    expect(withAddress, 'a ticket whose patron left an address and a phone').to.exist;
    const addressed = await recordOfflineScan(withAddress!.barcode, production);
    expect(addressed.verdict).to.equal('valid');
    expect(addressed.ticket).to.deep.equal({ ...withAddress!, ticketsScanned: null });

    expect((await recordOfflineScan(valid!.barcode, door)).verdict).to.equal('duplicate');
    expect((await recordOfflineScan(` ${valid!.barcode.toUpperCase()} `, door)).verdict, 'barcodes are case-insensitive').to.equal('duplicate');
    expect((await recordOfflineScan(atOtherWalk!.barcode, door)).verdict, 'another performance').to.equal('invalid');
    expect((await recordOfflineScan(atOtherWalk!.barcode, production)).verdict, 'any performance of the production').to.equal('valid');
    expect((await recordOfflineScan('zzzzzzzzz', door)).verdict).to.equal('unknown');
    expect((await recordOfflineScan('   ', door)).verdict).to.equal('unknown');
    expect((await recordOfflineScan(scannedBefore.barcode, production)).verdict, 'scanned before the download').to.equal('duplicate');
    const refusal = await recordOfflineScan(refunded.barcode, production);
    expect(refusal.verdict).to.equal('invalid');
    expect(refusal.reason).to.match(/refunded or voided/);
    expect((await recordOfflineScan(other!.barcode, { ...door, clientId: 300 })).verdict, 'another client').to.equal('invalid');
    expect((await pendingScans()).map((s) => s.barcode).sort()).to.deep.equal([valid!.barcode, atOtherWalk!.barcode, withAddress!.barcode].sort());
  });

  it('keeps scans made here across a reload and a new download, and notes online scans', async () => {
    await downloadValidTickets(world.session, production);
    const [offline, online] = await world.tickets(walkA, 'valid', 2);
    expect((await recordOfflineScan(offline!.barcode, door)).verdict).to.equal('valid');
    await noteOnlineScan(online!.barcode);

    await closeScannerDb(); // a reload
    expect((await recordOfflineScan(offline!.barcode, door)).verdict).to.equal('duplicate');
    // The server has not seen the offline scan yet: its new list still says "not scanned".
    await downloadValidTickets(world.session, production);
    expect((await recordOfflineScan(offline!.barcode, door)).verdict).to.equal('duplicate');
    expect((await recordOfflineScan(online!.barcode, door)).verdict).to.equal('duplicate');
    expect(await pendingScans()).to.have.length(1);
  });

  it('keeps the previous list when a download fails or is cancelled, and leaves nothing of it behind', async () => {
    const before = await downloadValidTickets(world.session, production);
    const segments = (await dumpScannerDb()).tickets!.length;
    const [ticket] = await world.tickets(walkA, 'valid', 1);

    await world.mock.fault({ vendor: 'audienceview', path: 'validTickets', kind: 'truncated', times: 1 });
    const cut = await rejection(downloadValidTickets(world.session, performanceFilter(walkB, LANTERN_WALK)));
    expect(cut).to.be.instanceOf(ParseError);

    const [gala] = await world.performances(GALA);
    const controller = new AbortController();
    const aborted = await rejection(
      downloadValidTickets(world.session, performanceFilter(gala!), { signal: controller.signal, onProgress: (p) => p.tickets > 0 && controller.abort() }),
    );
    expect(aborted.name).to.equal('AbortError');

    expect(await cacheInfo()).to.deep.equal(before);
    expect((await dumpScannerDb()).tickets).to.have.length(segments);
    expect((await recordOfflineScan(ticket!.barcode, door)).verdict).to.equal('valid');
  });

  it('starts over when the connection drops mid-download, storing each ticket once', async () => {
    await world.mock.fault({ vendor: 'audienceview', path: 'validTickets', kind: 'drop-after-apply', times: 1 });
    const info = await downloadValidTickets(world.session, production);
    const whole = await fetchValidTickets(world.session, production);
    expect(info.tickets).to.equal(whole.tickets.length);
    const rows = (await dumpScannerDb()).tickets!.map((segment) => (segment as string).split('\n').length - 1);
    expect(rows.reduce((sum, n) => sum + n, 0), 'rows stored').to.equal(whole.tickets.length);
  });

  it('switches to a new list when staff choose another performance', async () => {
    await downloadValidTickets(world.session, performanceFilter(walkA, LANTERN_WALK));
    const [atA] = await world.tickets(walkA, 'valid', 1);
    const [atB] = await world.tickets(walkB, 'valid', 1);
    const info = await downloadValidTickets(world.session, performanceFilter(walkB, LANTERN_WALK));
    expect(info.filter.performanceId).to.equal(walkB);
    const atBFilter = performanceFilter(walkB, LANTERN_WALK);
    expect((await recordOfflineScan(atB!.barcode, atBFilter)).verdict).to.equal('valid');
    expect((await recordOfflineScan(atA!.barcode, atBFilter)).verdict).to.equal('unknown');
  });

  it('says unknown, with a reason, before any list was downloaded', async () => {
    const [ticket] = await world.tickets(walkA, 'valid', 1);
    const verdict = await recordOfflineScan(ticket!.barcode, door);
    expect(verdict).to.deep.equal({ verdict: 'unknown', barcode: ticket!.barcode, reason: 'No ticket list has been downloaded.' });
    expect(await cacheInfo()).to.equal(undefined);
  });
});
