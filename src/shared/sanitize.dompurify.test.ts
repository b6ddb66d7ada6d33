/**
 * Vendor HTML cleaned by DOMPurify, in every engine: the browser's own sanitizer hidden before
 * anything asks for it, as in a browser without one (Safari, older Chromium and Firefox).
 */
import { expect } from '@open-wc/testing';
import { lateContentSettled } from './late-content.js';
import { nativeSanitizer } from './native-sanitizer.js';
import { itWhere } from '../../test/engines.js';
import { XSS_PAYLOADS } from '../../test/hardening/payloads.js';
import { describeVendorHtml, fetchedDomPurify, itShowsPlainTextWithoutDomPurify, NO_SET_HTML, type VendorNote } from '../../test/vendor-html.js';

const browserSanitizer = Object.getOwnPropertyDescriptor(Element.prototype, 'setHTML');
delete (Element.prototype as { setHTML?: unknown }).setHTML;

// Runs first in its own page: DOMPurify has not been loaded by anything yet.
describe('vendor HTML before DOMPurify has loaded', () => {
  afterEach(() => delete window.__pwned);

  itShowsPlainTextWithoutDomPurify();

  it('shows markup as its text at once, then as sanitized HTML when DOMPurify arrives', async () => {
    const el = document.createElement('test-vendor-note') as VendorNote;
    el.note = 'A <strong>great</strong> night<img src=x onerror="window.__pwned=1">';
    document.body.append(el);
    await el.updateComplete;
    const p = () => el.shadowRoot!.querySelector('p')!;
    expect(p().textContent).to.equal('A great night');
    expect(p().querySelector('strong, img')).to.equal(null);
    await lateContentSettled();
    await el.updateComplete;
    expect(fetchedDomPurify()).to.equal(true);
    expect(p().querySelector('strong')?.textContent).to.equal('great');
    expect(p().querySelector('img')).to.equal(null);
    expect(window.__pwned).to.equal(undefined);
    el.remove();
  });
});

describeVendorHtml('vendor HTML, cleaned by DOMPurify');

describe("the browser's sanitizer and DOMPurify", () => {
  itWhere(NO_SET_HTML, 'make the same of vendor markup, hostile included', async () => {
    // Imported here, not above: the tests before it must find DOMPurify not yet fetched.
    const { setUpSanitizer } = await import('./sanitizer-setup.js');
    const purify = setUpSanitizer()!;
    const serialized = (fragment: DocumentFragment) => {
      const holder = document.createElement('div');
      holder.append(document.importNode(fragment, true));
      return holder.innerHTML;
    };
    const honest = [
      '<p>Two sisters, one lighthouse and a storm. <em>Far Far Away</em> returns.</p>',
      "<p>Shakespeare's comedy.</p><ul><li>Running time 2 h 40 min</li><li>One interval</li></ul>",
      '<strong>Preview performances</strong> are for season subscribers only.',
      '<p>Song sheets provided. <a href="https://example.org/shanties" title="Shanties">Practise at home</a>.</p>',
      '<h2>Cast</h2><table><tr><td>Ada</td><td>Grace</td></tr></table><p style="color:red" class="x" lang="fr" dir="ltr">Bienvenue&nbsp;!</p>',
      '<div><h3>Access</h3><blockquote>Step-free <u>entrance</u> on <span>Quay St</span><br>H<sub>2</sub>O<sup>2</sup> <small>fine</small></blockquote><ol><li><b>one</b> <i>two</i></li></ol><h4>end</h4></div>',
    ];
    // The browser's own, for this test only.
    Object.defineProperty(Element.prototype, 'setHTML', browserSanitizer!);
    try {
      const native = nativeSanitizer()!;
      const differ = [...honest, ...XSS_PAYLOADS].map((markup) => [markup, serialized(native(markup)), serialized(purify(markup))]).filter(([, browser, dompurify]) => browser !== dompurify);
      // Two hostile strings come out otherwise, both as harmless text or nothing: an element whose
      // name no HTML knows (`<scr<script>`: DOMPurify keeps its text, the browser drops it), and
      // `<noscript>`, which the browser's sanitizer parses as a page with scripting on would.
      const expected = [XSS_PAYLOADS[2], XSS_PAYLOADS[52]];
      expect(differ.filter(([markup]) => !expected.includes(markup!)).map(([markup, browser, dompurify]) => `${markup}\n    browser: ${browser}\n    DOMPurify: ${dompurify}`).join('\n')).to.equal('');
      expect(differ.map(([markup]) => markup)).to.deep.equal(expected);
    } finally {
      delete (Element.prototype as { setHTML?: unknown }).setHTML;
    }
  });
});
