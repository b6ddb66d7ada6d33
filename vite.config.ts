/**
 * `npm start`: the demo (demo/) with the mock vendor backend mounted at /mock on the same server,
 * so it works with no credentials and no network.
 * `npm run build`: dist/ with one standalone ES module per element (plus `api.js`), each
 * defining its tag when loaded with a single <script type="module">.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { createVendorBackend } from './mock/server.js';
import { DOCS_ASSETS, readManifest, renderDocsSite } from './scripts/build-docs.js';
import { createUtickProxyMount } from './mock/utick.js';
import { minifyLitLiteralsPlugin } from './scripts/minify-literals.mjs';
import { zxingWasmPlugin } from './scripts/zxing-wasm-plugin.mjs';
import { serveBuiltScanner } from './vite.scanner.config.js';

const root = import.meta.dirname;

/** Every element folder that has an entry point, plus the vendor clients. */
function libraryEntries(): Record<string, string> {
  const components = resolve(root, 'src/components');
  const entries: Record<string, string> = { api: resolve(root, 'src/api/index.ts'), all: resolve(root, 'src/all.ts') };
  for (const vendor of ['audienceview', 'vista', 'utick']) entries[`api/${vendor}`] = resolve(root, `src/api/${vendor}/index.ts`);
  if (!existsSync(components)) return entries;
  for (const name of readdirSync(components)) {
    const entry = resolve(components, name, 'index.ts');
    if (existsSync(entry)) entries[name] = entry;
  }
  return entries;
}

/** `dist/` by default; the embedding tests build a private copy elsewhere. */
const outDir = resolve(root, process.env.VENUE_WIDGETS_OUT_DIR ?? 'dist');
const version: string = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version;

/**
 * The CDN layout: `cdn/<version>/` holds the browser modules (elements, `all.js`, their chunks)
 * exactly as in `dist/`, so a CDN or the venue's own server can publish that folder at
 * `/<version>/` and pages load `/<version>/av-calendar.js`. Imports between them are relative,
 * so any base path works.
 */
function cdnLayout(): Plugin {
  return {
    name: 'cdn-layout',
    writeBundle(_options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!file.endsWith('.map') && !file.startsWith('api')) cpSync(resolve(outDir, file), resolve(outDir, 'cdn', version, file));
      }
    },
  };
}

/**
 * Mounts the mock vendor backend at /mock on Vite's own server (dev and preview). Utick answers
 * only signed requests, and a browser must never hold the key, so the package's real signing
 * proxy runs at /mock/utick-proxy, with the mock's demo keys.
 */
function mockVendorBackend(): Plugin {
  const backend = createVendorBackend();
  const utickProxy = createUtickProxyMount(backend, (req) => `http://127.0.0.1:${req.socket.localPort}/mock`);
  type Handler = (req: any, res: any) => void;
  const mount = (middlewares: { use(path: string, handler: Handler): void }) => {
    middlewares.use('/mock', (req, res) => {
      if (!utickProxy(req, res)) void backend.handle(req, res);
    });
  };
  return {
    name: 'mock-vendor-backend',
    configureServer: (server) => mount(server.middlewares),
    configurePreviewServer: (server) => mount(server.middlewares),
  };
}

/**
 * The element reference at /docs/ (scripts/build-docs.ts), rendered from custom-elements.json on
 * each request (`npm start` runs `cem analyze` first), its live examples loading the source.
 */
