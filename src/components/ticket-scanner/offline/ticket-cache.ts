/**
 * The offline ticket list: downloaded from `cache/validTickets` as a stream, stored in IndexedDB,
 * and the offline verdicts made from it. How the tickets are stored: ticket-rows.ts.
 *
 * Each download writes a new generation and switches to it only once complete: a failed or
 * aborted download leaves the previous list in use. Scans made on this device live apart from the
 * list (`scanned`, `queue`), so a re-download never forgets them.
 */
import { vendorNow, type ScanningSession } from '../../../api/audienceview/scanning.js';
import type { ScannableTicket } from '../../../api/audienceview/types.js';
import { streamValidTickets } from '../../../api/audienceview/valid-tickets-stream.js';
import { heldScans, isQuotaError } from './held-scans.js';
import { CURRENT, barcodeKey, cancelOnClose, inTransaction, promised, queueKey, scannerDb, type CacheRecord, type QueueRecord, type ScanFilter, type ScanMark, type SentBatch } from './scanner-db.js';
import { GenerationWriter, dropGenerationsExcept, readSegments, ticketInSegments } from './ticket-rows.js';

export type { ScanFilter } from './scanner-db.js';
export { findCachedTicket } from './ticket-rows.js';

export interface CacheInfo {
  filter: ScanFilter;
  tickets: number;
  downloadedAt: number;
  /** The door's count for the list's performances: tickets in (by the list, plus this device's scans since) of those that may enter. */
  doorCount?: { admitted: number; admissible: number };
}

export interface DownloadProgress {
  tickets: number;
  bytes: number;
  totalBytes: number | null;
}

export type OfflineVerdictKind = 'valid' | 'duplicate' | 'invalid' | 'unknown';

export interface OfflineVerdict {
  verdict: OfflineVerdictKind;
  barcode: string;
  ticket?: ScannableTicket;
  /** English, for staff; the element localizes by verdict. */
  reason: string;
  /** The disk was full: the scan is kept in this page's memory only (see held-scans.ts). */
  heldInMemory?: boolean;
}

const PROGRESS_EVERY_MS = 100;

/** The ticket generation in use when last looked at: a hint, always checked against the database. */
let lastGeneration: string | undefined;
let download: { controller: AbortController; done: Promise<unknown> } | undefined;

/**
 * Downloads the valid tickets for `filter` and makes them the offline list. A second call while
 * one is under way cancels the first. Resolves once the new list is in use.
 */
export async function downloadValidTickets(
  session: ScanningSession,
  filter: ScanFilter,
  options: { signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void } = {},
): Promise<CacheInfo> {
  if (download) {
    download.controller.abort(new DOMException('A newer download replaced this one', 'AbortError'));
    await download.done.catch(() => {});
  }
  const controller = new AbortController();
  const { signal } = controller;
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  options.signal?.addEventListener('abort', () => controller.abort(options.signal!.reason), { once: true });
  const done = runDownload(session, filter, signal, options.onProgress);
  const mine = { controller, done };
  download = mine;
  const unregister = cancelOnClose(async () => {
    controller.abort(new DOMException('The scanner data was closed', 'AbortError'));
    await done.catch(() => {});
  });
  try {
    return await done;
  } finally {
    unregister();
    if (download === mine) download = undefined;
  }
}

/** How long a scan's mark may take to be written after its scan time. */
const MARK_WRITE_SLACK_MS = 60_000;

