import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../mock.js';
import { strictestReadingsOf } from './readings.js';
import { expectSameShape } from '../shape.js';
import * as seed from '../fixtures/seed-examples/audienceview.js';

const NOW = '2027-03-01T12:00:00Z';
const DOOR = { username: 'door@harbourlights.example', password: 'harbour-door-2027' };
const VOLUNTEER = { username: 'volunteer@harbourlights.example', password: 'harbour-volunteer-2027' };

type Json = Record<string, any>;

async function get(url: string, headers: Record<string, string> = { clientId: '284' }): Promise<Json> {
  const res = await fetch(url, { headers });
  expect(res.status).to.equal(200);
  return res.json();
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Json> {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  expect(res.status).to.equal(200);
  return res.json();
}

function basic(username: string, token: string): Record<string, string> {
  const bytes = new TextEncoder().encode(`${username}:${token}`);
  return { Authorization: 'Basic ' + btoa(String.fromCharCode(...bytes)) };
}

async function signIn(mock: MockWorld, user = DOOR): Promise<Record<string, string>> {
  const answer = await post(`${mock.base('audienceview')}/public/scanning/authenticate`, user);
  return basic(user.username, answer.accessToken);
}

interface ControlTicket {
  barcode: string;
  ticketId: number;
  performanceId: number;
  productionId: number;
}

describe('mock AudienceView: public API', () => {
  let mock: MockWorld;
  let base: string;
  before(async () => {
    // The readings these tests describe, pinned so they hold when the suite runs under others (MOCK_READINGS).
    mock = await openMockWorld({
      now: NOW,
      readings: {
        'audienceview.calendar.month': 'one-based',
        'audienceview.calendar.past': 'future-only',
        'audienceview.public.performanceStart': 'eastern-wall-clock',
        'audienceview.series.hiddenStatuses': 'listed',
        'audienceview.public.clientActive': 'warning',
        'audienceview.events.order': 'start-order',
      },
    });
    base = mock.base('audienceview');
  });

  it("answers the seed's calendar Example URLs with the seed's shape", async () => {
    for (const path of ['/public/calendar/client(284)', '/public/calendar/client(284)/production(962459)', '/public/calendar/client(284)/department(1219)']) {
      const answer = await get(base + path);
      // The map's keys are dates: compare the envelope, then every day with the example's day.
      const { performancesByDateDisplay: exampleDays, ...envelope } = seed.calendarResponseExample;
      expectSameShape(answer, envelope);
      const days = Object.values(answer.performancesByDateDisplay);
      expect(days, path).not.to.be.empty;
      for (const day of days) expectSameShape(day, exampleDays['2017-06-28']);
    }
  });

  it("answers the seed's series and events Example URLs with the seed's shapes", async () => {
    for (const filter of ['', '/production(962459)', '/department(1219)']) {
      const series = await get(`${base}/public/series/client(284)${filter}`);
      expectSameShape(series, seed.seriesResponseExample);
      expect(series.seriesInformation).not.to.be.empty;
      const events = await get(`${base}/public/events/client(284)${filter}`);
      expectSameShape(events, seed.eventsResponseExample);
      expect(events.performances).not.to.be.empty;
    }
  });

  it('filters by production and by department', async () => {
    const production = await get(`${base}/public/events/client(284)/production(962459)`);
    expect(new Set(production.performances.map((p: Json) => p.productionId))).to.deep.equal(new Set([962459]));
    const department = await get(`${base}/public/events/client(284)/department(1219)`);
    expect(new Set(department.performances.map((p: Json) => p.departmentId))).to.deep.equal(new Set([1219]));
  });

  it('returns whole Sunday–Saturday weeks around the month, keys out of order, future performances only', async () => {
    const answer = await get(`${base}/public/calendar/client(284)?month=4&year=2027`);
    const keys = Object.keys(answer.performancesByDateDisplay);
    const sorted = [...keys].sort();
    expect(keys).not.to.deep.equal(sorted);
    // April 2027 starts on a Thursday and ends on a Friday: Mar 28 – May 1.
    expect(sorted[0]! >= '2027-03-28').to.equal(true);
    expect(sorted.some((k) => k.startsWith('2027-03-'))).to.equal(true);
    expect(sorted.at(-1)).to.equal('2027-05-01');
    const current = await get(`${base}/public/calendar/client(284)`);
    const first = Object.values(current.performancesByDateDisplay as Record<string, Json[]>).flat();
    // Only performances that have not started (client 284 is in New York, so performanceStart is true).
    expect(first.every((p) => p.performanceStart > Date.parse(NOW))).to.equal(true);
    expect(Object.keys(current.performancesByDateDisplay).some((k) => k < '2027-03-01')).to.equal(false);
  });

  it('reads `time` (midnight on the 1st in the browser zone) like month + year', async () => {
    const byMonth = await get(`${base}/public/calendar/client(284)?month=5&year=2027`);
    const byTime = await get(`${base}/public/calendar/client(284)?time=${Date.UTC(2027, 4, 1) - 2 * 3_600_000}`);
    expect(Object.keys(byTime.performancesByDateDisplay).sort()).to.deep.equal(Object.keys(byMonth.performancesByDateDisplay).sort());
  });

  it('lists events in start order with the Java date formats and the Eastern wall-clock quirk', async () => {
    const { performances } = await get(`${base}/public/events/client(284)`);
    const starts = performances.map((p: Json) => p.performanceStart);
    expect(starts).to.deep.equal([...starts].sort((a: number, b: number) => a - b));
    const evening = performances.find((p: Json) => p.performanceTime24 === '19:30:00')!;
    expect(evening.performanceDate).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(evening.performanceTime).to.equal('7:30 PM');
    expect(evening.performanceStartDate).to.match(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), [A-Z][a-z]{2} \d{1,2}, \d{4} - 7:30 PM$/);
    // Spamalot plays in Chicago, but performanceStart reads its 4 PM as 4 PM Eastern.
    const chicago = await get(`${base}/public/events/client(300)`, { clientId: '300' });
    const matinee = chicago.performances.find((p: Json) => p.performanceId === 49182);
    expect(matinee.performanceTime24).to.equal('16:00:00');
    expect(new Date(matinee.performanceStart).toISOString()).to.equal('2027-03-01T21:00:00.000Z');
  });

  it("leaves the month's started performances out of its calendar answer, or (reading whole-weeks) keeps them", async () => {
    const started = async (world: MockWorld) => {
      const { performancesByDateDisplay } = await get(`${world.base('audienceview')}/public/calendar/client(284)?month=3&year=2027`);
      const all = Object.values(performancesByDateDisplay as Record<string, Json[]>).flat();
      expect(all.length).to.be.greaterThan(0);
      // performanceDate + time on the venue's (New York) wall clock, before NOW (7 AM there on 1 March).
      return all.filter((p) => p.performanceDate === '03/01/2027' && p.performanceTime24 < '07:00:00').length;
    };
    expect(await started(mock), 'future-only').to.equal(0);
    const wholeWeeks = await openMockWorld({ now: NOW, readings: { 'audienceview.calendar.month': 'one-based', 'audienceview.calendar.past': 'whole-weeks' } });
    expect(await started(wholeWeeks), 'whole-weeks').to.be.greaterThan(0);
  });

  it('has performances on the daylight-saving change day with the right offsets', async () => {
    const { performancesByDateDisplay } = await get(`${base}/public/calendar/client(284)?month=3&year=2027`);
    const dstDay: Json[] = performancesByDateDisplay['2027-03-14'];
    expect(dstDay).not.to.be.empty;
    const walk = dstDay.find((p) => p.performanceTime24 === '17:30:00')!;
    expect(new Date(walk.performanceStart).toISOString()).to.equal('2027-03-14T21:30:00.000Z');
  });

  it('exercises every code and quirk the elements must handle', async () => {
    const { performances } = await get(`${base}/public/events/client(284)`);
    const codes = new Set(performances.map((p: Json) => p.displayCode));
    expect([...codes].sort()).to.deep.equal(['C', 'I', 'M', 'S', 'T']);
    expect(new Set(performances.map((p: Json) => p.availabilityCode))).to.deep.equal(new Set(['A', 'N', 'P']));
    expect(performances.some((p: Json) => p.availabilityCode === 'A' && !p.hasAvailableTickets)).to.equal(true);
    expect(performances.some((p: Json) => p.shutoffHour < 0)).to.equal(true);
    expect(performances.some((p: Json) => /onerror=/.test(p.performanceNotes ?? ''))).to.equal(true);
    expect(performances.some((p: Json) => /<script>/.test(p.productionDescription ?? ''))).to.equal(true);
    expect(performances.some((p: Json) => p.performanceNotes === '') && performances.some((p: Json) => p.performanceNotes === null)).to.equal(true);
    const allDay = performances.find((p: Json) => p.allDayEvent)!;
    expect(allDay.doorEntryStartTime).to.equal('10:00 AM');
    expect(allDay.performanceEntryTimes).not.to.be.empty;
    expect(performances.filter((p: Json) => p.displayCode === 'M').every((p: Json) => p.customMessage !== '')).to.equal(true);
    const { seriesInformation } = await get(`${base}/public/series/client(284)`);
    expect(new Set(seriesInformation.map((s: Json) => s.productionStatus))).to.deep.equal(new Set(['D', 'T', 'U']));
    expect(new Set(seriesInformation.map((s: Json) => s.productionStyle)).size).to.equal(10);
    expect(seriesInformation.some((s: Json) => typeof s.performanceIdIfOnlyOneEventAvailable === 'number')).to.equal(true);
  });

  it('answers 200 with errors for a missing or mismatched clientId header and an unknown client', async () => {
    const missing = await get(`${base}/public/events/client(284)`, {});
    expect(missing.errors).to.have.length(1);
    expect(missing.performances).to.deep.equal([]);
    const mismatched = await get(`${base}/public/events/client(284)`, { clientId: '300' });
    expect(mismatched.errors[0]).to.match(/does not match/);
    const unknown = await get(`${base}/public/series/client(999)`, { clientId: '999' });
    expect(unknown.errors[0]).to.match(/999/);
    expect(unknown.serviceMessages.errors).to.deep.equal([]);
  });

  it('reports an unknown department only inside serviceMessages.errors', async () => {
    const answer = await get(`${base}/public/events/client(284)/department(4040)`);
    expect(answer.errors).to.deep.equal([]);
    expect(answer.serviceMessages.errors[0]).to.match(/Department 4040/);
  });

  it('answers an inactive client with clientActive false and a warning', async () => {
    const answer = await get(`${base}/public/series/client(301)`, { clientId: '301' });
    expect(answer.clientActive).to.equal(false);
    expect(answer.errors).to.deep.equal([]);
    expect(answer.warnings).to.have.length(1);
  });

  it('gives a vendor-error fault the public error form', async () => {
    const world = await openMockWorld({ now: NOW });
    await world.fault({ vendor: 'audienceview', path: '/events/', kind: 'vendor-error', message: 'Service is down for maintenance.', times: 1 });
    const answer = await get(`${world.base('audienceview')}/public/events/client(284)`);
    expect(answer.errors).to.deep.equal(['Service is down for maintenance.']);
  });
});

