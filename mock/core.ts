/**
 * The embedded mock vendor backend: one Node HTTP handler that serves every vendor's API on its
 * real paths, under a prefix per vendor, with per-request fault injection and a record of what it
 * received. Each vendor lives in its own module (`audienceview.ts`, `vista.ts`, `utick.ts`);
 * this file only routes, injects faults, speaks CORS and keeps the worlds apart.
 *
 * URL layout (all on one origin):
 *   /audienceview/public/...      AudienceView Professional (api-base = origin + '/audienceview')
 *   /vista/ocapi/v1/...           Vista OCAPI               (api-base = origin + '/vista')
 *   /utick/catalogue/...          Utick ("Sapiti" v1)       (upstream = origin + '/utick')
 *   /echo/...                     a neutral JSON echo for fetch-layer tests (see echo.ts)
 *   /__mock/...                   the control API (reset, faults, received, requests)
 *
 * A path may start with `/s/<world-id>`: every world has its own data, faults and records, so
 * test files, benchmarks and the demo never see each other's state. Without it, the default world.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** `echo` is not a vendor: a neutral endpoint for testing the fetch layer itself. */
export type VendorName = 'audienceview' | 'vista' | 'utick' | 'echo';

/**
 * What can go wrong, per request.
 * - `offline`: the connection is dropped before any answer (the browser sees a network error).
 * - `delay`: the real answer, `delayMs` later. A large delay is a stall.
 * - `http-error`: a bare status (default 503) with a short text body.
 * - `rate-limit`: 429 with `Retry-After` (seconds, default 1), in the vendor's own form.
 * - `html`: an edge proxy's HTML error page (status default 502) where JSON was expected.
 * - `truncated`: the real JSON answer cut in half.
 * - `wrong-content-type`: the real answer, labelled text/plain.
 * - `empty`: 200 with an empty body.
 * - `cors-block`: the preflight is answered without CORS headers, as when the venue's origin
 *   is not whitelisted; the actual request is also answered without them.
 * - `drop-after-apply`: the request is carried out (state changes, records kept) and then the
 *   connection is dropped, as when the response is lost on a bad network.
 * - `vendor-error`, `expired-token`, `lockout`: the vendor's own error form (see each module).
 * - `oversize`: the real answer with every list ten times as long (its items repeated), as a
 *   venue with ten times the data would send; with `idField`, each repeat of a record gets an id
 *   of its own in that field (the n-th repeat: the id plus n × 100,000,000).
 */
export type FaultKind =
  | 'offline'
  | 'delay'
  | 'http-error'
  | 'rate-limit'
  | 'html'
  | 'truncated'
  | 'wrong-content-type'
  | 'empty'
  | 'cors-block'
  | 'drop-after-apply'
  | 'vendor-error'
  | 'expired-token'
  | 'lockout'
  | 'oversize';

export interface FaultRule {
  kind: FaultKind;
  /** Only requests to this vendor. */
  vendor?: VendorName;
  /** Only requests whose vendor path contains this text (e.g. `syncScans`, `/calendar/`). */
  path?: string;
  /** Only this HTTP method. */
  method?: string;
  /** How many matching requests it applies to; default: every one until cleared. */
  times?: number;
  status?: number;
  delayMs?: number;
  retryAfter?: number;
  /** Vendor error code for `vendor-error` (AudienceView scanning error id, Vista errorCode, Utick code). */
  code?: number | string;
  message?: string;
  /** Seconds, for `lockout`. */
  lockOutPeriodInSeconds?: number;
  /**
   * For `oversize`: the field (e.g. `performanceId`) in which each repeat gets an id of its own, so
   * a client that shows a record once per id shows ten times as many; without it repeats keep their ids.
   */
  idField?: string;
}

export interface MockRequest {
  method: string;
  /** The full URL as received. */
  url: URL;
  /** The path after the world and vendor prefixes, undecoded (AudienceView keeps literal parentheses). */
  path: string;
  /**
   * This vendor's root as the client reached it (origin, mount point, world, vendor), for absolute
   * URLs the mock hands out itself, such as logos it serves: the demo and tests then need no network.
   */
  vendorBase: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body text ('' when none). */
  body: string;
  /** Parses the body as JSON; throws a `MockBadRequest` on malformed input. */
  json<T = unknown>(): T;
  /** Parses an `application/x-www-form-urlencoded` or `multipart/form-data` body. */
  form(): URLSearchParams;
  header(name: string): string | undefined;
}

