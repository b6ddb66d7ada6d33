/**
 * What vendor markup may keep, whichever sanitizer cleans it (sanitize.ts): the browser's own
 * (native-sanitizer.ts) or DOMPurify (sanitizer-setup.ts). A small allow-list: text formatting,
 * lists and links; no styles, no forms, no media, no ids or classes. And which vendor URLs a
 * page may follow (links in markup, logos, shop and stream links): absolute http(s) only.
 */
export const ALLOWED_TAGS = ['a', 'b', 'br', 'em', 'i', 'li', 'ol', 'p', 'span', 'strong', 'u', 'ul', 'div', 'small', 'sub', 'sup', 'h3', 'h4', 'blockquote'];
export const ALLOWED_ATTR = ['href', 'title', 'lang', 'dir'];

/** A link that survived: its target only if absolute http(s), and it opens in a new tab without opener (vendor links leave the venue's page). */
export function finishLink(link: Element): void {
  const href = link.getAttribute('href');
  if (href && !safeHttpUrl(href)) link.removeAttribute('href');
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
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
