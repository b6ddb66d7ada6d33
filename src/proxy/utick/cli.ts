/// <reference types="node" />
/**
 * `npx venue-widgets utick-proxy` (bundled to dist/proxy/utick-proxy.js; in this repository
 * `npx tsx src/proxy/utick/cli.ts`). Configured by environment variables:
 *   UTICK_PUBLIC_KEY, UTICK_PRIVATE_KEY   the venue's Utick application keys (required)
 *   UTICK_UPSTREAM                        live (default, https://sapiti.net/v1), test (https://sapiti.ovh/v1) or a URL
 *   UTICK_ALLOWED_ORIGINS                 the venue's page origins, comma-separated (required; * for any)
 *   PORT, HOST                            where to listen (default 8788 on 127.0.0.1)
 *   UTICK_TRUST_PROXY=1                   the client address comes from X-Forwarded-For (behind nginx, a load balancer)
 *   UTICK_REDIS_URL                       redis://host:6379: count access-code attempts in Redis, shared by every instance
 *   UTICK_TIMEOUT_MS                      how long to wait for Utick (default 15000)
 * Keys are read once and never printed.
 */
import { utickProxyOptionsFromEnv } from './app.js';
import { serveUtickProxy } from './node.js';
import { connectRedisAttemptStore } from './redis.js';

try {
  const options = utickProxyOptionsFromEnv(process.env);
  const redisUrl = process.env.UTICK_REDIS_URL?.trim();
  const redis = redisUrl ? await connectRedisAttemptStore(redisUrl) : undefined;
  const running = await serveUtickProxy({
    ...options,
    ...(redis ? { attemptStore: redis.store } : {}),
    port: Number(process.env.PORT ?? 8788),
    hostname: process.env.HOST?.trim() || '127.0.0.1',
    trustProxy: process.env.UTICK_TRUST_PROXY === '1' || process.env.UTICK_TRUST_PROXY === 'true',
  });
  // The Redis URL may carry a password: say only that Redis is used.
  console.log(`Utick signing proxy on ${running.origin} → ${options.upstream} (origins: ${options.allowedOrigins.join(', ')}; attempts: ${redis ? 'Redis' : 'memory'})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void Promise.all([running.close(), redis?.close()]).then(() => process.exit(0)));
} catch (error) {
  console.error(`utick-proxy: ${(error as Error).message}`);
  process.exit(1);
}