export interface MockResponse {
  status?: number;
  /** An array value is sent as repeated headers (several Set-Cookie). */
  headers?: Record<string, string | string[]>;
  /**
   * An object is sent as JSON; a string as is (set content-type yourself); a StreamedBody piece by
   * piece; null/undefined: no body.
   */
  body?: unknown;
}

/**
 * A big answer sent in pieces as they are made (chunked), so the client starts reading at once
 * instead of waiting for tens of megabytes to be built. `pieces` is called once per answer.
 */
export class StreamedBody {
  constructor(readonly pieces: () => Iterable<string | Uint8Array>) {}
  text(): string {
    return Buffer.concat([...this.pieces()].map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece))).toString('utf8');
  }
}

/** Throw from a handler to answer 400 with a plain message. */
export class MockBadRequest extends Error {}

export interface RequestLogEntry {
  at: number;
  vendor: VendorName;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  status: number;
  fault?: FaultKind;
}

export interface World {
  readonly id: string;
  /** The world's "now" in epoch milliseconds: real time, or real time shifted to a fixed anchor. */
  now(): number;
  readonly seed: number;
  readonly requests: RequestLogEntry[];
  readonly faults: FaultRule[];
  /** What the backend received and kept, by kind (e.g. `syncScans` → every ticket scan applied). */
  readonly received: Map<string, unknown[]>;
  record(kind: string, item: unknown): void;
  /** Each vendor's state, created lazily from the world's seed and clock. */
  vendor<S>(name: VendorName): S;
  /** Set for a hostile world: the payloads and what was placed so far. */
  readonly hostile?: HostileOptions & { next: number; report: HostileReport };
  /**
   * Which reading of a silence in a vendor's document this world plays (see `Reading`): the
   * world's choice, else the backend's default (`MOCK_READINGS`), else the reading's own default,
   * which is the strictest one the document allows.
   */
  reading(name: string): string;
  /** Switches readings for the rest of this world's life (the demo's vendor console, a test midway). */
  chooseReadings(readings: Record<string, string>): void;
}

/**
 * A place where a vendor's document is silent and real servers may differ, e.g.
 * `audienceview.syncScans.repeat`: `accepted` (a repeated scan is inserted again without a word,
 * the default) or `refused`. Each vendor module declares its own; `docs/vendor-readings.md` lists
 * them all with what the product does under each.
 */
export interface Reading {
  /** The possible readings, the first being the default: the strictest the document allows. */
  readonly choices: readonly [string, ...string[]];
  /** What the document says (or does not), in a sentence. */
  readonly doc: string;
}

export interface VendorModule<S = unknown> {
  readonly name: VendorName;
  /** Builds the vendor's data for a fresh world. Deterministic for a given seed and anchor. */
  createState(world: World): S;
  /** Answers a request on the vendor's paths; `undefined` means "no such path" (404). */
  handle(req: MockRequest, state: S, world: World): MockResponse | undefined | Promise<MockResponse | undefined>;
  /** The vendor's own form of a fault (`vendor-error`, `expired-token`, `lockout`, `rate-limit`, `http-error`). */
  fault?(rule: FaultRule, req: MockRequest, state: S, world: World): MockResponse | undefined;
  /** Control endpoints under `/__mock/<vendor>/...` (e.g. list barcodes, member credentials). */
  control?(req: MockRequest, state: S, world: World): MockResponse | undefined | Promise<MockResponse | undefined>;
  /** The silences of this vendor's documents this module can play either way, by name (`<vendor>.<what>`). */
  readonly readings?: Readonly<Record<string, Reading>>;
}

export interface WorldOptions {
  /** Anchor "now" (ISO string or epoch ms); the world's clock runs from there. Default: real time. */
  now?: string | number;
  seed?: number;
  /** Hostile vendor data: every string field of every vendor answer becomes a payload (see `hostileAnswer`). */
  hostile?: HostileOptions;
  /** Readings chosen for this world, by name (see `Reading`); unnamed ones keep their default. */
  readings?: Record<string, string>;
}

