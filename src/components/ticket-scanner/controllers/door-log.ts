/**
 * The door log: this device's scans for what is being scanned, read from the verdicts the element
 * shows (its `ticket-scan` events; nothing is stored twice) — arrivals in 5-minute bins, the rate
 * now, and a CSV export for the venue's records (built in `door-log-csv.ts`, loaded on first use).
 * Whether each offline scan reached AudienceView is read from the queue and the refused scans when
 * the export is made.
 */
import type { ReactiveController } from 'lit';
import type { ScanFilter } from '../offline/scanner-db.js';
import type { DoorLogEntry } from './door-log.types.js';
import type { TicketScanEvent } from '../ticket-scanner.events.js';
import type { ScannerHost } from './scanner-host.js';

export const BIN_MS = 5 * 60_000;
/** "The rate now": scans a minute over this window. */
export const RATE_WINDOW_MS = 10 * 60_000;
/** The chart shows at most this many bins (two hours), the latest ones. */
export const MAX_BINS = 24;
/** The rate and the current bin move on even when nobody scans. */
const TICK_MS = 30_000;

export type { DoorLogEntry } from './door-log.types.js';

export interface DoorLogBin {
  start: number;
  admitted: number;
  refused: number;
}

export const sameFilter = (a: ScanFilter, b: ScanFilter | undefined): boolean =>
  !!b && a.clientId === b.clientId && a.productionId === b.productionId && a.performanceId === b.performanceId;

export class DoorLogController implements ReactiveController {
  private all: DoorLogEntry[] = [];
  private ticker?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ScannerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('ticket-scan', this.onScan);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('ticket-scan', this.onScan);
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /** This device's scans of what is scanned now, oldest first. */
  get entries(): DoorLogEntry[] {
    return this.all.filter((entry) => sameFilter(entry.filter, this.host.filter));
  }

  /** Arrivals (admitted) and refusals in 5-minute bins on the clock, from the first scan (at most `MAX_BINS`, the latest). */
  bins(now = Date.now()): DoorLogBin[] {
    const entries = this.entries;
    if (!entries.length) return [];
    const last = Math.floor(now / BIN_MS) * BIN_MS;
    const first = Math.max(Math.floor(entries[0]!.scannedAt / BIN_MS) * BIN_MS, last - (MAX_BINS - 1) * BIN_MS);
    const bins: DoorLogBin[] = [];
    for (let start = first; start <= last; start += BIN_MS) bins.push({ start, admitted: 0, refused: 0 });
    for (const entry of entries) {
      const bin = bins[Math.floor((entry.scannedAt - first) / BIN_MS)];
      if (bin) bin[entry.verdict === 'valid' ? 'admitted' : 'refused']++;
    }
    return bins;
  }

  /** Scans a minute over the last 10 minutes. */
  rateNow(now = Date.now()): number {
    return this.entries.filter((entry) => entry.scannedAt > now - RATE_WINDOW_MS && entry.scannedAt <= now).length / (RATE_WINDOW_MS / 60_000);
  }

  /** Downloads this performance's log as CSV (see `door-log-csv.ts`); resolves with the file. */
  async exportCsv(options: { timeZone: string; patronNames: boolean }): Promise<File> {
    const { buildDoorLogCsv, downloadFile } = await import('./door-log-csv.js');
    const filter = this.host.filter;
    const file = await buildDoorLogCsv(this.entries, { ...options, name: `door-log-${filter?.performanceId ?? filter?.productionId ?? 'all'}.csv` });
    downloadFile(file, this.host.renderRoot);
    return file;
  }

  private readonly onScan = (event: TicketScanEvent): void => {
    const filter = this.host.filter;
    if (!filter) return;
    const { barcode, verdict, offline, scannedAt, message } = event.detail;
    this.all.push({ barcode, verdict, offline, scannedAt, message, filter: { ...filter } });
    this.ticker ??= setInterval(() => this.host.requestUpdate(), TICK_MS);
  };
}
