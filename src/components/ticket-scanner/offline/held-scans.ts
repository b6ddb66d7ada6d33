/**
 * Valid offline scans IndexedDB had no room for (QuotaExceededError), with their marks: scanning
 * goes on, the scanner warns staff, and the scans are written to the queue as soon as there is
 * room (`saveToQueue`, before every replay), or sent straight from memory while there is none.
 * They live as long as the page: staff are told not to close it. This one object owns them; the
 * ticket cache adds to it, the queue empties it.
 */
import { barcodeKey, inTransaction, queueKey, scannerDb, type QueueRecord, type ScanMark } from './scanner-db.js';

export function isQuotaError(error: unknown): boolean {
  return (error as Error | null)?.name === 'QuotaExceededError';
}

class HeldScans {
  private readonly records: QueueRecord[] = [];
  private readonly marks = new Map<string, ScanMark>();

  /** How many scans are held in memory only. */
  get count(): number {
    return this.records.length;
  }

  /** This device's mark for a barcode key, if its scan is held here. */
  markOf(key: string): ScanMark | undefined {
    return this.marks.get(key);
  }

  hold(record: QueueRecord): void {
    this.records.push(record);
    this.marks.set(barcodeKey(record.barcode), { scanTime: record.scanTime, via: 'offline' });
  }

  /** The oldest held scan's group (one client, production and performance), up to `size` scans. */
  nextBatch(size: number): QueueRecord[] {
    const first = this.records[0];
    if (!first) return [];
    return this.records
      .filter((scan) => scan.clientId === first.clientId && scan.productionId === first.productionId && scan.performanceId === first.performanceId)
      .slice(0, size);
  }

  /** Drops held scans that are on disk or delivered now. */
  forget(done: readonly QueueRecord[]): void {
    for (const record of done) {
      const at = this.records.indexOf(record);
      if (at >= 0) this.records.splice(at, 1);
      this.marks.delete(barcodeKey(record.barcode));
    }
  }

  /** Writes the held scans to the durable queue if the disk has room now; resolves how many are still held. */
  async saveToQueue(): Promise<number> {
    if (!this.records.length) return 0;
    const batch = this.records.slice();
    try {
      await inTransaction(
        await scannerDb(),
        ['queue', 'scanned'],
        'readwrite',
        (tx) => {
          for (const record of batch) {
            tx.objectStore('queue').put(record, queueKey(record));
            tx.objectStore('scanned').put(this.marks.get(barcodeKey(record.barcode)) ?? { scanTime: record.scanTime, via: 'offline' }, barcodeKey(record.barcode));
          }
        },
        'strict',
      );
    } catch (error) {
      if (isQuotaError(error)) return this.records.length;
      throw error;
    }
    this.forget(batch);
    return this.records.length;
  }
}

export const heldScans = new HeldScans();