function docsSite(): Plugin {
  return {
    name: 'docs-site',
    configureServer(server) {
      server.middlewares.use('/docs', (req, res, next) => {
        const name = (req.url ?? '/').split('?')[0]!.replace(/^\//, '') || 'index.html';
        if (!existsSync(resolve(root, 'custom-elements.json'))) {
          res.statusCode = 503;
          return res.end('The element reference is generated from custom-elements.json: run `npx cem analyze` (`npm start` does).');
        }
        const html = name.endsWith('.html') ? renderDocsSite(readManifest(), `/@fs${root}/src/all.ts`).get(name) : undefined;
        const asset = !html && /^[\w-]+\.(css|js)$/.test(name) && existsSync(resolve(DOCS_ASSETS, name)) ? readFileSync(resolve(DOCS_ASSETS, name)) : undefined;
        if (!html && !asset) return next();
        res.setHeader('Content-Type', html ? 'text/html' : name.endsWith('.css') ? 'text/css' : 'text/javascript');
        res.end(html ?? asset);
      });
    },
  };
}

/**
 * The library's file names, minified: Vite leaves a library's `es` output unminified (whitespace and
 * comments kept) whatever `build.minify` says, and these files are what patrons' phones download.
 */
const LIBRARY_OUTPUT = { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true } as const;

const AUDIENCEVIEW_ENTRY = resolve(root, 'src/audienceview-elements.virtual.ts');
const AUDIENCEVIEW_TAGS = ['av-calendar', 'av-series-list', 'av-event-list'] as const;

/**
 * `audienceview.js`: the three AudienceView elements in one module of their own (Lit and the fetch
 * layer inside it; only DOMPurify, the calendar's month views and grid, and other languages' words
 * as chunks), built after the library. A page that shows two or three of them loads this one file
 * instead of three modules and their shared chunks: every file is gzipped alone, so one file is a
 * quarter smaller and one request on a phone's network. It does not share Lit with the
 * per-element modules: a page uses one or the other (a second definition of a tag is ignored, so
 * mixing them costs bytes, never breaks).
 *
 * The CDN layout's three AudienceView element modules (`cdn/<version>/av-calendar.js`, what a venue
 * pastes) are made the same way, each one file: a page with one calendar fetches one module
 * instead of eight files, and its first paint and its performances come about half a second
 * sooner on a phone's network (measured with Lighthouse, README). `dist/<tag>.js` keep their
 * shared chunks, for bundlers and for pages that load several elements' modules.
 */
function audienceViewModule(): Plugin {
  return {
    name: 'audienceview-module',
    apply: 'build',
    async closeBundle() {
      await selfContainedModule('audienceview', AUDIENCEVIEW_TAGS, outDir, [cdnLayout()]);
      // After the library's cdnLayout() copied the chunked modules there: these take their place.
      for (const tag of AUDIENCEVIEW_TAGS) await selfContainedModule(tag, [tag], resolve(outDir, 'cdn', version));
    },
  };
}

/** One module (`<name>.js` in `dir`) holding these elements with Lit and all they share; only late chunks beside it. */
async function selfContainedModule(name: string, tags: readonly string[], dir: string, plugins: Plugin[] = []): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    plugins: [
      minifyLitLiteralsPlugin() as Plugin,
      {
        name: 'audienceview-entry',
        enforce: 'pre',
        resolveId: (id) => (id === AUDIENCEVIEW_ENTRY ? id : undefined),
        load: (id) =>
          id === AUDIENCEVIEW_ENTRY ? tags.map((tag) => `export * from ${JSON.stringify(resolve(root, 'src/components', tag, 'index.ts'))};`).join('\n') : undefined,
      },
      ...plugins,
    ],
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'es2022',
      // The CDN layout has no source maps (cdnLayout() copies none).
      sourcemap: dir === outDir,
      lib: { entry: { [name]: AUDIENCEVIEW_ENTRY }, formats: ['es'] },
      // The calendar's month views are a late chunk: allowed to add exports to the entry, the
      // build leaves what they share with it inside it (one file), not in a chunk of its own.
      rolldownOptions: { output: LIBRARY_OUTPUT, preserveEntrySignatures: 'allow-extension' },
    },
  });
}

/**
 * Each entry also imports every chunk its chunks import, so the browser asks for all of them as
 * soon as it reads the entry (Rollup's `hoistTransitiveImports`, which Rolldown lacks). Without it
 * an element's code arrives in a chain, page → entry → chunk → shared chunk, one round trip each
 * on a phone's network before the first request to the vendor. The added imports come after the
 * entry's own, of modules those already import, so nothing runs in another order.
 */
