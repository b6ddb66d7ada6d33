import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { ConfigError, ParseError, TimeoutError, VendorError } from '../errors.js';
import { controlStreamAccess, getPack, getPackDetails, getStream, listPacks, listStreams } from './catalogue.js';
import { isAccessGranted, isStreamPublished, UTICK_PACK_TYPES } from './types.js';
import { rejection } from '../../../test/rejection.js';

interface CodesTable {
  streams: { streamId: string; accessCodes: Record<string, number>; contactIds: Record<string, number> }[];
}

/** A world that stands behind the venue's signing proxy: the browser client talks to it unsigned. */
async function proxiedWorld(config: Record<string, boolean> = {}) {
  const mock = await openMockWorld({ now: '2027-03-01T12:00:00Z' });
  await mock.control('utick', '/config', { method: 'POST', body: JSON.stringify({ requireSignature: false, ...config }) });
  const ids = await mock.control<Record<string, string>>('utick', '/ids');
  return { mock, ids, apiBase: mock.base('utick') };
}


describe('Utick catalogue client', () => {
  let mock: MockWorld;
  let ids: Record<string, string>;
  let apiBase: string;
  beforeEach(async () => {
    ({ mock, ids, apiBase } = await proxiedWorld());
  });

  it('pages through every published pack, unwrapped from the envelope', async () => {
    const first = await listPacks(apiBase, { limit: 200 });
    const second = await listPacks(apiBase, { limit: 200, offset: 200 });
    const last = await listPacks(apiBase, { limit: 200, offset: 400 });
    expect(first).to.have.length(200);
    expect(second).to.have.length(200);
    expect(last.length).to.be.within(1, 199);
    expect(first[0]).to.include({ id: ids.seedPack, label: 'Pass de 10 places', typeid: 20 });
    const all = [...first, ...second, ...last];
    expect(new Set(all.map((p) => p.id)).size).to.equal(all.length);
    expect(all.every((p) => p.typeid in UTICK_PACK_TYPES)).to.equal(true);
  });

  it('refuses a page over 200 before sending anything', async () => {
    const error = await rejection(listPacks(apiBase, { limit: 500 }));
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as ConfigError).attribute).to.equal('limit');
    expect(await mock.requests()).to.deep.equal([]);
  });

  it('gets a pack and its sets of stocks, filtered by stock when asked', async () => {
    const pack = await getPack(apiBase, ids.seedPack!);
    expect(pack.label).to.equal('Pass de 10 places');
    const details = await getPackDetails(apiBase, ids.seedPack!);
    expect(details.id).to.equal(pack.id);
    const stocks = (details.sets ?? []).flatMap((set) => set.stocks ?? []);
    expect(stocks.length).to.be.greaterThan(1);
    const filtered = await getPackDetails(apiBase, ids.seedPack!, { stockId: stocks[0]!.id });
    expect((filtered.sets ?? []).flatMap((set) => (set.stocks ?? []).map((s) => s.id))).to.deep.equal([stocks[0]!.id]);
    expect((await mock.requests()).some((r) => new URLSearchParams(r.query).get('stockid') === stocks[0]!.id), 'the seed\'s stockid filter').to.equal(true);
    const paths = (await mock.requests()).map((r) => r.path);
    expect(paths).to.include(`/catalogue/packs/details/${ids.seedPack}/`);
  });

  it('turns an unknown pack into a VendorError with Utick\'s code and message', async () => {
    const error = await rejection(getPack(apiBase, 'NOT-A-PACK'));
    expect(error).to.be.instanceOf(VendorError);
    expect(error).to.include({ vendor: 'utick', code: 404, status: 404, message: 'Pack not found' });
  });

  it('lists streams in every status, and only status 10 counts as published', async () => {
    const streams = await listStreams(apiBase);
    const published = streams.filter(isStreamPublished).map((s) => s.id);
    expect(published).to.include.members([ids.liveStream, ids.upcomingStream, ids.vodStream]);
    expect(published).not.to.include.members([ids.cancelledStream, ids.noBookingStream, ids.draftStream, ids.deletedStream]);
    expect(Number(streams.find((s) => s.id === ids.vodStream)!.access_duration)).to.equal(48);
  });

  it('gets a stream by its contract path, even when its id is not a valid UUID', async () => {
    const stream = await getStream(`${apiBase}/`, ids.archivedStream!);
    expect(stream).to.include({ id: ids.archivedStream });
    expect(stream.status).to.deep.equal({ id: -10, label: 'Archived' });
    const [request] = await mock.requests();
    expect(request!.path).to.equal(`/catalogue/streams/${ids.archivedStream}/`);
  });

  it('reads the payload when a server answers bare, as the seed examples show', async () => {
    const bare = await proxiedWorld({ envelope: false });
    const stream = await getStream(bare.apiBase, bare.ids.liveStream!);
    expect(stream.id).to.equal(bare.ids.liveStream);
    expect(await listPacks(bare.apiBase, { limit: 3 })).to.have.length(3);
  });

  it('treats success:false on an HTTP 200 as a VendorError', async () => {
    await mock.fault({ vendor: 'utick', kind: 'vendor-error', code: 1203, message: 'Catalogue indisponible' });
    const error = await rejection(listStreams(apiBase));
    expect(error).to.be.instanceOf(VendorError);
    expect(error).to.include({ vendor: 'utick', code: 1203, message: 'Catalogue indisponible' });
  });

  it('retries a rate-limited read after Retry-After, and reports a long one with its delay', async () => {
    await mock.fault({ vendor: 'utick', kind: 'rate-limit', retryAfter: 0, times: 1 });
    expect(await listPacks(apiBase, { limit: 1 })).to.have.length(1);

    await mock.fault({ vendor: 'utick', kind: 'rate-limit', retryAfter: 60 });
    const error = await rejection(listPacks(apiBase, { limit: 1 }));
    expect(error).to.be.instanceOf(VendorError);
    expect(error).to.include({ code: 429, status: 429, retryAfterMs: 60_000 });
  });

  it('says "Invalid signature" when api-base reaches Utick without the signing proxy', async () => {
    await mock.control('utick', '/config', { method: 'POST', body: JSON.stringify({ requireSignature: true }) });
    const error = await rejection(listStreams(apiBase));
    expect(error).to.include({ name: 'VendorError', code: 401, status: 401, message: 'Invalid signature' });
  });

  it('reports an HTML error page as a ParseError and a stall as a TimeoutError', async () => {
    await mock.fault({ vendor: 'utick', kind: 'html', status: 403, times: 1 });
    expect(await rejection(getStream(apiBase, ids.liveStream!))).to.be.instanceOf(ParseError);
    await mock.fault({ vendor: 'utick', kind: 'delay', delayMs: 3000, times: 1 });
    expect(await rejection(getStream(apiBase, ids.liveStream!, { timeoutMs: 200 }))).to.be.instanceOf(TimeoutError);
  });

  it('needs an api-base and an id', async () => {
    expect(await rejection(listPacks(''))).to.include({ name: 'ConfigError', attribute: 'api-base' });
    expect(await rejection(getStream(apiBase, ' '))).to.include({ name: 'ConfigError', attribute: 'stream-id' });
  });
});

