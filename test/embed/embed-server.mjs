// The embedding tests' server side, as one test-runner middleware:
// - `/__embed/dist/v1/…` and `/__embed/dist/v2/…`: the library as `npm run build` makes it (built
//   once per run, on first request, into a temporary folder), served under two paths, as two
//   copies or two versions of the package on one page would be;
// - `/__embed/examples/<react|vue|svelte>/`: the framework examples, each built with Vite on first
//   request (the same configs a developer runs);
// - `/__embed/bundle?source=…`, `/__embed/package`: what a bundler makes of an import from the
//   package, and which `exports` entries the build lacks;
// - `/__embed/react-ssr`: the React components rendered by react-dom/server in a Node child process,
//   imported from the package as built;
// - `/__embed/docs/`: the element reference as `npm run build` writes it, from a fresh manifest;
// - `/test/embed/pages/*`: the hostile host pages, `strict-csp.html` with a strict Content Security
//   Policy and Trusted Types as an HTTP header (the only way a CMS page would get it).
import { copyFile, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const TAGS = ['av-calendar', 'av-series-list', 'av-event-list', 'ticket-scanner', 'vista-member-login', 'vista-ticket-redemption', 'utick-stream-gate', 'utick-pack-list'];

/**
 * The tags a bundle defines: our element names handed, with a class, to a define call (the
 * elements call the shared `define(tag, Class)`, whatever the bundler renames it to).
 */
function definedTags(code) {
  // (An event class's `super('vista-member-login', detail)` names a tag too, and is not a definition.)
  const calls = code.matchAll(new RegExp(`([\\w$.]+)\\(\\s*["'](${TAGS.join('|')})["']\\s*,\\s*[\\w$]+\\s*\\)`, 'g'));
  return new Set([...calls].filter((m) => m[1] !== 'super').map((m) => m[2])).size;
}

const root = resolve(import.meta.dirname, '../..');
export const FRAMEWORKS = ['react', 'vue', 'svelte'];
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json' };

/** The policy a strict venue page sends; the mock vendor backend is the only other origin. */
export function strictCsp(mockOrigin) {
  return [
    "default-src 'self'",
    "script-src 'self' 'report-sample'",
    "style-src 'self' 'report-sample'",
    `connect-src 'self' ${mockOrigin}`,
    `img-src 'self' ${mockOrigin} data:`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html venue-widgets',
  ].join('; ');
}

/** Temporary folders of this run, removed when the runner stops. */
const folders = [];
async function temporaryFolder(name) {
  const dir = await mkdtemp(join(tmpdir(), `venue-widgets-${name}-`));
  folders.push(dir);
  return dir;
}

/** Runs a build once, in a child process (Vite and its plugins stay out of the runner's memory). */
function once(run) {
  let result;
  return () => (result ??= run());
}

/** The package as published: its package.json beside `dist/` as `vite build` writes it. */
const buildPackage = once(async () => {
  const dir = await temporaryFolder('package');
  await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: root,
    env: { ...process.env, VENUE_WIDGETS_OUT_DIR: join(dir, 'dist') },
  });
  await promisify(execFile)(process.execPath, [resolve(root, 'scripts/build-react-components.mjs')], {
    cwd: root,
    env: { ...process.env, VENUE_WIDGETS_OUT_DIR: join(dir, 'dist') },
  });
  await copyFile(resolve(root, 'package.json'), join(dir, 'package.json'));
  return dir;
});

/**
 * The React components rendered on a server (Node, react-dom/server), each imported from the
 * package as built, through its `exports` (the `node` condition), as a React app's server would.
 * A child process: Lit's DOM shims must not reach this test server. Answers `{ tag: html }`.
 */
