/**
 * The card redemption flow: a subscription or partner card checked by Vista and attached to the
 * order (with its limit), the quantity of tickets chosen within it, and the showtime's tickets
 * set (SetShowtime), with Vista's refusals in the patron's words.
 */
import { asError, ConfigError, VendorError } from '../../../api/errors.js';
import { localizedText } from '../../../api/vista/text.js';
import type { AddTicketRedemptionCardRequest, RedemptionLimit, ShowtimeTicket, TicketRedemptionCard } from '../../../api/vista/types.js';
import { withVistaMember } from '../../../shared/vista/session.js';
import { CODES, cssId, isRefusal, lowest, reasonOf, uniqueById, withinLimit, withSchemeLimit } from '../redemption-rules.js';
import type { VistaShowtimeTicketsSetDetail } from '../vista-ticket-redemption.events.js';
import type { MemberCardsController } from './member-cards.js';
import { clientOf, type RedemptionContext } from './redemption-host.js';

/** A card attached to the order for this showtime, and the tickets the patron wants with it. */
export interface AddedCard {
  card: TicketRedemptionCard;
  limit: RedemptionLimit;
  ticketTypeId: string;
  /** A name for the card, kept from when it was added (the scheme's, or the member card's). */
  label: string;
  quantity: number;
}

export interface Problem {
  text: string;
  detail?: string;
}

export class CardRedemption {
  added: AddedCard[] = [];
  /** What is being sent: a card's id, `third-party`, or `tickets`. */
  busy?: string;
  cardProblems: Record<string, Problem> = {};
  ticketsProblem?: Problem;
  ticketsSet?: VistaShowtimeTicketsSetDetail['tickets'];
  /** Ticket ids of the last SetShowtime sent; kept for a retry after a lost answer, so Vista sees the same tickets. */
  private pendingTickets?: { signature: string; tickets: ShowtimeTicket[] };
  /** Tickets of the showtime that are not this element's, as Vista's last answer listed them. */
  private othersAnswered: ShowtimeTicket[] = [];

  constructor(
    private readonly ctx: RedemptionContext,
    private readonly loads: MemberCardsController,
    /** The cards in use's view (its own chunk): a card is added only once it is here, so the card shows when Vista accepts it. */
    private readonly viewReady: () => Promise<unknown>,
  ) {}

  /** Another configuration: nothing added. */
  reset(): void {
    this.added = [];
    this.ticketsSet = undefined;
  }

  /** Another member (or none): their cards are not this one's; partner cards stay. */
  keepPartnerCards(): void {
    this.added = this.added.filter((a) => a.card.type === 'ThirdPartyMemberCard');
  }

  useMemberCard(card: TicketRedemptionCard, label: string): void {
    void this.addCard(card.id, { type: 'MemberTicketRedemptionCard', memberTicketRedemptionCardId: card.id, showtimeId: this.ctx.host.showtimeId }, label, (problem) => {
      this.cardProblems = { ...this.cardProblems, [card.id]: problem };
    });
  }

  async addCard(busyKey: string, request: AddTicketRedemptionCardRequest, label: string, refused: (problem: Problem) => void): Promise<void> {
    if (this.busy) return;
    const { host } = this.ctx;
    const m = this.ctx.words();
    this.setBusy(busyKey);
    const { [busyKey]: _cleared, ...otherProblems } = this.cardProblems;
    this.cardProblems = otherProblems;
    try {
      await this.viewReady();
      const answer = await withVistaMember(host.apiBase, (options) => clientOf(host).addTicketRedemptionCard(host.orderId, request, options));
      // The seeds never say where SetShowtime's ticketTypeId comes from: the answer's ticket types
      // (the mock's extension), else the page's `ticket-type-id`.
      const type = answer.ticketTypes?.[0];
      const ticketTypeId = type?.id ?? host.ticketTypeId;
      if (!ticketTypeId) throw new ConfigError(m.noTicketType, 'ticket-type-id');
      const card = answer.ticketRedemptionCard;
      const partner = request.type === 'ThirdPartyMemberCard';
      const scheme = partner ? this.loads.schemeList?.find((s) => s.id === request.credentials.thirdPartyMemberSchemeId) : undefined;
      const limit = withSchemeLimit(answer.redemptionLimit, scheme?.redemptionLimitPerShowtime);
      const typeName = type ? localizedText(type.name, this.ctx.locale()) : '';
      const entry: AddedCard = { card, limit, ticketTypeId, label: partner ? m.partnerCard(label || typeName, card.maskedCardNumber ?? '') : label, quantity: lowest(limit) };
      this.added = [...this.added.filter((a) => a.card.id !== card.id), entry];
      this.ticketsSet = undefined;
      this.ctx.focus(`#quantity-${cssId(card.id)}`);
      this.ctx.cardAdded({ card, limit });
    } catch (error) {
      const problem = this.explainCardRefusal(asError(error));
      if (problem) {
        refused(problem);
        this.ctx.report(error);
      } else if (!this.loads.sessionEnded) this.ctx.show(this.ctx.report(error));
    } finally {
      this.setBusy(undefined);
    }
  }

