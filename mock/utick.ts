/**
 * The Utick ("Sapiti" v1) mock: `/utick` stands for the upstream `https://sapiti.net/v1`.
 * Seed: utick-api-v1-packs-streams.txt; quirks: VENDOR-NOTES.md, "Utick".
 *
 * Behaviour, and our decisions where the seed is silent:
 * - Every answer is wrapped `{success, response, error}` (notes), `error` null on success.
 * - Every request must carry a valid signature made with `MOCK_UTICK_KEYS` at the world's clock,
 *   checked by the mock's own code (utick-signature.ts, node:crypto); otherwise 401 `{success:false, error:{code:401, message:'Invalid signature'}}`.
 *   `POST /__mock/utick/config {"requireSignature":false}` turns the check off for a world: it
 *   stands for "the request came through the venue's signing proxy", so browser tests of the
 *   client can call the mock directly.
 * - Error codes (ASSUMPTION, the seed lists none): 400 bad parameter, 401 bad signature,
 *   404 not found, 405 wrong method, 429 rate limit, 500 server error; a bad parameter or a
 *   missing record answers with that HTTP status and the envelope; `vendor-error` faults answer
 *   HTTP 200 with `success:false`, so clients must read the envelope even on a 200.
 * - Lists: `limit` defaults to 200 (the documented maximum), over 200 is refused with code 400
 *   (never silently capped); `offset` is a record offset. `response` is the array itself, with no
 *   total: a page shorter than `limit` is the last one.
 * - Paths (reading `utick.paths`): `documented-only` (default) serves only the seed's exact
 *   forms (`/catalogue/streams/{id}/control` and `/catalogue/streams/{id}` without a trailing
 *   slash, `/catalogue/packs/details/{id}/` with one); any other form answers Utick's 404, with no
 *   redirect (which would break the signature). `tolerant` serves each with or without the slash.
 *   With `requireSignature` off (the mock stands for Utick behind the venue's proxy), both forms
 *   are served, as the proxy serves them.
 * - Control: `accesscode` (compared ignoring case and surrounding spaces) or `contactid`; answers
 *   a bare integer. A stream that is not published (status ≠ 10), or whose `accessendtime` has
 *   passed, refuses every code with -1. Attempts are recorded as `streamControl` without the code.
 *   An unknown stream answers 404 in the envelope; neither parameter, 400.
 * - Unknown stream status codes and ids that are not valid UUIDs are in the data on purpose.
 * - Images: real ones live on `https://library.utick.be`; answers point at the mock's own
 *   `/utick/library/...` instead (generated SVG posters, served without a signature, as a public
 *   image host does), so demos and tests never leave the machine.
 *
 * Control endpoints (`/__mock/utick/...`): `GET keys` (MOCK_UTICK_KEYS), `GET ids` (notable pack
 * and stream ids, `UTICK_IDS`), `GET codes` (which access code or contact id gets which answer on
 * which stream at the world's clock), `GET|POST config` (see `UtickMockConfig`).
 *
 * The REAL signing proxy (src/proxy/utick) stands in front of each world's mock Utick at
 * `/utick-proxy` (`/s/<world>/utick-proxy/catalogue/...`), signing with `MOCK_UTICK_KEYS` at the
 * world's clock: elements in tests and the demo use it as their `api-base`, so every test that
 * goes through it proves the proxy's signatures pass the mock's check. Any origin is allowed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hono } from 'hono';
import type { FaultRule, MockBackend, MockRequest, MockResponse, VendorModule, World } from './core.js';
import { createUtickProxy } from '../src/proxy/utick/app.js';
import { utickProxyListener } from '../src/proxy/utick/node.js';
import type { UtickKeyPair } from '../src/api/utick/signature.js';
import { mockUtickSignatureValid, utickPathServed } from './utick-signature.js';
import type { UtickControlCode, UtickPack, UtickPackDetails, UtickStream } from '../src/api/utick/types.js';
import { makeGrants, makePackDetails, makePacks, makeStreams, SEED_MAX_PAGE_SIZE, UTICK_IDS, type StreamGrants } from './utick-data.js';

/** The mock's demo application keys (also at `GET /__mock/utick/keys`). Not secret: mock only. */
export const MOCK_UTICK_KEYS: UtickKeyPair = {
  publicKey: 'pk_demo_7f3a9c2e41b8d605',
  privateKey: 'sk_demo_c91e4b7a2f6d3085e1a7b9c4d2f60e83',
};

