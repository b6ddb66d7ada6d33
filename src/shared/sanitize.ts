/**
 * Vendor text that may hold HTML (descriptions, notes, messages) goes through here and nowhere
 * else, cleaned to a small allow-list (sanitize-rules.ts): links made safe, no styles, no forms,
 * no scripts.
 *
 * The browser's own sanitizer (`setHTML`, native-sanitizer.ts) cleans it where there is one. Where
 * there is not, DOMPurify does: a third of an element's bytes, and most vendor strings are plain
 * text, so it is loaded (from our own origin, as its own chunk) the first time a string holds
 * markup. Until it arrives that string shows as its plain text, which is safe; then every element
 * holding a `LateContentController` renders again with the sanitized HTML.
 *
 * Clean markup is shown as the nodes the sanitizer made, cloned into the page: never serialized
 * and parsed again (a second parse, and Lit's scan of the string as a template, cost more than
 * DOMPurify itself on a phone; a reparse is also where mutation XSS lives).
 *
 * Pages that require Trusted Types: nothing here assigns a string to an HTML sink. `setHTML` is not
 * one; DOMPurify parses through the `venue-widgets` policy (created once, handed only to
 * DOMPurify, so the only HTML it ever blesses is what DOMPurify parses and returns). A page's CSP
 * therefore allows `trusted-types lit-html venue-widgets` (`lit-html` for Lit's own templates).
 */
import { noChange, nothing } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { lateLoad } from './late-content.js';
import { nativeSanitizer } from './native-sanitizer.js';
import { isBlank } from './sanitize-rules.js';
import { untilNextTask } from '../api/next-task.js';

export { isBlank, safeHttpUrl } from './sanitize-rules.js';

/** Cleans vendor markup into a fragment of an inert document (nothing in it loads or runs). */
type Sanitizer = (markup: string) => DocumentFragment;

/** Unset: not asked yet; null: the browser has none, DOMPurify is loaded when needed. */
let native: Sanitizer | null | undefined;
let domPurify: Sanitizer | undefined;
function sanitizer(): Sanitizer | undefined {
  if (native === undefined) native = nativeSanitizer() ?? null;
  return native ?? domPurify;
}
// Not lateChunk(): every element carries this loader, and lateChunk's NetworkError and kept module
// (which no one here reads) would add 20–40 B gzip to each (measured: utick-pack-list to about +290 of its +300).
let loading: Promise<unknown> | undefined;

/** Makes the sanitizer ready: at once where the browser has one, else loads DOMPurify, set up (sanitizer-setup.ts), once. */
export function loadSanitizer(): Promise<void> {
  if (sanitizer()) return Promise.resolve();
  loading ??= lateLoad(
    () => import('./sanitizer-setup.js'),
    (setup, error) => {
      // Offline before the chunk came: vendor HTML stays plain text; the next markup tries again.
      if (error || !setup) {
        loading = undefined;
        return;
      }
      // Undefined: the page's CSP refuses the `venue-widgets` policy, and vendor markup stays plain text.
      domPurify = setup.setUpSanitizer();
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
    if (!sanitizer() && text && /[<&]/.test(text)) {
      await loadSanitizer().catch(() => undefined);
      // The render in a task of its own: DOMPurify's evaluation and the first render together held
      // a phone's main thread for 125–130 ms (Lighthouse, 4× CPU), each alone about half of that.
      await untilNextTask();
      return;
    }
  }
}

/**
 * What the sanitizer made of a string, by the string: a month repeats its notes and messages
 * across performances and every render binds them again, and each pass parses a document. The same
 * string always comes out the same. Kept in an inert document (nothing in it loads), bounded: the
 * oldest entry goes first.
 */
const cleaned = new Map<string, DocumentFragment>();
const CLEANED_KEPT = 500;

/** The clean nodes of a vendor string that holds markup; `loadSanitizer()` must have settled. */
function cleanNodes(markup: string): DocumentFragment {
  let nodes = cleaned.get(markup);
  if (!nodes) {
    const clean = sanitizer();
    if (!clean) throw new Error('vendor markup cleaned before loadSanitizer() settled');
    nodes = clean(markup);
    if (cleaned.size >= CLEANED_KEPT) cleaned.delete(cleaned.keys().next().value!);
    cleaned.set(markup, nodes);
  }
  return nodes;
}

/** Clean HTML from a vendor string, serialized ('' for null, undefined or blank); `loadSanitizer()` must have settled. */
export function sanitizeHtml(html: string | null | undefined): string {
  if (isBlank(html)) return '';
  const nodes = cleanNodes(html!);
  const holder = nodes.ownerDocument.createElement('div');
  holder.append(nodes.cloneNode(true));
  return holder.innerHTML;
}

/** Clean vendor nodes in a Lit part: a copy of them in the page, made again only when the string changes. */
class VendorMarkup extends Directive {
  private shown?: string;

  render(markup: string) {
    if (markup === this.shown) return noChange;
    this.shown = markup;
    return document.importNode(cleanNodes(markup), true);
  }
}
const vendorMarkup = directive(VendorMarkup);

/**
 * A Lit binding for vendor HTML: plain text as text, markup sanitized; `nothing` when blank.
 * While DOMPurify is on its way, markup shows as its text.
 */
export function vendorHtml(html: string | null | undefined) {
  if (isBlank(html)) return nothing;
  if (!/[<&]/.test(html!)) return html!;
  if (!sanitizer()) {
    loadSanitizer().catch(() => undefined);
    return vendorText(html);
  }
  return cleanNodes(html!).hasChildNodes() ? vendorMarkup(html!) : nothing;
}

/**
 * The text of a vendor HTML string, for attributes, accessible names and the moment before
 * DOMPurify arrives. Parsed by the sanitizer into an inert fragment (nothing in it loads or runs);
 * in a browser without its own, until DOMPurify is here, the tags are stripped as text, since
 * parsing a string ourselves would be an HTML sink that a Trusted Types page refuses.
 */
export function vendorText(html: string | null | undefined): string {
  if (isBlank(html)) return '';
  if (!/[<&]/.test(html!)) return html!.replace(/\s+/g, ' ').trim();
  if (!sanitizer()) {
    loadSanitizer().catch(() => undefined);
    return collapse(decodeEntities(html!.replace(HIDDEN_CONTENT, ' ').replace(/<[^>]*>?/g, ' ')));
  }
  return collapse(cleanNodes(html!).textContent ?? '');
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
