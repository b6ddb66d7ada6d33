/**
 * The performances of a month, by day, as the calendar shows them: the month's answer plus what
 * only a cached neighbouring month holds (the days of the weeks around it), each once. Views are
 * kept per answer and per month shown, so a month shown before costs nothing to show again.
 */
import type { CalendarResponse, Performance } from '../../api/audienceview/types.js';
import { byStartThenName, DEFAULT_PURCHASE_URL, performanceViews, type PerformanceView } from '../../shared/audienceview/performance.js';
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

  /** The performances of `query`'s month and the days around it, by ISO date; the month's own answer wins a repeat. */
  byDate(answer: CalendarResponse, query: MonthQuery, o: DayOptions): Map<string, PerformanceView[]> {
    const neighbours = [-1, 1].map((d) => cachedMonth({ ...query, ...addMonths(query.year, query.month, d) })?.answer).filter((a): a is CalendarResponse => !!a);
    const sources = [answer, ...neighbours];
    // Sales close by the minute: rebuild at most once a minute for the same answers.
    const signature = [o.timeZone, o.purchaseUrl, Math.floor(o.now / 60_000)].join('|');
    const fresh = (b: Built | undefined) => b?.signature === signature && b.shown === o.shown;
    const known = this.months.get(answer);
    if (fresh(known) && known!.sources.length === sources.length && known!.sources.every((s, i) => s === sources[i])) return known!.byDate;

    const byDate = new Map<string, PerformanceView[]>();
    const seen = new Set<number>();
    for (const source of sources) {
      let built = this.answerViews.get(source);
      if (!fresh(built)) {
        const all: Performance[] = [];
        for (const list of Object.values(source.performancesByDateDisplay ?? {})) {
          if (Array.isArray(list)) all.push(...list);
        }
        const views = performanceViews(all, { timeZone: o.timeZone, purchaseUrl: o.purchaseUrl || DEFAULT_PURCHASE_URL, now: o.now, shownProductions: o.shown });
        this.answerViews.set(source, (built = { signature, shown: o.shown, views }));
      }
      for (const view of built!.views) {
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
    if (neighbours.length) for (const day of byDate.values()) day.sort(byStartThenName);
    this.months.set(answer, { sources, signature, shown: o.shown, byDate });
    return byDate;
  }
}
