/**
 * What the scanner's views read: the element's settings and its controllers. The views are
 * functions from this to templates; the element passes itself.
 */
import { formatInZone } from '../../../shared/time-zone.js';
import type { TicketCacheController } from '../controllers/cache.js';
import type { ChoiceController } from '../controllers/choice.js';
import type { ConnectionController } from '../controllers/connection.js';
import type { DeviceInputController } from '../controllers/device-input.js';
import type { DoorLogController } from '../controllers/door-log.js';
import type { Choice } from '../controllers/scan-choice.js';
import type { ScannerHost } from '../controllers/scanner-host.js';
import type { SessionController } from '../controllers/session.js';
import type { StorageController } from '../controllers/storage.js';
import type { SyncController } from '../controllers/sync.js';
import type { VerdictController } from '../controllers/verdicts.js';

export const VENDOR = 'AudienceView';

export interface ScannerView extends ScannerHost {
  readonly timeZone: string;
  readonly hidePatronNames: boolean;
  readonly session: SessionController;
  readonly connection: ConnectionController;
  readonly sync: SyncController;
  readonly tickets: TicketCacheController;
  readonly choice: ChoiceController;
  readonly verdicts: VerdictController;
  readonly input: DeviceInputController;
  readonly doorLog: DoorLogController;
  readonly storage: StorageController;
  /** The door log's CSV may carry patron names (the `export-patron-names` attribute). */
  readonly exportPatronNames: boolean;
  fixedChoice(): Choice;
}

export function performanceLabel(s: ScannerView, start: number, locale: string): string {
  return formatInZone(start, s.timeZone, locale, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

export function timeOf(s: ScannerView, epoch: number, locale: string, seconds = false): string {
  return formatInZone(epoch, s.timeZone, locale, { hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });
}
