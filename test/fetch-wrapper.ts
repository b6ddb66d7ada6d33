// A test's own wrapper around `fetch` for one action, in the browser suites and in node's unit tests
// alike (test/unit imports it as `../fetch-wrapper.ts`).

/** What a test puts between the code under test and the `fetch` underneath (the fake vendor's in node, the browser's own in a browser). */
export type FetchWrapper = (input: RequestInfo | URL, init: RequestInit | undefined, underneath: typeof fetch) => Promise<Response>;

/**
 * Runs `action` with the current `fetch` wrapped, e.g. to make something happen just as a request
 * leaves (another door admits the ticket, staff press stop) or to break one kind of request; the
 * fetch is put back however the action ends.
 */
export async function withFetchWrapped<T>(wrapper: FetchWrapper, action: () => Promise<T>): Promise<T> {
  const underneath = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => wrapper(input, init, underneath)) as typeof fetch;
  try {
    return await action();
  } finally {
    globalThis.fetch = underneath;
  }
}
