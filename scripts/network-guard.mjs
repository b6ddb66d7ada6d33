// Tests reach nothing beyond this machine. Two layers: the browser resolves every host name but
// the loopback ones to "not found" (nothing can leave, whatever a test or the product asks), and
// each test page's requests are watched, so a file that even tries fails with the addresses it tried.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for an address on this machine (or one that opens no connection: data:, blob:, about:). */
export function isLocalAddress(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return true; // not a URL the browser could connect to
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true;
  return LOOPBACK_HOSTS.has(parsed.hostname) || /^127(\.\d{1,3}){3}$/.test(parsed.hostname) || parsed.hostname.endsWith('.localhost');
}

/** Chromium flag: every host name but the loopback ones resolves to nothing. */
export const LOOPBACK_ONLY_FLAG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE *.localhost';

const attempts = new WeakMap();

/** Starts watching a Puppeteer page's requests (its frames and the workers it starts). */
export function watchNetwork(page) {
  const tried = [];
  attempts.set(page, tried);
  page.on('request', (request) => {
    if (!isLocalAddress(request.url())) tried.push(`${request.method()} ${request.url().slice(0, 200)}`);
  });
  return page;
}

/** What a watched page tried beyond localhost since the last call, as an error for its test file (undefined when nothing). */
export function takeNetworkViolations(page) {
  const found = [...new Set((attempts.get(page) ?? []).splice(0))];
  if (!found.length) return undefined;
  const error = new Error(`Network guard: this test file tried to reach beyond localhost (tests reach only 127.0.0.1/localhost):\n  ${found.join('\n  ')}`);
  error.name = 'NetworkGuardError';
  return error;
}
