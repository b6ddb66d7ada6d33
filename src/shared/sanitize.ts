/**
 * Vendor text that may hold HTML (descriptions, notes, messages) goes through here and nowhere
 * else: DOMPurify with a small allow-list, links made safe, no styles, no forms, no scripts.
 *
 * DOMPurify is a third of an element's bytes and most vendor strings are plain text, so it is
 * loaded (from our own origin, as its own chunk) the first time a string holds markup. Until it
 * arrives that string shows as its plain text, which is safe; then every element holding a
 * `LateContentController` renders again with the sanitized HTML.
 *
 * Pages that require Trusted Types: nothing here assigns a string to an HTML sink. DOMPurify parses
 * through the `venue-widgets` policy (created once, handed only to DOMPurify, so the only HTML it
 * ever blesses is what DOMPurify parses and returns), and Lit renders the clean string through its
 * own `lit-html` policy. A page's CSP therefore allows `trusted-types lit-html venue-widgets`.
 */
import type { Config, DOMPurify } from 'dompurify';
import { nothing } from 'lit';
// Static, though only vendor markup needs it: it is a few hundred bytes, and a lazy chunk that
// imported Lit would pull Lit out of the element's own module into a shared chunk.
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { lateLoad } from './late-content.js';
import { nextTask } from './next-task.js';

interface Sanitizer {
  purify: DOMPurify;
  config: Config;
}

let sanitizer: Sanitizer | undefined;
// Not lateChunk(): every element carries this loader, and lateChunk's NetworkError and kept module
// (which no one here reads) would add 20–40 B gzip to each (measured: utick-pack-list to about +290 of its +300).
let loading: Promise<unknown> | undefined;

/** Loads DOMPurify, set up (sanitizer-setup.ts), once. */
export function loadSanitizer(): Promise<void> {
  loading ??= lateLoad(
    () => import('./sanitizer-setup.js'),
    (setup, error) => {
      // Offline before the chunk came: vendor HTML stays plain text; the next markup tries again.
      if (error || !setup) {
        loading = undefined;
        return;
      }
      const ready = setup.setUpSanitizer(safeHttpUrl);
      // Undefined: the page's CSP refuses the `venue-widgets` policy, and vendor markup stays plain text.
      if (ready) sanitizer = ready;
    },
  );
  return loading.then(() => undefined);
}

/**
 * Loads the sanitizer before an answer is shown when a string it will show holds markup, so the
 * answer renders once, with its HTML, instead of as text and then again when DOMPurify lands (a
 * second render of everything on a phone's CPU, and a later largest paint). Settles also when the
 * chunk cannot come: the markup then shows as its text, as before.
 */
export async function sanitizerFor(strings: Iterable<string | null | undefined>): Promise<void> {
  for (const text of strings) {
    if (!sanitizer && text && /[<&]/.test(text)) {
      await loadSanitizer().catch(() => undefined);
      // The render in a task of its own: DOMPurify's evaluation and the first render together held
      // a phone's main thread for 125–130 ms (Lighthouse, 4× CPU), each alone about half of that.
      await new Promise<void>((resolve) => nextTask(resolve));
      return;
    }
  }
}

/**
 * What DOMPurify made of a string, by the string: a month repeats its notes and messages across
 * performances and every render binds them again, and each DOMPurify pass parses a document (the
 * largest share of a calendar's render on a phone). The same string and config always come out
 * the same. Bounded: the oldest entry goes first.
 */
const parsed = { html: new Map<string, string>(), text: new Map<string, string>() };
const PARSED_KEPT = 500;

function remembered(kind: keyof typeof parsed, input: string, parse: (input: string) => string): string {
  const cache = parsed[kind];
  let output = cache.get(input);
  if (output === undefined) {
    output = parse(input);
    if (cache.size >= PARSED_KEPT) cache.delete(cache.keys().next().value!);
    cache.set(input, output);
  }
  return output;
}

/** Clean HTML from a vendor string ('' for null, undefined or blank); `loadSanitizer()` must have settled. */
export function sanitizeHtml(html: string | null | undefined): string {
  if (isBlank(html)) return '';
  const { purify, config } = sanitizer ?? {};
  if (!purify) throw new Error('sanitizeHtml() before loadSanitizer() settled');
  return remembered('html', html!, (input) => purify.sanitize(input, config!));
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
  return clean ? unsafeHTML(clean) : nothing;
}

/**
 * The text of a vendor HTML string, for attributes, accessible names and the moment before
 * DOMPurify arrives. Parsed by DOMPurify into an inert fragment (nothing in it loads or runs);
 * until DOMPurify is here, the tags are stripped as text, since parsing a string ourselves
 * would be an HTML sink that a Trusted Types page refuses.
 */
export function vendorText(html: string | null | undefined): string {
  if (isBlank(html)) return '';
  if (!/[<&]/.test(html!)) return html!.replace(/\s+/g, ' ').trim();
  if (!sanitizer) {
    loadSanitizer().catch(() => undefined);
    return collapse(decodeEntities(html!.replace(HIDDEN_CONTENT, ' ').replace(/<[^>]*>?/g, ' ')));
  }
  const { purify, config } = sanitizer;
  return remembered('text', html!, (input) => collapse(purify.sanitize(input, { ...config, RETURN_DOM_FRAGMENT: true }).textContent ?? ''));
}

/** Elements whose content is never text a patron sees. */
const HIDDEN_CONTENT = /<(script|style|template|noscript|title)\b[^]*?<\/\1\s*>/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
