/**
 * The page side of syncing offline scans: replays the queue on start-up, when the browser comes
 * back `online`, when the page is shown again (a phone woken: timers slept meanwhile), on a timer
 * where the browser has no Background Sync (Firefox, Safari), and asks the service
 * worker for a Background Sync (tag `ticket-scanner-sync`) when scans are left waiting, so they go
 * even after the page is closed. Reports of replays the service worker made arrive here too.
 * Replays never overlap (see scan-queue.ts), and nothing here throws into the page.
 */
import type { ScanningSession } from '../../../api/audienceview/scanning.js';
import { asError, VendorError } from '../../../api/errors.js';
import { pendingCount, replayPendingScans, type SyncReport } from './scan-queue.js';

export const SYNC_TAG = 'ticket-scanner-sync';
/** `type` of the service worker's messages to pages, and of a page's request to it (`sync-now`). */
export const SYNC_REPORT_MESSAGE = 'ticket-scanner-sync';
export const SYNC_NOW_MESSAGE = 'sync-now';

export interface ScanSyncOptions {
  /** The session to sync with now; `undefined` while nobody is signed in (scans wait). */
  session: () => ScanningSession | undefined;
  /** After each replay, here or in the service worker. */
  onReport: (report: SyncReport) => void;
  /** The timer, for browsers without Background Sync. Default 30 s. */
  intervalMs?: number;
  /** Per `syncScans` request (a short one suits a door); default the fetch seam's. */
  timeoutMs?: number;
  batchSize?: number;
}

const DEFAULT_INTERVAL_MS = 30_000;

export class ScanSync {
  private running: Promise<SyncReport | undefined> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private started = false;

  constructor(private readonly options: ScanSyncOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.document?.addEventListener('visibilitychange', this.onTimer);
    navigator.serviceWorker?.addEventListener('message', this.onWorkerMessage);
    void backgroundSyncRegistration().then((registration) => {
      if (!registration && this.started) this.timer ??= setInterval(this.onTimer, this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
    });
    void this.syncNow();
  }

  stop(): void {
    this.started = false;
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.document?.removeEventListener('visibilitychange', this.onTimer);
    navigator.serviceWorker?.removeEventListener('message', this.onWorkerMessage);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Replays now (or joins the replay under way); resolves with its report, or `undefined` when
   * nobody is signed in.
   */
  syncNow(): Promise<SyncReport | undefined> {
    this.running ??= this.replay().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async replay(): Promise<SyncReport | undefined> {
    const session = this.options.session();
    if (!session) return undefined;
    let report: SyncReport;
    try {
      report = await replayPendingScans(session, { timeoutMs: this.options.timeoutMs, batchSize: this.options.batchSize });
    } catch (error) {
      // replayPendingScans reports its failures; this is the database itself failing.
      report = { acknowledged: 0, failed: [], pending: await pendingCount().catch(() => 0), stoppedBy: asError(error) };
    }
    if (report.pending > 0 && !needsSignIn(report.stoppedBy)) void requestBackgroundSync();
    this.tell(report);
    return report;
  }

  private tell(report: SyncReport): void {
    try {
      this.options.onReport(report);
    } catch (error) {
      console.error('ticket-scanner: a sync report handler failed', error);
    }
  }

  private readonly onOnline = () => void this.syncNow();

  /** The timer, and the page shown again: a replay when scans wait and the browser is not offline. */
  private readonly onTimer = async () => {
    if (navigator.onLine === false || this.running || globalThis.document?.visibilityState === 'hidden') return;
    if ((await pendingCount().catch(() => 0)) > 0) await this.syncNow();
  };

  private readonly onWorkerMessage = (event: MessageEvent) => {
    const report = reportFromMessage(event.data);
    if (report) this.tell(report);
  };
}

/** The session is over: the replay waits for a new sign-in, not for the network. */
function needsSignIn(error: Error | undefined): boolean {
  return error instanceof VendorError ? error.forceLogout : (error as { forceLogout?: unknown } | undefined)?.forceLogout === true;
}

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** The service worker registration, if it offers Background Sync (Chromium); else `undefined`. */
async function backgroundSyncRegistration(): Promise<(ServiceWorkerRegistration & { sync: SyncManagerLike }) | undefined> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    return registration && 'sync' in registration ? (registration as ServiceWorkerRegistration & { sync: SyncManagerLike }) : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the browser to wake the service worker when the network is back, even with the page closed. */
export async function requestBackgroundSync(): Promise<boolean> {
  const registration = await backgroundSyncRegistration();
  if (!registration) return false;
  try {
    await registration.sync.register(SYNC_TAG);
    return true;
  } catch {
    return false; // permission denied, or the worker is not active yet: the page's own replays remain
  }
}

/**
 * A report as a message: an Error crosses `postMessage` without its class or fields, so what
 * stopped the replay travels as its name, message, code and `forceLogout`.
 */
export function reportToMessage(report: SyncReport): { type: typeof SYNC_REPORT_MESSAGE; report: unknown } {
  const stopped = report.stoppedBy;
  return {
    type: SYNC_REPORT_MESSAGE,
    report: {
      ...report,
      stoppedBy: stopped && {
        name: stopped.name,
        message: stopped.message,
        code: (stopped as VendorError).code,
        forceLogout: (stopped as VendorError).forceLogout === true,
      },
    },
  };
}

export function reportFromMessage(data: unknown): SyncReport | undefined {
  const message = data as { type?: unknown; report?: SyncReport & { stoppedBy?: { name: string; message: string; code?: string | number; forceLogout: boolean } } } | null;
  if (message?.type !== SYNC_REPORT_MESSAGE || !message.report || typeof message.report.pending !== 'number') return undefined;
  const { stoppedBy, ...report } = message.report;
  if (!stoppedBy) return report;
  const error =
    stoppedBy.name === 'VendorError'
      ? new VendorError(stoppedBy.message, { vendor: 'audienceview', code: stoppedBy.code ?? 16, forceLogout: stoppedBy.forceLogout })
      : Object.assign(new Error(stoppedBy.message), { name: stoppedBy.name });
  return { ...report, stoppedBy: error };
}
