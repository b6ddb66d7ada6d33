/**
 * The downloaded tickets as staff see them: when, how many, how fresh, the door count, the
 * download under way (with progress) and its failure. Downloads when scanning starts, when the
 * list is overdue, on a cadence scaled to the list while online, and on request; never in
 * `online` mode.
 */
import { Task } from '@lit/task';
import type { StoredSession } from '../offline/scanner-db.js';
import { cacheInfo, downloadValidTickets, type CacheInfo, type DownloadProgress, type ScanFilter } from '../offline/ticket-cache.js';
import { sameFilter } from './scan-choice.js';
import { SessionWork } from './session-work.js';

/**
 * The refresh cadence. The seed's `cache/validTickets` has no "changes since": each refresh
 * downloads the whole list, so what a refresh costs grows with the list. The rule:
 *   every minute at most (a small performance: what the other doors admitted, a minute late),
 *   but never more than 3 % of the time downloading (the last refresh took 3 s: 100 s apart),
 *   nor more than 60 MB an hour on average (the radio and the battery; a 100,000-ticket list
 *   of ~54 MB: every ~54 minutes),
 *   and at least once an hour.
 * Before a download has been measured (a list kept from an earlier visit), its size is
 * estimated from its ticket count.
 */
export const REFRESH_RULE = {
  minMs: 60_000,
  maxMs: 60 * 60_000,
  downloadShare: 0.03,
  bytesPerHour: 60 * 1024 * 1024,
  /** A ticket of `cache/validTickets` as JSON, patron included (the seed's example ~480 bytes; the mock's 565, bench/scanner.ts). */
  estimatedTicketBytes: 560,
} as const;

/** What the last download of a list cost: its tickets, its bytes (as received) and its time (download and store). */
export interface ListCost {
  tickets: number;
  bytes?: number;
  ms?: number;
}

/** How long to wait between two refreshes of a list (see REFRESH_RULE). */
export function refreshCadenceMs({ tickets, bytes, ms }: ListCost): number {
  const rule = REFRESH_RULE;
  const size = bytes ?? tickets * rule.estimatedTicketBytes;
  const byBytes = (size / rule.bytesPerHour) * 3_600_000;
  const byTime = ms === undefined ? 0 : ms / rule.downloadShare;
  // Whole minutes, as the freshness line counts them.
  return Math.min(rule.maxMs, Math.ceil(Math.max(rule.minMs, byBytes, byTime) / 60_000) * 60_000);
}

/** The freshness line's state: refreshed on time, a download under way, the last one failed, or not refreshing (offline). */
export type Freshness = 'fresh' | 'updating' | 'failed' | 'offline';