/**
 * `MOCK_READINGS` as the backend's default readings: `name=choice,name=choice`, or `all:<n>` to
 * play the n-th choice (0-based, the last where a reading has fewer) of every reading — how the
 * whole suite is run under the other readings.
 */
export function readingsFromEnv(value: string | undefined, modules: readonly VendorModule<any>[]): Record<string, string> {
  if (!value) return {};
  const all = /^all:(\d+)$/.exec(value.trim());
  const declared = modules.flatMap((m) => Object.entries(m.readings ?? {}));
  if (all) {
    const n = Number(all[1]);
    return Object.fromEntries(declared.map(([name, r]) => [name, r.choices[Math.min(n, r.choices.length - 1)]!]));
  }
  return Object.fromEntries(
    value
      .split(',')
      .map((pair) => pair.split('=').map((part) => part.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && !!pair[0] && !!pair[1]),
  );
}

/**
 * A world whose vendors are attackers (the hardening suite): `payloads` are placed, in turn, into
 * every string field of every JSON answer of every vendor, URLs included. `offset` shifts which
 * payload lands in which field, so a second world puts other payloads in the same fields.
 */
export interface HostileOptions {
  payloads: string[];
  offset?: number;
}

/** What a hostile world placed: per field (`vendor path-pattern key.path`), the payload indexes it carried. */
export interface HostileReport {
  placements: number;
  fields: Record<string, number[]>;
}

const DEFAULT_WORLD = 'default';
const WORLD_PREFIX = /^\/s\/([A-Za-z0-9_-]{1,64})(?=\/)/;

export interface MockBackend {
  /** A Node `(req, res)` handler; mount it on a server or as connect middleware. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The world with this id, created on first use. */
  world(id?: string): World;
  /** Replaces a world with a fresh one. */
  reset(id?: string, options?: WorldOptions): World;
}

export function createMockBackend(modules: VendorModule<any>[], defaults: WorldOptions = {}): MockBackend {
  const byName = new Map(modules.map((m) => [m.name, m] as const));
  const declaredReadings = new Map(modules.flatMap((m) => Object.entries(m.readings ?? {})));
  function checkReadings(chosen: Record<string, string> = {}): void {
    for (const [name, choice] of Object.entries(chosen)) {
      const reading = declaredReadings.get(name);
      if (!reading) throw new MockBadRequest(`No reading named ${name}; known: ${[...declaredReadings.keys()].join(', ')}`);
      if (!reading.choices.includes(choice)) throw new MockBadRequest(`Reading ${name} has no choice ${choice}; choices: ${reading.choices.join(', ')}`);
    }
  }
  checkReadings(defaults.readings);
  const worlds = new Map<string, World>();

  function makeWorld(id: string, options: WorldOptions): World {
    const anchor = options.now === undefined ? undefined : new Date(options.now).getTime();
    const createdAt = Date.now();
    const states = new Map<VendorName, unknown>();
    checkReadings(options.readings);
    const chosen = { ...defaults.readings, ...options.readings };
    const world: World = {
      id,
      chooseReadings(readings) {
        checkReadings(readings);
        Object.assign(chosen, readings);
      },
      reading(name) {
        const declared = declaredReadings.get(name);
        if (!declared) throw new Error(`mock: no reading named ${name}`);
        return chosen[name] ?? declared.choices[0];
      },
      ...(options.hostile?.payloads?.length ? { hostile: { ...options.hostile, next: options.hostile.offset ?? 0, report: { placements: 0, fields: {} } } } : {}),
      seed: options.seed ?? defaults.seed ?? 284,
      now: () => (anchor === undefined ? Date.now() : anchor + (Date.now() - createdAt)),
      requests: [],
      faults: [],
      received: new Map(),
      record(kind, item) {
        const list = world.received.get(kind) ?? [];
        list.push(item);
        world.received.set(kind, list);
      },
      vendor<S>(name: VendorName): S {
        if (!states.has(name)) {
          const module = byName.get(name);
          if (!module) throw new Error(`no mock module for ${name}`);
          states.set(name, module.createState(world));
        }
        return states.get(name) as S;
      },
    };
    return world;
  }

  function world(id = DEFAULT_WORLD): World {
    let w = worlds.get(id);
    if (!w) {
      w = makeWorld(id, defaults);
      worlds.set(id, w);
    }
    return w;
  }

  function reset(id = DEFAULT_WORLD, options: WorldOptions = defaults): World {
    const w = makeWorld(id, { ...defaults, ...options, readings: { ...defaults.readings, ...options.readings } });
    worlds.set(id, w);
    return w;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await route(req, res);
    } catch (error) {
      if (!res.headersSent) {
        const bad = error instanceof MockBadRequest;
        send(res, req, { status: bad ? 400 : 500, body: String((error as Error)?.message ?? error), headers: { 'content-type': 'text/plain' } }, true);
      } else {
        res.destroy();
      }
      if (!(error instanceof MockBadRequest)) console.error('[mock]', error);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    let rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    let worldId = DEFAULT_WORLD;
    const prefixed = WORLD_PREFIX.exec(rawPath);
    if (prefixed) {
      worldId = prefixed[1]!;
      rawPath = rawPath.slice(prefixed[0].length);
    }
    const [, first = '', ...rest] = rawPath.split('/');
    const vendorPath = '/' + rest.join('/');
    const body = await readBody(req);
    // Connect-style mounts (the demo's /mock) strip their prefix from req.url; originalUrl keeps it.
    const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const mount = original.slice(0, Math.max(0, original.length - (req.url ?? '/').length));
    const vendorBase = `http://${req.headers.host ?? 'localhost'}${mount}${prefixed?.[0] ?? ''}/${first}`;
    const mockReq = makeRequest(req, url, vendorPath, body, vendorBase);
    const w = world(worldId);

    if (first === '__mock') {
      return sendControl(res, req, await control(mockReq, w, worldId));
    }

    const module = byName.get(first as VendorName);
    if (!module) {
      return send(res, req, { status: 404, body: `No mock vendor at /${first}`, headers: { 'content-type': 'text/plain' } }, true);
    }

    if (req.method === 'OPTIONS') {
      // A preflight does not use up a fault meant for the request itself, unless it is about CORS.
      const corsFault = findFault(w, module.name, mockReq);
      const blocked = corsFault?.kind === 'cors-block';
      if (blocked) consumeFault(w, corsFault);
      res.writeHead(204, blocked ? {} : preflightHeaders(req));
      return void res.end();
    }
    const fault = findFault(w, module.name, mockReq);
    if (fault) consumeFault(w, fault);
    const corsBlocked = fault?.kind === 'cors-block';

    const log = (status: number): void => {
      w.requests.push({
        at: w.now(),
        vendor: module.name,
        method: mockReq.method,
        path: mockReq.path,
        query: url.search,
        headers: flattenHeaders(req.headers),
        status,
        ...(fault ? { fault: fault.kind } : {}),
      });
    };

    if (fault) {
      switch (fault.kind) {
        case 'offline':
          log(0);
          return dropConnection(res);
        case 'delay':
          await sleep(fault.delayMs ?? 1000);
          if (res.destroyed || req.socket.destroyed) return log(0);
          break;
        case 'html': {
          const status = fault.status ?? 502;
          log(status);
          return send(res, req, { status, body: htmlErrorPage(status), headers: { 'content-type': 'text/html; charset=utf-8' } }, true);
        }
        case 'empty':
          log(200);
          return send(res, req, { status: 200, body: '', headers: { 'content-type': 'application/json' } }, true);
        case 'drop-after-apply':
        case 'oversize':
        case 'truncated':
        case 'wrong-content-type':
        case 'cors-block':
          break; // applied to the real answer below
        default: {
          const answer = module.fault?.(fault, mockReq, w.vendor(module.name), w) ?? genericFault(fault);
          log(answer.status ?? 200);
          return send(res, req, answer, !corsBlocked);
        }
      }
    }

    const handled = (await module.handle(mockReq, w.vendor(module.name), w)) ?? {
      status: 404,
      body: `Not found: ${module.name} ${mockReq.method} ${mockReq.path}`,
      headers: { 'content-type': 'text/plain' },
    };
    const answer = w.hostile && module.name !== 'echo' ? hostileAnswer(handled, w.hostile, `${module.name} ${mockReq.method} ${fieldPattern(mockReq.path)}`) : handled;
    log(fault?.kind === 'drop-after-apply' ? 0 : answer.status ?? 200);
    if (fault?.kind === 'drop-after-apply') return dropConnection(res, req, encodeBody(answer.body));
    if (fault?.kind === 'truncated') {
      const text = encodeBody(answer.body);
      return send(res, req, { ...answer, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers: { 'content-type': 'application/json', ...answer.headers } }, true);
    }
    if (fault?.kind === 'oversize') return send(res, req, oversized(answer, fault.idField), !corsBlocked);
    if (fault?.kind === 'wrong-content-type') {
      return send(res, req, { ...answer, body: encodeBody(answer.body), headers: { ...answer.headers, 'content-type': 'text/plain' } }, true);
    }
    return send(res, req, answer, !corsBlocked);
  }

  async function control(req: MockRequest, w: World, worldId: string): Promise<MockResponse> {
    const [, what = '', ...rest] = req.path.split('/');
    switch (`${req.method} /${what}`) {
      case 'GET /health':
        return { body: { ok: true, world: w.id, now: w.now(), vendors: [...byName.keys()] } };
      case 'POST /reset': {
        const fresh = reset(worldId, req.body ? req.json<WorldOptions>() : {});
        return { body: { ok: true, world: fresh.id, now: fresh.now() } };
      }
      case 'POST /faults': {
        const rules = req.json<FaultRule | FaultRule[]>();
        for (const rule of Array.isArray(rules) ? rules : [rules]) w.faults.push({ ...rule });
        return { body: { faults: w.faults } };
      }
      case 'DELETE /faults':
        w.faults.length = 0;
        return { body: { faults: [] } };
      case 'GET /faults':
        return { body: { faults: w.faults } };
      case 'GET /requests':
        return { body: { requests: w.requests } };
      case 'GET /readings':
        return {
          body: {
            readings: Object.fromEntries(
              [...declaredReadings].map(([name, r]) => [name, { ...r, current: w.reading(name) }]),
            ),
          },
        };
      case 'POST /readings':
        w.chooseReadings(req.json<Record<string, string>>());
        return { body: { ok: true } };
      case 'GET /hostile':
        return { body: w.hostile?.report ?? { placements: 0, fields: {} } };
      case 'GET /received': {
        const kind = rest[0];
        return { body: kind ? { [kind]: w.received.get(kind) ?? [] } : Object.fromEntries(w.received) };
      }
    }
    const module = byName.get(what as VendorName);
    if (module?.control) {
      const vendorReq = { ...req, path: '/' + rest.join('/') };
      const answer = await module.control(vendorReq, w.vendor(module.name), w);
      if (answer) return answer;
    }
    return { status: 404, body: { error: `No control endpoint ${req.method} ${req.path}` } };
  }

  return { handle, world, reset };
}

/**
 * Keys whose string values stay as they are in a hostile world, because the client must parse or
 * send them back for the element to reach the screens that show the other fields: identifiers
 * (sent back in later requests or used as keys), tokens and barcodes (sent in headers and bodies),
 * dates and times (parsed; a hostile one only proves the element refuses a bad date), vendor
 * status and display codes (one-letter enums that decide what is shown) and the venue's time
 * zone and currency (passed to Intl, which throws on garbage by design). Everything else, names,
 * descriptions, messages, addresses, and every URL (`productionLogoLink`, `shop_url`, `image_url`,
 * purchase links), carries a payload.
 */
const HOSTILE_EXEMPT_KEY = /(^id$|Id$|_id$|Ids$|ID$|^guid$|token|Token|barcode|Barcode|password|date|Date|time|Time|^start|^end|Expir|expir|^status$|Status$|^code$|Code$|Codes$|zone|Zone|currency|Currency|^type$|Type$|^grant_type$|^kind$|^color$|^colour$|^availability$|^display$|^locale$|^language$)/;
/** Values that are identifiers, numbers or dates written as text (whatever their key): kept too. */
const HOSTILE_EXEMPT_VALUE = /^(?:[-+]?\d+(?:\.\d+)?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?(?:Z|[+-]\d{2}:?\d{2})?|\d{1,2}:\d{2}(?::\d{2})?|[A-Z]{1,2})$/i;

/** Puts the world's payloads into every string field of a JSON answer (see `HOSTILE_EXEMPT_KEY`). */
function hostileAnswer(answer: MockResponse, hostile: NonNullable<World['hostile']>, route: string): MockResponse {
  let value: unknown;
  if (answer.body instanceof StreamedBody || typeof answer.body === 'string') {
    const type = String(lowerKeys(answer.headers ?? {})['content-type'] ?? 'application/json');
    if (typeof answer.body === 'string' && !type.includes('json')) return answer;
    try {
      value = JSON.parse(encodeBody(answer.body));
    } catch {
      return answer;
    }
  } else if (answer.body && typeof answer.body === 'object') {
    value = answer.body;
  } else {
    return answer;
  }
  const { payloads, report } = hostile;
  const walk = (node: unknown, key: string, path: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, key, `${path}[]`));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k, path ? `${path}.${k}` : k)]));
    }
    if (typeof node !== 'string' || HOSTILE_EXEMPT_KEY.test(key) || HOSTILE_EXEMPT_VALUE.test(node.trim())) return node;
    const index = hostile.next++ % payloads.length;
    report.placements++;
    const field = `${route} ${path}`;
    const seen = (report.fields[field] ??= []);
    if (!seen.includes(index)) seen.push(index);
    return payloads[index];
  };
  const body = walk(value, '', '');
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-length'));
  return { ...answer, headers, body: typeof answer.body === 'string' ? JSON.stringify(body) : body };
}

