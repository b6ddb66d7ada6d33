/** `<vista-ticket-redemption>` for React: `<VistaTicketRedemption orderId="…" showtimeId="…" onVistaRedemptionCardAdded={(e) => …} />` */
import { VistaTicketRedemption as VistaTicketRedemptionElement } from '../../components/vista-ticket-redemption/index.js';
import { wrap } from './wrap.js';

export const VistaTicketRedemption = wrap('vista-ticket-redemption', VistaTicketRedemptionElement, { 'vista-redemption-card-added': true, 'vista-showtime-tickets-set': true, 'vista-redemption-error': true });
