/**
 * `npm start`: the demo (demo/) with the mock vendor backend mounted at /mock on the same server,
 * so it works with no credentials and no network.
 * `npm run build`: dist/ with one standalone ES module per element (plus `api.js`), each
 * defining its tag when loaded with a single <script type="module">.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { createVendorBackend } from './mock/server.js';
import { createUtickProxyMount } from './mock/utick.js';
import { minifyLitLiteralsPlugin } from './scripts/minify-literals.mjs';
import { zxingWasmPlugin } from './scripts/zxing-wasm-plugin.mjs';
import { serveBuiltScanner } from './vite.scanner.config.js';

const root = import.meta.dirname;

/** Every element folder that has an entry point, plus the vendor clients. */
function libraryEntries(): Record<string, string> {
  const components = resolve(root, 'src/components');
  const entries: Record<string, string> = { api: resolve(root, 'src/api/index.ts') };
  for (const vendor of ['audienceview', 'vista', 'utick']) entries[`api/${vendor}`] = resolve(root, `src/api/${vendor}/index.ts`);
  if (!existsSync(components)) return entries;
  for (const name of readdirSync(components)) {
    const entry = resolve(components, name, 'index.ts');
    if (existsSync(entry)) entries[name] = entry;
  }
  return entries;
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

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: resolve(root, 'demo'),
        // /scanner/: the installable app as built (`npm start` builds it first), precache list and all.
        plugins: [mockVendorBackend(), serveBuiltScanner()],
        server: { port: Number(process.env.PORT ?? 5173), host: '127.0.0.1', fs: { allow: [root] } },
      }
    : {
        plugins: [minifyLitLiteralsPlugin() as Plugin, zxingWasmPlugin()],
        build: {
          outDir: resolve(root, 'dist'),
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          lib: { entry: libraryEntries(), formats: ['es'] },
          rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
        },
      },
);
