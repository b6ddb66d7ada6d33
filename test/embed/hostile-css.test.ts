import { expect } from '@open-wc/testing';
import { ALL_WORKED, DIST, openHostPage, type HostPage } from './host-page.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

// pages/hostile.css: `* { all: unset }`, `div { display: none !important }`, 40px type, shouting
// links and buttons: a CMS theme at its worst. The elements' shadow roots keep it out; their
// hosts must still take up room and every control must be visible and on top.
for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 375, height: 740 }],
] as const) {
  describeWhere(SECOND_PAGE, `all eight elements on a page with aggressive global CSS (${name})`, function () {
    this.timeout(40000); // eight elements used one after the other, sign-ins included
    let host: HostPage;
    before(async () => {
      host = await openHostPage('hostile-css', [`${DIST.v1}/all.js`], { viewport });
    });
    after(() => host?.page.close());

    it('the page really is hostile', async () => {
      const looks = await host.page.evaluate<{ main: string; div: string; font: string }>(`(() => {
        const div = document.createElement('div');
        document.body.append(div);
        const result = { main: getComputedStyle(document.querySelector('main')).display, div: getComputedStyle(div).display, font: getComputedStyle(document.documentElement).fontSize };
        div.remove();
        return result;
      })()`);
      expect(looks).to.deep.equal({ main: 'block', div: 'none', font: '40px' });
    });

    it('every element shows its content with visible, pressable controls, and works', async () => {
      const { results } = await host.use();
      expect(results).to.deep.equal(ALL_WORKED);
      expect((await host.report()).errors).to.deep.equal([]);
    });

    it('no element is wider than the page', async () => {
      const overflowing = await host.page.evaluate<string[]>(
        `embed.TAGS.filter((tag) => document.querySelector(tag).getBoundingClientRect().width > document.documentElement.clientWidth + 1)`,
      );
      expect(overflowing).to.deep.equal([]);
    });
  });
}
