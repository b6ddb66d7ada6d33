/** `<ticket-scanner>` for React: `<TicketScanner mode="auto" onTicketScan={(e) => e.detail.verdict} />` */
import { TicketScanner as TicketScannerElement } from '../../components/ticket-scanner/index.js';
import { wrap } from './wrap.js';

export const TicketScanner = wrap('ticket-scanner', TicketScannerElement, { 'ticket-scan': true, 'ticket-scanner-sync': true, 'ticket-scanner-logout': true, 'ticket-scanner-error': true });
