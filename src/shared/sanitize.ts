/**
 * Vendor text that may hold HTML (descriptions, notes, messages) goes through here and nowhere
 * else: DOMPurify with a small allow-list, links made safe, no styles, no forms, no scripts.
 *
 * DOMPurify is a third of an element's bytes and most vendor strings are plain text, so it is
 * loaded (from our own origin, as its own chunk) the first time a string holds markup. Until it
 * arrives that string shows as its plain text, which is safe; then every element holding a
 * `LateContentController` renders again with the sanitized HTML.
 */
import type { Config, DOMPurify } from 'dompurify';
import { nothing } from 'lit';
import { lateLoad } from './late-content.js';

const CONFIG: Config = {
  ALLOWED_TAGS: ['a', 'b', 'br', 'em', 'i', 'li', 'ol', 'p', 'span', 'strong', 'u', 'ul', 'div', 'small', 'sub', 'sup', 'h3', 'h4', 'blockquote'],
  ALLOWED_ATTR: ['href', 'title', 'lang', 'dir'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

interface Sanitizer {
  purify: DOMPurify;
  unsafeHTML: typeof import('lit/directives/unsafe-html.js').unsafeHTML;
}

let sanitizer: Sanitizer | undefined;
let loading: Promise<unknown> | undefined;

/** Loads DOMPurify (and Lit's directive that renders its output) once. */
export function loadSanitizer(): Promise<void> {
  loading ??= lateLoad(
    () => Promise.all([import('dompurify'), import('lit/directives/unsafe-html.js')]),
    (modules, error) => {
      // Offline before the chunk came: vendor HTML stays plain text; the next markup tries again.
      if (error || !modules) {
        loading = undefined;
        return;
      }
      const [{ default: purify }, { unsafeHTML }] = modules;
      // Every surviving link opens safely in a new tab: vendor links leave the venue's page.
      purify.addHook('afterSanitizeAttributes', (node) => {
        if (node.tagName === 'A') {
          const href = node.getAttribute('href');
          if (href && !safeHttpUrl(href)) node.removeAttribute('href');
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      });
      sanitizer = { purify, unsafeHTML };
    },
  );
  return loading.then(() => undefined);
}

/** Clean HTML from a vendor string ('' for null, undefined or blank); `loadSanitizer()` must have settled. */
export function sanitizeHtml(html: string | null | undefined): string {
  if (isBlank(html)) return '';
  if (!sanitizer) throw new Error('sanitizeHtml() before loadSanitizer() settled');
  return sanitizer.purify.sanitize(html!, CONFIG);
}

/**
 * A Lit binding for vendor HTML: plain text as text, markup sanitized; `nothing` when blank.
 * While DOMPurify is on its way, markup shows as its text.
 */
export function vendorHtml(html: string | null | undefined) {
  if (isBlank(html)) return nothing;
  if (!/[<&]/.test(html!)) return html!;
  if (!sanitizer) {
    loadSanitizer().catch(() => undefined);
    return vendorText(html);
  }
  const clean = sanitizeHtml(html);
  return clean ? sanitizer.unsafeHTML(clean) : nothing;
}

/**
 * The text of a vendor HTML string, for attributes, accessible names and the moment before
 * DOMPurify arrives. Parsed into an inert template: nothing in it loads or runs.
 */
export function vendorText(html: string | null | undefined): string {
  if (isBlank(html)) return '';
  const template = document.createElement('template');
  template.innerHTML = html!;
  for (const hidden of template.content.querySelectorAll('script, style, template, noscript, title')) hidden.remove();
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
