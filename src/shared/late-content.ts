/**
 * What an element shows may depend on code that arrives after the element: the HTML sanitizer,
 * and the words of languages other than English. Each is its own chunk, fetched the first time a
 * page needs it, so a patron pays only for what their page shows. Elements hold a
 * `LateContentController`; when a late chunk lands, every connected element renders again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NetworkError } from '../api/errors.js';

const hosts = new Set<ReactiveControllerHost>();
const pending = new Set<Promise<unknown>>();
let arrivals = 0;

/**
 * How many late chunks have settled so far. A part of a render kept with `guard` names it among
 * its dependencies, so that it is made again when a chunk lands (vendor markup sanitized, words).
 */
export const lateArrivals = (): number => arrivals;

/** Renders its host again whenever a late chunk arrives. */
export class LateContentController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    hosts.add(this.host);
  }
  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}

/**
 * Loads a late chunk: `load` runs once per call site's promise; when it settles (arrived or
 * failed, after `onSettled`), every connected element renders again.
 */
export function lateLoad<T>(load: () => Promise<T>, onSettled: (value: T | undefined, error?: unknown) => void): Promise<T> {
  const promise = load().then(
    (value) => {
      onSettled(value);
      return value;
    },
    (error: unknown) => {
      onSettled(undefined, error);
      throw error;
    },
  );
  const tracked = promise.finally(() => {
    pending.delete(tracked);
    arrivals++;
    for (const host of hosts) host.requestUpdate();
  });
  tracked.catch(() => undefined);
  pending.add(tracked);
  return promise;
}

/** One late chunk of code, as `lateChunk()` makes it. */
export interface LateChunk<T> {
  /** The chunk's module, once it is here. */
  readonly module?: T;
  /** The chunk: fetched by the first call (again after a failed fetch), shared by the others. */
  load(): Promise<T>;
}

/**
 * One late chunk of code (`lateChunk(() => import('./views/month-views.js'))`): fetched once for
 * every element on the page (`load()` calls share one promise) and kept (`module`, once here;
 * `arrived` sets it up first). A failed fetch (offline before the chunk was cached) rejects with a
 * NetworkError, as the contract names every error an element reports, and the next `load()`
 * fetches again. Either way every connected element renders again (`lateLoad`). A function, not a
 * class: minified, a closure's names shrink where a class's fields would not.
 */
export function lateChunk<T>(fetchChunk: () => Promise<T>, arrived?: (module: T) => void): LateChunk<T> {
  let loading: Promise<T> | undefined;
  const chunk: { module?: T; load(): Promise<T> } = {
    load: () =>
      (loading ??= lateLoad(
        () =>
          fetchChunk().catch((cause: unknown) => {
            throw new NetworkError(import.meta.url, { cause });
          }),
        (module) => {
          if (module === undefined) {
            loading = undefined; // not fetched: the next load() tries again
            return;
          }
          arrived?.(module);
          chunk.module = module;
        },
      )),
  };
  return chunk;
}

/** Settles when no late chunk is on its way (for tests, screenshots and benchmarks). */
export async function lateContentSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}
