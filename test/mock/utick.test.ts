import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../mock.js';
import { strictestReadingsOf } from './readings.js';
import { expectSameShape } from '../shape.js';
import { utickPackExample, utickPackSetExample, utickStreamExample } from '../fixtures/seed-examples/utick.js';
import { signUtickRequest, type UtickKeyPair } from '../../src/api/utick/signature.js';

const NOW = '2027-03-01T12:00:00Z';
const NOW_MS = Date.parse(NOW);
const BRUSSELS_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;
const UUID_LIKE = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

interface Envelope<T = unknown> {
  success: boolean;
  response: T;
  error: { code: number | string; message: string } | null;
}

interface CodesTable {
  streams: {
    streamId: string;
    status: { id: number };
    open: boolean;
    accessCodes: Record<string, number>;
    contactIds: Record<string, number>;
    ifOpen: { accessCodes: Record<string, number> };
  }[];
}

type Ids = Record<string, string>;

/**
 * A world with the mock's keys, and a GET signed in the browser, at the world's clock. It plays the
 * default (strictest) readings unless told otherwise, whatever the backend-wide ones (MOCK_READINGS).
 */
async function signedWorld(now = NOW, readings: Record<string, string> = {}) {
  const mock = await openMockWorld({ now, readings: { ...strictestReadingsOf('utick'), ...readings } });
  const keys = await mock.control<UtickKeyPair>('utick', '/keys');
  const ids = await mock.control<Ids>('utick', '/ids');
  const get = async (pathAndQuery: string, sign: Partial<Parameters<typeof signUtickRequest>[0]> = {}) => {
    const headers = await signUtickRequest({ ...keys, method: 'GET', pathAndQuery, timestamp: Date.parse(now), ...sign });
    return fetch(mock.base('utick') + pathAndQuery, { headers });
  };
  const json = async <T>(pathAndQuery: string) => (await (await get(pathAndQuery)).json()) as Envelope<T>;
  return { mock, keys, ids, get, json };
}

