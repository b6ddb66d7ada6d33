/**
 * The downloaded tickets as staff see them: when, how many, the door count, the download under
 * way (with progress) and its failure. Downloads when scanning starts, when the list is stale,
 * on a timer while online, and on request; never in `online` mode.
 */
import { Task } from '@lit/task';
import type { StoredSession } from '../offline/scanner-db.js';
import { cacheInfo, downloadValidTickets, type CacheInfo, type DownloadProgress, type ScanFilter } from '../offline/ticket-cache.js';
import { sameFilter } from './scan-choice.js';
import { SessionWork } from './session-work.js';

export class TicketCacheController extends SessionWork {
  info?: CacheInfo;
  progress?: DownloadProgress;
  error?: Error;
  private timer?: ReturnType<typeof setInterval>;
  private readonly download = new Task(this.host, {
    autoRun: false,
    task: ([session, filter]: [StoredSession, ScanFilter], { signal }) => this.runDownload(session, filter, signal),
  });

  /** What is stored now (start-up). */
  async load(signal: AbortSignal): Promise<void> {
    const info = await cacheInfo().catch(() => undefined);
    if (!signal.aborted) this.info = info;
  }

  forget(): void {
    this.info = undefined;
  }

  /** The list, if it is the one for what is scanned now. */
  current(): CacheInfo | undefined {
    return sameFilter(this.info?.filter, this.host.filter) ? this.info : undefined;
  }

  /** Older than the refresh interval, or for another choice. */
  stale(): boolean {
    const age = this.info ? Date.now() - this.info.downloadedAt : Infinity;
    return age > this.host.cacheRefreshMs || !this.current();
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
    try {
      const info = await downloadValidTickets(session, filter, {
        signal,
        onProgress: ({ tickets, bytes, totalBytes }) => {
          if (signal.aborted) return;
          this.progress = { tickets, bytes, totalBytes };
          this.host.requestUpdate();
        },
      });
      if (signal.aborted) return;
      this.info = info;
      this.connection.back();
    } catch (error) {
      if (signal.aborted || !this.connection.handleFailure(error, { quiet: true })) return;
      this.error = this.host.report(error);
    } finally {
      if (!signal.aborted) this.progress = undefined;
    }
  }

  /** Refreshes on a timer while scanning online. */
  start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (this.host.phase === 'scanning' && this.connection.state === 'online') this.refresh();
    }, this.host.cacheRefreshMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.download.abort();
    this.progress = undefined;
  }
}