/** The answer with every list of records ten times as long (a JSON answer; anything else as is), repeats with ids of their own in `idField`. */
function oversized(answer: MockResponse, idField?: string): MockResponse {
  let value: unknown;
  try {
    value = answer.body instanceof StreamedBody || typeof answer.body === 'string' ? JSON.parse(encodeBody(answer.body)) : answer.body;
  } catch {
    return answer;
  }
  const grow = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const items = node.map(grow);
      if (!items.some((item) => item && typeof item === 'object')) return items;
      return Array.from({ length: 10 }, (_, repeat) => (repeat && idField ? items.map((item) => withNewId(item, idField, repeat)) : items)).flat();
    }
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, grow(v)]));
    return node;
  };
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-length'));
  return { ...answer, headers, body: grow(value) };
}

/** A record's `repeat`-th copy with an id of its own in `field` (records without a numeric one as they are). */
function withNewId(item: unknown, field: string, repeat: number): unknown {
  const id = item && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined;
  return typeof id === 'number' ? { ...(item as object), [field]: id + repeat * 100_000_000 } : item;
}

/** A request path with its numbers and ids blanked, so one field is counted once across requests. */
function fieldPattern(path: string): string {
  return path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ':id').replace(/\d+/g, ':n').split('?')[0]!;
}

