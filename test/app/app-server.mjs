// The installable door app under the test runner, in its two forms, both built once per run on the
// first request for it (other test files never pay for the build), into temporary folders:
// - the demo form at /scanner/: the build as `npm start` serves it, with the demo's own
//   scanner.config.json (demo/scanner/), whose `apiBase` is `/mock/audienceview` on this origin:
//   that goes to the mock world the test page named in the `mock-world` cookie;
// - the deployed form at /door/: exactly what `npx venue-widgets scanner-app --out … --config …`
//   writes (the `scanner-app-publish` command runs it with the test's settings), served as a venue
//   would publish it; its settings name the mock server's own origin, another origin than the page's.
// A page carrying the `app-server-down` cookie finds the app's server gone (the connection is
// dropped), as a door phone with no network would; one carrying `app-version=2` gets a later
// build's service worker (the same worker, other bytes).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { mockReferences } from '../../scripts/check-publishable.mjs';

const root = resolve(import.meta.dirname, '../..');
export const APP_PATH = '/scanner/';
export const DOOR_PATH = '/door/';
const run = promisify(execFile);

function cookie(req, name) {
  return (req.headers.cookie ?? '').split(/;\s*/).find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** @param {() => string} mockOrigin */
export function scannerAppServer(mockOrigin) {
  let built;
  /** The last `scanner-app-publish` output, served at /door/. */
  let published;
  let publications = 0;
  const build = () =>
    (built ??= (async () => {
      const work = await mkdtemp(join(tmpdir(), 'scanner-app-'));
      const dir = join(work, 'built');
      await run(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.scanner.config.ts'], {
        cwd: root,
        env: { ...process.env, SCANNER_OUT_DIR: dir },
      });
      // Loaded here, not at start-up: only a run that opens the app pays for Vite and the PWA plugin.
      const { serveStaticApp, DEMO_SCANNER_CONFIG } = await import('../../vite.scanner.config.ts');
      return { work, dir, serve: serveStaticApp(dir, APP_PATH), serveStaticApp, demoConfig: DEMO_SCANNER_CONFIG };
    })());

  /** The README's command, as a venue runs it, with `--from` naming this run's build. */
  async function publish(config) {
    const app = await build();
    const n = ++publications;
    const configFile = join(app.work, `scanner.config.${n}.json`);
    const out = join(app.work, `door-${n}`);
    await writeFile(configFile, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
    const answer = await run(process.execPath, [resolve(root, 'bin/venue-widgets.js'), 'scanner-app', '--out', out, '--config', configFile, '--from', app.dir], { cwd: root }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error) => ({ code: error.code ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? String(error) }),
    );
    const files = await readdir(out).catch(() => []);
    if (answer.code === 0) published = { dir: out, serve: app.serveStaticApp(out, DOOR_PATH) };
    return { ...answer, files, mockReferences: files.length ? mockReferences(out) : [] };
  }

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
    const door = path === DOOR_PATH.slice(0, -1) || path.startsWith(DOOR_PATH);
    if (door || path === APP_PATH.slice(0, -1) || path.startsWith(APP_PATH)) {
      ctx.respond = false;
      if (cookie(req, 'app-server-down')) {
        ctx.status = 503; // never sent: the connection is dropped
        return void req.socket.destroy();
      }
      const app = await build();
      const mount = door ? DOOR_PATH : APP_PATH;
      const dir = door ? published?.dir : app.dir;
      ctx.status = 200;
      if (!dir) {
        ctx.status = 404;
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Nothing published yet: run the scanner-app-publish command.');
      }
      if (!door && path === `${APP_PATH}scanner.config.json`) {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
        return void res.end(await readFile(app.demoConfig));
      }
      if (path === `${mount}sw.js` && cookie(req, 'app-version')) {
        const worker = await readFile(join(dir, 'sw.js'), 'utf8');
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
        return void res.end(`${worker}\n// build ${cookie(req, 'app-version')}\n`);
      }
      (door ? published.serve : app.serve)(req, res);
      return;
    }
    await next();
  }

  return {
    middleware,
    plugin: {
      name: 'scanner-app',
      async executeCommand({ command, payload }) {
        // Starts the build and answers whether it is done within 15 s (a command must answer
        // within 20 s; the test asks again until it is).
        if (command === 'scanner-app-build') {
          const ready = await Promise.race([build().then(() => true), new Promise((resolve) => setTimeout(resolve, 15_000, false))]);
          return { ready };
        }
        // `npx venue-widgets scanner-app` with the test's settings; the output is served at /door/.
        if (command === 'scanner-app-publish') return publish(payload.config);
        // The venue edits the published scanner.config.json by hand (`text`), or deletes it (`null`).
        if (command === 'scanner-app-edit-config') {
          const file = join(published.dir, 'scanner.config.json');
          if (payload.text === null) await rm(file, { force: true });
          else await writeFile(file, payload.text);
          return { ok: true };
        }
        // What the build from source holds that names the demo's mock backend (nothing, it must be).
        if (command === 'scanner-app-mock-references') return { found: mockReferences((await build()).dir) };
        return undefined;
      },
    },
    async stop() {
      if (built) await rm((await built).work, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
