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
import { MOCK_UTICK_KEYS } from './mock/utick.js';
import { signUtickRequest } from './src/api/utick/signature.js';
import { minifyLitLiteralsPlugin } from './scripts/minify-literals.mjs';

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
 * only signed requests, and a browser must never hold the key, so /mock/utick-signed stands in
 * for the venue's signing proxy: it signs with the mock's demo keys and passes the request on.
 */
function mockVendorBackend(): Plugin {
  const backend = createVendorBackend();
  type Handler = (req: any, res: any) => void;
  const mount = (middlewares: { use(path: string, handler: Handler): void }) => {
    middlewares.use('/mock/utick-signed', (req, res) => {
      const pathAndQuery = req.url ?? '/';
      void signUtickRequest({ ...MOCK_UTICK_KEYS, method: req.method ?? 'GET', pathAndQuery }).then((headers) => {
        for (const [name, value] of Object.entries(headers)) req.headers[name.toLowerCase()] = value;
        req.url = `/utick${pathAndQuery}`;
        return backend.handle(req, res);
      });
    });
    middlewares.use('/mock', (req, res) => void backend.handle(req, res));
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
        plugins: [mockVendorBackend()],
        server: { port: Number(process.env.PORT ?? 5173), host: '127.0.0.1', fs: { allow: [root] } },
      }
    : {
        plugins: [minifyLitLiteralsPlugin() as Plugin],
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