  /**
   * Vista's card refusals in the patron's words; `undefined` for failures the error view explains.
   * Vista's refusal codes are not public: one the element does not know is still a refusal (a
   * 4xx problem that is not about the session or the rate), said plainly with Vista's reason.
   */
  private explainCardRefusal(error: Error, generic = this.ctx.words().cardRefused): Problem | undefined {
    if (!(error instanceof VendorError) || error.vendor !== 'vista') return undefined;
    const m = this.ctx.words();
    switch (Number(error.code)) {
      case CODES.notFound:
        return { text: m.cardNotRecognised };
      case CODES.declined:
        // The scheme's own reason ("visits used this month") is what the patron needs to know.
        return { text: m.declined, ...reasonOf(error) };
      case CODES.notActive:
        return { text: m.cardNotActive };
    }
    return isRefusal(error) ? { text: generic, ...reasonOf(error) } : undefined;
  }

  setQuantity(entry: AddedCard, value: number): void {
    this.added = this.added.map((a) => (a === entry ? { ...a, quantity: value } : a));
    this.ticketsSet = undefined;
    this.ticketsProblem = undefined;
    this.ctx.host.requestUpdate();
  }

  removeCard(entry: AddedCard): void {
    this.added = this.added.filter((a) => a !== entry);
    this.ticketsSet = undefined;
    this.ctx.host.requestUpdate();
  }

  get ticketCount(): number {
    return this.added.reduce((sum, a) => sum + a.quantity, 0);
  }

  get allWithinLimits(): boolean {
    return this.added.every((a) => withinLimit(a.quantity, a.limit));
  }

  /** SetShowtime with one ticket per chosen seat, each naming its card (`ticketRedemptionCardId`). */
  async setTickets(): Promise<void> {
    if (this.busy || !this.added.length || !this.allWithinLimits) return;
    const { host } = this.ctx;
    const m = this.ctx.words();
    this.setBusy('tickets');
    this.ticketsProblem = undefined;
    // SetShowtime replaces the showtime's tickets: the ones that are not ours go along unchanged.
    const ours = new Set(this.added.map((a) => a.card.id));
    const isOurs = (t: ShowtimeTicket) => !!t.ticketRedemptionCardId && ours.has(t.ticketRedemptionCardId);
    const others = uniqueById([...host.orderTickets, ...this.othersAnswered]).filter((t) => !isOurs(t));
    const signature = JSON.stringify([this.added.map((a) => [a.card.id, a.ticketTypeId, a.quantity]), others.map((t) => t.id)]);
    if (this.pendingTickets?.signature !== signature) {
      const tickets = this.added.flatMap((a) =>
        Array.from({ length: a.quantity }, () => ({ id: crypto.randomUUID(), ticketTypeId: a.ticketTypeId, ticketRedemptionCardId: a.card.id })),
      );
      this.pendingTickets = { signature, tickets: [...others.map(({ id, ticketTypeId, ticketRedemptionCardId }) => ({ id, ticketTypeId, ...(ticketRedemptionCardId ? { ticketRedemptionCardId } : {}) })), ...tickets] };
    }
    const tickets = this.pendingTickets.tickets;
    try {
      const answer = await withVistaMember(host.apiBase, (options) => clientOf(host).setShowtime(host.orderId, host.showtimeId, tickets, options));
      // Vista accepted (any 2xx): done, whatever its answer holds.
      this.pendingTickets = undefined;
      if (answer.orderTickets) this.othersAnswered = answer.orderTickets.filter((t) => !isOurs(t));
      const set = (answer.orderTickets ?? answer.sent).filter(isOurs);
      this.ticketsSet = set;
      this.ctx.focus('[part="notice"].done');
      this.ctx.ticketsSet({ tickets: set });
    } catch (error) {
      const e = asError(error);
      const code = e instanceof VendorError && e.vendor === 'vista' ? Number(e.code) : undefined;
      // The UI keeps within the limit Vista gave; the server can still know better (a scheme's rules).
      const problem =
        code === CODES.overLimit || code === CODES.underMinimum
          ? { text: code === CODES.overLimit ? m.overLimit : m.underMinimum, ...reasonOf(e as VendorError) }
          : this.explainCardRefusal(e, m.ticketsRefused);
      if (problem) {
        this.ticketsProblem = problem;
        this.ctx.focus('.tickets-problem');
        this.ctx.report(e);
      } else if (!this.loads.sessionEnded) {
        this.ctx.show(this.ctx.report(e), () => void this.setTickets());
      }
    } finally {
      this.setBusy(undefined);
    }
  }

  private setBusy(busy: string | undefined): void {
    this.busy = busy;
    if (busy) this.ctx.show(undefined);
    this.ctx.host.requestUpdate();
  }
}
