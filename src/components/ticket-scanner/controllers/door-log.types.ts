// One scan in the door log, apart from the controller, so the CSV export (a lazy chunk the
// controller imports on demand) can name it without an import cycle.
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
