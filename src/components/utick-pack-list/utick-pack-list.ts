import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { getPackDetails, listPacks } from '../../api/utick/catalogue.js';
import { UTICK_MAX_LIMIT, type UtickPack, type UtickPackDetails, type UtickPackSet, type UtickStock } from '../../api/utick/types.js';
import { asError, ConfigError, isAbortError } from '../../api/errors.js';
import { renderErrorView } from '../../shared/error-view.js';
import { checkAddress } from '../../shared/attribute-checks.js';
import { define, FocusAfterRender, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { safeHttpUrl, vendorHtml, vendorText } from '../../shared/sanitize.js';
import { isValidTimeZone } from '../../shared/time-zone.js';
import { formatUtickDateTime, UTICK_DEFAULT_TIME_ZONE, utickInstant } from '../../shared/utick/dates.js';
import { UtickErrorEvent } from '../../shared/utick/events.js';
import { renderUtickLoading } from '../../shared/utick/loading.js';
import { PACK_LIST_MESSAGES, type PackListMessages, type PackTypeName } from './utick-pack-list.messages.js';
import { styles } from './utick-pack-list.styles.js';

export * from '../../shared/utick/events.js';

export const DEFAULT_PACK_LIMIT = 20;

/** Seed: "Pack type ids". */
const PACK_TYPE_NAMES: Readonly<Record<number, PackTypeName>> = { 1: 'standard', 10: 'shopping', 20: 'passport', 100: 'card' };

type PackDetailsState = { status: 'loading' } | { status: 'done'; details: UtickPackDetails } | { status: 'error'; error: Error };

const priceFormats = new Map<string, Intl.NumberFormat>();

function formatPrice(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = priceFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // A currency code Intl does not know: the number, then the code as sent.
      return `${amount} ${currency}`;
    }
    priceFormats.set(key, format);
  }
  return format.format(amount);
}

/**
 * Utick's published packs (subscriptions, passes, cards, gift vouchers), a page at a time
 * (`limit`/`offset`, never more than 200), with their type, image, sanitized description and a
 * buy link (http(s) only); the sets of stocks a pack holds are fetched when a patron opens it.
 * `api-base` is the venue's signing proxy, never Utick itself.
 *
 * @attr api-base - The venue's Utick signing proxy (required).
 * @attr limit - Packs per page, 1–200 (default 20).
 * @attr stock-id - One stock (a performance): an opened pack shows only it, asked with Utick's `stockid` filter.
 * @attr time-zone - IANA zone the stocks' dates are shown in (default `Europe/Brussels`).
 * @attr locale - BCP 47 locale (default: the nearest `lang`, then the browser's).
 *
 * @fires utick-error - The packs, or a pack's details, could not be loaded (`detail.error`).
 *
 * @csspart list - The list of packs.
 * @csspart pack - One pack.
 * @csspart children - The packs listed under their parent pack (`mainpackid`).
 * @csspart image - A pack's image.
 * @csspart type - A pack's type label.
 * @csspart buy - A pack's buy link (`shop_url`).
 * @csspart details-toggle - The button that shows a pack's sets of stocks.
 * @csspart sets - A pack's sets of stocks, once opened.
 * @csspart set - One set.
 * @csspart stock - One stock of a set.
 * @csspart pager - The previous / next navigation.
 * @csspart error - The failure message (retry button `retry`).
 * @csspart loading - The loading placeholder.
 *
 * @cssprop --av-accent - Accent colour (buttons, links, focus rings).
 * @cssprop --av-on-accent - Text on the accent colour.
 * @cssprop --av-text - Text colour.
 * @cssprop --av-muted - Secondary text colour.
 * @cssprop --av-surface - Card background.
 * @cssprop --av-surface-alt - Background of the opened sets.
 * @cssprop --av-border - Border colour.
 * @cssprop --av-radius - Corner radius.
 * @cssprop --av-gap - Space between cards.
 * @cssprop --av-font - Font family.
 * @tagname utick-pack-list
 */
export class UtickPackList extends WidgetElement {
  static override styles = styles;

