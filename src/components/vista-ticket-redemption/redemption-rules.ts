/**
 * The rules of redemption, apart from the element: limits (the card's, capped by its scheme's per
 * showtime), card number formats, and how Vista's refusals read.
 */
import type { VendorError } from '../../api/errors.js';
import type { RedemptionLimit, ShowtimeTicket } from '../../api/vista/types.js';

/** Error codes the mock answers (Vista's are not public; see mock/vista.ts). */
export const CODES = { notFound: 34001, declined: 34002, notActive: 34003, overLimit: 34010, underMinimum: 34011 } as const;

/**
 * The card's limit within the scheme's `redemptionLimitPerShowtime` (seed), which caps every card
 * of the scheme for one showtime whatever the card itself allows.
 */
export function withSchemeLimit(limit: RedemptionLimit, perShowtime: number | null | undefined): RedemptionLimit {
  if (typeof perShowtime !== 'number' || !Number.isInteger(perShowtime) || perShowtime < 1) return limit;
  const maximum = limit.isUnlimited || limit.maximum === null ? perShowtime : Math.min(limit.maximum, perShowtime);
  return { ...limit, isUnlimited: false, maximum };
}

/** A 4xx problem from Vista that refuses what was asked (not the session, not the rate): a refusal, whatever its code. */
export function isRefusal(error: VendorError): boolean {
  const status = error.status ?? 0;
  return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 408 && status !== 429;
}

/** Vista's reason, when it gave one beyond a generic title ("Bad Request"): never an "undefined". */
export function reasonOf(error: VendorError): { detail?: string } {
  const detail = (error.details as { detail?: unknown } | undefined)?.detail;
  return typeof detail === 'string' && detail.trim() ? { detail: detail.trim() } : {};
}

export function uniqueById(tickets: ShowtimeTicket[]): ShowtimeTicket[] {
  const seen = new Set<string>();
  return tickets.filter((t) => t && typeof t.id === 'string' && !seen.has(t.id) && seen.add(t.id));
}

/** The fewest tickets a card takes once used: its minimum, and at least one. */
export function lowest(limit: RedemptionLimit): number {
  return Math.max(1, limit.minimum ?? 1);
}

export function withinLimit(quantity: number, limit: RedemptionLimit): boolean {
  if (!Number.isInteger(quantity) || quantity < lowest(limit)) return false;
  return limit.isUnlimited || limit.maximum === null || quantity <= limit.maximum;
}

/** A card id usable in an element id (Vista ids are UUIDs, but a server may send anything). */
export function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
