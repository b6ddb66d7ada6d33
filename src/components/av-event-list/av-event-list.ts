import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fetchEvents, isInactiveClient, type PublicQuery } from '../../api/audienceview/public.js';
import type { EventsResponse, Performance } from '../../api/audienceview/types.js';
import { asError, ConfigError } from '../../api/errors.js';
import { AvCardList } from '../../shared/audienceview/cards.js';
import { recentMonth } from '../../shared/audienceview/month-cache.js';
import { byStartThenName, compareNames, DEFAULT_PURCHASE_URL, purchaseLink, shownPerformances, toPerformanceView, type PerformanceView, type ViewOptions } from '../../shared/audienceview/performance.js';
import { publicProductions } from '../../shared/audienceview/productions.js';
import { formatCount } from '../../shared/locale.js';
import { sanitizerFor, vendorHtml } from '../../shared/sanitize.js';
import { renderErrorView } from '../../shared/error-view.js';
import { addMonths, daysInMonth, formatInZone, isoDate, monthIn, todayIn, wallClockAsUtc, wallClockAt } from '../../shared/time-zone.js';
import { EVENT_LIST_MESSAGES, type EventListMessages } from './av-event-list.messages.js';
import { styles } from './av-event-list.styles.js';

import { AvErrorEvent, AvPerformanceClickEvent } from '../../shared/audienceview/events.js';
import { define, LocalizeController } from '../../shared/widget-element.js';
export * from '../../shared/audienceview/events.js';

export const DEFAULT_LIMIT = 20;

/** Calendar months read for the first performances (this one and the next two) before the whole upcoming list is asked for. */
const NEAR_MONTHS = 3;
/** A month a calendar on the page fetched this recently is read from memory, not asked for again. */
const MONTH_FRESH_MS = 5 * 60_000;

/**
 * The performances to show: every upcoming one (the events answer, `complete`), or those of the
 * near months the calendar answers hold, up to the end of the last one read.
 */
export interface UpcomingAnswer extends EventsResponse {
  complete: boolean;
}

/**
 * The answer's performances in start order, each made into a patron's view (its instant in the
 * venue's zone, its state, its link) only when it is shown. AudienceView sends every upcoming
 * performance, thousands at a busy venue, and the list shows a dozen: making them all views was
 * most of the list's work on a phone's CPU (Lighthouse: seconds of blocking time). The order comes
 * from the venue's wall clock (`performanceDate` + `performanceTime24`), which orders the instants
 * alike (a repeated autumn hour reads as its first occurrence); the same ones are dropped as
 * `performanceViews` drops (`shownPerformances`).
 */
class Upcoming {
  readonly length: number;
  private readonly ordered: Performance[];
  private readonly views: PerformanceView[] = [];

  constructor(
    performances: readonly Performance[],
    private readonly options: ViewOptions,
  ) {
    // Only what has not started: a calendar month also holds its earlier days.
    const now = wallClockAsUtc(wallClockAt(options.now, options.timeZone));
    const keyed = [...shownPerformances(performances, options.shownProductions)]
      .map(({ performance, wallClock }) => ({ performance, wallClock: wallClockAsUtc(wallClock) }))
      .filter((k) => k.wallClock > now);
    keyed.sort((a, b) => a.wallClock - b.wallClock || compareNames(a.performance.productionName, b.performance.productionName));
    this.ordered = keyed.map((k) => k.performance);
    this.length = this.ordered.length;
  }

