/**
 * `npm run build`: ships the camera's barcode reader on the venue's own origin, beside the
 * decoder chunk (src/components/ticket-scanner/camera/barcode-decoder.ts):
 * - zxing-wasm's reader (`zxing_reader.wasm`, for browsers without a native BarcodeDetector);
 * - the decoder worker, as an ES module chunk that shares zxing-wasm's chunk with the page.
 *
 * The decoder finds both with `new URL(PATH, import.meta.url)`, paths that work in development
 * (Vite's dev server, the test runner). Vite's library mode would inline a literal `new URL()`
 * asset as base64 (1 MB more JavaScript) and give a literal worker URL a path from the site's
 * root, so the decoder keeps the paths in variables, and this plugin rewrites them. The build
 * fails if the wasm is not the one zxing-wasm's glue code was built for.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { ZXING_WASM_SHA256 } from 'zxing-wasm/reader';

const DECODER = /[\\/]ticket-scanner[\\/]camera[\\/]barcode-decoder\.ts$/;
const WORKER = /[\\/]ticket-scanner[\\/]camera[\\/]barcode-decoder\.worker\.ts$/;
/** The declarations, as written or as TypeScript compiled them (either quotes). */
const WASM_DECLARATION = /const READER_WASM_PATH = (['"])([^'"]+)\1;?/;
const WORKER_DECLARATION = /const WORKER_PATH = (['"])([^'"]+)\1;?/;
const WASM_FILE = 'zxing_reader.wasm';
/** Stands for the worker chunk's path until chunk names are known. */
const WORKER_PLACEHOLDER = '__BARCODE_DECODER_WORKER__';

/** @returns {import('vite').Plugin} */
export function zxingWasmPlugin() {
  /** @type {Buffer | undefined} */
  let wasm;
  /** @type {string | undefined} */
  let workerRef;
  return {
    name: 'zxing-wasm-beside-decoder',
    apply: 'build',
    transform(code, id) {
      if (!DECODER.test(id)) return null;
      const wasmPath = WASM_DECLARATION.exec(code)?.[2];
      const workerPath = WORKER_DECLARATION.exec(code)?.[2];
      if (!wasmPath || !workerPath) this.error(`${id}: READER_WASM_PATH or WORKER_PATH not found; the camera's reader would not be shipped`);
      wasm = readFileSync(resolve(dirname(id), wasmPath));
      const sha256 = createHash('sha256').update(wasm).digest('hex');
      if (sha256 !== ZXING_WASM_SHA256) this.error(`${wasmPath} (sha256 ${sha256}) is not the wasm zxing-wasm's reader expects (${ZXING_WASM_SHA256})`);
      workerRef = this.emitFile({ type: 'chunk', id: resolve(dirname(id), workerPath), name: 'barcode-decoder.worker' });
      return {
        code: code.replace(WASM_DECLARATION, `const READER_WASM_PATH = './${WASM_FILE}';`).replace(WORKER_DECLARATION, `const WORKER_PATH = '${WORKER_PLACEHOLDER}';`),
        map: null,
      };
    },
    generateBundle(_options, bundle) {
      if (!wasm || !workerRef) return;
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const decoder = chunks.find((chunk) => chunk.moduleIds.some((id) => DECODER.test(id)));
      const worker = chunks.find((chunk) => chunk.facadeModuleId && WORKER.test(chunk.facadeModuleId));
      if (!decoder || !worker || !decoder.code.includes(WORKER_PLACEHOLDER)) this.error('the decoder or its worker chunk is missing from the bundle');
      // A worker has no DOM: the chunks it imports must hold only the reader, never page code a
      // bundler moved there (Lit, the element).
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const pending = [...worker.imports];
      for (const name of pending) {
        const chunk = byName.get(name);
        const foreign = chunk?.moduleIds.find((id) => !/zxing-wasm|[\\/]barcode-decoder[.\w]*\.ts$|^\0/.test(id));
        if (foreign) this.error(`the decoder worker would load ${name}, which holds ${foreign}`);
        for (const next of chunk?.imports ?? []) if (!pending.includes(next)) pending.push(next);
      }
      const here = posix.dirname(decoder.fileName);
      const workerPath = posix.relative(here, worker.fileName);
      decoder.code = decoder.code.replace(WORKER_PLACEHOLDER, workerPath.startsWith('.') ? workerPath : `./${workerPath}`);
      this.emitFile({ type: 'asset', fileName: posix.join(here, WASM_FILE), source: wasm });
    },
  };
}
