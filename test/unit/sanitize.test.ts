/**
 * Vendor HTML (src/shared/sanitize.ts, sanitizer-setup.ts), sanitized by DOMPurify on jsdom's DOM
 * (happy-dom was tried: DOMPurify on it kept <script>): every link that is not absolute http(s)
 * loses its target, surviving links open in a new tab without an opener, and nothing runs or
 * restyles the page. DOMPurify is one instance whose link hooks add up over the run, so the
 * Trusted Types tests register a hook that drops nothing.
 */
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { fresh } from './fresh.ts';
import { lateContentSettled } from '../../src/shared/late-content.js';

type Sanitize = typeof import('../../src/shared/sanitize.js');
const SANITIZE = new URL('../../src/shared/sanitize.js', import.meta.url);

// DOMPurify binds to the global `window` when its module is first evaluated: it is evaluated here,
// with jsdom's window lent for the moment only (other unit tests run without a DOM).
const dom = new JSDOM('', { url: 'https://venue.example/page' }).window;
(globalThis as { window?: unknown }).window = dom;
const purify = (await import('dompurify')).default;
// The sanitizer's setup (its allow-list) is evaluated here, as the file loads, not inside a test:
// Stryker then knows its mutants as static ones and tests each in a fresh process.
await import('../../src/shared/sanitizer-setup.js');
delete (globalThis as { window?: unknown }).window;

async function loaded(): Promise<Sanitize> {
  // Only the hook this load sets up: hooks from earlier loads (Stryker runs many mutants in one
  // process) would otherwise keep dropping links for a set-up that no longer does.
  purify.removeAllHooks();
  const module = await fresh<Sanitize>(SANITIZE);
  await module.loadSanitizer();
  return module;
}

/** The sanitized HTML parsed again, to ask what a patron's page would hold. */
function parse(html: string) {
  const holder = dom.document.createElement('div');
  holder.innerHTML = html;
  return holder;
}

