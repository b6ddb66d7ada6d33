/**
 * The grid and its keyboard are a chunk of their own (views/grid-views.ts): a calendar on a phone,
 * which shows the list, never fetches them. A file of its own: a test page fetches a module once,
 * so a grid another test showed first would hide whether this one fetched it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { openMockWorld } from '../../../test/mock.js';
import './index.js';
import type { AvCalendar } from './av-calendar.js';
import { AvCalendarHarness } from './av-calendar.harness.js';

// The page keeps 250 resource entries unless told otherwise: fewer so far means none was dropped.
const entriesBeforeGrowth = performance.getEntriesByType('resource').length;
performance.setResourceTimingBufferSize(10_000);

/** The source modules the page has fetched (the test server serves each one as its own file). */
function fetchedGridCode(): string[] {
  const paths = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
  return paths.filter((path) => /\/(views\/grid-views|views\/grid|views\/grid\.styles|shared\/roving-tabindex)\.ts$/.test(path));
}

describe('<av-calendar> on a phone', () => {
  it('shows its list without fetching the grid and its keyboard; grown wide, it fetches them and shows the grid', async () => {
    const mock = await openMockWorld({ now: '2027-03-01T17:00:00Z' });
    const el = await fixture<AvCalendar>(html`<av-calendar
      style="width: 360px"
      api-base=${mock.base('audienceview')}
      client-id="284"
      month="2027-03"
      locale="en"
      time-zone="America/New_York"
      .now=${Date.parse('2027-03-01T17:00:00Z')}
    ></av-calendar>`);
    const cal = new AvCalendarHarness(el);
    await cal.settled();
    expect(cal.showing).to.equal('list');
    expect(cal.shownIds().length).to.be.greaterThan(0);
    expect(entriesBeforeGrowth, 'no entry dropped before the buffer grew').to.be.below(250);
    expect(fetchedGridCode()).to.deep.equal([]);

    el.style.width = '1000px';
    // The resize observer's report, its task, then the grid's chunk.
    await waitUntil(() => cal.showing === 'grid', 'the wide calendar did not show its grid', { timeout: 5000 });
    await cal.settled();
    expect(fetchedGridCode()).to.include.members(['/src/components/av-calendar/views/grid-views.ts', '/src/shared/roving-tabindex.ts']);
    // The grid's keyboard came with it: one tab stop, the arrows move it.
    const stops = el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"][tabindex="0"]');
    expect(stops).to.have.length(1);
    stops[0]!.focus();
    stops[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await el.updateComplete;
    const moved = el.shadowRoot!.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]');
    expect(moved?.dataset.date).to.not.equal(stops[0]!.dataset.date);
  });
});
