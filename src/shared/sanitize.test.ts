import { expect } from '@open-wc/testing';
import { lateContentSettled } from './late-content.js';
import { itWhere } from '../../test/engines.js';
import { describeVendorHtml, fetchedDomPurify, itShowsPlainTextWithoutDomPurify, NO_SET_HTML, type VendorNote } from '../../test/vendor-html.js';

// Runs first in its own page: nothing has asked for a sanitizer yet.
describe('vendor HTML, with the sanitizer this browser has', () => {
  itShowsPlainTextWithoutDomPurify();

  itWhere(NO_SET_HTML, "shows markup sanitized at the first render, by the browser's own sanitizer: DOMPurify is never fetched", async () => {
    const el = document.createElement('test-vendor-note') as VendorNote;
    el.note = 'A <strong>great</strong> night<img src=x onerror="window.__pwned=1">';
    document.body.append(el);
    await el.updateComplete;
    const p = el.shadowRoot!.querySelector('p')!;
    expect(p.querySelector('strong')?.textContent).to.equal('great');
    expect(p.querySelector('img')).to.equal(null);
    await lateContentSettled();
    expect(fetchedDomPurify()).to.equal(false);
    expect(window.__pwned).to.equal(undefined);
    el.remove();
  });
});

describeVendorHtml('vendor HTML, cleaned by the sanitizer this browser has');
