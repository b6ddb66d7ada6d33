/**
 * The series cards' titles are headings that fit the venue's outline: one level below the
 * heading before the element, wherever the venue puts it (alone under the page's h1, in an h2
 * section, inside another component's shadow root). Screen-reader users jump by heading level,
 * and Lighthouse's accessibility score counts a skipped level (axe's heading-order).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../mock.js';
import '../../src/components/av-series-list/index.js';

const NOW = Date.parse('2027-03-24T16:00:00Z');

/** Heading levels of the page in reading order, shadow roots walked where they sit. */
function outline(root: Node): number[] {
  const levels: number[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      const level = node.getAttribute('role') === 'heading' ? Number(node.getAttribute('aria-level')) : /^H[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0;
      if (level) levels.push(level);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return levels;
}

async function seriesIn(mock: MockWorld, container: ParentNode): Promise<HTMLElement> {
  const el = document.createElement('av-series-list') as HTMLElement & { now?: number };
  el.setAttribute('api-base', mock.base('audienceview'));
  el.setAttribute('client-id', '284');
  el.setAttribute('locale', 'en');
  el.now = NOW;
  container.append(el);
  await waitUntil(() => el.shadowRoot?.querySelectorAll('[part~="title"]').length, 'no series shown', { timeout: 8000 });
  return el;
}

const titleLevels = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part~="title"]')].map((t) => t.getAttribute('role') === 'heading' && Number(t.getAttribute('aria-level')));

describe('Series card titles follow the page outline (no skipped heading level)', function () {
  this.timeout(20000);
  let mock: MockWorld;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
  });

  it("alone under the page's h1: the titles are level 2", async () => {
    const page = await fixture<HTMLElement>(html`<div><h1>Harbour Lights Theatre</h1><main id="slot"></main><footer>12 Quay Street</footer></div>`);
    const el = await seriesIn(mock, page.querySelector('#slot')!);
    expect(new Set(titleLevels(el))).to.deep.equal(new Set([2]));
    const levels = outline(page);
    expect(levels[0]).to.equal(1);
    expect(levels.slice(1).every((level, i) => level <= levels[i]! + 1), `outline ${levels.join(' ')}`).to.equal(true);
  });

  it('in an h2 section after other content: the titles are level 3', async () => {
    const page = await fixture<HTMLElement>(html`<div><h1>Harbour Lights Theatre</h1><h2>Coming up</h2><p>…</p><h2>The season</h2><section id="slot"></section></div>`);
    const el = await seriesIn(mock, page.querySelector('#slot')!);
    expect(new Set(titleLevels(el))).to.deep.equal(new Set([3]));
  });

  it("inside another component's shadow root, after its h3: the titles are level 4", async () => {
    const page = await fixture<HTMLElement>(html`<div><h1>Harbour Lights Theatre</h1><div id="host"></div></div>`);
    const shadow = page.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<h2>What is on</h2><h3>Season 2027</h3><div id="slot"></div>';
    const el = await seriesIn(mock, shadow.querySelector('#slot')!);
    expect(new Set(titleLevels(el))).to.deep.equal(new Set([4]));
  });
});
