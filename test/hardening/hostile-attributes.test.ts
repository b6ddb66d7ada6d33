/**
 * Hostile attributes: every attribute of every element, set by a page author or an attacker who
 * controls the page's markup, to empty, huge, wrong-typed, negative, far-future, malformed-URL
 * and script-bearing values. None may throw past the element, run, or reach a foreign origin;
 * a required or invalid one is a ConfigError in `part="error"`, said before any request.
 */
import { expect } from '@open-wc/testing';
import { AUDIENCEVIEW_API_BASE } from '../../src/api/audienceview/public.js';
import { openMockWorld, type MockWorld } from '../mock.js';
import { ELEMENTS, type AttributeKind, type AttributeSpec } from './elements.js';
import { collectTags, divert, domProblems, errorPart, tally, watchPage } from './harness.js';

export const HOSTILE_VALUES = {
  empty: '',
  huge: 'x'.repeat(100_000),
  'wrong-typed': '{"length":-1}',
  negative: '-1',
  'far-future': '9999-12-31T23:59:59Z',
  'malformed-url': 'http://[::1/api',
  'script-url': 'javascript:__xss(9001)',
  'script-markup': '"><img src=x onerror=__xss(9002)><script>__xss(9003)</script>',
} as const;
type ValueName = keyof typeof HOSTILE_VALUES;

/** Which hostile values an attribute of a kind must refuse with a ConfigError. */
const REFUSED: Record<AttributeKind, ValueName[]> = {
  url: ['huge', 'wrong-typed', 'negative', 'far-future', 'malformed-url', 'script-url', 'script-markup'],
  'number-id': ['huge', 'wrong-typed', 'negative', 'far-future', 'malformed-url', 'script-url', 'script-markup'],
  zone: ['huge', 'wrong-typed', 'negative', 'far-future', 'malformed-url', 'script-url', 'script-markup'],
  month: ['huge', 'wrong-typed', 'negative', 'far-future', 'malformed-url', 'script-url', 'script-markup'],
  count: ['huge', 'wrong-typed', 'negative', 'far-future', 'malformed-url', 'script-url', 'script-markup'],
  enum: ['huge', 'wrong-typed', 'negative', 'far-future', 'malformed-url', 'script-url', 'script-markup'],
  template: ['wrong-typed', 'negative', 'far-future', 'malformed-url', 'script-url', 'script-markup'],
  // Opaque vendor ids and tokens: the vendor judges them (sent encoded); a locale falls back to English; a flag is a flag.
  text: [],
  locale: [],
  flag: [],
};

function mustRefuse(spec: AttributeSpec, value: ValueName): boolean {
  return (value === 'empty' && spec.required === true) || REFUSED[spec.kind].includes(value);
}

describe('hostile attributes', () => {
  for (const target of ELEMENTS) {
    describe(`<${target.tag}>`, () => {
      let ownTags: Set<string>;
      before(async function () {
        this.timeout(30_000);
        const world = await openMockWorld({ now: target.now });
        const honest = await target.mount(world);
        const own = collectTags(honest.el);
        own.stop();
        // The error view (part="error" with its retry button) is the element's own markup too.
        ownTags = new Set([...own.tags, 'div', 'p', 'button']);
        await honest.cleanup();
        honest.el.remove();
      });

      for (const [attribute, spec] of Object.entries(target.attributes)) {
        it(`${attribute} (${spec.kind}${spec.required ? ', required' : ''}): refused clearly or harmless, never thrown, run or sent abroad`, async function () {
          this.timeout(60_000);
          for (const [name, value] of Object.entries(HOSTILE_VALUES) as Array<[ValueName, string]>) {
            // A world per case: requests still on their way from the case before land in another world.
            const world: MockWorld = await openMockWorld({ now: target.now });
            const watch = watchPage([world.origin]);
            // An empty AudienceView api-base means the documented default: its requests are answered
            // in the page as an unreachable host would be (nothing leaves the machine), and counted.
            const defaultBase = target.vendor === 'audienceview' && attribute === 'api-base';
            if (defaultBase) divert(AUDIENCEVIEW_API_BASE);
            const mounted = await target.mount(world, { [attribute]: value });
            const error = errorPart(mounted.el);
            const errorName = error?.dataset.errorName ?? error?.querySelector<HTMLElement>('[data-error-name]')?.dataset.errorName;
            const message = (error?.textContent ?? '').replace(/\s+/g, ' ').trim();
            const problems = domProblems(mounted.el, ownTags);
            await mounted.cleanup();
            mounted.el.remove();
            watch.stop();
            const label = `${attribute}=${name}`;
            expect(watch.uncaught, `${label}: uncaught exceptions`).to.deep.equal([]);
            expect(watch.executions, `${label}: script ran`).to.deep.equal([]);
            expect(watch.foreign, `${label}: foreign requests`).to.deep.equal([]);
            expect(watch.diverted.every((url) => url.startsWith(AUDIENCEVIEW_API_BASE)), `${label}: only the documented host is diverted`).to.equal(true);
            // The patron elements load at once (the scanner waits for a sign-in): an empty base aims at AudienceView's own host.
            if (defaultBase && name === 'empty' && target.tag.startsWith('av-')) {
              expect(watch.diverted.length, `${label}: an empty api-base aims at AudienceView's documented host`).to.be.greaterThan(0);
            }
            expect(problems, `${label}: injected markup`).to.deep.equal([]);
            expect(message.length < 400, `${label}: the message stays short (${message.length} characters)`).to.equal(true);
            if (mustRefuse(spec, name)) {
              expect(errorName, `${label}: a ConfigError in part="error"`).to.equal('ConfigError');
              expect(message, `${label}: the message names the attribute`).to.contain(attribute);
              // Caught before any request: the vendor heard nothing from this element.
              // (The redemption element's mount signs the member in first, as <vista-member-login> would.)
              const asked = (await world.requests()).filter((r) => r.vendor === target.vendor && !r.path.endsWith('/authentication-token'));
              expect(asked.map((r) => `${r.method} ${r.path}`), `${label}: requests before the ConfigError`).to.deep.equal([]);
            }
          }
          await tally({ attributeCases: Object.keys(HOSTILE_VALUES).length });
        });
      }
    });
  }
});
