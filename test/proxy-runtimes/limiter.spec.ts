/**
 * The attempt limiter's stores, on their real back ends: memory, Redis (Debian's redis-server)
 * and a Durable Object (in workerd, through Miniflare). Then a fleet: 4 Node instances behind
 * one Redis, restarts, Redis down, Utick down.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UTICK_IDS } from '../../mock/utick-data.js';
import { createUtickProxy } from '../../src/proxy/utick/app.js';
import { DEFAULT_ATTEMPT_LIMIT, MemoryAttemptStore, type AttemptStore } from '../../src/proxy/utick/attempt-limiter.js';
import { connectRedisAttemptStore, type RedisAttemptConnection } from '../../src/proxy/utick/redis.js';
import { durableObjectAttemptStore, type DurableObjectNamespaceLike } from '../../src/proxy/utick/stores/durable-object.js';
import { codeFor, get, KEYS, openWorld, startMockServer, startNodeProxy, startRedis, startWorkerdProxy, type NodeMockWorld, type RunningMock, type RunningProxy, type RunningRedis } from './harness.js';

const STREAM = UTICK_IDS.liveStream;
const control = (code: string, stream = STREAM) => `/catalogue/streams/${stream}/control?accesscode=${code}`;

/**
 * The app in this process with a controlled clock, in front of a stand-in Utick that refuses
 * every code (-1): the clock can then jump by a quarter of an hour, which a signed request to
 * the mock (5-minute replay window) could not.
 */
function appWithClock(store: AttemptStore, clock: { now: number }) {
  let upstreamCalls = 0;
  const app = createUtickProxy({
    ...KEYS,
    upstream: 'http://utick.invalid/v1',
    allowedOrigins: ['https://venue.example'],
    attemptStore: store,
    now: () => clock.now,
    log: false,
    fetch: async () => {
      upstreamCalls++;
      return new Response('-1', { headers: { 'content-type': 'application/json' } });
    },
  });
  const guess = async (n: number, client = 'patron-a') => (await app.request(control(`WRONG-${n}`), { headers: { 'x-client': client } })).status;
  return { app, guess, upstreamCalls: () => upstreamCalls };
}

