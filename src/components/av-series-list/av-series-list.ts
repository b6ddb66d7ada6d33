import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { fetchEvents, type PublicQuery } from '../../api/audienceview/public.js';
import { PRODUCTION_COLOURS, type SeriesInformation, type SeriesResponse } from '../../api/audienceview/types.js';
import { ConfigError } from '../../api/errors.js';
import { AvCardList, formatDateRange, isoRange, renderVenue } from '../../shared/audienceview/cards.js';
import { DEFAULT_PURCHASE_URL, epochReadingOf, purchaseLink, seriesDateRange, seriesWhereReadingMatters, venueInstant, type EpochReading } from '../../shared/audienceview/performance.js';
import { isPublicSeries, loadSeason } from '../../shared/audienceview/productions.js';
import { headingLevelBelow } from '../../shared/heading-level.js';
import { safeHttpUrl, sanitizerFor, vendorHtml } from '../../shared/sanitize.js';
import { SERIES_LIST_MESSAGES, type SeriesListMessages } from './av-series-list.messages.js';
import { styles } from './av-series-list.styles.js';

import type { AvSeriesClickDetail } from '../../shared/audienceview/events.js';
import { WidgetEvent } from '../../shared/events.js';
import { define, LocalizeController } from '../../shared/widget-element.js';
import { cssProperties } from '../../shared/css-properties.js';
import { lateArrivals } from '../../shared/late-content.js';
export * from '../../shared/audienceview/events.js';

/** A patron chose a series. Cancelable: `preventDefault()` keeps the page from following the link. */
export class AvSeriesClickEvent extends WidgetEvent<AvSeriesClickDetail> {
  constructor(detail: AvSeriesClickDetail) {
    super('av-series-click', detail, { cancelable: true });
  }
}

/** A series' page on AudienceView's public site (VENDOR-NOTES: `/trs/pr/{productionId}`). */
export const DEFAULT_PRODUCTION_URL = 'https://web.ovationtix.com/trs/pr/{productionId}';

const HOUR = 3_600_000;

/** Dark text for the seed's production colours (all light); white on a dark custom colour. */
const DARK_TEXT = '#1d1b20';

/**
 * The season at an AudienceView Professional venue: one card per series (`/public/series/…`),
 * coloured by `productionStyle`, with logo, titles, dates, venue, purchase alert, description
 * and a buy link. Only series with `productionStatus` 'T' are shown.
 *
 * @attr api-base - Base URL of the AudienceView API (default `https://api.ovationtix.com`).
 * @attr client-id - The AudienceView client number (required).
 * @attr production-id - Only this series.
 * @attr department-id - Only this department's series.
 * @attr time-zone - The venue's IANA zone (default `America/New_York`).
 * @attr locale - BCP 47 locale (default: the nearest `lang`, then the browser's).
 * @attr purchase-url - Link for a series with one performance left; `{performanceId}` is replaced.
 * @attr production-url - Link for a series' page; `{productionId}` is replaced.
 *
 * @fires av-series-click - A patron chose a series' buy link (cancelable: cancel to handle it yourself; `detail.series`).
 * @fires av-error - The season could not be loaded (`detail.error`, its `name` one of the contract's error names).
 *
 * @csspart list - The list of cards.
 * @csspart series - One series card (its background is the series' production colour).
 * @csspart logo - The series logo.
 * @csspart title - The series name.
 * @csspart dates - The first and last performance dates.
 * @csspart venue - Venue name and address.
 * @csspart buy - The buy link.
 * @csspart warning - A notice AudienceView sent with the answer.
 * @csspart error - The failure message, with a retry button (`retry`).
 * @csspart retry - The retry button.
 * @csspart loading - The loading skeleton.
 *
 * @cssprop --av-accent - Accent colour (buttons, focus rings).
 * @cssprop --av-on-accent - Text on the accent colour.
 * @cssprop --av-text - Text colour.
 * @cssprop --av-muted - Secondary text colour.
 * @cssprop --av-surface - Background of the element's own surfaces.
 * @cssprop --av-border - Border colour.
 * @cssprop --av-radius - Corner radius.
 * @cssprop --av-gap - Space between cards.
 * @cssprop --av-font - Font family.
 * @cssprop --av-series-text - Text colour on the series colours (default: a readable dark or light).
 * @cssprop --av-series-accent - Buy button colour on the series colours.
 * @tagname av-series-list
 */
export class AvSeriesList extends AvCardList<SeriesResponse, SeriesListMessages> {
  static override styles = styles;

