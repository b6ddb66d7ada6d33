/**
 * Roles × elements in a real WordPress, part 1: an author publishes each shortcode and each block
 * (the site's defaults, set on the settings page, point the elements at the mock); each page is
 * opened and every element used as a patron would. Part 2: contributor.test.ts.
 */
import { expect } from '@open-wc/testing';
import { PATRON_TAGS, TAGS, allRendered, blocks, patron, post, record, shortcodes, startWordPress, visit, type Site } from './wordpress.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

describeWhere(SECOND_PAGE, 'the WordPress plugin: an author publishes every element', function () {
  this.timeout(240000);
  let site: Site;
  let use: Awaited<ReturnType<typeof patron>>;
  before(async () => {
    site = await startWordPress();
    use = await patron(site);
  });

  it('each shortcode: all eight render for visitors, each module once, with the site defaults', async () => {
    const posted = await post('author', 'Season in shortcodes', shortcodes(use));
    const seen = await visit(site, posted.link, TAGS, use.who);
    await record('author, shortcodes', seen.cells);
    expect(seen.cells).to.deep.equal(allRendered(TAGS));
    expect(seen.errors).to.deep.equal([]);
    // Each element's module once, and only those (WordPress prints a handle once per page); the
    // three AudienceView elements from audienceview.js, one file with one Lit, not three.
    const audienceView = TAGS.filter((tag) => tag.startsWith('av-'));
    expect(audienceView).to.have.length(3);
    expect([...seen.scripts].sort()).to.deep.equal([...TAGS.filter((tag) => !audienceView.includes(tag)).map((tag) => `${tag}.js`), 'audienceview.js'].sort());
    // The site defaults reached the requests: AudienceView's client 284 from the settings page.
    expect(seen.requests.some((r) => r.path.includes('/public/calendar/client(284)'))).to.equal(true);
  });

  it('each block: all seven patron elements render', async () => {
    const posted = await post('author', 'Season in blocks', blocks(use));
    expect(posted.stored).to.include('<!-- wp:venue-widgets/av-calendar');
    const seen = await visit(site, posted.link, PATRON_TAGS, use.who);
    await record('author, blocks', seen.cells);
    expect(seen.cells).to.deep.equal(allRendered(PATRON_TAGS));
    expect(seen.errors).to.deep.equal([]);
  });
});
