/**
 * Node-side harness for the Utick proxy on real runtimes: the mock vendor backend in this
 * process, the proxy bundled with esbuild as the README tells a venue, and started on Node (a
 * child process), Cloudflare's workerd (through Miniflare) or Deno (the `deno` npm package's
 * binary); Redis is Debian's `redis-server` on a free loopback port with a temporary directory.
 * Everything listens on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { RequestLogEntry, WorldOptions } from '../../mock/core.js';
import { MOCK_UTICK_KEYS } from '../../mock/utick.js';
import { freePort } from '../../scripts/free-port.mjs';
import { startMockServer, type RunningMock } from '../../mock/server.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const VENUE_ORIGIN = 'https://venue.example';
export const KEYS = MOCK_UTICK_KEYS;

export { startMockServer, type RunningMock };

/** One world of the mock backend, seen from Node (the browser tests' `openMockWorld`, without a page). */
export interface NodeMockWorld {
  id: string;
  upstream: string;
  requests(): Promise<RequestLogEntry[]>;
  received<T = unknown>(kind: string): Promise<T[]>;
  fault(rule: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  control<T = unknown>(path: string): Promise<T>;
  chooseReadings(readings: Record<string, string>): Promise<void>;
}

let worlds = 0;
export async function openWorld(mock: RunningMock, options: WorldOptions = {}): Promise<NodeMockWorld> {
  const id = `proxy${process.pid.toString(36)}${(worlds++).toString(36)}`;
  const root = `${mock.origin}/s/${id}`;
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${root}/__mock${path}`, init);
    if (!res.ok) throw new Error(`mock control ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const post = (path: string, body: unknown) => call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  await post('/reset', options);
  return {
    id,
    upstream: `${root}/utick`,
    requests: async () => (await call<{ requests: RequestLogEntry[] }>('/requests')).requests.filter((r) => r.vendor === 'utick'),
    received: async <T>(kind: string) => (await call<Record<string, T[]>>(`/received/${kind}`))[kind] ?? [],
    fault: async (rule) => void (await post('/faults', { vendor: 'utick', ...rule })),
    clearFaults: async () => void (await call('/faults', { method: 'DELETE' })),
    control: (path) => call(`/utick${path}`),
    chooseReadings: async (readings) => void (await post('/readings', readings)),
  };
}

/** The access code that gets `result` on a stream, from the mock's own table. */
export async function codeFor(world: NodeMockWorld, streamId: string, result: number): Promise<string> {
  const table = await world.control<{ streams: { streamId: string; accessCodes: Record<string, number>; contactIds: Record<string, number> }[] }>('/codes');
  const stream = table.streams.find((s) => s.streamId === streamId)!;
  return Object.entries(stream.accessCodes).find(([, r]) => r === result)![0];
}

export async function contactFor(world: NodeMockWorld, streamId: string): Promise<string> {
  const table = await world.control<{ streams: { streamId: string; contactIds: Record<string, number> }[] }>('/codes');
  return Object.keys(table.streams.find((s) => s.streamId === streamId)!.contactIds)[0]!;
}

const bundles = new Map<string, Promise<string>>();
const workDir = mkdtempSync(join(tmpdir(), 'utick-proxy-tests-'));
// Inside the repository: Node resolves the external packages from here, and Miniflare names
// modules relative to the working directory (it refuses a path that climbs out with `..`).
const bundleDir = join(ROOT, 'node_modules/.cache/utick-proxy-tests', String(process.pid));
process.once('exit', () => {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

/**
 * The proxy bundled for a runtime, with the README's esbuild commands: Node keeps its packages
 * external (they resolve from this repository's node_modules, as from a venue's install);
 * workerd and Deno get one self-contained ES module.
 */
export function bundleFor(runtime: 'node' | 'workerd' | 'deno'): Promise<string> {
  let made = bundles.get(runtime);
  if (!made) {
    made = (async () => {
      if (runtime === 'node') {
        const outfile = join(bundleDir, 'utick-proxy-node.mjs');
        await build({ entryPoints: [join(ROOT, 'src/proxy/utick/cli.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
        return outfile;
      }
      const entry = runtime === 'workerd' ? 'worker.ts' : 'deno.ts';
      const outfile = join(bundleDir, `utick-proxy-${runtime}.mjs`);
      await build({
        entryPoints: [join(ROOT, 'src/proxy/utick', entry)],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        target: 'es2022',
        mainFields: ['module', 'main'],
        conditions: runtime === 'workerd' ? ['workerd', 'worker', 'browser'] : ['deno', 'browser'],
        outfile,
        logLevel: 'warning',
      });
      return outfile;
    })();
    bundles.set(runtime, made);
  }
  return made;
}

export interface RunningProxy {
  runtime: string;
  origin: string;
  /** The runtime's process id, when it is a child process of this one (Node, Deno). */
  pid?: number;
  /** Everything the runtime printed so far (stdout and stderr). */
  logs(): string;
  close(): Promise<void>;
}

export interface ProxyEnv {
  upstream: string;
  redisUrl?: string;
  timeoutMs?: number;
  /** Behind a load balancer: the client is the last X-Forwarded-For entry (Node only). */
  trustProxy?: boolean;
}

function envFor(options: ProxyEnv): Record<string, string> {
  return {
    UTICK_PUBLIC_KEY: KEYS.publicKey,
    UTICK_PRIVATE_KEY: KEYS.privateKey,
    UTICK_UPSTREAM: options.upstream,
    UTICK_ALLOWED_ORIGINS: VENUE_ORIGIN,
    ...(options.timeoutMs ? { UTICK_TIMEOUT_MS: String(options.timeoutMs) } : {}),
    ...(options.redisUrl ? { UTICK_REDIS_URL: options.redisUrl } : {}),
    ...(options.trustProxy ? { UTICK_TRUST_PROXY: '1' } : {}),
  };
}

/** A child process that prints `... on http://host:port` once it listens. */
async function spawnListening(runtime: string, command: string, args: string[], env: Record<string, string>): Promise<RunningProxy> {
  const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', HOME: workDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const origin = await new Promise<string>((done, fail) => {
    // Generous: the machine is shared, and a busy one starts processes slowly.
    const timer = setTimeout(() => fail(new Error(`${runtime} proxy did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!.replace('0.0.0.0', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${runtime} proxy exited (${code}):\n${output}`));
    });
  });
  return {
    runtime,
    origin,
    ...(child.pid ? { pid: child.pid } : {}),
    logs: () => output,
    close: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/** `node dist/proxy/utick-proxy.js`, as `npx venue-widgets utick-proxy` runs it. */
export async function startNodeProxy(options: ProxyEnv): Promise<RunningProxy> {
  const bundle = await bundleFor('node');
  return spawnListening('Node', process.execPath, [bundle], { ...envFor(options), PORT: '0', HOST: '127.0.0.1' });
}

export const DENO_BINARY = join(ROOT, 'node_modules/.bin/deno');

export async function startDenoProxy(options: ProxyEnv): Promise<RunningProxy> {
  const bundle = await bundleFor('deno');
  return spawnListening('Deno', DENO_BINARY, ['run', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env', bundle], {
    ...envFor(options),
    PORT: '0',
    HOST: '127.0.0.1',
    DENO_DIR: join(workDir, 'deno'),
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
  });
}

/** The Worker in workerd through Miniflare, with the Durable Object store bound as `UTICK_ATTEMPTS`. */
export async function startWorkerdProxy(options: ProxyEnv): Promise<RunningProxy & { miniflare: import('miniflare').Miniflare }> {
  const { Miniflare } = await import('miniflare');
  const scriptPath = await bundleFor('workerd');
  let output = '';
  const miniflare = new Miniflare({
    modules: true,
    scriptPath,
    compatibilityDate: '2025-07-01',
    host: '127.0.0.1',
    port: await freePort(),
    bindings: envFor(options),
    durableObjects: { UTICK_ATTEMPTS: 'UtickAttemptLimiter' },
    durableObjectsPersist: false,
    handleRuntimeStdio(stdout, stderr) {
      if (process.env.DEBUG_WORKERD) { stdout.pipe(process.stdout); stderr.pipe(process.stderr); }
      stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    },
  });
  const url = await miniflare.ready;
  return {
    runtime: 'workerd',
    origin: url.origin,
    miniflare,
    logs: () => output,
    close: () => miniflare.dispose(),
  };
}

export interface RunningRedis {
  url: string;
  port: number;
  /** redis-server's process id while it runs. */
  pid(): number | undefined;
  stop(): Promise<void>;
  /** Starts it again on the same port and directory (after `stop`). */
  start(): Promise<void>;
  /** Empties it (`FLUSHALL`). */
  flush(): Promise<void>;
}

/** Debian's redis-server on a free loopback port, its files in a temporary directory. */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(workDir, 'redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`redis-server did not start:\n${output}`)), 10_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          done();
        }
      };
      child!.stdout!.on('data', read);
      child!.stderr!.on('data', read);
      child!.once('error', (error) => (clearTimeout(timer), fail(new Error(`redis-server could not be run (${error.message}); .ci/run installs it`))));
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child?.pid,
    stop: async () => {
      if (child) await stopChild(child);
    },
    start,
    flush: () =>
      new Promise<void>((done, fail) => {
        const cli = spawn('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'FLUSHALL'], { stdio: 'ignore' });
        cli.once('error', fail);
        cli.once('exit', (code) => (code === 0 ? done() : fail(new Error(`redis-cli FLUSHALL exited ${code}`))));
      }),
  };
}

/** A GET with an Origin header, as the venue's page sends it. */
export function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(origin + path, { headers: { origin: VENUE_ORIGIN, ...headers } });
}
