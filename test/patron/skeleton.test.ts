/**
 * Nothing jumps when the answer arrives: each AudienceView element's loading skeleton takes the
 * place of what replaces it. A venue page (a heading, the element, a footer) is built, the mock's
 * answer held back ({ kind: 'delay' }) so the skeleton is on screen, and the element's box and the
 * footer are measured while loading and after; Chromium's own layout-shift entries are summed too.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../mock.js';
import '../../src/components/av-calendar/index.js';
import '../../src/components/av-event-list/index.js';
import '../../src/components/av-series-list/index.js';
import { lateContentSettled } from '../../src/shared/late-content.js';

/** Noon in New York on 24 March 2027: March still holds about 60 performances. */
const NOW = Date.parse('2027-03-24T16:00:00Z');
const DELAY_MS = 1500;

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const box = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { top: Math.round(r.top), left: Math.round(r.left), width: Math.round(r.width), height: Math.round(r.height) };
};

/** Sums the layout shifts Chromium reports (not those right after input) until stopped. */
function layoutShifts(): { stop(): Promise<number> } {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  });
  observer.observe({ type: 'layout-shift' });
  return {
    async stop() {
      await nextFrame();
      await nextFrame();
      for (const entry of observer.takeRecords() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) total += entry.value;
      observer.disconnect();
      return total;
    },
  };
}

interface Measured {
  loading: Box;
  loaded: Box;
  footerLoading: Box;
  footerLoaded: Box;
  shift: number;
  /** What the answer showed (performances or cards), so a test knows the page was not empty. */
  items: number;
  /** Rows of the calendar's grid skeleton (weekday row included). */
  skeletonRows: number;
}

/**
 * Mounts `tag` on a page `width` px wide with a footer under it, the answer held back, and
 * measures it while the skeleton shows and once the answer is in.
 */
async function measure(mock: MockWorld, tag: string, attributes: Record<string, string>, width: number, vendorPath: string): Promise<Measured> {
  await mock.fault({ vendor: 'audienceview', path: vendorPath, kind: 'delay', delayMs: DELAY_MS });
  const page = await fixture<HTMLElement>(html`<div style="width: ${width}px; font: 16px/1.4 system-ui, sans-serif">
    <h1 style="margin: 0 0 1rem; font-size: 1.5rem">Harbour Lights Theatre</h1>
    <div id="slot"></div>
    <footer style="height: 120px; border-top: 1px solid #ccc">12 Quay Street</footer>
  </div>`);
  const shifts = layoutShifts();
  const el = document.createElement(tag) as HTMLElement & { now?: number; updateComplete: Promise<unknown> };
  for (const [k, v] of Object.entries({ 'api-base': mock.base('audienceview'), 'client-id': '284', locale: 'en', ...attributes })) el.setAttribute(k, v);
  el.now = NOW;
  page.querySelector('#slot')!.append(el);
  const footer = page.querySelector('footer')!;
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="loading"]'), 'no skeleton while the answer is on its way');
  await nextFrame();
  const loading = box(el);
  const footerLoading = box(footer);
  const skeletonRows = el.shadowRoot!.querySelectorAll('[part~="loading"] .row').length;
  await waitUntil(
    () => !el.shadowRoot!.querySelector('[part~="loading"]') && el.shadowRoot!.querySelector('[part~="grid"], [part~="list"], [part~="empty"], .empty, [part~="error"]'),
    'the answer never showed',
    { timeout: DELAY_MS + 8000 },
  );
  await lateContentSettled();
  await el.updateComplete;
  await nextFrame();
  const loaded = box(el);
  const footerLoaded = box(footer);
  const items = el.shadowRoot!.querySelectorAll('[part~="performance"], [part~="series"]').length;
  return { loading, loaded, footerLoading, footerLoaded, shift: await shifts.stop(), items, skeletonRows };
}

describe('The loading skeleton takes the final size (no layout shift when the answer arrives)', function () {
  this.timeout(30000);
  let mock: MockWorld;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
  });

  it("<av-calendar> as a grid: the skeleton is the month's frame (weekday row, five weeks), and the box only grows from it", async () => {
    const m = await measure(mock, 'av-calendar', { month: '2027-03', view: 'month', 'production-id': '962470' }, 1000, '/calendar/');
    expect(m.items, 'March has performances').to.be.greaterThan(0);
    expect(m.skeletonRows, 'a weekday row and the five weeks of March 2027').to.equal(6);
    expect({ top: m.loaded.top, left: m.loaded.left, width: m.loaded.width }).to.deep.equal({ top: m.loading.top, left: m.loading.left, width: m.loading.width });
    // Days are at least as tall as the skeleton's; a day holding more lines than that grows its week.
    expect(m.loaded.height, 'the grid is never shorter than its skeleton').to.be.at.least(m.loading.height);
    expect(m.loaded.height - m.loading.height, 'rows grow only by what their days hold').to.be.below(m.loading.height * 0.25);
  });

  it('<av-calendar> as a list on a phone: the box stays put and what is under it is not seen to move', async () => {
    const m = await measure(mock, 'av-calendar', { month: '2027-03', view: 'auto' }, 390, '/calendar/');
    expect(m.items, 'March has performances').to.be.greaterThan(20);
    expect({ top: m.loaded.top, left: m.loaded.left, width: m.loaded.width }).to.deep.equal({ top: m.loading.top, left: m.loading.left, width: m.loading.width });
    expect(m.loaded.height, 'the list only grows (below the fold)').to.be.at.least(m.loading.height);
    expect(m.footerLoading.top, 'the footer is below the screen while loading').to.be.at.least(window.innerHeight);
    expect(m.shift, 'layout shift').to.be.below(0.01);
  });

  it('<av-event-list> on a phone: the box stays put and what is under it is not seen to move', async () => {
    const m = await measure(mock, 'av-event-list', { limit: '12' }, 390, '/calendar/');
    expect(m.items, 'twelve performances').to.equal(12);
    expect({ top: m.loaded.top, left: m.loaded.left, width: m.loaded.width }).to.deep.equal({ top: m.loading.top, left: m.loading.left, width: m.loading.width });
    expect(m.loaded.height, 'the list only grows (below the fold)').to.be.at.least(m.loading.height);
    expect(m.footerLoading.top, 'the footer is below the screen while loading').to.be.at.least(window.innerHeight);
    expect(m.shift, 'layout shift').to.be.below(0.01);
  });

  it('<av-series-list> on a phone: the box stays put and what is under it is not seen to move', async () => {
    const m = await measure(mock, 'av-series-list', {}, 390, '/series/');
    expect(m.items, 'the season has productions').to.be.greaterThan(3);
    expect({ top: m.loaded.top, left: m.loaded.left, width: m.loaded.width }).to.deep.equal({ top: m.loading.top, left: m.loading.left, width: m.loading.width });
    expect(m.loaded.height, 'the list only grows (below the fold)').to.be.at.least(m.loading.height);
    expect(m.footerLoading.top, 'the footer is below the screen while loading').to.be.at.least(window.innerHeight);
    expect(m.shift, 'layout shift').to.be.below(0.01);
  });
});
