// The door log's shapes, apart from the controller, so that its lazily loaded panel and CSV
// export name them without importing anything the element already has (one chunk, no cycle).
import type { WallClock } from '../../../shared/time-zone.js';
import type { ScanFilter } from '../offline/scanner-db.js';
import type { Verdict } from '../ticket-scanner.messages.js';

export interface DoorLogEntry {
  barcode: string;
  verdict: Verdict;
  offline: boolean;
  scannedAt: number;
  /** The verdict in words, as shown. */
  message: string;
  filter: ScanFilter;
}

/** Where one scan stands with AudienceView, read from this device's stores when the CSV is made. */
export interface DoorLogSyncState {
  /** Still in the queue on this device. */
  waiting: boolean;
  /** AudienceView's reason, when it refused the scan. */
  refusal?: string;
  /** The patron's name, only when the page allows names in the export. */
  patron?: string;
}

/**
 * What the door log's lazy chunk is handed by the element: helpers the element already loaded
 * (so that the chunk brings only its own code) and this device's records.
 */
export interface DoorLogKit {
  wallClockAt(epochMs: number, timeZone: string): WallClock;
  wallClockAsUtc(wall: WallClock): number;
  syncStates(entries: DoorLogEntry[], patronNames: boolean): Promise<DoorLogSyncState[]>;
}
