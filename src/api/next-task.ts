/**
 * Main-thread work before giving the browser its turn (rendering, reading an answer, making views):
 * ×4 on a mid-range phone is still under a long task's 50 ms, what Total Blocking Time counts.
 */
export const WORK_SLICE_MS = 8;

/**
 * Runs `callback` in a task of its own: not a microtask or a frame callback, so the browser paints
 * and handles input in between; and not a timer, which browsers hold back 4 ms once nested five
 * deep (a month of a thousand performances is about eighty batches). Returns its cancel.
 */
export function nextTask(callback: () => void): () => void {
  const channel = new MessageChannel();
  let cancelled = false;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) callback(); // Firefox delivers a message already queued to a port closed since
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

/** Resolves in a task of its own (see `nextTask`): `await untilNextTask()` gives the browser its turn. */
export const untilNextTask = (): Promise<void> => new Promise((resolve) => nextTask(resolve));
