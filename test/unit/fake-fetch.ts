/**
 * A stand-in for the global `fetch` in node unit tests: each call is recorded (URL, method,
 * headers, body) and answered by the next scripted reply, so a test can count what reached the
 * network. Restored by `restore()`.
 */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

export type Reply = Response | Error | ((request: SeenRequest) => Response | Promise<Response>);

export function fakeFetch(...replies: Reply[]) {
  const original = globalThis.fetch;
  const seen: SeenRequest[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: SeenRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body),
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    seen.push(request);
    const reply = replies.length > 1 ? replies.shift()! : replies[0];
    if (reply === undefined) throw new Error('fakeFetch: no reply scripted');
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(request);
    return reply.clone();
  }) as typeof fetch;
  return { seen, restore: () => void (globalThis.fetch = original) };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A fetch that never answers until its signal aborts (then rejects as browsers do). */
export function hanging(): (request: SeenRequest) => Promise<Response> {
  return (request) =>
    new Promise((_, reject) => {
      if (request.signal?.aborted) return reject(request.signal.reason);
      request.signal?.addEventListener('abort', () => reject(request.signal!.reason), { once: true });
    });
}
