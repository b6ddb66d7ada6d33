/**
 * The hardening suite's instruments, shared by every attack: a trap for payloads that run, a
 * record of uncaught errors and of requests to foreign origins, a scan of an element's shadow
 * DOM for markup no element renders, and the tally printed at the end of `npm test`.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
import { lateContentSettled } from '../../src/shared/late-content.js';

declare global {
  interface Window {
    /** Every payload in the corpus calls this if it ever runs. */
    __xss?: (id: number) => void;
  }
}

/** Tags the sanitizer (the browser's `setHTML` or DOMPurify) may leave in vendor HTML (`src/shared/sanitize.ts`). */
export const SANITIZED_TAGS = ['a', 'b', 'br', 'em', 'i', 'li', 'ol', 'p', 'span', 'strong', 'u', 'ul', 'div', 'small', 'sub', 'sup', 'h3', 'h4', 'blockquote'];
/** Never acceptable in an element's shadow DOM, whatever the element renders. */
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'noscript', 'template', 'foreignobject', 'math', 'xmp', 'marquee', 'audio', 'source']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'srcdoc', 'srcset', 'ping'];

/**
 * The mock's own malicious samples call alert(): a dialog would freeze a headless page, and an
 * image's onerror can fire after its element is gone, so the dialogs are replaced for the page's
 * whole life, each call recorded (as code that ran).
 */
const dialogCalls: string[] = [];
window.alert = (message?: unknown) => void dialogCalls.push(`alert(${String(message)}) ran`);
window.confirm = (message?: string) => (dialogCalls.push(`confirm(${String(message)}) ran`), false);
window.prompt = (message?: string) => (dialogCalls.push(`prompt(${String(message)}) ran`), null);

const divertedOrigins = new Set<string>();
const divertedRequests: string[] = [];
const fetchBeforeDiversion = window.fetch;
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (!divertedOrigins.has(new URL(url, location.href).origin)) return fetchBeforeDiversion(input, init);
  divertedRequests.push(url.slice(0, 200));
  return Promise.reject(new TypeError('Failed to fetch'));
};

/**
 * From now on, for the rest of the file, requests to this origin (e.g. a vendor's real default
 * base) are answered in the page as an unreachable host would be, without leaving the machine —
 * also a retry that comes after a test ended — and listed in each watch's `diverted`.
 */
export function divert(origin: string): void {
  divertedOrigins.add(new URL(origin).origin);
}

export interface Watch {
  /** Indexes of payloads that ran. */
  readonly executions: number[];
  /** Uncaught exceptions and unhandled rejections. */
  readonly uncaught: string[];
  /** Requests (fetch or any resource) to an origin not allowed. */
  readonly foreign: string[];
  /** CSP violations and attempts to leave the page. */
  readonly escapes: string[];
  /** Requests answered by `divert` instead of the network while this watch ran. */
  readonly diverted: string[];
  stop(): void;
}

/**
 * Starts watching the page. Requests may go only to the test page's own origin (the elements'
 * code, the sanitizer and language chunks, the decoder) and `allowedOrigins` (the configured
 * `api-base`); any other fetch is refused on the spot (so nothing leaves the machine) and recorded.
 */
