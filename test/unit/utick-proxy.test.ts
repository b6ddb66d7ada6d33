/**
 * The venue's Utick signing proxy (src/proxy/utick: app, attempt limiter) and the request signature
 * (src/api/utick/signature.ts). The signature oracle here is an HMAC computed with node:crypto from
 * the documented scheme, never the product's own verify.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createUtickProxy, resolveUtickUpstream, utickProxyOptionsFromEnv, UTICK_UPSTREAMS, type UtickProxyOptions } from '../../src/proxy/utick/app.js';
import { AttemptLimiter, DEFAULT_ATTEMPT_LIMIT, MemoryAttemptStore, takeFromLists, type StoredAttempt } from '../../src/proxy/utick/attempt-limiter.js';
import { signUtickRequest, verifyUtickSignature } from '../../src/api/utick/signature.js';

// A private key of its own per test: the signature module caches imported keys, and a key imported
// in an earlier run of the same process would hide a fault in the import.
const KEYS = { publicKey: 'pub-venue', privateKey: '' };
const newPrivateKey = () => void (KEYS.privateKey = `priv-secret-${Math.random().toString(36).slice(2)}`);
const MINUTE = 60_000;

/** The documented scheme, computed independently. */
function expectedSignature(publicKey: string, privateKey: string, seconds: number, method: string, pathAndQuery: string): string {
  return createHmac('sha256', privateKey).update(`${publicKey}\n${seconds}\n${method}\n${pathAndQuery}`).digest('hex');
}

interface Upstream {
  calls: { url: string; headers: Headers }[];
  fetch: typeof fetch;
}

/** A Utick stand-in: answers each control call with `codes` in turn (last repeats). */
function upstream(answer: (url: string) => Response | Promise<Response> = () => Response.json({ success: true, response: [] })): Upstream {
  const calls: Upstream['calls'] = [];
  return {
    calls,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), headers: new Headers(init?.headers) });
      return answer(String(input));
    }) as typeof fetch,
  };
}

function proxy(up: Upstream, extra: Partial<UtickProxyOptions> = {}) {
  let clock = Date.UTC(2026, 11, 2, 3, 0, 0);
  const lines: string[] = [];
  const app = createUtickProxy({
    ...KEYS,
    upstream: 'https://utick.example/v1/',
    allowedOrigins: ['https://venue.example/'],
    fetch: up.fetch,
    now: () => clock,
    log: (line) => lines.push(line),
    clientAddress: (c) => c.req.header('x-test-client') ?? undefined,
    ...extra,
  });
  return {
    app,
    lines,
    advance: (ms: number) => void (clock += ms),
    get: (path: string, headers: Record<string, string> = {}) => app.request(`http://proxy.local${path}`, { headers }),
  };
}

const controlAnswer = (code: number) => () => Response.json({ success: true, response: code });

