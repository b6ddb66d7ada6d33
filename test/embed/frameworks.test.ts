import { expect } from '@open-wc/testing';
import { openMockWorld } from '../mock.js';
import { TAGS } from './host-page.js';
import { openSecondPage, type SecondPage } from '../app/second-page.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

// examples/<framework>/ built with Vite by the test server (test/embed/embed-server.mjs), as a
// developer would build them, then opened against a mock world of their own.
for (const framework of ['react', 'vue', 'svelte']) {
  describeWhere(SECOND_PAGE, `the ${framework} example`, function () {
    this.timeout(60000); // the first test builds the example
    let page: SecondPage;
    before(async () => {
      const mock = await openMockWorld();
      page = await openSecondPage(`/__embed/examples/${framework}/?api=${encodeURIComponent(mock.base('audienceview'))}`);
    });
    after(() => page?.close());

    // React's example uses the @lit/react component (<AvEventList clientId="284" limit={10}>, both
    // properties); Vue's and Svelte's templates write `client-id` as an attribute and `limit` as a property.
    it(`renders the element: client-id${framework === 'react' ? '' : ' (as an attribute)'} and limit = 10 both reach it`, async () => {
      // The cards come a batch per task: counted once the list says it is whole (not busy).
      const shown = await page.waitFor<number>(
        `(() => { const root = document.querySelector('av-event-list')?.shadowRoot; return root?.querySelector('[part~="list"]')?.getAttribute('aria-busy') === 'false' && root.querySelectorAll('[part~="performance"]').length; })()`,
      );
      expect(shown).to.equal(10);
      const host = await page.evaluate<{ attribute: string | null; clientId: string; limit: number }>(
        `(() => { const el = document.querySelector('av-event-list'); return { attribute: el.getAttribute('client-id'), clientId: el.clientId, limit: el.limit }; })()`,
      );
      expect(host).to.deep.equal({ attribute: framework === 'react' ? null : '284', clientId: '284', limit: 10 });
    });

    it("a patron's choice reaches the framework's handler, which renders it", async () => {
      const title = await page.evaluate<string>(`(() => {
        // The first performance that can be bought (one whose sales have closed, by the clock, is text, not a link).
        const link = document.querySelector('av-event-list').shadowRoot.querySelector('a[part~="performance"]');
        link.click();
        return link.textContent;
      })()`);
      const chosen = await page.waitFor<string>(`document.querySelector('#chosen').textContent.startsWith('You chose') && document.querySelector('#chosen').textContent`);
      expect(chosen).to.match(/^You chose \S/);
      expect(title).to.contain(chosen.slice('You chose '.length));
      // The handler cancelled the event, so the page did not leave for the vendor.
      expect(await page.evaluate<string>('location.pathname')).to.equal(`/__embed/examples/${framework}/`);
      expect(await page.errors()).to.deep.equal([]);
    });
  });
}

describe('the React components on a server', function () {
  this.timeout(120000); // the first request builds the package

  it('each of the eight imports and renders in Node (react-dom/server) from the package as built: its tag, with the attributes React owns (properties such as locale are set in the browser)', async () => {
    const html = (await (await fetch('/__embed/react-ssr')).json()) as Record<string, string>;
    expect(Object.keys(html).sort()).to.deep.equal([...TAGS].sort());
    for (const tag of TAGS) expect(html[tag], tag).to.equal(`<${tag} id="on-server" class="venue"></${tag}>`);
  });
});
