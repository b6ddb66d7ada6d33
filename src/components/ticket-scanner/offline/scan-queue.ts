/**
 * The durable queue of offline scans and its replay to `cache/syncScans`.
 *
 * A scan leaves the queue only once the server has answered for its batch. The API has no
 * idempotency key, so replays are made safe here: before a batch is sent, a record of what it
 * holds is written (the `sent` store, on disk). The seed lists no "already scanned" failure, and a
 * server may insert a repeat without a word, so before a replay sends anything the queue is checked
 * against a fresh `cache/validTickets` (reconcileWithServer): a scan whose answer was lost (a dropped
 * connection, a timeout, a reload) and that the list marks `alreadyScanned` was applied and is not
 * sent again; a scan never sent that the list marks `alreadyScanned` is a double admission (another
 * device admitted the ticket meanwhile), kept with the failed scans (`conflict`) for staff to see.
 * A server that does refuse repeats is read the same way: "already scanned" for a scan sent before
 * is our own earlier send, for one never sent a conflict. The server's other refusals (too old,
 * in the future, refunded, …) are kept the same way, with its reason, until staff acknowledge them.
 *
 * One replay runs at a time across the page and the service worker (Web Locks where available).
 *
 * Cost, measured: IndexedDB pays per record written, so a batch costs two transactions with one
 * marker record and one range delete, not a write per scan (10,000 scans went from ~13 s to the
 * figure `npm run bench` prints).
 */
import { asError, VendorError } from '../../../api/errors.js';
import { syncScans, type ScanningRequestOptions, type ScanningSession } from '../../../api/audienceview/scanning.js';
import { streamValidTickets } from '../../../api/audienceview/valid-tickets-stream.js';
import type { SyncScanFailure } from '../../../api/audienceview/types.js';
import { heldScans } from './held-scans.js';
import { CURRENT, barcodeKey, inTransaction, promised, scannerDb, type CacheRecord, type FailedScan, type QueueKey, type QueueRecord, type QueuedScan, type SentBatch } from './scanner-db.js';
import { findCachedTicket } from './ticket-rows.js';

export type { FailedScan, QueuedScan } from './scanner-db.js';

export interface SyncReport {
  /** Scans the server now counts (this replay). */
  acknowledged: number;
  /** Scans the server refused (this replay); `failedScans()` has every one not yet acknowledged by staff. */
  failed: FailedScan[];
  /** Scans still queued. */
  pending: number;
  /** Why the replay stopped before the queue was empty; `forceLogout` on a VendorError: sign in again. */
  stoppedBy?: Error;
  /** The token's new expiration, from the last answer (each call extends it). */
  accessTokenExpiration?: number | null;
}

/**
 * Tickets this device admitted offline that another device admitted meanwhile (this replay): the
 * failed scans marked `conflict`, whether found before sending or refused by the server.
 */
export function doubleAdmissionsOf(report: Pick<SyncReport, 'failed'>): Array<{ barcode: string; scannedAt: number }> {
  return report.failed.filter((f) => f.conflict).map((f) => ({ barcode: f.barcode, scannedAt: f.scanTime }));
}

export const DEFAULT_BATCH_SIZE = 500;
const REPLAY_LOCK = 'ticket-scanner-replay';

/** Every queued scan, oldest first. */
export async function pendingScans(): Promise<QueuedScan[]> {
  const db = await scannerDb();
  const [records, ledger] = await inTransaction(db, ['queue', 'sent'], 'readonly', (tx) =>
    Promise.all([promised(tx.objectStore('queue').getAll() as IDBRequest<QueueRecord[]>), SentLedger.read(tx)]),
  );
  return records.map((record) => ({ ...record, attempts: ledger.attempts(barcodeKey(record.barcode)) })).sort((a, b) => a.scanTime - b.scanTime);
}

/** Queued scans, with those held in memory while the disk is full. */
export async function pendingCount(): Promise<number> {
  return (await countPending(await scannerDb())) + heldScans.count;
}

