/**
 * The browser's own HTML sanitizer (`Element.setHTML`, the HTML Sanitizer API: Chromium and
 * Firefox here), with the allow-list DOMPurify keeps (sanitize-rules.ts). Where a browser has it,
 * vendor markup is clean without fetching DOMPurify (11 KB gzip and a 20–30 ms set-up on the way
 * to a patron's first view of the calendar); elsewhere sanitize.ts loads DOMPurify.
 *
 * `setHTML` parses into an inert document of its own and always removes what could run (scripts,
 * frames, event handlers, `javascript:` URLs), whatever the config; it is not a Trusted Types sink,
 * so a strict page needs no policy for it. The config is an allow-list, never a block-list:
 * Chromium 156 hangs its page removing an `onstart` attribute from any element under a
 * block-list config (`{}`), and not under an allow-list (the hostile corpus holds
 * `<marquee onstart=…>`, test/hardening/payloads.ts).
 *
 * As DOMPurify does, an element not allowed leaves its text in its place, except those whose
 * content is never text to show (DOMPurify's `FORBID_CONTENTS`: scripts, styles, media, SVG…),
 * which go with it. A name no HTML knows (`<x-note>`) goes with its text here; DOMPurify keeps it.
 */
import { ALLOWED_ATTR, ALLOWED_TAGS, finishLink } from './sanitize-rules.js';

interface SafeHtmlSetter {
  setHTML(html: string, options: { sanitizer: object }): void;
}

/** The API's `Sanitizer`: the config checked and built once (where the browser has the class). */
type SanitizerClass = new (config: typeof CONFIG) => object;

const CONFIG = {
  elements: ALLOWED_TAGS,
  attributes: ALLOWED_ATTR,
  // Elements with text to show that the allow-list does not keep: their text stays.
  replaceWithChildrenElements: (
    'abbr acronym address article aside bdi bdo big blink button caption center cite code data datalist dd del details dfn dialog dir dl dt ' +
    'fieldset figcaption figure font footer form h1 h2 h5 h6 header hgroup ins kbd label legend listing main map mark marquee menu meter nav ' +
    'nobr optgroup option output picture pre progress q rb rp rt rtc ruby s samp search section select slot strike summary table tbody td ' +
    'textarea tfoot th time tr tt var'
  ).split(' '),
  comments: false,
  dataAttributes: false,
};

/** Cleans markup into a fragment of an inert document; `undefined` where the browser has no `setHTML`. */
export function nativeSanitizer(): ((markup: string) => DocumentFragment) | undefined {
  if (typeof Element === 'undefined' || !('setHTML' in Element.prototype)) return undefined;
  // Nothing in a document made this way loads or runs (no browsing context), as DOMPurify's own.
  const inert = document.implementation.createHTMLDocument('');
  // A config handed to setHTML as a dictionary is checked and built again on every call: 300 notes
  // took 41–44 ms in Chromium here, against 25–29 ms through one Sanitizer (npx tsx bench/sanitizer.ts).
  const sanitizer = sanitizerOnce() ?? CONFIG;
  return (markup) => {
    const holder = inert.createElement('div');
    (holder as unknown as SafeHtmlSetter).setHTML(markup, { sanitizer });
    for (const link of holder.querySelectorAll('a')) finishLink(link);
    const fragment = inert.createDocumentFragment();
    fragment.append(...holder.childNodes);
    return fragment;
  };
}

/** One `Sanitizer` for every string; `undefined` where the browser has no such class or refuses the config (the dictionary then). */
function sanitizerOnce(): object | undefined {
  const Sanitizer = (globalThis as { Sanitizer?: SanitizerClass }).Sanitizer;
  try {
    return typeof Sanitizer === 'function' ? new Sanitizer(CONFIG) : undefined;
  } catch {
    return undefined;
  }
}
