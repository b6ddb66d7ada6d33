/**
 * How the benchmarks weigh code: esbuild bundles and minifies it as a patron's browser would get
 * it (ES2022 modules), and each file is gzipped at level 9.
 */
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifyLitLiterals } from '../scripts/minify-literals.mjs';

const root = resolve(import.meta.dirname, '..');

export interface BundledFile {
  /** The file's name as a browser would request it. */
  name: string;
  text: string;
  minified: number;
  gzip: number;
}

export interface Bundle {
  /** The module a page loads. */
  entry: BundledFile;
  /** Chunks the entry imports only when needed (dynamic `import()`), with code splitting on. */
  lazy: BundledFile[];
  /** Chunks the entry imports statically (already counted in `entry`'s sizes; served beside it). */
  shared?: BundledFile[];
}

/** Our sources as `npm run build` ships them: Lit templates minified too. */
const litLiterals: Plugin = {
  name: 'minify-lit-literals',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({ contents: minifyLitLiterals(await readFile(args.path, 'utf8')), loader: 'ts' }));
  },
};

function weigh(name: string, contents: Uint8Array, text: string): BundledFile {
  return { name, text, minified: contents.byteLength, gzip: gzipSync(contents, { level: 9 }).byteLength };
}

/** The chunks a page loads only when a vendor string holds markup: DOMPurify, set up. */
export const SANITIZER_CHUNKS = /purify|sanitizer-setup/;

/** Lit itself: left out (`external`) to weigh what an element adds to a page that already has Lit. */
export const LIT_PACKAGES = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];

/**
 * Bundles module source written inline (`contents`, resolved from the project root) or, with code
 * splitting, a module file (`entry`, relative to the project root) and the chunks it loads lazily.
 * `external` packages are left out (imported, not bundled).
 */
export async function bundle(source: { contents: string } | { entry: string }, options: { external?: string[] } = {}): Promise<Bundle> {
  const split = 'entry' in source;
  const result = await build({
    ...(split ? { entryPoints: [resolve(root, source.entry)], splitting: true, outdir: '/bundle', entryNames: 'entry', chunkNames: '[name]-[hash]' } : { stdin: { contents: source.contents, resolveDir: root, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfig: resolve(root, 'tsconfig.json'),
    external: options.external ?? [],
    plugins: [litLiterals],
  });
  const files = result.outputFiles.map((f) => weigh(f.path.split('/').pop()!, f.contents, f.text));
  if (!split) return { entry: files[0]!, lazy: [] };
  // What the entry imports statically loads with it: count it in the entry.
  const outputs = result.metafile.outputs;
  const key = (name: string) => Object.keys(outputs).find((k) => k.endsWith(`/${name}`))!;
  const eager = new Set<string>(['entry.js']);
  for (const name of eager) {
    for (const imported of outputs[key(name)]!.imports) if (imported.kind === 'import-statement' && !imported.external) eager.add(imported.path.split('/').pop()!);
  }
  const loaded = files.filter((f) => eager.has(f.name));
  const entry = loaded.find((f) => f.name === 'entry.js')!;
  const withStatic = { ...entry, minified: loaded.reduce((n, f) => n + f.minified, 0), gzip: loaded.reduce((n, f) => n + f.gzip, 0) };
  return { entry: withStatic, lazy: files.filter((f) => !eager.has(f.name)), ...(loaded.length > 1 ? { shared: loaded.filter((f) => f !== entry) } : {}) };
}
