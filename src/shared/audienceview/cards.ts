/**
 * What <av-series-list> and <av-event-list> share: the attributes, loading, failure and warning
 * handling of an element that shows one AudienceView public answer as a grid of cards, and the
 * small pieces of card rendering both use (venue address, date ranges, skeletons). The calendar
 * has its own month machinery and does not use this.
 */
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AUDIENCEVIEW_API_BASE, isInactiveClient, type PublicQuery } from '../../api/audienceview/public.js';
import type { PublicApiResponse, ProductionVenue } from '../../api/audienceview/types.js';
import { asError, isAbortError, type VendorError } from '../../api/errors.js';
import { nextTask, untilNextTask } from '../../api/next-task.js';
import { checkAudienceViewAttributes, DEFAULT_TIME_ZONE, warningTexts } from './performance.js';
import { checkAddress } from '../attribute-checks.js';
import { BatchedRenderController } from '../batched-render.js';
import { renderErrorView } from '../error-view.js';
import { AvErrorEvent } from './events.js';
import { isBlank } from '../sanitize.js';
import { WidgetElement, type LocalizeController } from '../widget-element.js';
import { isoDate, prepareTimeZone, type CalendarDate } from '../time-zone.js';

/** Cards rendered in one task: a phone's screen and more. */
const CARD_BATCH = 6;

/** Words the shared parts write; each element's catalog extends this. */
export interface CardListMessages {
  /** Screen-reader label of the loading skeleton. */
  loading: string;
  /** Heading of the non-blocking notice for `warnings` in a 200 answer. */
  warnings: string;
  /** Nothing to show. */
  empty: string;
  /** The client is not active at AudienceView (`clientActive: false`): said politely instead of an empty list. */
  inactive: string;
}

/**
 * The base of the two card lists: AudienceView attributes, `@lit/task` loading (a stale answer
 * is aborted and dropped), `part="loading"` skeleton, `part="error"` with retry, `av-error`, and
 * a `part="warning"` notice. Subclasses say what to fetch and how to show it.
 */
export abstract class AvCardList<Answer extends PublicApiResponse, Messages extends CardListMessages = CardListMessages> extends WidgetElement {
  /** Base URL vendor paths are appended to (a trailing slash is tolerated). */
  @property({ attribute: 'api-base' }) apiBase = AUDIENCEVIEW_API_BASE;
  /** The AudienceView client number (required). */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Only this production (series). */
  @property({ attribute: 'production-id' }) productionId = '';
  /** Only this department. */
  @property({ attribute: 'department-id' }) departmentId = '';
  /** The venue's IANA time zone: every date and time is its wall clock. */
  @property({ attribute: 'time-zone' }) timeZone = DEFAULT_TIME_ZONE;
  /** BCP 47 locale; default the nearest `lang`, then the browser's. */
  @property() locale = '';
  /** The current time (epoch ms) for the shut-off rules; default `Date.now()`. For tests and previews. */
  @property({ attribute: false }) now?: number;

  /** The element's words (and the sanitizer) in the page's language: `new LocalizeController(this, CATALOG)`. */
  protected abstract readonly localize: LocalizeController<Messages>;
  /** The answer for these attributes; attributes are already checked. */
  protected abstract fetchAnswer(apiBase: string, query: PublicQuery, signal: AbortSignal): Promise<Answer>;
  /** Checks of the element's own attributes; throw a ConfigError. */
  protected checkOwnAttributes(): void {}
  /** The element's own inputs that need a new request or a new check when they change. */
  protected ownArgs(): unknown[] {
    return [];
  }
  /** The answer, shown in the resolved locale. */
  protected abstract renderAnswer(answer: Answer, locale: string): TemplateResult | typeof nothing;
  /** How many skeleton cards to show while loading. */
  protected skeletonCount = 3;

  /**
   * The cards, a batch per task (`this.cards.takeItems(answer, items)`): the first at once, the
   * rest after the page has had the main thread. A big venue's season of a hundred series rendered
   * at once held a phone's main thread for over half a second (Lighthouse, 4× CPU).
   */
  protected readonly cards = new BatchedRenderController(this, CARD_BATCH);


  protected readonly data = new Task<unknown[], Answer>(this, {
    task: async (_args, { signal }): Promise<Answer> => {
      try {
        // Empty means AudienceView's own address (documented); anything else must be an address.
        if (this.apiBase) checkAddress(this.apiBase, 'api-base');
        checkAudienceViewAttributes({
          clientId: this.clientId ?? '',
          timeZone: this.zone,
          productionId: this.productionId ?? '',
          departmentId: this.departmentId ?? '',
        });
        this.checkOwnAttributes();
        const query: PublicQuery = { clientId: this.clientId.trim(), productionId: this.productionId || null, departmentId: this.departmentId || null };
        const answer = this.fetchAnswer(this.apiBase || AUDIENCEVIEW_API_BASE, query, signal);
        // The answer's dates will need the zone's format, and the page's first one sets up ICU (10–24 ms
        // unthrottled here): made while the answer travels, in a task after the skeleton's, so that task
        // ends sooner (the event list's first paint came about 50 ms sooner at 4× CPU) and holds no
        // replayed request back.
        const zone = this.zone;
        nextTask(() => prepareTimeZone(zone));
        const ready = await answer;
        // The render in a task of its own: ordering the answer and cleaning its markup (4–12 ms in
        // Lighthouse's unthrottled trace) and the first cards (15–22 ms) were one task, a long one
        // at a phone's speed (×4); each alone stays near or under 50 ms.
        await untilNextTask();
        return ready;
      } catch (cause) {
        // A replaced request is not a failure anyone should hear about.
        if (signal.aborted || isAbortError(cause)) throw cause;
        // An inactive client is not a failure either: its answer says so, politely (see render).
        if (isInactiveClient(cause)) return (cause as VendorError).details as Answer;
        throw this.reportError(cause, 'av-error', AvErrorEvent);
      }
    },
    args: () => [this.apiBase, this.clientId, this.productionId, this.departmentId, this.timeZone, ...this.ownArgs()],
  });