function countPending(db: IDBDatabase): Promise<number> {
  return inTransaction(db, ['queue'], 'readonly', (tx) => promised(tx.objectStore('queue').count()));
}

/** Every refused scan staff have not acknowledged, oldest first. */
export async function failedScans(): Promise<FailedScan[]> {
  const db = await scannerDb();
  const all = await inTransaction(db, ['failed'], 'readonly', (tx) => promised(tx.objectStore('failed').getAll() as IDBRequest<FailedScan[]>));
  return all.sort((a, b) => a.failedAt - b.failedAt || a.scanTime - b.scanTime);
}

/** Staff have seen a failed scan: the only way one leaves the list. */
export async function acknowledgeFailedScan(barcode: string): Promise<void> {
  const db = await scannerDb();
  await inTransaction(db, ['failed'], 'readwrite', (tx) => void tx.objectStore('failed').delete(barcodeKey(barcode)), 'strict');
}

/**
 * Sends the queue to the server in batches of `batchSize` (one client, production and
 * performance per batch, as `syncScans` takes them), oldest first. Never throws: what stopped it
 * is `stoppedBy`, and every scan not answered for stays queued. A session error (`forceLogout`,
 * an expired token) or a network failure stops the replay; a batch the server refuses as a whole
 * (another client, …) is skipped this time and the others go on.
 */
