import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../test/mock.js';
import { ConfigError, HttpError, isAbortError, isWidgetError, NetworkError, ParseError, TimeoutError, VendorError } from './errors.js';
import { joinUrl, request } from './request.js';
import { rejection } from '../../test/rejection.js';

interface Echo {
  method: string;
  query: Record<string, string>;
  contentType: string | null;
  body: string;
  call: number;
}


describe('request: the fetch seam', () => {
  let mock: MockWorld;
  let echo: string;
  const echoRequests = async () => (await mock.requests()).filter((r) => r.vendor === 'echo');

  beforeEach(async () => {
    mock = await openMockWorld();
    echo = mock.base('echo');
  });

  it('sends query parameters (leaving out empty ones) and returns the parsed JSON', async () => {
    const answer = await request<Echo>(`${echo}/json`, { query: { clientId: 284, month: 3, productionId: undefined, x: null } });
    expect(answer.method).to.equal('GET');
    expect(answer.query).to.deep.equal({ clientId: '284', month: '3' });
  });

  it('sends a plain object as JSON and a URLSearchParams as a form', async () => {
    const json = await request<Echo>(`${echo}/json`, { method: 'POST', body: { barcode: 'abc' } });
    expect(json.contentType).to.equal('application/json');
    expect(JSON.parse(json.body)).to.deep.equal({ barcode: 'abc' });
    const form = await request<Echo>(`${echo}/json`, { method: 'POST', body: new URLSearchParams({ grant_type: 'password' }) });
    expect(form.contentType).to.contain('application/x-www-form-urlencoded');
    expect(form.body).to.equal('grant_type=password');
  });

  it('gives up with a TimeoutError when the vendor stalls', async () => {
    await mock.fault({ vendor: 'echo', kind: 'delay', delayMs: 3000 });
    const error = await rejection(request(`${echo}/json`, { timeoutMs: 150 }));
    expect(error).to.be.instanceOf(TimeoutError);
    expect(error.name).to.equal('TimeoutError');
    expect((error as TimeoutError).timeoutMs).to.equal(150);
  });

  it('rejects with the AbortError itself when the caller cancels, not a widget error', async () => {
    await mock.fault({ vendor: 'echo', kind: 'delay', delayMs: 3000 });
    const controller = new AbortController();
    const pending = request(`${echo}/json`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(isAbortError(error)).to.equal(true);
    expect(isWidgetError(error)).to.equal(false);
  });

  it('reports a dropped connection as a NetworkError', async () => {
    await mock.fault({ vendor: 'echo', kind: 'offline' });
    const error = await rejection(request(`${echo}/json`, { retries: 0 }));
    expect(error.name).to.equal('NetworkError');
    expect(error).to.be.instanceOf(NetworkError);
  });

  it('reports a refused CORS preflight as a NetworkError that names the allow-list', async () => {
    await mock.fault({ vendor: 'echo', kind: 'cors-block' });
    // A custom header forces a preflight, as AudienceView's clientId header does.
    const error = await rejection(request(`${echo}/json`, { headers: { clientId: '284' }, retries: 0 }));
    expect(error.name).to.equal('NetworkError');
    expect(error.message).to.contain('not allowed by the vendor');
  });

  it('retries a GET after 5xx answers and a dropped connection, then succeeds', async () => {
    await mock.fault([
      { vendor: 'echo', kind: 'http-error', status: 503, times: 1 },
      { vendor: 'echo', kind: 'offline', times: 1 },
    ]);
    const answer = await request<Echo>(`${echo}/json`);
    expect(answer.call).to.equal(1);
    expect((await echoRequests()).map((r) => r.status)).to.deep.equal([503, 0, 200]);
  });

  it('stops retrying a GET after the allowed attempts and reports the last HttpError', async () => {
    await mock.fault({ vendor: 'echo', kind: 'http-error', status: 502 });
    const error = await rejection(request(`${echo}/json`, { retries: 1 }));
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(502);
    expect(await echoRequests()).to.have.length(2);
  });

  it('never repeats a POST, even when its answer was lost after the vendor applied it', async () => {
    await mock.fault({ vendor: 'echo', kind: 'drop-after-apply', times: 1 });
    const dropped = await rejection(request(`${echo}/json`, { method: 'POST', body: { scan: 1 }, retries: 5 }));
    expect(dropped.name).to.equal('NetworkError');
    await mock.fault({ vendor: 'echo', kind: 'http-error', status: 503, times: 1 });
    const failed = await rejection(request(`${echo}/json`, { method: 'POST', body: { scan: 1 }, retries: 5 }));
    expect(failed.name).to.equal('HttpError');
    expect(await echoRequests()).to.have.length(2);
  });

  it('waits as long as Retry-After asks on a 429, then succeeds', async () => {
    await mock.fault({ vendor: 'echo', kind: 'rate-limit', retryAfter: 1, times: 1 });
    const started = performance.now();
    await request<Echo>(`${echo}/json`);
    expect(performance.now() - started).to.be.at.least(950);
    expect((await echoRequests()).map((r) => r.status)).to.deep.equal([429, 200]);
  });

  it('does not wait out a long Retry-After: the caller gets it to show "try again in N s"', async () => {
    await mock.fault({ vendor: 'echo', kind: 'rate-limit', retryAfter: 120, times: 1 });
    const error = (await rejection(request(`${echo}/json`))) as HttpError;
    expect(error.name).to.equal('HttpError');
    expect(error.status).to.equal(429);
    expect(error.retryAfterMs).to.equal(120_000);
    expect(await echoRequests()).to.have.length(1);
  });

  it('turns an HTML error page into a ParseError, whatever its status', async () => {
    await mock.fault({ vendor: 'echo', kind: 'html', status: 403, times: 1 });
    const forbidden = (await rejection(request(`${echo}/json`))) as ParseError;
    expect(forbidden.name).to.equal('ParseError');
    expect(forbidden.status).to.equal(403);
    expect(forbidden.message).to.contain('HTML page');
    await mock.fault({ vendor: 'echo', kind: 'html', status: 200, times: 1 });
    const ok = (await rejection(request(`${echo}/json`))) as ParseError;
    expect(ok.name).to.equal('ParseError');
    expect(ok.snippet).to.contain('<!DOCTYPE html>');
  });

  it('turns a truncated or empty JSON answer into a ParseError', async () => {
    await mock.fault({ vendor: 'echo', kind: 'truncated', times: 1 });
    expect((await rejection(request(`${echo}/json`))).name).to.equal('ParseError');
    await mock.fault({ vendor: 'echo', kind: 'empty', times: 1 });
    const empty = await rejection(request(`${echo}/json`));
    expect(empty.name).to.equal('ParseError');
    expect(empty.message).to.contain('empty');
  });

  it('accepts valid JSON labelled with the wrong content type', async () => {
    await mock.fault({ vendor: 'echo', kind: 'wrong-content-type', times: 1 });
    expect((await request<Echo>(`${echo}/json`)).method).to.equal('GET');
  });

  it("lets a vendor client turn a non-2xx answer into the vendor's own error", async () => {
    const error = await rejection(
      request(`${echo}/status/418`, {
        toVendorError: ({ status, json }) =>
          new VendorError('I am a teapot', { vendor: 'vista', code: (json as { status: number }).status, status }),
      }),
    );
    expect(error).to.be.instanceOf(VendorError);
    expect((error as VendorError).code).to.equal(418);
  });

  it('joins an api-base with or without a trailing slash and keeps literal parentheses', () => {
    expect(joinUrl('https://api.ovationtix.com/', '/public/calendar/client(284)')).to.equal(
      'https://api.ovationtix.com/public/calendar/client(284)',
    );
    expect(joinUrl('https://venue.example/utick', 'catalogue/streams/1/')).to.equal('https://venue.example/utick/catalogue/streams/1/');
  });
});

describe('errors', () => {
  it('each class carries the literal name the contract promises', () => {
    const errors = [
      new HttpError('https://x.example/a', 500),
      new NetworkError('https://x.example/a'),
      new TimeoutError('https://x.example/a', 1000),
      new ParseError('https://x.example/a', 200, '<html>'),
      new ConfigError('client-id is required', 'client-id'),
      new VendorError('Ticket Not Valid', { vendor: 'audienceview', code: 11 }),
    ];
    expect(errors.map((e) => e.name)).to.deep.equal(['HttpError', 'NetworkError', 'TimeoutError', 'ParseError', 'ConfigError', 'VendorError']);
    expect(errors.every(isWidgetError)).to.equal(true);
    expect(isWidgetError(new TypeError('x'))).to.equal(false);
  });

  it('keeps access codes and other query values out of messages', () => {
    expect(new HttpError('https://venue.example/utick/catalogue/streams/1/control/?accesscode=SECRET', 500).message).not.to.contain('SECRET');
  });
});
