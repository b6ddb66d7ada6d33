/** The events of `<vista-ticket-redemption>`: one class each, typed on `GlobalEventHandlersEventMap`. */
import type { RedemptionLimit, ShowtimeTicket, TicketRedemptionCard } from '../../api/vista/types.js';
import { WidgetEvent, type WidgetErrorDetail } from '../../shared/events.js';

/** `detail` of `vista-redemption-card-added`: the card Vista attached to the order and how many tickets it may redeem. */
export interface VistaRedemptionCardAddedDetail {
  card: TicketRedemptionCard;
  limit: RedemptionLimit;
}

/**
 * `detail` of `vista-showtime-tickets-set`: the redemption tickets now in the order for the
 * showtime, as Vista listed them (with `priceInCents`) or, when its answer lists none (the seeds
 * show no answer), as they were sent.
 */
export interface VistaShowtimeTicketsSetDetail {
  tickets: Array<ShowtimeTicket & { priceInCents?: number }>;
}

export class VistaRedemptionCardAddedEvent extends WidgetEvent<VistaRedemptionCardAddedDetail> {
  constructor(detail: VistaRedemptionCardAddedDetail) {
    super('vista-redemption-card-added', detail);
  }
}
export class VistaShowtimeTicketsSetEvent extends WidgetEvent<VistaShowtimeTicketsSetDetail> {
  constructor(detail: VistaShowtimeTicketsSetDetail) {
    super('vista-showtime-tickets-set', detail);
  }
}
export class VistaRedemptionErrorEvent extends WidgetEvent<WidgetErrorDetail> {
  constructor(detail: WidgetErrorDetail) {
    super('vista-redemption-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vista-redemption-card-added': VistaRedemptionCardAddedEvent;
    'vista-showtime-tickets-set': VistaShowtimeTicketsSetEvent;
    'vista-redemption-error': VistaRedemptionErrorEvent;
  }
}
