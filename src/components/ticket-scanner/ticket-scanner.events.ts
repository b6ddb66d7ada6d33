/** The events `<ticket-scanner>` dispatches (see its `@fires`): one class each, typed on the global event map. */
import { WidgetEvent, type WidgetErrorDetail } from '../../shared/events.js';
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

/** A verdict, as shown. */
export class TicketScanEvent extends WidgetEvent<TicketScanDetail> {
  constructor(detail: TicketScanDetail) {
    super('ticket-scan', detail);
  }
}

/** An attempt to send the queued scans is over. */
export class TicketScannerSyncEvent extends WidgetEvent<TicketScannerSyncDetail> {
  constructor(detail: TicketScannerSyncDetail) {
    super('ticket-scanner-sync', detail);
  }
}

/** The session ended. */
export class TicketScannerLogoutEvent extends WidgetEvent<TicketScannerLogoutDetail> {
  constructor(detail: TicketScannerLogoutDetail) {
    super('ticket-scanner-logout', detail);
  }
}

/** Something failed. */
export class TicketScannerErrorEvent extends WidgetEvent<WidgetErrorDetail> {
  constructor(detail: WidgetErrorDetail) {
    super('ticket-scanner-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-scan': TicketScanEvent;
    'ticket-scanner-sync': TicketScannerSyncEvent;
    'ticket-scanner-logout': TicketScannerLogoutEvent;
    'ticket-scanner-error': TicketScannerErrorEvent;
  }
}
