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
 */
export type FaultKind = 'offline' | 'delay' | 'http-error' | 'rate-limit' | 'html' | 'truncated' | 'wrong-content-type' | 'empty' | 'cors-block' | 'drop-after-apply' | 'vendor-error' | 'expired-token' | 'lockout';
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
export declare class StreamedBody {
    readonly pieces: () => Iterable<string | Uint8Array>;
    constructor(pieces: () => Iterable<string | Uint8Array>);
    text(): string;
}
/** Throw from a handler to answer 400 with a plain message. */
export declare class MockBadRequest extends Error {
}
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
}
export interface WorldOptions {
    /** Anchor "now" (ISO string or epoch ms); the world's clock runs from there. Default: real time. */
    now?: string | number;
    seed?: number;
}
export interface MockBackend {
    /** A Node `(req, res)` handler; mount it on a server or as connect middleware. */
    handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
    /** The world with this id, created on first use. */
    world(id?: string): World;
    /** Replaces a world with a fresh one. */
    reset(id?: string, options?: WorldOptions): World;
}
export declare function createMockBackend(modules: VendorModule<any>[], defaults?: WorldOptions): MockBackend;
export declare function htmlErrorPage(status: number): string;
/** A small deterministic pseudo-random generator (mulberry32), so generated data is stable per seed. */
export declare function seededRandom(seed: number): () => number;
/** Picks one element, deterministically, with a generator from `seededRandom`. */
export declare function pick<T>(random: () => number, items: readonly T[]): T;