async function runDownload(session: ScanningSession, filter: ScanFilter, signal: AbortSignal, onProgress?: (progress: DownloadProgress) => void): Promise<CacheInfo> {
  const db = await scannerDb();
  // What an interrupted download (a reload, a crash) left behind.
  await dropGenerationsExcept(db, (await readCache(db))?.generation);
  // This device's scans so far: a ticket scanned here but not yet synced is in, whatever the list says.
  // On AudienceView's clock, as scan times are (see vendorNow): compared with them below.
  // A scan is stamped before its mark is written: one stamped in the last minute is counted from the
  // store afterwards (describeCache), even if this download's look at the store came before its write.
  const marksSince = vendorNow() - MARK_WRITE_SLACK_MS;
  const marked = await inTransaction(db, ['scanned'], 'readonly', async (tx) => {
    const store = tx.objectStore('scanned');
    const [keys, marks] = await Promise.all([promised<IDBValidKey[]>(store.getAllKeys()), promised<ScanMark[]>(store.getAll())]);
    // A mark from `marksSince` on is counted with the later ones (describeCache), not here too.
    return new Set(keys.filter((_, i) => marks[i]!.scanTime < marksSince));
  });
  let writer = new GenerationWriter(db, marked);
  // Tickets arrive a hundred at a time: tell the page often enough for a progress bar, no more.
  let latest: DownloadProgress | undefined;
  let toldAt = -Infinity;
  try {
    await streamValidTickets(session, filter, {
      signal,
      onRestart: async () => {
        await writer.discard();
        writer = new GenerationWriter(db, marked);
      },
      onTickets: (tickets, progress) => {
        latest = progress;
        if (onProgress && performance.now() - toldAt >= PROGRESS_EVERY_MS) {
          toldAt = performance.now();
          onProgress(progress);
        }
        return writer.add(tickets);
      },
    });
    if (latest) onProgress?.(latest);
    await writer.finish();
    signal.throwIfAborted();
    const record: CacheRecord = {
      generation: writer.generation,
      filter: { ...filter },
      tickets: writer.count,
      downloadedAt: Date.now(),
      performances: writer.performances,
      admissible: writer.admissible,
      admitted: writer.admitted,
      marksSince,
    };
    await inTransaction(db, ['cache'], 'readwrite', (tx) => void tx.objectStore('cache').put(record, CURRENT), 'strict');
    await dropGenerationsExcept(db, writer.generation);
    return describeCache(db, record);
  } catch (error) {
    await writer.discard();
    throw error;
  }
}

function readCache(db: IDBDatabase): Promise<CacheRecord | undefined> {
  return inTransaction(db, ['cache'], 'readonly', (tx) => promised<CacheRecord | undefined>(tx.objectStore('cache').get(CURRENT)));
}

/** What the offline list holds, or `undefined` before the first download. */
export async function cacheInfo(): Promise<CacheInfo | undefined> {
  const db = await scannerDb();
  const record = await readCache(db);
  return record && describeCache(db, record);
}

/** A list's summary; its door count adds the tickets this device let in after the download looked. */
async function describeCache(db: IDBDatabase, record: CacheRecord): Promise<CacheInfo> {
  const info: CacheInfo = { filter: record.filter, tickets: record.tickets, downloadedAt: record.downloadedAt };
  if (record.admissible === undefined || record.admitted === undefined || record.marksSince === undefined) return info;
  const marks = await inTransaction(db, ['scanned'], 'readonly', (tx) => promised<ScanMark[]>(tx.objectStore('scanned').getAll()));
  const since = marks.filter((mark) => mark.scanTime >= record.marksSince!).length;
  return { ...info, doorCount: { admitted: Math.min(record.admitted + since, record.admissible), admissible: record.admissible } };
}

/**
 * Decides from the cache AND records the scan: a 'valid' verdict is written to the durable queue
 * (awaited) and the ticket marked scanned locally before this resolves. `maybeSent`: an online
 * check of this scan got no answer, so AudienceView may already have counted it.
 */
export async function recordOfflineScan(barcode: string, filter: ScanFilter, scanTime = vendorNow(), options: { maybeSent?: boolean } = {}): Promise<OfflineVerdict> {
  if (!Number.isFinite(scanTime)) scanTime = vendorNow(); // a scan time is part of the queue's key
  const key = barcodeKey(barcode);
  if (!key) return { verdict: 'unknown', barcode, reason: 'No barcode was read.' };
  const db = await scannerDb();
  try {
    return await recordOnDisk(db, barcode, key, filter, scanTime, options);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
  }
  // The disk is full: the same verdict from a read (reads need no room), the scan held in memory.
  const verdict = await inTransaction(db, ['cache', 'tickets', 'scanned'], 'readonly', async (tx) => {
    const cache = await promised<CacheRecord | undefined>(tx.objectStore('cache').get(CURRENT));
    const mark = heldScans.markOf(key) ?? (await promised<ScanMark | undefined>(tx.objectStore('scanned').get(key)));
    const ticket = cache ? ticketInSegments(await readSegments(tx, cache.generation, key), cache, key) : undefined;
    return judge(barcode, ticket, cache, filter, mark);
  });
  if (verdict.verdict === 'valid' && verdict.ticket) {
    const { ticket } = verdict;
    heldScans.hold({ barcode: ticket.barcode, ticketId: ticket.ticketId, performanceId: ticket.performanceId, clientId: filter.clientId, productionId: filter.productionId, scanTime });
  }
  return { ...verdict, heldInMemory: true };
}

