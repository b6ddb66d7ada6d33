/**
 * Checks of attributes more than one element takes, so every element refuses the same bad value
 * with the same ConfigError, before any request.
 */
import { ConfigError } from '../api/errors.js';

/** Longer than any real address: a value this long was pasted by mistake or by an attacker. */
const MAX_URL_LENGTH = 2048;

/**
 * An address attribute (`api-base`, `decoder-url`) as given, trimmed: an absolute http(s) URL or
 * a path on this site (`/audienceview`, a proxy). A bare word, `javascript:`, a broken URL or markup
 * would otherwise become a request to some path of the page's own site, or fail obscurely.
 */
export function checkAddress(value: string | null | undefined, attribute: string): string {
  const text = String(value ?? '').trim();
  const problem = `${attribute} must be an http(s) URL or a path on this site starting with / (got "${text.slice(0, 60)}")`;
  if (text.length > MAX_URL_LENGTH || /[\s<>"'`\\]/.test(text) || !/^(https?:\/\/|\/)/i.test(text)) throw new ConfigError(problem, attribute);
  try {
    const { protocol } = new URL(text, location.href);
    if (protocol !== 'http:' && protocol !== 'https:') throw new Error(protocol);
  } catch {
    throw new ConfigError(problem, attribute);
  }
  return text;
}
