/**
 * The scanner's storage: one IndexedDB database, opened lazily, one object store per concern.
 * The page and the service worker open the same database, so either can replay the queue.
 *
 *   session   'current' → StoredSession (the token lives here only: never localStorage)
 *   cache     'current' → CacheRecord, which download ("generation") of tickets is in use
 *   tickets   [generation, bucket, flush] → UTF-8 rows of tickets (see ticket-cache.ts)
 *   scanned   barcode key → ScanMark: scanned on this device, offline or online
 *   queue     [group, scanTime, barcode key] → QueueRecord: offline scans the server has not
 *             acknowledged; a group (client, production, performance) is one contiguous range, so a
 *             batch for `syncScans` is read and removed as a range, in scan order
 *   sent      batch id → SentBatch: the barcode keys of a batch sent without an answer kept yet
 *   failed    barcode key → FailedScan: scans the server refused, kept until staff acknowledge them
 *   device    'current' → DeviceMarker: written in the transaction that creates the database (its
 *             birth certificate), never by anyone else: storage-marker.ts tells by it that the
 *             browser deleted the database and a new one grew in its place
 *
 * A barcode key is the barcode trimmed and lower-cased: barcodes are case-insensitive at the door.
 * No store has an index: IndexedDB pays per record and per index entry, and 100,000 tickets or
 * 10,000 queued scans must stay fast (see ticket-cache.ts and scan-queue.ts).
 *
 * This module is the bottom layer (as Workbox's QueueDb under QueueStore under Queue): it owns the
 * schema and every record type, and imports none of the modules built on it.
 */
export const SCANNER_DB_NAME = 'ticket-scanner';
/** 2: the `device` store. */
const SCANNER_DB_VERSION = 2;

export type StoreName = 'session' | 'cache' | 'tickets' | 'scanned' | 'queue' | 'sent' | 'failed' | 'device';
const ALL_STORES: StoreName[] = ['session', 'cache', 'tickets', 'scanned', 'queue', 'sent', 'failed', 'device'];
/** The one key of the single-record stores. */
export const CURRENT = 'current';

/** What is scanned: one client, and one production and performance or all (`null`). */
export interface ScanFilter {
  clientId: number;
  productionId: number | null;
  performanceId: number | null;
}

/** Which database this is: a new id each time the database is created. */
export interface DeviceMarker {
  id: string;
  createdAt: number;
}

export interface StoredSession {
  apiBase: string;
  username: string;
  accessToken: string;
  accessTokenExpiration: number | null;
}

/** The labels every ticket of a performance shares, stored once per performance. */
export interface PerformanceLabels {
  productionName: string;
  performance: string | null;
  performanceStartDate: number;
}

export interface CacheRecord {
  generation: string;
  filter: ScanFilter;
  tickets: number;
  downloadedAt: number;
  performances: Record<number, PerformanceLabels>;
  /** Tickets of the list that may enter (not refunded or voided). Absent in lists stored before it was counted. */
  admissible?: number;
  /** Of those, the ones in already: scanned before the download (any device) or on this device before `marksSince`. */
  admitted?: number;
  /** When the download looked at this device's scans: later ones are counted from the `scanned` store. */
  marksSince?: number;
}

export interface ScanMark {
  scanTime: number;
  via: 'offline' | 'online';
}

/** A queued scan as stored; how often it was sent is known from the `sent` store. */
export interface QueueRecord {
  barcode: string;
  ticketId: number;
  performanceId: number;
  clientId: number;
  productionId: number | null;
  /** Epoch ms, sent as is: the server counts the scan at the time it happened. */
  scanTime: number;
}

/** A queued scan, with how many times it was sent without an answer we could keep. */
export interface QueuedScan extends QueueRecord {
  attempts: number;
}

/** A scan the server refused, kept until staff acknowledge it. */
export interface FailedScan {
  barcode: string;
  /** The server's reason, as it gave it. */
  reason: string;
  scanTime: number;
  failedAt: number;
  /** Scanned elsewhere meanwhile: the server already had it before this device first sent it. */
  conflict: boolean;
  /** From the offline list, to help staff find the ticket; the name goes on sign-out. */
  ticket?: { performance: string | null; section: string | null; seat: string | null; orderConsumerName: string | null };
}

export type QueueKey = [group: string, scanTime: number, barcodeKey: string];

/** The group of a scan: `syncScans` takes one client, production and performance a request. */
export function queueKey(scan: QueueRecord): QueueKey {
  return [`${scan.clientId}|${scan.productionId ?? ''}|${scan.performanceId}`, scan.scanTime, barcodeKey(scan.barcode)];
}

export interface SentBatch {
  keys: string[];
}

let connection: Promise<IDBDatabase> | undefined;
let openedDb: IDBDatabase | undefined;
/** Work that must stop when the data goes or the page "reloads": downloads under way. */
const cancellers = new Set<() => Promise<void>>();

