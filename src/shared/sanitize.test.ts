import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { safeHttpUrl, sanitizeHtml, vendorHtml, vendorText } from './sanitize.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

describe('vendor HTML', () => {
  afterEach(() => delete window.__pwned);

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

  it('treats "" and null as absent, and reads the text of HTML for accessible names', () => {
    expect(sanitizeHtml('')).to.equal('');
    expect(sanitizeHtml(null)).to.equal('');
    expect(vendorText('<b>Sold</b>   out<script>x</script>')).to.equal('Sold out');
  });
});
