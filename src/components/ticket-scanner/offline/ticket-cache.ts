/**
 * The offline ticket list: downloaded from `cache/validTickets` as a stream, stored in IndexedDB,
 * and the offline verdicts made from it.
 *
 * Storage layout, chosen by measurement (100,000 tickets, headless Chromium, 2 cores): one record
 * per ticket costs ~15 s to write, because IndexedDB pays per record. Instead each ticket is one
 * short JSON row, hashed by barcode into BUCKETS buckets, and every FLUSH_SIZE tickets one record
 * ("segment") per bucket is written: ~5,000 records for 100,000 tickets, written in about a
 * second; a verdict reads one bucket's ~10 segments (~200 rows) in a few milliseconds. Labels
 * shared by a performance's tickets are stored once, in the cache record; rows are stored as
 * UTF-8 and patron objects as arrays, because what IndexedDB writes costs by the byte.
 *
 * Each download writes a new generation and switches to it only once complete: a failed or
 * aborted download leaves the previous list in use. Scans made on this device live apart from the
 * list (`scanned`, `queue`), so a re-download never forgets them.
 */
import type { ScanningSession } from '../../../api/audienceview/scanning.js';
import type { Patron, ScannableTicket } from '../../../api/audienceview/types.js';
import { streamValidTickets } from '../../../api/audienceview/valid-tickets-stream.js';
import {
  CURRENT,
  barcodeKey,
  cancelOnClose,
  inTransaction,
  promised,
  queueKey,
  scannerDb,
  type CacheRecord,
  type PerformanceLabels,
  type QueueRecord,
  type ScanMark,
  type SentBatch,
} from './scanner-db.js';

export interface ScanFilter {
  clientId: number;
  productionId: number | null;
  performanceId: number | null;
}

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
  /** The disk was full: the scan is kept in this page's memory only (see `heldScans`). */
  heldInMemory?: boolean;
}

/**
 * Valid offline scans IndexedDB had no room for (QuotaExceededError), with their marks: scanning
 * goes on, the scanner warns staff, and the scans are written to the queue as soon as there is
 * room (`saveHeldScans`, before every replay), or sent straight from here while there is none.
 * They live as long as the page: staff are told not to close it.
 */
export const heldScans: QueueRecord[] = [];
const heldMarks = new Map<string, ScanMark>();

function isQuotaError(error: unknown): boolean {
  return (error as Error | null)?.name === 'QuotaExceededError';
}

/** Writes the held scans to the durable queue if the disk has room now; resolves how many are still held. */
export async function saveHeldScans(): Promise<number> {
  if (!heldScans.length) return 0;
  const batch = heldScans.slice();
  try {
    await inTransaction(
      await scannerDb(),
      ['queue', 'scanned'],
      'readwrite',
      (tx) => {
        for (const record of batch) {
          tx.objectStore('queue').put(record, queueKey(record));
          tx.objectStore('scanned').put(heldMarks.get(barcodeKey(record.barcode)) ?? { scanTime: record.scanTime, via: 'offline' }, barcodeKey(record.barcode));
        }
      },
      'strict',
    );
  } catch (error) {
    if (isQuotaError(error)) return heldScans.length;
    throw error;
  }
  forgetHeldScans(batch);
  return heldScans.length;
}

/** Drops held scans that are on disk or delivered now. */
export function forgetHeldScans(done: readonly QueueRecord[]): void {
  for (const record of done) {
    const at = heldScans.indexOf(record);
    if (at >= 0) heldScans.splice(at, 1);
    heldMarks.delete(barcodeKey(record.barcode));
  }
}

const BUCKETS = 512;
const FLUSH_SIZE = 10_000;
const PROGRESS_EVERY_MS = 100;
/** Segment writes allowed in flight while the next ones are parsed. */
const WRITES_IN_FLIGHT = 2;

/**
 * What is kept of a ticket: [key, barcode (0: the same as the key), ticketId, performanceId,
 * section, seat, orderConsumerName, flags, ticketsSold, patron (packed)].
 */
type TicketRow = [string, string | 0, number, number, string | null, string | null, string | null, number, number | null, unknown];
const ALREADY_SCANNED = 1;
const REFUNDED_OR_VOIDED = 2;

/**
 * Patron objects are most of a row's bytes, and most of those are their keys: one with exactly
 * the seed's fields, in its order, is kept as an array of values; anything else as it came.
 */
interface Shape {
  fields: readonly string[];
  nested?: Record<string, Shape>;
}
const ADDRESS: Shape = { fields: ['line1', 'line2', 'city', 'state', 'zipCode', 'country'] };
const PATRON: Shape = {
  fields: ['email', 'firstName', 'lastName', 'billingAddress', 'shippingAddress', 'primaryPhoneNumber'],
  nested: { billingAddress: ADDRESS, shippingAddress: ADDRESS, primaryPhoneNumber: { fields: ['phoneNumber', 'type'] } },
};

