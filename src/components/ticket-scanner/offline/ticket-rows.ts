/**
 * How the offline ticket list is stored, chosen by measurement (100,000 tickets, headless
 * Chromium, 2 cores): one record per ticket costs ~15 s to write, because IndexedDB pays per
 * record. Instead each ticket is one short JSON row, hashed by barcode into BUCKETS buckets, and
 * every FLUSH_SIZE tickets one record ("segment") per bucket is written: ~5,000 records for
 * 100,000 tickets, written in about a second; a verdict reads one bucket's ~10 segments (~200 rows)
 * in a few milliseconds. Labels shared by a performance's tickets are stored once, in the cache
 * record; rows are stored as UTF-8 and patron objects as arrays, because what IndexedDB writes
 * costs by the byte. A download writes one generation (GenerationWriter); ticket-cache.ts decides
 * when a generation is in use.
 */
import type { Patron, ScannableTicket } from '../../../api/audienceview/types.js';
import { barcodeKey, inTransaction, promised, type CacheRecord, type PerformanceLabels } from './scanner-db.js';

const BUCKETS = 512;
const FLUSH_SIZE = 10_000;
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

/** Writes one download's tickets, FLUSH_SIZE at a time, while the rest is still arriving. */
export class GenerationWriter {
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

export function deleteGeneration(db: IDBDatabase, generation: string): Promise<void> {
  return inTransaction(db, ['tickets'], 'readwrite', (tx) => void tx.objectStore('tickets').delete(IDBKeyRange.bound([generation], [generation, []])));
}

/** Every generation but `keep` (keys [generation, bucket, flush]: an array sorts after any number). */
export function dropGenerationsExcept(db: IDBDatabase, keep: string | undefined): Promise<void> {
  return inTransaction(db, ['tickets'], 'readwrite', (tx) => {
    const store = tx.objectStore('tickets');
    if (keep === undefined) return void store.clear();
    store.delete(IDBKeyRange.upperBound([keep], true));
    store.delete(IDBKeyRange.lowerBound([keep, []], true));
  });
}

/** A ticket of the offline list, looked up within a transaction that includes `tickets`. */
export async function findCachedTicket(tx: IDBTransaction, cache: CacheRecord, key: string): Promise<ScannableTicket | undefined> {
  return ticketInSegments(await readSegments(tx, cache.generation, key), cache, key);
}

export function readSegments(tx: IDBTransaction, generation: string, key: string): Promise<Uint8Array[]> {
  const bucket = bucketOf(key);
  return promised(tx.objectStore('tickets').getAll(IDBKeyRange.bound([generation, bucket], [generation, bucket, []])) as IDBRequest<Uint8Array[]>);
}

export function ticketInSegments(segments: Uint8Array[], cache: CacheRecord, key: string): ScannableTicket | undefined {
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
