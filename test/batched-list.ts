/**
 * Watches a list that renders a batch per task (src/shared/batched-render.ts). A mutation observer
 * sees each render before the browser paints it; the count at the end of the first batch's task
 * (`thisTaskEnds`, test/page-tasks.ts) tells whether the list came in more than one task. Start it
 * right after the element is put on the page.
 */
import { thisTaskEnds } from './page-tasks.js';

export interface BatchWatch {
  /** The item counts of the renders seen, in order (each new count once). */
  readonly counts: number[];
  /** The list's `aria-busy` at each of them. */
  readonly busy: (string | null)[];
  /** The count when the task of the first batch ended (the page had the main thread then). */
  readonly countWhenYielded: number | undefined;
  stop(): void;
}

export function watchBatches(root: ShadowRoot, count: () => number, listSelector: string): BatchWatch {
  const counts: number[] = [];
  const busy: (string | null)[] = [];
  let countWhenYielded: number | undefined;
  const observer = new MutationObserver(() => {
    const now = count();
    if (now === 0 || now === counts.at(-1)) return;
    if (counts.length === 0) {
      // Not a queued message: WebKit does not always run messages of two channels in the order they were posted,
      // so one posted here could run after the list's next batches.
      thisTaskEnds(() => (countWhenYielded = count()));
    }
    counts.push(now);
    busy.push(root.querySelector(listSelector)?.getAttribute('aria-busy') ?? null);
  });
  observer.observe(root, { childList: true, subtree: true });
  return {
    counts,
    busy,
    get countWhenYielded() {
      return countWhenYielded;
    },
    stop: () => observer.disconnect(),
  };
}