export const UTICK_ERROR_CODES = {
  badParameter: 400,
  invalidSignature: 401,
  notFound: 404,
  wrongMethod: 405,
  rateLimited: 429,
  serverError: 500,
} as const;

export interface UtickMockState {
  packs: UtickPack[];
  packIndex: Map<string, number>;
  /** Built on first request: most tests never open a pack's details. */
  details: Map<string, UtickPackDetails>;
  streams: UtickStream[];
  grants: Map<string, StreamGrants>;
  config: UtickMockConfig;
}

/**
 * Per-world switches (`POST /__mock/utick/config`):
 * - `requireSignature` (default true): false stands for "came through the signing proxy";
 * - `envelope` (default true): false answers bare payloads, as the seed's examples show them;
 * - `controlEnvelope` (default false): the control endpoint wraps its integer like the others.
 */
export interface UtickMockConfig {
  requireSignature: boolean;
  envelope: boolean;
  controlEnvelope: boolean;
}

export const utick: VendorModule<UtickMockState> = {
  name: 'utick',
  readings: {
    'utick.packDetails.fields': {
      choices: ['documented', 'full'],
      doc: 'The seed lists a set\'s fields (id, label, description, itemnb_min, itemnb_max) and says sets "contain the list of stocks", describing no stock: documented answers stocks with only id and label; full adds a date, venue, price and availability.',
    },
    'utick.paths': {
      choices: ['documented-only', 'tolerant'],
      doc: 'The seed writes each path once (control and stream details without a trailing slash, pack stocks with one) and says nothing of the other form.',
    },
  },

  createState(world) {
    const now = world.now();
    const packs = makePacks(world.seed, now);
    const streams = makeStreams(world.seed, now);
    return {
      packs,
      packIndex: new Map(packs.map((pack, i) => [pack.id, i])),
      details: new Map(),
      streams,
      grants: makeGrants(world.seed, streams),
      config: { requireSignature: true, envelope: true, controlEnvelope: false },
    };
  },

  async handle(req, state, world) {
    // Images are public files on Utick's library host, fetched by browsers without a signature.
    if (req.method === 'GET' && req.path.startsWith('/library/')) return libraryImage(req.path);
    if (state.config.requireSignature) {
      const valid = mockUtickSignatureValid({ headers: req.headers, method: req.method, pathAndQuery: req.path + req.url.search, keys: MOCK_UTICK_KEYS, now: world.now() });
      if (!valid) return failure(401, UTICK_ERROR_CODES.invalidSignature, 'Invalid signature');
    }
    return route(req, state, world);
  },

  fault: (rule) => utickFault(rule),

  control(req, state, world) {
    switch (`${req.method} ${req.path.replace(/\/+$/, '')}`) {
      case 'GET /keys':
        return { body: { ...MOCK_UTICK_KEYS } };
      case 'GET /config':
        return { body: state.config };
      case 'POST /config': {
        const patch = req.json<Partial<Record<keyof UtickMockConfig, unknown>>>();
        for (const key of ['requireSignature', 'envelope', 'controlEnvelope'] as const) {
          const value = patch[key];
          if (typeof value === 'boolean') state.config[key] = value;
        }
        return { body: state.config };
      }
      case 'GET /ids':
        return { body: UTICK_IDS };
      case 'GET /codes':
        return { body: codesTable(state, world.now()) };
    }
    return undefined;
  },
};

