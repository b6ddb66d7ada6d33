/**
 * Screenshots of the plugin in a real WordPress for docs/embedding.md (docs/screenshots/wordpress-*.png):
 * the settings page, an author's published post, and a block's sidebar in the block editor.
 * Starts the same WordPress as the tests (test/wordpress/wordpress-server.mjs) against the mock.
 *
 *   npx tsx test/wordpress/screenshots.ts
 */
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startMockServer } from '../../mock/server.ts';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';
import { wordpressPlugin } from './wordpress-server.mjs';

const out = resolve(import.meta.dirname, '../../docs/screenshots');
const mock = await startMockServer();
const wordpress = wordpressPlugin(() => mock.origin);
const command = (payload: Record<string, unknown>) => wordpress.executeCommand({ command: 'wordpress', payload }) as Promise<any>;
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs() });
try {
  let site: any;
  while (!site?.ready) site = await command({ action: 'start' });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${site.origin}/wp-login.php`);
  await page.type('#user_login', 'administrator');
  await page.type('#user_pass', site.users.administrator.password);
  await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);

  await page.goto(`${site.origin}/wp-admin/options-general.php?page=venue-widgets`);
  const fields: Record<string, string> = {
    client_id: '284',
    av_api_base: `${mock.origin}/audienceview`,
    vista_api_base: `${mock.origin}/vista`,
    utick_proxy_url: `${mock.origin}/utick-proxy`,
  };
  for (const [key, value] of Object.entries(fields)) {
    await page.$eval(`#venue_widgets_${key}`, (input) => ((input as HTMLInputElement).value = ''));
    await page.type(`#venue_widgets_${key}`, value);
  }
  await page.select('#venue_widgets_time_zone', 'America/New_York');
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  await page.screenshot({ path: `${out}/wordpress-settings.png`, fullPage: true });

  const posted = await command({
    action: 'post',
    role: 'author',
    post: {
      title: 'What’s on at Harbour Lights',
      status: 'publish',
      content: [
        '<!-- wp:paragraph --><p>Book the next walks and shows straight from this page.</p><!-- /wp:paragraph -->',
        '<!-- wp:shortcode -->[av-event-list limit="3"]<!-- /wp:shortcode -->',
        '<!-- wp:heading --><h2>Passes</h2><!-- /wp:heading -->',
        '<!-- wp:venue-widgets/utick-pack-list {"limit":"2"} /-->',
      ].join('\n\n'),
    },
  });
  const visitor = await (await browser.createBrowserContext()).newPage();
  await visitor.setViewport({ width: 1280, height: 900 });
  await visitor.goto(posted.link, { waitUntil: 'networkidle0' });
  await visitor.waitForFunction(() => document.querySelector('utick-pack-list')?.shadowRoot?.querySelector('[part~="pack"]'));
  await new Promise((r) => setTimeout(r, 800)); // images
  const end = await visitor.evaluate(() => document.querySelector('.wp-block-post-content')!.getBoundingClientRect().bottom + window.scrollY + 40);
  await visitor.screenshot({ path: `${out}/wordpress-post.png`, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(end) }, captureBeyondViewport: true });

  // The block editor: an Upcoming performances block selected, its attributes in the sidebar.
  page.setDefaultNavigationTimeout(120000);
  await page.goto(`${site.origin}/wp-admin/post-new.php`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as any).wp?.blocks?.getBlockType('venue-widgets/av-event-list') && (window as any).wp.data.select('core/editor').getCurrentPostId(), { timeout: 120000 });
  await page.evaluate(() => {
    const wp = (window as any).wp;
    if (wp.data.select('core/edit-post').isFeatureActive('welcomeGuide')) wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
    wp.data.dispatch('core/editor').editPost({ title: 'Tonight at the harbour' });
    const block = wp.blocks.createBlock('venue-widgets/av-event-list', { limit: '3' });
    wp.data.dispatch('core/block-editor').insertBlocks(block);
    wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
    wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
  });
  await new Promise((r) => setTimeout(r, 1500));
  await page.screenshot({ path: `${out}/wordpress-block-editor.png` });
  console.log('wrote docs/screenshots/wordpress-settings.png, wordpress-post.png, wordpress-block-editor.png');
} finally {
  await browser.close();
  await wordpress.serverStop();
  await mock.close();
}
