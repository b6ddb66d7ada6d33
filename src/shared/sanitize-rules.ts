/**
 * What vendor markup may keep, whichever sanitizer cleans it (sanitize.ts): the browser's own
 * (native-sanitizer.ts) or DOMPurify (sanitizer-setup.ts). A small allow-list: text formatting,
 * lists and links; no styles, no forms, no media, no ids or classes.
 */
export const ALLOWED_TAGS = ['a', 'b', 'br', 'em', 'i', 'li', 'ol', 'p', 'span', 'strong', 'u', 'ul', 'div', 'small', 'sub', 'sup', 'h3', 'h4', 'blockquote'];
export const ALLOWED_ATTR = ['href', 'title', 'lang', 'dir'];

/** A link that survived: its target only if absolute http(s), and it opens in a new tab without opener (vendor links leave the venue's page). */
export function finishLink(link: Element, safeHttpUrl: (url: string) => string | undefined): void {
  const href = link.getAttribute('href');
  if (href && !safeHttpUrl(href)) link.removeAttribute('href');
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
}
