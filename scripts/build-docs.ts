/**
 * The element reference, generated from custom-elements.json (the Custom Elements Manifest that
 * `cem analyze` reads from the elements' JSDoc): one page per tag with its attributes, properties,
 * events, slots, parts and CSS custom properties, and a live example whose HTML a reader edits.
 *
 * `npm run build` writes dist/docs/ (the pages load `../all.js`, the built package); `npm start`
 * serves the same pages at /docs/ from the source (vite.config.ts), where the examples run against
 * the demo's mock vendor backend.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** The stylesheet and script every page uses, as files (a strict CSP allows no inline ones). */
export const DOCS_ASSETS = resolve(root, 'docs/site');

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Named {
  kind: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}
interface ElementDeclaration extends Named {
  tagName?: string;
  summary?: string;
  attributes?: (Named & { fieldName?: string })[];
  members?: Member[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
export interface Manifest {
  modules: { path: string; declarations?: ElementDeclaration[] }[];
}

/**
 * What each playground starts with: the tag as a venue would paste it, pointed at the demo's mock
 * vendor backend (`/mock/…`, served by `npm start`).
 */
export const EXAMPLES: Record<string, string> = {
  'av-calendar': '<av-calendar client-id="284" api-base="/mock/audienceview" time-zone="America/New_York"></av-calendar>',
  'av-series-list': '<av-series-list client-id="284" api-base="/mock/audienceview"></av-series-list>',
  'av-event-list': '<av-event-list client-id="284" api-base="/mock/audienceview" limit="5"></av-event-list>',
  'ticket-scanner':
    '<!-- Sign in with door@harbourlights.example / harbour-door-2027 -->\n<ticket-scanner api-base="/mock/audienceview" client-id="284"></ticket-scanner>',
  'vista-member-login':
    '<!-- Sign in with emma.janssens@example.com / Popcorn-2027 -->\n<vista-member-login api-base="/mock/vista" mode="cookie"></vista-member-login>',
  'vista-ticket-redemption':
    '<vista-member-login api-base="/mock/vista" mode="cookie"></vista-member-login>\n<vista-ticket-redemption api-base="/mock/vista" mode="cookie" order-id="demo-order-1" showtime-id="0001-88231" site-id="0001"></vista-ticket-redemption>',
  'utick-stream-gate':
    '<!-- Access codes for the mock streams: /mock/__mock/utick/codes -->\n<utick-stream-gate api-base="/mock/utick-proxy" stream-id="C3A1F0E2-5B7D-4E19-9A2C-7D41B8E06F13">\n  <p>The venue\'s video player goes here.</p>\n</utick-stream-gate>',
  'utick-pack-list': '<utick-pack-list api-base="/mock/utick-proxy" limit="6"></utick-pack-list>',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSDoc prose: escaped, with `code` spans. */
const prose = (text = '') => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\n\s*\n/g, '</p><p>');

function table(title: string, id: string, head: string[], rows: string[][]): string {
  if (!rows.length) return `<section id="${id}"><h2>${title}</h2><p class="none">None.</p></section>`;
  return `<section id="${id}"><h2>${title}</h2><div class="scroll"><table>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows.map((cells) => `<tr>${cells.map((c, i) => (i ? `<td>${c}</td>` : `<th scope="row">${c}</th>`)).join('')}</tr>`).join('\n')}</tbody>
</table></div></section>`;
}

const code = (text?: string) => (text ? `<code>${escape(text)}</code>` : '');

function page(title: string, body: string, options: { moduleSrc?: string } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escape(title)} · venue-widgets</title>
<link rel="stylesheet" href="./docs.css">
${options.moduleSrc ? `<script type="module" src="${escape(options.moduleSrc)}"></script>\n<script type="module" src="./playground.js"></script>` : ''}
</head>
<body>
<header class="top"><a href="./index.html">venue-widgets</a> · element reference</header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function elementsOf(manifest: Manifest): ElementDeclaration[] {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((d): d is ElementDeclaration & { tagName: string } => !!d.tagName)
    .sort((a, b) => Object.keys(EXAMPLES).indexOf(a.tagName!) - Object.keys(EXAMPLES).indexOf(b.tagName!));
}

function elementPage(el: ElementDeclaration, moduleSrc: string): string {
  const tag = el.tagName!;
  const properties = (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('_'));
  const example = EXAMPLES[tag] ?? `<${tag}></${tag}>`;
  const body = `
<h1><code>&lt;${tag}&gt;</code></h1>
${el.summary ? `<p class="summary">${prose(el.summary)}</p>` : ''}
<p>${prose(el.description)}</p>
<nav class="toc" aria-label="On this page"><a href="#example">Live example</a> · <a href="#attributes">Attributes</a> · <a href="#properties">Properties</a> · <a href="#events">Events</a> · <a href="#slots">Slots</a> · <a href="#parts">Parts</a> · <a href="#css-properties">CSS properties</a></nav>

<section id="example" class="playground">
<h2>Live example</h2>
<p>Edit the HTML; the element below is rebuilt from it as you type. Served by <code>npm start</code>, it talks to the demo's mock vendor backend.</p>
<label for="source">HTML, as pasted into a page</label>
<textarea id="source" spellcheck="false" rows="${example.split('\n').length + 2}">${escape(example)}</textarea>
<div id="preview" class="preview" aria-live="polite"></div>
<h3>Load it</h3>
<pre><code>&lt;script type="module" src="https://cdn.example/venue-widgets/0.1.0/${tag}.js"&gt;&lt;/script&gt;</code></pre>
<pre><code>import 'venue-widgets/${tag}';</code></pre>
</section>

${table('Attributes', 'attributes', ['Attribute', 'Property', 'Description'], (el.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), prose(a.description)]))}
${table('Properties', 'properties', ['Property', 'Type', 'Default', 'Description'], properties.map((m) => [code(m.name) + (m.readonly ? ' <small>(read-only)</small>' : ''), code(m.type?.text), code(m.default), prose(m.description)]))}
${table('Events', 'events', ['Event', 'Description'], (el.events ?? []).filter((e) => e.name).map((e) => [code(e.name), prose(e.description)]))}
${table('Slots', 'slots', ['Slot', 'Description'], (el.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', prose(s.description)]))}
${table('Parts', 'parts', ['Part', 'Description'], (el.cssParts ?? []).map((p) => [code(`::part(${p.name})`), prose(p.description)]))}
${table('CSS custom properties', 'css-properties', ['Property', 'Description'], (el.cssProperties ?? []).map((p) => [code(p.name), prose(p.description)]))}
`;
  return page(`<${tag}>`, body, { moduleSrc });
}

function indexPage(elements: ElementDeclaration[]): string {
  return page(
    'Element reference',
    `<h1>venue-widgets: element reference</h1>
<p>Generated from <code>custom-elements.json</code>. Each page has a live example you can edit.</p>
<ul class="elements">
${elements.map((el) => `<li><a href="./${el.tagName}.html"><code>&lt;${el.tagName}&gt;</code></a> ${el.summary ? prose(el.summary) : ''}</li>`).join('\n')}
</ul>
<h2>Guides</h2>
<ul>
<li><a href="./theming.html">Theming: three looks from CSS custom properties and parts</a></li>
<li>Paste into a CMS (WordPress, Squarespace, Drupal, Wix, a plain page), frameworks, strict CSP, cookies: <code>docs/embedding.md</code> in the repository</li>
</ul>`,
  );
}

/** The theming guide's live page: the same element in three looks, each only custom properties and ::part(). */
function themingPage(moduleSrc: string): string {
  const looks = [
    ['classic', 'Classic: the defaults'],
    ['midnight', 'Midnight: dark surfaces, gold accent, square corners'],
    ['poster', 'Poster: bold type, pill buttons, loud accent'],
  ];
  return page(
    'Theming',
    `<h1>Theming: three looks, CSS only</h1>
<p>Each look below is the same <code>&lt;av-event-list&gt;</code>, styled from the page with custom properties on the element and
<code>::part()</code> rules: nothing inside the element changes. The CSS is in <a href="./theming.css"><code>theming.css</code></a>.</p>
<link rel="stylesheet" href="./theming.css">
${looks
  .map(
    ([id, title]) => `<section class="look" id="look-${id}"><h2>${title}</h2>
<av-event-list class="look-${id}" client-id="284" api-base="/mock/audienceview" limit="3" locale="en"></av-event-list></section>`,
  )
  .join('\n')}`,
    { moduleSrc },
  );
}

/**
 * The CMS guide's example: a venue's page as a typical CMS theme styles it (global resets, big
 * type, every link and button restyled), with the snippet pasted into a "Custom HTML" block
 * exactly as docs/embedding.md says. The screenshots in docs/screenshots/embed-cms-*.png are of it.
 */
function cmsExamplePage(moduleSrc: string): string {
  const snippet = `<av-event-list client-id="284" api-base="/mock/audienceview" limit="4"></av-event-list>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What's on · Harbour Lights Theatre</title>
<link rel="stylesheet" href="./cms-theme.css">
<script type="module" src="${escape(moduleSrc)}"></script>
</head>
<body>
<header class="site-header"><p class="site-title">Harbour Lights Theatre</p>
<nav><a href="#">Home</a> <a href="#" aria-current="page">What's on</a> <a href="#">Visit</a> <a href="#">Support us</a></nav></header>
<main class="entry-content">
<h1>What's on</h1>
<p>Book online below, or call the box office.</p>
<div class="wp-block-html">
${snippet}
</div>
<p>Accessible performances are marked on each date.</p>
</main>
</body>
</html>
`;
}

/** Every file of the docs site, by name. `moduleSrc`: where the pages load the elements from. */
export function renderDocsSite(manifest: Manifest, moduleSrc: string): Map<string, string> {
  const elements = elementsOf(manifest);
  const files = new Map<string, string>([['index.html', indexPage(elements)]]);
  for (const el of elements) files.set(`${el.tagName}.html`, elementPage(el, moduleSrc));
  files.set('theming.html', themingPage(moduleSrc));
  files.set('cms-example.html', cmsExamplePage(moduleSrc));
  return files;
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8')) as Manifest;
}

/**
 * The published docs name the addresses a venue's page would use, never the demo's mock backend
 * (it exists only under `npm start`; `npm run build` fails on any `/mock` in dist/).
 */
const PUBLISHED_BASES: Array<[string, string]> = [
  ['Access codes for the mock streams: /mock/__mock/utick/codes', 'api-base: your Utick signing proxy (npx venue-widgets utick-proxy)'],
  ['/mock/audienceview', 'https://api.ovationtix.com'],
  ['/mock/vista', 'https://tenant-digital-api.app.vista.co'],
  ['/mock/utick-proxy', 'https://venue.example/utick'],
];
function publishedExamples(html: string): string {
  return PUBLISHED_BASES.reduce((text, [mock, real]) => text.replaceAll(mock, real), html);
}

/** `npm run build`: dist/docs/, next to the built modules it loads. */
function main(): void {
  const out = resolve(root, process.env.VENUE_WIDGETS_OUT_DIR ?? 'dist', 'docs');
  mkdirSync(out, { recursive: true });
  for (const [name, html] of renderDocsSite(readManifest(), '../all.js')) writeFileSync(resolve(out, name), publishedExamples(html));
  for (const asset of readdirSync(DOCS_ASSETS)) copyFileSync(resolve(DOCS_ASSETS, asset), resolve(out, asset));
  console.log(`docs: ${out.slice(root.length + 1)}/ (${elementsOf(readManifest()).length} elements)`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