describe('sanitizing vendor HTML', () => {
  it('drops the target of every link that is not absolute http(s)', async () => {
    const { sanitizeHtml } = await loaded();
    const hrefs = ['mailto:box@venue.example', 'ftp://files.example/x', '//other.example/x', '/relative/path', 'relative.html', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'tel:+15551234'];
    for (const href of hrefs) {
      const links = parse(sanitizeHtml(`<p>See <a href="${href}">this</a></p>`)).querySelectorAll('a');
      assert.equal(links.length, 1, href);
      assert.equal(links[0]!.getAttribute('href'), null, `${href} survived`);
      assert.equal(links[0]!.textContent, 'this');
    }
  });

  it('keeps http(s) links, opening in a new tab without opener or referrer', async () => {
    const { sanitizeHtml } = await loaded();
    const link = parse(sanitizeHtml('<a href="https://venue.example/show?a=1" title="Show">Show</a> <a href="http://old.example/">Old</a>')).querySelectorAll('a');
    assert.equal(link[0]!.getAttribute('href'), 'https://venue.example/show?a=1');
    assert.equal(link[0]!.getAttribute('target'), '_blank');
    assert.equal(link[0]!.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(link[0]!.getAttribute('title'), 'Show');
    assert.equal(link[1]!.getAttribute('href'), 'http://old.example/');
    const bare = parse(sanitizeHtml('<a>no href</a>')).querySelector('a')!;
    assert.equal(bare.getAttribute('target'), '_blank');
    assert.equal(bare.getAttribute('rel'), 'noopener noreferrer');
  });

  it('removes scripts, styles, forms, images, handlers, data and aria attributes; keeps the small allow-list', async () => {
    const { sanitizeHtml } = await loaded();
    const clean = sanitizeHtml(
      '<h3 lang="fr" dir="ltr" style="color:red" onclick="x()" data-x="1" aria-label="a" class="c">Titre</h3><script>bad()</script><style>body{}</style><form><input></form><img src="x" onerror="y()"><ul><li><strong>a</strong> <em>b</em></li></ul>',
    );
    const tree = parse(clean);
    const h3 = tree.querySelector('h3')!;
    assert.equal(h3.getAttribute('lang'), 'fr');
    assert.equal(h3.getAttribute('dir'), 'ltr');
    for (const gone of ['style', 'onclick', 'data-x', 'aria-label', 'class']) assert.equal(h3.getAttribute(gone), null, gone);
    for (const tag of ['script', 'style', 'form', 'input', 'img']) assert.equal(tree.querySelector(tag), null, tag);
    assert.ok(tree.querySelector('ul li strong') && tree.querySelector('em'));
    assert.doesNotMatch(clean, /bad\(\)|onerror/);
  });

  it('keeps exactly the small allow-list of tags, their text always', async () => {
    const { sanitizeHtml } = await loaded();
    const allowed = ['a', 'b', 'br', 'em', 'i', 'li', 'ol', 'p', 'span', 'strong', 'u', 'ul', 'div', 'small', 'sub', 'sup', 'h3', 'h4', 'blockquote'];
    for (const tag of allowed) {
      const html = tag === 'br' ? 'x<br>y' : `<${tag}>x</${tag}>`;
      assert.equal(parse(sanitizeHtml(html)).querySelector(tag)?.tagName.toLowerCase(), tag, tag);
    }
    for (const tag of ['h1', 'h2', 'table', 'iframe', 'button', 'font', 'section']) {
      const tree = parse(sanitizeHtml(`<${tag}>kept text</${tag}>`));
      assert.equal(tree.querySelector(tag), null, tag);
      assert.equal(tree.textContent, tag === 'iframe' ? '' : 'kept text', tag);
    }
  });

  it('blank is empty; asking before the sanitizer arrived is a programming error', async () => {
    const early = await fresh<Sanitize>(SANITIZE);
    assert.equal(early.sanitizeHtml('  '), '');
    assert.equal(early.sanitizeHtml(null), '');
    assert.throws(() => early.sanitizeHtml('<b>x</b>'), /before loadSanitizer\(\) settled/);
  });

  it('loads DOMPurify once, however many ask', async () => {
    const module = await fresh<Sanitize>(SANITIZE);
    const first = module.loadSanitizer();
    const second = module.loadSanitizer();
    await Promise.all([first, second]);
    assert.equal(module.sanitizeHtml('<b>x</b>'), '<b>x</b>');
  });

  it('sanitizerFor loads DOMPurify only when a string holds markup', async () => {
    const plain = await fresh<Sanitize>(SANITIZE);
    await plain.sanitizerFor(['Hamlet', null, undefined, '', 'Act 1']);
    assert.throws(() => plain.sanitizeHtml('<b>x</b>'));
    const marked = await fresh<Sanitize>(SANITIZE);
    await marked.sanitizerFor(['Hamlet', 'Fish &amp; chips']);
    assert.equal(marked.sanitizeHtml('<i>x</i>'), '<i>x</i>');
    const tagged = await fresh<Sanitize>(SANITIZE);
    await tagged.sanitizerFor([null, '<p>x</p>']);
    assert.equal(tagged.sanitizeHtml('<i>y</i>'), '<i>y</i>');
    await tagged.sanitizerFor(['<p>again</p>']);
  });
});

describe('vendor text and bindings', () => {
  it('plain text stays text; markup is sanitized into the binding; blank is nothing', async () => {
    const { vendorHtml, sanitizeHtml } = await loaded();
    const { nothing } = await import('lit');
    assert.equal(vendorHtml(null), nothing);
    assert.equal(vendorHtml('   '), nothing);
    assert.equal(vendorHtml('Hamlet, Act 1'), 'Hamlet, Act 1');
    // Markup binds as a directive that shows its clean nodes (rendered in the browser tests), never as the string.
    const markup = '<b>Hamlet</b><script>x()</script>';
    const bound = vendorHtml(markup);
    assert.notEqual(bound, markup);
    assert.equal(typeof bound, 'object');
    assert.equal(sanitizeHtml(markup), '<b>Hamlet</b>');
    assert.equal(vendorHtml('<script>only()</script>'), nothing);
  });

  it('before DOMPurify arrives, markup shows as its plain text, entities decoded, hidden content left out', async () => {
    const early = await fresh<Sanitize>(SANITIZE);
    assert.equal(early.vendorText('<p>Fish &amp; chips</p>\n<p>at   7</p>'), 'Fish & chips at 7');
    assert.equal(early.vendorText('<script>steal()</script><style>p{}</style><title>t</title>Shown'), 'Shown');
    assert.equal(early.vendorText('&lt;3 &quot;a&quot; &apos;b&apos; c&nbsp;d &#65;&#x42;&#X43; &bogus; &#0; &#x110000;'), '<3 "a" \'b\' c d ABC &bogus; &#0; &#x110000;');
    assert.equal(early.vendorText('a <b>unclosed'), 'a unclosed');
    assert.equal(early.vendorText('broken <b'), 'broken');
    assert.equal(early.vendorText('&AMP;'), '&');
    assert.equal(early.vendorText('Act 1<br>Act 2'), 'Act 1 Act 2');
    assert.equal(early.vendorText('a<script>x()</script >b<style >p{}</style\n>c'), 'a b c');
    assert.equal(early.vendorText('a&#x10FFFF;b'), 'a\u{10FFFF}b');
    assert.equal(early.vendorText('Stalls &gt; Row A <i>x</i>'), 'Stalls > Row A x');
    // The binding shows the same text meanwhile (and asks for DOMPurify).
    const later = await fresh<Sanitize>(SANITIZE);
    assert.equal(later.vendorHtml('<em>Soon</em> here'), 'Soon here');
    await later.loadSanitizer();
    assert.deepEqual((later.vendorHtml('<em>Soon</em>') as { values: unknown[] }).values, ['<em>Soon</em>']);
  });

  it('vendorText: plain text collapsed; after DOMPurify, the inert text of the markup', async () => {
    const early = await fresh<Sanitize>(SANITIZE);
    assert.equal(early.vendorText('  Hamlet\n\t Act  1 '), 'Hamlet Act 1');
    assert.equal(early.vendorText(undefined), '');
    assert.equal(early.vendorText(' '), '');
    // Plain text never fetches DOMPurify (a third of an element's bytes, on a patron's phone).
    await lateContentSettled();
    assert.throws(() => early.sanitizeHtml('<b>x</b>'), /before loadSanitizer\(\) settled/);
    const { vendorText } = await loaded();
    // DOMPurify knows every named entity; the stand-in before it knows six.
    assert.equal(vendorText('Caf&eacute; <b>bar</b>'), 'Café bar');
    assert.equal(vendorText('  plain   text '), 'plain text');
    assert.equal(vendorText('<p>Fish &amp; <b>chips</b></p><script>x()</script>\n<p>now</p>'), 'Fish & chips now');
  });
});

describe('URL checks', () => {
  it('only absolute http(s) URLs pass, trimmed and normalised', async () => {
    const { safeHttpUrl } = await fresh<Sanitize>(SANITIZE);
    assert.equal(safeHttpUrl(' https://venue.example/a b '), 'https://venue.example/a%20b');
    assert.equal(safeHttpUrl('HTTP://Venue.Example'), 'http://venue.example/');
    // A link pasted from a CMS with non-breaking spaces around it (the URL parser trims only ASCII).
    assert.equal(safeHttpUrl('\u00a0https://venue.example/show\u00a0'), 'https://venue.example/show');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.example', 'ftp://x.example', '//other.example', '/path', 'path', '', '  ', null, undefined]) {
      assert.equal(safeHttpUrl(bad as string), undefined, String(bad));
    }
  });

  it('blank means absent: null, undefined, empty, spaces', async () => {
    const { isBlank } = await fresh<Sanitize>(SANITIZE);
    assert.deepEqual([null, undefined, '', ' \n', 'x'].map((v) => isBlank(v as string)), [true, true, true, true, false]);
  });
});

