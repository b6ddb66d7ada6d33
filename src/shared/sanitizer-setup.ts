/**
 * DOMPurify as the elements use it where the browser has no sanitizer of its own (sanitize.ts), in
 * the chunk that loads only when a vendor string holds markup: the allow-list of
 * sanitize-rules.ts, links made safe, and on pages that require Trusted Types our own
 * `venue-widgets` policy for its parser.
 */
import purify, { type Config } from 'dompurify';
import { ALLOWED_ATTR, ALLOWED_TAGS, finishLink } from './sanitize-rules.js';

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/**
 * DOMPurify set up with the link hook: cleans markup into a fragment of an inert document;
 * `undefined` when the page's CSP refuses our Trusted Types policy.
 */
export function setUpSanitizer(): ((markup: string) => DocumentFragment) | undefined {
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
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') finishLink(node);
  });
  let inert: Document | undefined;
  return (markup) => {
    // The config argument is ignored after setConfig; it gives the fragment return type.
    const parsed = purify.sanitize(markup, config);
    inert ??= parsed.ownerDocument.implementation.createHTMLDocument('');
    return inert.adoptNode(parsed);
  };
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
