/**
 * A long list rendered a batch per task: the first batch at once (it fills a phone's screen),
 * each next one after the browser has had the chance to paint and to answer a tap. On a phone's
 * CPU a festival month rendered in one go holds the main thread for hundreds of milliseconds
 * (Lighthouse's Total Blocking Time); in batches no task holds it for long. The batches after the
 * first grow when the last one took less than a render slice (render-slices.ts): cheap items come
 * more at a time on a fast laptop. They never shrink below the first: a render goes over the
 * whole list shown so far, so a batch's time grows with the list, and shrinking batches made a
 * list of hundreds of cards take minutes in WebKit.
 *
 * The host's `updateComplete` waits for the last batch (`settle`, through `WidgetElement.settleWith`),
 * so that code awaiting it (a test, a focus move) sees the whole list, as before.
 */
import type { ReactiveController } from 'lit';
import { nextTask } from '../api/next-task.js';
import { RENDER_SLICE_MS } from './render-slices.js';
import type { WidgetElement } from './widget-element.js';

/** Batches grow to at most this many times the first (a fast machine, cheap items), never below it. */
const MAX_GROWTH = 8;

export class BatchedRenderController implements ReactiveController {
  private list: unknown;
  /** How many items this list may render now: a batch more on each task. */
  private allowed: number;
  /** How many the last render showed, and of how many (0 when that render showed no batched list). */
  private shown = 0;
  private total = 0;
  /** How many items the next batch adds: the first batch's size until a batch has been timed. */
  private step: number;
  /** When the render under way started, and how many items the one before showed. */
  private renderStarted = 0;
  private shownBefore = 0;
  /** Cancels the next batch's task, while one is on its way. */
  private cancelNext?: () => void;
  private nextBatch?: { promise: Promise<void>; resolve(): void };

  constructor(
    private readonly host: WidgetElement,
    private readonly batch: number,
  ) {
    this.allowed = this.step = batch;
    host.addController(this);
    host.settleWith((updated) => this.settle(updated));
  }

  /**
   * The groups of a list (a day's performances) to render now, each with how many of its items:
   * about a batch of items more on each task, the last group shown cut where the batch ends (a
   * festival day of ninety performances is not one task). `list` names the list: another one (the
   * next month) starts again from the first batch; the same one rendered again keeps what it shows.
   */
  take<T>(list: unknown, groups: readonly T[], size: (group: T) => number): Array<[group: T, items: number]> {
    if (list !== this.list) {
      this.list = list;
      this.allowed = this.step = this.batch;
    }
    const taken: Array<[T, number]> = [];
    let shown = 0;
    let total = 0;
    for (const group of groups) {
      const items = size(group);
      if (shown < this.allowed) {
        const now = Math.min(items, this.allowed - shown);
        taken.push([group, now]);
        shown += now;
      }
      total += items;
    }
    this.shown = shown;
    this.total = total;
    return taken;
  }

  /** The items of a flat list to render now (cards): `take` with one item per group. */
  takeItems<T>(list: unknown, items: readonly T[]): T[] {
    return this.take(list, items, () => 1).map(([item]) => item);
  }

  /** More of the list is still to come (for `aria-busy`). */
  get growing(): boolean {
    return this.shown < this.total;
  }

  /** Resolves once the whole list has rendered (at once when nothing is still to come). */
  private async settle(updated: () => Promise<unknown>): Promise<void> {
    // Only while a batch is on its way: a list that cannot grow (off the page) must not spin here.
    let awaited: Promise<void> | undefined;
    while (this.growing && this.host.isConnected && this.nextBatch && this.nextBatch.promise !== awaited) {
      awaited = this.nextBatch.promise;
      await awaited;
      await updated();
    }
  }

  hostUpdate(): void {
    this.renderStarted = performance.now();
    this.shownBefore = this.shown;
    this.shown = this.total = 0; // set again by the render if it still shows the list
  }

  hostUpdated(): void {
    const added = this.shown - this.shownBefore;
    const took = performance.now() - this.renderStarted;
    if (added > 0 && took > 0) this.step = Math.max(this.batch, Math.min(this.batch * MAX_GROWTH, Math.floor((added * RENDER_SLICE_MS) / took)));
    if (!this.growing || this.cancelNext || !this.host.isConnected) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.nextBatch = { promise, resolve };
    this.cancelNext = nextTask(() => {
      this.cancelNext = undefined;
      this.allowed = this.shown + this.step;
      this.host.requestUpdate();
      resolve();
    });
  }

  hostConnected(): void {
    if (this.growing) this.host.requestUpdate(); // taken off the page mid-list: go on
  }

  hostDisconnected(): void {
    this.cancelNext?.();
    this.cancelNext = undefined;
    this.nextBatch?.resolve();
  }
}
