/**
 * What a patron sees of vendor HTML, whichever sanitizer cleans it: the browser's own (`setHTML`)
 * in src/shared/sanitize.test.ts where the engine has it, DOMPurify in
 * src/shared/sanitize.dompurify.test.ts (every engine, the browser's own hidden). One suite, so
 * both paths answer to the same expectations.
 */
import { expect } from '@open-wc/testing';
import { html, LitElement, render } from 'lit';
import { LateContentController } from '../src/shared/late-content.js';
import { loadSanitizer, safeHttpUrl, sanitizeHtml, vendorHtml, vendorText } from '../src/shared/sanitize.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

/** A minimal element showing one vendor string, as the real elements do. */
export class VendorNote extends LitElement {
  static override properties = { note: {} };
  declare note: string;
  protected readonly lateContent = new LateContentController(this);
  override render() {
    return html`<p>${vendorHtml(this.note)}</p>`;
  }
}
customElements.define('test-vendor-note', VendorNote);

/** Engines whose browser has no sanitizer of its own. */
export const NO_SET_HTML = { webkit: 'WebKitGTK here has no HTML Sanitizer API (Element.setHTML); DOMPurify cleans vendor HTML there (sanitize.dompurify.test.ts)' };

/** Whether this page fetched DOMPurify's chunk. */
export const fetchedDomPurify = () => performance.getEntriesByType('resource').some((e) => /\/dompurify\/|sanitizer-setup/i.test(e.name));

/** The first test of a page: nothing has asked for a sanitizer yet. */
export function itShowsPlainTextWithoutDomPurify(): void {
  it('shows plain text as it is, without loading DOMPurify', async () => {
    const el = document.createElement('test-vendor-note') as VendorNote;
    el.note = 'Doors open 30 minutes before';
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Doors open 30 minutes before');
    expect(fetchedDomPurify()).to.equal(false);
    el.remove();
  });
}

export function describeVendorHtml(title: string): void {
  describe(title, () => {
    before(() => loadSanitizer());
    afterEach(() => delete window.__pwned);

    it('keeps the shown markup in place when the element renders again with the same text, and replaces it when the text changes', async () => {
      const el = document.createElement('test-vendor-note') as VendorNote;
      el.note = 'See <a href="https://venue.example/faq">the FAQ</a><img src=x onerror="window.__pwned=1">';
      document.body.append(el);
      try {
        await el.updateComplete;
        const link = el.shadowRoot!.querySelector('a')!;
        expect(link.textContent).to.equal('the FAQ');
        expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
        link.focus();
        el.requestUpdate(); // a later batch renders the list again
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('a'), 'the same link, still focused').to.equal(link);
        expect(el.shadowRoot!.activeElement).to.equal(link);
        el.note = '<em>Sold out</em>';
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('p')!.innerHTML.replace(/<!--[^]*?-->/g, '')).to.equal('<em>Sold out</em>');
        expect(el.shadowRoot!.querySelector('img')).to.equal(null);
        expect(window.__pwned).to.equal(undefined);
      } finally {
        el.remove();
      }
    });

    it('keeps formatting and drops scripts, handlers, styles and forms', () => {
      const clean = sanitizeHtml('<p style="color:red">A <strong>great</strong> night<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"><form><input></form></p>');
      expect(clean).to.match(/^<p>A <strong>great<\/strong> night<\/p>/);
      expect(clean).not.to.match(/script|img|onerror|style|form|input/);
    });

    it('keeps title, lang and dir, and no class, id, style, data or aria attribute', () => {
      expect(sanitizeHtml('<p data-x="1" aria-label="y" class="c" id="i" style="color:red" title="t" lang="en" dir="rtl">q</p>')).to.equal('<p title="t" lang="en" dir="rtl">q</p>');
    });

    it("keeps the text of elements it does not allow, and drops what is never text to show", () => {
      const clean = sanitizeHtml('<h2>Cast</h2><table><tr><td>Ada</td></tr></table><font color=red>Box</font><mark>office</mark><section>open</section><style>p{}</style><title>t</title><noscript>n</noscript><svg><text>s</text></svg><template>t</template><!-- note -->');
      expect(clean).to.equal('CastAdaBoxofficeopen');
    });

    it('does not run an onerror payload once rendered', async () => {
      const el = document.createElement('div');
      document.body.append(el);
      render(html`${vendorHtml('<img src=x onerror="window.__pwned=1"><svg><animate onbegin="window.__pwned=1"/></svg>')}`, el);
      await new Promise((r) => setTimeout(r, 50));
      expect(window.__pwned).to.equal(undefined);
      expect(el.querySelector('img, svg, animate')).to.equal(null);
      el.remove();
    });

    it('keeps only http(s) links, opening in a new tab safely', () => {
      const clean = sanitizeHtml('<a href="javascript:alert(1)">x</a><a href="https://venue.example/faq">faq</a>');
      expect(clean).to.equal('<a target="_blank" rel="noopener noreferrer">x</a><a href="https://venue.example/faq" target="_blank" rel="noopener noreferrer">faq</a>');
      expect(safeHttpUrl('data:text/html,<script>')).to.equal(undefined);
      expect(safeHttpUrl(' https://web.ovationtix.com/trs/clientFile/1 ')).to.equal('https://web.ovationtix.com/trs/clientFile/1');
    });

    it('drops every vendor link that is not absolute http(s), and keeps an https one with the rel and target it sets', () => {
      const unsafe = ['mailto:box-office@venue.example', 'ftp://files.venue.example/programme.pdf', '//other.example/phish', '/tickets/faq', 'faq.html', 'data:text/html,<b>hi</b>', 'javascript:alert(1)'];
      for (const href of unsafe) {
        const holder = document.createElement('div');
        holder.innerHTML = sanitizeHtml(`<p>See <a href="${href}">this</a> or <a href="https://venue.example/faq">the FAQ</a></p>`);
        const [dropped, kept] = [...holder.querySelectorAll('a')];
        expect(dropped!.hasAttribute('href'), `a vendor link to ${href}`).to.equal(false);
        expect(dropped!.textContent).to.equal('this');
        expect(kept!.getAttribute('href')).to.equal('https://venue.example/faq');
        expect(kept!.getAttribute('target')).to.equal('_blank');
        expect(kept!.getAttribute('rel')).to.equal('noopener noreferrer');
      }
    });

    it('treats "" and null as absent, and reads the text of HTML for accessible names', () => {
      expect(sanitizeHtml('')).to.equal('');
      expect(sanitizeHtml(null)).to.equal('');
      expect(vendorText('<b>Sold</b>   out<script>x</script>')).to.equal('Sold out');
    });
  });
}
