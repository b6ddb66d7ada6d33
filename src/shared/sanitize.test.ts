import { expect } from '@open-wc/testing';
import { html, LitElement, render } from 'lit';
import { LateContentController, lateContentSettled } from './late-content.js';
import { loadSanitizer, safeHttpUrl, sanitizeHtml, vendorHtml, vendorText } from './sanitize.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

/** A minimal element showing one vendor string, as the real elements do. */
class VendorNote extends LitElement {
  static override properties = { note: {} };
  declare note: string;
  protected readonly lateContent = new LateContentController(this);
  override render() {
    return html`<p>${vendorHtml(this.note)}</p>`;
  }
}
customElements.define('test-vendor-note', VendorNote);

// Runs first in its own page: DOMPurify has not been loaded by anything yet.
describe('vendor HTML before the sanitizer has loaded', () => {
  afterEach(() => delete window.__pwned);

  it('shows plain text as it is, without loading the sanitizer', async () => {
    const el = document.createElement('test-vendor-note') as VendorNote;
    el.note = 'Doors open 30 minutes before';
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Doors open 30 minutes before');
    expect(performance.getEntriesByType('resource').some((e) => /dompurify/i.test(e.name))).to.equal(false);
    el.remove();
  });

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
    expect(p().querySelector('strong')?.textContent).to.equal('great');
    expect(p().querySelector('img')).to.equal(null);
    expect(window.__pwned).to.equal(undefined);
    el.remove();
  });
});

describe('vendor HTML', () => {
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