  /** The words of the page's language (renders again when they, or the sanitizer, arrive). */
  private readonly localize = new LocalizeController(this, PACK_LIST_MESSAGES);
  /** Moves focus to the list once a new page is there (after Previous / Next). */
  private readonly focusAfterRender = new FocusAfterRender(this);

  @property({ attribute: 'api-base' }) apiBase = '';
  /** Packs per page (seed: at most 200). */
  @property({ type: Number }) limit = DEFAULT_PACK_LIMIT;
  /** A stock (a performance): opened packs show only it (seed: the `stockid` filter). */
  @property({ attribute: 'stock-id' }) stockId = '';
  @property({ attribute: 'time-zone' }) timeZone = UTICK_DEFAULT_TIME_ZONE;
  @property() locale = '';

  /** The record offset of the page shown. */
  @state() private offset = 0;
  /** Opened packs and their details, by pack id (kept while the page is shown). */
  @state() private opened = new Map<string, PackDetailsState>();
  private readonly detailRequests = new Map<string, AbortController>();

  private readonly packs = new Task<[string, number, number], UtickPack[]>(this, {
    task: async ([apiBase, limit, offset], { signal }) => {
      try {
        if (!apiBase.trim()) throw new ConfigError('api-base is required: the address of the venue’s Utick signing proxy', 'api-base');
        checkAddress(apiBase, 'api-base');
        if (!Number.isInteger(limit) || limit < 1 || limit > UTICK_MAX_LIMIT) {
          throw new ConfigError(`limit must be a whole number from 1 to ${UTICK_MAX_LIMIT} (got "${String(this.getAttribute('limit') ?? limit).slice(0, 40)}")`, 'limit');
        }
        if (!isValidTimeZone(this.zone)) throw new ConfigError(`time-zone "${this.zone.slice(0, 60)}" is not an IANA time zone`, 'time-zone');
        return await listPacks(apiBase, { limit, offset }, { signal });
      } catch (cause) {
        if (signal.aborted || isAbortError(cause)) throw cause;
        throw this.reportUtickError(cause);
      }
    },
    args: () => [this.apiBase ?? '', this.limit, this.offset],
  });

  /** Loads the page again (what the retry button does). */
  reload(): void {
    void this.packs.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeAll();
  }

  private get zone(): string {
    return this.timeZone?.trim() || UTICK_DEFAULT_TIME_ZONE;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Another source or page size starts from the first page.
    if (changed.has('apiBase') || changed.has('limit')) this.offset = 0;
    if (changed.has('apiBase') || changed.has('limit') || changed.has('offset') || changed.has('stockId')) this.closeAll();
  }

  private reportUtickError(cause: unknown): Error {
    return this.reportError(cause, 'utick-error', UtickErrorEvent);
  }

  private closeAll(): void {
    for (const request of this.detailRequests.values()) request.abort();
    this.detailRequests.clear();
    if (this.opened.size > 0) this.opened = new Map();
  }

  private goTo(offset: number): void {
    this.offset = Math.max(0, offset);
    // The range line is only there once the new page has loaded (the skeleton has none).
    this.focusAfterRender.request('.range');
  }

  private setOpened(packId: string, value: PackDetailsState | undefined): void {
    const next = new Map(this.opened);
    if (value) next.set(packId, value);
    else next.delete(packId);
    this.opened = next;
  }

  /** Opens a pack (fetching its sets the first time) or closes it. */
  private async toggle(pack: UtickPack): Promise<void> {
    const current = this.opened.get(pack.id);
    if (current && current.status !== 'error') {
      this.detailRequests.get(pack.id)?.abort();
      this.detailRequests.delete(pack.id);
      this.setOpened(pack.id, undefined);
      return;
    }
    const request = new AbortController();
    this.detailRequests.set(pack.id, request);
    this.setOpened(pack.id, { status: 'loading' });
    try {
      const details = await getPackDetails(this.apiBase, pack.id, { signal: request.signal, stockId: this.stockId?.trim() || undefined });
      if (!request.signal.aborted) this.setOpened(pack.id, { status: 'done', details });
    } catch (cause) {
      if (request.signal.aborted || isAbortError(cause)) return;
      this.setOpened(pack.id, { status: 'error', error: this.reportUtickError(cause) });
    }
  }

