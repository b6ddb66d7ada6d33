/**
 * The installable door app (src/scanner-app/) built to dist/scanner/: `vite build -c vite.scanner.config.ts`
 * (part of `npm run build` and `npm start`). One page, its web app manifest and icons, and its
 * service worker (src/scanner-app/sw.ts: the scanner's, src/components/ticket-scanner/offline/sw.ts,
 * plus the settings file) with the app shell's precache list injected by vite-plugin-pwa. Every URL
 * is relative (`base: './'`), so the folder works wherever a venue serves it. The venue's settings
 * are not in the build: `scanner.config.json` beside it (`npx venue-widgets scanner-app` puts it
 * there), and the build fails if anything in it names the demo's mock backend.
 *
 * Also exports `serveBuiltScanner()`, which the demo server uses to serve the built app at /scanner/.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { minifyLitLiteralsPlugin } from './scripts/minify-literals.mjs';
import { zxingWasmPlugin } from './scripts/zxing-wasm-plugin.mjs';
import { mockReferences } from './scripts/check-publishable.mjs';

const root = import.meta.dirname;
export const SCANNER_APP_SOURCE = resolve(root, 'src/scanner-app');
export const SCANNER_APP_DIST = resolve(root, 'dist/scanner');
/** Dark navy of the icon: the splash screen and title bar match it in light and dark alike. */
const BRAND = '#14213d';

/** A build that would send the door app to the demo's mock backend is not one to publish. */
function noMockReferences(): Plugin {
  let outDir = '';
  return {
    name: 'no-mock-references',
    apply: 'build',
    configResolved: (config) => void (outDir = config.build.outDir),
    // After the PWA plugin has written sw.js, so the worker is checked too.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const found = mockReferences(outDir);
        if (found.length) throw new Error(`The door app's build names the demo's mock backend, which a venue's site does not have:\n${found.join('\n')}`);
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: SCANNER_APP_SOURCE,
  base: './',
  publicDir: resolve(SCANNER_APP_SOURCE, 'public'),
  // The tests build into a directory of their own (SCANNER_OUT_DIR) and leave dist/ alone.
  build: { outDir: process.env.SCANNER_OUT_DIR ?? SCANNER_APP_DIST, emptyOutDir: true, target: 'es2022', sourcemap: mode !== 'production' },
  logLevel: process.env.SCANNER_OUT_DIR ? 'warn' : 'info',
  plugins: [
    minifyLitLiteralsPlugin() as Plugin,
    // The camera's wasm reader, beside its decoder chunk (and so in the precache list).
    zxingWasmPlugin(),
    noMockReferences(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: SCANNER_APP_SOURCE,
      filename: 'sw.ts',
      // src/scanner-app/main.ts registers the worker itself (workbox-window, with the update prompt).
      injectRegister: false,
      registerType: 'prompt',
      includeManifestIcons: false, // already in globPatterns
      injectManifest: {
        // A classic worker: iOS Safari and Firefox run module service workers late or not at all.
        rollupFormat: 'iife',
        // The shell and every lazy chunk (other languages, the sanitizer, the camera's decoder),
        // so the scanner works offline whatever the page needs later.
        // (The web app manifest is added by the plugin itself.)
        globPatterns: ['**/*.{html,js,css,wasm,png,svg}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      manifest: {
        id: './',
        name: 'Door scanner · venue-widgets',
        short_name: 'Scanner',
        description: 'Scan tickets at the door with AudienceView Professional, online or offline.',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: BRAND,
        background_color: BRAND,
        categories: ['business', 'utilities'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
}));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * A request handler for a built app folder mounted at `mount` (e.g. `/scanner/`): its files, and
 * `index.html` for the folder itself. Returns false when the URL is not its to answer.
 */
export function serveStaticApp(dir: string, mount: string) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return false; // not a path of ours
    }
    if (pathname === mount.replace(/\/$/, '')) {
      res.writeHead(301, { location: mount }).end();
      return true;
    }
    if (!pathname.startsWith(mount)) return false;
    const file = resolve(dir, pathname.slice(mount.length) || 'index.html');
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      const why = existsSync(dir) ? 'Not found' : `The app is not built: run \`npm start\` (or \`vite build -c vite.scanner.config.ts\`).`;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(why);
      return true;
    }
    // The worker and the page must be looked at again on each visit (how updates are found);
    // hashed assets never change.
    const immutable = /-[\w-]{8,}\.(js|css|wasm)$/.test(file);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
    return true;
  };
}

/** The demo's settings for the app: the mock backend that `npm start` mounts at /mock. */
export const DEMO_SCANNER_CONFIG = resolve(root, 'demo/scanner/scanner.config.json');

/**
 * For the demo server: the built app at /scanner/ (not Vite's dev transform of src/scanner-app/,
 * which has no precache list), with the demo's own `scanner.config.json` (demo/scanner/), which
 * points it at the mock backend mounted at /mock. The build itself carries no settings.
 */
export function serveBuiltScanner(dir = SCANNER_APP_DIST, config = DEMO_SCANNER_CONFIG): Plugin {
  const serve = serveStaticApp(dir, '/scanner/');
  return {
    name: 'serve-built-scanner',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] === '/scanner/scanner.config.json') {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
          return void createReadStream(config).pipe(res);
        }
        if (!serve(req, res)) next();
      });
    },
  };
}