  /** Loads again (what the retry button does). */
  reload(): void {
    void this.data.run();
  }

  protected get currentTime(): number {
    return this.now ?? Date.now();
  }

  /** The venue's zone; an empty attribute means the default, not "no zone". */
  protected get zone(): string {
    return this.timeZone?.trim() || DEFAULT_TIME_ZONE;
  }

  override render() {
    const locale = this.localize.locale;
    // The page's language may still be on its way: the skeleton, not a flash of English words.
    const m = this.localize.ready;
    if (!m) return renderSkeleton(this.localize.words.loading, this.skeletonCount);
    return this.data.render({
      initial: () => renderSkeleton(m.loading, this.skeletonCount),
      pending: () => renderSkeleton(m.loading, this.skeletonCount),
      error: (error) => renderErrorView(asError(error), { locale, vendorName: 'AudienceView', onRetry: () => this.reload() }),
      complete: (answer) =>
        html`${renderWarnings(answer, m.warnings)}${isInactiveClient(answer) ? html`<p part="inactive" class="empty" role="status">${m.inactive}</p>` : this.renderAnswer(answer, locale)}`,
    });
  }
}

/** `part="loading"`: placeholder cards, announced once as busy. */
export function renderSkeleton(label: string, count: number) {
  return html`<div part="loading" class="loading" role="status" aria-busy="true">
    <span class="sr-only">${label}</span>
    <div class="grid" aria-hidden="true">
      ${Array.from({ length: count }, () => html`<div class="card skeleton"><span class="bone wide"></span><span class="bone"></span><span class="bone short"></span></div>`)}
    </div>
  </div>`;
}

/** A clear, non-blocking notice (`part="warning"`): the data below it still shows. */
export function renderWarnings(answer: Partial<PublicApiResponse>, heading: string) {
  const warnings = warningTexts(answer);
  if (warnings.length === 0) return nothing;
  return html`<div part="warning" class="warning" role="status">
    <p class="warning-heading">${heading}</p>
    <ul>${warnings.map((w) => html`<li>${w}</li>`)}</ul>
  </div>`;
}

/** The venue's name and postal address as lines of text (blank parts left out). */
export function venueLines(venue: ProductionVenue | null | undefined): { name: string; address: string[] } | undefined {
  if (!venue || (isBlank(venue.name) && !venue.venueAddress && isBlank(venue.location) && isBlank(venue.venuePhone) && isBlank(venue.transitInfo))) return undefined;
  const a = venue.venueAddress;
  const address: string[] = [];
  if (a) {
    const clean = (s: string | null | undefined) => (isBlank(s) ? '' : s!.trim());
    const region = clean(a.stateAbbreviation) || clean(a.state);
    const cityLine = [clean(a.city), [region, clean(a.zipcode)].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    address.push(...[clean(a.line1), clean(a.line2), cityLine].filter(Boolean));
    // A US venue on a US page needs no country line; anything else keeps it.
    const country = clean(a.country);
    if (country && clean(a.countryAbbreviation).toUpperCase() !== 'US') address.push(country);
  }
  return { name: isBlank(venue.name) ? '' : venue.name.trim(), address };
}

/** A phone number as a `tel:` URL: digits and a leading +, or undefined when it has too few digits to dial. */
export function telUrl(phone: string | null | undefined): string | undefined {
  const digits = (phone ?? '').replace(/(?!^\+)[^\d]/g, '');
  return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : undefined;
}

/**
 * `part="venue"`: name, then the address in an <address>-free block (it is not the page's contact),
 * then what the seed's ProductionVenue offers besides, when present: the general location (when the
 * address does not already say it), the phone as a link, how to get there. All plain text.
 */
export function renderVenue(venue: ProductionVenue | null | undefined) {
  const lines = venueLines(venue);
  if (!lines) return nothing;
  const text = (value: string | null | undefined) => (isBlank(value) ? '' : value!.trim());
  const location = text(venue!.location);
  const phone = text(venue!.venuePhone);
  const tel = telUrl(phone);
  const transit = text(venue!.transitInfo);
  return html`<p part="venue" class="venue">
    ${lines.name ? html`<span class="venue-name">${lines.name}</span>` : nothing}
    ${lines.address.map((line) => html`<span class="venue-line">${line}</span>`)}
    ${location && !lines.address.some((line) => line.includes(location)) ? html`<span class="venue-line venue-location">${location}</span>` : nothing}
    ${phone ? html`<span class="venue-line venue-phone">${tel ? html`<a href=${tel}>${phone}</a>` : phone}</span>` : nothing}
    ${transit ? html`<span class="venue-line venue-transit">${transit}</span>` : nothing}
  </p>`;
}

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A range of calendar dates in the locale ("Mar 2 – May 1, 2027"). Calendar dates have no zone:
 * they are formatted as UTC midnights so the browser's zone cannot move them.
 */
export function formatDateRange(first: CalendarDate, last: CalendarDate, locale: string): string {
  let format = rangeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    rangeFormats.set(locale, format);
  }
  const from = Date.UTC(first.year, first.month - 1, first.day);
  const to = Date.UTC(last.year, last.month - 1, last.day);
  return to <= from ? format.format(from) : format.formatRange(from, to);
}

/** `data-first` / `data-last` values for a date range. */
export function isoRange(first: CalendarDate, last: CalendarDate): { first: string; last: string } {
  return { first: isoDate(first), last: isoDate(last) };
}