/**
 * Loses the answer. A connection closed before any byte is retried by Chromium itself when the
 * socket was a reused keep-alive one (even for a POST), which would apply a request twice behind
 * the client's back; so the status line goes out first and the body is cut, which no browser retries.
 * The first half of the real body goes out (a big download is lost part-way), then the connection
 * is closed short of its Content-Length: closed, not reset, so the client can read that half.
 */
function dropConnection(res: ServerResponse, req?: IncomingMessage, body = ''): void {
  const sent = body.slice(0, Math.floor(body.length / 2)) || '{"';
  res.writeHead(200, { ...(req ? corsHeaders(req) : {}), 'content-type': 'application/json', 'content-length': String(Math.max(4096, Buffer.byteLength(body) + 1)) });
  // A moment between the half and the close, as on a real network: the client reads what came (50 ms was too short
  // for a page busy on a loaded 2-core machine, which then saw the close before the half).
  res.write(sent, () => setTimeout(() => res.socket?.end(), 250));
}

function findFault(world: World, vendor: VendorName, req: MockRequest): FaultRule | undefined {
  return world.faults.find(
    (rule) =>
      (!rule.vendor || rule.vendor === vendor) &&
      (!rule.path || req.path.includes(rule.path)) &&
      (!rule.method || req.method === 'OPTIONS' || rule.method.toUpperCase() === req.method),
  );
}

