/// <reference types="node" />
/**
 * A Redis connection for the attempt store on Node (`UTICK_REDIS_URL`), with `ioredis`. Commands
 * are never queued while Redis is away: they fail at once, so the proxy answers 503 for access
 * checks immediately instead of holding patrons until a reconnect.
 */
import type { AttemptStore } from './attempt-limiter.js';
import { redisAttemptStore, type RedisAttemptStoreOptions } from './stores/redis.js';

export interface RedisAttemptConnection {
  store: AttemptStore;
  close(): Promise<void>;
}

/** Connects (waiting up to `connectTimeoutMs` for the first connection, then carrying on, failing closed). */
export async function connectRedisAttemptStore(url: string, options: RedisAttemptStoreOptions & { connectTimeoutMs?: number } = {}): Promise<RedisAttemptConnection> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(100 * times, 2000),
    lazyConnect: true,
  });
  // Without a listener ioredis reports every failed reconnect on stderr as an unhandled error.
  client.on('error', () => {});
  await Promise.race([client.connect().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, options.connectTimeoutMs ?? 3000))]);
  const store = redisAttemptStore(client, options);
  // The scripts loaded before the first check: otherwise each instance's first checks pay a
  // NOSCRIPT answer and a second call with the script's text. Redis away now: loaded on first use.
  await store.preload().catch(() => undefined);
  return {
    store,
    close: async () => {
      client.disconnect();
    },
  };
}