  /** The first `count` views. */
  first(count: number): PerformanceView[] {
    while (this.views.length < Math.min(count, this.length)) this.views.push(toPerformanceView(this.ordered[this.views.length]!, this.options)!);
    // Exactly the calendar's order (instants, then names) within what is shown.
    return this.views.slice(0, count).sort(byStartThenName);
  }
}

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/**
 * The next performances at an AudienceView Professional venue, soonest first. They come from the
 * calendar's months (`/public/calendar/…`: this month's answer, the next month's when this one
 * runs dry, up to three; shared with a calendar on the same page), and from the whole upcoming
 * list (`/public/events/…`) only when those months hold too few or a patron asks for more than
 * they hold: that list is every future performance, megabytes at a busy venue, most of a phone's
 * loading time. With the calendar's rules: productions the season marks D or U and display code I hidden, cancelled / sold out / not available /
 * sales closed shown without a link, M with its custom message, P marked for package holders,
 * and every date and time on the venue's wall clock.
 *
 * @attr api-base - Base URL of the AudienceView API (default `https://api.ovationtix.com`).
 * @attr client-id - The AudienceView client number (required).
 * @attr production-id - Only this series.
 * @attr department-id - Only this department.
 * @attr time-zone - The venue's IANA zone (default `America/New_York`).
 * @attr locale - BCP 47 locale (default: the nearest `lang`, then the browser's).
 *
 * @fires av-performance-click - A patron chose a performance (cancelable: cancel to handle it yourself; `detail.performance`).
 * @fires av-error - The performances could not be loaded (`detail.error`, its `name` one of the contract's error names).
 *
 * @csspart list - The list of performances.
 * @csspart performance - One performance: a link to buy it, or (not on sale) a block with its state.
 * @csspart more - The "Show more" button.
 * @csspart warning - A notice AudienceView sent with the answer.
 * @csspart error - The failure message, with a retry button (`retry`).
 * @csspart retry - The retry button.
 * @csspart loading - The loading skeleton.
 *
 * @cssprop --av-accent - Accent colour (links, buttons, focus rings).
 * @cssprop --av-on-accent - Text on the accent colour.
 * @cssprop --av-text - Text colour.
 * @cssprop --av-muted - Secondary text colour.
 * @cssprop --av-surface - Card background.
 * @cssprop --av-border - Border colour.
 * @cssprop --av-radius - Corner radius.
 * @cssprop --av-gap - Space between cards.
 * @cssprop --av-font - Font family.
 * @tagname av-event-list
 */
export class AvEventList extends AvCardList<UpcomingAnswer, EventListMessages> {
  static override styles = styles;

  /** How many performances to show (a positive whole number); "Show more" adds as many again. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;
  /** Purchase link template; `{performanceId}` is replaced. */
  @property({ attribute: 'purchase-url' }) purchaseUrl = DEFAULT_PURCHASE_URL;

  /** Performances added by "Show more", beyond `limit`. */
  @state() private extra = 0;

  private upcomingCache?: { key: unknown[]; upcoming: Upcoming };

  protected override readonly localize = new LocalizeController(this, EVENT_LIST_MESSAGES);

  /** Productions the season lists for public display, per answer; absent: the season could not be had, all shown. */
  private shownProductions = new WeakMap<UpcomingAnswer, ReadonlySet<number>>();

  /** Where each near-months answer came from, for the whole list "Show more" may ask for. */
  private askedWhere = new WeakMap<UpcomingAnswer, [apiBase: string, query: PublicQuery]>();
  /** The answer "Show more" last asked the whole list for. */
  private extending?: UpcomingAnswer;

  /** The whole upcoming list, asked for when "Show more" goes past the months read (`from`: the answer it extends). */
  private readonly everything = new Task<[UpcomingAnswer], { from: UpcomingAnswer; answer: UpcomingAnswer }>(this, {
    autoRun: false,
    task: async ([from], { signal }) => {
      try {
        const [apiBase, query] = this.askedWhere.get(from)!;
        const answer = await this.whole(apiBase, query, signal, this.shownProductions.get(from));
        return { from, answer };
      } catch (cause) {
        throw this.reportError(cause, 'av-error', AvErrorEvent);
      }
    },
  });

  protected override async fetchAnswer(apiBase: string, query: PublicQuery, signal: AbortSignal): Promise<UpcomingAnswer> {
    // The same rule as the calendar and the series list: D and U productions are never shown.
    const season = publicProductions({ apiBase, ...query }).catch(() => undefined);
    const near = await this.nearMonths(apiBase, query, signal, season);
    return near ?? this.whole(apiBase, query, signal, await season);
  }

  /**
   * The near months' performances when they hold what is shown first (`limit`): this month's
   * answer, then the next month's, up to `NEAR_MONTHS`. Each month counts up to its own last day
   * (its answer's trailing days of the next month are not all of that month). Undefined when they
   * hold too few.
   */
  private async nearMonths(apiBase: string, query: PublicQuery, signal: AbortSignal, season: Promise<ReadonlySet<number> | undefined>): Promise<UpcomingAnswer | undefined> {
    const thisMonth = monthIn(this.zone, this.currentTime);
    const performances: Performance[] = [];
    let first: UpcomingAnswer | undefined;
    for (let ahead = 0; ahead < NEAR_MONTHS; ahead++) {
      const { year, month } = addMonths(thisMonth.year, thisMonth.month, ahead);
      const [calendar, shown] = await Promise.all([recentMonth({ apiBase, ...query, year, month }, MONTH_FRESH_MS, signal), season]);
      // An inactive client's answer says so, whatever it lists.
      if (isInactiveClient(calendar)) return { ...calendar, performances: [], complete: true };
      const lastDay = isoDate({ year, month, day: daysInMonth(year, month) });
      for (const [day, list] of Object.entries(calendar.performancesByDateDisplay ?? {})) if (day.slice(0, 10) <= lastDay) performances.push(...list);
      // The first month's notices and client, with every month's performances so far.
      first ??= { ...calendar, performances: [], complete: false };
      const answer: UpcomingAnswer = { ...first, performances: [...performances] };
      if (shown) this.shownProductions.set(answer, shown);
      const upcoming = this.upcoming(answer);
      if (upcoming.length >= this.limit + this.extra) {
        this.askedWhere.set(answer, [apiBase, query]);
        await sanitizerFor(upcoming.first(this.limit + this.extra).flatMap((v) => [v.messageHtml, v.notesHtml]));
        return answer;
      }
    }
    return undefined;
  }