describe('Utick mock: catalogue', () => {
  let world: Awaited<ReturnType<typeof signedWorld>>;
  before(async () => {
    world = await signedWorld();
  });

  it('lists packs in the envelope, each shaped like the seed example', async () => {
    const answer = await world.json<unknown[]>('/catalogue/packs?limit=50');
    expect(answer.success).to.equal(true);
    expect(answer.error).to.equal(null);
    expect(answer.response).to.have.length(50);
    expectSameShape(answer.response, [utickPackExample]);
  });

  it('pages with limit and offset past 200 without losing or repeating a pack', async () => {
    const pages = await Promise.all([0, 200, 400].map((offset) => world.json<{ id: string }[]>(`/catalogue/packs?limit=200&offset=${offset}`)));
    const ids = pages.flatMap((page) => page.response.map((pack) => pack.id));
    expect(pages[0]!.response).to.have.length(200);
    expect(pages[2]!.response.length).to.be.within(1, 199);
    expect(new Set(ids).size).to.equal(ids.length);
    const pastTheEnd = await world.json<unknown[]>(`/catalogue/packs?limit=10&offset=${ids.length}`);
    expect(pastTheEnd.response).to.deep.equal([]);
  });

  it('refuses a limit over 200 with a Utick error, instead of capping it', async () => {
    const res = await world.get('/catalogue/packs?limit=201');
    const answer = (await res.json()) as Envelope;
    expect(res.status).to.equal(400);
    expect(answer).to.include({ success: false, response: null });
    expect(answer.error?.code).to.equal(400);
  });

  it('has packs of every type id, HTML descriptions and ids that are not valid UUIDs', async () => {
    const answer = await world.json<{ id: string; typeid: number; description: string }[]>('/catalogue/packs?limit=200');
    const packs = answer.response;
    expect([...new Set(packs.map((p) => p.typeid))].sort((a, b) => a - b)).to.deep.equal([1, 10, 20, 100]);
    expect(packs.some((p) => !UUID_LIKE.test(p.id))).to.equal(true);
    expect(packs.some((p) => /<p>|<strong>/.test(p.description))).to.equal(true);
    expect(packs.find((p) => p.id === world.ids.maliciousPack)?.description).to.contain('onerror=');
  });

  it("answers one pack at the seed's path, with a trailing slash too where the tolerant reading is played, and 404 in the envelope for an unknown one", async () => {
    const one = await world.json<{ id: string }>(`/catalogue/packs/${world.ids.seedPack}`);
    expectSameShape(one.response, utickPackExample);
    expect((await world.get(`/catalogue/packs/${world.ids.seedPack}/`)).status, 'the strict reading serves only the seed\'s form').to.equal(404);
    const tolerant = await signedWorld(NOW, { 'utick.paths': 'tolerant' });
    const slashed = await tolerant.json<{ id: string }>(`/catalogue/packs/${tolerant.ids.seedPack}/`);
    expect(slashed.response).to.deep.equal((await tolerant.json<{ id: string }>(`/catalogue/packs/${tolerant.ids.seedPack}`)).response);
    expect(slashed.response.id).to.equal(one.response.id);
    const missing = await world.get('/catalogue/packs/00000000-0000-0000-0000-000000000000');
    expect(missing.status).to.equal(404);
    expect(((await missing.json()) as Envelope).error?.code).to.equal(404);
  });

  it('gives a pack its sets of stocks, and filters them by stockid', async () => {
    // Default reading: a stock carries no more than the seed lets us assume (an id and a label).
    const documented = await world.json<{ sets: { stocks: Record<string, unknown>[] }[] }>(`/catalogue/packs/details/${world.ids.seedPack}/`);
    const documentedStocks = documented.response.sets.flatMap((set) => set.stocks);
    expect(documentedStocks.length).to.be.greaterThan(1);
    for (const stock of documentedStocks) expect(Object.keys(stock).sort()).to.deep.equal(['id', 'label']);
    await world.mock.chooseReadings({ 'utick.packDetails.fields': 'full' });
    const details = await world.json<{ sets: { stocks: { id: string; starttime: string | null }[] }[] }>(
      `/catalogue/packs/details/${world.ids.seedPack}/`,
    );
    expectSameShape(details.response, { ...utickPackExample, sets: [utickPackSetExample] });
    const stocks = details.response.sets.flatMap((set) => set.stocks);
    expect(stocks.length).to.be.greaterThan(1);
    for (const stock of stocks) if (stock.starttime !== null) expect(stock.starttime).to.match(BRUSSELS_ISO);

    const chosen = stocks[1]!.id;
    const filtered = await world.json<{ sets: { stocks: { id: string }[] }[] }>(`/catalogue/packs/details/${world.ids.seedPack}/?stockid=${chosen}`);
    expect(filtered.response.sets.flatMap((set) => set.stocks.map((s) => s.id))).to.deep.equal([chosen]);
  });

  it('lists streams in every status, each shaped like the seed example', async () => {
    const answer = await world.json<{ status: { id: number }; access_duration: unknown }[]>('/catalogue/streams');
    expectSameShape(answer.response, [utickStreamExample]);
    expect(answer.response.map((s) => s.status.id).sort((a, b) => a - b)).to.include.members([-99, -10, -1, 0, 10, 11, 20]);
    for (const stream of answer.response) expect(stream.access_duration).to.be.a('string').and.match(/^\d+$/);
  });

  it('dates streams around the world clock, with the Brussels offset', async () => {
    const stream = async (id: string) => (await world.json<{ starttime: string | null; endtime: string | null; accessendtime: string | null }>(`/catalogue/streams/${id}`)).response;
    const live = await stream(world.ids.liveStream!);
    const upcoming = await stream(world.ids.upcomingStream!);
    const ended = await stream(world.ids.endedStream!);
    const vod = await stream(world.ids.vodStream!);
    expect(live.starttime).to.match(BRUSSELS_ISO).and.match(/\+01:00$/);
    expect(Date.parse(live.starttime!)).to.be.below(NOW_MS);
    expect(Date.parse(live.endtime!)).to.be.above(NOW_MS);
    expect(Date.parse(upcoming.starttime!)).to.equal(NOW_MS + 2 * 24 * 3600_000);
    expect(Date.parse(ended.accessendtime!)).to.be.below(NOW_MS);
    expect(vod).to.include({ starttime: null, endtime: null, accessendtime: null });
  });

  it('writes summer dates with +02:00', async () => {
    const summer = await signedWorld('2027-07-01T12:00:00Z');
    const live = (await summer.json<{ starttime: string }>(`/catalogue/streams/${summer.ids.liveStream}`)).response;
    expect(live.starttime).to.equal('2027-07-01T13:30:00+02:00');
  });

  it('serves a stream whose id is not a valid UUID', async () => {
    const archived = await world.json<{ id: string; status: { id: number } }>(`/catalogue/streams/${world.ids.archivedStream}`);
    expect(UUID_LIKE.test(archived.response.id)).to.equal(false);
    expect(archived.response.status.id).to.equal(-10);
  });

  it('points images at its own library, served unsigned like a public image host', async () => {
    const [pack] = (await world.json<{ image_url: string }[]>('/catalogue/packs?limit=1')).response;
    expect(pack!.image_url).to.equal(`${world.mock.base('utick')}/library/packs/${world.ids.seedPack!.toLowerCase()}.jpg`);
    const image = await fetch(pack!.image_url);
    expect(image.status).to.equal(200);
    expect(image.headers.get('content-type')).to.equal('image/svg+xml');
  });
});

