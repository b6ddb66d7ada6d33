/**
 * Test helpers for the scanner's service worker (`sw.ts`), served unbundled by the test server as
 * a module worker scoped to its folder (no page needs to be controlled).
 */
import type { SyncReport } from '../src/components/ticket-scanner/offline/scan-queue.js';
import { reportFromMessage } from '../src/components/ticket-scanner/offline/scan-sync.js';

export const SCANNER_WORKER_SCOPE = '/src/components/ticket-scanner/offline/';

export function registerScannerWorker(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.register(`${SCANNER_WORKER_SCOPE}sw.ts`, { type: 'module', scope: SCANNER_WORKER_SCOPE });
}

/** The next sync report a service worker sends this page. */
export function nextWorkerReport(): Promise<SyncReport> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      const report = reportFromMessage(event.data);
      if (!report) return;
      navigator.serviceWorker.removeEventListener('message', listener);
      resolve(report);
    };
    navigator.serviceWorker.addEventListener('message', listener);
  });
}

/** The registration's worker, once activated. */
export async function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const worker = registration.installing ?? registration.waiting ?? registration.active!;
  if (worker.state !== 'activated') {
    await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  }
  return worker;
}
