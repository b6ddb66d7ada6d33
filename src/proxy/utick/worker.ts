/**
 * The Utick signing proxy as a Cloudflare Worker (bundle: see the README's "On Workers"). The
 * same app as on Node and Deno; only the client address (`CF-Connecting-IP`) and the attempt
 * store (a Durable Object bound as `UTICK_ATTEMPTS`) are the platform's.
 *
 * Configuration: the `UTICK_*` variables as on Node (keys as secrets), plus optionally
 * `UTICK_TIMEOUT_MS`. Without the `UTICK_ATTEMPTS` binding the limiter counts per isolate only.
 */
import type { Hono } from 'hono';
import { createUtickProxy, utickProxyOptionsFromEnv } from './app.js';
import { durableObjectAttemptStore, type DurableObjectNamespaceLike } from './stores/durable-object.js';

export { UtickAttemptLimiter } from './stores/durable-object.js';

interface UtickWorkerEnv {
  UTICK_ATTEMPTS?: DurableObjectNamespaceLike;
  [name: string]: unknown;
}

let app: Hono | undefined;

export default {
  fetch(request: Request, env: UtickWorkerEnv, context: unknown): Response | Promise<Response> {
    app ??= createUtickProxy({
      ...utickProxyOptionsFromEnv(env as Record<string, string | undefined>),
      clientAddress: (c) => c.req.header('cf-connecting-ip'),
      ...(env.UTICK_ATTEMPTS ? { attemptStore: durableObjectAttemptStore(env.UTICK_ATTEMPTS) } : {}),
    });
    return app.fetch(request, env, context as never);
  },
};
