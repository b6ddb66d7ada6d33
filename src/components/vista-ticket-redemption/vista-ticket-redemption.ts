import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ShowtimeTicket } from '../../api/vista/types.js';
import { errorViewStyles } from '../../shared/error-view.js';
import { lateChunk } from '../../shared/late-content.js';
import { define, FocusAfterRender, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { localizedText } from '../../api/vista/text.js';
import { renderField, renderSummary, renderVistaError } from '../../shared/vista/form.js';
import type { VistaSessionMode } from '../../shared/vista/session.js';
import { vistaThemeStyles } from '../../shared/vista/theme.styles.js';
import { CardRedemption } from './controllers/card-redemption.js';
import { MemberCardsController } from './controllers/member-cards.js';
import type { RedemptionContext } from './controllers/redemption-host.js';
import { cssId, lowest, withinLimit } from './redemption-rules.js';
import { renderCards } from './views/cards.js';
import type { PartnerCardForm } from './views/partner-form.js';
import type { RedemptionView } from './views/redemption-view.js';
import { VistaRedemptionCardAddedEvent, VistaRedemptionErrorEvent, VistaShowtimeTicketsSetEvent } from './vista-ticket-redemption.events.js';
import { REDEMPTION_MESSAGES } from './vista-ticket-redemption.messages.js';
import { redemptionStyles } from './vista-ticket-redemption.styles.js';

/** The cards in use (views/added.ts): their own chunk, fetched as the element connects. */
const addedView = lateChunk(() => import('./views/added.js'));

export type { OrderTicket, RedemptionLimit, ShowtimeTicket, TicketRedemptionCard } from '../../api/vista/types.js';
export type { WidgetErrorDetail } from '../../shared/events.js';
export * from './vista-ticket-redemption.events.js';

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

  /** A failure shown in `part="error"`, and what its retry button does. */
  @state() private error?: Error;
  private retryAction?: () => void;
  /** Where focus goes once the next screen is rendered (a result, a summary of problems). */
  private readonly focusAfterRender = new FocusAfterRender(this);
  /** The words of the page's language (renders again when they, or the sanitizer, arrive). */
  private readonly localize = new LocalizeController(this, REDEMPTION_MESSAGES);
  /** @internal */
  readonly ctx: RedemptionContext = {
    host: this,
    words: () => this.localize.words,
    locale: () => this.localize.locale,
    focus: (selector) => this.focusAfterRender.request(selector),
    report: (thrown) => this.reportError(thrown, 'vista-redemption-error', VistaRedemptionErrorEvent),
    show: (error, retry) => {
      this.error = error;
      this.retryAction = retry;
    },
    cardAdded: (detail) => this.emit('vista-redemption-card-added', new VistaRedemptionCardAddedEvent(detail)),
    ticketsSet: (detail) => this.emit('vista-showtime-tickets-set', new VistaShowtimeTicketsSetEvent(detail)),
  };
  /** @internal The start, the member's cards and the site's schemes, loaded; the session watched. */
  readonly loads: MemberCardsController = new MemberCardsController(
    this.ctx,
    () => this.redemption.reset(),
    () => this.redemption.keepPartnerCards(),
  );
  /** @internal Cards added and the showtime's tickets set. */
  readonly redemption = new CardRedemption(this.ctx, this.loads, addedView.load);
  /** @internal */
  readonly parts: RedemptionView['parts'] = { html, nothing, renderField, renderSummary, localizedText, cssId, lowest, withinLimit };
  /** The partner card form: its own chunk, loaded only where a site's schemes may be offered (`site-id`). */
  private partnerForm?: PartnerCardForm;
  private partnerFormLoad?: Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    // The cards in use travel while the cards load; adding a card waits for them (and fetches again after a failure).
    addedView.load().catch(() => undefined);
  }

  protected override willUpdate(): void {
    if (!this.siteId || this.partnerFormLoad) return;
    this.partnerFormLoad = import('./views/partner-form.js').then(
      ({ PartnerCardForm }) => {
        this.partnerForm = new PartnerCardForm(this);
        this.requestUpdate();
      },
      (error: unknown) => {
        this.partnerFormLoad = undefined;
        this.ctx.show(this.ctx.report(error), () => this.requestUpdate());
      },
    );
  }

  override render() {
    const locale = this.localize.locale;
    const m = this.localize.ready;
    if (!m) return html`<p class="muted" role="status">…</p>`;
    const error = renderVistaError(this.error, locale, this.retryAction, () => (this.error = undefined));
    if (this.error?.name === 'ConfigError' && !this.orderId) return error;
    const { loads } = this;
    const schemes = loads.schemeList;
    const partnerForm = schemes?.length ? this.partnerForm : undefined;
    return html`<section class="panel" aria-labelledby="redemption-title">
      <h2 id="redemption-title">${m.title}</h2>
      ${loads.sessionEnded
        ? html`<p part="notice" class="notice info" role="alert">${m.sessionEnded}</p>`
        : !loads.signedIn
          ? html`<p part="notice" class="notice info">${m.signInFirst}</p>`
          : nothing}
      ${loads.signedIn ? renderCards(this, m, !!this.error) : nothing}
      ${partnerForm
        ? partnerForm.render(m, schemes!, locale)
        : this.siteId && (!schemes || schemes.length > 0) && !this.error
          ? html`<p class="muted" role="status">${m.loading}</p>`
          : nothing}
      ${this.redemption.added.length && addedView.module ? addedView.module.renderAdded(this, m) : nothing} ${error}
    </section>`;
  }
}

define('vista-ticket-redemption', VistaTicketRedemption);

declare global {
  interface HTMLElementTagNameMap {
    'vista-ticket-redemption': VistaTicketRedemption;
  }
}
