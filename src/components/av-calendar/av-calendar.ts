import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AUDIENCEVIEW_API_BASE, isInactiveClient } from '../../api/audienceview/public.js';
import type { CalendarResponse, Performance } from '../../api/audienceview/types.js';
import { ConfigError, isAbortError } from '../../api/errors.js';
import {
  checkAudienceViewAttributes,
  DEFAULT_PURCHASE_URL,
  DEFAULT_TIME_ZONE,
  byStartThenName,
  performanceViews,
  warningTexts,
  type PerformanceView,
} from '../../shared/audienceview/performance.js';
import { avThemeStyles } from '../../shared/audienceview/theme.styles.js';
import { checkAddress } from '../../shared/attribute-checks.js';
import { errorViewStyles, renderErrorView } from '../../shared/error-view.js';
import { configKey, define, FocusAfterRender, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { vendorHtml } from '../../shared/sanitize.js';
import { addDays, addMonths, daysInMonth, formatInZone, isoDate, todayIn, weekday, type CalendarDate } from '../../shared/time-zone.js';
import { CALENDAR_MESSAGES, type CalendarMessages } from './av-calendar.messages.js';
import { calendarStyles } from './av-calendar.styles.js';
import { cachedMonth, loadMonth, type MonthQuery } from './month-cache.js';
import { knownPublicProductions, publicProductions } from '../../shared/audienceview/productions.js';

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
/**
 * A day cell shows at most this many performances; a busier day shows one fewer and a "+N more"
 * button that opens the cell (FullCalendar's `dayMaxEvents`). A festival day of thirty shows
 * stays readable, and a month of a thousand renders in a frame or two. The list view shows all.
 */
const DAY_CELL_LIMIT = 4;
const VIEWS: readonly string[] = ['month', 'list', 'auto'];

interface MonthRef {
  year: number;
  month: number;
}

/** What a set of views was built with: a new answer, option or minute rebuilds them. */
interface Built {
  signature: string;
  shown?: ReadonlySet<number>;
}

interface AnswerViews extends Built {
  views: PerformanceView[];
}

interface MonthViews extends Built {
  sources: readonly CalendarResponse[];
  byDate: Map<string, PerformanceView[]>;
  byId: Map<number, PerformanceView>;
}

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

  @state() private answer?: CalendarResponse;
  /** Productions the season lists for public display (not D or U); undefined: unknown, all shown. */
  @state() private shownProductions?: ReadonlySet<number>;
  @state() private error?: Error;
  @state() private loading = false;
  /** The container is narrow (for `view="auto"`). */
  @state() private narrow = false;
  /** The day that holds the grid's one tab stop (roving tabindex). */
  @state() private focusDate = '';
  /** Busy days the patron opened to see every performance (ISO dates). */
  @state() private openDays: ReadonlySet<string> = new Set();

  private loadedKey = '';
  private appliedConfig = '';
  private generation = 0;
  private measured = false;
  private resizeObserver?: ResizeObserver;
  /** Views per answer, and per visible answer with its neighbours: a month shown before costs nothing to show again. */
  /** The words of the page's language (renders again when they, or the sanitizer, arrive). */
  private readonly localize = new LocalizeController(this, CALENDAR_MESSAGES);
  /** The day cell the keyboard moved to, focused once it is on screen (after a month loads). */
  private readonly focusAfterRender = new FocusAfterRender(this);
  private answerViews = new WeakMap<CalendarResponse, AnswerViews>();
  private monthViewsCache = new WeakMap<CalendarResponse, MonthViews>();
  private prefetchHandle?: number;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver ??= new ResizeObserver((entries) => {
        const width = entries[entries.length - 1]?.contentRect.width ?? 0;
        // A hidden element (width 0) keeps its last layout. The switch waits for a task: changing
        // the layout inside the observer's own frame is a "ResizeObserver loop" (and a frame
        // callback never comes in a background tab).
        if (width > 0 && width < NARROW_PX !== this.narrow) setTimeout(() => (this.narrow = width < NARROW_PX));
      });
      this.resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.cancelPrefetch();
  }

  // -------------------------------------------------------------------------------------------
  // Data
  // -------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.measured && this.isConnected) {
      // The first layout is known before the ResizeObserver's first report: no grid-then-list flash.
      const width = this.getBoundingClientRect().width;
      if (width > 0) this.narrow = width < NARROW_PX;
      this.measured = true;
    }
    const config = configKey(this.apiBase, this.clientId, this.productionId, this.departmentId, this.month, this.view, this.timeZone, this.purchaseUrl);
    if (config === this.appliedConfig && !changed.has('now')) return;
    this.appliedConfig = config;

    let query: MonthQuery;
    try {
      query = this.monthQuery(this.visibleMonth());
    } catch (error) {
      this.showConfigError(error as Error);
      return;
    }
    const key = JSON.stringify(query);
    if (key !== this.loadedKey) this.load(query);
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
      const today = todayIn(this.timeZone, this.currentTime());
      return { year: today.year, month: today.month };
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

  private showConfigError(error: Error): void {
    this.generation++;
    this.loadedKey = '';
    this.answer = undefined;
    this.loading = false;
    this.cancelPrefetch();
    if (this.error?.name !== error.name || this.error.message !== error.message) {
      this.error = this.reportError(error, 'av-error', AvErrorEvent);
    }
  }

  /**
   * Shows a month: from memory at once when it was fetched before (and refreshes it in the
   * background), otherwise with the loading skeleton. Answers for a month no longer shown are
   * dropped (the generation check).
   */
  private load(query: MonthQuery): void {
    const generation = ++this.generation;
    this.loadedKey = JSON.stringify(query);
    this.cancelPrefetch();
    const known = knownPublicProductions(query);
    const cached = known ? cachedMonth(query) : undefined;
    this.error = undefined;
    this.answer = cached?.answer;
    this.shownProductions = known;
    this.loading = !cached;
    // Without the series answer every production is shown: better than no calendar at all.
    const fetchMonth = () => Promise.all([loadMonth(query), publicProductions(query).catch(() => undefined)]);
    // A month from memory is painted first; its background refresh starts in the next task.
    (cached ? new Promise<void>((resolve) => setTimeout(resolve)).then(fetchMonth) : fetchMonth()).then(
      ([answer, shown]) => {
        if (generation !== this.generation) return;
        this.answer = answer;
        this.shownProductions = shown;
        this.loading = false;
        this.schedulePrefetch(query);
      },
      (error: unknown) => {
        if (generation !== this.generation || isAbortError(error)) return;
        // An inactive client is not a failure: its answer says so, politely (see render).
        if (isInactiveClient(error)) {
          this.answer = (error as { details: CalendarResponse }).details;
          this.loading = false;
          return;
        }
        // A failed background refresh leaves the month from memory on screen.
        if (cached) return;
        this.loading = false;
        this.error = this.reportError(error, 'av-error', AvErrorEvent);
      },
    );
  }

  /** Neighbouring months, fetched when the browser is idle so the arrows feel instant. */
  private schedulePrefetch(query: MonthQuery): void {
    this.cancelPrefetch();
    const run = () => {
      this.prefetchHandle = undefined;
      if (!this.isConnected) return;
      for (const delta of [1, -1]) {
        const neighbour = { ...query, ...addMonths(query.year, query.month, delta) };
        if (!cachedMonth(neighbour)) loadMonth(neighbour).catch(() => undefined); // shown (with its error) if the patron goes there
      }
    };
    this.prefetchHandle =
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : (setTimeout(run, 300) as unknown as number);
  }

  private cancelPrefetch(): void {
    if (this.prefetchHandle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.prefetchHandle);
    clearTimeout(this.prefetchHandle);
    this.prefetchHandle = undefined;
  }

  /** Reloads the month shown (the retry control). */
  retry(): void {
    this.appliedConfig = '';
    this.loadedKey = '';
    this.error = undefined;
    this.requestUpdate();
  }


  private currentTime(): number {
    return this.now ?? Date.now();
  }

  /**
   * Performances of the visible answer, plus any that only a cached neighbouring month holds
   * (the days around the month), each once: the visible answer wins a repeat.
   */
  private monthViews(answer: CalendarResponse, visible: MonthRef): MonthViews {
    const base = this.monthQuery(visible);
    const neighbours = [-1, 1].map((d) => cachedMonth({ ...base, ...addMonths(visible.year, visible.month, d) })?.answer).filter((a): a is CalendarResponse => !!a);
    const sources = [answer, ...neighbours];
    // Sales close by the minute: rebuild at most once a minute for the same answers.
    const signature = [this.timeZone, this.purchaseUrl, Math.floor(this.currentTime() / 60_000)].join('|');
    const shown = this.shownProductions;
    const fresh = (b: Built | undefined) => b?.signature === signature && b.shown === shown;
    const known = this.monthViewsCache.get(answer);
    if (fresh(known) && known!.sources.length === sources.length && known!.sources.every((s, i) => s === sources[i])) return known!;

    const byDate = new Map<string, PerformanceView[]>();
    const byId = new Map<number, PerformanceView>();
    for (const source of sources) {
      let built = this.answerViews.get(source);
      if (!fresh(built)) {
        const all: Performance[] = [];
        for (const list of Object.values(source.performancesByDateDisplay ?? {})) {
          if (Array.isArray(list)) all.push(...list);
        }
        const views = performanceViews(all, { timeZone: this.timeZone, purchaseUrl: this.purchaseUrl || DEFAULT_PURCHASE_URL, now: this.currentTime(), shownProductions: shown });
        this.answerViews.set(source, (built = { signature, shown, views }));
      }
      for (const view of built!.views) {
        if (byId.has(view.id)) continue; // the visible answer wins a neighbouring-week repeat
        byId.set(view.id, view);
        const key = isoDate(view.date);
        const day = byDate.get(key);
        if (day) day.push(view);
        else byDate.set(key, [view]);
      }
    }
    if (neighbours.length) for (const day of byDate.values()) day.sort(byStartThenName);
    const month = { sources, signature, shown, byDate, byId };
    this.monthViewsCache.set(answer, month);
    return month;
  }

  // -------------------------------------------------------------------------------------------
  // Navigation
  // -------------------------------------------------------------------------------------------

  private goToMonth(target: MonthRef, focusDate?: string): void {
    let current: MonthRef;
    try {
      current = this.visibleMonth();
    } catch {
      return;
    }
    this.focusDate = focusDate ?? '';
    if (focusDate) this.focusAfterRender.request(dayCell(focusDate));
    else this.focusAfterRender.cancel();
    if (current.year === target.year && current.month === target.month) return;
    this.month = `${target.year}-${String(target.month).padStart(2, '0')}`;
    this.emit('av-month-change', new AvMonthChangeEvent({ year: target.year, month: target.month }));
  }

  private step(delta: number): void {
    const current = this.visibleMonth();
    this.goToMonth(addMonths(current.year, current.month, delta));
  }

  private goToToday(): void {
    const today = todayIn(this.timeZone, this.currentTime());
    this.goToMonth(today, isoDate(today));
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    const cell = target.closest<HTMLElement>('[role="gridcell"]');
    if (!cell) return;
    if (target !== cell) {
      this.onKeydownInCell(event, target, cell);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const date = parseIso(cell.dataset.date ?? '');
    if (!date) return;
    let next: CalendarDate | undefined;
    switch (event.key) {
      case 'ArrowLeft':
        next = addDays(date, -1);
        break;
      case 'ArrowRight':
        next = addDays(date, 1);
        break;
      case 'ArrowUp':
        next = addDays(date, -7);
        break;
      case 'ArrowDown':
        next = addDays(date, 7);
        break;
      case 'Home':
        next = addDays(date, -weekday(date));
        break;
      case 'End':
        next = addDays(date, 6 - weekday(date));
        break;
      case 'PageUp':
      case 'PageDown': {
        const { year, month } = addMonths(date.year, date.month, event.key === 'PageUp' ? -1 : 1);
        next = { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
        break;
      }
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const first = cell.querySelector<HTMLElement>('a[part~="performance"]') ?? cell.querySelector<HTMLElement>('a[href], button');
        first?.focus();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    const iso = isoDate(next);
    const visible = this.visibleMonth();
    if (next.year !== visible.year || next.month !== visible.month) {
      this.goToMonth(next, iso);
    } else {
      this.focusDate = iso;
      this.focusAfterRender.request(dayCell(iso));
    }
  }

  /** Inside a day: up/down between its links, Escape back to the day. */
  private onKeydownInCell(event: KeyboardEvent, target: HTMLElement, cell: HTMLElement): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      cell.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...cell.querySelectorAll<HTMLElement>('a[href], button')];
    const index = links.indexOf(target);
    if (index < 0) return;
    event.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  }

  private onGridFocusin(event: FocusEvent): void {
    const cell = (event.composedPath()[0] as HTMLElement).closest?.<HTMLElement>('[role="gridcell"]');
    const date = cell?.dataset.date;
    if (date && date !== this.focusDate) this.focusDate = date;
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
    const cell = this.shadowRoot?.querySelector<HTMLElement>(dayCell(iso));
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

  override render(): TemplateResult {
    const locale = this.localize.locale;
    let visible: MonthRef | undefined;
    try {
      visible = this.visibleMonth();
    } catch {
      visible = undefined;
    }
    const onRetry = () => this.retry();
    if (!visible) {
      return html`${this.error ? renderErrorView(this.error, { locale, vendorName: 'AudienceView', onRetry }) : nothing}`;
    }
    const listView = this.view === 'list' || (this.view === 'auto' && this.narrow);
    // The page's language may still be on its way: the skeleton, not a flash of English words.
    const m = this.localize.ready;
    if (!m) return this.renderLoading(CALENDAR_MESSAGES.en, listView, visible);
    return html`
      ${this.renderHeader(visible, locale, m)}
      ${this.error
        ? renderErrorView(this.error, { locale, vendorName: 'AudienceView', onRetry })
        : this.loading || !this.answer
          ? this.renderLoading(m, listView, visible)
          : html`${this.renderNotice(this.answer, m)}
            ${isInactiveClient(this.answer)
              ? html`<p part="empty" class="empty" role="status">${m.inactive}</p>`
              : listView
                ? this.renderList(this.answer, visible, locale, m)
                : this.renderGrid(this.answer, visible, locale, m)}`}
    `;
  }

  private renderHeader(visible: MonthRef, locale: string, m: CalendarMessages) {
    // Noon UTC on the 1st is inside the month in every zone.
    const title = formatInZone(Date.UTC(visible.year, visible.month - 1, 1, 12), 'UTC', locale, { month: 'long', year: 'numeric' });
    return html`<div part="header" class="header">
      <h2 part="title" class="title" id="title" aria-live="polite">${title}</h2>
      <div part="nav" class="nav" role="group" aria-label=${m.navigation}>
        <button type="button" class="prev" aria-label=${m.previousMonth} title=${m.previousMonth} @click=${() => this.step(-1)}>
          <span class="arrow" aria-hidden="true">‹</span>
        </button>
        <button type="button" class="today" @click=${() => this.goToToday()}>${m.today}</button>
        <button type="button" class="next" aria-label=${m.nextMonth} title=${m.nextMonth} @click=${() => this.step(1)}>
          <span class="arrow" aria-hidden="true">›</span>
        </button>
      </div>
    </div>`;
  }

  /**
   * The skeleton takes the size of what replaces it, so nothing under the calendar moves when the
   * answer arrives: in the grid, the month's own frame (weekday row, its weeks, the days' height);
   * in the list, the rest of the screen (a month's list is longer than that, and grows below the fold).
   */
  private renderLoading(m: CalendarMessages, listView: boolean, visible: MonthRef) {
    const label = html`<span class="sr-only">${m.loading}</span>`;
    if (listView) {
      return html`<div part="loading" class="loading as-list" role="status" aria-busy="true" aria-live="polite">
        ${label}${Array.from({ length: 4 }, () => html`<div class="bone" aria-hidden="true"></div>`)}
      </div>`;
    }
    const first: CalendarDate = { year: visible.year, month: visible.month, day: 1 };
    const weeks = Math.ceil((weekday(first) + daysInMonth(visible.year, visible.month)) / 7);
    const days = (cell: TemplateResult) => html`<div class="row">${Array.from({ length: 7 }, () => cell)}</div>`;
    return html`<div part="loading" class="loading" role="status" aria-busy="true" aria-live="polite">
      ${label}
      <div class="grid" aria-hidden="true">
        ${days(html`<div class="colhead">&nbsp;</div>`)}
        ${Array.from({ length: weeks }, () => days(html`<div class="day"><span class="bone"></span></div>`))}
      </div>
    </div>`;
  }

  private renderNotice(answer: CalendarResponse, m: CalendarMessages) {
    const warnings = warningTexts(answer);
    if (warnings.length === 0) return nothing;
    return html`<div part="notice" class="notice" role="status">
      <strong>${m.vendorNotice}</strong> ${warnings.map((w) => html`<span>${vendorHtml(w)}</span> `)}
    </div>`;
  }

  private renderGrid(answer: CalendarResponse, visible: MonthRef, locale: string, m: CalendarMessages) {
    const { byDate } = this.monthViews(answer, visible);
    const first: CalendarDate = { year: visible.year, month: visible.month, day: 1 };
    const last: CalendarDate = { year: visible.year, month: visible.month, day: daysInMonth(visible.year, visible.month) };
    const start = addDays(first, -weekday(first));
    const weeks = Math.ceil((weekday(first) + last.day) / 7);
    const today = isoDate(todayIn(this.timeZone, this.currentTime()));
    const focus = this.focusDate.startsWith(`${isoDate(first).slice(0, 7)}-`) ? this.focusDate : today.startsWith(isoDate(first).slice(0, 8)) ? today : isoDate(first);
    let inMonth = 0;
    const rows: TemplateResult[] = [];
    for (let w = 0; w < weeks; w++) {
      const cells: TemplateResult[] = [];
      for (let d = 0; d < 7; d++) {
        const date = addDays(start, w * 7 + d);
        const iso = isoDate(date);
        const outside = date.month !== visible.month;
        const performances = byDate.get(iso) ?? [];
        if (!outside) inMonth += performances.length;
        const busy = performances.length > DAY_CELL_LIMIT;
        const open = busy && this.openDays.has(iso);
        const shown = busy && !open ? performances.slice(0, DAY_CELL_LIMIT - 1) : performances;
        cells.push(html`<div
          role="gridcell"
          part="day"
          class="day ${outside ? 'outside' : ''}"
          data-date=${iso}
          tabindex=${iso === focus ? 0 : -1}
          aria-current=${iso === today ? 'date' : nothing}
        >
          <span class="day-number" aria-hidden="true">${date.day}</span>
          <span class="sr-only">${dayLabel(date, locale)}${performances.length ? `, ${m.performanceCount(performances.length)}` : ''}</span>
          ${shown.map((p) => this.renderPerformance(p, locale, m, 'grid'))}
          ${busy
            ? html`<button type="button" part="more" class="more" tabindex="-1" aria-expanded=${open ? 'true' : 'false'} @click=${() => this.toggleDay(iso, shown.length)}>
                ${open ? m.showFewer : m.showMore(performances.length - shown.length)}
              </button>`
            : nothing}
        </div>`);
      }
      rows.push(html`<div role="row" class="row">${cells}</div>`);
    }
    const headers = Array.from({ length: 7 }, (_, i) => addDays(start, i));
    return html`<div
        part="grid"
        class="grid"
        role="grid"
        aria-labelledby="title"
        @keydown=${(e: KeyboardEvent) => this.onGridKeydown(e)}
        @focusin=${(e: FocusEvent) => this.onGridFocusin(e)}
      >
        <div role="row" class="row">
          ${headers.map(
            (d) => html`<div role="columnheader" class="colhead">
              <span aria-hidden="true">${weekdayName(d, locale, 'short')}</span><span class="sr-only">${weekdayName(d, locale, 'long')}</span>
            </div>`,
          )}
        </div>
        ${rows}
      </div>
      ${inMonth === 0 ? html`<p part="empty" class="empty">${m.noPerformances}</p>` : nothing}`;
  }

  private renderList(answer: CalendarResponse, visible: MonthRef, locale: string, m: CalendarMessages) {
    const { byDate } = this.monthViews(answer, visible);
    const prefix = `${visible.year}-${String(visible.month).padStart(2, '0')}-`;
    const today = isoDate(todayIn(this.timeZone, this.currentTime()));
    const days = [...byDate.keys()].filter((iso) => iso.startsWith(prefix)).sort();
    if (days.length === 0) return html`<p part="empty" class="empty">${m.noPerformances}</p>`;
    return html`<ul part="list" class="list" aria-labelledby="title">
      ${days.map((iso) => {
        const date = parseIso(iso)!;
        return html`<li part="day" class="list-day" data-date=${iso} ?data-today=${iso === today}>
          <h3><time datetime=${iso}>${dayLabel(date, locale)}</time></h3>
          <ul>
            ${byDate.get(iso)!.map((p) => html`<li class="entry" data-state=${p.state}>${this.renderPerformance(p, locale, m, 'list')}</li>`)}
          </ul>
        </li>`;
      })}
    </ul>`;
  }

  /**
   * One performance. Flat on purpose: one template instance per performance (the optional lines
   * are always there and hidden when empty), because a festival month renders hundreds of them.
   */
  private renderPerformance(p: PerformanceView, locale: string, m: CalendarMessages, layout: 'grid' | 'list') {
    const time = (epoch: number) => formatInZone(epoch, this.timeZone, locale, { hour: 'numeric', minute: '2-digit' });
    const inGrid = layout === 'grid';
    const body = [
      p.allDay ? isoDate(p.date) : new Date(p.start).toISOString(),
      p.allDay ? m.allDay : time(p.start),
      inGrid ? '' : (p.superTitle ?? ''),
      p.productionName,
      p.subTitle ?? '',
      p.state === 'on-sale' ? '' : m.states[p.state],
    ] as const;
    const details = inGrid ? nothing : this.renderDetails(p, time, m);
    if (p.purchaseUrl) {
      // Links inside the grid are reached with Enter from their day (one tab stop per grid).
      return html`<a
          part="performance"
          class="perf"
          href=${p.purchaseUrl}
          data-performance-id=${p.id}
          data-state=${p.state}
          tabindex=${inGrid ? -1 : nothing}
          @click=${(e: MouseEvent) => this.onPerformanceClick(e, p)}
          ><time datetime=${body[0]}>${body[1]}</time> <span class="super">${body[2]}</span><span class="perf-title">${body[3]}</span
          ><span class="sub">${body[4]}</span><span class="state">${body[5]}</span></a
        >${details}`;
    }
    return html`<div part="performance" class="perf" data-performance-id=${p.id} data-state=${p.state}
      ><time datetime=${body[0]}>${body[1]}</time> <span class="super">${body[2]}</span><span class="perf-title">${body[3]}</span
      ><span class="sub">${body[4]}</span><span class="state">${body[5]}</span
      >${p.messageHtml ? html`<div class="message">${vendorHtml(p.messageHtml)}</div>` : nothing}${details}</div
    >`;
  }

  /** List view only: notes, door times of all-day events, entry times. */
  private renderDetails(p: PerformanceView, time: (epoch: number) => string, m: CalendarMessages) {
    const doors =
      p.allDay && p.doorsOpen !== undefined
        ? `${m.doors} ${time(p.doorsOpen)}${p.doorsClose !== undefined ? ` – ${time(p.doorsClose)}` : ''}`
        : '';
    const entries = p.entryTimes.map((e) => (e.soldOut ? m.entrySoldOut(time(e.start)) : time(e.start)));
    if (!doors && entries.length === 0 && !p.notesHtml) return nothing;
    return html`<div class="details">
      ${doors ? html`<div class="doors">${doors}</div>` : nothing}
      ${entries.length ? html`<div class="entries">${m.entry} ${entries.join(', ')}</div>` : nothing}
      ${p.notesHtml ? html`<div class="notes">${vendorHtml(p.notesHtml)}</div>` : nothing}
    </div>`;
  }
}

function parseIso(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

/** A calendar date needs no zone: format noon UTC of that date in UTC. */
function dayLabel(date: CalendarDate, locale: string): string {
  return formatInZone(Date.UTC(date.year, date.month - 1, date.day, 12), 'UTC', locale, { weekday: 'long', month: 'long', day: 'numeric' });
}

function weekdayName(date: CalendarDate, locale: string, width: 'short' | 'long'): string {
  return formatInZone(Date.UTC(date.year, date.month - 1, date.day, 12), 'UTC', locale, { weekday: width });
}

/** The grid cell of a day (`YYYY-MM-DD`). */
function dayCell(iso: string): string {
  return `[role="gridcell"][data-date="${iso}"]`;
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
