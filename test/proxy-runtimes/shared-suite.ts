/**
 * The one proxy suite every runtime runs (Node, workerd, Deno): the same bundled app, started
 * as a venue would start it, in front of a mock Utick that checks signatures with its own code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UTICK_IDS } from '../../mock/utick-data.js';
import { codeFor, contactFor, KEYS, openWorld, startMockServer, VENUE_ORIGIN, type NodeMockWorld, type RunningMock, type RunningProxy } from './harness.js';

/** Short, so the slow-Utick test is quick; the default is 15 s. */
const TIMEOUT_MS = 1500;

export function proxySuite(runtime: string, start: (options: { upstream: string; timeoutMs: number }) => Promise<RunningProxy>): void {
  describe(`Utick proxy on ${runtime}`, () => {
    let mock: RunningMock;
    let world: NodeMockWorld;
    let proxy: RunningProxy;
    /** Every answer the proxy gave in this suite, status line, headers and body, for the leak check. */
    const answers: string[] = [];
    const live = UTICK_IDS.liveStream;
    const vod = UTICK_IDS.vodStream;
    const pack = UTICK_IDS.seedPack;

    const ask = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
      const res = await fetch(proxy.origin + path, { method, headers: { origin: VENUE_ORIGIN, ...headers } });
      const body = await res.text();
      answers.push(`${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${body}`);
      return { status: res.status, headers: res.headers, body };
    };

    before(async () => {
      mock = await startMockServer();
      world = await openWorld(mock);
      proxy = await start({ upstream: world.upstream, timeoutMs: TIMEOUT_MS });
    });
    after(async () => {
      await proxy?.close();
      await mock?.close();
    });

    it('forwards signed requests that Utick accepts, and passes its answers through', async () => {
      const packs = await ask('/catalogue/packs?limit=2&debug=1');
      assert.equal(packs.status, 200);
      assert.equal(JSON.parse(packs.body).response.length, 2);
      const stream = await ask(`/catalogue/streams/${live}`);
      assert.equal(JSON.parse(stream.body).response.id, live);
      const missing = await ask('/catalogue/streams/NOPE');
      assert.equal(missing.status, 404);
      assert.equal(JSON.parse(missing.body).error.message, 'Stream not found');
      const sent = await world.requests();
      assert.deepEqual(sent.map((r) => [r.path, r.query, r.status]), [
        ['/catalogue/packs', '?limit=2', 200],
        [`/catalogue/streams/${live}`, '', 200],
        ['/catalogue/streams/NOPE', '', 404],
      ]);
      assert.equal(sent[0]!.headers['x-utick-public-key'], KEYS.publicKey);
      // The same request without the proxy's signature is refused: the 200s above were signed.
      assert.equal((await fetch(`${world.upstream}/catalogue/packs?limit=2`)).status, 401);
    });

    it('calls Utick at the seed’s exact paths, whichever form the element asked', async () => {
      const code = await codeFor(world, live, 10);
      const before = (await world.requests()).length;
      const asked: [string, string][] = [
        [`/catalogue/streams/${live}/control/?accesscode=${code}`, `/catalogue/streams/${live}/control`],
        [`/catalogue/streams/${live}/control?accesscode=${code}`, `/catalogue/streams/${live}/control`],
        [`/catalogue/streams/${live}/`, `/catalogue/streams/${live}`],
        [`/catalogue/packs/details/${pack}`, `/catalogue/packs/details/${pack}/`],
        [`/catalogue/packs/${pack}/`, `/catalogue/packs/${pack}`],
      ];
      for (const [path] of asked) assert.equal((await ask(path)).status, 200, path);
      assert.deepEqual((await world.requests()).slice(before).map((r) => r.path), asked.map(([, upstream]) => upstream));
      assert.equal((await ask(`/catalogue/streams/${live}/control?accesscode=${code}`)).body, '10');
    });

    it('answers CORS for the venue’s origin, refuses another before calling Utick', async () => {
      const allowed = await ask('/catalogue/packs?limit=1');
      assert.equal(allowed.headers.get('access-control-allow-origin'), VENUE_ORIGIN);
      const preflight = await ask('/catalogue/packs', { 'access-control-request-method': 'GET' }, 'OPTIONS');
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), VENUE_ORIGIN);
      const before = (await world.requests()).length;
      const other = await ask('/catalogue/packs?limit=1', { origin: 'https://evil.example' });
      assert.equal(other.status, 403);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      assert.equal((await world.requests()).length, before, 'no upstream call for a refused origin');
    });

    it('cuts a guesser off after 5 wrong codes, even for a right code after them', async () => {
      const right = await codeFor(world, vod, 10);
      const seen = (await world.received('streamControl')).length;
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await ask(`/catalogue/streams/${vod}/control?accesscode=WRONG-${i}`)).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
      const blocked = await ask(`/catalogue/streams/${vod}/control?accesscode=${right}`);
      assert.equal(blocked.status, 429);
      assert.ok(Number(blocked.headers.get('retry-after')) > 0);
      assert.equal((await world.received('streamControl')).length - seen, 5, 'Utick saw only the 5 allowed');
    });

    it('answers a clear 504 when Utick is slow, without holding the patron', async () => {
      await world.fault({ kind: 'delay', delayMs: 6000, times: 1 });
      const started = performance.now();
      const slow = await ask('/catalogue/streams?limit=1');
      const took = performance.now() - started;
      assert.equal(slow.status, 504);
      assert.equal(JSON.parse(slow.body).error.message, 'Utick did not answer in time');
      assert.ok(took < TIMEOUT_MS + 2500, `answered after ${Math.round(took)} ms`);
    });

    it('puts no key, access code or contact id in any answer or log line', async () => {
      const contact = await contactFor(world, live);
      const code = await codeFor(world, live, 20);
      await ask(`/catalogue/streams/${live}/control?contactid=${contact}`);
      await ask(`/catalogue/streams/${live}/control?accesscode=${code}`);
      await new Promise((done) => setTimeout(done, 200)); // let the runtime's log lines arrive
      const logs = proxy.logs();
      assert.match(logs, new RegExp(`GET /catalogue/streams/${live}/control 200`), 'the runtime logs its requests');
      for (const text of [...answers, logs]) {
        assert.ok(!text.includes(KEYS.privateKey), 'private key leaked');
        assert.ok(!text.includes(KEYS.publicKey), 'public key leaked');
      }
      for (const secret of [code, contact, 'accesscode', 'contactid']) assert.ok(!logs.includes(secret), `${secret} in the log`);
    });
  });
}
