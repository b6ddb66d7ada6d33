import { expect } from '@open-wc/testing';
import { openMockWorld } from '../mock.js';
import { openSecondPage } from '../app/second-page.js';
import { TAGS } from './host-page.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

// The element reference (scripts/build-docs.ts), generated from a fresh custom-elements.json by the
// test server exactly as `npm run build` does, its pages loading the built library.
const CONTRACT_EVENTS: Record<string, string[]> = {
  'av-calendar': ['av-performance-click', 'av-month-change', 'av-error'],
  'av-series-list': ['av-series-click', 'av-error'],
  'av-event-list': ['av-performance-click', 'av-error'],
  'ticket-scanner': ['ticket-scan', 'ticket-scanner-sync', 'ticket-scanner-logout', 'ticket-scanner-error'],
  'vista-member-login': ['vista-member-login', 'vista-member-logout', 'vista-member-error'],
  'vista-ticket-redemption': ['vista-redemption-card-added', 'vista-showtime-tickets-set', 'vista-redemption-error'],
  'utick-stream-gate': ['utick-access-granted', 'utick-access-denied', 'utick-error'],
  'utick-pack-list': ['utick-error'],
};

async function docsPage(name: string): Promise<Document> {
  const res = await fetch(`/__embed/docs/${name}`);
  expect(res.status, name).to.equal(200);
  return new DOMParser().parseFromString(await res.text(), 'text/html');
}

const firstColumn = (doc: Document, section: string) =>
  [...doc.querySelectorAll(`#${section} tbody th`)].map((th) => th.textContent!.trim());

describeWhere(SECOND_PAGE, 'the element reference', function () {
  this.timeout(60000); // the first request analyses the source and builds the library

  it('has an index linking a page per element and the theming guide', async () => {
    const index = await docsPage('index.html');
    const links = [...index.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.include.members([...TAGS.map((tag) => `./${tag}.html`), './theming.html']);
  });

  for (const tag of TAGS) {
    it(`<${tag}>: attributes, properties, events, parts and CSS properties from the manifest`, async () => {
      const doc = await docsPage(`${tag}.html`);
      expect(doc.querySelector('h1')!.textContent).to.equal(`<${tag}>`);
      expect(firstColumn(doc, 'attributes')).to.include('api-base');
      expect(firstColumn(doc, 'properties')).to.include('locale');
      expect(firstColumn(doc, 'events')).to.have.members(CONTRACT_EVENTS[tag]!);
      expect(firstColumn(doc, 'parts').length).to.be.greaterThan(0);
      expect(firstColumn(doc, 'parts')).to.include('::part(error)');
      expect(firstColumn(doc, 'css-properties').length).to.be.greaterThan(0);
      expect(doc.querySelector('#slots')).to.not.equal(null);
      // The live example starts with the tag itself, ready to edit.
      expect(doc.querySelector<HTMLTextAreaElement>('#example textarea')!.value).to.contain(`<${tag} `);
    });
  }

  it('the live example renders against the vendor and re-renders as the reader edits it', async () => {
    const mock = await openMockWorld();
    // The example's api-base is the demo's /mock/audienceview; the test server sends it to this world.
    document.cookie = `mock-world=${mock.id}; path=/`;
    const page = await openSecondPage('/__embed/docs/av-event-list.html');
    try {
      const count = `document.querySelector('#preview av-event-list')?.shadowRoot?.querySelectorAll('[part~="performance"]').length`;
      expect(await page.waitFor<number>(count)).to.equal(5);
      await page.evaluate(`(() => {
        const source = document.querySelector('#source');
        source.value = source.value.replace('limit="5"', 'limit="2"');
        source.dispatchEvent(new Event('input'));
      })()`);
      expect(await page.waitFor<boolean>(`${count} === 2`)).to.equal(true);
      expect(await page.errors()).to.deep.equal([]);
    } finally {
      await page.close();
      document.cookie = 'mock-world=; path=/; max-age=0';
    }
  });
});