export function watchPage(allowedOrigins: string[]): Watch {
  const allowed = new Set([location.origin, ...allowedOrigins.map((o) => new URL(o).origin)]);
  const executions: number[] = [];
  const uncaught: string[] = [];
  const foreign: string[] = [];
  const divertedBefore = divertedRequests.length;
  const escapes: string[] = [];
  const startedAt = performance.now();
  window.__xss = (id: number) => void executions.push(id);
  const dialogsBefore = dialogCalls.length;
  const onError = (event: ErrorEvent) => uncaught.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(`unhandledrejection: ${String((event.reason as Error)?.stack ?? event.reason)}`);
  const onViolation = (event: SecurityPolicyViolationEvent) => escapes.push(`csp: ${event.violatedDirective} ${event.blockedURI}`);
  const onUnload = () => escapes.push(`navigation away from ${location.href}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('securitypolicyviolation', onViolation);
  window.addEventListener('beforeunload', onUnload);
  const isAllowed = (url: string) => {
    try {
      const parsed = new URL(url, location.href);
      return parsed.protocol === 'blob:' || parsed.protocol === 'data:' ? false : allowed.has(parsed.origin) || divertedOrigins.has(parsed.origin);
    } catch {
      return false;
    }
  };
  const realFetch = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!isAllowed(url)) {
      foreign.push(`fetch ${url.slice(0, 200)}`);
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    return realFetch(input, init);
  };
  const noteResources = (entries: PerformanceEntryList) => {
    for (const entry of entries) if (entry.startTime >= startedAt && !isAllowed(entry.name) && !entry.name.startsWith('data:')) foreign.push(`resource ${entry.name.slice(0, 200)}`);
  };
  const observer = new PerformanceObserver((list) => noteResources(list.getEntries()));
  observer.observe({ type: 'resource', buffered: false });
  const href = location.href;
  return {
    executions,
    uncaught,
    foreign,
    escapes,
    get diverted() {
      return divertedRequests.slice(divertedBefore);
    },
    stop() {
      noteResources(observer.takeRecords());
      observer.disconnect();
      window.fetch = realFetch;
      escapes.push(...dialogCalls.slice(dialogsBefore));
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('securitypolicyviolation', onViolation);
      window.removeEventListener('beforeunload', onUnload);
      if (location.href !== href) escapes.push(`navigated to ${location.href}`);
    },
  };
}

/** Every element in a shadow root, through nested shadow roots. */
function* deepElements(root: ShadowRoot | Element): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/**
 * The tags an element renders with honest data, from now until `stop()`: what it shows on every
 * screen, to tell an injected element from its own.
 */
export function collectTags(host: Element): { tags: Set<string>; stop(): void } {
  const tags = new Set<string>();
  const note = () => {
    for (const el of deepElements(host.shadowRoot!)) tags.add(el.localName);
  };
  note();
  const observer = new MutationObserver(note);
  observer.observe(host.shadowRoot!, { subtree: true, childList: true });
  return {
    tags,
    stop() {
      note();
      observer.disconnect();
    },
  };
}

/**
 * What is wrong in an element's shadow DOM: a tag neither the element nor the sanitizer makes,
 * a dangerous tag, an `on*` attribute, a URL attribute that is not http(s), a style that loads
 * something or runs an expression.
 */
export function domProblems(host: Element, ownTags: Set<string>): string[] {
  const problems: string[] = [];
  for (const el of deepElements(host.shadowRoot!)) {
    const tag = el.localName;
    if (FORBIDDEN_TAGS.has(tag) || (!ownTags.has(tag) && !SANITIZED_TAGS.includes(tag))) problems.push(`unexpected <${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
      if (URL_ATTRIBUTES.includes(name) && attr.value.trim() !== '' && !httpUrl(attr.value, name)) problems.push(`<${tag} ${name}="${attr.value.slice(0, 80)}">`);
      if (name === 'style' && /url\(|expression\(|javascript:|@import/i.test(attr.value)) problems.push(`<${tag} style="${attr.value.slice(0, 80)}">`);
    }
  }
  return problems;
}

function httpUrl(value: string, attribute: string): boolean {
  if (attribute === 'srcdoc') return false;
  if (attribute === 'href' && value.startsWith('#')) return true;
  // The elements' own phone links (a venue's number on a card): digits and separators only.
  if (attribute === 'href' && /^tel:[+\d().\- ]+$/.test(value)) return true;
  try {
    const { protocol } = new URL(value, location.href);
    return protocol === 'http:' || protocol === 'https:' || (attribute === 'src' && protocol === 'blob:');
  } catch {
    return false;
  }
}

/** Whether an element shows that it is busy: a skeleton, a status line, a button saying "…ing…". */
function busy(host: Element): boolean {
  const root = host.shadowRoot;
  if (!root) return true;
  if (root.querySelector('[part~="loading"], [aria-busy="true"], .details-loading, [role="status"].muted')) return true;
  return [...root.querySelectorAll('button')].some((b) => (b.textContent ?? '').trim().endsWith('…'));
}

/** Waits until an element is idle (no skeleton, no pending button) and its late chunks are in. */
export async function settled(host: Element, timeout = 8000): Promise<void> {
  const lit = host as Element & { updateComplete?: Promise<unknown> };
  await lit.updateComplete;
  await waitUntil(() => !busy(host), `<${host.localName}> stayed busy`, { timeout, interval: 20 });
  await lateContentSettled();
  await lit.updateComplete;
}

/** The element's error part, if it shows one. */
export function errorPart(host: Element): HTMLElement | null {
  return host.shadowRoot?.querySelector<HTMLElement>('[part~="error"]') ?? null;
}

/** Adds to the suite's totals, printed by the reporter in web-test-runner.config.mjs after the run. */
export async function tally(counts: Partial<Record<TallyKey, number>>): Promise<void> {
  await executeServerCommand('hardening-tally', counts);
}

export type TallyKey =
  | 'payloads'
  | 'fields'
  | 'placements'
  | 'payloadFieldPairs'
  | 'elements'
  | 'attributeCases'
  | 'faultCases'
  | 'executions'
  | 'uncaught'
  | 'foreignRequests'
  | 'scansKept'
  | 'scansLost';

/**
 * Watches an element's shadow root as it changes: an injected element that appears and goes
 * again between two scans is caught too.
 */
export function observeShadow(host: Element, ownTags: Set<string>): { problems: string[]; disconnect(): void } {
  const problems: string[] = [];
  const check = (node: Node) => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...node.querySelectorAll('*')]) {
      const tag = el.localName;
      if (FORBIDDEN_TAGS.has(tag) || (!ownTags.has(tag) && !SANITIZED_TAGS.includes(tag))) problems.push(`unexpected <${tag}> (added)`);
      for (const attr of el.attributes) if (attr.name.toLowerCase().startsWith('on')) problems.push(`<${tag} ${attr.name}> (added)`);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach(check);
      if (record.type === 'attributes' && record.attributeName?.toLowerCase().startsWith('on')) problems.push(`<${(record.target as Element).localName} ${record.attributeName}> (set)`);
    }
  });
  observer.observe(host.shadowRoot!, { subtree: true, childList: true, attributes: true });
  return { problems, disconnect: () => observer.disconnect() };
}
