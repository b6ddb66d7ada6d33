/**
 * The WordPress plugin's settings page, its checks on shortcodes and pasted tags, and its PHP, in a
 * real WordPress (test/wordpress/wordpress-server.mjs; the roles × elements tests are
 * author.test.ts and contributor.test.ts).
 */
import { expect } from '@open-wc/testing';
import { openSecondPage } from '../app/second-page.js';
import { openMockWorld, type MockWorld } from '../mock.js';
import { PLUGIN_MODULE_FILES_ON_PAGE, post, signIn, signOut, startWordPress, wordpress, type Site } from './wordpress.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

describeWhere(SECOND_PAGE, 'the WordPress plugin: settings, checks and PHP', function () {
  this.timeout(240000); // the first command may build the library and start WordPress
  let site: Site;
  let mock: MockWorld;
  before(async () => {
    site = await startWordPress();
    mock = await openMockWorld();
  });

  const settingsUrl = () => `${site.origin}/wp-admin/options-general.php?page=venue-widgets`;

  // The settings page is fetched and submitted from a light page of the site (wp-login.php), read
  // with DOMParser: the form's own fields, nonce and referer, as the browser would send them.
  // (Loading the whole admin page with its scripts can outlast a test-runner command on a busy machine.)
  async function onSite<T>(body: string) {
    const page = await openSecondPage(`${site.origin}/wp-login.php?action=lostpassword`);
    try {
      return await page.evaluate<T>(`(async () => {
        const settingsPage = async () => new DOMParser().parseFromString(await (await fetch(${JSON.stringify(settingsUrl())})).text(), 'text/html');
        ${body}
      })()`);
    } finally {
      await page.close();
    }
  }

  /** Fills the settings form as a person would and submits it (its nonce included); the page after. */
  function submitSettings(values: Record<string, string>, roles: string[]) {
    return onSite<{ status: number; text: string }>(`
      const doc = await settingsPage();
      for (const [key, value] of Object.entries(${JSON.stringify(values)})) doc.getElementById('venue_widgets_' + key).value = value;
      for (const box of doc.querySelectorAll('input[name="venue_widgets_settings[tag_roles][]"]')) box.checked = ${JSON.stringify(roles)}.includes(box.value);
      const form = doc.querySelector('form[action="options.php"]');
      const res = await fetch('/wp-admin/options.php', { method: 'POST', body: new FormData(form) });
      return { status: res.status, text: await res.text() };`);
  }

  function readSettings() {
    return onSite<Record<string, string>>(`
      const doc = await settingsPage();
      return Object.fromEntries([...doc.querySelectorAll('[id^="venue_widgets_"]')].map((f) => [f.id.slice(14), f.value]));`);
  }

  it('an administrator saves the site defaults on Settings → Venue widgets; a bad address keeps the saved one; other roles cannot', async () => {
    await signIn(site, 'administrator');
    // The same values the site was set up with (other test files use the site meanwhile).
    const saved = await submitSettings(site.defaults, site.tagRoles);
    expect(saved.status).to.equal(200);
    expect(saved.text).to.include('Settings saved.');
    expect(await readSettings()).to.include(site.defaults);

    const refused = await submitSettings({ ...site.defaults, av_api_base: 'javascript:alert(1)' }, site.tagRoles);
    expect(refused.text).to.include('is not valid; the previous value is kept');
    expect((await readSettings()).av_api_base).to.equal(site.defaults.av_api_base);

    // An author gets no settings page, and a forged save (without a valid nonce) changes nothing.
    await signIn(site, 'author');
    const answers = await onSite<{ page: number; forged: number }>(`
      const pageStatus = (await fetch(${JSON.stringify(settingsUrl())})).status;
      const body = new URLSearchParams({ option_page: 'venue_widgets', action: 'update', _wpnonce: 'forged', 'venue_widgets_settings[client_id]': '999' });
      const forged = (await fetch('/wp-admin/options.php', { method: 'POST', body })).status;
      return { page: pageStatus, forged };`);
    expect(answers.page).to.equal(403);
    expect(answers.forged).to.be.within(400, 403);
    await signIn(site, 'administrator');
    expect((await readSettings()).client_id).to.equal('284');
    await signOut(site);
  });

  it('pasted tags: kept for the roles the site chose (documented attributes only, site defaults added), removed for the others', async () => {
    const av = mock.base('audienceview');
    const paste = `<av-event-list api-base="${av}" limit="3" onclick="alert(1)" style="display:none"></av-event-list><av-series-list purchase-url="javascript:alert(1)"></av-series-list>`;
    const byAuthor = await post('author', 'Pasted by an author', `<!-- wp:html -->${paste}<!-- /wp:html -->`);
    const byContributor = await post('contributor', 'Pasted by a contributor', `<!-- wp:html -->${paste}<!-- /wp:html -->`, 'pending');
    // The site chose authors: the author's tags stay, without the undocumented attributes and
    // the javascript: URL; the contributor's are gone, as WordPress does by default.
    expect(byAuthor.stored).to.include(`<av-event-list api-base="${av}" limit="3"`);
    expect(byAuthor.stored).not.to.match(/onclick|style=|javascript:/);
    expect(byContributor.stored).not.to.include('<av-event-list');
    // On the page, the site's client id fills in what the tag leaves out; the plugin loads the module.
    const page = await openSecondPage(byAuthor.link);
    const served = await page.evaluate<{ tag: string; scripts: string[]; shadow: string }>(`(async () => {
      const el = document.querySelector('av-event-list');
      await customElements.whenDefined('av-event-list');
      for (let i = 0; i < 150 && !el.shadowRoot?.querySelector('[part~="performance"], [part~="error"]'); i++) await new Promise((r) => setTimeout(r, 100));
      return {
        tag: el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1),
        scripts: ${PLUGIN_MODULE_FILES_ON_PAGE},
        shadow: el.shadowRoot?.querySelector('[part~="performance"]') ? 'performances' : el.shadowRoot?.textContent.trim().slice(0, 80),
      };
    })()`);
    await page.close();
    expect(served.tag).to.include('client-id="284"');
    // Two AudienceView elements: their one module with one Lit, not each its own.
    expect(served.scripts).to.deep.equal(['audienceview.js']);
    expect(served.shadow).to.equal('performances');
    expect((await mock.requests()).some((r) => /\/public\/(calendar|events)\/client\(284\)/.test(r.path))).to.equal(true);
  });

  it('a page opens the connections its elements ask at once as it is parsed: one preconnect per origin, before the first element that needs it', async () => {
    await signOut(site);
    const av = mock.base('audienceview');
    const other = new URL(av);
    other.hostname = 'localhost'; // the same server under another origin: a second API
    const content = `[av-event-list api-base="${av}" limit="3"][av-series-list api-base="${av}"]<!-- wp:html --><av-calendar api-base="${other.href}"></av-calendar><!-- /wp:html -->`;
    const twoApis = await post('author', 'Two APIs', content);
    const packs = await post('author', 'Packs', '[utick-pack-list]');
    const memberSignIn = await post('author', 'Member sign-in', '[vista-member-login]');
    const read = async (link: string) => {
      const page = await openSecondPage(link);
      try {
        return await page.evaluate<string[]>(`[...document.querySelectorAll('link[rel="preconnect"], av-event-list, av-series-list, av-calendar, utick-pack-list, vista-member-login')]
          .map((t) => (t.localName === 'link' ? 'preconnect ' + t.getAttribute('href') + (t.hasAttribute('crossorigin') ? ' crossorigin' : '') : t.localName))`);
      } finally {
        await page.close();
      }
    };
    // Each origin once, ahead of its first element; crossorigin, as these requests carry no credentials.
    expect(await read(twoApis.link)).to.deep.equal([`preconnect ${new URL(av).origin} crossorigin`, 'av-event-list', 'av-series-list', `preconnect ${other.origin} crossorigin`, 'av-calendar']);
    // The pack list asks the site's Utick signing proxy (the default) as soon as it shows.
    expect(await read(packs.link)).to.deep.equal([`preconnect ${new URL(site.defaults.utick_proxy_url!).origin} crossorigin`, 'utick-pack-list']);
    // Vista's requests may carry cookies, and its sign-in asks nothing until a patron signs in: no hint.
    expect(await read(memberSignIn.link)).to.deep.equal(['vista-member-login']);
  });

  it('a shortcode with an unknown attribute or a bad value renders without them, and says why to editors only', async () => {
    await signOut(site); // a visitor first
    const posted = await post('author', 'A typo', `[av-event-list api-base="${mock.base('audienceview')}" limit="many" colour="red" time-zone="Mars/Olympus"]`);
    const page = await openSecondPage(posted.link);
    const anonymous = await page.evaluate<string>(`document.querySelector('.wp-block-post-content, .entry-content').innerHTML`);
    const scripts = await page.evaluate<string[]>(PLUGIN_MODULE_FILES_ON_PAGE);
    await page.close();
    // One AudienceView element: its own module, one file (audienceview.js is for two or three).
    expect(scripts).to.deep.equal(['av-event-list.js']);
    expect(anonymous).to.include('client-id="284"').and.include('time-zone="America/New_York"');
    expect(anonymous).not.to.match(/limit=|colour|Mars/);
    expect(anonymous).not.to.include('venue-widgets-notice');
    await signIn(site, 'author');
    const signedIn = await openSecondPage(posted.link);
    const notice = await signedIn.evaluate<string>(`document.querySelector('[data-venue-widgets-notice]')?.textContent ?? ''`);
    await signedIn.close();
    await signOut(site);
    expect(notice).to.include('"colour" is not an attribute of av-event-list');
    expect(notice).to.include('limit="many" is not a valid value');
    expect(notice).to.include('time-zone="Mars/Olympus" is not a valid value');
  });

  it("the plugin's PHP passes `php -l` and the coding-standard sniffs Debian's PHP_CodeSniffer ships", async () => {
    const { syntax, phpcs } = await wordpress<{ syntax: Record<string, string>; phpcs: { available: boolean; clean: boolean; report: string } }>({ action: 'lint' });
    expect(Object.keys(syntax)).to.include.members(['venue-widgets.php', 'uninstall.php', 'includes/render.php']);
    expect(Object.values(syntax).every((result) => result === 'ok'), JSON.stringify(syntax)).to.equal(true);
    // .ci/run installs php-codesniffer; a machine without it still checks the syntax above.
    if (phpcs.available) expect(phpcs.report).to.equal('');
  });

  it('WordPress logged no PHP warning or notice from the plugin', async () => {
    const { log } = await wordpress<{ log: string }>({ action: 'log' });
    expect(log.split('\n').filter((line) => line.includes('venue-widgets'))).to.deep.equal([]);
  });
});
