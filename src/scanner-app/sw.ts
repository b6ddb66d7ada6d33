/**
 * The door app's service worker: the scanner's own (app shell, scan queue, updates; see
 * src/components/ticket-scanner/offline/sw.ts) plus the venue's settings file. That file is not
 * part of the build (a venue changes it without rebuilding), so it is not precached: each start
 * asks the network first and keeps the answer; with no network (or a failing server) the kept
 * copy answers, so an installed app starts offline with the settings it last saw.
 */
import '../components/ticket-scanner/offline/sw.js';
import { HttpError } from '../api/errors.js';
import { request } from '../api/request.js';
import { SCANNER_CONFIG_FILE } from './config.js';

interface FetchEvent extends Event {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface InstallEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

const CONFIG_CACHE = 'scanner-app-config';
/** A slow network must not hold the door up: after this the kept copy answers. */
const CONFIG_TIMEOUT_MS = 4_000;
const worker = globalThis as unknown as {
  registration: { scope: string };
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'install', listener: (event: InstallEvent) => void): void;
};
const configUrl = new URL(SCANNER_CONFIG_FILE, worker.registration.scope).href;

// Registered after the precache's listener, which answers only the shell: this one answers only the file.
worker.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET' || event.request.url.split('?')[0] !== configUrl) return;
  event.respondWith(networkFirst());
});

// Kept at install too: the first start's own request went out before this worker controlled the
// page, and the next start may be the one with no network.
worker.addEventListener('install', (event) => event.waitUntil(networkFirst().catch(() => undefined)));

async function networkFirst(): Promise<Response> {
  const cache = await caches.open(CONFIG_CACHE);
  try {
    const text = await request<string>(configUrl, { responseType: 'text', timeoutMs: CONFIG_TIMEOUT_MS, retries: 0 });
    const fresh = new Response(text, { headers: { 'content-type': 'application/json' } });
    await cache.put(configUrl, fresh.clone());
    return fresh;
  } catch (error) {
    // The venue took the file away: say so rather than run on an old copy.
    if (error instanceof HttpError && error.status === 404) {
      await cache.delete(configUrl);
      return new Response(error.bodyText, { status: 404 });
    }
    const kept = await cache.match(configUrl);
    if (kept) return kept;
    if (error instanceof HttpError) return new Response(error.bodyText, { status: error.status });
    return Response.error();
  }
}