describe('mock AudienceView: scanning API', () => {
  let mock: MockWorld;
  let base: string;
  let gala: number;
  let tonight: number;
  beforeEach(async () => {
    // The default readings (a repeated scan accepted, Eastern wall-clock starts), whatever MOCK_READINGS says.
    mock = await openMockWorld({ now: NOW, readings: strictestReadingsOf('audienceview') });
    base = `${mock.base('audienceview')}/public/scanning`;
    const find = async (productionId: number) =>
      (await mock.control<{ performances: Json[] }>('audienceview', `/performances?productionId=${productionId}&when=scannable`)).performances[0]!.performanceId as number;
    gala = await find(962615);
    tonight = await find(962459);
  });

  const tickets = async (performanceId: number, state: string, limit = 3) =>
    (await mock.control<{ tickets: ControlTicket[] }>('audienceview', `/tickets?performanceId=${performanceId}&state=${state}&limit=${limit}`)).tickets;

  it("authenticates with the seed's shapes, success and failure", async () => {
    const ok = await post(`${base}/authenticate`, DOOR);
    expectSameShape(ok, seed.authenticateSuccessExample);
    expect(ok.accessToken).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ok.accessTokenExpiration).to.be.closeTo(Date.parse(NOW) + 3_600_000, 60_000);
    const expired = await post(`${base}/authenticate`, { username: 'expired@harbourlights.example', password: 'harbour-expired-2027' });
    expectSameShape(expired, seed.authenticateFailedExample);
    expect(expired.errorDetails).to.include({ errorCodeId: 4, forceLogout: true });
  });

  it('refuses a wrong password (2) and a user without the scanning permission (3); warns of an expiring password', async () => {
    const wrong = await post(`${base}/authenticate`, { ...DOOR, password: 'nope' });
    expect(wrong.errorDetails.errorCodeId).to.equal(2);
    const noPermission = await post(`${base}/authenticate`, { username: 'boxoffice@harbourlights.example', password: 'harbour-boxoffice-2027' });
    expect(noPermission.errorDetails.errorCodeId).to.equal(3);
    const expiring = await post(`${base}/authenticate`, { username: 'expiring@harbourlights.example', password: 'harbour-expiring-2027' });
    expect(expiring.daysTillPasswordExpires).to.equal(3);
    const users = await mock.control<{ users: Json[] }>('audienceview', '/users');
    expect(users.users.map((u) => u.username)).to.include(DOOR.username);
  });

  it('validates, extends, expires and invalidates tokens', async () => {
    const auth = await signIn(mock);
    const valid = await get(`${base}/validateToken`, auth);
    expectSameShape(valid, seed.validateTokenResponseExample);
    expect(valid.error).to.equal(false);
    expect((await get(`${base}/validateToken`, {})).errorDetails).to.include({ errorCodeId: 1, forceLogout: true });
    expect((await get(`${base}/validateToken`, { Authorization: 'Basic !!!' })).errorDetails.errorCodeId).to.equal(1);
    await mock.control('audienceview', '/expire-tokens', { method: 'POST' });
    expect((await get(`${base}/validateToken`, auth)).errorDetails).to.include({ errorCodeId: 5, forceLogout: true });
    const again = await signIn(mock);
    const out = await fetch(`${base}/invalidateToken`, { method: 'DELETE', headers: again });
    expect(out.status).to.equal(200);
    expect(await out.text()).to.equal('');
    expect((await get(`${base}/validateToken`, again)).errorDetails).to.include({ errorCodeId: 6, forceLogout: true });
  });

  it("lists filter options in the seed's shape with the big gala and client 300's Spamalot", async () => {
    const answer = await get(`${base}/filterOptions`, await signIn(mock));
    expectSameShape(answer, seed.filterOptionsResponseExample);
    const ids = answer.clients.map((c: Json) => c.id);
    expect(ids).to.deep.equal([284, 300]);
    const spamalot = answer.clients[1].productions.find((p: Json) => p.productionName === 'Spamalot');
    expect(spamalot.performances.map((p: Json) => p.performanceId)).to.include(49182);
    const volunteer = await get(`${base}/filterOptions`, await signIn(mock, VOLUNTEER));
    expect(volunteer.clients.map((c: Json) => c.id)).to.deep.equal([284]);
  });

  it("validates a ticket once (seed's shapes), then says already scanned", async () => {
    const auth = await signIn(mock);
    const [ticket] = await tickets(tonight, 'valid', 1);
    const body = { barcodeString: ticket!.barcode, clientId: 284, productionId: null, performanceId: tonight };
    const first = await post(`${base}/validateTicket`, body, auth);
    expectSameShape(first, seed.validateTicketSuccessExample);
    expect(first.successMsg).to.match(/scanned of \d+ sold/);
    expect(first.patron.firstName).to.be.a('string');
    const second = await post(`${base}/validateTicket`, body, auth);
    expectSameShape(second, seed.validateTicketFailedExample);
    expect(second.errorDetails).to.include({ errorCodeId: 12, forceLogout: false });
    const scans = await mock.received<Json>('scans');
    expect(scans.map((s) => s.barcode)).to.deep.equal([ticket!.barcode]);
  });

  it('gives patron data only to the patronReporting user', async () => {
    const [ticket] = await tickets(tonight, 'valid', 1);
    const answer = await post(`${base}/validateTicket`, { barcodeString: ticket!.barcode, clientId: 284 }, await signIn(mock, VOLUNTEER));
    expect(answer.error).to.equal(false);
    expect(answer.patron).to.equal(null);
  });

  it('refuses tickets with the ticket-level codes 8–15', async () => {
    const auth = await signIn(mock);
    const check = async (barcodeString: string, filter: Json, code: number) => {
      const answer = await post(`${base}/validateTicket`, { barcodeString, clientId: 284, ...filter }, auth);
      expect(answer.errorDetails?.errorCodeId, `${barcodeString} ${JSON.stringify(filter)}`).to.equal(code);
    };
    const [valid] = await tickets(tonight, 'valid', 1);
    const [other] = await tickets(tonight, 'other-performance', 1);
    const [refunded] = await tickets(gala, 'refunded', 1);
    const [voided] = await tickets(gala, 'voided', 1);
    const [scanned] = await tickets(gala, 'scanned', 1);
    const [spamalot] = await tickets(49182, 'valid', 1);
    await check(valid!.barcode, { clientId: 300 }, 8);
    await check(valid!.barcode, { productionId: 962615 }, 9);
    await check(other!.barcode, { performanceId: tonight }, 10);
    await check('qqqqqqqqq', {}, 11);
    await check(scanned!.barcode, {}, 12);
    await check(voided!.barcode, {}, 13);
    await check(refunded!.barcode, {}, 14);
    await check('', {}, 15);
    await check(spamalot!.barcode, {}, 8);
  });

  it("serves valid tickets in the seed's shape, 30,000 for the gala", async function () {
    // What is served, not how fast (bench/scanner.ts measures that): 30,000 tickets take a while on a busy machine.
    this.timeout(30_000);
    const auth = await signIn(mock);
    const small = await get(`${base}/cache/validTickets?clientId=284&performanceId=${tonight}`, auth);
    expectSameShape(small, seed.validTicketsResponseExample);
    expect(small.tickets.every((t: Json) => /^[0-9a-z]{9}$/.test(t.barcode))).to.equal(true);
    const big = await get(`${base}/cache/validTickets?clientId=284&performanceId=${gala}`, auth);
    expect(big.tickets).to.have.length(30_000);
    expect(new Set(big.tickets.map((t: Json) => t.barcode)).size).to.equal(30_000);
    expect(big.tickets.some((t: Json) => t.alreadyScanned)).to.equal(true);
    expect(big.tickets.some((t: Json) => t.refundedOrVoided)).to.equal(true);
  });

  it('under its default reading inserts a repeated scan again without a word, as syncScans without an idempotency key may', async () => {
    const auth = await signIn(mock);
    const now = Date.parse(NOW);
    const [a] = await tickets(tonight, 'valid', 1);
    const scan = { ticketId: a!.ticketId, performanceId: a!.performanceId, barcode: a!.barcode, scanTime: now - 60_000 };
    const answer = await post(`${base}/cache/syncScans`, { clientId: 284, productionId: null, performanceId: null, tickets: [scan, scan] }, auth);
    expect(answer.failedBarcodes).to.deep.equal([]);
    expect((await mock.received<Json>('syncScans')).map((s) => s.barcode)).to.deep.equal([a!.barcode, a!.barcode]);
  });

  it("syncs offline scans with the seed's reasons and, under the reading that refuses repeats, never counts one twice", async () => {
    await mock.chooseReadings({ 'audienceview.syncScans.repeat': 'refused' });
    const auth = await signIn(mock);
    const now = Date.parse(NOW);
    const [a, b] = await tickets(tonight, 'valid', 2);
    const [refunded] = await tickets(tonight, 'refunded', 1).then((r) => (r.length ? r : tickets(gala, 'refunded', 1)));
    const [spamalot] = await tickets(49182, 'valid', 1);
    const scan = (t: ControlTicket, scanTime: number, field: 'barcode' | 'barcodeString' = 'barcode') => ({ ticketId: t.ticketId, performanceId: t.performanceId, [field]: t.barcode, scanTime });
    const answer = await post(
      `${base}/cache/syncScans`,
      {
        clientId: 284,
        productionId: null,
        performanceId: null,
        tickets: [
          scan(a!, now - 60_000),
          scan(a!, now - 60_000), // the same scan replayed
          scan(b!, now - 30_000, 'barcodeString'),
          scan(b!, now + 10 * 60_000),
          scan(refunded!, now - 1000),
          scan(spamalot!, now - 1000),
          scan(a!, now - 49 * 3_600_000),
          { ticketId: 1, performanceId: tonight, barcode: 'zzzzzzzzz', scanTime: now },
        ],
      },
      auth,
    );
    expectSameShape(answer, seed.syncScansResponseExample);
    expect(answer.failedBarcodes.map((f: Json) => f.reason)).to.deep.equal([
      'Ticket has already been scanned.',
      'Scan time is in the future.',
      'Ticket is refunded or voided.',
      'Ticket does not belong to client #284',
      'Scan time is more than 48 hours ago. We cannot process scans that old.',
      'Ticket ID not found.',
    ]);
    const applied = await mock.received<Json>('syncScans');
    expect(applied.map((s) => s.barcode)).to.deep.equal([a!.barcode, b!.barcode]);
    expect(applied[0]!.scanTime).to.equal(now - 60_000);
    expect(await mock.received('syncScansFailed')).to.have.length(6);
  });

  it('gives vendor-error and expired-token faults the scanning error form', async () => {
    const auth = await signIn(mock);
    await mock.fault({ vendor: 'audienceview', path: 'filterOptions', kind: 'vendor-error', times: 1 });
    const failed = await get(`${base}/filterOptions`, auth);
    expect(failed.error).to.equal(true);
    expect(failed.errorDetails).to.include({ errorCodeId: 16, forceLogout: false });
    await mock.fault({ vendor: 'audienceview', path: 'validateToken', kind: 'expired-token', times: 1 });
    expect((await get(`${base}/validateToken`, auth)).errorDetails).to.include({ errorCodeId: 5, forceLogout: true });
  });
});
