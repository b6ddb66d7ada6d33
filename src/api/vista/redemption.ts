/**
 * Vista OCAPI ticket redemption: subscription cards and third-party member cards applied to an
 * in-progress order (seeds: vista-ocapi-subscription-tickets.txt,
 * vista-ocapi-third-party-member-tickets.txt).
 */
import { segment, vistaRequest, type VistaCallOptions, type VistaClientConfig } from './call.js';
import type {
  AddTicketRedemptionCardRequest,
  AddTicketRedemptionCardResponse,
  MemberTicketRedemptionCardsResponse,
  OrderTicket,
  SetShowtimeRequest,
  SetShowtimeResult,
  ShowtimeTicket,
  ThirdPartyMemberScheme,
  ThirdPartyMemberSchemesResponse,
  TicketRedemptionCard,
} from './types.js';

/** A ticket to set; `id` is generated (a UUID) when not given. */
export type ShowtimeTicketInput = Omit<ShowtimeTicket, 'id'> & { id?: string };

export interface VistaRedemptionClient {
  /** The signed-in member's subscription card and the cards friends shared with them. */
  getMemberTicketRedemptionCards(options?: VistaCallOptions): Promise<TicketRedemptionCard[]>;
  /** The third-party member schemes a site accepts. */
  getThirdPartyMemberSchemes(siteId: string, options?: VistaCallOptions): Promise<ThirdPartyMemberScheme[]>;
  /** Validates a card and attaches it to the order for a showtime; answers its id and redemption limit. */
  addTicketRedemptionCard(orderId: string, card: AddTicketRedemptionCardRequest, options?: VistaCallOptions): Promise<AddTicketRedemptionCardResponse>;
  /**
   * Sets the order's tickets for a showtime (it replaces them). Third-party redemptions are
   * committed in the third-party system at this point, not at order completion (seed).
   */
  setShowtime(orderId: string, showtimeId: string, tickets: ShowtimeTicketInput[], options?: VistaCallOptions): Promise<SetShowtimeResult>;
}

/** A redemption client for one tenant (`config.apiBase`). */
export function createVistaRedemptionClient(config: VistaClientConfig): VistaRedemptionClient {
  return {
    getMemberTicketRedemptionCards: async (options) => {
      const answer = await vistaRequest<MemberTicketRedemptionCardsResponse>(config, 'members/current/ticket-redemption-cards', {}, options);
      return answer.ticketRedemptionCards ?? [];
    },

    getThirdPartyMemberSchemes: async (siteId, options) => {
      // The API wraps the list; the guide shows a bare array (VENDOR-NOTES.md): accept both.
      const answer = await vistaRequest<ThirdPartyMemberSchemesResponse | ThirdPartyMemberScheme[]>(
        config,
        `sites/${segment(siteId)}/third-party-member-schemes`,
        {},
        options,
      );
      return Array.isArray(answer) ? answer : (answer.thirdPartyMemberSchemes ?? []);
    },

    addTicketRedemptionCard: (orderId, card, options) =>
      vistaRequest<AddTicketRedemptionCardResponse>(config, `orders/${segment(orderId)}/ticket-redemption-cards`, { method: 'POST', body: card }, options),

    setShowtime: async (orderId, showtimeId, tickets, options) => {
      const body: SetShowtimeRequest = {
        // Each ticket's id is the client's (VENDOR-NOTES.md): a fresh UUID unless the caller
        // keeps its own, e.g. to set the same tickets again after a lost answer.
        tickets: tickets.map((ticket) => ({ ...ticket, id: ticket.id ?? crypto.randomUUID() })),
      };
      // The seeds never show the answer: any 2xx means Vista set the tickets, whatever (if
      // anything) its body says. Never report a failure after Vista accepted.
      const answer = await vistaRequest<string>(config, `orders/${segment(orderId)}/showtimes/${segment(showtimeId)}`, { method: 'PUT', body, responseType: 'text' }, options);
      const parsed = parseLeniently(answer);
      return { sent: body.tickets, orderTickets: showtimeTicketsIn(parsed, showtimeId), answer: parsed };
    },
  };
}

function parseLeniently(text: string | undefined): unknown {
  if (!text?.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The showtime's tickets, where the answer lists them: `{ showtime: { id, tickets } }`, an order
 * `{ order: { showtimes: [{ id, tickets }] } }` (or the order itself), or a bare `{ tickets }`.
 * `undefined` for an empty answer (204) or one of another shape.
 */
function showtimeTicketsIn(answer: unknown, showtimeId: string): OrderTicket[] | undefined {
  const record = (value: unknown): Record<string, unknown> | undefined =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const tickets = (value: unknown): OrderTicket[] | undefined => {
    const list = record(value)?.['tickets'];
    return Array.isArray(list) ? list.filter((t): t is OrderTicket => typeof record(t)?.['id'] === 'string') : undefined;
  };
  const root = record(answer);
  if (!root) return undefined;
  const showtime = record(root['showtime']);
  if (showtime) return tickets(showtime);
  const order = record(root['order']) ?? root;
  const showtimes = order['showtimes'];
  if (Array.isArray(showtimes)) return tickets(showtimes.find((s) => String(record(s)?.['id']) === showtimeId));
  return tickets(root);
}