describe('Utick proxy', () => {
  beforeEach(newPrivateKey);

  describe('Utick proxy: forwarding', () => {
    it('calls Utick at the seed path with only documented parameters, signed with the private key', async () => {
      const up = upstream();
      const p = proxy(up);
      const answer = await p.get('/catalogue/packs/?limit=20&offset=40&secret=x&accesscode=1');
      assert.equal(answer.status, 200);
      assert.equal(up.calls.length, 1);
      assert.equal(up.calls[0]!.url, 'https://utick.example/v1/catalogue/packs?limit=20&offset=40');
      const headers = up.calls[0]!.headers;
      const seconds = Date.UTC(2026, 11, 2, 3, 0, 0) / 1000;
      assert.equal(headers.get('x-utick-public-key'), 'pub-venue');
      assert.equal(headers.get('x-utick-timestamp'), String(seconds));
      assert.equal(headers.get('x-utick-signature'), expectedSignature('pub-venue', KEYS.privateKey, seconds, 'GET', '/catalogue/packs?limit=20&offset=40'));
      assert.equal(headers.get('accept'), 'application/json');
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    });

    it('serves each documented path with or without a trailing slash, at the exact upstream form', async () => {
      const up = upstream();
      const p = proxy(up);
      const cases: [string, string][] = [
        ['/catalogue/packs', '/catalogue/packs'],
        ['/catalogue/packs/P1/', '/catalogue/packs/P1'],
        ['/catalogue/packs/details/P1?stockid=S&limit=3', '/catalogue/packs/details/P1/?stockid=S'],
        ['/catalogue/streams/?offset=2', '/catalogue/streams?offset=2'],
        ['/catalogue/streams/S%201', '/catalogue/streams/S%201'],
      ];
      for (const [asked, sent] of cases) {
        assert.equal((await p.get(asked)).status, 200, asked);
        assert.equal(up.calls.at(-1)!.url, `https://utick.example/v1${sent}`, asked);
      }
    });

    it('each documented query parameter reaches Utick; others, and those of other paths, do not', async () => {
      const up = upstream(controlAnswer(1));
      const p = proxy(up);
      const cases: [string, string][] = [
        ['/catalogue/streams/S1/control?accesscode=C0DE&contactid=77&limit=5', '/catalogue/streams/S1/control?accesscode=C0DE&contactid=77'],
        ['/catalogue/streams/S1/control/', '/catalogue/streams/S1/control'],
        ['/catalogue/packs/P1?limit=5&stockid=3', '/catalogue/packs/P1'],
        ['/catalogue/streams/S1?limit=5', '/catalogue/streams/S1'],
        ['/catalogue/streams', '/catalogue/streams'],
        ['/catalogue/packs?limit=5&offset=0', '/catalogue/packs?limit=5&offset=0'],
        ['/catalogue/streams?limit=5&offset=0&accesscode=x', '/catalogue/streams?limit=5&offset=0'],
      ];
      for (const [asked, sent] of cases) {
        assert.equal((await p.get(asked)).status, 200, asked);
        assert.equal(up.calls.at(-1)!.url, `https://utick.example/v1${sent}`, asked);
      }
    });

    it('paths that only look like served ones are not served', async () => {
      const up = upstream();
      const p = proxy(up);
      for (const path of ['/v2/catalogue/packs', '/catalogue/packsx', '/catalogue/packs/details/P1/x', '/catalogue/streams/S1/control/x', '/catalogue/streams/S1/x', '/x/catalogue/streams/S1', '/x/catalogue/streams/S1/control', '/x/catalogue/packs/details/P1', '/x/catalogue/packs/P1', '/x/catalogue/streams']) {
        assert.equal((await p.get(path)).status, 404, path);
      }
      assert.equal(up.calls.length, 0);
    });

    it('anything else is a 404 in Utick envelope, another method a 405, neither reaching Utick', async () => {
      const up = upstream();
      const p = proxy(up);
      const missing = await p.get('/catalogue/orders');
      assert.equal(missing.status, 404);
      assert.deepEqual(await missing.json(), { success: false, response: null, error: { code: 404, message: 'Not served by this proxy' } });
      assert.equal((await p.get('/catalogue/packs/a/b')).status, 404);
      const post = await p.app.request('http://proxy.local/catalogue/packs', { method: 'POST' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, OPTIONS');
      assert.equal(up.calls.length, 0);
    });

    it("passes Utick's status, body, content type and Retry-After, nothing else", async () => {
      const up = upstream(() => new Response('{"busy":1}', { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '7', 'set-cookie': 'x=1', 'x-internal': 'y' } }));
      const answer = await proxy(up).get('/catalogue/streams');
      assert.equal(answer.status, 503);
      assert.equal(await answer.text(), '{"busy":1}');
      assert.equal(answer.headers.get('content-type'), 'application/json');
      assert.equal(answer.headers.get('retry-after'), '7');
      assert.equal(answer.headers.get('set-cookie'), null);
      assert.equal(answer.headers.get('x-internal'), null);
    });

    it('Utick unreachable is a 502; too slow a 504', async () => {
      const down = proxy(upstream(() => Promise.reject(new TypeError('connect ECONNREFUSED'))));
      const refused = await down.get('/catalogue/packs');
      assert.equal(refused.status, 502);
      assert.match(((await refused.json()) as any).error.message, /could not be reached/);
      const slow = proxy(
        upstream(() => new Promise<Response>(() => {})),
        { timeoutMs: 30, fetch: ((_: unknown, init?: RequestInit) => new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)))) as typeof fetch },
      );
      const late = await slow.get('/catalogue/packs');
      assert.equal(late.status, 504);
      assert.match(((await late.json()) as any).error.message, /in time/);
    });

    it('refuses pages of other origins before calling Utick; allows the venue and answers its preflight', async () => {
      const up = upstream();
      const p = proxy(up);
      const foreign = await p.get('/catalogue/packs', { origin: 'https://evil.example' });
      assert.equal(foreign.status, 403);
      assert.equal(up.calls.length, 0);
      const venue = await p.get('/catalogue/packs', { origin: 'https://venue.example' });
      assert.equal(venue.status, 200);
      assert.equal(venue.headers.get('access-control-allow-origin'), 'https://venue.example');
      assert.match(venue.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);
      const preflight = await p.app.request('http://proxy.local/catalogue/packs', { method: 'OPTIONS', headers: { origin: 'https://venue.example', 'access-control-request-method': 'GET' } });
      assert.ok(preflight.status === 204 || preflight.status === 200);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /GET/);
      assert.equal(preflight.headers.get('access-control-max-age'), '600');
      const any = proxy(upstream(), { allowedOrigins: ['*'] });
      assert.equal((await any.get('/catalogue/packs', { origin: 'https://anyone.example' })).status, 200);
    });

    it('logs method, path and status, never the access code', async () => {
      const p = proxy(upstream(controlAnswer(-1)));
      await p.get('/catalogue/streams/S1/control?accesscode=SECRET123');
      assert.equal(p.lines.length, 1);
      assert.match(p.lines[0]!, /^GET \/catalogue\/streams\/S1\/control 200 \d+\.\dms$/);
      assert.doesNotMatch(p.lines.join(), /SECRET123/);
    });

    it('needs both keys', () => {
      assert.throws(() => createUtickProxy({ publicKey: '', privateKey: 'x', upstream: 'https://u.example', allowedOrigins: ['*'] }), /public and a private key/);
      assert.throws(() => createUtickProxy({ publicKey: 'x', privateKey: '', upstream: 'https://u.example', allowedOrigins: ['*'] }), /public and a private key/);
    });
  });

  describe("Utick proxy: what the venue's pages and its operator are told", () => {
    it("every refusal is Utick's JSON envelope, never cached, with a message that says why", async () => {
      const p = proxy(upstream(controlAnswer(-1)), { rateLimit: { perStream: 1 } });
      const expect = async (answer: Response, status: number, message: string) => {
        assert.equal(answer.status, status);
        assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
        assert.equal(answer.headers.get('cache-control'), 'no-store');
        assert.deepEqual(await answer.json(), { success: false, response: null, error: { code: status, message } });
      };
      await expect(await p.get('/catalogue/packs', { origin: 'https://evil.example' }), 403, 'This origin is not allowed to use the Utick proxy');
      await expect(await p.app.request('http://proxy.local/catalogue/packs', { method: 'DELETE' }), 405, 'Method not allowed');
      await p.get('/catalogue/streams/S1/control?accesscode=A');
      await expect(await p.get('/catalogue/streams/S1/control?accesscode=B'), 429, 'Too many access code attempts');
      const broken = { take: () => Promise.reject(new Error('redis down')), refund: () => Promise.resolve() };
      await expect(await proxy(upstream(), { attemptStore: broken }).get('/catalogue/streams/S1/control?accesscode=A'), 503, 'Access checks are paused: the attempt limiter is unavailable');
    });

    it('the preflight allows exactly GET and OPTIONS', async () => {
      const preflight = await proxy(upstream()).app.request('http://proxy.local/catalogue/packs', { method: 'OPTIONS', headers: { origin: 'https://venue.example', 'access-control-request-method': 'GET' } });
      const methods = (preflight.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
      assert.deepEqual(methods.sort(), ['GET', 'OPTIONS']);
    });

    it('slashes at the end of the upstream and of allowed origins are all dropped', async () => {
      const up = upstream();
      const p = proxy(up, { upstream: 'https://utick.example/v1///', allowedOrigins: ['https://venue.example//'] });
      assert.equal((await p.get('/catalogue/packs', { origin: 'https://venue.example' })).status, 200);
      assert.equal(up.calls[0]!.url, 'https://utick.example/v1/catalogue/packs');
    });

    it("a Utick answer without Retry-After gets none (not the text 'null')", async () => {
      const answer = await proxy(upstream(() => new Response('[]', { status: 200 }))).get('/catalogue/streams');
      assert.equal(answer.headers.get('retry-after'), null);
      assert.equal(answer.headers.has('content-type'), answer.headers.get('content-type') !== null);
      assert.doesNotMatch(answer.headers.get('content-type') ?? '', /^null$/);
    });

    it('whatever the upstream throws, even nothing, is a clear 502', async () => {
      const p = proxy({ calls: [], fetch: (() => Promise.reject(undefined)) as unknown as typeof fetch });
      const answer = await p.get('/catalogue/packs');
      assert.equal(answer.status, 502);
      assert.match(((await answer.json()) as any).error.message, /could not be reached/);
    });

    it('without a Node socket (another runtime, or none known) clients share one allowance instead of failing', async () => {
      for (const env of [undefined, {}, { incoming: {} }]) {
        const app = createUtickProxy({ ...KEYS, upstream: 'https://utick.example/v1', allowedOrigins: ['*'], fetch: upstream(controlAnswer(-1)).fetch, log: false, rateLimit: { perStream: 1 } });
        const ask = () => app.request('http://p/catalogue/streams/S/control?accesscode=A', {}, env);
        assert.equal((await ask()).status, 200, JSON.stringify(env));
        assert.equal((await ask()).status, 429, JSON.stringify(env));
      }
    });

    it('by default Utick is reached with the global fetch and each request logged to the console', async () => {
      const originalFetch = globalThis.fetch;
      const originalLog = console.log;
      const urls: string[] = [];
      const lines: unknown[] = [];
      globalThis.fetch = (async (input: RequestInfo | URL) => {
        urls.push(String(input));
        return Response.json({ success: true, response: [] });
      }) as typeof fetch;
      console.log = (line: unknown) => void lines.push(line);
      try {
        const app = createUtickProxy({ ...KEYS, upstream: 'https://utick.example/v1', allowedOrigins: ['*'] });
        assert.equal((await app.request('http://p/catalogue/packs')).status, 200);
      } finally {
        globalThis.fetch = originalFetch;
        console.log = originalLog;
      }
      assert.deepEqual(urls, ['https://utick.example/v1/catalogue/packs']);
      assert.equal(lines.length, 1);
      assert.match(String(lines[0]), /^GET \/catalogue\/packs 200 /);
    });
  });

  describe('Utick proxy: wrong access codes', () => {
    it('five wrong codes on a stream, then 429 with Retry-After until the window frees one', async () => {
      const up = upstream(controlAnswer(-1));
      const p = proxy(up);
      const client = { 'x-test-client': '203.0.113.9' };
      for (let i = 0; i < 5; i++) {
        assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=WRONG' + i, client)).status, 200);
        p.advance(MINUTE);
      }
      const refused = await p.get('/catalogue/streams/S1/control?accesscode=GUESS', client);
      assert.equal(refused.status, 429);
      // The first attempt ends its 15-minute window 10 minutes from now.
      assert.equal(refused.headers.get('retry-after'), String(10 * 60));
      assert.equal(up.calls.length, 5);
      // Another stream, another client: their own allowance.
      assert.equal((await p.get('/catalogue/streams/S2/control?accesscode=X', client)).status, 200);
      assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=X', { 'x-test-client': '198.51.100.1' })).status, 200);
      // The window forgets: after it the client may try again.
      p.advance(10 * MINUTE);
      assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=AGAIN', client)).status, 200);
      assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=AGAIN', client)).status, 429);
    });

    it('a right code, or no verdict from Utick, does not use up the allowance', async () => {
      let code = 1;
      let status = 200;
      const up = upstream(() => (status === 200 ? Response.json({ success: true, response: code }) : new Response('down', { status })));
      const p = proxy(up, { rateLimit: { perStream: 2 } });
      for (const granted of [1, 10, 20, 30]) {
        code = granted;
        for (let i = 0; i < 3; i++) assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=OK')).status, 200, `code ${granted}`);
      }
      status = 500;
      for (let i = 0; i < 3; i++) assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=OK')).status, 500);
      status = 200;
      code = -1;
      await p.get('/catalogue/streams/S1/control?accesscode=BAD');
      await p.get('/catalogue/streams/S1/control?accesscode=BAD');
      assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=BAD')).status, 429);
    });

    it('a bare integer answer counts like the envelope; an unreadable one refunds', async () => {
      let body = '-1';
      const p = proxy(upstream(() => new Response(body, { headers: { 'content-type': 'application/json' } })), { rateLimit: { perStream: 1 } });
      assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=A')).status, 200);
      assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=A')).status, 429);
      const q = proxy(upstream(() => new Response(body)), { rateLimit: { perStream: 1 } });
      body = '1';
      await q.get('/catalogue/streams/S1/control?accesscode=A');
      assert.equal((await q.get('/catalogue/streams/S1/control?accesscode=A')).status, 200);
      body = '{"response": 10}';
      await q.get('/catalogue/streams/S1/control?accesscode=A');
      assert.equal((await q.get('/catalogue/streams/S1/control?accesscode=A')).status, 200);
      body = 'null';
      await q.get('/catalogue/streams/S1/control?accesscode=A');
      assert.equal((await q.get('/catalogue/streams/S1/control?accesscode=A')).status, 429);
    });

    it('clients without an address share one allowance (fails safe)', async () => {
      const p = proxy(upstream(controlAnswer(-1)), { rateLimit: { perStream: 1 } });
      await p.get('/catalogue/streams/S1/control?accesscode=A');
      assert.equal((await p.get('/catalogue/streams/S1/control?accesscode=A')).status, 429);
    });

    it("the node socket's address is the default client key", async () => {
      const up = upstream(controlAnswer(-1));
      const app = createUtickProxy({ ...KEYS, upstream: 'https://utick.example/v1', allowedOrigins: ['*'], fetch: up.fetch, log: false, rateLimit: { perStream: 1 } });
      const from = (ip: string) => app.request('http://p/catalogue/streams/S/control?accesscode=A', {}, { incoming: { socket: { remoteAddress: ip } } });
      assert.equal((await from('10.0.0.1')).status, 200);
      assert.equal((await from('10.0.0.1')).status, 429);
      assert.equal((await from('10.0.0.2')).status, 200);
    });

    it('a failing attempt store pauses access checks (503) but not the catalogue', async () => {
      const broken = { take: () => Promise.reject(new Error('redis down')), refund: () => Promise.resolve() };
      const up = upstream();
      const p = proxy(up, { attemptStore: broken });
      const paused = await p.get('/catalogue/streams/S1/control?accesscode=A');
      assert.equal(paused.status, 503);
      assert.equal(paused.headers.get('retry-after'), '5');
      assert.equal(up.calls.length, 0);
      assert.equal((await p.get('/catalogue/packs')).status, 200);
    });

    it('the client-wide allowance holds across streams', async () => {
      const p = proxy(upstream(controlAnswer(-1)), { rateLimit: { perStream: 10, perClient: 3 } });
      for (const stream of ['A', 'B', 'C']) assert.equal((await p.get(`/catalogue/streams/${stream}/control?accesscode=x`)).status, 200);
      assert.equal((await p.get('/catalogue/streams/D/control?accesscode=x')).status, 429);
    });

    it('Retry-After is at least one second', async () => {
      const store = { take: async () => ({ retryAfterMs: 1 }), refund: async () => {} };
      const answer = await proxy(upstream(), { attemptStore: store }).get('/catalogue/streams/S/control?accesscode=x');
      assert.equal(answer.status, 429);
      assert.equal(answer.headers.get('retry-after'), '1');
      const store2 = { take: async () => ({ retryAfterMs: 1001 }), refund: async () => {} };
      assert.equal((await proxy(upstream(), { attemptStore: store2 }).get('/catalogue/streams/S/control?accesscode=x')).headers.get('retry-after'), '2');
    });
  });

  describe('attempt limiter', () => {
    it('defaults: 5 per stream, 20 per client, 15 minutes', () => {
      assert.deepEqual(DEFAULT_ATTEMPT_LIMIT, { perStream: 5, perClient: 20, windowMs: 15 * MINUTE });
    });

    it('forgets an attempt once its window has passed, not a moment before', async () => {
      const limiter = new AttemptLimiter({ perStream: 1, perClient: 9, windowMs: 15 * MINUTE });
      const t0 = 1_000_000;
      assert.ok('attempt' in (await limiter.take('c', 's', t0)));
      const early = await limiter.take('c', 's', t0 + 15 * MINUTE - 1);
      assert.deepEqual(early, { retryAfterMs: 1 });
      assert.ok('attempt' in (await limiter.take('c', 's', t0 + 15 * MINUTE)));
    });

    it('a refunded attempt gives the allowance back, only that one', async () => {
      const limiter = new AttemptLimiter({ perStream: 2, perClient: 9, windowMs: MINUTE });
      const first = await limiter.take('c', 's', 0);
      const second = await limiter.take('c', 's', 1);
      assert.ok('attempt' in first && 'attempt' in second);
      assert.notEqual(first.attempt.id, second.attempt.id);
      assert.deepEqual(first.attempt.keys, ['c\ns', 'c']);
      assert.equal(first.attempt.shard, 'c');
      assert.ok('retryAfterMs' in (await limiter.take('c', 's', 2)));
      await limiter.refund(first.attempt);
      assert.ok('attempt' in (await limiter.take('c', 's', 3)));
      assert.ok('retryAfterMs' in (await limiter.take('c', 's', 4)));
      await limiter.refund({ shard: 'c', keys: ['c\ns', 'c'], id: 'never-taken' });
      assert.ok('retryAfterMs' in (await limiter.take('c', 's', 5)));
    });

    it('refunds the right attempt wherever it sits in the list (a later one, not only the oldest)', async () => {
      const limiter = new AttemptLimiter({ perStream: 2, perClient: 9, windowMs: MINUTE });
      await limiter.take('c', 's', 0);
      const second = await limiter.take('c', 's', 1);
      assert.ok('attempt' in second);
      await limiter.refund(second.attempt);
      assert.ok('attempt' in (await limiter.take('c', 's', 2)), 'the refunded second attempt is given back');
      assert.ok('retryAfterMs' in (await limiter.take('c', 's', 3)));
    });

    it('waits for the oldest attempt that must leave, when several are over', () => {
      const lists = new Map<string, StoredAttempt[]>([['k', [{ at: 100, id: 'a' }, { at: 200, id: 'b' }, { at: 300, id: 'c' }]]]);
      // max 2 with 3 held (a store shared with a stricter limit): wait until the 2nd-newest leaves.
      assert.equal(takeFromLists(lists, { shard: 'x', checks: [{ key: 'k', max: 2 }], id: 'd', now: 400, windowMs: 1000 }), 200 + 1000 - 400);
      assert.equal(lists.get('k')!.length, 3, 'a refused take records nothing');
      assert.equal(takeFromLists(lists, { shard: 'x', checks: [{ key: 'k', max: 4 }, { key: 'other', max: 1 }], id: 'd', now: 400, windowMs: 1000 }), 0);
      assert.deepEqual(lists.get('k')!.map((a) => a.id), ['a', 'b', 'c', 'd']);
      assert.deepEqual(lists.get('other'), [{ at: 400, id: 'd' }]);
      // The longest wait of all full keys.
      const wait = takeFromLists(lists, { shard: 'x', checks: [{ key: 'other', max: 1 }, { key: 'k', max: 4 }], id: 'e', now: 500, windowMs: 1000 });
      assert.equal(wait, 900);
    });

    it("keeps no attempt past its window (memory stays bounded by the window, not the proxy's uptime)", async () => {
      const store = new MemoryAttemptStore();
      const lists = (store as unknown as { lists: Map<string, { at: number }[]> }).lists;
      const take = (now: number) => store.take({ shard: 'c', checks: [{ key: 'k', max: 3 }], id: String(now), now, windowMs: 100 });
      await take(0);
      await take(50);
      await take(120);
      assert.deepEqual(lists.get('k')!.map((a) => a.at), [50, 120]);
      await take(150);
      assert.deepEqual(lists.get('k')!.map((a) => a.at), [120, 150], 'an attempt exactly a window old is gone');
    });

    it('a memory store sweeps keys whose attempts are all old, keeping recent ones', async () => {
      const store = new MemoryAttemptStore();
      for (let i = 0; i <= 10_000; i++) await store.take({ shard: 'c', checks: [{ key: `k${i}`, max: 1 }], id: `i${i}`, now: 0, windowMs: 10 });
      const lists = (store as unknown as { lists: Map<string, unknown> }).lists;
      assert.equal(lists.size, 10_001);
      await store.take({ shard: 'c', checks: [{ key: 'fresh', max: 1 }], id: 'f', now: 100, windowMs: 10 });
      assert.deepEqual([...lists.keys()], ['fresh']);
      // Still refused within its window after a sweep.
      assert.ok((await store.take({ shard: 'c', checks: [{ key: 'fresh', max: 1 }], id: 'g', now: 101, windowMs: 10 })).retryAfterMs > 0);
    });
  });

  describe('Utick signature', () => {
    it('signs the documented text with HMAC-SHA256, timestamp in whole seconds', async () => {
      const headers = await signUtickRequest({ ...KEYS, method: 'get', pathAndQuery: '/catalogue/streams/A/control?accesscode=1', timestamp: 1_700_000_000_999 });
      assert.deepEqual(headers, {
        'X-Utick-Public-Key': 'pub-venue',
        'X-Utick-Timestamp': '1700000000',
        'X-Utick-Signature': expectedSignature('pub-venue', KEYS.privateKey, 1_700_000_000, 'GET', '/catalogue/streams/A/control?accesscode=1'),
      });
      const now = Date.now();
      const stamped = Number((await signUtickRequest({ ...KEYS, method: 'GET', pathAndQuery: '/' }))['X-Utick-Timestamp']);
      assert.ok(Math.abs(stamped * 1000 - now) < 2000);
    });

    it('many private keys: each request signed with its own', async () => {
      for (let i = 0; i < 12; i++) {
        const privateKey = `key-${i}`;
        const h = await signUtickRequest({ publicKey: 'p', privateKey, method: 'GET', pathAndQuery: '/x', timestamp: 1000 });
        assert.equal(h['X-Utick-Signature'], expectedSignature('p', privateKey, 1, 'GET', '/x'));
      }
    });

    const signed = (overrides: Record<string, string> = {}, at = 1_700_000_000) => ({
      'x-utick-public-key': 'pub-venue',
      'x-utick-timestamp': String(at),
      'x-utick-signature': expectedSignature('pub-venue', KEYS.privateKey, at, 'GET', '/catalogue/packs'),
      ...overrides,
    });
    const verify = (headers: any, now = 1_700_000_000_000, extra: object = {}) =>
      verifyUtickSignature({ headers, method: 'GET', pathAndQuery: '/catalogue/packs', privateKeyFor: (k) => (k === 'pub-venue' ? KEYS.privateKey : undefined), now, ...extra });

    it('accepts a good signature from plain, Node-style or fetch headers', async () => {
      assert.deepEqual(await verify(signed()), { valid: true, publicKey: 'pub-venue' });
      assert.deepEqual(await verify(new Headers(signed())), { valid: true, publicKey: 'pub-venue' });
      const upper = Object.fromEntries(Object.entries(signed()).map(([k, v]) => [k.toUpperCase(), [v]]));
      assert.deepEqual(await verify(upper), { valid: true, publicKey: 'pub-venue' });
    });

    it('refuses missing headers, unknown keys, stale stamps and forgeries', async () => {
      assert.deepEqual(await verify({ 'x-utick-public-key': 'pub-venue', 'x-utick-timestamp': '1' }), { valid: false, reason: 'missing' });
      assert.deepEqual(await verify(signed({ 'x-utick-timestamp': '' })), { valid: false, reason: 'missing' });
      assert.deepEqual(await verify(signed({ 'x-utick-public-key': '' })), { valid: false, reason: 'missing' });
      assert.deepEqual(await verify(signed({ 'x-utick-public-key': 'other' })), { valid: false, reason: 'unknown-key' });
      assert.deepEqual(await verify(signed({}, 1_700_000_000 - 301)), { valid: false, reason: 'stale' });
      assert.deepEqual(await verify(signed({}, 1_700_000_000 + 301)), { valid: false, reason: 'stale' });
      assert.deepEqual(await verify(signed({}, 1_700_000_000 - 300)), { valid: true, publicKey: 'pub-venue' });
      assert.deepEqual(await verify(signed({}, 1_700_000_000 + 300)), { valid: true, publicKey: 'pub-venue' });
      assert.deepEqual(await verify(signed({}, 1_700_000_000 - 10), 1_700_000_000_000, { maxSkewMs: 5000 }), { valid: false, reason: 'stale' });
      assert.deepEqual(await verify(signed({ 'x-utick-timestamp': '1.7e9' })), { valid: false, reason: 'stale' });
      assert.deepEqual(await verify(signed({ 'x-utick-timestamp': 'x1700000000' })), { valid: false, reason: 'stale' });
      assert.deepEqual(await verify(signed({ 'x-utick-timestamp': '1700000000x' })), { valid: false, reason: 'stale' });
      const good = signed()['x-utick-signature'];
      const flipped = (good[0] === 'a' ? 'b' : 'a') + good.slice(1);
      assert.deepEqual(await verify(signed({ 'x-utick-signature': flipped })), { valid: false, reason: 'mismatch' });
      assert.deepEqual(await verify(signed({ 'x-utick-signature': good.toUpperCase() })), { valid: true, publicKey: 'pub-venue' });
      assert.deepEqual(await verify(signed({ 'x-utick-signature': good.slice(1) })), { valid: false, reason: 'mismatch' });
      assert.deepEqual(await verify(signed({ 'x-utick-signature': 'zz' + good.slice(2) })), { valid: false, reason: 'mismatch' });
      assert.deepEqual(await verify(signed({ 'x-utick-signature': good + 'g0' })), { valid: false, reason: 'mismatch' });
      assert.deepEqual(await verify(signed({ 'x-utick-signature': 'x' + good })), { valid: false, reason: 'mismatch' });
      // Another path or method is another signature.
      assert.deepEqual(await verifyUtickSignature({ headers: signed(), method: 'GET', pathAndQuery: '/catalogue/streams', privateKeyFor: () => KEYS.privateKey, now: 1_700_000_000_000 }), { valid: false, reason: 'mismatch' });
      assert.deepEqual(await verifyUtickSignature({ headers: signed(), method: 'post', pathAndQuery: '/catalogue/packs', privateKeyFor: () => KEYS.privateKey, now: 1_700_000_000_000 }), { valid: false, reason: 'mismatch' });
      const fresh = await signUtickRequest({ ...KEYS, method: 'GET', pathAndQuery: '/catalogue/packs' });
      assert.deepEqual(await verifyUtickSignature({ headers: fresh, method: 'GET', pathAndQuery: '/catalogue/packs', privateKeyFor: async () => KEYS.privateKey }), { valid: true, publicKey: 'pub-venue' });
    });
  });

  describe('Utick proxy settings', () => {
    it('live, test or an http(s) URL', () => {
      assert.equal(resolveUtickUpstream(undefined), UTICK_UPSTREAMS.live);
      assert.equal(resolveUtickUpstream('  '), 'https://sapiti.net/v1');
      assert.equal(resolveUtickUpstream('test'), 'https://sapiti.ovh/v1');
      assert.equal(resolveUtickUpstream(' http://127.0.0.1:9/v1// '), 'http://127.0.0.1:9/v1');
      assert.throws(() => resolveUtickUpstream('ftp://x.example'), /UTICK_UPSTREAM must be live, test or an http\(s\) URL \(got "ftp:\/\/x\.example"\)/);
      assert.throws(() => resolveUtickUpstream('not a url'), /got "not a url"/);
      assert.equal(resolveUtickUpstream('https://staging.utick.example/v1/'), 'https://staging.utick.example/v1');
      // A secret pasted into the wrong variable is not echoed whole into the logs.
      assert.throws(() => resolveUtickUpstream(`x${'k'.repeat(200)}`), (e: Error) => e.message.includes(`x${'k'.repeat(79)}"`));
    });

    it('reads keys, origins and time limit from the environment, refusing what is missing or malformed', () => {
      const env = { UTICK_PUBLIC_KEY: ' p ', UTICK_PRIVATE_KEY: ' s ', UTICK_ALLOWED_ORIGINS: ' https://a.example , ,https://b.example', UTICK_UPSTREAM: 'test' };
      assert.deepEqual(utickProxyOptionsFromEnv(env), { publicKey: 'p', privateKey: 's', upstream: 'https://sapiti.ovh/v1', allowedOrigins: ['https://a.example', 'https://b.example'] });
      assert.equal(utickProxyOptionsFromEnv({ ...env, UTICK_TIMEOUT_MS: ' 8000 ' }).timeoutMs, 8000);
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_TIMEOUT_MS: '8s' }), /UTICK_TIMEOUT_MS must be milliseconds.*got "8s"/);
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_TIMEOUT_MS: '5' }), /UTICK_TIMEOUT_MS/);
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_TIMEOUT_MS: '1234567' }), /UTICK_TIMEOUT_MS/);
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_PRIVATE_KEY: ' ' }), /Set UTICK_PUBLIC_KEY and UTICK_PRIVATE_KEY/);
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_PUBLIC_KEY: undefined }), /Set UTICK_PUBLIC_KEY/);
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_PRIVATE_KEY: undefined }), /Set UTICK_PUBLIC_KEY and UTICK_PRIVATE_KEY/);
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_TIMEOUT_MS: `9${'s'.repeat(100)}` }), (e: Error) => e.message.includes(`(got "9${'s'.repeat(19)}")`));
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_ALLOWED_ORIGINS: ' , ' }), /Set UTICK_ALLOWED_ORIGINS/);
      assert.throws(() => utickProxyOptionsFromEnv({ ...env, UTICK_ALLOWED_ORIGINS: undefined }), /Set UTICK_ALLOWED_ORIGINS/);
    });
  });
});