/** The database, opened on first use and kept open. */
export function scannerDb(): Promise<IDBDatabase> {
  connection ??= openScannerDb().catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}

function openScannerDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(SCANNER_DB_NAME, SCANNER_DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of ALL_STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      // getRandomValues, not randomUUID: the element may run on a plain-http page too.
      const id = Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join('');
      const marker: DeviceMarker = { id, createdAt: Date.now() };
      request.transaction!.objectStore('device').put(marker, CURRENT);
    };
    request.onsuccess = () => {
      const db = request.result;
      openedDb = db;
      const forget = () => {
        if (openedDb !== db) return;
        openedDb = undefined;
        connection = undefined;
      };
      // Another tab upgrading (or a test deleting) the database: let it, and reopen on next use.
      db.onversionchange = () => {
        db.close();
        forget();
      };
      db.onclose = forget;
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}

/**
 * Closes the database and forgets what this page held in memory, as a reload would: tests use
 * it to prove that what must survive is on disk. Downloads under way stop.
 */
export async function closeScannerDb(): Promise<void> {
  const open = connection;
  connection = undefined;
  openedDb = undefined;
  await cancelWork();
  (await open?.catch(() => undefined))?.close();
}

/** Registers work to stop on sign-out or close; returns the function that unregisters it. */
export function cancelOnClose(cancel: () => Promise<void>): () => void {
  cancellers.add(cancel);
  return () => cancellers.delete(cancel);
}

async function cancelWork(): Promise<void> {
  const running = [...cancellers];
  cancellers.clear();
  await Promise.allSettled(running.map((cancel) => cancel()));
}

/** The IDBRequest's result as a promise. */
export function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Runs `work` in one transaction and resolves with its result once the transaction has committed
 * (a write is then on disk, with `strict` durability, before anyone is told it happened).
 * `work` may await IDB requests, nothing else: the transaction closes when it has none pending.
 */
export async function inTransaction<T>(
  db: IDBDatabase,
  stores: StoreName[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T> | T,
  durability: IDBTransactionDurability = 'default',
): Promise<T> {
  const tx = db.transaction(stores, mode, { durability });
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
  let result: T;
  try {
    result = await work(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    committed.catch(() => {});
    throw error;
  }
  await committed;
  return result;
}

/** The case-insensitive key of a barcode. */
export function barcodeKey(barcode: string): string {
  return barcode.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Session
// ---------------------------------------------------------------------------------------------

export async function saveSession(session: StoredSession): Promise<void> {
  const record: StoredSession = {
    apiBase: session.apiBase,
    username: session.username,
    accessToken: session.accessToken,
    accessTokenExpiration: session.accessTokenExpiration,
  };
  await inTransaction(await scannerDb(), ['session'], 'readwrite', (tx) => void tx.objectStore('session').put(record, CURRENT), 'strict');
}

export async function loadSession(): Promise<StoredSession | undefined> {
  return inTransaction(await scannerDb(), ['session'], 'readonly', (tx) => promised<StoredSession | undefined>(tx.objectStore('session').get(CURRENT)));
}

export async function clearSession(): Promise<void> {
  await inTransaction(await scannerDb(), ['session'], 'readwrite', (tx) => void tx.objectStore('session').delete(CURRENT), 'strict');
}

/** This database's marker (absent only in a database a version-1 page created and nothing has upgraded yet). */
export async function loadDeviceMarker(): Promise<DeviceMarker | undefined> {
  return inTransaction(await scannerDb(), ['device'], 'readonly', (tx) => promised<DeviceMarker | undefined>(tx.objectStore('device').get(CURRENT)));
}

// ---------------------------------------------------------------------------------------------
// Sign-out
// ---------------------------------------------------------------------------------------------

/**
 * Sign-out: removes the session, every ticket (with its patron data) and the names on failed
 * scans. With `keepQueue`, scans not yet synced, failed scans (without names) and this device's
 * scan marks stay, to sync after the next sign-in; without it, everything goes.
 */
export async function wipeScannerData(options: { keepQueue?: boolean } = {}): Promise<void> {
  await cancelWork();
  const db = await scannerDb();
  await inTransaction(
    db,
    ALL_STORES,
    'readwrite',
    async (tx) => {
      for (const store of ['session', 'cache', 'tickets'] satisfies StoreName[]) tx.objectStore(store).clear();
      if (!options.keepQueue) {
        for (const store of ['queue', 'sent', 'failed', 'scanned'] satisfies StoreName[]) tx.objectStore(store).clear();
        return;
      }
      const failed = tx.objectStore('failed');
      const all = await promised(failed.getAll() as IDBRequest<FailedScan[]>);
      const keys = await promised(failed.getAllKeys());
      all.forEach((scan, i) => {
        if (scan.ticket) failed.put({ ...scan, ticket: { ...scan.ticket, orderConsumerName: null } } satisfies FailedScan, keys[i]!);
      });
    },
    'strict',
  );
}
