/**
 * Test fixture for the scanner's offline core: a mock world with a signed-in door manager, the
 * performances and tickets to scan, and a scanner database that starts empty.
 */
import { openMockWorld, type MockWorld } from './mock.js';
import type { ControlPerformance } from './mock.js';
import { authenticate, type ScanningSession } from '../src/api/audienceview/scanning.js';
import { SCANNER_DB_NAME, closeScannerDb } from '../src/components/ticket-scanner/offline/scanner-db.js';
import { forgetStorageTwin } from '../src/components/ticket-scanner/offline/storage-marker.js';
import { downloadValidTickets, type ScanFilter } from '../src/components/ticket-scanner/offline/ticket-cache.js';

export const DOOR = { username: 'door@harbourlights.example', password: 'harbour-door-2027' };
/** A production with several performances in the scan window (a walk every 45 minutes, daily). */
export const LANTERN_WALK = 962515;
export const GALA = 962615;

export interface ControlTicket {
  barcode: string;
  ticketId: number;
  performanceId: number;
  productionId: number;
  clientId: number;
  state: 'valid' | 'scanned' | 'refunded' | 'voided';
}

export interface ScannerWorld {
  mock: MockWorld;
  session: ScanningSession;
  /** The last Lantern Walk in the scan window: not started, so few of its tickets are scanned already. */
  walk: number;
  /** The door's filter for that walk. */
  filter: ScanFilter;
  signIn(): Promise<ScanningSession>;
  /** Performances of a production in the scan window, soonest first. */
  performances(productionId: number): Promise<number[]>;
  tickets(performanceId: number, state: 'valid' | 'scanned' | 'refunded' | 'voided' | 'other-performance', limit?: number): Promise<ControlTicket[]>;
  /** The scans the server applied from `syncScans`, by barcode. */
  applied(): Promise<Map<string, number>>;
}

/**
 * A fresh mock world (real time: scan times are the browser's clock) and an empty scanner
 * database; with `download`, the walk's ticket list already stored.
 */
export async function openScannerWorld(options: { download?: boolean } = {}): Promise<ScannerWorld> {
  await freshScannerDb();
  const mock = await openMockWorld();
  const signIn = async () => (await authenticate(mock.base('audienceview'), DOOR)).session;
  const performances = async (productionId: number) => {
    const { performances } = await mock.control<{ performances: Array<{ performanceId: number; start: number; displayCode: string }> }>('audienceview', `/performances?productionId=${productionId}&when=scannable`);
    // Those the scanning API offers: not a cancelled one (display code C), which the window takes in as the hours pass.
    return performances.filter((p) => p.displayCode !== 'C').sort((a, b) => a.start - b.start).map((p) => p.performanceId);
  };
  const session = await signIn();
  const walk = (await performances(LANTERN_WALK)).at(-1)!;
  const filter = performanceFilter(walk, LANTERN_WALK);
  if (options.download) await downloadValidTickets(session, filter);
  return {
    mock,
    session,
    walk,
    filter,
    signIn,
    performances,
    tickets: async (performanceId, state, limit = 10) =>
      (await mock.control<{ tickets: ControlTicket[] }>('audienceview', `/tickets?performanceId=${performanceId}&state=${state}&limit=${limit}`)).tickets,
    applied: async () => {
      const counts = new Map<string, number>();
      for (const scan of await mock.received<{ barcode: string }>('syncScans')) counts.set(scan.barcode, (counts.get(scan.barcode) ?? 0) + 1);
      return counts;
    },
  };
}

export function performanceFilter(performanceId: number, productionId: number | null = null): ScanFilter {
  return { clientId: 284, productionId, performanceId };
}

/** A door tonight, for the element's tests: nothing stored (database, choices), a fresh mock world, tonight's small performance. */
export async function doorTonight(): Promise<{ mock: MockWorld; tonight: ControlPerformance }> {
  await freshScannerDb();
  localStorage.clear();
  const mock = await openMockWorld();
  return { mock, tonight: await smallPerformanceTonight(mock) };
}

/** Closes and deletes the scanner database (and its twin cookie): the next call starts from nothing, as on a new device. */
export async function freshScannerDb(): Promise<void> {
  forgetStorageTwin();
  await deleteScannerDb();
}

/** Closes and deletes the scanner database, as a browser evicting the site's storage does (cookies stay). */
export async function deleteScannerDb(): Promise<void> {
  await closeScannerDb();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(SCANNER_DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Everything the scanner database holds, store by store (byte values as text). */
export async function dumpScannerDb(): Promise<Record<string, unknown[]>> {
  const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
    const request = indexedDB.open(SCANNER_DB_NAME);
    // No database yet: do not create an empty one the scanner would then find without its stores.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (request.error?.name === 'AbortError' ? resolve(undefined) : reject(request.error));
  });
  if (!db) return {};
  try {
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const entries = await Promise.all(
      names.map(
        (name) =>
          new Promise<[string, unknown[]]>((resolve, reject) => {
            const request = tx.objectStore(name).getAll();
            // Bytes are shown as the text they hold: what someone reading the disk would find.
            request.onsuccess = () => resolve([name, request.result.map((value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : value))]);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    return Object.fromEntries(entries);
  } finally {
    db.close();
  }
}

/** A small performance of client 284 in tonight's scan window (not the 30,000-ticket gala). */
export async function smallPerformanceTonight(mock: MockWorld): Promise<ControlPerformance> {
  const { performances } = await mock.control<{ performances: ControlPerformance[] }>('audienceview', '/performances?clientId=284&when=scannable');
  return performances.find((p) => p.productionId !== GALA && p.ticketsSold > 50 && p.ticketsSold < 2000)!;
}
