/**
 * Hostile vendor data: the mock puts the XSS corpus into every string field of every vendor
 * answer (URLs included), and each element is driven through every screen that shows them. Not
 * one payload may run, leave the page, add an element or an `on*` attribute, put anything but an
 * http(s) URL into a link or an image, or make the browser ask a foreign origin.
 */
import { expect } from '@open-wc/testing';
import type { HostileReport } from '../mock.js';
import { openMockWorld } from '../mock.js';
import { ELEMENTS } from './elements.js';
import { collectTags, domProblems, observeShadow, tally, watchPage } from './harness.js';
import { PROBE, XSS_PAYLOADS } from './payloads.js';

/** `HARDENING_ONLY=av-calendar,…` (set by test/hardening/no-sanitizer.config.mjs) attacks only those elements. */
const only = (window as { __HARDENING_ONLY__?: string }).__HARDENING_ONLY__;
const TARGETS = only ? ELEMENTS.filter((target) => only.split(',').includes(target.tag)) : ELEMENTS;
/** `HARDENING_PAYLOADS=10-20` (same config) places only those payloads, to find the one that matters. */
const range = /^(\d+)-(\d+)$/.exec((window as { __HARDENING_PAYLOADS__?: string }).__HARDENING_PAYLOADS__ ?? '');
const PLACED = range ? XSS_PAYLOADS.map((p, i) => (i >= Number(range[1]) && i <= Number(range[2]) ? p : `plain text ${i}`)) : XSS_PAYLOADS;

/** Two worlds per element: the second shifts the payloads, so each field meets other payloads. */
const OFFSETS = [0, 37];

describe('hostile vendor data', () => {
  after(async () => {
    await tally({ payloads: XSS_PAYLOADS.length, elements: TARGETS.length });
  });

  it('has a corpus of at least 50 payloads, each calling __xss with its own index or loading from the probe origin', () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(50);
    XSS_PAYLOADS.forEach((payload, index) => {
      const base64 = /base64,(.+)$/.exec(payload)?.[1];
      const runs = payload.includes(`__xss(${index})`) || (base64 !== undefined && atob(base64).includes(`__xss(${index})`));
      expect(runs || payload.includes(PROBE), `payload ${index}`).to.equal(true);
    });
  });

  for (const target of TARGETS) {
    it(`<${target.tag}>: no payload runs, navigates, adds an element or a non-http(s) link`, async function () {
      this.timeout(60_000);
      // The element with honest data first: the tags it renders itself.
      const honest = await openMockWorld({ now: target.now, readings: target.readings });
      // Privacy, with honest data too: nothing but the page's own origin (code, chunks) and api-base.
      const honestWatch = watchPage([honest.origin]);
      const first = await target.mount(honest);
      const own = collectTags(first.el);
      await target.drive(first, honest);
      own.stop();
      const ownTags = own.tags;
      const honestShown = target.showsData(first.el);
      const honestDriven = target.driven(first.el);
      await first.cleanup();
      first.el.remove();
      honestWatch.stop();
      // The honest run's findings are asserted after the hostile runs': without a sanitizer the
      // mock's honest data (a description holding an alert) runs too, and the first failure must
      // name the payloads that ran (scripts/no-sanitizer-proof.ts reads it).
      const assertHonest = () => {
        expect(honestShown, 'the element shows honest data').to.equal(true);
        expect(honestDriven, 'driving reaches the last screen with honest data').to.equal(true);
        expect(honestWatch.foreign, 'requests to foreign origins with honest data').to.deep.equal([]);
        expect(honestWatch.uncaught, 'uncaught exceptions with honest data').to.deep.equal([]);
        expect(honestWatch.escapes, 'dialogs, navigations and CSP violations with honest data').to.deep.equal([]);
      };

      const fields = new Map<string, Set<number>>();
      let placements = 0;
      for (const offset of OFFSETS) {
        const world = await openMockWorld({ now: target.now, readings: target.readings, hostile: { payloads: [...PLACED], offset } });
        const watch = watchPage([world.origin]);
        const mounted = await target.mount(world);
        const problems = domProblems(mounted.el, ownTags);
        const observed = observeShadow(mounted.el, ownTags);
        await target.drive(mounted, world);
        problems.push(...domProblems(mounted.el, ownTags), ...observed.problems);
        observed.disconnect();
        const shown = target.showsData(mounted.el);
        const driven = target.driven(mounted.el);
        await mounted.cleanup();
        mounted.el.remove();
        watch.stop();
        const report = (await (await fetch(`${world.origin}/s/${world.id}/__mock/hostile`)).json()) as HostileReport;
        placements += report.placements;
        for (const [field, payloads] of Object.entries(report.fields)) {
          const seen = fields.get(field) ?? new Set<number>();
          payloads.forEach((p) => seen.add(p));
          fields.set(field, seen);
        }
        await tally({ executions: watch.executions.length, uncaught: watch.uncaught.length, foreignRequests: watch.foreign.length });
        // The indices in the message too: chai shortens a long array to "Array(n)", and the no-sanitizer proof reads them.
        expect(watch.executions, `payloads that ran (offset ${offset}) [${watch.executions.join(', ')}]`).to.deep.equal([]);
        expect(watch.escapes, 'navigations and CSP violations').to.deep.equal([]);
        expect(watch.uncaught, 'uncaught exceptions').to.deep.equal([]);
        expect(watch.foreign, 'requests to foreign origins').to.deep.equal([]);
        expect([...new Set(problems)], 'injected markup').to.deep.equal([]);
        expect(shown, 'the element still shows the hostile answer (as text)').to.equal(true);
        expect(driven, 'driving reaches the last screen with hostile data').to.equal(true);
      }
      assertHonest();
      expect(placements, 'payloads the mock placed in answers this element read').to.be.greaterThan(0);
      await tally({ fields: fields.size, placements, payloadFieldPairs: [...fields.values()].reduce((sum, set) => sum + set.size, 0) });
    });
  }
});