describe('the attempt limiter forgets a wrong code after its window, on each store', () => {
  let redis: RunningRedis;
  let redisConnection: RedisAttemptConnection;
  let workerd: Awaited<ReturnType<typeof startWorkerdProxy>>;
  const stores: [string, () => AttemptStore][] = [
    ['memory', () => new MemoryAttemptStore()],
    ['Redis', () => redisConnection.store],
    ['Durable Object (workerd)', () => durableObjectAttemptStore(namespace)],
  ];
  let namespace: DurableObjectNamespaceLike;

  before(async () => {
    redis = await startRedis();
    redisConnection = await connectRedisAttemptStore(redis.url);
    workerd = await startWorkerdProxy({ upstream: 'http://127.0.0.1:9/utick' });
    namespace = (await workerd.miniflare.getDurableObjectNamespace('UTICK_ATTEMPTS')) as unknown as DurableObjectNamespaceLike;
  });
  after(async () => {
    await redisConnection?.close();
    await redis?.stop();
    await workerd?.close();
  });

  for (const [name, makeStore] of stores) {
    it(`${name}: blocked for the 15-minute window, free again after it`, async () => {
      // A client of its own per store: Redis and the Durable Object outlive this test.
      const start = Date.parse('2027-03-01T20:00:00Z') + Math.floor(Math.random() * 1e9);
      const clock = { now: start };
      const { guess, upstreamCalls } = appWithClock(makeStore(), clock);
      const statuses = [];
      // Five wrong codes a second apart, then a sixth.
      for (let i = 0; i < 6; i++) {
        clock.now = start + i * 1000;
        statuses.push(await guess(i));
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      assert.equal(DEFAULT_ATTEMPT_LIMIT.windowMs, 15 * 60_000);

      clock.now = start + 15 * 60_000 - 1; // the first wrong code is a millisecond short of 15 minutes old
      assert.equal(await guess(6), 429, 'still inside the window');
      clock.now = start + 15 * 60_000; // now it is 15 minutes old: forgotten, and only it
      assert.equal(await guess(7), 200, 'the oldest attempt left the window');
      assert.equal(await guess(8), 429, 'the four later ones still count');
      clock.now = start + 15 * 60_000 + 4000; // all five first ones are out; one from 15:00 counts
      for (let i = 0; i < 4; i++) assert.equal(await guess(10 + i), 200);
      assert.equal(await guess(14), 429);
      assert.equal(upstreamCalls(), 10);
    });
  }
});

describe('a fleet: 4 Node instances', () => {
  let mock: RunningMock;
  let redis: RunningRedis;
  let world: NodeMockWorld;
  const running: RunningProxy[] = [];

  before(async () => {
    mock = await startMockServer();
    redis = await startRedis();
  });
  after(async () => {
    await Promise.all(running.map((proxy) => proxy.close()));
    await redis?.stop();
    await mock?.close();
  });

  const startFleet = async (count: number, redisUrl?: string) => {
    // Every instance here is client 127.0.0.1: each test starts from an empty count.
    await redis.flush();
    world = await openWorld(mock);
    const fleet = await Promise.all(Array.from({ length: count }, () => startNodeProxy({ upstream: world.upstream, ...(redisUrl ? { redisUrl } : {}) })));
    running.push(...fleet);
    return fleet;
  };
  const spreadGuesses = async (fleet: RunningProxy[], count: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await get(fleet[i % fleet.length]!.origin, control(`FLEET-${i}`))).status);
    return statuses;
  };

  it('behind one Redis: 20 wrong codes spread over the 4 are cut off after 5, as on one instance', async () => {
    const fleet = await startFleet(4, redis.url);
    const statuses = await spreadGuesses(fleet, 20);
    assert.deepEqual(statuses, [...Array(5).fill(200), ...Array(15).fill(429)]);
    assert.equal((await world.received('streamControl')).length, 5, 'Utick heard 5 guesses, not 20');
    const right = await codeFor(world, STREAM, 10);
    assert.equal((await get(fleet[3]!.origin, control(right))).status, 429, 'a right code after them waits too');
  });

  it('each with its own memory: the same 20 guesses all reach Utick (why a fleet needs Redis)', async () => {
    const fleet = await startFleet(4);
    const statuses = await spreadGuesses(fleet, 20);
    assert.equal(statuses.filter((status) => status === 429).length, 0);
    assert.equal((await world.received('streamControl')).length, 20);
  });

  it('restarting an instance loses no count (Redis)', async () => {
    const [first] = await startFleet(1, redis.url);
    assert.deepEqual(await spreadGuesses([first!], 3), [200, 200, 200]);
    await first!.close();
    const restarted = await startNodeProxy({ upstream: world.upstream, redisUrl: redis.url });
    running.push(restarted);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(restarted.origin, control(`AGAIN-${i}`))).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });

  it('Redis down: access checks fail closed with a clear 503 at once; packs and streams still served', async () => {
    const [proxy] = await startFleet(1, redis.url);
    assert.equal((await get(proxy!.origin, control('BEFORE-1'))).status, 200);
    await redis.stop();
    try {
      const seen = (await world.received('streamControl')).length;
      for (let i = 0; i < 8; i++) {
        const started = performance.now();
        const answer = await get(proxy!.origin, control(`DOWN-${i}`));
        assert.equal(answer.status, 503);
        assert.ok(performance.now() - started < 3000, 'answered promptly, not after a reconnect');
        assert.match((await answer.json()).error.message, /limiter is unavailable/);
        assert.ok(Number(answer.headers.get('retry-after')) > 0);
      }
      assert.equal((await world.received('streamControl')).length, seen, 'no guess reached Utick unlimited');
      assert.equal((await get(proxy!.origin, '/catalogue/packs?limit=2')).status, 200);
      assert.equal((await get(proxy!.origin, `/catalogue/streams/${STREAM}`)).status, 200);
      assert.equal((await get(proxy!.origin, `/catalogue/packs/details/${UTICK_IDS.seedPack}/`)).status, 200);
    } finally {
      await redis.start();
    }
    // Back: the proxy reconnects by itself and checks codes again.
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      await new Promise((done) => setTimeout(done, 250));
      status = (await get(proxy!.origin, control(`AFTER-${i}`))).status;
    }
    assert.equal(status, 200);
  });

  it('Utick unreachable: a clear 502, and the attempt is not counted', async () => {
    const [proxy] = await startFleet(1, redis.url);
    await world.fault({ kind: 'offline', times: 6 });
    for (let i = 0; i < 6; i++) {
      const answer = await get(proxy!.origin, control(`LOST-${i}`));
      assert.equal(answer.status, 502);
      assert.equal((await answer.json()).error.message, 'Utick could not be reached');
    }
    const right = await codeFor(world, STREAM, 10);
    assert.equal(await (await get(proxy!.origin, control(right))).text(), '10', 'not locked out by Utick’s outage');
  });
});