  override render() {
    const locale = this.localize.locale;
    const m = this.localize.ready;
    if (!m) return renderUtickLoading(this.localize.words.loading, 3);
    return this.packs.render({
      initial: () => renderUtickLoading(m.loading, 3),
      pending: () => renderUtickLoading(m.loading, 3),
      error: (error) => renderErrorView(asError(error), { locale, vendorName: 'Utick', onRetry: () => this.reload() }),
      complete: (packs) => this.renderPage(packs, m, locale),
    });
  }

  private renderPage(packs: UtickPack[], m: PackListMessages, locale: string) {
    const offset = this.offset;
    const hasPrevious = offset > 0;
    // No total in Utick's answer: a full page may have a next one, a short page is the last.
    const hasNext = packs.length === this.limit;
    if (packs.length === 0 && !hasPrevious) return html`<p class="empty">${m.empty}</p>`;
    // A pack with a `mainpackid` (seed) is listed under its parent when the parent is on this page.
    const onPage = new Set(packs.map((pack) => pack.id));
    const parentOf = (pack: UtickPack) => (typeof pack.mainpackid === 'string' && pack.mainpackid !== pack.id && onPage.has(pack.mainpackid) ? pack.mainpackid : undefined);
    const children = new Map<string, UtickPack[]>();
    for (const pack of packs) {
      const parent = parentOf(pack);
      if (parent) children.set(parent, [...(children.get(parent) ?? []), pack]);
    }
    return html`${packs.length > 0
        ? html`<ol part="list" class="grid" aria-label=${m.listLabel}>
            ${packs.filter((pack) => !parentOf(pack)).map((pack) => this.renderPack(pack, m, locale, children.get(pack.id)))}
          </ol>`
        : html`<p class="empty">${m.noMore}</p>`}
      ${hasPrevious || hasNext
        ? html`<nav part="pager" class="pager list-footer" aria-label=${m.pagerLabel}>
            <button type="button" class="button secondary" data-page="previous" ?disabled=${!hasPrevious} @click=${() => this.goTo(offset - this.limit)}>${m.previous}</button>
            <p class="range list-footer-note" tabindex="-1" aria-live="polite">${packs.length > 0 ? m.range(offset + 1, offset + packs.length) : m.noMore}</p>
            <button type="button" class="button secondary" data-page="next" ?disabled=${!hasNext} @click=${() => this.goTo(offset + this.limit)}>${m.next}</button>
          </nav>`
        : nothing}`;
  }

  private renderPack(pack: UtickPack, m: PackListMessages, locale: string, children: UtickPack[] = []): TemplateResult {
    const typeName = PACK_TYPE_NAMES[pack.typeid];
    const image = safeHttpUrl(pack.image_url);
    const buy = safeHttpUrl(pack.shop_url);
    const opened = this.opened.get(pack.id);
    const setsId = `sets-${pack.id}`;
    const max = Number(pack.itemnb_max);
    const min = Number(pack.itemnb_min);
    return html`<li part="pack" class="card pack" data-pack-id=${pack.id}>
      ${image ? html`<img part="image" class="image" src=${image} alt="" loading="lazy" decoding="async" />` : nothing}
      <div class="card-body">
        <span part="type" class="type" data-type=${typeName ?? 'other'}>${m.types[typeName ?? 'other']}</span>
        <h3 class="title">${pack.label}</h3>
        ${pack.description ? html`<div class="description vendor-html">${vendorHtml(pack.description)}</div>` : nothing}
        ${max > 0 ? html`<p class="pick">${m.pick(Math.max(0, min || 0), max)}</p>` : nothing}
        <div class="actions">
          ${buy ? html`<a part="buy" class="button" href=${buy} target="_blank" rel="noopener" aria-label=${`${m.buy}: ${vendorText(pack.label)}`}>${m.buy}</a>` : nothing}
          <button
            part="details-toggle"
            type="button"
            class="button secondary"
            aria-expanded=${opened && opened.status !== 'error' ? 'true' : 'false'}
            aria-controls=${setsId}
            @click=${() => this.toggle(pack)}
          >
            ${opened && opened.status !== 'error' ? m.hideDetails : m.showDetails}
          </button>
        </div>
        <div id=${setsId} class="sets-region">${opened ? this.renderDetails(pack, opened, m, locale) : nothing}</div>
        ${children.length
          ? html`<ul part="children" class="children" aria-label=${m.childPacks(vendorText(pack.label))}>
              ${children.map((child) => this.renderPack(child, m, locale))}
            </ul>`
          : nothing}
      </div>
    </li>`;
  }