function hoistTransitiveImports(): Plugin {
  return {
    name: 'hoist-transitive-imports',
    generateBundle(_options, bundle) {
      for (const entry of Object.values(bundle)) {
        if (entry.type !== 'chunk' || !entry.isEntry) continue;
        const reached = new Set<string>();
        const visit = (file: string) => {
          const chunk = bundle[file];
          if (reached.has(file) || chunk?.type !== 'chunk') return;
          reached.add(file);
          for (const imported of chunk.imports) visit(imported);
        };
        for (const imported of entry.imports) visit(imported);
        const missing = [...reached].filter((file) => !entry.imports.includes(file));
        if (!missing.length) continue;
        const from = posix.dirname(entry.fileName);
        entry.code += `\n${missing.map((file) => `import"./${posix.relative(from, file)}";`).join('')}\n`;
      }
    },
  };
}

/**
 * Code every element loads goes into one chunk, and code the AudienceView elements share into
 * another, instead of a dozen small chunks: each file is gzipped alone, so small files compress
 * badly (three elements on one page: 17 files, 34.8 KB gzip, where the same code in one file is
 * 28.7 KB), and each is another request on a phone's network. What only some pages need (DOMPurify,
 * the words of other languages, the scanner's decoder) stays in chunks of its own.
 */
const lateChunk = (id: string) => /[\\/](dompurify|sanitizer-setup|[\w-]+\.messages\.i18n)[\\/.]/.test(id);
const SHARED_CHUNKS = [
  // The fetch layer, apart from Lit: a page that imports a vendor client alone gets no Lit.
  { name: 'fetch', priority: 4, test: /[\\/]src[\\/]api[\\/](request|errors)\.ts$/ },
  { name: 'audienceview-api', priority: 3, test: /[\\/]src[\\/]api[\\/]audienceview[\\/](public|types)\.ts$/ },
  {
    name: 'base',
    priority: 2,
    test: (id: string) =>
      !lateChunk(id) &&
      (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/](?!directives[\\/](?!if-defined))/.test(id) ||
        /[\\/]src[\\/]shared[\\/](widget-element|late-content|locale|events|sanitize|error-view|attribute-checks|time-zone|base\.styles)\.ts$/.test(id) ||
        // @lit/task: the one async idiom; the compiler's decorator helper every element's fields use
        /[\\/]node_modules[\\/]@lit[\\/]task[\\/]|^\0@oxc-project\+runtime@/.test(id)),
  },
  {
    name: 'audienceview',
    priority: 1,
    // What the three elements share; not the cards (the lists only) nor the card and theme styles
    // (the Utick elements wear them too). The batched render too (the series list's cards, the
    // calendar's list): in a chunk of its own, the calendar's month views waited for it, a round trip more.
    test: (id: string) => !lateChunk(id) && /[\\/]src[\\/]shared[\\/](audienceview[\\/](performance|productions|events)|batched-render)\.ts$/.test(id),
  },
];

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: resolve(root, 'demo'),
        // /scanner/: the installable app as built (`npm start` builds it first), precache list and all,
        // with the demo's scanner.config.json (demo/scanner/) pointing it at /mock: the build itself names no mock.
        plugins: [mockVendorBackend(), serveBuiltScanner(), docsSite()],
        server: { port: Number(process.env.PORT ?? 5173), host: '127.0.0.1', fs: { allow: [root] } },
      }
    : {
        plugins: [minifyLitLiteralsPlugin() as Plugin, zxingWasmPlugin(), hoistTransitiveImports(), cdnLayout(), audienceViewModule()],
        build: {
          outDir,
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          lib: { entry: libraryEntries(), formats: ['es'] },
          rolldownOptions: {
            output: { ...LIBRARY_OUTPUT, codeSplitting: { groups: SHARED_CHUNKS } },
          },
        },
      },
);
