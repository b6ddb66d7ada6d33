import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { ConfigError, NetworkError, ParseError, TimeoutError, VendorError } from '../errors.js';
import { AUDIENCEVIEW_API_BASE, CALENDAR_WRONG_MONTH, PUBLIC_API_ERROR, fetchCalendarMonth, fetchEvents, fetchSeries, isInactiveClient, learnedMonthBase, monthFit, publicPath } from './public.js';
import { PRODUCTION_COLOURS } from './types.js';
import { rejection } from '../../../test/rejection.js';

const NOW = '2027-03-01T12:00:00Z';


describe('AudienceView public client', () => {
  let mock: MockWorld;
  let apiBase: string;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
    apiBase = mock.base('audienceview');
  });

  it('fetches a calendar month with literal parentheses, the clientId header, month + year and the documented time', async () => {
    const month = await fetchCalendarMonth(apiBase + '/', { clientId: 284, productionId: 962459, year: 2027, month: 3 });
    const performances = Object.values(month.performancesByDateDisplay).flat();
    expect(performances).not.to.be.empty;
    expect(performances.every((p) => p.productionId === 962459 && p.productionName === 'Far Far Away')).to.equal(true);
    const [logged] = (await mock.requests()).filter((r) => r.method === 'GET');
    expect(logged!.path).to.equal('/public/calendar/client(284)/production(962459)');
    // The seed's own recipe for `time`: `new Date(year, month, 1)` in the browser's zone (Tokyo in the tests).
    expect(logged!.query).to.equal(`?month=2&year=2027&time=${new Date(2027, 2, 1).getTime()}`);
    expect(logged!.headers.clientid).to.equal('284');
  });

  for (const reading of ['zero-based', 'one-based', 'time-only']) {
    it(`brings the month asked for when the vendor reads \`month\` ${reading}, December and January included, then asks once`, async () => {
      mock = await openMockWorld({ now: NOW, readings: { 'audienceview.calendar.month': reading } });
      apiBase = mock.base('audienceview');
      const datesOf = (answer: { performancesByDateDisplay: Record<string, unknown> }) => Object.keys(answer.performancesByDateDisplay).sort();
      // December 2027 runs Sunday 28 Nov – Saturday 1 Jan; a December answer has December's inner days.
      const december = datesOf(await fetchCalendarMonth(apiBase, { clientId: 284, year: 2027, month: 12 }));
      expect(december.some((d) => d >= '2027-12-05' && d <= '2027-12-25')).to.equal(true);
      expect(december.every((d) => d >= '2027-11-28' && d <= '2028-01-01')).to.equal(true);
      expect(learnedMonthBase(apiBase, 284)).to.equal(reading === 'one-based' ? 1 : 0);
      // The seed's numbering (0–11) is guessed first: the month comes in one round trip unless the server counts from 1.
      expect((await mock.requests()).filter((r) => r.method === 'GET').length, 'requests for the first month').to.equal(reading === 'one-based' ? 2 : 1);
      const before = (await mock.requests()).length;
      const april = datesOf(await fetchCalendarMonth(apiBase, { clientId: 284, year: 2027, month: 4 }));
      expect(april.every((d) => d >= '2027-03-28' && d <= '2027-05-01')).to.equal(true);
      expect((await mock.requests()).length - before, 'one request once the numbering is known').to.equal(1);
    });
  }

  it("shows the days of both numberings' answers when neither proves the month (only its edge weeks)", async () => {
    const original = window.fetch;
    // March 2027's weeks run 28 Feb – 3 Apr. Asked month=2, a 1–12 server answers February (its last week is 28 Feb – 6 Mar);
    // asked month=3, March. This production plays only on 2 March and 1 April: neither answer holds a day only March's has.
    const answers: Record<string, Record<string, unknown[]>> = { '2': { '2027-03-02': [{ performanceId: 1 }] }, '3': { '2027-03-02': [{ performanceId: 1 }], '2027-04-01': [{ performanceId: 2 }] } };
    window.fetch = async (input) => {
      const month = new URL(String(input instanceof Request ? input.url : input)).searchParams.get('month')!;
      return new Response(JSON.stringify({ errors: [], warnings: [], clientActive: true, performancesByDateDisplay: answers[month] ?? {} }), { headers: { 'content-type': 'application/json' } });
    };
    try {
      const march = await fetchCalendarMonth('https://api.example', { clientId: 284, year: 2027, month: 3 });
      expect(Object.keys(march.performancesByDateDisplay).sort()).to.deep.equal(['2027-03-02', '2027-04-01']);
    } finally {
      window.fetch = original;
    }
  });

  it('says clearly when no month numbering brings the month asked for', async () => {
    const original = window.fetch;
    // A server that always answers with May 2027, whatever is asked.
    const may = { errors: [], warnings: [], clientActive: true, performancesByDateDisplay: { '2027-05-12': [], '2027-05-20': [] } };
    window.fetch = async () => new Response(JSON.stringify(may), { headers: { 'content-type': 'application/json' } });
    try {
      const error = await rejection(fetchCalendarMonth('https://api.example', { clientId: 284, year: 2027, month: 3 }));
      expect(error).to.be.instanceOf(VendorError);
      expect((error as VendorError).code).to.equal(CALENDAR_WRONG_MONTH);
      expect(error.message).to.contain('another month than 2027-03');
    } finally {
      window.fetch = original;
    }
  });

  it("tells an answer's month from its dates (whole weeks; days two months share prove nothing)", () => {
    const answer = (...dates: string[]) => ({ performancesByDateDisplay: Object.fromEntries(dates.map((d) => [d, []])) });
    expect(monthFit(answer('2027-03-15'), 2027, 3)).to.equal('this');
    expect(monthFit(answer('2027-02-28', '2027-04-03'), 2027, 3)).to.equal('maybe'); // the edge weeks February and April hold too
    expect(monthFit(answer(), 2027, 3)).to.equal('maybe');
    expect(monthFit(answer('2027-03-15', '2027-04-10'), 2027, 3)).to.equal('other');
    expect(monthFit(answer('2027-02-27'), 2027, 3)).to.equal('other');
  });

  it('fetches the series and the events of a department', async () => {
    const series = await fetchSeries(apiBase, { clientId: '284' });
    const farFarAway = series.seriesInformation.find((s) => s.productionId === 962459)!;
    expect(PRODUCTION_COLOURS[farFarAway.productionStyle].hex).to.match(/^#[0-9a-f]{6}$/);
    const events = await fetchEvents(apiBase, { clientId: 284, departmentId: 1219 });
    expect(events.performances.every((p) => p.departmentId === 1219)).to.equal(true);
  });

  it('returns warnings to the caller instead of throwing (inactive client)', async () => {
    mock = await openMockWorld({ now: NOW, readings: { 'audienceview.public.clientActive': 'warning' } });
    const series = await fetchSeries(mock.base('audienceview'), { clientId: 301 });
    expect(series.clientActive).to.equal(false);
    expect(series.warnings).to.have.length(1);
    expect(isInactiveClient(series)).to.equal(true);
  });

  it('tells an inactive client from an unknown one whether the vendor answers with errors or with data', async () => {
    mock = await openMockWorld({ now: NOW, readings: { 'audienceview.public.clientActive': 'errors' } });
    const inactive = await rejection(fetchSeries(mock.base('audienceview'), { clientId: 301 }));
    expect(inactive).to.be.instanceOf(VendorError);
    expect(isInactiveClient(inactive)).to.equal(true);
    expect(isInactiveClient(await rejection(fetchSeries(mock.base('audienceview'), { clientId: 999 })))).to.equal(false);
    await mock.chooseReadings({ 'audienceview.public.clientActive': 'data' });
    expect(isInactiveClient(await fetchSeries(mock.base('audienceview'), { clientId: 301 }))).to.equal(true);
    expect(isInactiveClient(await fetchSeries(mock.base('audienceview'), { clientId: 284 }))).to.equal(false);
  });

  it('turns a 200 with errors into a VendorError with the vendor message', async () => {
    const error = await rejection(fetchEvents(apiBase, { clientId: 999 }));
    expect(error).to.be.instanceOf(VendorError);
    expect(error.name).to.equal('VendorError');
    expect((error as VendorError).vendor).to.equal('audienceview');
    expect((error as VendorError).code).to.equal(PUBLIC_API_ERROR);
    expect(error.message).to.equal('Client 999 was not found.');
  });

  it('turns errors found only in serviceMessages into a VendorError', async () => {
    const error = await rejection(fetchSeries(apiBase, { clientId: 284, departmentId: 4040 }));
    expect(error).to.be.instanceOf(VendorError);
    expect(error.message).to.match(/Department 4040 does not exist/);
  });

  it('passes an injected vendor error message through', async () => {
    // Twice: while the month numbering is unknown, a refused month is asked again in the other one.
    await mock.fault({ vendor: 'audienceview', path: '/calendar/', kind: 'vendor-error', message: 'Calendar temporarily unavailable.', times: 2 });
    const error = await rejection(fetchCalendarMonth(apiBase, { clientId: 284, year: 2027, month: 4 }));
    expect(error.message).to.equal('Calendar temporarily unavailable.');
  });

  it("reports an edge proxy's HTML page as a ParseError", async () => {
    await mock.fault({ vendor: 'audienceview', path: '/events/', kind: 'html', status: 403 });
    const error = await rejection(fetchEvents(apiBase, { clientId: 284 }));
    expect(error).to.be.instanceOf(ParseError);
  });

  it('reports a blocked CORS preflight as a NetworkError and a stall as a TimeoutError', async () => {
    // Every attempt (GETs are retried on network errors) meets the blocked preflight.
    await mock.fault({ vendor: 'audienceview', path: '/series/', kind: 'cors-block' });
    expect(await rejection(fetchSeries(apiBase, { clientId: 284 }))).to.be.instanceOf(NetworkError);
    await mock.clearFaults();
    await mock.fault({ vendor: 'audienceview', path: '/series/', kind: 'delay', delayMs: 1500, times: 1 });
    expect(await rejection(fetchSeries(apiBase, { clientId: 284 }, { timeoutMs: 200 }))).to.be.instanceOf(TimeoutError);
  });

  it('rejects bad input with a ConfigError before any request', async () => {
    expect(await rejection(fetchEvents(apiBase, { clientId: 'abc' }))).to.be.instanceOf(ConfigError);
    expect(await rejection(fetchEvents(apiBase, { clientId: 284, productionId: 1, departmentId: 2 }))).to.be.instanceOf(ConfigError);
    expect(await rejection(fetchCalendarMonth(apiBase, { clientId: 284, year: 2027, month: 13 }))).to.be.instanceOf(ConfigError);
    expect(await mock.requests()).to.deep.equal([]);
  });

  it('builds the documented paths against the public host by default', () => {
    expect(AUDIENCEVIEW_API_BASE).to.equal('https://api.ovationtix.com');
    expect(publicPath('series', { clientId: 284, departmentId: 1219 })).to.equal('/public/series/client(284)/department(1219)');
  });
});
