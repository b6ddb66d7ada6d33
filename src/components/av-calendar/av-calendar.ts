import { adoptStyles, html, supportsAdoptingStyleSheets, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AUDIENCEVIEW_API_BASE, isInactiveClient } from '../../api/audienceview/public.js';
import { ConfigError } from '../../api/errors.js';
import { checkAudienceViewAttributes, DEFAULT_PURCHASE_URL, DEFAULT_TIME_ZONE, type PerformanceView } from '../../shared/audienceview/performance.js';
import { avThemeStyles } from '../../shared/audienceview/theme.styles.js';
import { checkAddress } from '../../shared/attribute-checks.js';
import { ContainerWidthController } from '../../shared/container-width.js';
import { errorViewStyles, renderErrorView } from '../../shared/error-view.js';
import { BatchedRenderController } from '../../shared/batched-render.js';
import type { RovingTabindexController } from '../../shared/roving-tabindex.js';
import { lateChunk } from '../../shared/late-content.js';
import { configKey, define, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { addMonths, isoDate, monthIn, todayIn } from '../../shared/time-zone.js';
import { CALENDAR_MESSAGES } from './av-calendar.messages.js';
import { calendarStyles } from './av-calendar.styles.js';
import { MonthController, type ShownMonth } from './controllers/month.js';
import type { MonthQuery } from '../../shared/audienceview/month-cache.js';
import type { DayOptions, MonthDaysCache } from './month-days.js';
import type { CalendarView as CalendarViewContext, MonthRef } from './views/calendar-view.js';
import { renderHeader, renderLoading, renderNotice } from './views/frame.js';

import { AvErrorEvent, AvPerformanceClickEvent, type AvMonthChangeDetail } from '../../shared/audienceview/events.js';
import { WidgetEvent } from '../../shared/events.js';
export * from '../../shared/audienceview/events.js';

/** The patron moved to another month. */
export class AvMonthChangeEvent extends WidgetEvent<AvMonthChangeDetail> {
  constructor(detail: AvMonthChangeDetail) {
    super('av-month-change', detail);
  }
}

export type CalendarView = 'month' | 'list' | 'auto';

/** Below this container width `view="auto"` shows the list (36rem at the default 16 px). */
const NARROW_PX = 576;
/** Performances of the list view rendered in one task: more than a phone's screen shows. */
const LIST_BATCH = 12;
const VIEWS: readonly string[] = ['month', 'list', 'auto'];

/**
 * The list and what it shows (views/month-views.ts): one chunk for every calendar on the page,
 * fetched when a calendar connects so that it travels beside the month's answer (which the
 * month's task waits for); a failed fetch (offline) is a NetworkError, and the next load or retry
 * tries again. The grid and its keyboard (views/grid-views.ts) are another, fetched only by a
 * calendar that shows the grid: a phone's list never needs them.
 */
const monthViews = lateChunk(() => import('./views/month-views.js'));
const gridViews = lateChunk(() => import('./views/grid-views.js'));

/**
 * A month of AudienceView Professional performances, as a grid on wide containers and a list on
 * narrow ones. Every date and time is the venue's wall clock in `time-zone`.
 *
 * @summary A month calendar of AudienceView performances.
 *
 * @fires av-performance-click - A patron chose a performance (`detail.performance`). Cancelable:
 *   `preventDefault()` keeps the page from following the purchase link.
 * @fires av-month-change - The patron moved to another month (`detail.year`, `detail.month` 1–12).
 * @fires av-error - The calendar could not load (`detail.error`, whose `name` is one of HttpError,
 *   NetworkError, TimeoutError, VendorError, ParseError, ConfigError).
 *
 * @csspart header - The month title and the previous / today / next controls.
 * @csspart title - The month title.
 * @csspart nav - The group of month buttons.
 * @csspart grid - The month grid (`role="grid"`).
 * @csspart day - One day cell of the grid (`data-date="YYYY-MM-DD"`), or one day of the list.
 * @csspart performance - One performance: a link when it can be bought, otherwise text with its state.
 * @csspart more - On a day with more performances than its cell shows: "+N more" / "Show fewer".
 * @csspart list - The list view.
 * @csspart notice - The vendor's warnings.
 * @csspart empty - "No performances this month".
 * @csspart loading - The loading skeleton.
 * @csspart error - The error message, with `retry`.
 * @csspart retry - The retry button.
 *
 * @cssprop --av-accent - Accent colour (links, today, focus ring).
 * @cssprop --av-on-accent - Text on the accent colour.
 * @cssprop --av-text - Text colour.
 * @cssprop --av-muted - Secondary text colour (days of other months, subtitles).
 * @cssprop --av-surface - Background.
 * @cssprop --av-surface-alt - Background of headers, other months' days and unavailable performances.
 * @cssprop --av-border - Lines.
 * @cssprop --av-danger - Cancelled / sold out text, errors.
 * @cssprop --av-warning - Package holders marker, notices.
 * @cssprop --av-radius - Corner radius.
 * @cssprop --av-gap - Spacing in the header.
 * @cssprop --av-font - Font family.
 * @tagname av-calendar
 */
export class AvCalendar extends WidgetElement {
  static override styles = [avThemeStyles, errorViewStyles, calendarStyles];

  /** Base URL the vendor paths are appended to (a proxy, or the mock backend). */
  @property({ attribute: 'api-base' }) apiBase = AUDIENCEVIEW_API_BASE;
  /** The AudienceView client number (required). */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Only this production's performances (not together with `department-id`). */
  @property({ attribute: 'production-id' }) productionId = '';
  /** Only this department's performances. */
  @property({ attribute: 'department-id' }) departmentId = '';
  /** The month shown, `YYYY-MM`; default the current month at the venue. Reflects navigation. */
  @property({ reflect: true }) month?: string;
  /** `month` (grid), `list`, or `auto`: the list when the element is narrower than 36rem. */
  @property() view: CalendarView = 'auto';
  /** The venue's IANA time zone: every date and time is its wall clock. */
  @property({ attribute: 'time-zone' }) timeZone = DEFAULT_TIME_ZONE;
  /** Purchase link template with `{performanceId}`. */
  @property({ attribute: 'purchase-url' }) purchaseUrl = DEFAULT_PURCHASE_URL;
  /** BCP 47 locale; default the nearest `lang`, then the browser's. */
  @property() locale = '';
  /** The current time in epoch ms (for tests and previews); default the real clock. */
  @property({ attribute: false }) now?: number;

  /** Busy days the patron opened to see every performance (ISO dates). */
  @state() private openDays: ReadonlySet<string> = new Set();

  /** The month the attributes ask for, or the ConfigError that says why they cannot. */
  private target!: { month: MonthRef; query: MonthQuery } | ConfigError;
  private appliedConfig = '';
  /** The words of the page's language (renders again when they, or the sanitizer, arrive). */
  private readonly localize = new LocalizeController(this, CALENDAR_MESSAGES);
  /** `view="auto"` follows the element's own width. */
  private readonly width = new ContainerWidthController(this, NARROW_PX);
  /** The grid's one tab stop; a key that leaves the month shown goes there first (made with the month's views). */
  private roving?: RovingTabindexController;
  /** A day the keyboard or "Today" asked for before the grid's code was here. */
  private focusDay?: string;
  private readonly data = new MonthController(
    this,
    () => (this.target instanceof Error ? this.target : this.target.query),
    (error) => this.reportError(error, 'av-error', AvErrorEvent),
    () => Promise.all([monthViews.load(), this.showsList() ? undefined : gridViews.load()]),
    (month, query, signal) => this.prepareDays(month, query, signal),
  );
  private days?: MonthDaysCache;
  /** The grid's chunk could not come (offline) after the element grew wide: it shows the list. */
  private gridUnavailable = false;
  /** The late chunks' styles the shadow root has adopted so far (the month's, then the grid's). */
  private adopted: CSSResult[] = [];
  /** The list view's performances, a batch per task (with the AudienceView code every element loads, not a late chunk). */
  private readonly batches = new BatchedRenderController(this, LIST_BATCH);

  override connectedCallback(): void {
    super.connectedCallback();
    void monthViews.load().catch(() => undefined); // the month's task reports a failure
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const config = configKey(this.apiBase, this.clientId, this.productionId, this.departmentId, this.month, this.view, this.timeZone, this.purchaseUrl);
    if (config === this.appliedConfig && !changed.has('now')) return;
    this.appliedConfig = config;
    try {
      const month = this.visibleMonth();
      this.target = { month, query: this.monthQuery(month) };
    } catch (error) {
      this.target = error as ConfigError;
    }
  }

  /** Throws ConfigError for a bad attribute. */
  private visibleMonth(): MonthRef {
    if (this.apiBase) checkAddress(this.apiBase, 'api-base');
    checkAudienceViewAttributes({
      clientId: this.clientId ?? '',
      timeZone: this.timeZone ?? '',
      purchaseUrl: this.purchaseUrl ?? DEFAULT_PURCHASE_URL,
      productionId: this.productionId ?? '',
      departmentId: this.departmentId ?? '',
    });
    if (this.productionId?.trim() && this.departmentId?.trim()) {
      throw new ConfigError('production-id and department-id cannot be combined: AudienceView filters by one of them', 'department-id');
    }
    if (!VIEWS.includes(this.view)) throw new ConfigError(`view must be month, list or auto (got "${String(this.view).slice(0, 40)}")`, 'view');
    const text = this.month?.trim() ?? '';
    if (!text) {
      return monthIn(this.timeZone, this.currentTime());
    }
    const match = /^(\d{4})-(\d{2})$/.exec(text);
    const year = Number(match?.[1]);
    const month = Number(match?.[2]);
    if (!match || month < 1 || month > 12 || year < 1970) {
      throw new ConfigError(`month must be YYYY-MM, such as 2027-03 (got "${text.slice(0, 40)}")`, 'month');
    }
    return { year, month };
  }

  private monthQuery({ year, month }: MonthRef): MonthQuery {
    return {
      apiBase: this.apiBase || AUDIENCEVIEW_API_BASE,
      clientId: this.clientId.trim(),
      productionId: this.productionId?.trim() || null,
      departmentId: this.departmentId?.trim() || null,
      year,
      month,
    };
  }

  /** Reloads the month shown (the retry control). */
  retry(): void {
    this.data.retry();
  }

  private currentTime(): number {
    return this.now ?? Date.now();
  }

  private dayOptions(now: number, shown: ReadonlySet<number> | undefined): DayOptions {
    return { timeZone: this.timeZone, purchaseUrl: this.purchaseUrl, now, shown };
  }

  /** The month's views, made in slices before the render that shows them (the month's task waits for it). */
  private async prepareDays({ answer, shown }: ShownMonth, query: MonthQuery, signal: AbortSignal): Promise<void> {
    const views = monthViews.module;
    if (!views || isInactiveClient(answer)) return;
    this.days ??= new views.MonthDaysCache();
    await this.days.prepare(answer, query, this.dayOptions(this.currentTime(), shown), signal);
  }

  // -------------------------------------------------------------------------------------------
  // Navigation
  // -------------------------------------------------------------------------------------------

  /** The month shown as the attributes say now (two clicks may come before one render). */
  private currentMonth(): MonthRef | undefined {
    try {
      return this.visibleMonth();
    } catch {
      return undefined;
    }
  }

  private goToMonth(target: MonthRef, focusDate?: string): void {
    const current = this.currentMonth();
    if (!current) return;
    this.focusDay = focusDate;
    if (focusDate) this.roving?.focus(focusDate);
    else this.roving?.reset();
    if (current.year === target.year && current.month === target.month) return;
    this.month = `${target.year}-${String(target.month).padStart(2, '0')}`;
    this.emit('av-month-change', new AvMonthChangeEvent({ year: target.year, month: target.month }));
  }

  /** A key moved the grid's tab stop to this day, maybe in another month. */
  private goToDay(iso: string): void {
    const [year, month] = iso.split('-').map(Number) as [number, number];
    this.goToMonth({ year, month }, iso);
  }

  private step(delta: number): void {
    const current = this.currentMonth();
    if (current) this.goToMonth(addMonths(current.year, current.month, delta));
  }

  private goToToday(): void {
    const today = todayIn(this.timeZone, this.currentTime());
    this.goToMonth(today, isoDate(today));
  }

  /**
   * Opens or folds a busy day. Opening moves focus to the first performance that was hidden, so
   * a keyboard or screen-reader user goes on where the list went on; folding returns it to the button.
   */
  private async toggleDay(iso: string, firstHidden: number): Promise<void> {
    const opening = !this.openDays.has(iso);
    const days = new Set(this.openDays);
    if (opening) days.add(iso);
    else days.delete(iso);
    this.openDays = days;
    await this.updateComplete;
    const cell = this.roving && this.shadowRoot?.querySelector<HTMLElement>(this.roving.cell(iso));
    const target = opening ? cell?.querySelectorAll<HTMLElement>('[part~="performance"]')[firstHidden] : undefined;
    if (target?.matches('a[href]')) target.focus();
    else cell?.querySelector<HTMLElement>('button.more')?.focus();
  }

  private onPerformanceClick(event: MouseEvent, view: PerformanceView): void {
    if (!this.emit('av-performance-click', new AvPerformanceClickEvent({ performance: view }))) event.preventDefault();
  }

  // -------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------

  /** The list: asked for, or `auto` in a container narrower than 36rem. */
  private showsList(): boolean {
    return this.view === 'list' || (this.view === 'auto' && this.width.narrow);
  }

  /** Adds late chunks' styles to the shadow root, each once (after the element's own, in this order). */
  private adopt(sheets: CSSResult[]): void {
    const added = sheets.filter((sheet) => !this.adopted.includes(sheet));
    if (!added.length) return;
    this.adopted = [...this.adopted, ...added];
    // Without constructable style sheets adoptStyles appends <style> elements: only the new ones then.
    adoptStyles(this.renderRoot as ShadowRoot, supportsAdoptingStyleSheets ? [...AvCalendar.elementStyles, ...this.adopted] : added);
  }

  override render(): TemplateResult {
    const locale = this.localize.locale;
    const onRetry = () => this.retry();
    const target = this.target;
    if (target instanceof Error) return renderErrorView(target, { locale, vendorName: 'AudienceView', onRetry });
    const { month: visible, query } = target;
    const listView = this.showsList();
    // The page's language may still be on its way: the skeleton, not a flash of English words.
    const m = this.localize.ready;
    if (!m) return renderLoading(CALENDAR_MESSAGES.en, listView, visible);
    return html`
      ${renderHeader(visible, locale, m, { step: (delta) => this.step(delta), reach: (delta) => this.data.prefetch(delta), goToToday: () => this.goToToday() })}
      ${this.data.render({
        loading: () => renderLoading(m, listView, visible),
        error: (error) => renderErrorView(error, { locale, vendorName: 'AudienceView', onRetry }),
        month: ({ answer, shown }) => {
          if (isInactiveClient(answer)) return html`${renderNotice(answer, m)}<p part="empty" class="empty" role="status">${m.inactive}</p>`;
          // The month's task waits for its views; a month from memory before they came shows the skeleton.
          const views = monthViews.module;
          if (!views) return renderLoading(m, listView, visible);
          // Grown wide after the month showed: the skeleton until the grid's chunk is here (the list if it cannot come).
          const grid = listView ? undefined : gridViews.module;
          if (!listView && !grid && !this.gridUnavailable) {
            void gridViews.load().catch(() => {
              this.gridUnavailable = true;
              this.requestUpdate();
            });
            return renderLoading(m, listView, visible);
          }
          // The chunks' styles join the shadow root in the render that first shows what wears them.
          this.adopt(grid ? [views.monthStyles, grid.gridStyles] : [views.monthStyles]);
          this.days ??= new views.MonthDaysCache();
          if (grid && !this.roving) {
            this.roving = new grid.RovingTabindexController(this, {
              keyAttribute: 'date',
              next: (iso, event) => grid.nextDay(iso, event.key),
              go: (iso) => this.goToDay(iso),
              enterTarget: 'a[part~="performance"]',
            });
            if (this.focusDay) this.roving.focus(this.focusDay);
          }
          const now = this.currentTime();
          const batches = this.batches;
          const view: CalendarViewContext = {
            locale,
            m,
            timeZone: this.timeZone,
            visible,
            today: isoDate(todayIn(this.timeZone, now)),
            byDate: this.days.byDate(answer, query, this.dayOptions(now, shown)),
            onPerformanceClick: (event, p) => this.onPerformanceClick(event, p),
            batch: (list, days, size) => batches.take(list, days, size),
            get growing() {
              return batches.growing;
            },
          };
          return html`${renderNotice(answer, m)}${!grid || !this.roving
            ? views.renderList(view)
            : grid.renderGrid({
                ...view,
                roving: this.roving,
                openDays: this.openDays,
                toggleDay: (iso, first) => void this.toggleDay(iso, first),
                performance: (p) => views.renderPerformance(view, p, 'grid'),
              })}`;
        },
      })}
    `;
  }
}

define('av-calendar', AvCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'av-calendar': AvCalendar;
  }
  interface GlobalEventHandlersEventMap {
    'av-month-change': AvMonthChangeEvent;
  }
}