  /** Template for a series with exactly one performance left. */
  @property({ attribute: 'purchase-url' }) purchaseUrl = DEFAULT_PURCHASE_URL;
  /** Template for a series' page. */
  @property({ attribute: 'production-url' }) productionUrl = DEFAULT_PRODUCTION_URL;

  protected override readonly localize = new LocalizeController(this, SERIES_LIST_MESSAGES);

  /** The cards' titles are headings one level below the page's heading before the element. */
  @state() private titleLevel = 3;

  override connectedCallback(): void {
    super.connectedCallback();
    this.titleLevel = headingLevelBelow(this);
  }

  /** How each answer's epoch dates read (docs/vendor-readings.md), when it matters for what is shown. */
  private epochReadings = new WeakMap<SeriesResponse, EpochReading>();

  protected override async fetchAnswer(apiBase: string, query: PublicQuery, signal: AbortSignal): Promise<SeriesResponse> {
    // Shared with a calendar or event list on the page, which ask it for the public productions.
    const answer = await loadSeason({ apiBase, ...query }, signal);
    // The series dates are epoch values, the Eastern wall clock or true instants by tenant. The two
    // readings only disagree on a series' day for a venue off Eastern time with a show near
    // midnight: then one production's performances (they carry their wall clock) tell which.
    const ambiguous = seriesWhereReadingMatters((answer.seriesInformation ?? []).filter(isPublicSeries), this.zone);
    if (ambiguous) {
      const events = await fetchEvents(apiBase, { clientId: query.clientId, productionId: ambiguous.productionId }, { signal }).catch(() => undefined);
      const reading = events && epochReadingOf(events.performances ?? [], this.zone);
      if (reading) this.epochReadings.set(answer, reading);
    }
    await sanitizerFor((answer.seriesInformation ?? []).flatMap((s) => [s.purchaseAlert, s.productionDescription, s.shutoffHourMessage, s.noRemainingMessage]));
    return answer;
  }

  protected override checkOwnAttributes(): void {
    if (!purchaseLink(this.purchaseUrl || DEFAULT_PURCHASE_URL, 1)) {
      throw new ConfigError('purchase-url must be an http(s) URL, with {performanceId} where the performance goes', 'purchase-url');
    }
    if (!productionLink(this.productionUrl || DEFAULT_PRODUCTION_URL, 1)) {
      throw new ConfigError('production-url must be an http(s) URL, with {productionId} where the series goes', 'production-url');
    }
  }

  protected override ownArgs(): unknown[] {
    return [this.purchaseUrl, this.productionUrl];
  }

  protected override renderAnswer(answer: SeriesResponse, locale: string) {
    const m = this.localize.words;
    // The seed: only status T is for public display (D deleted, U under construction).
    const series = (answer.seriesInformation ?? []).filter(isPublicSeries);
    if (series.length === 0) return html`<p class="empty">${m.empty}</p>`;
    const shown = this.cards.takeItems(answer, series);
    const reading = this.epochReadings.get(answer);
    const late = lateArrivals();
    return html`<ul part="list" class="grid" aria-label=${m.listLabel} aria-busy=${this.cards.growing ? 'true' : 'false'}>
      ${shown.map((s, i) => {
        const closed = !s.hasAvailableTickets && this.salesClosed(s, reading);
        // Each batch renders the list again: a card already shown is not made again (its dates formatted,
        // its links checked) unless something it shows changed. A season of 130 series made every card
        // again in each batch, most of the list's work on a phone's CPU.
        const shows = [s, locale, m, i === 0, reading, closed, late, this.zone, this.titleLevel, this.purchaseUrl, this.productionUrl];
        return guard(shows, () => this.renderSeries(s, locale, m, i, closed, reading));
      })}
    </ul>`;
  }