describe('Trusted Types', () => {
  type Setup = typeof import('../../src/shared/sanitizer-setup.js');
  const SETUP = new URL('../../src/shared/sanitizer-setup.js', import.meta.url);
  const withTrustedTypes = async <T>(factory: unknown, run: () => Promise<T>): Promise<T> => {
    (globalThis as { trustedTypes?: unknown }).trustedTypes = factory;
    try {
      return await run();
    } finally {
      delete (globalThis as { trustedTypes?: unknown }).trustedTypes;
    }
  };

  /** What a set-up sanitizer made of markup, serialized. */
  const serialized = (fragment: DocumentFragment) => {
    const holder = dom.document.createElement('div');
    holder.append(fragment.cloneNode(true));
    return holder.innerHTML;
  };

  it("parses through the page's venue-widgets policy, made once", async () => {
    const created: string[] = [];
    const parsed: string[] = [];
    const policy = { name: 'venue-widgets', createHTML: (s: string) => (parsed.push(s), s), createScriptURL: (s: string) => s };
    const factory = {
      getPolicy: (name: string) => (created.includes(name) ? policy : null),
      createPolicy: (name: string, rules: { createHTML(s: string): string; createScriptURL(s: string): string }) => {
        created.push(name);
        assert.equal(rules.createHTML('<b>'), '<b>');
        assert.equal(rules.createScriptURL('/x.js'), '/x.js');
        return policy;
      },
    };
    await withTrustedTypes(factory, async () => {
      const { setUpSanitizer } = await fresh<Setup>(SETUP);
      const first = setUpSanitizer()!;
      const second = setUpSanitizer()!;
      assert.deepEqual(created, ['venue-widgets']);
      assert.equal(serialized(first('<p>one</p>')), '<p>one</p>');
      assert.equal(serialized(second('<p>two</p>')), '<p>two</p>');
      assert.deepEqual(parsed.filter((s) => s.includes('<p>')), ['<p>one</p>', '<p>two</p>']);
    });
  });

  it('keeps title, lang and dir, and no data, aria, class, id or style attribute', async () => {
    const { setUpSanitizer } = await fresh<Setup>(SETUP);
    const clean = setUpSanitizer()!;
    assert.equal(serialized(clean('<p data-x="1" aria-label="y" class="c" id="i" style="color:red" title="t" lang="en" dir="rtl">q</p>')), '<p title="t" lang="en" dir="rtl">q</p>');
  });

  it('a browser without getPolicy still gets the policy', async () => {
    const parsed: string[] = [];
    const policy = { name: 'venue-widgets', createHTML: (s: string) => (parsed.push(s), s), createScriptURL: (s: string) => s };
    await withTrustedTypes({ createPolicy: () => policy }, async () => {
      const { setUpSanitizer } = await fresh<Setup>(SETUP);
      assert.equal(serialized(setUpSanitizer()!('<i>x</i>')), '<i>x</i>');
      assert.ok(parsed.includes('<i>x</i>'));
    });
  });

  it('a CSP that refuses the policy leaves vendor markup as text (no sanitizer)', async () => {
    const refusing = { createPolicy: () => { throw new TypeError('Policy "venue-widgets" disallowed.'); } };
    await withTrustedTypes(refusing, async () => {
      const { setUpSanitizer } = await fresh<Setup>(SETUP);
      assert.equal(setUpSanitizer(), undefined);
      const module = await fresh<Sanitize>(SANITIZE);
      await module.loadSanitizer();
      assert.throws(() => module.sanitizeHtml('<b>x</b>'));
      assert.equal(module.vendorText('<b>still</b> text'), 'still text');
    });
  });
});