describe('Utick stream access control client', () => {
  let mock: MockWorld;
  let ids: Record<string, string>;
  let apiBase: string;
  let codes: CodesTable;
  const streamCodes = (id: string) => codes.streams.find((s) => s.streamId === id)!;
  beforeEach(async () => {
    ({ mock, ids, apiBase } = await proxiedWorld());
    codes = await mock.control<CodesTable>('utick', '/codes');
  });

  it('returns the integer code for an access code, at the path with the trailing slash', async () => {
    const [accessCode, expected] = Object.entries(streamCodes(ids.liveStream!).accessCodes).find(([, code]) => code === 10)!;
    const code = await controlStreamAccess(apiBase, ids.liveStream!, { accessCode: ` ${accessCode} ` });
    expect(code).to.equal(expected);
    expect(isAccessGranted(code)).to.equal(true);
    const [request] = await mock.requests();
    expect(request!.path).to.equal(`/catalogue/streams/${ids.liveStream}/control/`);
  });

  it('returns -1 for a wrong code and grants by contact id', async () => {
    const wrong = await controlStreamAccess(apiBase, ids.liveStream!, { accessCode: 'NOPE-NOPE' });
    expect(wrong).to.equal(-1);
    expect(isAccessGranted(wrong)).to.equal(false);
    const [contactId, expected] = Object.entries(streamCodes(ids.upcomingStream!).contactIds)[0]!;
    expect(await controlStreamAccess(apiBase, ids.upcomingStream!, { contactId })).to.equal(expected);
    const attempts = await mock.received<{ granted: boolean }>('streamControl');
    expect(attempts.map((a) => a.granted)).to.deep.equal([false, true]);
  });

  it('accepts the integer inside the envelope too', async () => {
    const wrapped = await proxiedWorld({ controlEnvelope: true });
    const table = await wrapped.mock.control<CodesTable>('utick', '/codes');
    const [accessCode, expected] = Object.entries(table.streams.find((s) => s.streamId === wrapped.ids.vodStream)!.accessCodes)[0]!;
    expect(await controlStreamAccess(wrapped.apiBase, wrapped.ids.vodStream!, { accessCode })).to.equal(expected);
  });

  it('refuses an empty code before sending anything', async () => {
    expect(await rejection(controlStreamAccess(apiBase, ids.liveStream!, { accessCode: '  ' }))).to.include({ name: 'ConfigError', attribute: 'access-code' });
    expect(await mock.requests()).to.deep.equal([]);
  });
});