export async function replayPendingScans(
  session: ScanningSession,
  options: { batchSize?: number; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<SyncReport> {
  return withReplayLock(() => replay(session, options));
}

async function replay(session: ScanningSession, options: { batchSize?: number } & ScanningRequestOptions): Promise<SyncReport> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const report: SyncReport = { acknowledged: 0, failed: [], pending: 0 };
  const skippedGroups = new Set<string>();
  // One connection for the whole replay: if the page goes (or a test closes the database), the
  // replay stops where it is, as it would on a reload.
  let db: IDBDatabase | undefined;
  let queued = 0;
  let settled = 0;
  try {
    db = await scannerDb();
    // Scans held in memory while the disk was full join the durable queue if there is room now.
    await heldScans.saveToQueue().catch(() => undefined);
    const ledger = await inTransaction(db, ['sent'], 'readonly', (tx) => SentLedger.read(tx));
    queued = await countPending(db);
    // Once per replay, and only with scans to send: the server's own record of what it applied.
    if (queued > 0) {
      const reconciled = await reconcileWithServer(db, session, ledger, options);
      report.acknowledged += reconciled.acknowledged;
      report.failed.push(...reconciled.doubleAdmissions);
      settled += reconciled.acknowledged + reconciled.doubleAdmissions.length;
    }
    for (;;) {
      options.signal?.throwIfAborted();
      const batch = await takeBatch(db, batchSize, skippedGroups, ledger);
      if (!batch) break;
      let answer: BatchAnswer;
      try {
        answer = await sendBatch(session, batch.scans, options);
      } catch (error) {
        if (error instanceof VendorError) {
          // An answer in the vendor's error form: the batch was refused whole, nothing applied.
          await unsend(db, batch, ledger);
          if (error.forceLogout) throw error;
          // The session is fine: the other batches may still go.
          skippedGroups.add(batch.group);
          report.stoppedBy = error;
          continue;
        }
        throw error;
      }
      report.accessTokenExpiration = answer.accessTokenExpiration ?? report.accessTokenExpiration;
      const outcome = await settleBatch(db, batch, answer.failedBarcodes, ledger);
      report.acknowledged += outcome.acknowledged;
      report.failed.push(...outcome.failed);
      settled += batch.scans.length;
    }
    await sendHeldScans(session, batchSize, report, options);
  } catch (error) {
    report.stoppedBy = asError(error);
  }
  // Counted again: scans made meanwhile are pending too. If the database is gone, an estimate.
  report.pending = (db ? await countPending(db).catch(() => Math.max(0, queued - settled)) : 0) + heldScans.count;
  return report;
}

/**
 * Still no room on disk: the held scans go straight from memory, a group at a time, and leave
 * memory once answered. (With no ledger on disk, a lost answer means sending again; the server's
 * "already scanned" for its own earlier copy then counts as delivered, as for the durable queue.)
 */
async function sendHeldScans(session: ScanningSession, batchSize: number, report: SyncReport, options: ScanningRequestOptions): Promise<void> {
  for (let batch = heldScans.nextBatch(batchSize); batch.length; batch = heldScans.nextBatch(batchSize)) {
    const answer = await sendBatch(session, batch, options);
    report.accessTokenExpiration = answer.accessTokenExpiration ?? report.accessTokenExpiration;
    const refused = new Map(answer.failedBarcodes.filter((f) => !isAlreadyScannedReason(f.reason)).map((f) => [barcodeKey(f.barcode), f.reason]));
    for (const scan of batch) {
      const reason = refused.get(barcodeKey(scan.barcode));
      if (reason === undefined) report.acknowledged++;
      else report.failed.push({ barcode: scan.barcode, reason, scanTime: scan.scanTime, failedAt: Date.now(), conflict: false });
    }
    heldScans.forget(batch);
  }
}

/** What a double admission says to staff (the element adds its own words for `conflict`). */
export const ADMITTED_ELSEWHERE_REASON = 'Already admitted on another device while this one was offline.';

/**
 * `syncScans` has no idempotency key and may insert a repeat without a word (the seed lists no
 * "already scanned" failure), so before the queue is sent it is checked against a fresh
 * `cache/validTickets`, one request per performance the queue holds (not the door's whole list):
 * - a scan sent before whose answer was lost, now `alreadyScanned`: the server applied it; it
 *   leaves the queue as acknowledged and is not sent again;
 * - a scan never sent, now `alreadyScanned`: another device admitted the ticket meanwhile. It is
 *   a double admission: kept with the failed scans (`conflict`) until staff acknowledge it, and
 *   not sent (sending it would count the ticket twice).
 * Only the barcodes of the queue are kept while the list streams by. A queue already checked
 * within RECHECK_AFTER_MS, with no answer lost since, is not checked again (under the `refused`
 * reading the server still names a double admission made in that window; under `accepted` it
 * goes unreported: the trade for not pulling the list on every flap of the network).
 */
/** Queued scans (barcode keys) this context checked against a fresh list, and when. */
const checkedAgainstServer = new Map<string, number>();
const RECHECK_AFTER_MS = 2 * 60_000;

async function reconcileWithServer(
  db: IDBDatabase,
  session: ScanningSession,
  ledger: SentLedger,
  options: ScanningRequestOptions,
): Promise<{ acknowledged: number; doubleAdmissions: FailedScan[] }> {
  const [records, keys] = await inTransaction(db, ['queue'], 'readonly', (tx) =>
    Promise.all([promised(tx.objectStore('queue').getAll() as IDBRequest<QueueRecord[]>), promised(tx.objectStore('queue').getAllKeys()) as Promise<unknown> as Promise<QueueKey[]>]),
  );
  // Bandwidth (a big event's list is tens of megabytes): only when it matters, an answer lost or
  // a scan not checked lately; a queue that a flapping network keeps from going is checked again
  // at most every RECHECK_AFTER_MS.
  const now = Date.now();
  // A scan is the server (api base), its queue key (group, scan time, barcode): a new scan of a ticket is checked anew.
  const checkKey = (key: QueueKey) => `${session.apiBase}\u0000${key.join('\u0000')}`;
  const needed = keys.some((key) => ledger.attempts(key[2]) > 0 || now - (checkedAgainstServer.get(checkKey(key)) ?? -Infinity) > RECHECK_AFTER_MS);
  if (!needed) return { acknowledged: 0, doubleAdmissions: [] };
  const scopes = new Map<string, { query: { clientId: number; productionId: number | null; performanceId: number }; scans: Map<string, { key: QueueKey; scan: QueueRecord }> }>();
  records.forEach((scan, i) => {
    const scope = `${scan.clientId}|${scan.performanceId}`;
    const entry = scopes.get(scope) ?? { query: { clientId: scan.clientId, productionId: scan.productionId, performanceId: scan.performanceId }, scans: new Map() };
    entry.scans.set(keys[i]![2], { key: keys[i]!, scan });
    scopes.set(scope, entry);
  });
  const applied: Array<{ key: QueueKey; scan: QueueRecord }> = [];
  for (const { query, scans } of scopes.values()) {
    let found: Array<{ key: QueueKey; scan: QueueRecord }> = [];
    await streamValidTickets(session, query, {
      signal: options.signal,
      onRestart: () => {
        found = [];
      },
      onTickets: (tickets) => {
        for (const ticket of tickets) {
          if (ticket.alreadyScanned !== true) continue;
          const hit = scans.get(barcodeKey(String(ticket.barcode)));
          if (hit) found.push(hit);
        }
      },
    });
    applied.push(...found);
  }
  const checkedAt = Date.now();
  for (const key of keys) checkedAgainstServer.set(checkKey(key), checkedAt);
  // Only the queue's scans are worth remembering.
  for (const [key, at] of checkedAgainstServer) if (checkedAt - at > RECHECK_AFTER_MS) checkedAgainstServer.delete(key);
  if (!applied.length) return { acknowledged: 0, doubleAdmissions: [] };
  return settling(db, async (tx, queue) => {
    const doubleAdmissions: FailedScan[] = [];
    let acknowledged = 0;
    let cache: CacheRecord | undefined;
    const now = Date.now();
    for (const { key, scan } of applied) {
      queue.delete(key);
      if (ledger.attempts(key[2]) > 0) {
        acknowledged++;
        continue;
      }
      cache ??= await promised<CacheRecord | undefined>(tx.objectStore('cache').get(CURRENT));
      const ticket = cache && (await findCachedTicket(tx, cache, key[2]));
      const failure: FailedScan = {
        barcode: scan.barcode,
        reason: ADMITTED_ELSEWHERE_REASON,
        scanTime: scan.scanTime,
        failedAt: now,
        conflict: true,
        ...(ticket ? { ticket: { performance: ticket.performance, section: ticket.section, seat: ticket.seat, orderConsumerName: ticket.orderConsumerName } } : {}),
      };
      tx.objectStore('failed').put(failure, key[2]);
      doubleAdmissions.push(failure);
    }
    for (const [id, left] of ledger.settle(applied.map(({ key }) => key[2]))) {
      if (left.length) tx.objectStore('sent').put({ keys: left } satisfies SentBatch, id);
      else tx.objectStore('sent').delete(id);
    }
    return { acknowledged, doubleAdmissions };
  });
}

interface BatchAnswer {
  failedBarcodes: SyncScanFailure[];
  accessTokenExpiration: number | null;
}

/**
 * The one place a batch goes to AudienceView and its answer comes back: scans of one client,
 * production and performance (as `syncScans` takes them), in scan order. Throws what the request
 * threw; the callers decide what an answer or a failure means for the queue.
 */
function sendBatch(session: ScanningSession, scans: readonly QueueRecord[], options: ScanningRequestOptions): Promise<BatchAnswer> {
  const first = scans[0]!;
  return syncScans(
    session,
    {
      clientId: first.clientId,
      productionId: first.productionId,
      performanceId: first.performanceId,
      tickets: scans.map(({ ticketId, performanceId, barcode, scanTime }) => ({ ticketId, performanceId, barcode, scanTime })),
    },
    { signal: options.signal, timeoutMs: options.timeoutMs },
  );
}

interface Batch {
  id: string;
  group: string;
  keys: QueueKey[];
  scans: QueueRecord[];
  /** Per scan: how many times it was sent before this batch. */
  sentBefore: number[];
}

/**
 * The next batch, read and recorded as sent in one transaction (on disk before it is sent): up
 * to `size` of the first group's scans, in scan order.
 */
function takeBatch(db: IDBDatabase, size: number, skippedGroups: Set<string>, ledger: SentLedger): Promise<Batch | undefined> {
  return inTransaction(
    db,
    ['queue', 'sent'],
    'readwrite',
    async (tx) => {
      const queue = tx.objectStore('queue');
      // Keys are [group, scanTime, barcode]; an array sorts after every number, so [group, []] ends a group.
      let from = IDBKeyRange.lowerBound([]);
      let group: string;
      for (;;) {
        const first = (await promised(queue.getKey(from))) as QueueKey | undefined;
        if (!first) return undefined;
        group = first[0];
        if (!skippedGroups.has(group)) break;
        from = IDBKeyRange.lowerBound([group, []], true);
      }
      const range = IDBKeyRange.bound([group], [group, []]);
      const [scans, keys] = await Promise.all([
        promised(queue.getAll(range, size) as IDBRequest<QueueRecord[]>),
        promised(queue.getAllKeys(range, size)) as Promise<unknown> as Promise<QueueKey[]>,
      ]);
      const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      const barcodes = keys.map((key) => key[2]);
      tx.objectStore('sent').put({ keys: barcodes } satisfies SentBatch, id);
      return { id, group, keys, scans, sentBefore: barcodes.map((key) => ledger.attempts(key)) };
    },
    'strict',
  ).then((batch) => {
    if (batch) ledger.add(batch.id, batch.keys.map((key) => key[2]));
    return batch;
  });
}

/** The server refused a batch whole: it no longer counts as sent (a later "already scanned" is then a conflict). */
function unsend(db: IDBDatabase, batch: Batch, ledger: SentLedger): Promise<void> {
  return inTransaction(db, ['sent'], 'readwrite', (tx) => void tx.objectStore('sent').delete(batch.id), 'strict').then(() => ledger.remove(batch.id));
}

/**
 * The server answered for a batch: every scan leaves the queue, acknowledged or, with the
 * server's reason, into the failed scans; the batch is no longer "sent without an answer".
 */
function settleBatch(db: IDBDatabase, batch: Batch, failures: SyncScanFailure[], ledger: SentLedger): Promise<{ acknowledged: number; failed: FailedScan[] }> {
  const reasons = new Map<string, string>();
  for (const failure of failures) reasons.set(barcodeKey(String(failure?.barcode ?? '')), String(failure?.reason ?? 'Refused by the server.'));
  return settling(db, async (tx, queue) => {
    const failedStore = tx.objectStore('failed');
    // One range delete when nothing else lies between the batch's first and last key (a scan
    // timed inside it by a clock set back would), else one by one.
    const span = IDBKeyRange.bound(batch.keys[0]!, batch.keys.at(-1)!);
    if ((await promised(queue.count(span))) === batch.keys.length) queue.delete(span);
    else for (const key of batch.keys) queue.delete(key);
    const barcodes = batch.keys.map((key) => key[2]);
    for (const [id, left] of ledger.settle(barcodes)) {
      if (left.length) tx.objectStore('sent').put({ keys: left } satisfies SentBatch, id);
      else tx.objectStore('sent').delete(id);
    }
    let cache: CacheRecord | undefined;
    let acknowledged = 0;
    const failed: FailedScan[] = [];
    const now = Date.now();
    for (const [i, scan] of batch.scans.entries()) {
      const key = barcodes[i]!;
      const reason = reasons.get(key);
      reasons.delete(key);
      const alreadyScanned = reason !== undefined && isAlreadyScannedReason(reason);
      if (reason === undefined || (alreadyScanned && batch.sentBefore[i]! > 0)) {
        acknowledged++;
        continue;
      }
      cache ??= await promised<CacheRecord | undefined>(tx.objectStore('cache').get(CURRENT));
      const ticket = cache && (await findCachedTicket(tx, cache, key));
      const failure: FailedScan = {
        barcode: scan.barcode,
        reason,
        scanTime: scan.scanTime,
        failedAt: now,
        conflict: alreadyScanned,
        ...(ticket ? { ticket: { performance: ticket.performance, section: ticket.section, seat: ticket.seat, orderConsumerName: ticket.orderConsumerName } } : {}),
      };
      failedStore.put(failure, key);
      failed.push(failure);
    }
    // A refusal for a barcode we did not send (a server spelling it differently): show it anyway.
    for (const [key, reason] of reasons) {
      const failure: FailedScan = { barcode: key, reason, scanTime: now, failedAt: now, conflict: false };
      failedStore.put(failure, key);
      failed.push(failure);
    }
    return { acknowledged, failed };
  });
}

/**
 * One transaction over what settling sent scans touches: they leave the queue (`queue`), their
 * batches (`sent`), refusals are kept with the ticket's details (`failed`, from `cache` and `tickets`).
 */
function settling<T>(db: IDBDatabase, work: (tx: IDBTransaction, queue: IDBObjectStore) => Promise<T>): Promise<T> {
  return inTransaction(db, ['queue', 'sent', 'failed', 'cache', 'tickets'], 'readwrite', (tx) => work(tx, tx.objectStore('queue')), 'strict');
}

/** The `sent` store in memory during a replay: which scans went out without an answer kept. */
class SentLedger {
  private readonly batches = new Map<string, string[]>();
  private readonly counts = new Map<string, number>();

  static async read(tx: IDBTransaction): Promise<SentLedger> {
    const store = tx.objectStore('sent');
    const [batches, ids] = await Promise.all([promised(store.getAll() as IDBRequest<SentBatch[]>), promised(store.getAllKeys())]);
    const ledger = new SentLedger();
    batches.forEach((batch, i) => ledger.add(String(ids[i]), batch.keys));
    return ledger;
  }

  attempts(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  add(id: string, keys: string[]): void {
    this.batches.set(id, keys);
    for (const key of keys) this.counts.set(key, this.attempts(key) + 1);
  }

  remove(id: string): void {
    for (const key of this.batches.get(id) ?? []) {
      const left = this.attempts(key) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    }
    this.batches.delete(id);
  }

  /** Forgets these scans (answered); returns each batch record touched with the keys it keeps. */
  settle(keys: string[]): Map<string, string[]> {
    const done = new Set(keys);
    const touched = new Map<string, string[]>();
    for (const [id, batchKeys] of this.batches) {
      if (!batchKeys.some((key) => done.has(key))) continue;
      const left = batchKeys.filter((key) => !done.has(key));
      touched.set(id, left);
      if (left.length) this.batches.set(id, left);
      else this.batches.delete(id);
    }
    for (const key of keys) this.counts.delete(key);
    return touched;
  }
}

/**
 * The server's refusal of a scan it already has. The API gives only a text (the seed lists no
 * code for it; servers say "Ticket has already been scanned."), so the text is all there is.
 */
export function isAlreadyScannedReason(reason: string): boolean {
  return /already\s+(?:been\s+)?scanned/i.test(reason);
}

let localReplays: Promise<unknown> = Promise.resolve();

/** One replay at a time: across page and service worker with Web Locks, else within this context. */
function withReplayLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(REPLAY_LOCK, work) as Promise<T>;
  const run = localReplays.then(work, work);
  localReplays = run.catch(() => {});
  return run;
}

/** What a page reload does to the memory of checks against the server: none counts as recent (tests). */
export function forgetServerChecks(): void {
  checkedAgainstServer.clear();
}