describe('Utick mock: stream access control', () => {
  let world: Awaited<ReturnType<typeof signedWorld>>;
  let codes: CodesTable;
  const control = async (streamId: string, query: string) => world.get(`/catalogue/streams/${streamId}/control?${query}`);
  const codesOf = (streamId: string) => codes.streams.find((s) => s.streamId === streamId)!;

  beforeEach(async () => {
    world = await signedWorld();
    codes = await world.mock.control<CodesTable>('utick', '/codes');
  });

  it('answers each code of a live stream with its return code, as a bare integer', async () => {
    const live = codesOf(world.ids.liveStream!);
    const granted = Object.entries(live.accessCodes);
    expect(granted.map(([, code]) => code).sort((a, b) => a - b)).to.deep.equal([1, 10, 20, 30]);
    for (const [accessCode, expected] of granted) {
      const res = await control(live.streamId, `accesscode=${accessCode}`);
      expect(await res.text()).to.equal(String(expected));
    }
  });

  it('refuses an unknown code, another stream\'s code, and every code once access has ended', async () => {
    const live = codesOf(world.ids.liveStream!);
    const ended = codesOf(world.ids.endedStream!);
    const cancelled = codesOf(world.ids.cancelledStream!);
    const otherStreamsCode = Object.keys(codesOf(world.ids.vodStream!).accessCodes)[0]!;
    expect(await (await control(live.streamId, 'accesscode=ZZZZ-9999')).json()).to.equal(-1);
    expect(await (await control(live.streamId, `accesscode=${otherStreamsCode}`)).json()).to.equal(-1);
    expect(await (await control(ended.streamId, `accesscode=${Object.keys(ended.ifOpen.accessCodes)[0]}`)).json()).to.equal(-1);
    expect(await (await control(cancelled.streamId, `accesscode=${Object.keys(cancelled.ifOpen.accessCodes)[0]}`)).json()).to.equal(-1);
    expect(ended.open).to.equal(false);
  });

  it('grants by contact id', async () => {
    const vod = codesOf(world.ids.vodStream!);
    const [contactId, expected] = Object.entries(vod.contactIds)[0]!;
    expect(await (await control(vod.streamId, `contactid=${contactId}`)).json()).to.equal(expected);
  });

  it("is at the seed's path only (no trailing slash), and at both forms where the tolerant reading is played", async () => {
    const [accessCode] = Object.keys(codesOf(world.ids.liveStream!).accessCodes);
    const slashed = `/catalogue/streams/${world.ids.liveStream}/control/?accesscode=${accessCode}`;
    expect((await world.get(slashed)).status).to.equal(404);
    await world.mock.chooseReadings({ 'utick.paths': 'tolerant' });
    expect((await world.get(slashed)).status).to.equal(200);
  });

  it('records each attempt with its outcome but never the code', async () => {
    const [accessCode] = Object.keys(codesOf(world.ids.liveStream!).accessCodes);
    await control(world.ids.liveStream!, `accesscode=${accessCode}`);
    await control(world.ids.liveStream!, 'accesscode=WRONG-CODE');
    const attempts = await world.mock.received<{ streamId: string; granted: boolean }>('streamControl');
    expect(attempts.map((a) => [a.streamId, a.granted])).to.deep.equal([
      [world.ids.liveStream, true],
      [world.ids.liveStream, false],
    ]);
    expect(JSON.stringify(attempts)).not.to.contain(accessCode!).and.not.to.contain('WRONG-CODE');
  });
});

