/**
 * The scanner's service worker. Built by vite-plugin-pwa (`injectManifest`, vite.scanner.config.ts)
 * into the installable app's `sw.js`; it also runs unbundled as a module worker (the tests).
 *
 * - App shell: Workbox precaches what the build lists in `self.__WB_MANIFEST` (the page, its JS
 *   with every lazy chunk, the camera's wasm reader, manifest, icons), so the app starts with no
 *   network; a navigation in scope gets the cached `index.html`. Nothing else is cached: vendor
 *   (AudienceView) requests always go to the network, the element keeps its own tickets in IndexedDB.
 * - Updates: the first install takes the page at once; a later version waits until the page's
 *   update prompt posts `{ type: 'SKIP_WAITING' }`, so nobody is reloaded in the middle of a scan.
 * - Scan queue: replayed when the browser fires Background Sync (tag `ticket-scanner-sync`), even
 *   with the scanner's page closed, and when a page asks (`{ type: 'sync-now' }`); each report
 *   goes to every open window as `{ type: 'ticket-scanner-sync', report }`. It signs in with
 *   nothing: it uses the session the page stored (IndexedDB). A replay that meets an ended
 *   session keeps every scan for after the next sign-in.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { loadSession, saveSession } from './scanner-db.js';
import { replayPendingScans, type SyncReport } from './scan-queue.js';
import { SYNC_NOW_MESSAGE, SYNC_TAG, reportToMessage } from './scan-sync.js';

// The project compiles against the DOM library; the few service-worker types used here are declared.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: ExtendableEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<Array<{ postMessage(message: unknown): void }>>;
  };
}

const worker = globalThis as unknown as WorkerScope;

/** Errors worth another Background Sync attempt: the network or the server, not the session. */
const RETRYABLE = new Set(['NetworkError', 'TimeoutError', 'HttpError', 'ParseError']);

/**
 * One replay with the stored session, its report sent to every window. Resolves with the report,
 * or `undefined` when nobody is signed in.
 */
export async function syncStoredQueue(): Promise<SyncReport | undefined> {
  const session = await loadSession();
  if (!session) return undefined;
  const report = await replayPendingScans(session);
  if (typeof report.accessTokenExpiration === 'number') {
    // Each call extends the token: keep the page's stored session current (if it is still the same one).
    const stored = await loadSession();
    if (stored?.accessToken === session.accessToken) await saveSession({ ...stored, accessTokenExpiration: report.accessTokenExpiration });
  }
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const message = reportToMessage(report);
  for (const client of windows) client.postMessage(message);
  return report;
}

/** What workbox-window's `messageSkipWaiting()` posts from the update prompt. */
const SKIP_WAITING_MESSAGE = 'SKIP_WAITING';

// The build replaces `self.__WB_MANIFEST` (that literal text) with the shell's URLs and
// revisions; unbundled it is undefined, and the worker only syncs.
const shell = (self as unknown as { __WB_MANIFEST?: Array<PrecacheEntry | string> }).__WB_MANIFEST;
if (shell?.length) {
  cleanupOutdatedCaches();
  precacheAndRoute(shell);
  // The app is one page: any navigation in scope (a bookmark, a start_url with a query) opens it.
  const indexUrl = shell.map((entry) => (typeof entry === 'string' ? entry : entry.url)).find((url) => /(^|\/)index\.html$/.test(url));
  if (indexUrl) registerRoute(new NavigationRoute(createHandlerBoundToURL(indexUrl)));
}

// No skipWaiting() on install: a first install activates at once anyway (nothing else is active),
// and claim() then takes the open page; a newer version waits for SKIP_WAITING.
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    syncStoredQueue().then((report) => {
      // Rejecting asks the browser to fire the sync again later, with its own back-off.
      if (report?.stoppedBy && RETRYABLE.has(report.stoppedBy.name) && report.pending > 0) throw report.stoppedBy;
    }),
  );
});

worker.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === SYNC_NOW_MESSAGE) event.waitUntil(syncStoredQueue().catch(() => undefined));
  else if (data?.type === SKIP_WAITING_MESSAGE) event.waitUntil(worker.skipWaiting());
});
