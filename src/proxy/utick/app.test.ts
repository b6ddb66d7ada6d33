/**
 * The signing proxy, against the mock Utick (which checks every signature). Two ways in: the
 * proxy as the mock server mounts it (`<mock>/s/<world>/utick-proxy`, the same Node adapter the
 * CLI uses), and the Hono app itself, called in the page, where a test needs its own options
 * (another origin list, a log, two clients).
 */
import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { signUtickRequest, UTICK_SIGNATURE_HEADER, type UtickKeyPair } from '../../api/utick/signature.js';
import { createUtickProxy, resolveUtickUpstream, utickProxyOptionsFromEnv, type UtickProxyOptions } from './app.js';

const NOW = '2027-03-01T12:00:00Z';

interface CodesTable {
  streams: { streamId: string; accessCodes: Record<string, number>; contactIds: Record<string, number> }[];
}

describe('Utick signing proxy', () => {
  let mock: MockWorld;
  let ids: Record<string, string>;
  let keys: UtickKeyPair;
  let codes: CodesTable;
  let proxy: string;
  const opened = Date.now();
  /** The mock world's clock: signatures are checked against it. */
  const worldNow = () => Date.parse(NOW) + (Date.now() - opened);
  const codeFor = (streamId: string, result: number) => Object.entries(codes.streams.find((s) => s.streamId === streamId)!.accessCodes).find(([, r]) => r === result)![0];
  /** The control endpoint at the seed's path (the proxy serves it with a trailing slash too). */
  const control = (streamId: string, code: string) => `/catalogue/streams/${streamId}/control?accesscode=${encodeURIComponent(code)}`;

  /** The Hono app in this page, in front of this world's mock Utick. */
  const app = (options: Partial<UtickProxyOptions> = {}) =>
    createUtickProxy({ ...keys, upstream: mock.base('utick'), allowedOrigins: ['https://venue.example'], now: worldNow, log: false, ...options });

  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
    ids = await mock.control('utick', '/ids');
    keys = await mock.control<UtickKeyPair>('utick', '/keys');
    codes = await mock.control<CodesTable>('utick', '/codes');
    proxy = `${mock.origin}/s/${mock.id}/utick-proxy`;
  });

  it('signs what it forwards: the mock accepts it, and refuses the same request unsigned', async () => {
    const through = await fetch(`${proxy}/catalogue/streams/${ids.liveStream}/`);
    expect(through.status).to.equal(200);
    expect((await through.json()).response.id).to.equal(ids.liveStream);

    const direct = await fetch(`${mock.base('utick')}/catalogue/streams/${ids.liveStream}/`);
    expect(direct.status).to.equal(401);

    const [signed, unsigned] = await mock.requests();
    expect(signed!.status).to.equal(200);
    expect(signed!.headers).to.include.keys('x-utick-public-key', 'x-utick-timestamp', 'x-utick-signature');
    expect(signed!.headers['x-utick-public-key']).to.equal(keys.publicKey);
    expect(JSON.stringify(signed!.headers), 'the private key never travels').not.to.contain(keys.privateKey);
    expect(unsigned!.status).to.equal(401);
  });

  it('signs every endpoint the elements use, query included', async () => {
    const paths = [
      '/catalogue/packs?limit=3&offset=6',
      `/catalogue/packs/${ids.seedPack}`,
      `/catalogue/packs/details/${ids.seedPack}/`,
      '/catalogue/streams?limit=5',
      `/catalogue/streams/${ids.archivedStream}/`,
      control(ids.vodStream!, codeFor(ids.vodStream!, 10)),
    ];
    for (const path of paths) {
      const res = await fetch(proxy + path);
      expect(res.status, path).to.equal(200);
    }
    expect((await mock.requests()).map((r) => r.status)).to.deep.equal(paths.map(() => 200));
  });

  it('a tampered request is refused by Utick: another query, or one changed character', async () => {
    await fetch(`${proxy}${control(ids.liveStream!, 'AAAA-AAAA')}`);
    const [sent] = await mock.requests();
    const signature = {
      'X-Utick-Public-Key': sent!.headers['x-utick-public-key']!,
      'X-Utick-Timestamp': sent!.headers['x-utick-timestamp']!,
      'X-Utick-Signature': sent!.headers['x-utick-signature']!,
    };
    // Replayed for another code: the signature covers the query.
    const replayed = await fetch(`${mock.base('utick')}${control(ids.liveStream!, codeFor(ids.liveStream!, 10))}`, { headers: signature });
    expect(replayed.status).to.equal(401);
    expect(await replayed.json()).to.deep.equal({ success: false, response: null, error: { code: 401, message: 'Invalid signature' } });

    const flipped = signature['X-Utick-Signature'].replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const forged = await fetch(`${mock.base('utick')}${control(ids.liveStream!, 'AAAA-AAAA')}`, { headers: { ...signature, [UTICK_SIGNATURE_HEADER]: flipped } });
    expect(forged.status).to.equal(401);

    // A proxy holding the wrong private key: Utick's refusal passes through as it came.
    const wrongKey = await app({ privateKey: 'sk_not_the_key' }).request(`/catalogue/streams/${ids.liveStream}/`);
    expect(wrongKey.status).to.equal(401);
    expect(wrongKey.headers.get('content-type')).to.match(/^application\/json/);
    expect((await wrongKey.json()).error.message).to.equal('Invalid signature');

  });

  it('signs with the venue’s own signer when given one (the scheme is not in the document)', async () => {
    const seen: string[] = [];
    const otherScheme = app({
      sign: async (input) => {
        seen.push(`${input.method} ${input.pathAndQuery}`);
        return { 'X-Utick-Public-Key': input.publicKey, 'X-Utick-Timestamp': String(Math.floor(input.timestamp! / 1000)), 'X-Utick-Signature': 'ab'.repeat(32), 'X-Venue-Scheme': 'v2' };
      },
    });
    const answer = await otherScheme.request(`/catalogue/streams/${ids.liveStream}/`);
    expect(answer.status, 'the mock knows only its own scheme: refused').to.equal(401);
    expect(seen).to.deep.equal([`GET /catalogue/streams/${ids.liveStream}`]);
    const [sent] = await mock.requests();
    expect(sent!.headers['x-venue-scheme'], 'the signer’s headers are the ones sent').to.equal('v2');
    expect(sent!.headers['x-utick-signature']).to.equal('ab'.repeat(32));
  });

  it('refuses paths and methods it does not serve, without calling Utick', async () => {
    for (const path of ['/catalogue/orders', `/catalogue/streams/${ids.liveStream}/control/extra`, `/catalogue/streams/${ids.liveStream}//control`, '/catalogue', '/admin/keys', '/']) {
      const res = await fetch(proxy + path);
      expect(res.status, path).to.equal(404);
      expect((await res.json()).error.message).to.equal('Not served by this proxy');
    }
    expect((await fetch(`${proxy}/catalogue/packs`, { method: 'POST' })).status).to.equal(405);
    for (const method of ['PUT', 'DELETE', 'PATCH']) expect((await app().request('/catalogue/packs', { method })).status, method).to.equal(405);
    expect(await mock.requests()).to.deep.equal([]);
  });

  it('calls Utick at the seed’s exact paths, whichever form the element used', async () => {
    const live = ids.liveStream!;
    const pack = ids.seedPack!;
    const code = codeFor(live, 10);
    const asked = [
      [`/catalogue/streams/${live}/control/?accesscode=${code}`, `/catalogue/streams/${live}/control`],
      [`/catalogue/streams/${live}/control?accesscode=${code}`, `/catalogue/streams/${live}/control`],
      [`/catalogue/streams/${live}/`, `/catalogue/streams/${live}`],
      [`/catalogue/streams/${live}`, `/catalogue/streams/${live}`],
      [`/catalogue/packs/details/${pack}`, `/catalogue/packs/details/${pack}/`],
      [`/catalogue/packs/details/${pack}/`, `/catalogue/packs/details/${pack}/`],
      [`/catalogue/packs/${pack}/`, `/catalogue/packs/${pack}`],
      ['/catalogue/packs/', '/catalogue/packs'],
      ['/catalogue/streams/', '/catalogue/streams'],
    ];
    // The mock's default reading (`utick.paths` = documented-only, pinned here) serves nothing but the seed's forms.
    await mock.chooseReadings({ 'utick.paths': 'documented-only' });
    for (const [path] of asked) expect((await fetch(proxy + path!)).status, path).to.equal(200);
    expect((await mock.requests()).map((r) => r.path)).to.deep.equal(asked.map(([, upstream]) => upstream));
    expect(await (await fetch(proxy + control(live, code))).text(), 'a stream unlocks').to.equal('10');
  });

  it('unlocks under either reading of the paths: Utick documented-only, or tolerant of a trailing slash', async () => {
    const live = ids.liveStream!;
    const code = codeFor(live, 10);
    const slashed = `/catalogue/streams/${live}/control/?accesscode=${code}`;
    const signedFetch = async (pathAndQuery: string) =>
      fetch(mock.base('utick') + pathAndQuery, { headers: await signUtickRequest({ ...keys, method: 'GET', pathAndQuery, timestamp: worldNow() }) });
    // The strict Utick: the slashed form is not its path.
    await mock.chooseReadings({ 'utick.paths': 'documented-only' });
    expect((await signedFetch(slashed)).status).to.equal(404);
    expect(await (await fetch(proxy + slashed)).text()).to.equal('10');
    await mock.chooseReadings({ 'utick.paths': 'tolerant' });
    expect((await signedFetch(slashed)).status).to.equal(200);
    expect(await (await fetch(proxy + slashed)).text()).to.equal('10');
  });

  it('forwards only the documented query parameters', async () => {
    await fetch(`${proxy}/catalogue/packs?limit=2&debug=1&offset=4&__proto__=x`);
    await fetch(`${proxy}/catalogue/packs/details/${ids.seedPack}/?stockid=S1&all=true`);
    expect((await mock.requests()).map((r) => r.query)).to.deep.equal(['?limit=2&offset=4', '?stockid=S1']);
  });

  it('passes Utick’s answers through: status, body and content-type', async () => {
    const missing = await fetch(`${proxy}/catalogue/streams/NOPE/`);
    expect(missing.status).to.equal(404);
    expect(await missing.json()).to.deep.equal({ success: false, response: null, error: { code: 404, message: 'Stream not found' } });
    const bare = await fetch(`${proxy}${control(ids.vodStream!, codeFor(ids.vodStream!, 30))}`);
    expect(bare.headers.get('content-type')).to.equal('application/json');
    expect(await bare.text()).to.equal('30');
    await mock.fault({ vendor: 'utick', kind: 'rate-limit', retryAfter: 42, times: 1 });
    const limited = await fetch(`${proxy}/catalogue/packs?limit=1`);
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after'), 'readable cross-origin').to.equal('42');
  });

  it('throttles repeated wrong codes per client and stream; right codes do not count', async () => {
    const right = codeFor(ids.liveStream!, 10);
    for (let i = 0; i < 3; i++) expect(await (await fetch(proxy + control(ids.liveStream!, right))).text()).to.equal('10');
    for (let i = 0; i < 5; i++) expect(await (await fetch(proxy + control(ids.liveStream!, `WRONG-${i}`))).text()).to.equal('-1');

    const blocked = await fetch(proxy + control(ids.liveStream!, right));
    expect(blocked.status, 'the sixth wrong try, and even a right code after it').to.equal(429);
    expect(Number(blocked.headers.get('retry-after'))).to.be.within(1, 15 * 60);
    expect((await blocked.json()).error.code).to.equal(429);
    expect((await mock.received('streamControl')).length, 'Utick never saw the throttled attempt').to.equal(8);

    // Another stream has its own allowance; reads are never throttled.
    expect((await fetch(proxy + control(ids.vodStream!, 'WRONG-X'))).status).to.equal(200);
    expect((await fetch(`${proxy}/catalogue/streams/${ids.liveStream}/`)).status).to.equal(200);
  });

  it('does not count attempts Utick gave no verdict on', async () => {
    await mock.fault({ vendor: 'utick', path: '/control', kind: 'http-error', status: 503, times: 6 });
    for (let i = 0; i < 6; i++) expect((await fetch(proxy + control(ids.liveStream!, `DOWN-${i}`))).status).to.equal(503);
    expect(await (await fetch(proxy + control(ids.liveStream!, codeFor(ids.liveStream!, 1)))).text()).to.equal('1');
  });

  it('counts a burst of parallel guesses before Utick answers', async () => {
    const proxyApp = app();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => proxyApp.request(control(ids.liveStream!, `BURST-${i}`))));
    expect(answers.filter((a) => a.status === 429)).to.have.length(7);
  });

  it('keeps clients apart, and caps one client over all streams', async () => {
    const proxyApp = app({ clientAddress: (c) => c.req.header('x-test-client'), rateLimit: { perStream: 2, perClient: 3 } });
    const ask = (client: string, streamId: string) => proxyApp.request(control(streamId, 'NOPE-NOPE'), { headers: { 'x-test-client': client } });
    expect((await ask('a', ids.liveStream!)).status).to.equal(200);
    expect((await ask('a', ids.liveStream!)).status).to.equal(200);
    expect((await ask('a', ids.liveStream!)).status).to.equal(429);
    expect((await ask('b', ids.liveStream!)).status, 'another client').to.equal(200);
    expect((await ask('a', ids.vodStream!)).status).to.equal(200);
    expect((await ask('a', ids.upcomingStream!)).status, 'three wrong codes over all streams').to.equal(429);
  });

  /** A request as a server receives it, Origin included (a page may not set Origin itself). */
  const fromOrigin = (origin: string, path: string, init: { method?: string; headers?: Record<string, string> } = {}) => {
    const request = new Request(`http://proxy.test${path}`, { method: init.method ?? 'GET' });
    Object.defineProperty(request, 'headers', { value: new Headers({ ...init.headers, origin }) });
    return request;
  };

  it('sets CORS for the venue’s origins, preflight too, and refuses other origins', async () => {
    const proxyApp = app();
    const allowed = await proxyApp.fetch(fromOrigin('https://venue.example', '/catalogue/packs?limit=1'));
    expect(allowed.status).to.equal(200);
    expect(allowed.headers.get('access-control-allow-origin')).to.equal('https://venue.example');
    expect(allowed.headers.get('access-control-expose-headers')?.toLowerCase()).to.contain('retry-after');

    const preflight = await proxyApp.fetch(fromOrigin('https://venue.example', '/catalogue/packs', { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' } }));
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('access-control-allow-origin')).to.equal('https://venue.example');
    expect(preflight.headers.get('access-control-allow-methods')).to.contain('GET');

    const before = (await mock.requests()).length;
    const other = await proxyApp.fetch(fromOrigin('https://evil.example', '/catalogue/packs?limit=1'));
    expect(other.status).to.equal(403);
    expect(other.headers.get('access-control-allow-origin')).to.equal(null);
    const otherPreflight = await proxyApp.fetch(fromOrigin('https://evil.example', '/catalogue/packs', { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' } }));
    expect(otherPreflight.headers.get('access-control-allow-origin')).to.equal(null);
    expect((await mock.requests()).length, 'no upstream call for a refused origin').to.equal(before);

    // A real cross-origin page (this test page) through the mounted proxy, with a preflight.
    const real = await fetch(`${proxy}/catalogue/packs?limit=1`, { headers: { 'x-requested-with': 'venue-widgets' } });
    expect(real.status).to.equal(200);
  });

  it('logs method, path and status, never a code, a contact id or a key', async () => {
    const lines: string[] = [];
    const proxyApp = app({ log: (line) => lines.push(line) });
    const code = codeFor(ids.liveStream!, 20);
    const contact = Object.keys(codes.streams.find((s) => s.streamId === ids.liveStream)!.contactIds)[0]!;
    await proxyApp.request(control(ids.liveStream!, code));
    await proxyApp.request(`/catalogue/streams/${ids.liveStream}/control/?contactid=${contact}`);
    await proxyApp.request('/catalogue/packs?limit=1');
    expect(lines).to.have.length(3);
    expect(lines[0]).to.match(new RegExp(`^GET /catalogue/streams/${ids.liveStream}/control 200 \\d+\\.\\dms$`));
    const all = lines.join('\n');
    for (const secret of [code, contact, keys.privateKey, keys.publicKey, 'accesscode', 'contactid', 'limit=']) expect(all).not.to.contain(secret);
  });

  it('reads its configuration from the environment', () => {
    const options = utickProxyOptionsFromEnv({
      UTICK_PUBLIC_KEY: 'pk',
      UTICK_PRIVATE_KEY: 'sk',
      UTICK_UPSTREAM: 'test',
      UTICK_ALLOWED_ORIGINS: 'https://venue.example, https://www.venue.example',
    });
    expect(options).to.deep.equal({ publicKey: 'pk', privateKey: 'sk', upstream: 'https://sapiti.ovh/v1', allowedOrigins: ['https://venue.example', 'https://www.venue.example'] });
    expect(resolveUtickUpstream(undefined)).to.equal('https://sapiti.net/v1');
    expect(resolveUtickUpstream('live')).to.equal('https://sapiti.net/v1');
    expect(resolveUtickUpstream('http://127.0.0.1:8787/utick/')).to.equal('http://127.0.0.1:8787/utick');
    expect(() => resolveUtickUpstream('ftp://x')).to.throw(/UTICK_UPSTREAM/);
    expect(() => utickProxyOptionsFromEnv({ UTICK_PUBLIC_KEY: 'pk', UTICK_ALLOWED_ORIGINS: '*' })).to.throw(/UTICK_PRIVATE_KEY/);
    expect(() => utickProxyOptionsFromEnv({ UTICK_PUBLIC_KEY: 'pk', UTICK_PRIVATE_KEY: 'sk' })).to.throw(/UTICK_ALLOWED_ORIGINS/);
  });
});