async function renderReactOnServer() {
  const dir = await buildPackage();
  await symlink(resolve(root, 'node_modules'), join(dir, 'node_modules')).catch((error) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const script = `
    import { createElement } from 'react';
    import { renderToString } from 'react-dom/server';
    const html = {};
    for (const tag of ${JSON.stringify(TAGS)}) {
      const component = Object.values(await import('venue-widgets/react/' + tag))[0];
      html[tag] = renderToString(createElement(component, { id: 'on-server', className: 'venue', locale: 'fr' }));
    }
    console.log(JSON.stringify(html));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
  return JSON.parse(stdout);
}
const buildLibrary = async () => join(await buildPackage(), 'dist');

/**
 * What a bundler makes of one import from the package (esbuild, honouring `exports` and
 * `sideEffects`): its size, whether Lit came along, how many tags it defines.
 */
async function bundleOf(source) {
  const { build } = await import('esbuild');
  const out = await build({ stdin: { contents: source, resolveDir: await buildPackage(), loader: 'js' }, bundle: true, format: 'esm', minify: true, write: false, logLevel: 'silent' });
  const code = out.outputFiles[0].text;
  return { bytes: code.length, lit: /litElementVersions/.test(code), defines: definedTags(code) };
}

const exampleBuilds = Object.fromEntries(
  FRAMEWORKS.map((name) => [
    name,
    once(async () => {
      const dir = await temporaryFolder(name);
      await promisify(execFile)(
        process.execPath,
        [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--base', `/__embed/examples/${name}/`],
        { cwd: resolve(root, 'examples', name) },
      );
      return dir;
    }),
  ]),
);

/** The element reference as `npm run build` makes it, from a fresh manifest, loading the built library. */
const buildDocs = once(async () => {
  const dir = await temporaryFolder('docs');
  await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet', '--outdir', relative(root, dir)], { cwd: root });
  const { renderDocsSite, DOCS_ASSETS } = await import('../../scripts/build-docs.ts');
  const manifest = JSON.parse(await readFile(join(dir, 'custom-elements.json'), 'utf8'));
  return { pages: renderDocsSite(manifest, '/__embed/dist/v1/all.js'), assets: DOCS_ASSETS };
});

async function sendFile(ctx, dir, relative, headers = {}) {
  const file = resolve(dir, relative || 'index.html');
  if (!file.startsWith(dir)) return false;
  try {
    ctx.body = await readFile(file);
  } catch {
    return false;
  }
  ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
  ctx.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  return true;
}

/** Koa middleware for the test server, ahead of its own. @param {() => string} mockOrigin */
export function embedPages(mockOrigin) {
  async function middleware(ctx, next) {
    const path = ctx.path;
    let match;
    if ((match = /^\/__embed\/dist\/v[12]\/(.*)$/.exec(path))) {
      if (await sendFile(ctx, await buildLibrary(), match[1])) return;
    } else if ((match = /^\/__embed\/examples\/(react|vue|svelte)\/(.*)$/.exec(path))) {
      if (await sendFile(ctx, await exampleBuilds[match[1]](), match[2])) return;
    } else if (path === '/__embed/react-ssr') {
      ctx.body = await renderReactOnServer();
      return;
    } else if (path === '/__embed/bundle') {
      ctx.body = await bundleOf(ctx.query.source);
      return;
    } else if (path === '/__embed/package') {
      const dir = await buildPackage();
      const { exports } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
      // Browser modules only: the signing proxy (dist/proxy/) is built by esbuild in `npm run build:proxy`.
      const files = Object.values(exports).flatMap((target) => (typeof target === 'string' ? [] : [target.default].filter((f) => f && !f.startsWith('./dist/proxy/'))));
      const missing = [];
      for (const file of files) await readFile(join(dir, file)).catch(() => missing.push(file));
      ctx.body = { exports: Object.keys(exports), modules: files.length, missing };
      return;
    } else if ((match = /^\/__embed\/docs\/([\w.-]*)$/.exec(path))) {
      const docs = await buildDocs();
      const page = docs.pages.get(match[1] || 'index.html');
      if (page) {
        ctx.type = 'text/html';
        ctx.body = page;
        return;
      }
      if (await sendFile(ctx, docs.assets, match[1])) return;
    } else if ((match = /^\/test\/embed\/pages\/([\w-]+\.(?:html|css|js))$/.exec(path))) {
      const headers = match[1] === 'strict-csp.html' ? { 'Content-Security-Policy': strictCsp(mockOrigin()) } : {};
      if (await sendFile(ctx, resolve(root, 'test/embed/pages'), match[1], headers)) return;
    }
    return next();
  }
  const stop = () => Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  return { middleware, stop };
}