describe("the browser's own sanitizer (Element.setHTML)", () => {
  /**
   * jsdom lent as the page, its elements given a stand-in `setHTML` (jsdom has none) that records
   * each string it cleans and keeps only its text; DOMPurify's set-ups counted. What the browser's
   * sanitizer keeps is the browser tests' concern (src/shared/sanitize.test.ts); here, when it is
   * used and how often it is asked.
   */
  async function withNativeSanitizer(run: (cleaned: string[], domPurifySetUps: () => number) => Promise<void>) {
    const cleaned: string[] = [];
    const prototype = dom.Element.prototype as unknown as { setHTML?: (this: Element, html: string) => void };
    prototype.setHTML = function (html) {
      cleaned.push(html);
      this.textContent = html.replace(/<[^>]*>/g, '');
    };
    const page = globalThis as { Element?: unknown; document?: unknown };
    page.Element = dom.Element;
    page.document = dom.document;
    const setConfig = purify.setConfig;
    let setUps = 0;
    purify.setConfig = (config) => (setUps++, setConfig.call(purify, config));
    try {
      await run(cleaned, () => setUps);
    } finally {
      purify.setConfig = setConfig;
      delete prototype.setHTML;
      delete page.Element;
      delete page.document;
    }
  }

  it('cleans markup at once, and DOMPurify is never set up', async () => {
    await withNativeSanitizer(async (cleaned, domPurifySetUps) => {
      const module = await fresh<Sanitize>(SANITIZE);
      assert.equal(module.sanitizeHtml('<b>Hamlet</b>'), 'Hamlet');
      assert.equal(module.vendorText('<p>Fish and chips</p>'), 'Fish and chips');
      await module.sanitizerFor(['<p>Act 1</p>']);
      await module.loadSanitizer();
      await lateContentSettled();
      assert.deepEqual(cleaned, ['<b>Hamlet</b>', '<p>Fish and chips</p>']);
      assert.equal(domPurifySetUps(), 0);
    });
  });

  it('cleans a string once while it is among the last 500 asked for', async () => {
    await withNativeSanitizer(async (cleaned) => {
      const { sanitizeHtml } = await fresh<Sanitize>(SANITIZE);
      for (let i = 0; i < 3; i++) assert.equal(sanitizeHtml('<b>Note</b>'), 'Note');
      assert.equal(cleaned.length, 1);
      // 500 other strings: the first one asked for is forgotten, the rest are kept.
      for (let i = 0; i < 500; i++) sanitizeHtml(`<i>${i}</i>`);
      assert.equal(cleaned.length, 501);
      sanitizeHtml('<i>0</i>');
      sanitizeHtml('<i>499</i>');
      assert.equal(cleaned.length, 501, 'a string among the last 500 cleaned again');
      sanitizeHtml('<b>Note</b>');
      assert.equal(cleaned.length, 502, 'the oldest string kept past 500');
    });
  });
});