function recordOnDisk(db: IDBDatabase, barcode: string, key: string, filter: ScanFilter, scanTime: number, options: { maybeSent?: boolean }): Promise<OfflineVerdict> {
  return inTransaction(
    db,
    options.maybeSent ? ['cache', 'tickets', 'scanned', 'queue', 'sent'] : ['cache', 'tickets', 'scanned', 'queue'],
    'readwrite',
    async (tx) => {
      // One round trip: the bucket is read from the generation last seen, checked against the
      // cache record read alongside; a download switched meanwhile costs a second read.
      const guess = lastGeneration;
      const [cache, mark, segments] = await Promise.all([
        promised<CacheRecord | undefined>(tx.objectStore('cache').get(CURRENT)),
        promised<ScanMark | undefined>(tx.objectStore('scanned').get(key)),
        guess === undefined ? undefined : readSegments(tx, guess, key),
      ]);
      lastGeneration = cache?.generation;
      let ticket: ScannableTicket | undefined;
      if (cache) ticket = ticketInSegments(cache.generation === guess && segments ? segments : await readSegments(tx, cache.generation, key), cache, key);
      // Every queued scan has its mark (written together): the marks are the queue's index.
      const verdict = judge(barcode, ticket, cache, filter, mark ?? heldScans.markOf(key));
      if (verdict.verdict === 'valid' && ticket) {
        const record: QueueRecord = {
          barcode: ticket.barcode,
          ticketId: ticket.ticketId,
          performanceId: ticket.performanceId,
          clientId: filter.clientId,
          productionId: filter.productionId,
          scanTime,
        };
        const queued = queueKey(record);
        tx.objectStore('queue').put(record, queued);
        tx.objectStore('scanned').put({ scanTime, via: 'offline' } satisfies ScanMark, key);
        // An online check that timed out may have reached AudienceView: counted as sent once, so
        // "already scanned" for it on replay means delivered, not another device.
        if (options.maybeSent) tx.objectStore('sent').put({ keys: [queued[2]] } satisfies SentBatch, `online-${scanTime.toString(36)}-${queued[2]}`);
      }
      return verdict;
    },
    // The scan must be on disk before the door says "valid".
    'strict',
  );
}

/** The door's rules, in the order the server applies them (wrong event, refunded, already scanned). */
function judge(barcode: string, ticket: ScannableTicket | undefined, cache: CacheRecord | undefined, filter: ScanFilter, scannedHere: ScanMark | undefined): OfflineVerdict {
  const here = scannedHere && `Already scanned on this device (${new Date(scannedHere.scanTime).toISOString()}).`;
  if (!ticket || !cache) {
    if (here) return { verdict: 'duplicate', barcode, reason: here };
    return { verdict: 'unknown', barcode, reason: cache ? 'Not in the downloaded list of valid tickets.' : 'No ticket list has been downloaded.' };
  }
  if (cache.filter.clientId !== filter.clientId) return { verdict: 'invalid', barcode, ticket, reason: 'The ticket belongs to another client.' };
  if (filter.performanceId !== null && ticket.performanceId !== filter.performanceId) {
    return { verdict: 'invalid', barcode, ticket, reason: 'The ticket is for another performance.' };
  }
  // The list carries no production per ticket: known only when the list was downloaded for one.
  if (filter.productionId !== null && cache.filter.productionId !== null && cache.filter.productionId !== filter.productionId) {
    return { verdict: 'invalid', barcode, ticket, reason: 'The ticket is for another production.' };
  }
  if (ticket.refundedOrVoided) return { verdict: 'invalid', barcode, ticket, reason: 'The ticket was refunded or voided.' };
  if (ticket.alreadyScanned) return { verdict: 'duplicate', barcode, ticket, reason: 'Already scanned (before the list was downloaded).' };
  if (here) return { verdict: 'duplicate', barcode, ticket, reason: here };
  return { verdict: 'valid', barcode, ticket, reason: 'Valid ticket.' };
}

/** A ticket validated online: mark it scanned so an offline re-scan says duplicate (no queue entry). */
export async function noteOnlineScan(barcode: string): Promise<void> {
  const key = barcodeKey(barcode);
  if (!key) return;
  const db = await scannerDb();
  await inTransaction(db, ['scanned'], 'readwrite', (tx) => void tx.objectStore('scanned').put({ scanTime: vendorNow(), via: 'online' } satisfies ScanMark, key));
}
