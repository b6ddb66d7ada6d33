import { expect } from '@open-wc/testing';
import { ALL_WORKED, DIST, openHostPage, type HostPage } from './host-page.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

// The test page (localhost) and the mock vendors (127.0.0.1) are different sites, so every vendor
// cookie here is a third-party cookie; the page also turns Chromium's third-party cookie blocking
// on explicitly (CDP), whatever the browser's default. docs/embedding.md explains each element.
const COOKIE_MODE = { 'vista-member-login': { mode: 'cookie' }, 'vista-ticket-redemption': { mode: 'cookie' } };
const unpartitionedVistaCookies = (mock: HostPage['mock']) =>
  mock.control('vista', '/config', { method: 'POST', body: JSON.stringify({ partitionedCookies: false }), headers: { 'content-type': 'application/json' } });

describeWhere({ ...SECOND_PAGE, firefox: 'blocking third-party cookies for one page is Chromium’s DevTools protocol (Network.setCookieControls); Firefox partitions them (Total Cookie Protection) with no per-page switch' }, 'third-party cookies blocked', function () {
  this.timeout(40000);
  let host: HostPage | undefined;
  afterEach(() => host?.page.close());

  it('every element works in its default mode: none of them needs a cookie', async () => {
    host = await openHostPage('plain', [`${DIST.v1}/all.js`], { blockThirdPartyCookies: true });
    expect((await host.use()).results).to.deep.equal(ALL_WORKED);
  });

  it("Vista's cookie mode works when the API sets Partitioned (CHIPS) cookies", async () => {
    host = await openHostPage('plain', [`${DIST.v1}/all.js`], { blockThirdPartyCookies: true, attributes: COOKIE_MODE });
    expect((await host.use()).results).to.deep.equal(ALL_WORKED);
  });

  it("with unpartitioned Vista cookies cookie mode cannot keep a session and says so; token mode is unaffected", async () => {
    host = await openHostPage('plain', [`${DIST.v1}/all.js`], { blockThirdPartyCookies: true, attributes: COOKIE_MODE, configure: unpartitionedVistaCookies });
    const { events } = await host.use();
    // The sign-in call succeeded but the browser dropped its cookie: not signed in, and told why;
    // the member cards are not offered to a member who is not there.
    expect(events).not.to.include('vista-member-login');
    expect(events).to.include('vista-member-error');
    const said = await host.page.evaluate<string>(`document.querySelector('vista-member-login').shadowRoot.querySelector('[part~="error"]')?.textContent ?? ''`);
    expect(said, 'a visible error that says why').to.contain('third-party cookies');
    const cards = await host.page.evaluate<number>(`document.querySelector('vista-ticket-redemption').shadowRoot.querySelectorAll('[part~="card"]').length`);
    expect(cards).to.equal(0);
    await host.page.close();

    host = await openHostPage('plain', [`${DIST.v1}/all.js`], { blockThirdPartyCookies: true, configure: unpartitionedVistaCookies });
    expect((await host.use()).results).to.deep.equal(ALL_WORKED);
  });
});
