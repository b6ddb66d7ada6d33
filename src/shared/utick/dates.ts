/**
 * Utick's dates are ISO 8601 with the Brussels offset (notes), or null. Parsed to instants and
 * shown on the venue's wall clock (`time-zone`, default Brussels), whatever the browser's zone.
 */
import { formatInZone } from '../time-zone.js';

/** Utick is a Belgian box office: its venues' clocks, unless the page says otherwise. */
export const UTICK_DEFAULT_TIME_ZONE = 'Europe/Brussels';

const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' };

/** An instant (epoch ms) from a Utick date; undefined for null, blank or unreadable text. */
export function utickInstant(iso: string | null | undefined): number | undefined {
  if (!iso?.trim()) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** "Mon, 1 Mar 2027, 20:00" in the locale, on the venue's clock. */
export function formatUtickDateTime(epochMs: number, timeZone: string, locale: string): string {
  return formatInZone(epochMs, timeZone, locale, DATE_TIME);
}
