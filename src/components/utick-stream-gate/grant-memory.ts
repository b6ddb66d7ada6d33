/**
 * Remembers that this browser was granted a stream, so a reload does not ask for the code again
 * (issue 8: "remembered for access_duration hours").
 *
 * What is kept: the stream id (in the key) and the grant's expiry, nothing else. Never the access
 * code, the contact id or Utick's answer: a code is a bearer credential, and storage is readable
 * by every script on the venue's page. Forging an entry gains nothing the page does not already
 * hold: it only unhides the page's own slotted player (the stream itself is protected by its
 * video host, not by this gate).
 *
 * Why localStorage and not sessionStorage: the grant must outlive the tab (a patron who closes
 * the tab mid-show and comes back, or opens the page in a second tab, should not be asked
 * again), and it is bounded by its own expiry, not the session. Synchronous, so a reload shows
 * the player in the first render with no flash of the form. Where storage is unavailable
 * (blocked third-party storage, some private modes) the grant lasts for the page's life.
 */

const KEY_PREFIX = 'venue-widgets:utick-grant:';
const inMemory = new Map<string, number>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a grant until `expiresAt` (epoch ms). */
export function rememberGrant(streamId: string, expiresAt: number): void {
  try {
    const store = storage();
    if (store) {
      store.setItem(KEY_PREFIX + streamId, JSON.stringify({ expiresAt }));
      return;
    }
  } catch {
    // Quota or blocked storage: kept in memory below, which still spares this page a second prompt.
  }
  inMemory.set(streamId, expiresAt);
}

/** The expiry of a grant still valid at `now`; an expired or unreadable one is forgotten. */
export function recallGrant(streamId: string, now: number): number | undefined {
  let expiresAt: number | undefined;
  try {
    const raw = storage()?.getItem(KEY_PREFIX + streamId);
    const value = raw ? (JSON.parse(raw) as { expiresAt?: unknown } | null)?.expiresAt : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) expiresAt = value;
  } catch {
    // unreadable: as if absent
  }
  expiresAt ??= inMemory.get(streamId);
  if (expiresAt === undefined) return undefined;
  if (expiresAt <= now) {
    forgetGrant(streamId);
    return undefined;
  }
  return expiresAt;
}

export function forgetGrant(streamId: string): void {
  inMemory.delete(streamId);
  try {
    storage()?.removeItem(KEY_PREFIX + streamId);
  } catch {
    // nothing kept there
  }
}

/**
 * When a grant made at `now` ends: `access_duration` hours later (a string of digits on the
 * wire, notes), never past `accessendtime`. Undefined when nothing should be remembered.
 */
export function grantExpiry(now: number, accessDurationHours: string | number | null | undefined, accessEnd: number | undefined): number | undefined {
  const hours = Number(accessDurationHours);
  const byDuration = Number.isFinite(hours) && hours > 0 ? now + hours * 3_600_000 : undefined;
  const candidates = [byDuration, accessEnd].filter((t): t is number => t !== undefined);
  if (byDuration === undefined) return undefined;
  const expiry = Math.min(...candidates);
  return expiry > now ? expiry : undefined;
}
