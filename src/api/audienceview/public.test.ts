import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { ConfigError, NetworkError, ParseError, TimeoutError, VendorError } from '../errors.js';
import { AUDIENCEVIEW_API_BASE, PUBLIC_API_ERROR, fetchCalendarMonth, fetchEvents, fetchSeries, publicPath } from './public.js';
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

  it('fetches a calendar month with literal parentheses, the clientId header and month + year', async () => {
    const month = await fetchCalendarMonth(apiBase + '/', { clientId: 284, productionId: 962459, year: 2027, month: 3 });
    const performances = Object.values(month.performancesByDateDisplay).flat();
    expect(performances).not.to.be.empty;
    expect(performances.every((p) => p.productionId === 962459 && p.productionName === 'Far Far Away')).to.equal(true);
    const [logged] = (await mock.requests()).filter((r) => r.method === 'GET');
    expect(logged!.path).to.equal('/public/calendar/client(284)/production(962459)');
    expect(logged!.query).to.equal('?month=3&year=2027');
    expect(logged!.headers.clientid).to.equal('284');
  });

  it('fetches the series and the events of a department', async () => {
    const series = await fetchSeries(apiBase, { clientId: '284' });
    const farFarAway = series.seriesInformation.find((s) => s.productionId === 962459)!;
    expect(PRODUCTION_COLOURS[farFarAway.productionStyle].hex).to.match(/^#[0-9a-f]{6}$/);
    const events = await fetchEvents(apiBase, { clientId: 284, departmentId: 1219 });
    expect(events.performances.every((p) => p.departmentId === 1219)).to.equal(true);
  });

  it('returns warnings to the caller instead of throwing (inactive client)', async () => {
    const series = await fetchSeries(apiBase, { clientId: 301 });
    expect(series.clientActive).to.equal(false);
    expect(series.warnings).to.have.length(1);
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
    await mock.fault({ vendor: 'audienceview', path: '/calendar/', kind: 'vendor-error', message: 'Calendar temporarily unavailable.', times: 1 });
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
