/**
 * Our elements' renders share the main thread in slices: once renders have held it for
 * `RENDER_SLICE_MS` without a break, the next one waits for a task of its own, so the browser can
 * paint and answer a tap in between. Elements on one page often get their answers in the same
 * task (the calendar, the event list and the series list share one season fetch): rendered
 * together they made one task of hundreds of milliseconds on a phone's CPU (Lighthouse's Total
 * Blocking Time); now each is its own task.
 *
 * A slice opens with the first render after a break and closes at the next task (a message, as in
 * `nextTask`). An element's first render (its skeleton) never waits: it must be on screen with
 * the page's first paint, or the page would move when it came.
 */
import { nextTask } from './next-task.js';

/** How long renders may hold the main thread before the next one waits (a phone's CPU is 4–6× slower). */
export const RENDER_SLICE_MS = 8;

let sliceStart: number | undefined;

const spent = () => sliceStart !== undefined && performance.now() - sliceStart >= RENDER_SLICE_MS;

/** Resolves when a render may run: at once while the slice has room, else in a later task. */
export async function renderTurn(): Promise<void> {
  while (spent()) await new Promise<void>((resolve) => nextTask(resolve));
}

/** Whether a render may run now without waiting (then `renderTurn` need not be awaited). */
export const renderFits = (): boolean => !spent();

/** A render starts: opens a slice unless one is open (it closes at the next task). */
export function renderStarts(): void {
  if (sliceStart !== undefined) return;
  sliceStart = performance.now();
  nextTask(() => (sliceStart = undefined));
}
