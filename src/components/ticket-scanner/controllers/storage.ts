/**
 * A plain notice when the browser has deleted the scanner's storage since this device last used it
 * (the ticket list gone, and perhaps scans that were waiting to be sent): offline/storage-marker.ts.
 * (Persistent storage is asked for before the first download: controllers/cache.ts.)
 */
import type { ReactiveController } from 'lit';
import { checkStorage, noteWaiting, type StorageLoss } from '../offline/storage-marker.js';
import type { ScannerHost } from './scanner-host.js';
import type { SyncController } from './sync.js';

export class StorageController implements ReactiveController {
  /** What the browser deleted, until staff acknowledge it. */
  lost?: StorageLoss;
  /** The twin is kept up to date only once it was compared at start-up. */
  private checked = false;
  private noted?: number;

  constructor(
    private readonly host: ScannerHost,
    private readonly sync: SyncController,
  ) {
    host.addController(this);
  }

  /** At start-up, before anything writes to the database. */
  async check(): Promise<void> {
    const lost = await checkStorage().catch((error: unknown) => void this.host.report(error));
    this.checked = true;
    if (lost) {
      this.lost = lost;
      this.host.requestUpdate();
    }
  }

  hostUpdated(): void {
    if (!this.checked || this.noted === this.sync.pending) return;
    this.noted = this.sync.pending;
    noteWaiting(this.sync.pending);
  }

  acknowledge(): void {
    this.lost = undefined;
    this.host.requestUpdate();
  }
}