export class TicketCacheController extends SessionWork {
  info?: CacheInfo;
  progress?: DownloadProgress;
  error?: Error;
  /** The last refresh failed (and when): the list before it is still the one in use. */
  failedAt?: number;
  /** When the next refresh is due (while the work runs). */
  nextRefreshAt?: number;
  /** What the last completed download cost, for the cadence. */
  private cost?: ListCost & { filter: ScanFilter };
  private running = false;
  /** The list (and failure) the timers were set for: another one, and they are set again. */
  private timedFor = '';
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private clockTimer?: ReturnType<typeof setTimeout>;
  /** Shown again (a phone woken at the door): an overdue list is refreshed at once. */
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible' && this.running && this.stale()) this.onRefreshDue(true);
  };
  private readonly download = new Task(this.host, {
    autoRun: false,
    task: ([session, filter]: [StoredSession, ScanFilter], { signal }) => this.runDownload(session, filter, signal),
  });

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    super.hostDisconnected();
  }

  /** What is stored now (start-up). */
  async load(signal: AbortSignal): Promise<void> {
    const info = await cacheInfo().catch(() => undefined);
    if (!signal.aborted) this.info = info;
  }

  forget(): void {
    this.info = undefined;
    this.cost = undefined;
    this.failedAt = undefined;
  }

  /** The list, if it is the one for what is scanned now. */
  current(): CacheInfo | undefined {
    return sameFilter(this.info?.filter, this.host.filter) ? this.info : undefined;
  }

  /** The time between refreshes: the `cacheRefreshMs` property when set, else scaled to the list (refreshCadenceMs). */
  cadenceMs(): number {
    const fixed = this.host.cacheRefreshMs;
    if (fixed !== undefined && fixed > 0) return fixed;
    const info = this.current();
    if (!info) return REFRESH_RULE.minMs;
    const measured = this.cost && sameFilter(this.cost.filter, info.filter) ? this.cost : undefined;
    return refreshCadenceMs({ tickets: info.tickets, bytes: measured?.bytes, ms: measured?.ms });
  }

  /** Older than its cadence, or for another choice. */
  stale(): boolean {
    const info = this.current();
    return !info || Date.now() - info.downloadedAt >= this.cadenceMs();
  }

  freshness(): Freshness {
    if (this.progress) return 'updating';
    if (this.failedAt !== undefined) return 'failed';
    return this.connection.state === 'online' ? 'fresh' : 'offline';
  }

  /** A valid verdict marked the ticket scanned on this device: one more in, as the stored count will say. */
  countAdmitted(): void {
    const count = this.info?.doorCount;
    if (this.info && count) this.info = { ...this.info, doorCount: { ...count, admitted: Math.min(count.admitted + 1, count.admissible) } };
  }

  /** Downloads the valid tickets of the chosen filter (with progress), unless `online` mode. */
  refresh(): void {
    const session = this.session.current;
    const filter = this.host.filter;
    if (!session || !filter || this.host.mode === 'online') return;
    // The downloaded tickets and the queue must survive the browser's clean-ups on a full phone.
    void navigator.storage?.persist?.().catch(() => false);
    this.progress = { tickets: 0, bytes: 0, totalBytes: null };
    this.error = undefined;
    // A download under way is aborted by this one.
    void this.download.run([session, filter]);
  }

  private async runDownload(session: StoredSession, filter: ScanFilter, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    let bytes = 0;
    try {
      const info = await downloadValidTickets(session, filter, {
        signal,
        onProgress: (progress) => {
          if (signal.aborted) return;
          bytes = progress.bytes;
          this.progress = { tickets: progress.tickets, bytes: progress.bytes, totalBytes: progress.totalBytes };
          this.host.requestUpdate();
        },
      });
      if (signal.aborted) return;
      this.info = info;
      this.cost = { filter: { ...filter }, tickets: info.tickets, bytes, ms: performance.now() - started };
      this.failedAt = undefined;
      this.connection.back();
    } catch (error) {
      if (signal.aborted || !this.connection.handleFailure(error, { quiet: true })) return;
      // The previous list stays in use (ticket-cache.ts switches only to a complete download).
      this.failedAt = Date.now();
      this.error = this.host.report(error);
    } finally {
      if (!signal.aborted) {
        this.progress = undefined;
      }
    }
  }

  /** Refreshes on the list's cadence while scanning online; keeps the freshness line current. */
  start(): void {
    this.running = true;
    this.timedFor = '';
    this.retime();
  }

  /** A new list, another choice, a failed refresh: the next refresh and the line's clock follow (before the render shows them). */
  hostUpdate(): void {
    if (this.running) this.retime();
  }

  private retime(): void {
    const key = `${this.current()?.downloadedAt}|${this.failedAt}|${this.host.cacheRefreshMs}`;
    if (key === this.timedFor) return;
    this.timedFor = key;
    this.scheduleRefresh();
    this.tickClock();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.refreshTimer);
    clearTimeout(this.clockTimer);
    this.nextRefreshAt = undefined;
    this.download.abort();
    this.progress = undefined;
  }

  /** The next refresh: a cadence after the list's download, or after the attempt that failed. */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    if (!this.running) return;
    const dueAt = this.dueAt();
    this.nextRefreshAt = dueAt ?? Date.now();
    this.armRefresh(this.nextRefreshAt - Date.now());
  }

  private dueAt(): number | undefined {
    const from = Math.max(this.current()?.downloadedAt ?? 0, this.failedAt ?? 0);
    return from ? from + this.cadenceMs() : undefined;
  }

  private armRefresh(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.onRefreshDue(), Math.max(0, delayMs));
  }

  private onRefreshDue(overdue = false): void {
    if (!this.running) return;
    const dueAt = this.dueAt();
    // The list changed meanwhile (a manual refresh, another choice): its own cadence.
    if (!overdue && dueAt !== undefined && dueAt > Date.now()) return this.scheduleRefresh();
    // Not while the page is hidden (the screen off, another app): no door scans then, and the
    // radio and battery are spared; showing the page again refreshes an overdue list at once.
    const possible =
      this.host.phase === 'scanning' && this.connection.state === 'online' && this.host.mode !== 'online' && !this.progress && document.visibilityState !== 'hidden';
    if (possible) this.refresh(); // its end schedules the next one
    // Offline, choosing, or nothing to download: look again in a minute (coming back online
    // refreshes an overdue list at once, the element's onBack).
    if (!this.progress) this.armRefresh(REFRESH_RULE.minMs);
  }

  /**
   * Re-renders when the freshness line's words change ("2 minutes ago" → "3 minutes ago"): at
   * the next whole minute of the list's age, not every second.
   */
  private tickClock(): void {
    clearTimeout(this.clockTimer);
    if (!this.running) return;
    const downloadedAt = this.current()?.downloadedAt;
    const age = downloadedAt === undefined ? 0 : Math.max(0, Date.now() - downloadedAt);
    const unit = age >= 3_600_000 ? 3_600_000 : 60_000;
    this.clockTimer = setTimeout(() => {
      this.host.requestUpdate();
      this.tickClock();
    }, unit - (age % unit) + 50);
  }
}
