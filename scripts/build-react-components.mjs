// `npm run build:react`: dist/react/<tag>.js, the React components (src/frameworks/react/), each
// importing its element from the built module beside it (`../<tag>.js`), so an app that renders
// <AvEventList> and a page's <script type="module" src=".../av-event-list.js"> share one copy.
// React and @lit/react are the app's own (external).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const source = resolve(root, 'src/frameworks/react');
const entryPoints = readdirSync(source)
  .filter((file) => /^(av|ticket|vista|utick)-[a-z-]+\.ts$/.test(file))
  .map((file) => resolve(source, file));

/** `../../components/<tag>/index.js` → the built `../<tag>.js`. */
const builtElements = {
  name: 'built-elements',
  setup(b) {
    b.onResolve({ filter: /[\\/]components[\\/][a-z-]+[\\/]index\.js$/ }, (args) => ({
      path: `../${/components[\\/]([a-z-]+)[\\/]index\.js$/.exec(args.path)[1]}.js`,
      external: true,
    }));
  },
};

const outdir = resolve(root, process.env.VENUE_WIDGETS_OUT_DIR ?? 'dist', 'react');
const common = { entryPoints, bundle: true, format: 'esm', minify: true, sourcemap: true, external: ['react', '@lit/react'], logLevel: 'warning' };

// For browsers: the element comes from its built module.
await build({ ...common, outdir, target: 'es2022', plugins: [builtElements] });

// For server rendering (the `node` condition of `venue-widgets/react/<tag>`): the built modules
// carry Lit's browser build, which needs a DOM, so the server gets each element bundled with
// Lit's Node build (its DOM shims): importing a component during server rendering never throws,
// and the page draws the element once it runs in the browser.
await build({ ...common, outdir: resolve(outdir, 'server'), platform: 'node', target: 'node20', conditions: ['node'], sourcemap: false });

console.log(`React components: ${entryPoints.length} modules in dist/react/ (and dist/react/server/ for server rendering)`);
