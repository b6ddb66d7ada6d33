/**
 * What an element shows may depend on code that arrives after the element: the HTML sanitizer,
 * and the words of languages other than English. Each is its own chunk, fetched the first time a
 * page needs it, so a patron pays only for what their page shows. Elements hold a
 * `LateContentController`; when a late chunk lands, every connected element renders again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const hosts = new Set<ReactiveControllerHost>();
const pending = new Set<Promise<unknown>>();

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
    for (const host of hosts) host.requestUpdate();
  });
  tracked.catch(() => undefined);
  pending.add(tracked);
  return promise;
}

/** Settles when no late chunk is on its way (for tests, screenshots and benchmarks). */
export async function lateContentSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}
