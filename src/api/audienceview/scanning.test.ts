import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { ParseError, VendorError } from '../errors.js';
import {
  authenticate,
  authorizationHeader,
  fetchValidTickets,
  filterOptions,
  invalidateToken,
  syncScans,
  validateTicket,
  validateToken,
  type ScanningSession,
} from './scanning.js';
import { rejection } from '../../../test/rejection.js';

const NOW = '2027-03-01T12:00:00Z';
const DOOR = { username: 'door@harbourlights.example', password: 'harbour-door-2027' };

interface ControlTicket {
  barcode: string;
  ticketId: number;
  performanceId: number;
}


describe('AudienceView scanning client', () => {
  let mock: MockWorld;
  let apiBase: string;
  let session: ScanningSession;
  let tonight: number;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
    apiBase = mock.base('audienceview');
    session = (await authenticate(apiBase, DOOR)).session;
    const { performances } = await mock.control<{ performances: Array<{ performanceId: number }> }>('audienceview', '/performances?productionId=962459&when=scannable');
    tonight = performances[0]!.performanceId;
  });

  const tickets = async (state: string, limit = 2) =>
    (await mock.control<{ tickets: ControlTicket[] }>('audienceview', `/tickets?performanceId=${tonight}&state=${state}&limit=${limit}`)).tickets;

  it('signs in and returns the session with the token and password expirations', async () => {
    const signIn = await authenticate(apiBase, { username: 'expiring@harbourlights.example', password: 'harbour-expiring-2027' });
    expect(signIn.session.username).to.equal('expiring@harbourlights.example');
    expect(signIn.session.accessToken).to.be.a('string').and.not.be.empty;
    expect(signIn.accessTokenExpiration).to.be.greaterThan(Date.parse(NOW));
    expect(signIn.daysTillPasswordExpires).to.equal(3);
  });

  it('sends a UTF-8 safe Basic authorization header', async () => {
    const signIn = await authenticate(apiBase, { username: 'renée@harbourlights.example', password: 'harbour-renée-2027' });
    expect(authorizationHeader(signIn.session).Authorization).to.match(/^Basic [A-Za-z0-9+/]+=*$/);
    const { accessTokenExpiration } = await validateToken(signIn.session);
    expect(accessTokenExpiration).to.be.a('number');
  });

  it('turns failed sign-ins into VendorErrors with code, forceLogout and the HTML message', async () => {
    const expired = await rejection<VendorError>(authenticate(apiBase, { username: 'expired@harbourlights.example', password: 'harbour-expired-2027' }));
    expect(expired).to.be.instanceOf(VendorError);
    expect(expired.vendor).to.equal('audienceview');
    expect(expired.code).to.equal(4);
    expect(expired.forceLogout).to.equal(true);
    expect(expired.messageHtml).to.match(/Password is expired/);
    expect(expired.details).to.include({ errorCodeId: 4 });
    const wrong = await rejection<VendorError>(authenticate(apiBase, { ...DOOR, password: 'wrong' }));
    expect(wrong.code).to.equal(2);
    expect(wrong.forceLogout).to.equal(false);
  });

  it('reports an expired token as a force-logout VendorError (code 5)', async () => {
    await mock.control('audienceview', '/expire-tokens', { method: 'POST' });
    const error = await rejection<VendorError>(filterOptions(session));
    expect(error.code).to.equal(5);
    expect(error.forceLogout).to.equal(true);
    await mock.fault({ vendor: 'audienceview', path: 'validateToken', kind: 'expired-token', times: 1 });
    const fresh = (await authenticate(apiBase, DOOR)).session;
    expect((await rejection<VendorError>(validateToken(fresh))).code).to.equal(5);
  });

  it('signs out: the token stops working (code 6)', async () => {
    await invalidateToken(session);
    const error = await rejection<VendorError>(validateToken(session));
    expect(error.code).to.equal(6);
    expect(error.forceLogout).to.equal(true);
  });

  it('lists what can be scanned', async () => {
    const options = await filterOptions(session);
    expect(options.accessTokenExpiration).to.be.a('number');
    expect(options.clients.map((c) => c.value)).to.deep.equal(['Harbour Lights Theatre', 'TestAccount-300']);
  });

  it('returns a verdict for valid, duplicate, unknown and invalid tickets', async () => {
    const [ticket] = await tickets('valid', 1);
    const [other] = await tickets('other-performance', 1);
    const filter = { clientId: 284, performanceId: tonight };
    const valid = await validateTicket(session, { barcodeString: ticket!.barcode, ...filter });
    expect(valid.verdict).to.equal('valid');
    if (valid.verdict !== 'valid') return;
    expect(valid.ticket.ticketsScanned).to.be.at.least(1);
    expect(valid.ticket.successMsg).to.match(/sold/);
    const duplicate = await validateTicket(session, { barcodeString: ticket!.barcode, ...filter });
    expect(duplicate).to.include({ verdict: 'duplicate', code: 12 });
    expect(duplicate.accessTokenExpiration).to.be.a('number');
    const unknown = await validateTicket(session, { barcodeString: 'qqqqqqqqq', ...filter });
    expect(unknown).to.include({ verdict: 'unknown', code: 11 });
    const wrong = await validateTicket(session, { barcodeString: other!.barcode, ...filter });
    expect(wrong).to.include({ verdict: 'invalid', code: 10 });
    if (wrong.verdict === 'valid') return;
    expect(wrong.messageHtml).to.match(/WRONG PERFORMANCE/);
    expect(await mock.received('scans')).to.have.length(1);
  });

  it('throws for request-level scanning errors such as a missing field (15)', async () => {
    const error = await rejection<VendorError>(validateTicket(session, { barcodeString: '', clientId: 284 }));
    expect(error).to.be.instanceOf(VendorError);
    expect(error.code).to.equal(15);
  });

  it('downloads the valid tickets of a performance', async () => {
    const answer = await fetchValidTickets(session, { clientId: 284, performanceId: tonight });
    expect(answer.tickets).not.to.be.empty;
    expect(answer.tickets.every((t) => t.performanceId === tonight)).to.equal(true);
  });

  it('syncs offline scans sending barcode and barcodeString, and returns the refusals', async () => {
    const [a, b] = await tickets('valid', 2);
    const now = Date.parse(NOW);
    const result = await syncScans(session, {
      clientId: 284,
      performanceId: tonight,
      tickets: [
        { ticketId: a!.ticketId, performanceId: tonight, barcode: a!.barcode, scanTime: now - 5 * 60_000 },
        { ticketId: b!.ticketId, performanceId: tonight, barcode: b!.barcode, scanTime: now - 72 * 3_600_000 },
      ],
    });
    expect(result.failedBarcodes).to.deep.equal([{ barcode: b!.barcode, reason: 'Scan time is more than 48 hours ago. We cannot process scans that old.' }]);
    expect(result.accessTokenExpiration).to.be.a('number');
    const applied = await mock.received<{ barcode: string; scanTime: number }>('syncScans');
    expect(applied).to.have.length(1);
    expect(applied[0]).to.include({ barcode: a!.barcode, scanTime: now - 5 * 60_000 });
  });

  it('never retries a POST: a lost syncScans answer reaches the server once', async () => {
    const [a] = await tickets('valid', 1);
    await mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'drop-after-apply', times: 1 });
    const error = await rejection<VendorError>(syncScans(session, { clientId: 284, tickets: [{ ticketId: a!.ticketId, performanceId: tonight, barcode: a!.barcode, scanTime: Date.parse(NOW) }] }));
    expect(error.name).to.equal('NetworkError');
    expect(await mock.received('syncScans')).to.have.length(1);
    const posts = (await mock.requests()).filter((r) => r.path.endsWith('syncScans') && r.method === 'POST');
    expect(posts).to.have.length(1);
  });

  it("reports an edge proxy's HTML page as a ParseError", async () => {
    await mock.fault({ vendor: 'audienceview', path: 'filterOptions', kind: 'html', status: 502, times: 3 });
    const error = await rejection<VendorError>(filterOptions(session));
    expect(error).to.be.instanceOf(ParseError);
  });

  it('passes injected vendor errors through with their code', async () => {
    await mock.fault({ vendor: 'audienceview', path: 'validTickets', kind: 'vendor-error', code: 17, times: 1 });
    const error = await rejection<VendorError>(fetchValidTickets(session, { clientId: 284 }));
    expect(error.code).to.equal(17);
    expect(error.forceLogout).to.equal(true);
  });
});
