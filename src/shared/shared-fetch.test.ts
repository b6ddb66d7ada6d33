import { expect } from '@open-wc/testing';
import { joinOrFetch, untilAborted } from './shared-fetch.js';

/** A fetch that answers only when told to. */
function pending<T>(): { promise: Promise<T>; answer(value: T): void } {
  let answer!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

const outcome = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    new Promise((resolve) => setTimeout(() => resolve('still waiting'), 50)),
  ]);

describe('a fetch shared by several elements', () => {
  it('is made once for callers that come while it runs, and again after it settled', async () => {
    const pendingFetches = new Map<string, Promise<string>>();
    let made = 0;
    const slow = pending<string>();
    const first = joinOrFetch(pendingFetches, 'march', () => (made++, slow.promise));
    const second = joinOrFetch(pendingFetches, 'march', () => (made++, Promise.resolve('other')));
    slow.answer('march answer');
    expect(await Promise.all([first, second])).to.deep.equal(['march answer', 'march answer']);
    await joinOrFetch(pendingFetches, 'march', () => (made++, Promise.resolve('again')));
    expect(made).to.equal(2);
  });

  it('lets a caller stop waiting when its signal aborts, the others still getting the answer', async () => {
    const shared = pending<string>();
    const leaving = new AbortController();
    const left = untilAborted(shared.promise, leaving.signal);
    const staying = untilAborted(shared.promise, new AbortController().signal);
    leaving.abort(new DOMException('moved on', 'AbortError'));
    expect(await outcome(left)).to.have.nested.property('error.name', 'AbortError');
    shared.answer('the month');
    expect(await outcome(staying)).to.deep.equal({ value: 'the month' });
  });

  it('stops a caller at once whose signal had aborted before it asked', async () => {
    const shared = pending<string>();
    const gone = new AbortController();
    gone.abort(new DOMException('moved on', 'AbortError'));
    expect(await outcome(untilAborted(shared.promise, gone.signal))).to.have.nested.property('error.name', 'AbortError');
  });
});
