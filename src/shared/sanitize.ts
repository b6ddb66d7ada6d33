/**
 * Vendor text that may hold HTML (descriptions, notes, messages) goes through here and nowhere
 * else: DOMPurify with a small allow-list, links made safe, no styles, no forms, no scripts.
 */
import DOMPurify from 'dompurify';
import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

const ALLOWED_TAGS = ['a', 'b', 'br', 'em', 'i', 'li', 'ol', 'p', 'span', 'strong', 'u', 'ul', 'div', 'small', 'sub', 'sup', 'h3', 'h4', 'blockquote'];
const ALLOWED_ATTR = ['href', 'title', 'lang', 'dir'];

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    // Every surviving link opens safely in a new tab: vendor links leave the venue's page.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        const href = node.getAttribute('href');
        if (href && !safeHttpUrl(href)) node.removeAttribute('href');
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

/** Clean HTML from a vendor string; '' for null, undefined or blank. */
export function sanitizeHtml(html: string | null | undefined): string {
  if (isBlank(html)) return '';
  return purifier().sanitize(html!, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false }) as string;
}

/** A Lit binding for vendor HTML: sanitized, or `nothing` when there is no text. */
export function vendorHtml(html: string | null | undefined) {
  const clean = sanitizeHtml(html);
  return clean ? unsafeHTML(clean) : nothing;
}

/** The text of a vendor HTML string, for attributes and accessible names. */
export function vendorText(html: string | null | undefined): string {
  const clean = sanitizeHtml(html);
  if (!clean) return '';
  const template = document.createElement('template');
  template.innerHTML = clean;
  return (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** An absolute http(s) URL, or undefined: no `javascript:`, `data:` or relative tricks from a vendor. */
export function safeHttpUrl(url: string | null | undefined): string | undefined {
  if (isBlank(url)) return undefined;
  try {
    const parsed = new URL(url!.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Vendors send `""` as often as `null` for "absent" (VENDOR-NOTES). */
export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}
