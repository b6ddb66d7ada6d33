/**
 * The month on screen, loaded through `@lit/task`: a month from memory shows at once and is
 * refreshed in the background (month-cache.ts); moving to another month aborts the run for the
 * month the patron left and drops its answer; a neighbouring month is fetched as the patron
 * reaches for its arrow (hover, focus, touch), so the click usually finds it in memory.
 */
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { isInactiveClient } from '../../../api/audienceview/public.js';
import type { CalendarResponse } from '../../../api/audienceview/types.js';
import { asError, isAbortError, type VendorError } from '../../../api/errors.js';
import { warningTexts } from '../../../shared/audienceview/performance.js';
import { knownPublicProductions, publicProductions } from '../../../shared/audienceview/productions.js';
import { sanitizerFor } from '../../../shared/sanitize.js';
import { addMonths } from '../../../shared/time-zone.js';
import { cachedMonth, loadMonth, type MonthQuery } from '../../../shared/audienceview/month-cache.js';

export interface ShownMonth {
  answer: CalendarResponse;
  /** Productions the season lists for public display; undefined: unknown, all shown. */
  shown?: ReadonlySet<number>;
}

export interface MonthViews<T> {
  /** Nothing to show yet: the skeleton. */
  loading(): T;
  month(month: ShownMonth): T;
  error(error: Error): T;
}

/** The month's data: its lifecycle is the task's (a controller of the host), this class adds the month's rules. */
export class MonthController {
  private readonly task: Task<[string], ShownMonth>;
  /**
   * The month from memory the run under way began with, shown while it runs. Not memory as it is
   * now: an answer that lands there during the run would show before its views are made (a heavy
   * month's thousand views in one task) and before its HTML can be sanitized.
   */
  private shownWhileLoading?: ShownMonth;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    /** The month the attributes ask for, or why they cannot (a ConfigError). */
    private readonly target: () => MonthQuery | Error,
    /** The element's one error path: fires its error event, returns the error to show. */
    private readonly report: (error: unknown) => Error,
    /** Code the month's views need (a chunk of their own): the month shows when both are here. */
    private readonly views: () => Promise<unknown> = async () => undefined,
    /** Work the month's render would do, done first in slices (the month's views): the month shows when it is done. */
    private readonly prepare: (month: ShownMonth, query: MonthQuery, signal: AbortSignal) => Promise<void> = async () => undefined,
  ) {
    this.task = new Task<[string], ShownMonth>(host, {
      task: (_key, { signal }) => this.load(signal),
      args: () => {
        const target = this.target();
        return [target instanceof Error ? `${target.name}: ${target.message}` : JSON.stringify(target)];
      },
    });
  }

  /** Loads the month shown again (the retry control). */
  retry(): void {
    void this.task.run();
  }

  /** The answer, the month from memory while it is refreshed, the skeleton, or the failure. */
  render<T>(views: MonthViews<T>): T {
    return this.task.render({
      initial: views.loading,
      pending: () => (this.shownWhileLoading ? views.month(this.shownWhileLoading) : views.loading()),
      complete: views.month,
      error: (error) => views.error(asError(error)),
    }) as T;
  }

  private async load(signal: AbortSignal): Promise<ShownMonth> {
    const query = this.target();
    // Set here: @lit/task calls this before the render that shows the run pending.
    if (query instanceof Error) {
      this.shownWhileLoading = undefined;
      throw this.report(query);
    }
    const memory = (this.shownWhileLoading = fromMemory(query));
    try {
      // A month from memory is painted first; its background refresh starts in the next task.
      if (memory) await new Promise((resolve) => setTimeout(resolve));
      signal.throwIfAborted();
      // Without the series answer every production is shown: better than no calendar at all.
      const [answer, shown] = await Promise.all([loadMonth(query, signal), publicProductions(query).catch(() => undefined), this.views()]);
      // Rendered once, with its HTML, rather than as text and again when DOMPurify lands.
      await sanitizerFor(vendorStrings(answer));
      await this.prepare({ answer, shown }, query, signal);
      return { answer, shown };
    } catch (error) {
      if (signal.aborted || isAbortError(error)) throw error;
      // An inactive client is not a failure: its answer says so, politely.
      if (isInactiveClient(error)) return { answer: (error as VendorError).details as CalendarResponse };
      // A failed background refresh leaves the month from memory on screen.
      if (memory) return memory;
      throw this.report(error);
    }
  }

  /**
   * Fetches the month `delta` away from the one shown, as the patron reaches for its arrow. Not
   * while idle after every load: a phone would pay for months never opened (a busy month is 60 KB,
   * and its parse a 400 ms task at a mid-range phone's speed, measured by Lighthouse).
   */
  prefetch(delta: number): void {
    const query = this.target();
    if (query instanceof Error) return;
    const neighbour = { ...query, ...addMonths(query.year, query.month, delta) };
    if (cachedMonth(neighbour)) return;
    // Its views are made too, in slices: the click shows it from memory, and would otherwise make a
    // heavy month's thousand views in the render that follows the tap.
    loadMonth(neighbour)
      .then((answer) => this.prepare({ answer, shown: knownPublicProductions(neighbour) }, neighbour, new AbortController().signal))
      .catch(() => undefined); // shown (with its error) if the patron goes there
  }
}

/** Every string of a month the calendar may show as vendor HTML. */
function* vendorStrings(answer: CalendarResponse): Iterable<string | null | undefined> {
  yield* warningTexts(answer);
  for (const day of Object.values(answer.performancesByDateDisplay ?? {})) {
    for (const p of day) yield* [p.customMessage, p.noRemainingTicketsMessage, p.shutoffHourMessage, p.performanceNotes];
  }
}

/** A month already fetched, when the season's public productions are known too (else it must wait for them). */
function fromMemory(query: MonthQuery): ShownMonth | undefined {
  const shown = knownPublicProductions(query);
  const cached = shown && cachedMonth(query);
  return cached ? { answer: cached.answer, shown } : undefined;
}
