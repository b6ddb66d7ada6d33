/**
 * Watches a list that renders a batch per task (src/shared/batched-render.ts). A mutation observer
 * sees each render before the browser paints it; a task queued at the first batch (a message, as a
 * tap's would be) runs only once the main thread is given back: the count it sees tells whether the
 * list came in more than one task. Start it right after the element is put on the page.
 */
export interface BatchWatch {
  /** The item counts of the renders seen, in order (each new count once). */
  readonly counts: number[];
  /** The list's `aria-busy` at each of them. */
  readonly busy: (string | null)[];
  /** The count when the task queued at the first batch ran. */
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
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        countWhenYielded = count();
        channel.port1.close();
      };
      channel.port2.postMessage(null);
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
