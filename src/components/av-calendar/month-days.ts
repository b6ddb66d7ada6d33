/**
 * The performances of a month, by day, as the calendar shows them: the month's answer plus what
 * only a cached neighbouring month holds (the days of the weeks around it), each once. Views are
 * kept per answer and per month shown, so a month shown before costs nothing to show again.
 */
import type { CalendarResponse, Performance } from '../../api/audienceview/types.js';
import { byStartThenName, DEFAULT_PURCHASE_URL, performanceViews, performanceViewsInSlices, type PerformanceView } from '../../shared/audienceview/performance.js';
import { addMonths, isoDate } from '../../shared/time-zone.js';
import { cachedMonth, type MonthQuery } from '../../shared/audienceview/month-cache.js';

export interface DayOptions {
  timeZone: string;
  purchaseUrl: string;
  /** Epoch ms: sales close by the minute. */
  now: number;
  /** Productions for public display; undefined: all. */
  shown?: ReadonlySet<number>;
}

/** What a set of views was built with: a new answer, option or minute rebuilds them. */
interface Built {
  signature: string;
  shown?: ReadonlySet<number>;
}

interface AnswerViews extends Built {
  views: PerformanceView[];
}

interface MonthDays extends Built {
  sources: readonly CalendarResponse[];
  byDate: Map<string, PerformanceView[]>;
}

export class MonthDaysCache {
  private answerViews = new WeakMap<CalendarResponse, AnswerViews>();
  private months = new WeakMap<CalendarResponse, MonthDays>();

  /**
   * Makes the views `byDate` needs a slice at a time, the browser's turn between slices (the
   * month's task waits for this, so the render that shows the month only sorts them into days).
   */
  async prepare(answer: CalendarResponse, query: MonthQuery, o: DayOptions, signal?: AbortSignal): Promise<void> {
    const built = this.built(o);
    for (const source of this.sources(answer, query)) {
      if (built.fresh(this.answerViews.get(source))) continue;
      const views = await performanceViewsInSlices(performancesOf(source), built.options, signal);
      this.answerViews.set(source, { ...built.stamp, views });
    }
  }

  /** The performances of `query`'s month and the days around it, by ISO date; the month's own answer wins a repeat. */
  byDate(answer: CalendarResponse, query: MonthQuery, o: DayOptions): Map<string, PerformanceView[]> {
    const sources = this.sources(answer, query);
    const neighbours = sources.length > 1;
    const built = this.built(o);
    const known = this.months.get(answer);
    if (built.fresh(known) && known!.sources.length === sources.length && known!.sources.every((s, i) => s === sources[i])) return known!.byDate;

    const byDate = new Map<string, PerformanceView[]>();
    const seen = new Set<number>();
    for (const source of sources) {
      let views = this.answerViews.get(source);
      if (!built.fresh(views)) this.answerViews.set(source, (views = { ...built.stamp, views: performanceViews(performancesOf(source), built.options) }));
      for (const view of views!.views) {
        // Future performances only, as the seed words the answer: a server that also sends the days gone by is not shown them.
        if (view.start <= o.now) continue;
        if (seen.has(view.id)) continue; // the visible answer wins a neighbouring-week repeat
        seen.add(view.id);
        const key = isoDate(view.date);
        const day = byDate.get(key);
        if (day) day.push(view);
        else byDate.set(key, [view]);
      }
    }
    if (neighbours) for (const day of byDate.values()) day.sort(byStartThenName);
    this.months.set(answer, { sources, ...built.stamp, byDate });
    return byDate;
  }

  /** The month's answer and the cached neighbouring months' (their edge weeks). */
  private sources(answer: CalendarResponse, query: MonthQuery): CalendarResponse[] {
    const neighbours = [-1, 1].map((d) => cachedMonth({ ...query, ...addMonths(query.year, query.month, d) })?.answer).filter((a): a is CalendarResponse => !!a);
    return [answer, ...neighbours];
  }

  /** What views are made with, and whether ones already made still hold. */
  private built(o: DayOptions) {
    // Sales close by the minute: rebuild at most once a minute for the same answers.
    const stamp: Built = { signature: [o.timeZone, o.purchaseUrl, Math.floor(o.now / 60_000)].join('|'), shown: o.shown };
    return {
      stamp,
      fresh: (b: Built | undefined) => b?.signature === stamp.signature && b.shown === stamp.shown,
      options: { timeZone: o.timeZone, purchaseUrl: o.purchaseUrl || DEFAULT_PURCHASE_URL, now: o.now, shownProductions: o.shown },
    };
  }
}

function performancesOf(answer: CalendarResponse): Performance[] {
  const all: Performance[] = [];
  for (const list of Object.values(answer.performancesByDateDisplay ?? {})) {
    if (Array.isArray(list)) all.push(...list);
  }
  return all;
}