describe('Utick mock: signatures', () => {
  let world: Awaited<ReturnType<typeof signedWorld>>;
  const expectRefused = async (res: Response) => {
    expect(res.status).to.equal(401);
    expect(await res.json()).to.deep.equal({ success: false, response: null, error: { code: 401, message: 'Invalid signature' } });
  };
  before(async () => {
    world = await signedWorld();
  });

  it('accepts a request signed with the mock keys at the world clock', async () => {
    expect((await world.get('/catalogue/streams?limit=1')).status).to.equal(200);
  });

  it('refuses an unsigned request', async () => {
    await expectRefused(await fetch(`${world.mock.base('utick')}/catalogue/streams?limit=1`));
  });

  it('refuses a request whose query was changed after signing', async () => {
    const headers = await signUtickRequest({ ...world.keys, method: 'GET', pathAndQuery: '/catalogue/packs?limit=1', timestamp: NOW_MS });
    await expectRefused(await fetch(`${world.mock.base('utick')}/catalogue/packs?limit=100`, { headers }));
  });

  it('refuses a stale signature and one made with another private key', async () => {
    await expectRefused(await world.get('/catalogue/streams', { timestamp: NOW_MS - 10 * 60_000 }));
    await expectRefused(await world.get('/catalogue/streams', { privateKey: 'sk_someone_else' }));
  });

  it('lets unsigned requests through once the world stands behind the signing proxy', async () => {
    const proxied = await signedWorld();
    await proxied.mock.control('utick', '/config', { method: 'POST', body: JSON.stringify({ requireSignature: false }) });
    const res = await fetch(`${proxied.mock.base('utick')}/catalogue/streams?limit=1`);
    expect(res.status).to.equal(200);
  });
});

describe('Utick mock: faults', () => {
  let world: Awaited<ReturnType<typeof signedWorld>>;
  let mock: MockWorld;
  beforeEach(async () => {
    world = await signedWorld();
    mock = world.mock;
  });

  it('answers vendor-error as HTTP 200 with success:false and the rule code', async () => {
    await mock.fault({ vendor: 'utick', path: '/catalogue/packs', kind: 'vendor-error', code: 1203, message: 'Catalogue unavailable', times: 1 });
    const res = await world.get('/catalogue/packs');
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ success: false, response: null, error: { code: 1203, message: 'Catalogue unavailable' } });
    expect((await world.json('/catalogue/packs?limit=1')).success).to.equal(true);
  });

  it('answers rate-limit as 429 with Retry-After and the envelope', async () => {
    await mock.fault({ vendor: 'utick', kind: 'rate-limit', retryAfter: 7, times: 1 });
    const res = await world.get('/catalogue/streams');
    expect(res.status).to.equal(429);
    expect(res.headers.get('retry-after')).to.equal('7');
    expect(((await res.json()) as Envelope).error?.code).to.equal(429);
  });
});