function route(req: MockRequest, state: UtickMockState, world: World): MockResponse | undefined {
  const path = req.path;
  let match: RegExpExecArray | null;
  // Unsigned calls stand for "through the venue's proxy", which serves both forms (see the top).
  const paths = state.config.requireSignature ? world.reading('utick.paths') : 'tolerant';
  if (!utickPathServed(path, paths)) return notFound('Not found');

  if ((match = /^\/catalogue\/streams\/([^/]+)\/control\/?$/.exec(path))) {
    if (req.method !== 'GET') return wrongMethod();
    return controlAccess(req, state, world, decodeURIComponent(match[1]!));
  }
  if (req.method !== 'GET') return /^\/catalogue\//.test(path) ? wrongMethod() : undefined;

  const success = (payload: unknown): MockResponse => {
    const response = withMockImages(payload, req.vendorBase);
    return state.config.envelope ? { status: 200, body: { success: true, response, error: null } } : { status: 200, body: response };
  };
  const page = <T>(items: readonly T[]) => pageOf(req, items, success);

  if (/^\/catalogue\/packs\/?$/.test(path)) return page(state.packs);
  if ((match = /^\/catalogue\/packs\/details\/([^/]+)\/?$/.exec(path))) {
    const details = packDetails(state, decodeURIComponent(match[1]!), world);
    if (!details) return notFound('Pack not found');
    const filtered = filterStock(details, req.query.get('stockid'));
    return success(world.reading('utick.packDetails.fields') === 'documented' ? documentedFieldsOnly(filtered) : filtered);
  }
  if ((match = /^\/catalogue\/packs\/([^/]+)\/?$/.exec(path))) {
    const index = state.packIndex.get(decodeURIComponent(match[1]!));
    return index === undefined ? notFound('Pack not found') : success(state.packs[index]);
  }
  if (/^\/catalogue\/streams\/?$/.test(path)) return page(state.streams);
  if ((match = /^\/catalogue\/streams\/([^/]+)\/?$/.exec(path))) {
    const stream = findStream(state, decodeURIComponent(match[1]!));
    return stream ? success(stream) : notFound('Stream not found');
  }
  // Unknown paths: Utick's own 404.
  return /^\/catalogue\//.test(path) ? notFound('Not found') : undefined;
}

/** Where real images live; the mock serves its own there instead, so demos and tests need no network. */
const UTICK_LIBRARY = 'https://library.utick.be';

/** The answer with every image URL on the mock's own `/library` (the vendor root as the caller reached it). */
function withMockImages(payload: unknown, vendorBase: string): unknown {
  const text = JSON.stringify(payload);
  return text.includes(UTICK_LIBRARY) ? JSON.parse(text.replaceAll(UTICK_LIBRARY, `${vendorBase}/library`)) : payload;
}

