/**
 * `npm start`: the demo (demo/) with the mock vendor backend mounted at /mock on the same server,
 * so it works with no credentials and no network.
 * `npm run build`: dist/ with one standalone ES module per element (plus `api.js`), each
 * defining its tag when loaded with a single <script type="module">.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
        plugins: [minifyLitLiteralsPlugin() as Plugin, zxingWasmPlugin(), cdnLayout()],
        build: {
          outDir,
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          lib: { entry: libraryEntries(), formats: ['es'] },
          rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
        },
      },
);