function pack(value: unknown, shape: Shape): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== shape.fields.length || keys.some((key, i) => key !== shape.fields[i])) return value;
  const record = value as Record<string, unknown>;
  return shape.fields.map((field) => (shape.nested?.[field] ? pack(record[field], shape.nested[field]) : record[field]));
}

function unpack(value: unknown, shape: Shape): unknown {
  if (!Array.isArray(value)) return value;
  return Object.fromEntries(shape.fields.map((field, i) => [field, shape.nested?.[field] ? unpack(value[i], shape.nested[field]) : value[i]]));
}

/**
 * A segment holds the rows of one bucket from one flush, one a line (JSON never holds a raw
 * newline), as UTF-8: a string with one "é" in it is stored two bytes a character.
 */
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

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

async function runDownload(session: ScanningSession, filter: ScanFilter, signal: AbortSignal, onProgress?: (progress: DownloadProgress) => void): Promise<CacheInfo> {
  const db = await scannerDb();
  // What an interrupted download (a reload, a crash) left behind.
  await dropGenerationsExcept(db, (await readCache(db))?.generation);
  // This device's scans so far: a ticket scanned here but not yet synced is in, whatever the list says.
  const marksSince = Date.now();
  const marked = new Set(await inTransaction(db, ['scanned'], 'readonly', (tx) => promised<IDBValidKey[]>(tx.objectStore('scanned').getAllKeys())));
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

/** Writes one download's tickets, FLUSH_SIZE at a time, while the rest is still arriving. */
class GenerationWriter {
  readonly generation = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  count = 0;
  /** Tickets that may enter, and of those the ones in already (the list's `alreadyScanned`, or scanned on this device). */
  admissible = 0;
  admitted = 0;
  readonly performances: Record<number, PerformanceLabels> = {};
  private buckets = new Map<number, string[]>();
  private buffered = 0;
  private flushes = 0;
  private writes: Promise<void>[] = [];
  private failed: unknown;

  constructor(
    private readonly db: IDBDatabase,
    private readonly markedHere: ReadonlySet<IDBValidKey>,
  ) {}

  add(tickets: ScannableTicket[]): Promise<void> | undefined {
    for (const ticket of tickets) {
      const key = typeof ticket?.barcode === 'string' ? barcodeKey(ticket.barcode) : '';
      if (!key) continue; // a ticket without a barcode cannot be scanned
      this.performances[ticket.performanceId] ??= {
        productionName: ticket.productionName,
        performance: ticket.performance ?? null,
        performanceStartDate: ticket.performanceStartDate,
      };
      const flags = (ticket.alreadyScanned ? ALREADY_SCANNED : 0) | (ticket.refundedOrVoided ? REFUNDED_OR_VOIDED : 0);
      const row: TicketRow = [key, ticket.barcode === key ? 0 : ticket.barcode, ticket.ticketId, ticket.performanceId, ticket.section ?? null, ticket.seat ?? null, ticket.orderConsumerName ?? null, flags, ticket.ticketsSold ?? null, pack(ticket.patron ?? null, PATRON)];
      const bucket = bucketOf(key);
      const rows = this.buckets.get(bucket);
      if (rows) rows.push(JSON.stringify(row));
      else this.buckets.set(bucket, [JSON.stringify(row)]);
      this.count++;
      this.buffered++;
      if (!ticket.refundedOrVoided) {
        this.admissible++;
        if (ticket.alreadyScanned || this.markedHere.has(key)) this.admitted++;
      }
    }
    return this.buffered >= FLUSH_SIZE ? this.flush() : undefined;
  }

  async finish(): Promise<void> {
    await this.flush();
    await Promise.all(this.writes);
    if (this.failed) throw this.failed;
  }

  /** Deletes what this generation wrote (best effort: the next download cleans up too). */
  async discard(): Promise<void> {
    await Promise.allSettled(this.writes);
    await deleteGeneration(this.db, this.generation).catch(() => {});
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.buffered === 0) return;
    const buckets = this.buckets;
    const flush = this.flushes++;
    this.buckets = new Map();
    this.buffered = 0;
    const write = inTransaction(
      this.db,
      ['tickets'],
      'readwrite',
      (tx) => {
        const store = tx.objectStore('tickets');
        for (const [bucket, rows] of buckets) store.put(utf8.encode('\n' + rows.join('\n')), [this.generation, bucket, flush]);
      },
      // No waiting for the disk per segment: the switch to this list is written strictly after
      // them, which in Chromium's one log flushes them too. (A power cut in between would leave
      // tickets reading "unknown" until the next download: never a wrong "valid".)
      'relaxed',
    ).catch((error: unknown) => {
      this.failed ??= error;
    });
    this.writes.push(write);
    while (this.writes.length > WRITES_IN_FLIGHT) await this.writes.shift();
    if (this.failed) throw this.failed;
  }
}