/** A generated poster for `/library/<kind>/<id>.jpg`: a colour from the id, the kind's name. */
function libraryImage(path: string): MockResponse {
  const [, , kind = 'packs', file = ''] = path.split('/');
  let hash = 0;
  for (const char of file) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const label = kind === 'attractions' ? 'SPECTACLE' : 'UTICK PACK';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360" width="640" height="360">
<rect width="640" height="360" fill="hsl(${hue} 40% 30%)"/>
<circle cx="520" cy="70" r="150" fill="hsl(${(hue + 50) % 360} 60% 55%)" opacity="0.5"/>
<circle cx="90" cy="330" r="110" fill="hsl(${(hue + 190) % 360} 55% 60%)" opacity="0.4"/>
<text x="40" y="320" fill="#fff" font-family="system-ui, sans-serif" font-size="26" letter-spacing="4">${label}</text>
</svg>`;
  return { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }, body: svg };
}

function pageOf<T>(req: MockRequest, items: readonly T[], success: (response: unknown) => MockResponse): MockResponse {
  const limit = integerParam(req, 'limit', SEED_MAX_PAGE_SIZE);
  const offset = integerParam(req, 'offset', 0);
  if (limit === undefined || limit < 1) return failure(400, UTICK_ERROR_CODES.badParameter, 'Invalid parameter: limit');
  if (limit > SEED_MAX_PAGE_SIZE) return failure(400, UTICK_ERROR_CODES.badParameter, `Invalid parameter: limit (${SEED_MAX_PAGE_SIZE} max)`);
  if (offset === undefined || offset < 0) return failure(400, UTICK_ERROR_CODES.badParameter, 'Invalid parameter: offset');
  return success(items.slice(offset, offset + limit));
}

function integerParam(req: MockRequest, name: string, fallback: number): number | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}

function packDetails(state: UtickMockState, id: string, world: World): UtickPackDetails | undefined {
  const cached = state.details.get(id);
  if (cached) return cached;
  const index = state.packIndex.get(id);
  if (index === undefined) return undefined;
  const details = makePackDetails(world.seed, state.packs[index]!, index, world.now());
  state.details.set(id, details);
  return details;
}

/** Seed: `stockid` "to filter": only that stock, in the sets that hold it. */
function filterStock(details: UtickPackDetails, stockId: string | null): UtickPackDetails {
  if (!stockId) return details;
  const sets = (details.sets ?? [])
    .map((set) => ({ ...set, stocks: (set.stocks ?? []).filter((stock) => stock.id === stockId) }))
    .filter((set) => set.stocks.length > 0);
  return { ...details, sets };
}

/** Only what the seed documents of sets, and of stocks no more than an id and a label. */
function documentedFieldsOnly(details: UtickPackDetails): unknown {
  return {
    ...details,
    sets: (details.sets ?? []).map(({ id, label, description, itemnb_min, itemnb_max, stocks = [] }) => ({
      id,
      label,
      description,
      itemnb_min,
      itemnb_max,
      stocks: stocks.map(({ id: stockId, label: stockLabel }) => ({ id: stockId, label: stockLabel })),
    })),
  };
}

function findStream(state: UtickMockState, id: string): UtickStream | undefined {
  return state.streams.find((stream) => stream.id === id);
}

function controlAccess(req: MockRequest, state: UtickMockState, world: World, streamId: string): MockResponse {
  const stream = findStream(state, streamId);
  if (!stream) return notFound('Stream not found');
  const accessCode = req.query.get('accesscode')?.trim();
  const contactId = req.query.get('contactid')?.trim();
  if (!accessCode && !contactId) return failure(400, UTICK_ERROR_CODES.badParameter, 'Invalid parameter: accesscode or contactid');

  const grants = state.grants.get(stream.id);
  const granted = accessCode
    ? grants?.accessCodes.get(accessCode.toUpperCase())
    : grants?.contactIds.get(contactId!);
  const result: UtickControlCode = granted !== undefined && isStreamOpen(stream, world.now()) ? granted : -1;
  // Kept for assertions, never with the code or contact itself.
  world.record('streamControl', { streamId: stream.id, granted: result !== -1, result, via: accessCode ? 'accesscode' : 'contactid' });
  // The real endpoint answers a bare integer (notes), not the envelope.
  if (state.config.controlEnvelope) return { status: 200, body: { success: true, response: result, error: null } };
  return { status: 200, headers: { 'content-type': 'application/json' }, body: String(result) };
}

function isStreamOpen(stream: UtickStream, now: number): boolean {
  if (stream.status.id !== 10) return false;
  return stream.accessendtime === null || Date.parse(stream.accessendtime) > now;
}

/** `GET /__mock/utick/codes`: which code or contact gets which answer on which stream, at the world's clock. */
function codesTable(state: UtickMockState, now: number) {
  return {
    note: 'Any other code or contact answers -1. `ifOpen`: the answer while the stream is published and its access has not ended.',
    streams: state.streams.map((stream) => {
      const grants = state.grants.get(stream.id)!;
      const open = isStreamOpen(stream, now);
      const answers = (table: Map<string, UtickControlCode>) => Object.fromEntries([...table].map(([key, code]) => [key, open ? code : -1]));
      return {
        streamId: stream.id,
        label: stream.label,
        status: stream.status,
        open,
        accessCodes: answers(grants.accessCodes),
        contactIds: answers(grants.contactIds),
        ifOpen: { accessCodes: Object.fromEntries(grants.accessCodes), contactIds: Object.fromEntries(grants.contactIds) },
      };
    }),
  };
}

function failure(status: number, code: number | string, message: string, headers?: Record<string, string>): MockResponse {
  return { status, ...(headers ? { headers } : {}), body: { success: false, response: null, error: { code, message } } };
}

function notFound(message: string): MockResponse {
  return failure(404, UTICK_ERROR_CODES.notFound, message);
}

function wrongMethod(): MockResponse {
  return failure(405, UTICK_ERROR_CODES.wrongMethod, 'Method not allowed');
}

/**
 * Utick's own forms of the injected faults:
 * - `vendor-error`: HTTP 200 and `success:false` (the envelope carries the failure; code default 500);
 * - `rate-limit`: 429, `Retry-After` in seconds, the envelope with code 429;
 * - `expired-token`: Utick has no session token; the nearest is a signature whose timestamp
 *   expired, answered as any bad signature (401);
 * - `lockout`, `http-error`: the core's generic answer.
 */
function utickFault(rule: FaultRule): MockResponse | undefined {
  switch (rule.kind) {
    case 'vendor-error':
      return failure(200, rule.code ?? UTICK_ERROR_CODES.serverError, rule.message ?? 'Internal error');
    case 'rate-limit':
      return failure(429, UTICK_ERROR_CODES.rateLimited, rule.message ?? 'Too many requests', {
        'retry-after': String(rule.retryAfter ?? 1),
      });
    case 'expired-token':
      return failure(401, UTICK_ERROR_CODES.invalidSignature, 'Invalid signature');
    default:
      return undefined;
  }
}

/** `/utick-proxy`, after an optional world prefix. */
const UTICK_PROXY_MOUNT = /^(\/s\/[A-Za-z0-9_-]{1,64})?\/utick-proxy(?=[/?]|$)/;

/**
 * Mounts the real signing proxy in front of the mock Utick of each world. Returns a Node handler
 * that answers and returns true for the proxy's paths, false for anything else.
 * `mockRoot(req)` is where the backend itself is reached (`http://127.0.0.1:8787`, or the demo's
 * `http://127.0.0.1:5173/mock`): the proxy calls its world's Utick there, over HTTP, like a real one.
 */
export function createUtickProxyMount(backend: MockBackend, mockRoot: (req: IncomingMessage) => string): (req: IncomingMessage, res: ServerResponse) => boolean {
  // One proxy per world, so one test's throttled client never meets another's allowance.
  const proxies = new WeakMap<World, (req: IncomingMessage, res: ServerResponse) => Promise<void>>();
  return (req, res) => {
    const match = UTICK_PROXY_MOUNT.exec(req.url ?? '/');
    if (!match) return false;
    const prefix = match[1] ?? '';
    const worldId = prefix ? prefix.slice(3) : undefined;
    const world = backend.world(worldId);
    let listener = proxies.get(world);
    if (!listener) {
      const app: Hono = createUtickProxy({
        ...MOCK_UTICK_KEYS,
        upstream: `${mockRoot(req)}${prefix}/utick`,
        allowedOrigins: ['*'],
        now: () => backend.world(worldId).now(),
        log: false,
      });
      listener = utickProxyListener(app);
      proxies.set(world, listener);
    }
    req.url = req.url!.slice(match[0].length) || '/';
    void listener(req, res);
    return true;
  };
}
