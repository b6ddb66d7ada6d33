/**
 * The Utick signing proxy on Deno and Deno Deploy (bundle: see the README's "On Deno Deploy").
 * The same app as on Node and Workers; the client address is Deno's `remoteAddr`. Configured by
 * the `UTICK_*` variables as on Node, plus `PORT`/`HOST` locally (Deno Deploy picks its own).
 * The attempt limiter counts per isolate (memory): Deno Deploy runs one isolate per region, so
 * a guesser gets the limit once per region it can reach.
 */
import { createUtickProxy, utickProxyOptionsFromEnv } from './app.js';

interface DenoLike {
  env: { toObject(): Record<string, string> };
  serve(
    options: { port?: number; hostname?: string; onListen?: (address: { port: number; hostname: string }) => void },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Response | Promise<Response>,
  ): unknown;
}
declare const Deno: DenoLike;

const env = Deno.env.toObject();
const app = createUtickProxy({
  ...utickProxyOptionsFromEnv(env),
  clientAddress: (c) => (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr?.hostname,
});

Deno.serve(
  {
    ...(env.PORT ? { port: Number(env.PORT) } : {}),
    ...(env.HOST ? { hostname: env.HOST } : {}),
    onListen: ({ hostname, port }) => console.log(`Utick signing proxy on http://${hostname}:${port}`),
  },
  (request, info) => app.fetch(request, { remoteAddr: info.remoteAddr }),
);