  private renderSeries(s: SeriesInformation, locale: string, m: SeriesListMessages, index: number, closed: boolean, reading?: EpochReading) {
    const colour = (PRODUCTION_COLOURS[s.productionStyle] ?? PRODUCTION_COLOURS[0]).hex;
    const logo = safeHttpUrl(s.productionLogoLink);
    const { first, last } = seriesDateRange(s, this.zone, reading);
    const iso = isoRange(first, last);
    const buyUrl = s.hasAvailableTickets ? this.buyUrl(s) : undefined;
    const unavailable = s.hasAvailableTickets ? undefined : this.unavailableMessage(s, m, closed);
    return html`<li
      part="series"
      class="card series"
      data-production-id=${s.productionId}
      data-style=${s.productionStyle}
      ${cssProperties({ '--_series-bg': colour, '--_series-text': `var(--av-series-text, ${readableTextOn(colour)})` })}
    >
      ${logo
        ? // The first logo is on screen at once and usually the page's largest paint: fetched first, not lazily.
          html`<img part="logo" class="logo" src=${logo} alt=${s.productionLogoAltName?.trim() || s.productionName} loading=${index === 0 ? 'eager' : 'lazy'} fetchpriority=${index === 0 ? 'high' : 'auto'} decoding="async" />`
        : nothing}
      <div class="card-body">
        ${s.seriesSuperTitle?.trim() ? html`<p class="eyebrow">${s.seriesSuperTitle}</p>` : nothing}
        <p part="title" class="title" role="heading" aria-level=${this.titleLevel}>${s.productionName}</p>
        ${s.seriesSubTitle?.trim() ? html`<p class="subtitle">${s.seriesSubTitle}</p>` : nothing}
        <p part="dates" class="dates" data-first=${iso.first} data-last=${iso.last}>${formatDateRange(first, last, locale)}</p>
        ${renderVenue(s.productionVenue)}
        ${s.purchaseAlert?.trim() ? html`<div class="alert vendor-html">${vendorHtml(s.purchaseAlert)}</div>` : nothing}
        ${s.productionDescription?.trim() ? html`<div class="description vendor-html">${vendorHtml(s.productionDescription)}</div>` : nothing}
        ${unavailable ? html`<div class="unavailable vendor-html" data-reason=${unavailable.reason}>${unavailable.content}</div>` : nothing}
        ${buyUrl
          ? html`<p class="actions">
              <a part="buy" class="button buy" href=${buyUrl} @click=${(e: Event) => this.emit('av-series-click', new AvSeriesClickEvent({ series: s })) || e.preventDefault()}
                >${m.buy}<span class="sr-only">: ${s.productionName}</span></a
              >
            </p>`
          : nothing}
      </div>
    </li>`;
  }

  /**
   * The seed: a buy link only when `showLinkToBuyTickets`; straight to the performance when only
   * one is left (`performanceIdIfOnlyOneEventAvailable`), else to the series' page.
   */
  private buyUrl(s: SeriesInformation): string | undefined {
    if (!s.showLinkToBuyTickets) return undefined;
    const only = s.performanceIdIfOnlyOneEventAvailable;
    if (only) return purchaseLink(this.purchaseUrl || DEFAULT_PURCHASE_URL, only);
    return productionLink(this.productionUrl || DEFAULT_PRODUCTION_URL, s.productionId);
  }

  /**
   * `hasAvailableTickets` false means sold out or past the shut-off; the series answer does not
   * say which, so: once the last performance is inside its shut-off window, sales have closed;
   * otherwise the tickets are gone.
   */
  private salesClosed(s: SeriesInformation, reading?: EpochReading): boolean {
    const lastStart = venueInstant(s.lastPerformanceDate, this.zone, reading);
    return Number.isFinite(s.shutoffHour) && this.currentTime >= lastStart - s.shutoffHour * HOUR;
  }

  private unavailableMessage(s: SeriesInformation, m: SeriesListMessages, closed: boolean) {
    const vendor = closed ? s.shutoffHourMessage : s.noRemainingMessage;
    return {
      reason: closed ? 'sales-closed' : 'sold-out',
      content: vendor?.trim() ? vendorHtml(vendor) : html`<p>${closed ? m.salesClosed : m.soldOut}</p>`,
    };
  }
}

/** The production page URL from the `production-url` template, if it is http(s). */
export function productionLink(template: string, productionId: number): string | undefined {
  return safeHttpUrl(template.replaceAll('{productionId}', String(productionId)));
}

/** Dark or white text, whichever contrasts more with a `#rrggbb` background. */
export function readableTextOn(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return DARK_TEXT;
  const channel = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(match[1]!) + 0.7152 * channel(match[2]!) + 0.0722 * channel(match[3]!);
  const darkLuminance = 0.0115; // #1d1b20
  const onDark = (luminance + 0.05) / (darkLuminance + 0.05);
  const onWhite = 1.05 / (luminance + 0.05);
  return onDark >= onWhite ? DARK_TEXT : '#ffffff';
}

define('av-series-list', AvSeriesList);

declare global {
  interface HTMLElementTagNameMap {
    'av-series-list': AvSeriesList;
  }
  interface GlobalEventHandlersEventMap {
    'av-series-click': AvSeriesClickEvent;
  }
}
