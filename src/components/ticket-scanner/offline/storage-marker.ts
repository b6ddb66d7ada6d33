/**
 * Noticing that the browser deleted the scanner's storage. A browser short of space may delete a
 * site's IndexedDB whole (and Safari deletes the storage of sites unused for seven days): the
 * ticket list goes, and with it scans that were waiting to be sent. That must never pass
 * unnoticed, so the database carries a marker written when it is created (scanner-db.ts), and a
 * twin of it lives in a cookie, which the browsers' storage eviction does not touch (cookies are
 * not quota-managed storage). At start-up a twin naming another database, or none, means the
 * database the page last saw is gone: the scanner says so, with what it last knew was waiting.
 *
 * The twin holds no personal data: the database's id, when the page last looked and how many
 * scans were waiting then. Where cookies are blocked (a third-party frame), there is no twin and
 * nothing to compare: the scanner then behaves as before.
 */
import { loadDeviceMarker } from './scanner-db.js';

export const STORAGE_TWIN_COOKIE = 'ticket-scanner-storage';
/** 400 days, the longest a cookie may live (RFC 6265bis); renewed at every start. */
const TWIN_MAX_AGE_S = 400 * 24 * 3600;

/** What the page last knew of a database the browser has since deleted. */
export interface StorageLoss {
  /** When a page last saw it (epoch ms). */
  lastSeenAt: number;
  /** Scans waiting to be sent then (some may have been sent since, by the service worker). */
  waiting: number;
}

interface Twin {
  id: string;
  seenAt: number;
  waiting: number;
}

function readTwin(): Twin | undefined {
  if (typeof document === 'undefined') return undefined;
  const value = document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${STORAGE_TWIN_COOKIE}=`))
    ?.slice(STORAGE_TWIN_COOKIE.length + 1);
  const [id, seenAt, waiting] = (value ?? '').split('.');
  const seen = Number.parseInt(seenAt ?? '', 36);
  const count = Number.parseInt(waiting ?? '', 10);
  return id && Number.isFinite(seen) && Number.isFinite(count) ? { id, seenAt: seen * 1000, waiting: count } : undefined;
}

function writeTwin(twin: Twin): void {
  if (typeof document === 'undefined') return;
  const secure = location.protocol === 'https:' ? '; secure' : '';
  const value = `${twin.id}.${Math.floor(twin.seenAt / 1000).toString(36)}.${twin.waiting}`;
  document.cookie = `${STORAGE_TWIN_COOKIE}=${value}; path=/; max-age=${TWIN_MAX_AGE_S}; samesite=strict${secure}`;
}

/**
 * At start-up: the database's marker against its twin. Returns what was lost when the database
 * the twin names is gone; in every case the twin names the database there now.
 */
export async function checkStorage(): Promise<StorageLoss | undefined> {
  const marker = await loadDeviceMarker();
  if (!marker) return undefined;
  const twin = readTwin();
  const same = twin?.id === marker.id;
  writeTwin({ id: marker.id, seenAt: Date.now(), waiting: same ? twin.waiting : 0 });
  return twin && !same ? { lastSeenAt: twin.seenAt, waiting: twin.waiting } : undefined;
}

/** The page's count of waiting scans, kept in the twin for the day the database is deleted. */
export function noteWaiting(waiting: number): void {
  const twin = readTwin();
  if (twin) writeTwin({ ...twin, seenAt: Date.now(), waiting });
}

/** Forgets the twin: the next start is a first start (tests, and a device wiped on purpose). */
export function forgetStorageTwin(): void {
  if (typeof document !== 'undefined') document.cookie = `${STORAGE_TWIN_COOKIE}=; path=/; max-age=0`;
}
