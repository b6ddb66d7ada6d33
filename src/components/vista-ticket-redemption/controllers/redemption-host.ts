/**
 * What the redemption element's controllers share through it: its settings, and what only the
 * element may do (its events, its error view, focus). A leaf module: the controllers import it,
 * never the element.
 */
import type { ReactiveControllerHost } from 'lit';
import { createVistaRedemptionClient, type VistaRedemptionClient } from '../../../api/vista/redemption.js';
import type { ShowtimeTicket } from '../../../api/vista/types.js';
import { vistaConfigOf, type VistaElementSettings, type VistaSessionMode } from '../../../shared/vista/session.js';
import type { VistaRedemptionCardAddedDetail, VistaShowtimeTicketsSetDetail } from '../vista-ticket-redemption.events.js';
import type { RedemptionMessages } from '../vista-ticket-redemption.messages.js';

export interface RedemptionHost extends ReactiveControllerHost, HTMLElement, VistaElementSettings {
  readonly mode: VistaSessionMode;
  readonly orderId: string;
  readonly showtimeId: string;
  readonly siteId: string;
  readonly ticketTypeId: string;
  readonly orderTickets: ShowtimeTicket[];
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** How the controllers reach the element's own voice (its events and error view are its alone). */
export interface RedemptionContext {
  readonly host: RedemptionHost;
  words(): RedemptionMessages;
  locale(): string;
  /** Focus this once the next screen is rendered. */
  focus(selector: string): void;
  /** Sends the element's error event; returns the error. */
  report(thrown: unknown): Error;
  /** Shows a failure in `part="error"` (none: hides it); `retry` is what its button does. */
  show(error?: Error, retry?: () => void): void;
  cardAdded(detail: VistaRedemptionCardAddedDetail): void;
  ticketsSet(detail: VistaShowtimeTicketsSetDetail): void;
}


export function clientOf(host: RedemptionHost): VistaRedemptionClient {
  return createVistaRedemptionClient(vistaConfigOf(host));
}
