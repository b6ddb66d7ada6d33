/**
 * One verdict as the door shows it, whether AudienceView gave it (`validateTicket`) or the
 * downloaded tickets did (`recordOfflineScan`): the seed's fields, the vendor's banner to
 * sanitize, and nothing the door does not need (no address, email or phone; never `tixRemaining`).
 */
import type { TicketValidation } from '../../../api/audienceview/scanning.js';
import type { Patron, ScannableTicket } from '../../../api/audienceview/types.js';
import { isBlank } from '../../../shared/sanitize.js';
import type { Verdict } from '../ticket-scanner.messages.js';

export interface ShownVerdict {
  barcode: string;
  verdict: Verdict;
  offline: boolean;
  /** Epoch ms. */
  scannedAt: number;
  /** The purchaser (or their +1), only when AudienceView sent one. */
  name?: string;
  section?: string;
  seat?: string;
  ticketsScanned?: number;
  ticketsSold?: number;
  /** "Spamalot: Sep 18 4:00PM Tue" */
  performance?: string;
  /** `successMsg` or `errorMessageHTML`: vendor HTML, sanitize before display. */
  vendorHtml?: string;
  /** Why, in words without patron data: the vendor's short name, or the offline reason. */
  reason?: string;
}

/** The result of `recordOfflineScan` (scan-queue side), as far as the door needs it. */
export interface OfflineResult {
  verdict: Verdict;
  barcode: string;
  ticket?: ScannableTicket;
  reason: string;
  /** Kept in memory only: the disk was full. */
  heldInMemory?: boolean;
}

export function onlineVerdict(barcode: string, result: TicketValidation, scannedAt: number): ShownVerdict {
  if (result.verdict === 'valid') {
    const t = result.ticket;
    return {
      barcode,
      verdict: 'valid',
      offline: false,
      scannedAt,
      ...ticketFields({ name: t.name, patron: t.patron, section: t.section, seat: t.seat, ticketsScanned: t.ticketsScanned, ticketsSold: t.ticketsSold, performance: t.performance }),
      vendorHtml: present(t.successMsg),
    };
  }
  return { barcode, verdict: result.verdict, offline: false, scannedAt, reason: result.message, vendorHtml: present(result.messageHtml) };
}

export function offlineVerdict(result: OfflineResult, scannedAt: number): ShownVerdict {
  const t = result.ticket;
  return {
    barcode: result.barcode,
    verdict: result.verdict,
    offline: true,
    scannedAt,
    ...(t
      ? ticketFields({ name: t.orderConsumerName, patron: t.patron, section: t.section, seat: t.seat, ticketsScanned: t.ticketsScanned, ticketsSold: t.ticketsSold, performance: t.performance })
      : {}),
    reason: present(result.reason),
  };
}

interface TicketFields {
  name: string | null;
  patron: Patron | null;
  section: string | null;
  seat: string | null;
  ticketsScanned: number | null;
  ticketsSold: number | null;
  performance: string | null;
}

function ticketFields(t: TicketFields): Partial<ShownVerdict> {
  const patronName = [t.patron?.firstName, t.patron?.lastName].filter((part) => !isBlank(part)).join(' ');
  return {
    name: present(t.name) ?? present(patronName),
    section: present(t.section),
    seat: present(t.seat),
    ticketsScanned: typeof t.ticketsScanned === 'number' ? t.ticketsScanned : undefined,
    ticketsSold: typeof t.ticketsSold === 'number' ? t.ticketsSold : undefined,
    performance: present(t.performance),
  };
}

/** Vendors send `""` for absent as often as `null`. */
function present(text: string | null | undefined): string | undefined {
  return isBlank(text) ? undefined : text!.trim();
}
