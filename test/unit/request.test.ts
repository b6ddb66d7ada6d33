/**
 * The fetch seam (src/api/request.ts + errors.ts): what a patron or a door operator would notice
 * when the network or a vendor misbehaves — a repeated payment-like POST, a lost answer shown as
 * "unreadable", a code leaking into a message, a retry storm.
 */
import assert from 'node:assert/strict';
import { ConfigError, HttpError, NetworkError, ParseError, TimeoutError, VendorError, asError, isAbortError, isWidgetError } from '../../src/api/errors.js';
import { joinUrl, looksLikeHtml, request, retryAfterMs } from '../../src/api/request.js';
import { fakeFetch, hanging, json } from './fake-fetch.ts';

const API = 'https://vendor.example/api/things';
describe('fetch seam', () => {
  let net: ReturnType<typeof fakeFetch> | undefined;
  afterEach(() => net?.restore());

  async function rejection(promise: Promise<unknown>): Promise<any> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    assert.fail('expected the request to fail');
  }

  describe('request: answers', () => {
    it('parses a JSON answer and asks for JSON', async () => {
      net = fakeFetch(json({ ok: 1 }));
      assert.deepEqual(await request(API), { ok: 1 });
      assert.equal(net.seen[0]!.headers.get('accept'), 'application/json');
      assert.equal(net.seen[0]!.method, 'GET');
    });

    it('accepts valid JSON under a wrong content type', async () => {
      net = fakeFetch(new Response('[1,2]', { headers: { 'content-type': 'text/plain' } }));
      assert.deepEqual(await request(API), [1, 2]);
    });

    it('an HTML page (a proxy or login page) is a ParseError, not data', async () => {
      net = fakeFetch(new Response('<!doctype html><p>Gateway</p>', { headers: { 'content-type': 'text/html' } }));
      const error = await rejection(request(API));
      assert.ok(error instanceof ParseError);
      assert.match(error.message, /HTML page/);
      assert.equal(error.snippet, '<!doctype html><p>Gateway</p>');
    });

    it('an HTML body without an HTML content type is still caught', async () => {
      net = fakeFetch(new Response('  <html>x</html>', { headers: { 'content-type': 'application/json' } }));
      assert.ok((await rejection(request(API))) instanceof ParseError);
    });

    it('an empty answer and a cut-short answer are ParseErrors that say which', async () => {
      net = fakeFetch(new Response('   ', { status: 200 }), new Response('{"a":', { status: 200 }));
      const empty = await rejection(request(API));
      assert.ok(empty instanceof ParseError);
      assert.match(empty.message, /empty/);
      assert.equal(empty.snippet, '');
      const cut = await rejection(request(API));
      assert.ok(cut instanceof ParseError);
      assert.match(cut.message, /not valid JSON/);
      assert.equal(cut.snippet, '{"a":');
    });

    it('responseType text returns the body as text, none ignores it and does not ask for JSON', async () => {
      net = fakeFetch(new Response('<p>hello</p>'));
      assert.equal(await request(API, { responseType: 'text' }), '<p>hello</p>');
      assert.equal(net.seen[0]!.headers.get('accept'), null);
      net.restore();
      net = fakeFetch(new Response(null, { status: 204 }));
      assert.equal(await request(API, { method: 'DELETE', responseType: 'none' }), undefined);
    });

    it('onResponse sees the status and the vendor Date header of every answer', async () => {
      net = fakeFetch(json({ e: 1 }, 404, { date: 'Wed, 02 Dec 2026 03:00:00 GMT' }));
      const seen: [number, string | null, number][] = [];
      const before = Date.now();
      await rejection(request(API, { onResponse: (r, at) => seen.push([r.status, r.headers.get('date'), at]) }));
      assert.equal(seen.length, 1);
      assert.equal(seen[0]![0], 404);
      assert.equal(seen[0]![1], 'Wed, 02 Dec 2026 03:00:00 GMT');
      assert.ok(seen[0]![2] >= before && seen[0]![2] <= Date.now());
    });
  });

  describe('request: what is sent', () => {
    it('adds the query, leaving out null and undefined, after an existing query with &', async () => {
      net = fakeFetch(json({}));
      await request(API, { query: { a: 1, b: null, c: undefined, d: false, e: 'x y' } });
      assert.equal(net.seen[0]!.url, `${API}?a=1&d=false&e=x+y`);
      await request(`${API}?k=1`, { query: { a: 2 } });
      assert.equal(net.seen[1]!.url, `${API}?k=1&a=2`);
      await request(API, { query: { gone: null } });
      assert.equal(net.seen[2]!.url, API);
      await request(API);
      assert.equal(net.seen[3]!.url, API);
    });

    it('sends an object as JSON with its content type; a string or form as it is', async () => {
      net = fakeFetch(json({}));
      await request(API, { method: 'POST', body: { barcode: 'A1' } });
      assert.equal(net.seen[0]!.body, '{"barcode":"A1"}');
      assert.equal(net.seen[0]!.headers.get('content-type'), 'application/json');
      await request(API, { method: 'POST', body: 'raw text' });
      assert.equal(net.seen[1]!.body, 'raw text');
      assert.equal(net.seen[1]!.headers.get('content-type'), null);
      await request(API, { method: 'POST', body: new URLSearchParams({ a: 'b' }) });
      assert.equal(net.seen[2]!.body, 'a=b');
      assert.notEqual(net.seen[2]!.headers.get('content-type'), 'application/json');
      await request(API, { method: 'POST', body: null });
      assert.equal(net.seen[3]!.body, undefined);
      assert.equal(net.seen[3]!.headers.get('content-type'), null);
    });

    it("the caller's headers win and credentials pass through", async () => {
      net = fakeFetch(json({}));
      await request(API, { headers: { accept: 'text/csv', 'x-k': 'v' }, credentials: 'include' });
      assert.equal(net.seen[0]!.headers.get('accept'), 'text/csv');
      assert.equal(net.seen[0]!.headers.get('x-k'), 'v');
      assert.equal(net.seen[0]!.credentials, 'include');
    });

    it('FormData and Blob bodies go as they are', async () => {
      net = fakeFetch(json({}));
      const form = new FormData();
      form.set('a', 'b');
      await request(API, { method: 'POST', body: form });
      assert.notEqual(net.seen[0]!.headers.get('content-type'), 'application/json');
      await request(API, { method: 'POST', body: new Blob(['x']) });
      assert.notEqual(net.seen[1]!.headers.get('content-type'), 'application/json');
    });
  });

  describe('request: failures and retries', () => {
    it('a GET that meets 503 twice is tried three times and then succeeds', async () => {
      net = fakeFetch(json({}, 503, { 'retry-after': '0' }), json({}, 503, { 'retry-after': '0' }), json({ ok: true }));
      assert.deepEqual(await request(API), { ok: true });
      assert.equal(net.seen.length, 3);
    });

    it('every retryable status is retried: 429, 500, 502, 503, 504', async () => {
      for (const status of [429, 500, 502, 503, 504]) {
        net?.restore();
        net = fakeFetch(json({}, status, { 'retry-after': '0' }), json({ ok: status }));
        assert.deepEqual(await request(API), { ok: status });
        assert.equal(net.seen.length, 2, `status ${status}`);
      }
    });

    it('a POST is never repeated, even after a 503 or a dropped connection (it may have been applied)', async () => {
      net = fakeFetch(json({}, 503, { 'retry-after': '0' }));
      assert.ok((await rejection(request(API, { method: 'POST', body: {}, retries: 5 }))) instanceof HttpError);
      assert.equal(net.seen.length, 1);
      net.restore();
      net = fakeFetch(new TypeError('Failed to fetch'));
      assert.ok((await rejection(request(API, { method: 'PUT', body: {}, retries: 5 }))) instanceof NetworkError);
      assert.equal(net.seen.length, 1);
    });

    it('a 404 or 400 is not retried and keeps its status and body', async () => {
      net = fakeFetch(new Response('no such thing', { status: 404 }));
      const error = await rejection(request(API));
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, 404);
      assert.equal(error.bodyText, 'no such thing');
      assert.equal(net.seen.length, 1);
    });

    it('the retries run out: the last error is thrown after 1 + retries attempts', async () => {
      net = fakeFetch(json({}, 500, { 'retry-after': '0' }));
      const error = await rejection(request(API, { retries: 1 }));
      assert.equal(error.status, 500);
      assert.equal(net.seen.length, 2);
      net.restore();
      net = fakeFetch(json({}, 500, { 'retry-after': '0' }));
      await rejection(request(API, { retries: -3 }));
      assert.equal(net.seen.length, 1);
    });

    it('a dropped connection is a NetworkError, retried with growing waits (300 ms, then 600 ms)', async () => {
      net = fakeFetch(new TypeError('Failed to fetch'));
      const started = Date.now();
      const error = await rejection(request(API));
      const elapsed = Date.now() - started;
      assert.ok(error instanceof NetworkError);
      assert.equal(net.seen.length, 3);
      assert.ok(elapsed >= 890 && elapsed < 1400, `waited ${elapsed} ms`);
      assert.match(error.message, /Could not reach vendor\.example\/api\/things/);
    });

    it('a Retry-After of a few seconds is waited for; a long one is handed to the caller at once', async () => {
      net = fakeFetch(json({}, 429, { 'retry-after': '1' }), json({ ok: 1 }));
      let started = Date.now();
      assert.deepEqual(await request(API), { ok: 1 });
      assert.ok(Date.now() - started >= 990, 'waited the asked second');
      net.restore();
      net = fakeFetch(json({}, 429, { 'retry-after': '10' }), json({ ok: 1 }));
      // 10 s exactly is still waited for: stop it with the caller's signal instead of waiting.
      const controller = new AbortController();
      setTimeout(() => controller.abort(new DOMException('left', 'AbortError')), 100);
      started = Date.now();
      const aborted = await rejection(request(API, { signal: controller.signal }));
      assert.ok(isAbortError(aborted));
      assert.ok(Date.now() - started < 1000);
      net.restore();
      net = fakeFetch(json({}, 429, { 'retry-after': '11' }), json({ ok: 1 }));
      started = Date.now();
      const error = await rejection(request(API));
      assert.ok(Date.now() - started < 500);
      assert.equal(error.retryAfterMs, 11_000);
      assert.equal(net.seen.length, 1);
    });

    it('a time limit is a TimeoutError naming the seconds, and is not retried', async () => {
      net = fakeFetch(hanging());
      const error = await rejection(request(`${API}?code=SECRET`, { timeoutMs: 60 }));
      assert.ok(error instanceof TimeoutError);
      assert.equal(error.timeoutMs, 60);
      assert.equal(net.seen.length, 1);
      assert.doesNotMatch(error.message, /SECRET/);
      const slow = new TimeoutError(API, 15_000);
      assert.equal(slow.message, 'vendor.example/api/things did not answer within 15 s');
    });

    it("the caller's abort rejects with the caller's own reason, never a widget error", async () => {
      net = fakeFetch(hanging());
      const controller = new AbortController();
      const pending = request(API, { signal: controller.signal });
      const reason = new DOMException('replaced', 'AbortError');
      setTimeout(() => controller.abort(reason), 20);
      const error = await rejection(pending);
      assert.equal(error, reason);
      assert.equal(isWidgetError(error), false);
    });

    it('an abort during the wait between attempts stops the retries', async () => {
      net = fakeFetch(json({}, 503, { 'retry-after': '5' }));
      const controller = new AbortController();
      const pending = request(API, { signal: controller.signal });
      setTimeout(() => controller.abort(new DOMException('gone', 'AbortError')), 50);
      const started = Date.now();
      assert.ok(isAbortError(await rejection(pending)));
      assert.ok(Date.now() - started < 1000);
      assert.equal(net.seen.length, 1);
    });

    it('an already aborted signal never waits to retry', async () => {
      const controller = new AbortController();
      net = fakeFetch((r) => {
        controller.abort(new DOMException('gone', 'AbortError'));
        return json({}, 503, { 'retry-after': '2' });
      });
      const started = Date.now();
      const error = await rejection(request(API, { signal: controller.signal }));
      assert.ok(Date.now() - started < 1000);
      assert.ok(isAbortError(error));
    });

    it("the vendor's own error form wins; without one an HTML error page is a ParseError", async () => {
      net = fakeFetch(json({ errorCode: 7 }, 400));
      const seen: unknown[] = [];
      const error = await rejection(
        request(API, {
          toVendorError: (answer) => {
            seen.push(answer.json, answer.status, answer.bodyText, answer.url);
            return new VendorError('no', { vendor: 'vista', code: 7 });
          },
        }),
      );
      assert.ok(error instanceof VendorError);
      assert.deepEqual(seen, [{ errorCode: 7 }, 400, '{"errorCode":7}', API]);
      net.restore();
      net = fakeFetch(new Response('<html>502 Bad Gateway</html>', { status: 400, headers: { 'content-type': 'text/html' } }));
      const page = await rejection(request(API, { toVendorError: () => undefined }));
      assert.ok(page instanceof ParseError);
      assert.equal(page.status, 400);
      net.restore();
      net = fakeFetch(new Response('not json', { status: 400 }));
      let hookJson: unknown = 'unset';
      await rejection(request(API, { toVendorError: (a) => void (hookJson = a.json) }));
      assert.equal(hookJson, undefined);
      net.restore();
      net = fakeFetch(new Response('', { status: 400 }));
      await rejection(request(API, { toVendorError: (a) => void (hookJson = a.json) }));
      assert.equal(hookJson, undefined);
    });

    it('an HttpError message names host and path, never the query (codes, ids)', async () => {
      net = fakeFetch(new Response('x'.repeat(3000), { status: 418 }));
      const error = await rejection(request(`${API}?accesscode=1234`));
      assert.equal(error.message, '418 from vendor.example/api/things');
      assert.equal(error.bodyText.length, 2000);
    });
  });

  describe('request: streams', () => {
    const streamOf = (...parts: string[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
          controller.close();
        },
      });

    it('hands the chunks to readStream as they arrive', async () => {
      net = fakeFetch(() => new Response(streamOf('ab', 'cd'), { headers: { 'content-type': 'application/json' } }));
      const text = await request<string>(API, {
        responseType: 'stream',
        readStream: async (chunks) => {
          let all = '';
          for await (const chunk of chunks) all += new TextDecoder().decode(chunk) + '|';
          return all;
        },
      });
      assert.equal(text, 'ab|cd|');
    });

    it('an HTML page instead of the stream is a ParseError; a stream without a reader is empty', async () => {
      net = fakeFetch(() => new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }));
      const page = await rejection(request(API, { responseType: 'stream', readStream: async () => 1 }));
      assert.ok(page instanceof ParseError);
      assert.match(page.message, /HTML page/);
      net.restore();
      net = fakeFetch(() => new Response(streamOf('x')));
      const empty = await rejection(request(API, { responseType: 'stream' }));
      assert.ok(empty instanceof ParseError);
      assert.match(empty.message, /empty/);
      assert.equal(empty.snippet, '');
    });

    it('a stream error outside 2xx is an HttpError with the body', async () => {
      net = fakeFetch(() => new Response('busy', { status: 404 }));
      const error = await rejection(request(API, { responseType: 'stream', readStream: async () => 1 }));
      assert.ok(error instanceof HttpError);
      assert.equal(error.bodyText, 'busy');
    });

    it('a connection dropped mid-stream is a NetworkError; a reader that stops early cancels the download', async () => {
      let cancelled = false;
      net = fakeFetch(
        () =>
          new Response(
            new ReadableStream<Uint8Array>({
              pull(controller) {
                controller.error(new TypeError('network reset'));
              },
            }),
          ),
      );
      const dropped = await rejection(request(API, { retries: 0, responseType: 'stream', readStream: async (chunks) => { for await (const _ of chunks); } }));
      assert.ok(dropped instanceof NetworkError);
      net.restore();
      net = fakeFetch(
        () =>
          new Response(
            new ReadableStream<Uint8Array>({
              pull(controller) {
                controller.enqueue(new Uint8Array([1]));
              },
              cancel() {
                cancelled = true;
              },
            }),
          ),
      );
      const first = await request(API, {
        responseType: 'stream',
        readStream: async (chunks) => {
          for await (const chunk of chunks) return chunk[0];
        },
      });
      assert.equal(first, 1);
      await new Promise((r) => setTimeout(r, 10));
      assert.ok(cancelled);
    });
  });

  describe('helpers', () => {
    it('joinUrl tolerates slashes on both sides and keeps literal parentheses', () => {
      assert.equal(joinUrl('https://a.example/api//', '//x(1)/y'), 'https://a.example/api/x(1)/y');
      assert.equal(joinUrl('https://a.example/api', 'x'), 'https://a.example/api/x');
    });

    it('retryAfterMs reads seconds and HTTP dates, never negative', () => {
      assert.equal(retryAfterMs(new Headers({ 'retry-after': '3' })), 3000);
      assert.equal(retryAfterMs(new Headers({ 'retry-after': '-3' })), 0);
      assert.equal(retryAfterMs(new Headers()), undefined);
      assert.equal(retryAfterMs(new Headers({ 'retry-after': 'soon' })), undefined);
      assert.equal(retryAfterMs(new Headers({ 'retry-after': 'Wed, 02 Dec 1999 03:00:00 GMT' })), 0);
      const inAMinute = new Date(Date.now() + 60_000).toUTCString();
      const ms = retryAfterMs(new Headers({ 'retry-after': inAMinute }))!;
      assert.ok(ms > 55_000 && ms <= 60_000, String(ms));
    });

    it('looksLikeHtml by content type or a leading tag', () => {
      assert.equal(looksLikeHtml(new Response('', { headers: { 'content-type': 'text/html; charset=utf-8' } }), '{}'), true);
      assert.equal(looksLikeHtml(new Response('', { headers: { 'content-type': 'application/json' } }), '\n <x'), true);
      assert.equal(looksLikeHtml(new Response('', { headers: { 'content-type': 'application/json' } }), '{"a":"<b>"}'), false);
      const bare = new Response('');
      bare.headers.delete('content-type');
      assert.equal(looksLikeHtml(bare, '[]'), false);
    });

    it('widget errors carry literal names; anything thrown becomes an Error', () => {
      const errors = [new HttpError(API, 500), new NetworkError(API), new TimeoutError(API, 1000), new ParseError(API, 200, ''), new ConfigError('bad', 'client-id'), new VendorError('no', { vendor: 'utick', code: 'X' })];
      assert.deepEqual(errors.map((e) => e.name), ['HttpError', 'NetworkError', 'TimeoutError', 'ParseError', 'ConfigError', 'VendorError']);
      assert.ok(errors.every(isWidgetError));
      assert.equal(isWidgetError(new TypeError('x')), false);
      assert.equal(isWidgetError({ name: 'HttpError' }), false);
      assert.equal(asError('boom').message, 'boom');
      const e = new Error('same');
      assert.equal(asError(e), e);
      assert.equal(isAbortError(new DOMException('x', 'AbortError')), true);
      assert.equal(isAbortError(new DOMException('x', 'TimeoutError')), false);
      assert.equal(isAbortError(new Error('AbortError')), false);
      assert.equal(new ParseError(API, 502, 'x').message, 'vendor.example/api/things: the answer was not valid JSON (status 502)');
      assert.equal((errors[4] as ConfigError).attribute, 'client-id');
    });

    it('a VendorError keeps the vendor fields a screen acts on', () => {
      const error = new VendorError('locked', { vendor: 'vista', code: 32000, status: 400, lockOutPeriodInSeconds: 90, retryAfterMs: 5, messageHtml: '<b>x</b>', details: { a: 1 } });
      assert.deepEqual(
        [error.message, error.vendor, error.code, error.status, error.forceLogout, error.lockOutPeriodInSeconds, error.retryAfterMs, error.messageHtml, error.details],
        ['locked', 'vista', 32000, 400, false, 90, 5, '<b>x</b>', { a: 1 }],
      );
      assert.equal(new VendorError('out', { vendor: 'audienceview', code: 1, forceLogout: true }).forceLogout, true);
    });

    it('a URL that cannot be parsed still loses its query in messages', () => {
      assert.equal(new HttpError('http://[bad/x?code=1', 500).message, '500 from http://[bad/x');
      assert.equal(new HttpError('/relative/path?code=1', 500).message, '500 from localhost/relative/path');
    });
  });
  describe('request: more of what a caller relies on', () => {
    it("a POST's caller abort rejects with the caller's reason (no retry to hide it)", async () => {
      net = fakeFetch(hanging());
      const controller = new AbortController();
      const reason = new DOMException('left the page', 'AbortError');
      const pending = request(API, { method: 'POST', body: {}, signal: controller.signal });
      setTimeout(() => controller.abort(reason), 10);
      assert.equal(await rejection(pending), reason);
    });

    it('a NetworkError keeps what the browser said as its cause', async () => {
      const cause = new TypeError('Failed to fetch');
      net = fakeFetch(cause);
      const error = await rejection(request(API, { method: 'POST' }));
      assert.equal(error.cause, cause);
    });

    it("asks for JSON when told so; a GET without a body sends no content type", async () => {
      net = fakeFetch(json({}));
      await request(API, { responseType: 'json' });
      assert.equal(net.seen[0]!.headers.get('accept'), 'application/json');
      assert.equal(net.seen[0]!.headers.get('content-type'), null);
      assert.equal(net.seen[0]!.body, undefined);
    });

    it('an answer whose body is not wanted is not read (a 204 with a broken body is still done)', async () => {
      net = fakeFetch(() => new Response(new ReadableStream({ pull: (c) => c.error(new TypeError('reset')) }), { status: 200 }));
      assert.equal(await request(API, { method: 'DELETE', responseType: 'none' }), undefined);
    });

    it('snippets of HTML and broken answers are cut at 200 characters, for logs', async () => {
      const page = '<html>' + 'x'.repeat(500);
      net = fakeFetch(new Response(page, { status: 200, headers: { 'content-type': 'text/html' } }));
      assert.equal((await rejection(request(API))).snippet.length, 200);
      net.restore();
      net = fakeFetch(new Response(page, { status: 500, headers: { 'content-type': 'text/html' } }));
      const failed = await rejection(request(API, { retries: 0 }));
      assert.ok(failed instanceof ParseError);
      assert.match(failed.message, /HTML page/);
      assert.equal(failed.snippet.length, 200);
      net.restore();
      net = fakeFetch(new Response('{"a":' + '1'.repeat(500), { status: 200 }));
      assert.equal((await rejection(request(API))).snippet.length, 200);
      net.restore();
      net = fakeFetch(() => new Response(page, { status: 200, headers: { 'content-type': 'text/html' } }));
      assert.equal((await rejection(request(API, { responseType: 'stream', readStream: async () => 1 }))).snippet.length, 200);
    });

    it('works where AbortSignal.any is missing (Safari < 17.4): time limit and caller abort', async () => {
      const any = (AbortSignal as { any?: unknown }).any;
      delete (AbortSignal as { any?: unknown }).any;
      try {
        net = fakeFetch(hanging());
        const controller = new AbortController();
        const reason = new DOMException('gone', 'AbortError');
        const pending = request(API, { method: 'POST', signal: controller.signal, timeoutMs: 5000 });
        setTimeout(() => controller.abort(reason), 10);
        assert.equal(await rejection(pending), reason);
        const timedOut = await rejection(request(API, { method: 'POST', signal: new AbortController().signal, timeoutMs: 30 }));
        assert.ok(timedOut instanceof TimeoutError);
        const early = new AbortController();
        early.abort(reason);
        assert.equal(await rejection(request(API, { method: 'POST', signal: early.signal })), reason);
      } finally {
        (AbortSignal as { any?: unknown }).any = any;
      }
    });

    it('joinUrl keeps the slashes inside the path', () => {
      assert.equal(joinUrl('https://a.example', 'x/y/z'), 'https://a.example/x/y/z');
    });

    it('an HttpError without a body has an empty one', () => {
      assert.equal(new HttpError(API, 500).bodyText, '');
      assert.equal(new HttpError(API, 500).retryAfterMs, undefined);
    });
  });
});
