// The installable scanner under the test runner: built once per run, on the first request for it
// (other test files never pay for the build), into a temporary folder, and served at /scanner/ on
// the test server's own origin. `/mock/audienceview/…`, the app's api-base, goes to the mock world
// the test page named in the `mock-world` cookie. A page carrying the `app-server-down` cookie
// finds the app's server gone (the connection is dropped), as a door phone with no network would;
// one carrying `app-version=2` gets a later build's service worker (the same worker, other bytes).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
export const APP_PATH = '/scanner/';

function cookie(req, name) {
  return (req.headers.cookie ?? '').split(/;\s*/).find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** @param {() => string} mockOrigin */
export function scannerAppServer(mockOrigin) {
  let built;
  const build = () =>
    (built ??= (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'scanner-app-'));
      await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.scanner.config.ts'], {
        cwd: root,
        env: { ...process.env, SCANNER_OUT_DIR: dir },
      });
      // Loaded here, not at start-up: only a run that opens the app pays for Vite and the PWA plugin.
      const { serveStaticApp } = await import('../../vite.scanner.config.ts');
      return { dir, serve: serveStaticApp(dir, APP_PATH) };
    })());

  /** Koa middleware, ahead of the test server's own. */
  async function middleware(ctx, next) {
    const { req, res } = ctx;
    const path = ctx.path;
    if (path.startsWith('/mock/audienceview/')) {
      ctx.respond = false;
      const world = cookie(req, 'mock-world');
      const target = new URL(`${world ? `/s/${world}` : ''}${req.url.slice('/mock'.length)}`, mockOrigin());
      await new Promise((done) => {
        const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
          ctx.status = answer.statusCode ?? 502; // the runner logs requests by this status
          res.writeHead(ctx.status, answer.headers);
          answer.pipe(res).on('finish', done);
        });
        upstream.on('error', () => done(res.destroy())); // the mock dropped the connection: so does this proxy
        req.pipe(upstream);
      });
      return;
    }
    if (path === APP_PATH.slice(0, -1) || path.startsWith(APP_PATH)) {
      ctx.respond = false;
      if (cookie(req, 'app-server-down')) {
        ctx.status = 503; // never sent: the connection is dropped
        return void req.socket.destroy();
      }
      const app = await build();
      ctx.status = 200;
      if (path === `${APP_PATH}sw.js` && cookie(req, 'app-version')) {
        const worker = await readFile(join(app.dir, 'sw.js'), 'utf8');
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
        return void res.end(`${worker}\n// build ${cookie(req, 'app-version')}\n`);
      }
      app.serve(req, res);
      return;
    }
    await next();
  }

  return {
    middleware,
    /**
     * The `scanner-app-build` command: starts the build and answers whether it is done within
     * 15 s (a command must answer within 20 s; the test asks again until it is).
     */
    plugin: {
      name: 'scanner-app',
      async executeCommand({ command }) {
        if (command !== 'scanner-app-build') return undefined;
        const ready = await Promise.race([build().then(() => true), new Promise((resolve) => setTimeout(resolve, 15_000, false))]);
        return { ready };
      },
    },
    async stop() {
      if (built) await rm((await built).dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
