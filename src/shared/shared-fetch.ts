/**
 * A fetch several elements on one page share (the season, a month): one request per key at a
 * time, and each caller may stop waiting without stopping it for the others.
 */

/** One fetch per key at a time: a second caller joins the first; the entry goes when it settles. */
export function joinOrFetch<T>(pending: Map<string, Promise<T>>, key: string, fetch: () => Promise<T>): Promise<T> {
  let promise = pending.get(key);
  if (!promise) {
    promise = fetch().finally(() => pending.delete(key));
    pending.set(key, promise);
  }
  return promise;
}

/** `shared` for one caller: it rejects when the caller's `signal` aborts; the shared work goes on for the others. */
export function untilAborted<T>(shared: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return shared;
  return new Promise((resolve, reject) => {
    // A signal aborted already fires no event: without this the caller would wait for the whole fetch.
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    shared.then(resolve, reject);
  });
}
