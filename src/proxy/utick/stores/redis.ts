/**
 * Attempts in Redis, shared by every instance of the proxy (a fleet of Node processes): one
 * sorted set per key (member = attempt id, score = time), decided by one Lua script so that two
 * instances taking at once cannot both slip under the limit. Keys carry the client as a hash tag
 * (`{client}`), so a Redis Cluster keeps one client's keys on one node.
 *
 * Times come from the proxy's clock (keep instances on NTP); Redis expiry only tidies up.
 * Any Redis failure, or an answer slower than `timeoutMs`, rejects: the app fails closed (503).
 */
import type { AttemptStore, AttemptTake } from '../attempt-limiter.js';

/** What the store needs of a Redis client; an `ioredis` client fits (see `../redis.ts`). */
export interface RedisEvalClient {
  eval(script: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  /** Used when present (the script by its SHA-1, not its text, on every call). */
  evalsha?(sha1: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  /** Used when present by `preload` (`SCRIPT LOAD`). */
  script?(subcommand: 'LOAD', script: string): Promise<unknown>;
}

/** The Redis store, plus `preload`: sends both scripts once, at start, so no patron's check pays for it. */
export interface RedisAttemptStore extends AttemptStore {
  preload(): Promise<void>;
}

export interface RedisAttemptStoreOptions {
  /** Key prefix; default `utick-attempts`. */
  prefix?: string;
  /** Longest wait for Redis per call; default 1,000 ms. */
  timeoutMs?: number;
}

// KEYS: the attempt keys. ARGV: now, windowMs, id, then each key's maximum.
const TAKE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local wait = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local max = tonumber(ARGV[3 + i])
  local count = redis.call('ZCARD', key)
  if count >= max then
    local oldest = redis.call('ZRANGE', key, count - max, count - max, 'WITHSCORES')
    local w = tonumber(oldest[2]) + window - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
end
return 0
`;

const REFUND = `
for i, key in ipairs(KEYS) do redis.call('ZREM', key, ARGV[1]) end
return 0
`;

export function redisAttemptStore(client: RedisEvalClient, options: RedisAttemptStoreOptions = {}): RedisAttemptStore {
  const prefix = options.prefix ?? 'utick-attempts';
  const timeoutMs = options.timeoutMs ?? 1000;
  // `{shard}` is the cluster hash tag; the rest of the key is its own text, newlines included.
  const redisKey = (shard: string, key: string) => `${prefix}:{${encodeURIComponent(shard)}}:${encodeURIComponent(key)}`;

  const withTimeout = <T>(call: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let settled = false;
      // A process that was itself stalled (a busy machine) runs its due timers before it reads
      // its sockets: the time limit gives an answer already received one more turn of the event
      // loop, so only Redis's own slowness, not the proxy's, refuses a check.
      const timer = setTimeout(() => setTimeout(() => settled || reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), 0), timeoutMs);
      call.then(
        (value) => ((settled = true), clearTimeout(timer), resolve(value)),
        (error: unknown) => ((settled = true), clearTimeout(timer), reject(error)),
      );
    });

  const shas = new Map<string, Promise<string>>();
  const sha1 = (script: string) => {
    let sha = shas.get(script);
    if (!sha) {
      sha = crypto.subtle.digest('SHA-1', new TextEncoder().encode(script)).then((digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''));
      shas.set(script, sha);
    }
    return sha;
  };
  /** EVALSHA, and EVAL the first time Redis does not know the script yet (or after a restart). */
  const run = async (script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown> => {
    if (!client.evalsha) return client.eval(script, numKeys, ...args);
    try {
      return await client.evalsha(await sha1(script), numKeys, ...args);
    } catch (error) {
      if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
      return client.eval(script, numKeys, ...args);
    }
  };

  return {
    async take(take: AttemptTake) {
      const keys = take.checks.map((check) => redisKey(take.shard, check.key));
      const answer = await withTimeout(run(TAKE, keys.length, ...keys, take.now, take.windowMs, take.id, ...take.checks.map((check) => check.max)));
      const retryAfterMs = Number(answer);
      if (!Number.isFinite(retryAfterMs)) throw new Error(`Unexpected answer from Redis: ${String(answer).slice(0, 40)}`);
      return { retryAfterMs };
    },
    /**
     * Sends the refund and returns without waiting for Redis's answer, so a right code's answer is
     * not held up by a second round trip (measured: see bench/proxy-load.ts). Safe: the command
     * is written to Redis before the patron's answer leaves, so a later check from that patron
     * (on any instance) reaches Redis after it; a refund that fails leaves the attempt counted
     * (stricter, never looser), as an awaited one whose failure the app ignores did before.
     */
    async refund(shard, keys, id) {
      const redisKeys = keys.map((key) => redisKey(shard, key));
      withTimeout(run(REFUND, redisKeys.length, ...redisKeys, id)).catch(() => undefined);
    },
    async preload() {
      if (!client.script) return;
      await Promise.all(
        [TAKE, REFUND].map(async (script) => {
          const sha = await withTimeout(client.script!('LOAD', script));
          // Redis names the script by its SHA-1: no need to work it out here.
          if (typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha)) shas.set(script, Promise.resolve(sha));
        }),
      );
    },
  };
}