function consumeFault(world: World, rule: FaultRule): void {
  const left = (rule.times ?? Infinity) - 1;
  if (left <= 0) world.faults.splice(world.faults.indexOf(rule), 1);
  else rule.times = left;
}

function genericFault(rule: FaultRule): MockResponse {
  switch (rule.kind) {
    case 'rate-limit':
      return {
        status: 429,
        headers: { 'retry-after': String(rule.retryAfter ?? 1), 'content-type': 'text/plain' },
        body: 'Too Many Requests',
      };
    case 'http-error':
    default:
      return { status: rule.status ?? 503, headers: { 'content-type': 'text/plain' }, body: rule.message ?? 'Service Unavailable' };
  }
}

function makeRequest(req: IncomingMessage, url: URL, path: string, body: string, vendorBase: string): MockRequest {
  return {
    vendorBase,
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    path,
    query: url.searchParams,
    headers: req.headers,
    body,
    json<T>() {
      try {
        return JSON.parse(body) as T;
      } catch {
        throw new MockBadRequest('Malformed JSON body');
      }
    },
    form() {
      const type = String(req.headers['content-type'] ?? '');
      if (type.startsWith('multipart/form-data')) return parseMultipart(body, type);
      return new URLSearchParams(body);
    },
    header(name) {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

function parseMultipart(body: string, contentType: string): URLSearchParams {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const params = new URLSearchParams();
  if (!boundary) return params;
  for (const part of body.split('--' + (boundary[1] ?? boundary[2]))) {
    const name = /name="([^"]*)"/.exec(part)?.[1];
    const split = part.indexOf('\r\n\r\n');
    if (name === undefined || split < 0) continue;
    params.append(name, part.slice(split + 4).replace(/\r\n$/, ''));
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function encodeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (body instanceof StreamedBody) return body.text();
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin
    ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'retry-after, content-type', vary: 'Origin' }
    : {};
}

function preflightHeaders(req: IncomingMessage): Record<string, string> {
  return {
    ...corsHeaders(req),
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
    'access-control-max-age': '600',
  };
}

function send(res: ServerResponse, req: IncomingMessage, answer: MockResponse, withCors: boolean): void {
  const streamed = answer.body instanceof StreamedBody ? answer.body : undefined;
  const text = streamed ? '' : encodeBody(answer.body);
  const headers: Record<string, string | string[]> = {
    ...(withCors ? corsHeaders(req) : {}),
    ...(answer.body !== null && answer.body !== undefined && typeof answer.body !== 'string' ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'cache-control': 'no-store',
    ...lowerKeys(answer.headers ?? {}),
  };
  res.writeHead(answer.status ?? 200, headers);
  if (streamed) return void writePieces(res, streamed.pieces()).catch(() => res.destroy());
  res.end(text);
}

/** Writes each piece, waiting while the client is behind; stops if it went away. */
async function writePieces(res: ServerResponse, pieces: Iterable<string | Uint8Array>): Promise<void> {
  for (const piece of pieces) {
    if (res.destroyed) return;
    if (res.write(piece)) continue;
    await new Promise<void>((resolve) => {
      const go = () => {
        res.off('drain', go);
        res.off('close', go);
        resolve();
      };
      res.on('drain', go);
      res.on('close', go);
    });
  }
  res.end();
}

function sendControl(res: ServerResponse, req: IncomingMessage, answer: MockResponse): void {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, preflightHeaders(req));
    return void res.end();
  }
  send(res, req, answer, true);
}

function lowerKeys(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function htmlErrorPage(status: number): string {
  return `<!DOCTYPE html>
<html><head><title>${status} Error</title></head>
<body><h1>${status} ${status === 403 ? 'Forbidden' : 'Bad Gateway'}</h1>
<p>The request could not be satisfied. Generated by edge-proxy.</p></body></html>`;
}

/** A small deterministic pseudo-random generator (mulberry32), so generated data is stable per seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one element, deterministically, with a generator from `seededRandom`. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
