/**
 * The venue's Utick signing proxy: a Hono app on Web APIs only (fetch, WebCrypto), so the same
 * code runs under Node (`node.ts`, `npx venue-widgets utick-proxy`), Cloudflare Workers, Deno or
 * Bun. Utick authenticates applications with a private key that must never reach a browser
 * (VENDOR-NOTES, Utick): the elements talk to this proxy, which signs and forwards.
 *
 * - Serves only what the elements use: `GET /catalogue/packs`, `/catalogue/packs/{id}`,
 *   `/catalogue/packs/details/{id}/`, `/catalogue/streams`, `/catalogue/streams/{id}` and
 *   `/catalogue/streams/{id}/control`, each with its documented query parameters only (others
 *   are dropped). Each is served with or without a trailing slash, and always called upstream at
 *   the seed's exact path (byte for byte: only the pack stocks path ends in a slash).
 *   Anything else: 404; another method on a served path: 405.
 * - Signs with `sign` (default `signUtickRequest`): the seed does not document the scheme, so a
 *   venue whose Utick tenant signs otherwise passes its own function.
 * - Passes Utick's answer through: status, body, content-type (and Retry-After).
 * - CORS for `allowedOrigins` (preflight too); a request from any other origin is refused (403)
 *   before it costs an upstream call.
 * - Throttles wrong access codes per client and stream (attempt-limiter.ts): 429 + Retry-After;
 *   the attempts live in `attemptStore` (memory by default; Redis or a Durable Object for a
 *   fleet). When the store fails, access checks are refused with 503 (never unlimited guessing);
 *   packs and stream details do not touch the store and keep working.
 * - Logs method, path and status at most: never the query (access codes, contact ids) or a key.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { isAccessGranted } from '../../api/utick/types.js';
import { signUtickRequest, type UtickSigner } from '../../api/utick/signature.js';
import { AttemptLimiter, DEFAULT_ATTEMPT_LIMIT, type AttemptLimit, type AttemptStore } from './attempt-limiter.js';

export interface UtickProxyOptions {
  publicKey: string;
  privateKey: string;
  /** Utick's API base, e.g. `https://sapiti.net/v1` (see `resolveUtickUpstream`). */
  upstream: string;
  /** Origins of the venue's pages, e.g. `https://venue.example`; `*` allows any origin. */
  allowedOrigins: readonly string[];
  /** Wrong access codes allowed per client (see `AttemptLimit`). */
  rateLimit?: Partial<AttemptLimit>;
  /** Where attempts are counted; default one process's memory. Share one across instances (Redis, a Durable Object). */
  attemptStore?: AttemptStore;
  /** Makes the signature headers for one upstream request; default `signUtickRequest` (see signature.ts). */
  sign?: UtickSigner;
  /**
   * The client's address for the rate limit. Default: the Node socket's address when served by
   * `@hono/node-server`; on other runtimes pass one (Workers: the `cf-connecting-ip` header).
   * Clients without one share a single allowance, which fails safe (stricter, not looser).
   */
  clientAddress?: (c: Context) => string | undefined;
  /** Upstream fetch; default the global one. */
  fetch?: typeof fetch;
  /** The clock signatures are stamped with (epoch ms); default `Date.now`. */
  now?: () => number;
  /** One line per request (method, path, status, ms); default `console.log`; `false` for none. */
  log?: ((line: string) => void) | false;
  /** Upstream time limit per request; default 15 s. */
  timeoutMs?: number;
}

/** Utick's live and test APIs (VENDOR-NOTES: served as "Sapiti"). */
export const UTICK_UPSTREAMS = { live: 'https://sapiti.net/v1', test: 'https://sapiti.ovh/v1' } as const;

/**
 * Each served path (with or without a trailing slash), the query parameters Utick documents for
 * it, and the path Utick is called at: the seed's own form, byte for byte.
 */
const ROUTES: { pattern: RegExp; params: readonly string[]; upstream: (id: string) => string; control?: true }[] = [
  { pattern: /^\/catalogue\/packs\/?$/, params: ['limit', 'offset'], upstream: () => '/catalogue/packs' },
  { pattern: /^\/catalogue\/packs\/details\/([^/]+)\/?$/, params: ['stockid'], upstream: (id) => `/catalogue/packs/details/${id}/` },
  { pattern: /^\/catalogue\/packs\/([^/]+)\/?$/, params: [], upstream: (id) => `/catalogue/packs/${id}` },
  { pattern: /^\/catalogue\/streams\/?$/, params: ['limit', 'offset'], upstream: () => '/catalogue/streams' },
  { pattern: /^\/catalogue\/streams\/([^/]+)\/control\/?$/, params: ['accesscode', 'contactid'], upstream: (id) => `/catalogue/streams/${id}/control`, control: true },
  { pattern: /^\/catalogue\/streams\/([^/]+)\/?$/, params: [], upstream: (id) => `/catalogue/streams/${id}` },
];

/** Headers of Utick's answer that reach the browser. */
const PASSED_HEADERS = ['content-type', 'retry-after'];

