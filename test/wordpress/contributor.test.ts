/**
 * Roles × elements in a real WordPress, part 2: a contributor's shortcodes and blocks in posts
 * waiting for review, seen in their preview; an administrator's raw paste in classic content.
 */
import { expect } from '@open-wc/testing';
import { openSecondPage } from '../app/second-page.js';
import { nextMonth } from '../embed/host-page.js';
import { PATRON_TAGS, TAGS, allRendered, blocks, patron, post, record, shortcodes, signIn, signOut, startWordPress, visit, type Site } from './wordpress.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

describeWhere(SECOND_PAGE, 'the WordPress plugin: contributors and an administrator', function () {
  this.timeout(240000);
  let site: Site;
  let use: Awaited<ReturnType<typeof patron>>;
  before(async () => {
    site = await startWordPress();
    use = await patron(site);
  });

  it('a contributor submits shortcodes and blocks for review; their previews render every element', async () => {
    const withShortcodes = await post('contributor', 'For review: shortcodes', shortcodes(use), 'pending');
    const withBlocks = await post('contributor', 'For review: blocks', blocks(use), 'pending');
    expect(withShortcodes.postStatus).to.equal('pending');
    await signIn(site, 'contributor');
    const shortcodeView = await visit(site, `${site.origin}/?p=${withShortcodes.id}&preview=true`, TAGS, use.who);
    const blockView = await visit(site, `${site.origin}/?p=${withBlocks.id}&preview=true`, PATRON_TAGS, use.who);
    await signOut(site);
    await record('contributor, shortcodes (preview)', shortcodeView.cells);
    await record('contributor, blocks (preview)', blockView.cells);
    expect(shortcodeView.cells).to.deep.equal(allRendered(TAGS));
    expect(blockView.cells).to.deep.equal(allRendered(PATRON_TAGS));
  });

  it("an administrator's raw paste in classic content (script line and tags) renders, <p> and <br> and all", async () => {
    const paste = [
      `<script type="module" src="${site.origin}/wp-content/plugins/venue-widgets/assets/av-event-list.js"></script>`,
      `<av-event-list client-id="284" limit="10"></av-event-list>`,
      '',
      `<av-calendar client-id="284" view="list" month="${nextMonth()}">`,
      '</av-calendar>',
    ].join('\n');
    const posted = await post('administrator', 'Pasted by the administrator', paste);
    expect(posted.stored).to.include('<script type="module"'); // unfiltered_html keeps it
    const page = await openSecondPage(posted.link);
    const served = await page.evaluate<string>(`document.querySelector('.wp-block-post-content, .entry-content').innerHTML`);
    await page.close();
    expect(served).to.include('<br>'); // what WordPress does to classic content
    const seen = await visit(site, posted.link, ['av-event-list', 'av-calendar'], use.who);
    await record('administrator, raw paste (classic)', seen.cells);
    expect(seen.cells).to.deep.equal(allRendered(['av-event-list', 'av-calendar']));
  });
});
