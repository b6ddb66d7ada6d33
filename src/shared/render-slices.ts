/**
 * Our elements' renders share the main thread in slices: once renders have held it for
 * `RENDER_SLICE_MS` without a break, the next one waits for a task of its own, so the browser can
 * paint and answer a tap in between. Elements on one page often get their answers in the same
 * task (the calendar, the event list and the series list share one season fetch): rendered
 * together they made one task of hundreds of milliseconds on a phone's CPU (Lighthouse's Total
 * Blocking Time); now each is its own task.
 *
 * A slice opens with the first render after a break and closes at the next task (a message, as in
 * `nextTask`). An element's own renders in a row never wait for each other. An element's first
 * render (its skeleton) never waits: it must be on screen with the page's first paint, or the page
 * would move when it came.
 */
import { nextTask, untilNextTask, WORK_SLICE_MS } from '../api/next-task.js';

/** How long renders may hold the main thread before the next one waits (a phone's CPU is 4–6× slower). */
export const RENDER_SLICE_MS = WORK_SLICE_MS;

let sliceStart: number | undefined;
/** Who has rendered in the open slice: one element, or `SHARED` once another has too. */
let sliceHolder: object | undefined;
const SHARED = {};

const spent = () => sliceStart !== undefined && performance.now() - sliceStart >= RENDER_SLICE_MS;

/**
 * Whether `element` may render now: while the slice has room, or when it held the whole slice
 * itself (its own renders follow each other as before: a click's answer is not held back behind
 * the render it follows; turns are between elements).
 */
export const renderFits = (element: object): boolean => !spent() || sliceHolder === element;

/** Resolves when `element` may render: at once when it fits, else in a later task. */
export async function renderTurn(element: object): Promise<void> {
  while (!renderFits(element)) await untilNextTask();
}

/** `element` starts a render: opens a slice unless one is open (it closes at the next task). */
export function renderStarts(element: object): void {
  if (sliceStart !== undefined) {
    if (sliceHolder !== element) sliceHolder = SHARED;
    return;
  }
  sliceStart = performance.now();
  sliceHolder = element;
  nextTask(() => (sliceStart = sliceHolder = undefined));
}