/** Utick's own envelope, so the browser client reads the proxy's refusals like Utick's. */
function refusal(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ success: false, response: null, error: { code: status, message } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function createUtickProxy(options: UtickProxyOptions): Hono {
  if (!options.publicKey || !options.privateKey) throw new Error('The Utick proxy needs a public and a private key');
  const upstream = new URL(options.upstream).href.replace(/\/+$/, '');
  const fetchUpstream = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? Date.now;
  const log = options.log === false ? undefined : (options.log ?? ((line: string) => console.log(line)));
  const limiter = new AttemptLimiter({ ...DEFAULT_ATTEMPT_LIMIT, ...options.rateLimit }, options.attemptStore);
  const sign = options.sign ?? signUtickRequest;
  const anyOrigin = options.allowedOrigins.includes('*');
  const allowed = new Set(options.allowedOrigins.map((origin) => origin.replace(/\/+$/, '')));
  const isAllowed = (origin: string) => anyOrigin || allowed.has(origin);
  const clientAddress = options.clientAddress ?? nodeSocketAddress;

  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: the query carries access codes and contact ids.
    log?.(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });

  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !isAllowed(origin)) return refusal(403, 'This origin is not allowed to use the Utick proxy');
    return next();
  });

  app.use(
    '*',
    cors({
      origin: (origin) => (isAllowed(origin) ? origin : null),
      allowMethods: ['GET', 'OPTIONS'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  app.all('*', async (c) => {
    // Still percent-encoded, exactly as it will be signed and sent upstream.
    const url = new URL(c.req.url);
    const path = url.pathname;
    const route = ROUTES.find((r) => r.pattern.test(path));
    if (!route) return refusal(404, 'Not served by this proxy');
    const id = route.pattern.exec(path)![1] ?? '';
    if (c.req.method !== 'GET') return refusal(405, 'Method not allowed', { allow: 'GET, OPTIONS' });

    const query = new URLSearchParams();
    const incoming = url.searchParams;
    for (const name of route.params) {
      const value = incoming.get(name);
      if (value !== null) query.set(name, value);
    }
    const upstreamPath = route.upstream(id);
    const pathAndQuery = query.size > 0 ? `${upstreamPath}?${query}` : upstreamPath;

    if (!route.control) return forward(pathAndQuery);

    let taken: Awaited<ReturnType<AttemptLimiter['take']>>;
    try {
      taken = await limiter.take(clientAddress(c) ?? 'unknown', id, now());
    } catch {
      // Fail closed: without the count, an access check would be unlimited guessing.
      return refusal(503, 'Access checks are paused: the attempt limiter is unavailable', { 'retry-after': '5' });
    }
    if ('retryAfterMs' in taken) {
      const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
      return refusal(429, 'Too many access code attempts', { 'retry-after': String(seconds) });
    }
    const answer = await forward(pathAndQuery);
    const body = await answer.text();
    // Only a definite "no" counts: a right code, or no answer at all (Utick down, a bad
    // parameter), tells a guesser nothing and must not lock a patron out.
    if (!answer.ok || isAccessGranted(controlCode(body))) await limiter.refund(taken.attempt).catch(() => undefined);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });

  async function forward(pathAndQuery: string): Promise<Response> {
    const signature = await sign({ publicKey: options.publicKey, privateKey: options.privateKey, method: 'GET', pathAndQuery, timestamp: now() });
    let answer: Response;
    let body: ArrayBuffer;
    try {
      // One time limit over the whole answer, body included: a stall mid-answer is a timeout
      // too, and a connection cut mid-answer a clear 502, never a hung or half-sent reply.
      answer = await fetchUpstream(upstream + pathAndQuery, {
        headers: { accept: 'application/json', ...signature },
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      body = await answer.arrayBuffer();
    } catch (error) {
      const timedOut = (error as Error)?.name === 'TimeoutError';
      return refusal(timedOut ? 504 : 502, timedOut ? 'Utick did not answer in time' : 'Utick could not be reached');
    }
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const name of PASSED_HEADERS) {
      const value = answer.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    return new Response(body, { status: answer.status, headers });
  }

  return app;
}

/** The control endpoint's integer: bare (the real endpoint) or in the envelope; NaN otherwise. */
function controlCode(body: string): number {
  try {
    const parsed: unknown = JSON.parse(body);
    const value = typeof parsed === 'object' && parsed !== null ? (parsed as { response?: unknown }).response : parsed;
    return Number(value);
  } catch {
    return NaN;
  }
}

/** `@hono/node-server` puts the Node request in `c.env.incoming`; duck-typed to stay portable. */
function nodeSocketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/** `live`, `test` or a URL (a staging server, the mock) to Utick's API base. */
export function resolveUtickUpstream(value: string | undefined): string {
  const text = value?.trim() || 'live';
  if (text === 'live' || text === 'test') return UTICK_UPSTREAMS[text];
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  throw new Error(`UTICK_UPSTREAM must be live, test or an http(s) URL (got "${text.slice(0, 80)}")`);
}

/** The proxy's options from environment variables (Node's `process.env`, a Worker's `env`). */
export function utickProxyOptionsFromEnv(env: Record<string, string | undefined>): UtickProxyOptions {
  const publicKey = env.UTICK_PUBLIC_KEY?.trim();
  const privateKey = env.UTICK_PRIVATE_KEY?.trim();
  if (!publicKey || !privateKey) throw new Error('Set UTICK_PUBLIC_KEY and UTICK_PRIVATE_KEY (the venue’s Utick application keys)');
  const allowedOrigins = (env.UTICK_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (allowedOrigins.length === 0) throw new Error('Set UTICK_ALLOWED_ORIGINS to the venue’s page origins, comma-separated (e.g. https://venue.example)');
  const options: UtickProxyOptions = { publicKey, privateKey, upstream: resolveUtickUpstream(env.UTICK_UPSTREAM), allowedOrigins };
  const timeout = env.UTICK_TIMEOUT_MS?.trim();
  if (timeout) {
    if (!/^\d{2,6}$/.test(timeout)) throw new Error(`UTICK_TIMEOUT_MS must be milliseconds, e.g. 8000 (got "${timeout.slice(0, 20)}")`);
    options.timeoutMs = Number(timeout);
  }
  return options;
}
