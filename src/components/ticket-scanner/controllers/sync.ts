/**
 * The queue as staff see it: scans waiting, scans AudienceView refused (until acknowledged), and
 * the warning while scans are held in memory because the disk is full. Runs the page's ScanSync
 * while someone is signed in and reports each attempt (`ticket-scanner-sync`).
 */
import { heldScans } from '../offline/held-scans.js';
import { acknowledgeFailedScan, doubleAdmissionsOf, failedScans, pendingCount, type FailedScan, type SyncReport } from '../offline/scan-queue.js';
import { ScanSync } from '../offline/scan-sync.js';
import { TicketScannerSyncEvent } from '../ticket-scanner.events.js';
import { SessionWork } from './session-work.js';

export class SyncController extends SessionWork {
  pending = 0;
  failed: FailedScan[] = [];
  /** A scan found no room on disk and is held in memory (see held-scans.ts): staff are warned. */
  storageFull = false;
  private sync?: ScanSync;

  /** What the queue holds now (start-up). */
  async load(signal: AbortSignal): Promise<void> {
    const [pending, failed] = await Promise.all([pendingCount().catch(() => 0), failedScans().catch((): FailedScan[] => [])]);
    if (signal.aborted) return;
    this.pending = pending;
    this.failed = failed;
  }

  /** Counts the queue again; resolves the count. */
  async count(): Promise<number> {
    this.pending = await pendingCount().catch(() => this.pending);
    this.host.requestUpdate();
    return this.pending;
  }

  start(): void {
    this.sync?.stop();
    const sync = new ScanSync({
      session: () => this.session.current,
      // A report from a sync of an earlier session (still on its way) says nothing about this one.
      onReport: (report) => {
        if (this.sync === sync) this.onReport(report);
      },
    });
    this.sync = sync;
    sync.start();
  }

  stop(): void {
    this.sync?.stop();
    this.sync = undefined;
  }

  syncNow(): void {
    void this.sync?.syncNow();
  }

  private onReport(report: SyncReport): void {
    this.pending = report.pending;
    // The warning stays while any scan is held in memory only; it goes once they are on disk or sent.
    if (this.storageFull && !heldScans.count) this.storageFull = false;
    this.host.requestUpdate();
    if (report.accessTokenExpiration !== undefined) this.session.noteExpiration(report.accessTokenExpiration);
    failedScans().then((failed) => this.showFailed(failed), this.host.report);
    this.host.emit(
      'ticket-scanner-sync',
      new TicketScannerSyncEvent({
        pending: report.pending,
        failed: report.failed.map(({ barcode, reason }) => ({ barcode, reason })),
        doubleAdmissions: doubleAdmissionsOf(report),
      }),
    );
    if (report.stoppedBy) this.connection.handleFailure(report.stoppedBy, { quiet: true });
    else if (report.acknowledged > 0) this.connection.back();
  }

  async acknowledge(barcode: string): Promise<void> {
    try {
      await acknowledgeFailedScan(barcode);
      this.showFailed(await failedScans());
    } catch (error) {
      this.host.report(error);
    }
  }

  private showFailed(failed: FailedScan[]): void {
    this.failed = failed;
    this.host.requestUpdate();
  }
}
