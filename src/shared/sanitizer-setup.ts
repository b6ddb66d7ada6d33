/**
 * DOMPurify as the elements use it, in the chunk that loads only when a vendor string holds
 * markup (sanitize.ts): a small allow-list, links made safe, no styles, no forms, no scripts, and
 * on pages that require Trusted Types our own `venue-widgets` policy for its parser.
 */
import purify, { type Config, type DOMPurify } from 'dompurify';

const CONFIG: Config = {
  ALLOWED_TAGS: ['a', 'b', 'br', 'em', 'i', 'li', 'ol', 'p', 'span', 'strong', 'u', 'ul', 'div', 'small', 'sub', 'sup', 'h3', 'h4', 'blockquote'],
  ALLOWED_ATTR: ['href', 'title', 'lang', 'dir'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/**
 * DOMPurify with the link hook and the config to sanitize with; `undefined` when the page's CSP
 * refuses our Trusted Types policy. `safeHttpUrl` decides which link targets survive.
 */
export function setUpSanitizer(safeHttpUrl: (url: string) => string | undefined): { purify: DOMPurify; config: Config & { RETURN_DOM_FRAGMENT: true } } | undefined {
  let config: Config & { RETURN_DOM_FRAGMENT: true };
  try {
    config = { ...CONFIG, ...trustedTypesPolicy(), RETURN_DOM_FRAGMENT: true };
    // Parsed once here: DOMPurify parses a config passed to sanitize() on every call (its allow-lists
    // built again), 0.3–0.6 ms a string against 0.2 ms in Chromium here; a month's notes are hundreds.
    // sanitize() then ignores the config it is passed.
    purify.setConfig(config);
  } catch {
    return undefined;
  }
  // Every surviving link opens safely in a new tab: vendor links leave the venue's page.
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href && !safeHttpUrl(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return { purify, config };
}

/**
 * DOMPurify's parser under Trusted Types: our named policy, or none where the browser has no
 * Trusted Types (DOMPurify then parses plain strings). Passing it also stops DOMPurify from
 * creating its own `dompurify` policy, which a strict page would refuse.
 */
function trustedTypesPolicy(): Pick<Config, 'TRUSTED_TYPES_POLICY'> {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return {};
  const identity = (value: string) => value;
  const policy = factory.getPolicy?.('venue-widgets') ?? factory.createPolicy('venue-widgets', { createHTML: identity, createScriptURL: identity });
  return { TRUSTED_TYPES_POLICY: policy };
}

/** The slice of the Trusted Types API used here (not yet in TypeScript's DOM types). */
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(value: string): string; createScriptURL(value: string): string }): NonNullable<Config['TRUSTED_TYPES_POLICY']>;
  getPolicy?(name: string): NonNullable<Config['TRUSTED_TYPES_POLICY']> | null;
}
