import { expect } from '@open-wc/testing';
import { ALL_WORKED, DIST, TAGS, openHostPage, type HostPage } from './host-page.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

// The page's Content-Security-Policy arrives as a header (test/embed/embed-server.mjs): no inline
// script or style, no eval, and Trusted Types required with only `lit-html` and `venue-widgets`.
describeWhere(SECOND_PAGE, 'all eight elements on a page with a strict CSP and Trusted Types', function () {
  this.timeout(40000); // eight elements used one after the other, sign-ins included
  let host: HostPage;
  before(async () => {
    // Each element's own module, as eight CMS snippets on one page would load them.
    host = await openHostPage('strict-csp', TAGS.map((tag) => `${DIST.v1}/${tag}.js`));
  });
  after(() => host?.page.close());

  it('the page really enforces the policy', async () => {
    // Proves the header applies: an inline style and an HTML string are refused here.
    const refused = await host.page.evaluate<{ style: boolean; html: boolean }>(`(() => {
      const p = document.createElement('p');
      p.setAttribute('style', 'color: red');
      document.body.append(p);
      const style = getComputedStyle(p).color !== 'rgb(255, 0, 0)';
      p.remove();
      let html = false;
      try { document.createElement('div').innerHTML = '<b>x</b>'; } catch { html = true; }
      return { style, html };
    })()`);
    expect(refused).to.deep.equal({ style: true, html: true });
  });

  it('every element renders against the vendor and works, with no violation and no error', async () => {
    const before = (await host.report()).violations.length; // the two refusals above
    const { results } = await host.use();
    expect(results).to.deep.equal(ALL_WORKED);
    const report = await host.report();
    // Chromium reports (never applies) an inline handler or style attribute of vendor HTML as the
    // sanitizer's inert document parses it (the browser's own `setHTML`, or DOMPurify's DOMParser),
    // before it is dropped: the mock's `onerror=alert(…)` samples and the scanner's verdict HTML
    // (`style='font-size:…'`), named by the sample the policy asks for ('report-sample').
    // Nothing else may be refused.
    const parsedVendorHtml = (v: string) => /^(script|style)-src-attr inline (alert\(|font-size:)/.test(v);
    expect(report.violations.slice(before).filter((v) => !parsedVendorHtml(v))).to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
    expect(await host.page.errors()).to.deep.equal([]);
  });

  it('vendor HTML is sanitized and shown as HTML under Trusted Types', async () => {
    // The pack list shows Utick's descriptions, which hold markup: the browser's sanitizer
    // (`setHTML`, no sink) or DOMPurify through the venue-widgets policy, and Lit renders the clean result.
    const formatted = await host.page.waitFor<boolean>(
      `[...document.querySelector('utick-pack-list').shadowRoot.querySelectorAll('[part~="pack"] p, [part~="pack"] strong, [part~="pack"] em, [part~="pack"] ul, [part~="pack"] b')].length > 0`,
    );
    expect(formatted).to.equal(true);
  });
});
