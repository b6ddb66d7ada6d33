import { expect } from '@open-wc/testing';
import { ALL_WORKED, DIST, openHostPage, type HostPage } from './host-page.js';

// The test page (localhost) and the mock vendors (127.0.0.1) are different sites, so every vendor
// cookie here is a third-party cookie; the page also turns Chromium's third-party cookie blocking
// on explicitly (CDP), whatever the browser's default. docs/embedding.md explains each element.
const COOKIE_MODE = { 'vista-member-login': { mode: 'cookie' }, 'vista-ticket-redemption': { mode: 'cookie' } };
const unpartitionedVistaCookies = (mock: HostPage['mock']) =>
  mock.control('vista', '/config', { method: 'POST', body: JSON.stringify({ partitionedCookies: false }), headers: { 'content-type': 'application/json' } });

describe('third-party cookies blocked', function () {
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
    expect(events).to.include('vista-redemption-error');
    const shown = await host.page.evaluate<boolean>(`!!document.querySelector('vista-ticket-redemption').shadowRoot.querySelector('[part~="error"]')`);
    expect(shown, 'a visible error with a retry').to.equal(true);
    await host.page.close();

    host = await openHostPage('plain', [`${DIST.v1}/all.js`], { blockThirdPartyCookies: true, configure: unpartitionedVistaCookies });
    expect((await host.use()).results).to.deep.equal(ALL_WORKED);
  });
});
