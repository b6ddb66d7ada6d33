/**
 * Broken vendors: each element's first vendor answer arrives truncated, as an HTML error page,
 * with the wrong content type, empty, not at all (a 30-second stall), as 429 with Retry-After,
 * as a storm of 5xx, or ten times larger than normal. Each time the element shows a clear state
 * (its data, or `part="error"` naming one of the six errors), throws nothing past itself, and
 * shows its data once the vendor is well again and the person retries.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { FaultRule } from '../mock.js';
import { openMockWorld } from '../mock.js';
import { ELEMENTS } from './elements.js';
import { errorPart, settled, tally, watchPage } from './harness.js';

const ERROR_NAMES = ['HttpError', 'NetworkError', 'TimeoutError', 'VendorError', 'ParseError', 'ConfigError'];

interface BrokenVendor {
  name: string;
  rule: Omit<FaultRule, 'vendor' | 'path'>;
  /** The element may cope (show its data) rather than fail; otherwise it must show an error. */
  mayCope?: boolean;
  /** Shortens every request's time limit (the 15 s default) for this case: fake time for stalls. */
  timeLimitMs?: number;
}

const BROKEN: BrokenVendor[] = [
  { name: 'truncated JSON', rule: { kind: 'truncated' } },
  { name: 'an HTML error page', rule: { kind: 'html', status: 502 } },
  { name: 'an HTML page with status 200', rule: { kind: 'html', status: 200 } },
  { name: 'JSON labelled text/plain', rule: { kind: 'wrong-content-type' }, mayCope: true },
  { name: 'an empty body', rule: { kind: 'empty' } },
  { name: 'a 30-second stall', rule: { kind: 'delay', delayMs: 30_000 }, timeLimitMs: 500 },
  { name: '429 with Retry-After', rule: { kind: 'rate-limit', retryAfter: 1 } },
  { name: 'a storm of 503s', rule: { kind: 'http-error', status: 503 } },
  { name: 'a storm of 500s', rule: { kind: 'http-error', status: 500 } },
  { name: 'an answer ten times larger', rule: { kind: 'oversize' }, mayCope: true },
];

/** `AbortSignal.timeout` with every limit cut to `limitMs`: the element's own 15 s limit, in fake time. */
function shortenTimeLimits(limitMs: number): () => void {
  const real = AbortSignal.timeout.bind(AbortSignal);
  AbortSignal.timeout = (ms: number) => real(Math.min(ms, limitMs));
  return () => void (AbortSignal.timeout = real);
}

describe('broken vendors', () => {
  for (const target of ELEMENTS) {
    describe(`<${target.tag}>`, () => {
      for (const broken of BROKEN) {
        it(`${broken.name}: a clear state, nothing thrown, and back when the vendor is`, async function () {
          this.timeout(60_000);
          const world = await openMockWorld({ now: target.now });
          await world.fault({ ...broken.rule, vendor: target.vendor, path: target.firstAnswer });
          const watch = watchPage([world.origin]);
          const restore = broken.timeLimitMs ? shortenTimeLimits(broken.timeLimitMs) : () => undefined;
          let mounted;
          try {
            mounted = await target.mount(world);
            await target.reach?.(mounted.el);
          } finally {
            restore();
          }
          const { el } = mounted;
          // part="error", or on a sign-in form its summary of what went wrong (e.g. "too many attempts").
          const problem =
            errorPart(el) ?? [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="error-summary"], [role="alert"]')].find((alert) => (alert.textContent ?? '').trim() !== '') ?? null;
          if (problem || !broken.mayCope) {
            expect(problem !== null, 'a problem shown').to.equal(true);
            const errorName = problem!.dataset.errorName;
            if (errorName !== undefined) expect(errorName, 'one of the six error names').to.be.oneOf(ERROR_NAMES);
            expect((problem!.textContent ?? '').trim().length, 'a message to read').to.be.greaterThan(10);
          } else {
            expect((target.reached ?? target.showsData)(el), 'the data, since the element coped').to.equal(true);
          }

          // The vendor recovers; the person retries (the retry button, or the form again).
          await world.clearFaults();
          const retry = el.shadowRoot!.querySelector<HTMLElement>('[part~="retry"]');
          if (retry) {
            retry.click();
            await settled(el, 20_000);
          }
          const recovered = () => (target.reached ?? target.showsData)(el) && !errorPart(el);
          // A sign-in form may hold the person back for Retry-After: they try again, a few times.
          for (let attempt = 0; target.reach && !recovered() && attempt < 5; attempt++) {
            if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1200));
            await target.reach(el);
          }
          await waitUntil(recovered, 'the element did not recover', { timeout: 20_000 });
          await mounted.cleanup();
          el.remove();
          watch.stop();
          await tally({ faultCases: 1, uncaught: watch.uncaught.length, foreignRequests: watch.foreign.length, executions: watch.executions.length });
          expect(watch.uncaught, 'uncaught exceptions').to.deep.equal([]);
          expect(watch.foreign, 'requests to foreign origins').to.deep.equal([]);
        });
      }
    });
  }
});
