/**
 * The door log: this device's scans for what is being scanned, read from the verdicts the element
 * shows (its `ticket-scan` events; nothing is stored twice). Only the recording lives here: the
 * panel (arrivals in 5-minute bins, the rate now, the CSV export; views/door-log-panel.ts) is a
 * chunk of its own, loaded the first time staff open the log (views/door-log.ts). Whether each offline scan reached
 * AudienceView is read from the queue and the refused scans when the export is made.
 */
import type { ReactiveController } from 'lit';
import { wallClockAsUtc, wallClockAt } from '../../../shared/time-zone.js';
import { failedScans, pendingScans } from '../offline/scan-queue.js';
import { barcodeKey, CURRENT, inTransaction, promised, scannerDb, type CacheRecord } from '../offline/scanner-db.js';
import { findCachedTicket } from '../offline/ticket-rows.js';
import type { TicketScanEvent } from '../ticket-scanner.events.js';
import type { DoorLogEntry, DoorLogKit, DoorLogSyncState } from './door-log.types.js';
import { sameFilter } from './scan-choice.js';
import type { ScannerHost } from './scanner-host.js';

export type { DoorLogEntry } from './door-log.types.js';

/** The rate and the current bin move on even when nobody scans. */
const TICK_MS = 30_000;

export class DoorLogController implements ReactiveController {
  /** What the last export did, for the panel's status line. */
  note?: string;
  /** The helpers handed to the panel's chunk. */
  readonly kit: DoorLogKit = { wallClockAt, wallClockAsUtc, syncStates };
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

  private readonly onScan = (event: TicketScanEvent): void => {
    const filter = this.host.filter;
    if (!filter) return;
    const { barcode, verdict, offline, scannedAt, message } = event.detail;
    this.all.push({ barcode, verdict, offline, scannedAt, message, filter: { ...filter } });
    this.ticker ??= setInterval(() => this.host.requestUpdate(), TICK_MS);
  };
}

/** Where each scan stands with AudienceView (queued, refused and why) and, if allowed, whose ticket it was. */
async function syncStates(entries: DoorLogEntry[], patronNames: boolean): Promise<DoorLogSyncState[]> {
  const [queued, failed] = await Promise.all([pendingScans().catch(() => []), failedScans().catch(() => [])]);
  const key = (barcode: string, at: number) => `${barcodeKey(barcode)}@${at}`;
  const waiting = new Set(queued.map((scan) => key(scan.barcode, scan.scanTime)));
  const refused = new Map(failed.map((scan) => [key(scan.barcode, scan.scanTime), scan]));
  const names = patronNames ? await cachedNames(entries.map((entry) => entry.barcode)) : undefined;
  return entries.map((entry) => {
    const refusal = refused.get(key(entry.barcode, entry.scannedAt));
    return {
      waiting: waiting.has(key(entry.barcode, entry.scannedAt)),
      refusal: refusal?.reason,
      patron: names && (refusal?.ticket?.orderConsumerName ?? names.get(barcodeKey(entry.barcode)) ?? ''),
    };
  });
}

/** Patron names from the downloaded tickets, by barcode key. */
async function cachedNames(barcodes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const db = await scannerDb();
    await inTransaction(db, ['cache', 'tickets'], 'readonly', async (tx) => {
      const cache = (await promised(tx.objectStore('cache').get(CURRENT))) as CacheRecord | undefined;
      if (!cache) return;
      for (const barcode of new Set(barcodes)) {
        const ticket = await findCachedTicket(tx, cache, barcodeKey(barcode));
        if (ticket?.orderConsumerName) names.set(barcodeKey(barcode), ticket.orderConsumerName);
      }
    });
  } catch {
    // No downloaded list: names only from the refused scans.
  }
  return names;
}