/** FNV-1a: cheap, and spreads barcodes evenly over the buckets. */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

function deleteGeneration(db: IDBDatabase, generation: string): Promise<void> {
  return inTransaction(db, ['tickets'], 'readwrite', (tx) => void tx.objectStore('tickets').delete(IDBKeyRange.bound([generation], [generation, []])));
}

/** Every generation but `keep` (keys [generation, bucket, flush]: an array sorts after any number). */
function dropGenerationsExcept(db: IDBDatabase, keep: string | undefined): Promise<void> {
  return inTransaction(db, ['tickets'], 'readwrite', (tx) => {
    const store = tx.objectStore('tickets');
    if (keep === undefined) return void store.clear();
    store.delete(IDBKeyRange.upperBound([keep], true));
    store.delete(IDBKeyRange.lowerBound([keep, []], true));
  });
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

/** A ticket of the offline list, looked up within a transaction that includes `tickets`. */
export async function findCachedTicket(tx: IDBTransaction, cache: CacheRecord, key: string): Promise<ScannableTicket | undefined> {
  return ticketInSegments(await readSegments(tx, cache.generation, key), cache, key);
}

function readSegments(tx: IDBTransaction, generation: string, key: string): Promise<Uint8Array[]> {
  const bucket = bucketOf(key);
  return promised(tx.objectStore('tickets').getAll(IDBKeyRange.bound([generation, bucket], [generation, bucket, []])) as IDBRequest<Uint8Array[]>);
}

function ticketInSegments(segments: Uint8Array[], cache: CacheRecord, key: string): ScannableTicket | undefined {
  const needle = `\n[${JSON.stringify(key)},`;
  for (const bytes of segments) {
    const rows = fromUtf8.decode(bytes);
    const at = rows.indexOf(needle);
    if (at < 0) continue;
    const end = rows.indexOf('\n', at + 1);
    const row = JSON.parse(rows.slice(at + 1, end < 0 ? undefined : end)) as TicketRow;
    return ticketOf(row, cache.performances[row[3]]);
  }
  return undefined;
}

function ticketOf(row: TicketRow, labels: PerformanceLabels | undefined): ScannableTicket {
  const [key, barcode, ticketId, performanceId, section, seat, orderConsumerName, flags, ticketsSold, patron] = row;
  return {
    ticketId,
    performanceId,
    productionName: labels?.productionName ?? '',
    performanceStartDate: labels?.performanceStartDate ?? 0,
    barcode: barcode === 0 ? key : barcode,
    alreadyScanned: (flags & ALREADY_SCANNED) !== 0,
    refundedOrVoided: (flags & REFUNDED_OR_VOIDED) !== 0,
    orderConsumerName,
    performance: labels?.performance ?? null,
    section,
    seat,
    ticketsScanned: null,
    ticketsSold,
    patron: unpack(patron, PATRON) as Patron | null,
  };
}

/**
 * Decides from the cache AND records the scan: a 'valid' verdict is written to the durable queue
 * (awaited) and the ticket marked scanned locally before this resolves. `maybeSent`: an online
 * check of this scan got no answer, so AudienceView may already have counted it.
 */
export async function recordOfflineScan(barcode: string, filter: ScanFilter, scanTime = Date.now(), options: { maybeSent?: boolean } = {}): Promise<OfflineVerdict> {
  if (!Number.isFinite(scanTime)) scanTime = Date.now(); // a scan time is part of the queue's key
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
    const mark = heldMarks.get(key) ?? (await promised<ScanMark | undefined>(tx.objectStore('scanned').get(key)));
    const ticket = cache ? ticketInSegments(await readSegments(tx, cache.generation, key), cache, key) : undefined;
    return judge(barcode, ticket, cache, filter, mark);
  });
  if (verdict.verdict === 'valid' && verdict.ticket) {
    const { ticket } = verdict;
    heldScans.push({ barcode: ticket.barcode, ticketId: ticket.ticketId, performanceId: ticket.performanceId, clientId: filter.clientId, productionId: filter.productionId, scanTime });
    heldMarks.set(key, { scanTime, via: 'offline' });
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
      const verdict = judge(barcode, ticket, cache, filter, mark ?? heldMarks.get(key));
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
  await inTransaction(db, ['scanned'], 'readwrite', (tx) => void tx.objectStore('scanned').put({ scanTime: Date.now(), via: 'online' } satisfies ScanMark, key));
}
