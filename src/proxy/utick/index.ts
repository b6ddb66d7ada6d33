/**
 * `venue-widgets/utick-proxy`: the Utick signing proxy as a portable Hono app, for edge and
 * serverless runtimes (`export default createUtickProxy(utickProxyOptionsFromEnv(env))`).
 * On Node, `npx venue-widgets utick-proxy` serves it (node.ts, cli.ts).
 */
export { createUtickProxy, resolveUtickUpstream, utickProxyOptionsFromEnv, UTICK_UPSTREAMS, type UtickProxyOptions } from './app.js';
export { DEFAULT_ATTEMPT_LIMIT, MemoryAttemptStore, type AttemptLimit, type AttemptStore } from './attempt-limiter.js';
export { redisAttemptStore, type RedisEvalClient } from './stores/redis.js';
export { durableObjectAttemptStore, UtickAttemptLimiter } from './stores/durable-object.js';
export { signUtickRequest, type UtickSigner } from '../../api/utick/signature.js';