  private renderDetails(pack: UtickPack, opened: PackDetailsState, m: PackListMessages, locale: string) {
    if (opened.status === 'loading') return html`<p class="details-loading" role="status">${m.detailsLoading}</p>`;
    if (opened.status === 'error') return renderErrorView(opened.error, { locale, vendorName: 'Utick', onRetry: () => this.toggle(pack) });
    // Sets and stocks beyond the seed's fields may be absent: show what there is, never throw.
    const sets = arrayOf(opened.details?.sets).filter(isObject);
    const stockOnly = this.stockId?.trim();
    if (stockOnly && !sets.some((set) => arrayOf(set.stocks).length > 0)) return html`<p class="empty-set">${m.stockNotInPack}</p>`;
    if (!sets.length) return html`<p class="empty-set">${m.noStocks}</p>`;
    return html`<div part="sets" class="sets">${sets.map((set) => this.renderSet(set, m, locale))}</div>`;
  }

  private renderSet(set: UtickPackSet, m: PackListMessages, locale: string) {
    const max = Number(set.itemnb_max);
    const stocks = arrayOf(set.stocks).filter(isObject);
    return html`<section part="set" class="set" data-set-id=${String(set.id ?? '')}>
      ${set.label ? html`<h4 class="set-title">${set.label}</h4>` : nothing}
      ${set.description ? html`<div class="set-description vendor-html">${vendorHtml(set.description)}</div>` : nothing}
      ${max > 0 ? html`<p class="pick">${m.pick(Math.max(0, Number(set.itemnb_min) || 0), max)}</p>` : nothing}
      ${stocks.length === 0
        ? html`<p class="empty-set">${m.noStocks}</p>`
        : html`<ul class="stocks">
            ${stocks.map((stock) => this.renderStock(stock, m, locale))}
          </ul>`}
    </section>`;
  }

  private renderStock(stock: UtickStock, m: PackListMessages, locale: string) {
    const start = utickInstant(typeof stock.starttime === 'string' ? stock.starttime : null);
    const price = typeof stock.price === 'number' && typeof stock.currency === 'string' && stock.currency ? formatPrice(stock.price, stock.currency, locale) : '';
    // `starttime: null` is an undated item (a voucher); no `starttime` at all says nothing of a date.
    const when =
      start !== undefined
        ? html`<time datetime=${new Date(start).toISOString()}>${formatUtickDateTime(start, this.zone, locale)}</time>`
        : stock.starttime === null
          ? m.undated
          : undefined;
    return html`<li part="stock" class="stock" data-stock-id=${String(stock.id ?? '')} data-available=${String(stock.available !== false)}>
      <span class="stock-label">${typeof stock.label === 'string' && stock.label ? stock.label : String(stock.id ?? '')}</span>
      ${when === undefined ? nothing : html`<span class="stock-when">${when}</span>`}
      ${typeof stock.venue === 'string' && stock.venue ? html`<span class="stock-venue">${stock.venue}</span>` : nothing}
      ${price ? html`<span class="stock-price">${price}</span>` : nothing}
      ${stock.available === false ? html`<span class="sold-out">${m.soldOut}</span>` : nothing}
    </li>`;
  }
}

function arrayOf<T>(value: T[] | null | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

function isObject<T>(value: T): value is T & object {
  return typeof value === 'object' && value !== null;
}

define('utick-pack-list', UtickPackList);

declare global {
  interface HTMLElementTagNameMap {
    'utick-pack-list': UtickPackList;
  }
}
