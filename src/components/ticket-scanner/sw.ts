/**
 * The scanner's service worker (a module worker: `register(url, { type: 'module' })`). It replays
 * the offline scan queue when the browser fires Background Sync (tag `ticket-scanner-sync`),
 * even with the scanner's page closed, and when a page asks (`{ type: 'sync-now' }`); each
 * report goes to every open window as `{ type: 'ticket-scanner-sync', report }`.
 *
 * It signs in with nothing: it uses the session the page stored (IndexedDB). A replay that meets
 * an ended session keeps every scan for after the next sign-in.
 */
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
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
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

worker.addEventListener('install', () => void worker.skipWaiting());
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
});