  /** Every upcoming performance (the events answer). */
  private async whole(apiBase: string, query: PublicQuery, signal: AbortSignal, shown: ReadonlySet<number> | undefined): Promise<UpcomingAnswer> {
    const answer: UpcomingAnswer = { ...(await fetchEvents(apiBase, query, { signal })), complete: true };
    if (shown) this.shownProductions.set(answer, shown);
    // The performances shown first: their vendor HTML renders with the answer, not after it.
    await sanitizerFor(this.upcoming(answer).first(this.limit + this.extra).flatMap((v) => [v.messageHtml, v.notesHtml]));
    return answer;
  }

  protected override checkOwnAttributes(): void {
    if (!Number.isInteger(this.limit) || this.limit < 1) {
      throw new ConfigError(`limit must be a positive whole number (got "${String(this.getAttribute('limit') ?? this.limit).slice(0, 40)}")`, 'limit');
    }
    if (!purchaseLink(this.purchaseUrl || DEFAULT_PURCHASE_URL, 1)) {
      throw new ConfigError('purchase-url must be an http(s) URL, with {performanceId} where the performance goes', 'purchase-url');
    }
  }

  protected override ownArgs(): unknown[] {
    return [this.limit, this.purchaseUrl];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('limit')) this.extra = 0;
  }

  /** The answer in start order, kept per answer and settings. */
  private upcoming(answer: UpcomingAnswer): Upcoming {
    const key = [answer, this.zone, this.purchaseUrl, this.now];
    if (this.upcomingCache && key.every((k, i) => k === this.upcomingCache!.key[i])) return this.upcomingCache.upcoming;
    const upcoming = new Upcoming(answer.performances ?? [], {
      timeZone: this.zone,
      purchaseUrl: this.purchaseUrl || DEFAULT_PURCHASE_URL,
      now: this.currentTime,
      shownProductions: this.shownProductions.get(answer),
    });
    this.upcomingCache = { key, upcoming };
    return upcoming;
  }

  /** The answer shown: the whole list once "Show more" has brought it for this answer. */
  private shownAnswer(answer: UpcomingAnswer): UpcomingAnswer {
    const whole = this.everything.value;
    return whole?.from === answer ? whole.answer : answer;
  }

  protected override renderAnswer(answer: UpcomingAnswer, locale: string) {
    const m = this.localize.words;
    const shown = this.shownAnswer(answer);
    const all = this.upcoming(shown);
    if (all.length === 0 && shown.complete) return html`<p class="empty">${m.empty}</p>`;
    const visible = all.first(this.limit + this.extra);
    const thisYear = todayIn(this.zone, this.currentTime).year;
    // Months read so far may not be all: "Show more" then asks for the whole list.
    const more = all.length > visible.length || !shown.complete;
    const asking = this.everything.status === TaskStatus.PENDING;
    const failed = this.everything.status === TaskStatus.ERROR && this.extending === answer;
    // Keyed by the first answer: the whole list "Show more" brings grows the cards shown, it does not start them again.
    const shownNow = this.cards.takeItems(answer, visible);
    return html`<ol part="list" class="grid" aria-label=${m.listLabel} aria-busy=${this.cards.growing ? 'true' : 'false'}>
        ${shownNow.map((v) => this.renderPerformance(v, locale, m, thisYear))}
      </ol>
      ${more
        ? html`<div class="more-row list-footer">
            ${shown.complete ? html`<p class="count list-footer-note">${m.showing(formatCount(visible.length, locale), formatCount(all.length, locale))}</p>` : nothing}
            <button type="button" part="more" class="button secondary more" aria-busy=${asking ? 'true' : 'false'} @click=${() => this.showMore(answer, visible.length)}>${m.showMore}</button>
          </div>`
        : nothing}
      ${failed
        ? renderErrorView(asError(this.everything.error), { locale, vendorName: 'AudienceView', onRetry: () => this.showMore(answer, visible.length) })
        : nothing}`;
  }

  private renderPerformance(v: PerformanceView, locale: string, m: EventListMessages, thisYear: number) {
    const zone = this.zone;
    const dateText = formatInZone(v.start, zone, locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      ...(v.date.year !== thisYear ? { year: 'numeric' } : {}),
    });
    const time = (epoch: number) => formatInZone(epoch, zone, locale, TIME);
    const stateLabel = v.state === 'on-sale' || (v.state === 'message' && v.messageHtml) ? undefined : m.states[v.state];
    const summary = html`
      ${v.logoUrl ? html`<img class="thumb" src=${v.logoUrl} alt="" loading="lazy" decoding="async" />` : nothing}
      <span class="when">
        <time class="date" datetime=${isoDate(v.date)}>${dateText}</time>
        ${v.allDay
          ? html`<span class="time">${m.allDay}</span>`
          : html`<time class="time" datetime=${new Date(v.start).toISOString()}>${time(v.start)}</time>`}
      </span>
      ${v.superTitle ? html`<span class="eyebrow">${v.superTitle}</span>` : nothing}
      <span class="title">${v.productionName}</span>
      ${v.subTitle ? html`<span class="subtitle">${v.subTitle}</span>` : nothing}
      <span class="seating" data-seating=${v.generalAdmission ? 'general' : 'reserved'}>${v.generalAdmission ? m.generalAdmission : m.reservedSeating}</span>
      ${stateLabel ? html`<span class="state">${stateLabel}</span>` : nothing}
      ${v.purchaseUrl ? html`<span class="cta">${m.buy}</span>` : nothing}
    `;
    const doors =
      v.allDay && v.doorsOpen !== undefined
        ? v.doorsClose !== undefined
          ? m.doors(time(v.doorsOpen), time(v.doorsClose))
          : m.doorsOpen(time(v.doorsOpen))
        : undefined;
    return html`<li class="card event" data-state=${v.state}>
      ${v.purchaseUrl
        ? html`<a
            part="performance"
            class="performance"
            href=${v.purchaseUrl}
            data-performance-id=${v.id}
            data-state=${v.state}
            @click=${(e: Event) => this.emit('av-performance-click', new AvPerformanceClickEvent({ performance: v })) || e.preventDefault()}
            >${summary}</a
          >`
        : html`<div part="performance" class="performance" data-performance-id=${v.id} data-state=${v.state} tabindex="-1">${summary}</div>`}
      ${v.messageHtml || v.notesHtml || doors || v.entryTimes.length > 0
        ? html`<div class="details">
            ${v.messageHtml ? html`<div class="message vendor-html">${vendorHtml(v.messageHtml)}</div>` : nothing}
            ${doors ? html`<p class="doors">${doors}</p>` : nothing}
            ${v.entryTimes.length > 0
              ? html`<div class="entries">
                  <span class="entries-label">${m.entries}</span>
                  <ul>
                    ${v.entryTimes.map(
                      (e) => html`<li class=${e.soldOut ? 'entry sold-out' : 'entry'} data-sold-out=${e.soldOut}>
                        <time datetime=${new Date(e.start).toISOString()}>${time(e.start)}</time>${e.soldOut ? html` (${m.entrySoldOut})` : nothing}
                      </li>`,
                    )}
                  </ul>
                </div>`
              : nothing}
            ${v.notesHtml ? html`<div class="notes vendor-html">${vendorHtml(v.notesHtml)}</div>` : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  /**
   * Shows `limit` more and moves focus to the first new one, so keyboard users keep their place.
   * Past the months read, the whole list is asked for first; the button says it is busy meanwhile,
   * and a failure shows below the list, which stays: its retry, or the button again, asks again
   * for the same performances.
   */
  private async showMore(answer: UpcomingAnswer, shownBefore: number): Promise<void> {
    if (this.everything.status === TaskStatus.PENDING) return;
    const retrying = this.everything.status === TaskStatus.ERROR && this.extending === answer;
    if (!retrying) this.extra += this.limit;
    const shown = this.shownAnswer(answer);
    if (!shown.complete && this.upcoming(shown).length < this.limit + this.extra) {
      this.extending = answer;
      await this.everything.run([answer]);
    }
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('[part="performance"]')[shownBefore]?.focus();
  }
}

define('av-event-list', AvEventList);

declare global {
  interface HTMLElementTagNameMap {
    'av-event-list': AvEventList;
  }
}
