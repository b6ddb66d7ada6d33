import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { asError, ConfigError, VendorError } from '../../api/errors.js';
import type { VistaClientConfig } from '../../api/vista/call.js';
import { createVistaRedemptionClient } from '../../api/vista/redemption.js';
import { localizedText } from '../../api/vista/text.js';
import type {
  AddTicketRedemptionCardRequest,
  RedemptionLimit,
  ShowtimeTicket,
  ThirdPartyMemberScheme,
  TicketRedemptionCard,
} from '../../api/vista/types.js';
import { errorViewStyles } from '../../shared/error-view.js';
import { checkAddress } from '../../shared/attribute-checks.js';
import { WidgetEvent, type WidgetErrorDetail } from '../../shared/events.js';
import { configKey, define, FocusAfterRender, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { renderField, renderSummary, renderVistaError } from '../../shared/vista/form.js';
import {
  currentVistaSession,
  restoreVistaSession,
  VISTA_SESSION_MODES,
  watchVistaSession,
  withVistaMember,
  type VistaSessionChange,
  type VistaSessionMode,
} from '../../shared/vista/session.js';
import { vistaThemeStyles } from '../../shared/vista/theme.styles.js';
import { REDEMPTION_MESSAGES, type RedemptionMessages } from './vista-ticket-redemption.messages.js';
import { redemptionStyles } from './vista-ticket-redemption.styles.js';

export type { OrderTicket, RedemptionLimit, ShowtimeTicket, TicketRedemptionCard } from '../../api/vista/types.js';
export type { WidgetErrorDetail } from '../../shared/events.js';

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

/** A card attached to the order for this showtime, and the tickets the patron wants with it. */
interface AddedCard {
  card: TicketRedemptionCard;
  limit: RedemptionLimit;
  ticketTypeId: string;
  /** A name for the card, kept from when it was added (the scheme's, or the member card's). */
  label: string;
  quantity: number;
}

/** Error codes the mock answers (Vista's are not public; see mock/vista.ts). */
const CODES = { notFound: 34001, declined: 34002, notActive: 34003, overLimit: 34010, underMinimum: 34011 } as const;

/**
 * The signed-in member applies a subscription card (`MemberTicketRedemptionCard`) or a partner's
 * member card (`ThirdPartyMemberCard`) to a showtime of an in-progress order, and picks how many
 * tickets to redeem within the card's limit (seeds: vista-ocapi-subscription-tickets.txt,
 * vista-ocapi-third-party-member-tickets.txt). The member's session comes from
 * `<vista-member-login>` on the same `api-base` (src/shared/vista-session.ts).
 *
 * @summary Subscription and partner member cards applied to a Vista showtime.
 *
 * @fires vista-redemption-card-added - Vista accepted a card for the showtime (`detail.card`, `detail.limit`).
 * @fires vista-showtime-tickets-set - The showtime's tickets are in the order (`detail.tickets`).
 * @fires vista-redemption-error - Something failed (`detail.error`, whose `name` is one of HttpError,
 *   NetworkError, TimeoutError, VendorError, ParseError, ConfigError).
 *
 * @csspart cards - The member's subscription cards.
 * @csspart card - One subscription card (`data-card-id`, `data-friend` when a friend shared it).
 * @csspart use-card - A card's "Use this card" button.
 * @csspart third-party-form - The partner member card form.
 * @csspart error-summary - The problems with the partner card form, each linked to its field.
 * @csspart added - The cards in use, with their limits and ticket quantities.
 * @csspart limit - A card's redemption limit.
 * @csspart quantity - A card's ticket quantity input.
 * @csspart confirm - The button that sets the showtime's tickets.
 * @csspart notice - A message (sign in first, session ended, tickets set).
 * @csspart error - A failure, with `retry`.
 * @csspart retry - The retry button.
 *
 * @cssprop --vista-accent - Buttons, links, focus ring.
 * @cssprop --vista-on-accent - Text on the accent colour.
 * @cssprop --vista-text - Text colour.
 * @cssprop --vista-muted - Secondary text.
 * @cssprop --vista-surface - Background.
 * @cssprop --vista-surface-alt - Background of cards.
 * @cssprop --vista-border - Borders.
 * @cssprop --vista-danger - Problems.
 * @cssprop --vista-success - Confirmations.
 * @cssprop --vista-radius - Corner radius.
 * @cssprop --vista-gap - Spacing.
 * @cssprop --vista-font - Font family.
 * @tagname vista-ticket-redemption
 */
export class VistaTicketRedemption extends WidgetElement {
  static override styles = [vistaThemeStyles, errorViewStyles, redemptionStyles];

  /** The tenant's OCAPI address (required). */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The site's OCAPI bearer token, sent as `Authorization: Bearer` when set. */
  @property({ attribute: 'api-token' }) apiToken = '';
  /** Sent as `Connect-Region-Code` when set. */
  @property({ attribute: 'region-code' }) regionCode = '';
  /** How the member signs in (as on `<vista-member-login>`), to find a session after a reload. */
  @property() mode: VistaSessionMode = 'token';
  /** The in-progress order (required). */
  @property({ attribute: 'order-id' }) orderId = '';
  /** The showtime the tickets are for (required). */
  @property({ attribute: 'showtime-id' }) showtimeId = '';
  /** The cinema site: its third-party member schemes are offered when set. */
  @property({ attribute: 'site-id' }) siteId = '';
  /**
   * The ticket type to redeem when Vista's answer does not name one (the seeds never say where it
   * comes from): the venue's redemption ticket type.
   */
  @property({ attribute: 'ticket-type-id' }) ticketTypeId = '';
  /**
   * The tickets the order already holds for this showtime that are not this element's (the
   * page's standard tickets, say). SetShowtime replaces the showtime's tickets, so these are sent
   * again with their ids unchanged and stay in the order.
   */
  @property({ attribute: false }) orderTickets: ShowtimeTicket[] = [];
  /** BCP 47 locale; default the nearest `lang`, then the browser's. */
  @property() locale = '';

  @state() private signedIn = false;
  @state() private sessionEnded = false;
  @state() private cards?: TicketRedemptionCard[];
  @state() private schemes?: ThirdPartyMemberScheme[];
  @state() private added: AddedCard[] = [];
  @state() private busy?: string;
  @state() private cardProblems: Record<string, { text: string; detail?: string }> = {};
  @state() private formProblem?: { text: string; detail?: string; field?: string };
  @state() private ticketsProblem?: { text: string; detail?: string };
  @state() private ticketsSet?: VistaShowtimeTicketsSetDetail['tickets'];
  /** Announced when the card number's prefix chose its scheme. */
  @state() private schemeNote = '';
  @state() private error?: Error;

  private unwatch?: () => void;
  private loadedFor = '';
  private generation = 0;
  private retryAction?: () => void;
  /** Where focus goes once the next screen is rendered (a result, a summary of problems). */
  private readonly focusAfterRender = new FocusAfterRender(this);
  /** The words of the page's language (renders again when they, or the sanitizer, arrive). */
  private readonly localize = new LocalizeController(this, REDEMPTION_MESSAGES);
  /** Ticket ids of the last SetShowtime sent; kept for a retry after a lost answer, so Vista sees the same tickets. */
  private pendingTickets?: { signature: string; tickets: ShowtimeTicket[] };
  /** Tickets of the showtime that are not this element's, as Vista's last answer listed them. */
  private othersAnswered: ShowtimeTicket[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: watch the session again (it may have changed meanwhile).
    if (this.loadedFor && !this.unwatch && !this.error) {
      this.watch();
      const session = currentVistaSession(this.apiBase);
      if ((session !== undefined) !== this.signedIn) this.sessionChanged(session ? { kind: 'signed-in', session } : { kind: 'signed-out' });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
  }

  private watch(): void {
    this.unwatch?.();
    this.unwatch = watchVistaSession(this.apiBase, (change) => this.sessionChanged(change));
  }

  private sessionChanged(change: VistaSessionChange): void {
    if (change.kind === 'updated') return;
    this.signedIn = change.kind === 'signed-in';
    this.sessionEnded = change.kind === 'expired';
    // Another member (or none): their cards and the cards they added are not this one's.
    this.cards = undefined;
    this.added = this.added.filter((a) => a.card.type === 'ThirdPartyMemberCard');
    if (this.signedIn) void this.loadCards(this.generation);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = configKey(this.apiBase, this.orderId, this.showtimeId, this.siteId, this.mode);
    if (this.isConnected && key !== this.loadedFor && (changed.size > 0 || !this.loadedFor)) {
      this.loadedFor = key;
      void this.start();
    }
  }

  protected override updated(): void {
  }

  private config(): VistaClientConfig {
    return { apiBase: this.apiBase, apiToken: this.apiToken || undefined, regionCode: this.regionCode || undefined };
  }

  private client() {
    return createVistaRedemptionClient(this.config());
  }

  private fail(error: Error, retry?: () => void): void {
    this.error = this.reportError(error, 'vista-redemption-error', VistaRedemptionErrorEvent);
    this.retryAction = retry;
  }

  // -------------------------------------------------------------------------------------------
  // Loading
  // -------------------------------------------------------------------------------------------

  private async start(): Promise<void> {
    const run = ++this.generation;
    this.unwatch?.();
    this.unwatch = undefined;
    this.error = undefined;
    this.cards = undefined;
    this.schemes = undefined;
    this.added = [];
    this.ticketsSet = undefined;
    const missing = !this.apiBase ? 'api-base' : !this.orderId ? 'order-id' : !this.showtimeId ? 'showtime-id' : undefined;
    if (missing) return this.fail(new ConfigError(`<vista-ticket-redemption> needs ${missing}`, missing));
    try {
      checkAddress(this.apiBase, 'api-base');
    } catch (error) {
      return this.fail(error as ConfigError);
    }
    if (!VISTA_SESSION_MODES.includes(this.mode)) return this.fail(new ConfigError(`mode must be token, cookie or workstation, not "${String(this.mode).slice(0, 40)}"`, 'mode'));
    const apiBase = this.apiBase;
    this.watch();
    const schemes = this.siteId ? this.loadSchemes(run) : Promise.resolve();
    try {
      const session = currentVistaSession(apiBase) ?? (await restoreVistaSession(this.config(), this.mode));
      if (run !== this.generation) return;
      this.signedIn = session !== undefined;
    } catch {
      this.signedIn = false; // the sign-in element explains what went wrong with the session
    }
    await Promise.all([this.signedIn ? this.loadCards(run) : undefined, schemes]);
  }

  private async loadCards(run: number): Promise<void> {
    try {
      const cards = await withVistaMember(this.apiBase, (options) => this.client().getMemberTicketRedemptionCards(options));
      if (run === this.generation) this.cards = cards;
    } catch (error) {
      if (run === this.generation && !this.sessionEnded) this.fail(asError(error), () => void this.loadCards(this.generation));
    }
  }

  private async loadSchemes(run: number): Promise<void> {
    try {
      const schemes = await this.client().getThirdPartyMemberSchemes(this.siteId);
      if (run === this.generation) this.schemes = schemes;
    } catch (error) {
      if (run === this.generation) this.fail(asError(error), () => void this.loadSchemes(this.generation));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Adding cards
  // -------------------------------------------------------------------------------------------

  private useMemberCard(card: TicketRedemptionCard, label: string): void {
    void this.addCard(
      card.id,
      { type: 'MemberTicketRedemptionCard', memberTicketRedemptionCardId: card.id, showtimeId: this.showtimeId },
      label,
      (problem) => (this.cardProblems = { ...this.cardProblems, [card.id]: problem }),
    );
  }

  private addPartnerCard(event: SubmitEvent): void {
    event.preventDefault();
    const m = this.localize.words;
    const data = new FormData(event.target as HTMLFormElement);
    const cardNumber = String(data.get('card-number') ?? '').replace(/\s+/g, '');
    const scheme = this.schemes?.find((s) => s.id === data.get('scheme'));
    this.formProblem = undefined;
    const schemeName = scheme ? localizedText(scheme.name, this.localize.locale) : '';
    const problem = !cardNumber || !scheme ? m.cardNumberMissing : !matchesFormat(cardNumber, scheme.cardNumberFormat?.fullFormat) ? m.notSchemeFormat(schemeName) : undefined;
    if (problem) {
      this.formProblem = { text: problem, field: 'card-number' };
      this.focusAfterRender.request('[part="third-party-form"] [part="error-summary"]');
      return;
    }
    void this.addCard(
      'third-party',
      { type: 'ThirdPartyMemberCard', credentials: { cardNumber, thirdPartyMemberSchemeId: scheme!.id }, showtimeId: this.showtimeId },
      schemeName,
      (problem) => {
        this.formProblem = { ...problem, ...(problem.text === m.cardNotRecognised ? { field: 'card-number' } : {}) };
        this.focusAfterRender.request('[part="third-party-form"] [part="error-summary"]');
      },
    );
  }

  private async addCard(
    busyKey: string,
    request: AddTicketRedemptionCardRequest,
    label: string,
    refused: (problem: { text: string; detail?: string }) => void,
  ): Promise<void> {
    if (this.busy) return;
    const m = this.localize.words;
    this.busy = busyKey;
    this.error = undefined;
    const { [busyKey]: _cleared, ...otherProblems } = this.cardProblems;
    this.cardProblems = otherProblems;
    try {
      const answer = await withVistaMember(this.apiBase, (options) => this.client().addTicketRedemptionCard(this.orderId, request, options));
      // The seeds never say where SetShowtime's ticketTypeId comes from: the answer's ticket types
      // (the mock's extension), else the page's `ticket-type-id`.
      const ticketTypeId = answer.ticketTypes?.[0]?.id ?? this.ticketTypeId;
      if (!ticketTypeId) throw new ConfigError(m.noTicketType, 'ticket-type-id');
      const card = answer.ticketRedemptionCard;
      const typeName = answer.ticketTypes?.[0] ? localizedText(answer.ticketTypes[0].name, this.localize.locale) : '';
      const scheme = request.type === 'ThirdPartyMemberCard' ? this.schemes?.find((s) => s.id === request.credentials.thirdPartyMemberSchemeId) : undefined;
      const limit = withSchemeLimit(answer.redemptionLimit, scheme?.redemptionLimitPerShowtime);
      const entry: AddedCard = {
        card,
        limit,
        ticketTypeId,
        label: request.type === 'ThirdPartyMemberCard' ? m.partnerCard(label || typeName, card.maskedCardNumber ?? '') : label,
        quantity: lowest(limit),
      };
      this.added = [...this.added.filter((a) => a.card.id !== card.id), entry];
      this.ticketsSet = undefined;
      this.focusAfterRender.request(`#quantity-${cssId(card.id)}`);
      this.emit('vista-redemption-card-added', new VistaRedemptionCardAddedEvent({ card, limit }));
    } catch (error) {
      const problem = this.explainCardRefusal(asError(error));
      if (problem) refused(problem);
      else if (!this.sessionEnded) this.fail(asError(error));
      if (problem) this.reportError(error, 'vista-redemption-error', VistaRedemptionErrorEvent);
    } finally {
      this.busy = undefined;
    }
  }

  /**
   * Vista's card refusals in the patron's words; `undefined` for failures the error view explains.
   * Vista's refusal codes are not public: one the element does not know is still a refusal (a
   * 4xx problem that is not about the session or the rate), said plainly with Vista's reason.
   */
  private explainCardRefusal(error: Error, generic = this.localize.words.cardRefused): { text: string; detail?: string } | undefined {
    if (!(error instanceof VendorError) || error.vendor !== 'vista') return undefined;
    const m = this.localize.words;
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

  // -------------------------------------------------------------------------------------------
  // Tickets
  // -------------------------------------------------------------------------------------------

  private setQuantity(entry: AddedCard, value: number): void {
    this.added = this.added.map((a) => (a === entry ? { ...a, quantity: value } : a));
    this.ticketsSet = undefined;
    this.ticketsProblem = undefined;
  }

  private removeCard(entry: AddedCard): void {
    this.added = this.added.filter((a) => a !== entry);
    this.ticketsSet = undefined;
  }

  private get ticketCount(): number {
    return this.added.reduce((sum, a) => sum + a.quantity, 0);
  }

  private get allWithinLimits(): boolean {
    return this.added.every((a) => withinLimit(a.quantity, a.limit));
  }

  /** SetShowtime with one ticket per chosen seat, each naming its card (`ticketRedemptionCardId`). */
  private async setTickets(): Promise<void> {
    if (this.busy || !this.added.length || !this.allWithinLimits) return;
    const m = this.localize.words;
    this.busy = 'tickets';
    this.error = undefined;
    this.ticketsProblem = undefined;
    // SetShowtime replaces the showtime's tickets: the ones that are not ours go along unchanged.
    const ours = new Set(this.added.map((a) => a.card.id));
    const others = uniqueById([...this.orderTickets, ...this.othersAnswered]).filter((t) => !t.ticketRedemptionCardId || !ours.has(t.ticketRedemptionCardId));
    const signature = JSON.stringify([this.added.map((a) => [a.card.id, a.ticketTypeId, a.quantity]), others.map((t) => t.id)]);
    if (this.pendingTickets?.signature !== signature) {
      const tickets = this.added.flatMap((a) =>
        Array.from({ length: a.quantity }, () => ({ id: crypto.randomUUID(), ticketTypeId: a.ticketTypeId, ticketRedemptionCardId: a.card.id })),
      );
      this.pendingTickets = { signature, tickets: [...others.map(({ id, ticketTypeId, ticketRedemptionCardId }) => ({ id, ticketTypeId, ...(ticketRedemptionCardId ? { ticketRedemptionCardId } : {}) })), ...tickets] };
    }
    const tickets = this.pendingTickets.tickets;
    try {
      const answer = await withVistaMember(this.apiBase, (options) => this.client().setShowtime(this.orderId, this.showtimeId, tickets, options));
      // Vista accepted (any 2xx): done, whatever its answer holds.
      this.pendingTickets = undefined;
      const isOurs = (t: ShowtimeTicket) => !!t.ticketRedemptionCardId && ours.has(t.ticketRedemptionCardId);
      if (answer.orderTickets) this.othersAnswered = answer.orderTickets.filter((t) => !isOurs(t));
      const set = (answer.orderTickets ?? answer.sent).filter(isOurs);
      this.ticketsSet = set;
      this.focusAfterRender.request('[part="notice"].done');
      this.emit('vista-showtime-tickets-set', new VistaShowtimeTicketsSetEvent({ tickets: set }));
    } catch (error) {
      const e = asError(error);
      const code = e instanceof VendorError && e.vendor === 'vista' ? Number(e.code) : undefined;
      if (code === CODES.overLimit || code === CODES.underMinimum) {
        // The UI keeps within the limit Vista gave; the server can still know better (a scheme's rules).
        this.ticketsProblem = { text: code === CODES.overLimit ? m.overLimit : m.underMinimum, ...reasonOf(e as VendorError) };
        this.focusAfterRender.request('.tickets-problem');
        this.reportError(e, 'vista-redemption-error', VistaRedemptionErrorEvent);
      } else if (this.explainCardRefusal(e, m.ticketsRefused)) {
        this.ticketsProblem = this.explainCardRefusal(e, m.ticketsRefused);
        this.focusAfterRender.request('.tickets-problem');
        this.reportError(e, 'vista-redemption-error', VistaRedemptionErrorEvent);
      } else if (!this.sessionEnded) {
        this.fail(e, () => void this.setTickets());
      }
    } finally {
      this.busy = undefined;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------

  override render() {
    const locale = this.localize.locale;
    const m = this.localize.ready;
    if (!m) return html`<p class="muted" role="status">…</p>`;
    const error = renderVistaError(this.error, locale, this.retryAction, () => (this.error = undefined));
    if (this.error?.name === 'ConfigError' && !this.orderId) return error;
    return html`<section class="panel" aria-labelledby="redemption-title">
      <h2 id="redemption-title">${m.title}</h2>
      ${this.sessionEnded
        ? html`<p part="notice" class="notice info" role="alert">${m.sessionEnded}</p>`
        : !this.signedIn
          ? html`<p part="notice" class="notice info">${m.signInFirst}</p>`
          : nothing}
      ${this.signedIn ? this.renderCards(m) : nothing}
      ${this.schemes?.length
        ? this.renderPartnerForm(m, locale)
        : this.siteId && !this.schemes && !this.error
          ? html`<p class="muted" role="status">${m.loading}</p>`
          : nothing}
      ${this.added.length ? this.renderAdded(m) : nothing} ${error}
    </section>`;
  }

  private renderCards(m: RedemptionMessages) {
    // A failed load shows its error (with retry) alone, not a loading line that never ends.
    if (!this.cards) return this.error ? nothing : html`<p class="muted" role="status">${m.loading}</p>`;
    return html`<section aria-labelledby="cards-title">
      <h3 id="cards-title">${m.yourCards}</h3>
      ${this.cards.length
        ? html`<ul part="cards" class="cards">
            ${this.cards.map((card) => this.renderCard(m, card))}
          </ul>`
        : html`<p>${m.noCards}</p>`}
    </section>`;
  }

  private renderCard(m: RedemptionMessages, card: TicketRedemptionCard) {
    const label = m.subscription(card.maskedCardNumber ?? '');
    const active = card.status === undefined || card.status === 'Active';
    const inUse = this.added.some((a) => a.card.id === card.id);
    const problem = this.cardProblems[card.id];
    const owner = card.memberName ? [card.memberName.givenName, card.memberName.familyName].filter(Boolean).join(' ') : '';
    const id = cssId(card.id);
    return html`<li part="card" class="card" data-card-id=${card.id} ?data-friend=${!!card.friendId}>
      <p class="card-name" id="card-${id}">${label}</p>
      ${card.friendId ? html`<p class="friend">${owner ? m.sharedBy(owner) : m.friendsCard}</p>` : nothing}
      ${!active ? html`<p class="muted">${m.notActive}</p>` : nothing}
      ${problem
        ? html`<div class="card-problem" role="alert"><p class="field-problem">${problem.text}</p>${problem.detail ? html`<p>${problem.detail}</p>` : nothing}</div>`
        : nothing}
      ${inUse
        ? html`<p class="in-use">${m.inUse}</p>`
        : active
          ? html`<button
              type="button"
              part="use-card"
              aria-label=${m.useCardLabel(card.friendId && owner ? `${label}, ${m.sharedBy(owner)}` : label)}
              ?disabled=${this.busy !== undefined}
              @click=${() => this.useMemberCard(card, card.friendId && owner ? `${label} (${owner})` : label)}
            >
              ${this.busy === card.id ? m.adding : m.useCard}
            </button>`
          : nothing}
    </li>`;
  }

  private renderPartnerForm(m: RedemptionMessages, locale: string) {
    const problem = this.formProblem;
    return html`<form part="third-party-form" class="partner" novalidate aria-labelledby="partner-title" @submit=${(e: SubmitEvent) => this.addPartnerCard(e)}>
      <h3 id="partner-title">${m.partnerTitle}</h3>
      ${renderSummary(
        m.summaryTitle,
        problem ? [{ text: problem.detail ? `${problem.text}: ${problem.detail}` : problem.text, ...(problem.field ? { field: problem.field } : {}) }] : [],
        () => this.shadowRoot,
      )}
      <fieldset ?disabled=${this.busy !== undefined}>
        <div class="field">
          <label for="scheme">${m.scheme}</label>
          <select id="scheme" name="scheme">
            ${this.schemes!.map((s) => html`<option value=${s.id}>${localizedText(s.name, locale)}</option>`)}
          </select>
        </div>
        <div @input=${(e: Event) => this.chooseSchemeFromNumber(e, locale)}>
          ${renderField({
            id: 'card-number',
            name: 'card-number',
            label: m.cardNumber,
            problem: problem?.field ? problem.text : undefined,
            autocomplete: 'off',
          })}
        </div>
        <p class="sr-only" role="status" aria-live="polite">${this.schemeNote}</p>
        <button type="submit">${this.busy === 'third-party' ? m.adding : m.addCard}</button>
      </fieldset>
    </form>`;
  }

  /**
   * A scheme's card numbers start with its own first `prefixLength` characters, which its
   * `partialFormat` matches (seed): once the patron has typed that much, the scheme is chosen for
   * them when the one selected cannot start this way and exactly one other can.
   */
  private chooseSchemeFromNumber(event: Event, locale: string): void {
    const typed = (event.target as HTMLInputElement).value.replace(/\s+/g, '');
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#scheme');
    const schemes = this.schemes ?? [];
    const selected = schemes.find((s) => s.id === select?.value);
    if (!select || !selected || fitsStart(typed, selected) !== false) return;
    const fitting = schemes.filter((s) => s !== selected && fitsStart(typed, s) === true);
    if (fitting.length !== 1) return;
    select.value = fitting[0]!.id;
    this.schemeNote = this.localize.words.schemeFromNumber(localizedText(fitting[0]!.name, locale));
  }

  private renderAdded(m: RedemptionMessages) {
    const count = this.ticketCount;
    const problem = this.ticketsProblem;
    return html`<section part="added" class="added" aria-labelledby="tickets-title">
      <h3 id="tickets-title">${m.ticketsTitle}</h3>
      <ul class="cards">
        ${this.added.map((entry) => this.renderAddedCard(m, entry))}
      </ul>
      ${problem
        ? html`<div class="notice tickets-problem" tabindex="-1" role="alert">
            <p><strong>${problem.text}</strong></p>
            ${problem.detail ? html`<p>${problem.detail}</p>` : nothing}
          </div>`
        : nothing}
      ${this.ticketsSet
        ? html`<p part="notice" class="notice done" tabindex="-1" role="status">${m.ticketsSet(this.ticketsSet.length)}</p>`
        : html`<button
            type="button"
            part="confirm"
            class="primary"
            ?disabled=${this.busy !== undefined || count === 0 || !this.allWithinLimits}
            @click=${() => this.setTickets()}
          >
            ${this.busy === 'tickets' ? m.confirming : m.confirm(count)}
          </button>`}
    </section>`;
  }

  private renderAddedCard(m: RedemptionMessages, entry: AddedCard) {
    const { limit } = entry;
    const id = cssId(entry.card.id);
    const min = lowest(limit);
    const max = limit.isUnlimited ? undefined : (limit.maximum ?? undefined);
    const valid = withinLimit(entry.quantity, limit);
    const step = (delta: number) => () => this.setQuantity(entry, Math.max(min, max === undefined ? entry.quantity + delta : Math.min(max, entry.quantity + delta)));
    return html`<li class="card added-card" data-card-id=${entry.card.id}>
      <p class="card-name">${entry.label}</p>
      <p part="limit" class="muted" id="limit-${id}">${limitText(m, limit)}</p>
      <div class="field">
        <label for="quantity-${id}">${m.quantity}</label>
        ${valid ? nothing : html`<p id="quantity-${id}-problem" class="field-problem">${m.outOfRange}</p>`}
        <div class="stepper">
          <button type="button" aria-label=${m.fewer} ?disabled=${entry.quantity <= min} @click=${step(-1)}>−</button>
          <input
            part="quantity"
            id="quantity-${id}"
            type="number"
            inputmode="numeric"
            min=${min}
            max=${max ?? nothing}
            .value=${String(entry.quantity)}
            aria-invalid=${valid ? 'false' : 'true'}
            aria-describedby=${valid ? `limit-${id}` : `limit-${id} quantity-${id}-problem`}
            @change=${(e: Event) => this.setQuantity(entry, Math.floor(Number((e.target as HTMLInputElement).value) || 0))}
          />
          <button type="button" aria-label=${m.more} ?disabled=${max !== undefined && entry.quantity >= max} @click=${step(1)}>+</button>
        </div>
      </div>
      <button type="button" class="link" @click=${() => this.removeCard(entry)}>${m.remove}</button>
    </li>`;
  }
}

/**
 * The card's limit within the scheme's `redemptionLimitPerShowtime` (seed), which caps every card
 * of the scheme for one showtime whatever the card itself allows.
 */
function withSchemeLimit(limit: RedemptionLimit, perShowtime: number | null | undefined): RedemptionLimit {
  if (typeof perShowtime !== 'number' || !Number.isInteger(perShowtime) || perShowtime < 1) return limit;
  const maximum = limit.isUnlimited || limit.maximum === null ? perShowtime : Math.min(limit.maximum, perShowtime);
  return { ...limit, isUnlimited: false, maximum };
}

/**
 * Whether a typed number can be the start of a scheme's card: `undefined` when the scheme cannot
 * tell (no `partialFormat`, a pattern JavaScript cannot read, or fewer characters than its
 * `prefixLength` typed).
 */
function fitsStart(typed: string, scheme: ThirdPartyMemberScheme): boolean | undefined {
  const format = scheme.cardNumberFormat;
  if (!format?.partialFormat || typed.length < Math.max(1, format.prefixLength ?? 0)) return undefined;
  try {
    return new RegExp(format.partialFormat).test(typed);
  } catch {
    return undefined;
  }
}

/** A 4xx problem from Vista that refuses what was asked (not the session, not the rate): a refusal, whatever its code. */
function isRefusal(error: VendorError): boolean {
  const status = error.status ?? 0;
  return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 408 && status !== 429;
}

/** Vista's reason, when it gave one beyond a generic title ("Bad Request"): never an "undefined". */
function reasonOf(error: VendorError): { detail?: string } {
  const detail = (error.details as { detail?: unknown } | undefined)?.detail;
  return typeof detail === 'string' && detail.trim() ? { detail: detail.trim() } : {};
}

function uniqueById(tickets: ShowtimeTicket[]): ShowtimeTicket[] {
  const seen = new Set<string>();
  return tickets.filter((t) => t && typeof t.id === 'string' && !seen.has(t.id) && seen.add(t.id));
}

/** The fewest tickets a card takes once used: its minimum, and at least one. */
function lowest(limit: RedemptionLimit): number {
  return Math.max(1, limit.minimum ?? 1);
}

function withinLimit(quantity: number, limit: RedemptionLimit): boolean {
  if (!Number.isInteger(quantity) || quantity < lowest(limit)) return false;
  return limit.isUnlimited || limit.maximum === null || quantity <= limit.maximum;
}

function limitText(m: RedemptionMessages, limit: RedemptionLimit): string {
  const min = limit.minimum ?? 0;
  if (limit.isUnlimited || limit.maximum === null) return min > 1 ? m.atLeast(min) : m.unlimited;
  if (min > 0 && min === limit.maximum) return m.exactly(min);
  return min > 1 ? m.between(min, limit.maximum) : m.upTo(limit.maximum);
}

/**
 * Whether a card number fits its scheme's `fullFormat`, so that a typo is caught before a call.
 * A pattern JavaScript cannot read (Vista's are written for .NET) checks nothing: Vista decides.
 */
function matchesFormat(cardNumber: string, pattern: string | null | undefined): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern).test(cardNumber);
  } catch {
    return true;
  }
}

/** A card id usable in an element id (Vista ids are UUIDs, but a server may send anything). */
function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

define('vista-ticket-redemption', VistaTicketRedemption);

declare global {
  interface HTMLElementTagNameMap {
    'vista-ticket-redemption': VistaTicketRedemption;
  }
  interface GlobalEventHandlersEventMap {
    'vista-redemption-card-added': VistaRedemptionCardAddedEvent;
    'vista-showtime-tickets-set': VistaShowtimeTicketsSetEvent;
    'vista-redemption-error': VistaRedemptionErrorEvent;
  }
}
