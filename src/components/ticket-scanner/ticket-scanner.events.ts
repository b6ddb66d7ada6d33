/** The events `<ticket-scanner>` dispatches (see its `@fires`), typed on the global event map. */
import type { WidgetErrorDetail, WidgetEvent } from '../../shared/events.js';
import type { Verdict } from './ticket-scanner.messages.js';

/** `detail` of `ticket-scan`: one verdict, as shown (no patron data). */
export interface TicketScanDetail {
  barcode: string;
  verdict: Verdict;
  /** Decided from the downloaded tickets, not by AudienceView. */
  offline: boolean;
  /** The verdict in words, in the element's language. */
  message: string;
  /** Epoch ms. */
  scannedAt: number;
}

/** `detail` of `ticket-scanner-sync`, after each attempt to send the queued scans. */
export interface TicketScannerSyncDetail {
  /** Scans still queued. */
  pending: number;
  /** Scans AudienceView refused in this attempt, with its reason. */
  failed: Array<{ barcode: string; reason: string }>;
  /**
   * Tickets this device admitted offline that another device admitted meanwhile (found in this
   * attempt; also among `failed`). Shown to staff until they acknowledge each one.
   */
  doubleAdmissions: Array<{ barcode: string; scannedAt: number }>;
}

/** `detail` of `ticket-scanner-logout`. */
export interface TicketScannerLogoutDetail {
  /** `signed-out`: the staff member signed out; `session-ended`: AudienceView ended the session (`error` says why). */
  reason: 'signed-out' | 'session-ended';
  error?: Error;
}

export type TicketScanEvent = WidgetEvent<TicketScanDetail>;
export type TicketScannerSyncEvent = WidgetEvent<TicketScannerSyncDetail>;
export type TicketScannerLogoutEvent = WidgetEvent<TicketScannerLogoutDetail>;
export type TicketScannerErrorEvent = WidgetEvent<WidgetErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-scan': TicketScanEvent;
    'ticket-scanner-sync': TicketScannerSyncEvent;
    'ticket-scanner-logout': TicketScannerLogoutEvent;
    'ticket-scanner-error': TicketScannerErrorEvent;
  }
}
