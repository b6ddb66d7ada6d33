/**
 * <ticket-scanner>'s camera, measured against the usual web scanners in the same run:
 * - size: the scanner's JavaScript without the decoder (the `ticket-scanner` entry with Lit; the
 *   chunks it loads later listed apart) against html5-qrcode bundled the same way, and the
 *   decoder's own cost (its chunks, the worker and the wasm, gzip -9);
 * - decode time per 640×480 frame in headless Chromium (no native BarcodeDetector there, so the
 *   zxing-wasm path), QR, Code 128, PDF417 and Aztec, on the SAME frames for every reader: 36 per
 *   symbology, the code at different sizes and places, a little turned, with noise and some blur.
 *   Ours through the decoder module the element uses (`openDecoder`: a frame in as the camera
 *   hands it over, a WebCodecs VideoFrame, its making timed; through the worker, the codes out;
 *   and, for browsers that cannot send one, through `createImageBitmap`), each frame read as a ticket
 *   arriving in an empty view (the first code taken, as the peers take it), and again as if a ticket
 *   were already in view (the reader then also looks for a second one held beside it);
 *   @zxing/library (ZXing's JavaScript port,
 *   TRY_HARDER) and jsQR (QR only) on the frame's ImageData, which they are handed for free.
 *   For reference, not in the table: zxing-wasm in one hard pass looking for every code (what the
 *   barcode-detector ponyfill did before), and how many frames each of our passes reads alone.
 *
 * `npx tsx bench/decoder.ts` runs it alone.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundle, type BundledFile } from './bundle.js';
import { openBenchBrowser } from './browser.js';

const root = resolve(import.meta.dirname, '..');
const FRAMES = 36;
const WARM_UP = 3;
/**
 * Each reader reads each frame this many times (interleaved with the others) and its best time
 * counts: on a shared machine a single try mostly measures the scheduler (a worker's reply waits
 * for a free core). The first tries are printed too.
 */
const TRIES = Number(process.env.DECODE_TRIES ?? 3);
const WASM = readFileSync(resolve(root, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (files: readonly BundledFile[]) => files.reduce((sum, f) => sum + f.gzip, 0);
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/**
 * The page: draws the frames (bwip-js), then times each reader on each frame, in a shuffled order so
 * warm-up and machine noise fall on all alike.
 */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><script type="module">
  const { toCanvas } = await import('/bwip.js');
  const jsQR = (await import('/jsqr.js')).default;
  const ZX = await import('/zxing-js.js');
  const ours = await import('/ours/entry.js');
  const oursReader = await import('/ours-reader/entry.js');
  const ZW = await import('/zxing-wasm.js');
  ZW.prepareZXingModule({ overrides: { locateFile: () => '/zxing_reader.wasm' } });

  // A fixed seed: every run draws the same frames.
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

  // A ticket at a door's distance: QR modules 3–6 px, Code 128 bars 2–4 px wide, PDF417 modules
  // 2–3 px, Aztec and Data Matrix modules 3–5 px.
  const SCALE = { qrcode: (i) => 3 + (i % 4), code128: (i) => 2 + (i % 3), pdf417: (i) => 2 + (i % 2), azteccode: (i) => 3 + (i % 3) };

  function frame(bcid, text, i) {
    const canvas = document.createElement('canvas');
    canvas.width = 640; canvas.height = 480;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 640, 480);
    const symbol = document.createElement('canvas');
    toCanvas(symbol, { bcid, text, scale: SCALE[bcid](i), height: 10 + (i % 3) * 3, paddingwidth: 8, paddingheight: 8, backgroundcolor: 'ffffff' });
    // A hand holds a ticket: anywhere in the frame, a little turned, sometimes out of focus.
    const x = random() * Math.max(0, 640 - symbol.width);
    const y = random() * Math.max(0, 480 - symbol.height);
    ctx.save();
    ctx.translate(x + symbol.width / 2, y + symbol.height / 2);
    ctx.rotate(((random() - 0.5) * 10 * Math.PI) / 180);
    if (i % 4 === 3) ctx.filter = 'blur(0.8px)';
    ctx.drawImage(symbol, -symbol.width / 2, -symbol.height / 2);
    ctx.restore();
    // Sensor noise and a dim foyer: every pixel jittered by up to ±12, the whole frame a little grey.
    const image = ctx.getImageData(0, 0, 640, 480);
    const d = image.data;
    for (let p = 0; p < d.length; p += 4) {
      const n = (random() - 0.5) * 24 - 20;
      d[p] = Math.max(0, Math.min(255, d[p] + n));
      d[p + 1] = Math.max(0, Math.min(255, d[p + 1] + n));
      d[p + 2] = Math.max(0, Math.min(255, d[p + 2] + n));
    }
    ctx.putImageData(image, 0, 0);
    // The same frame as a phone's camera delivers it: I420 (luminance, then quarter-size colour planes),
    // made here untimed; the luminance weighed as zxing-wasm weighs RGB (BT.601), the colour neutral.
    const i420 = new Uint8Array(640 * 480 * 1.5).fill(128);
    for (let p = 0, q = 0; q < 640 * 480; p += 4, q++) i420[q] = (306 * d[p] + 601 * d[p + 1] + 117 * d[p + 2] + 512) >> 10;
    return { canvas, image, i420, text };
  }

  // (sorted ascending; p95 of 36 samples is the 35th)
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const stats = (samples) => { const s = [...samples].sort((a, b) => a - b); return { p50: percentile(s, 50), p95: percentile(s, 95) }; };

  const ZX_FORMATS = [ZX.BarcodeFormat.QR_CODE, ZX.BarcodeFormat.CODE_128, ZX.BarcodeFormat.PDF_417, ZX.BarcodeFormat.AZTEC, ZX.BarcodeFormat.DATA_MATRIX];
  const formats = ['qr_code', 'code_128', 'pdf417', 'aztec', 'data_matrix'];
  const wasm = { url: new URL('/zxing_reader.wasm', location.href).href, module: await ours.compileReader(new URL('/zxing_reader.wasm', location.href).href) };
  const pageReader = await oursReader.zxingReader(formats, wasm);
  const passReaders = {
    quick: await oursReader.zxingReader(formats, wasm, ['quick']),
    linear: await oursReader.zxingReader(formats, wasm, ['linear']),
    thorough: await oursReader.zxingReader(formats, wasm, ['thorough']),
  };

  // The readers' order, shuffled with a seed of its own (the frames' seed draws the same frames).
  let orderSeed = 54321;
  const shuffled = (names) => {
    const out = [...names];
    for (let k = out.length - 1; k > 0; k--) {
      orderSeed = (Math.imul(orderSeed, 1103515245) + 12345) >>> 0;
      const m = Math.floor((orderSeed / 2 ** 32) * (k + 1));
      [out[k], out[m]] = [out[m], out[k]];
    }
    return out;
  };

  window.bench = async (bcid, count, warmUp, tries) => {
    const frames = [];
    for (let i = 0; i < count; i++) frames.push(frame(bcid, 'AV' + String(100000000000 + i * 7919 + (bcid === 'qrcode' ? 0 : 1)), i));
    // The element's default formats, for every reader.
    const worker = await ours.openDecoder({ formats, wasmUrl: '/zxing_reader.wasm', ponyfill: true });
    const zxing = new ZX.MultiFormatReader();
    zxing.setHints(new Map([[ZX.DecodeHintType.POSSIBLE_FORMATS, ZX_FORMATS], [ZX.DecodeHintType.TRY_HARDER, true]]));
    // Each frame is a ticket arriving in an empty view, as at a door (the peers, too, look for one
    // code); \`oursInView\` reads the same frames as if a ticket were already in view, when the reader
    // also looks for a second one held beside it.
    const arriving = { inView: false };
    const cameraFrame = (f) => (typeof VideoFrame === 'function' ? new VideoFrame(f.i420, { format: 'I420', codedWidth: 640, codedHeight: 480, timestamp: 0 }) : f.canvas);
    const contenders = {
      // As the element's camera hands it over: the frame taken as a WebCodecs VideoFrame (its making
      // timed too), read in the worker straight from its pixels; bitmaps where a browser has no VideoFrame.
      ours: async (f) => (await worker.decode(cameraFrame(f), arriving))[0],
      oursInView: async (f) => (await worker.decode(cameraFrame(f), { inView: true }))[0],
      // A canvas's stream (the frame-to-verdict bench's camera): RGBA pixels, weighed in the worker.
      oursCanvasFrame: async (f) => (await worker.decode(typeof VideoFrame === 'function' ? new VideoFrame(f.canvas, { timestamp: 0 }) : f.canvas, arriving))[0],
      // The path of a browser that cannot send a VideoFrame to a worker: createImageBitmap on the page first.
      oursBitmap: async (f) => (await worker.decode(f.canvas, arriving))[0],
      // The same reader on the page, handed the ImageData as the peers are: no worker hop.
      oursPage: async (f) => (await pageReader.read(f.image, arriving))[0],
      zxing: async (f) => {
        try {
          const source = new ZX.RGBLuminanceSource(new Int32Array(f.image.data.buffer), 640, 480);
          return zxing.decodeWithState(new ZX.BinaryBitmap(new ZX.HybridBinarizer(source))).getText();
        } catch { return undefined; }
      },
      // The reader as the barcode-detector ponyfill used it: every code, every format, the hard settings.
      onePass: async (f) => (await ZW.readBarcodes(f.image, { formats: ['QRCode', 'Code128', 'PDF417', 'Aztec', 'DataMatrix'] }))[0]?.text,
    };
    if (bcid === 'qrcode') contenders.jsqr = async (f) => jsQR(f.image.data, 640, 480)?.data;
    const names = Object.keys(contenders);
    const first = Object.fromEntries(names.map((n) => [n, []]));
    const best = Object.fromEntries(names.map((n) => [n, []]));
    const read = Object.fromEntries(names.map((n) => [n, 0]));
    for (let i = 0; i < warmUp; i++) for (const n of names) await contenders[n](frames[i % frames.length]);
    for (let i = 0; i < frames.length; i++) {
      const times = Object.fromEntries(names.map((n) => [n, []]));
      let text = {};
      for (let t = 0; t < tries; t++) {
        // A new order each time: no reader always follows the same one (the one before warms the caches).
        const order = shuffled(names);
        for (const n of order) {
          const started = performance.now();
          text[n] = await contenders[n](frames[i]);
          times[n].push(performance.now() - started);
        }
      }
      for (const n of names) {
        first[n].push(times[n][0]);
        best[n].push(Math.min(...times[n]));
        if (text[n] === frames[i].text) read[n]++;
      }
    }
    worker.close();
    // Which pass would read each frame on its own (untimed).
    const byPass = {};
    for (const [pass, reader] of Object.entries(passReaders)) {
      byPass[pass] = 0;
      for (const f of frames) if ((await reader.read(f.image, { inView: false }))[0] === f.text) byPass[pass]++;
    }
    return {
      rows: Object.fromEntries(names.map((n) => [n, { ...stats(best[n]), read: read[n], of: frames.length }])),
      firstTry: Object.fromEntries(names.map((n) => [n, { ...stats(first[n]), read: read[n], of: frames.length }])),
      byPass,
    };
  };
  window.ready = true;
</script></body></html>`;

export async function benchDecoder(): Promise<void> {
  const [scanner, worker, decoderAlone, readerAlone, html5qrcode, jsqr, zxingJs, bwip, zxingWasm] = await Promise.all([
    bundle({ entry: 'src/components/ticket-scanner/index.ts' }),
    bundle({ entry: 'src/components/ticket-scanner/camera/barcode-decoder.worker.ts' }),
    bundle({ entry: 'src/components/ticket-scanner/camera/barcode-decoder.ts' }),
    bundle({ entry: 'src/components/ticket-scanner/camera/barcode-decoder.zxing.ts' }),
    bundle({ contents: `export * from 'html5-qrcode';` }),
    bundle({ contents: `export { default } from 'jsqr';` }),
    bundle({ contents: `export { MultiFormatReader, BinaryBitmap, HybridBinarizer, RGBLuminanceSource, DecodeHintType, BarcodeFormat } from '@zxing/library';` }),
    bundle({ contents: `export { toCanvas } from 'bwip-js/browser';` }),
    bundle({ contents: `export { readBarcodes, prepareZXingModule } from 'zxing-wasm/reader';` }),
  ]);

  // 1. Size
  const decoderChunks = scanner.lazy.filter((f) => /^barcode-decoder/.test(f.name));
  const loaderChunk = decoderChunks.filter((f) => !/zxing/.test(f.name));
  const wasmGzip = gzipSync(WASM, { level: 9 }).byteLength;
  const withoutDecoder = scanner.entry.gzip;
  console.log('<ticket-scanner> camera: size, minified, gzip -9');
  console.log(`  ticket-scanner module with Lit, camera included, decoder not   ${kb(withoutDecoder).padStart(9)}   goal ≤ 45 KB: ${met(withoutDecoder <= 45 * 1024)}`);
  for (const f of scanner.lazy.filter((f) => !/^barcode-decoder/.test(f.name))) console.log(`    + later, when needed: ${f.name.padEnd(42)} ${kb(f.gzip).padStart(9)}`);
  console.log(`  html5-qrcode (peer; its JavaScript decoder inside)               ${kb(html5qrcode.entry.gzip).padStart(9)}   ratio ours / html5-qrcode ${(withoutDecoder / html5qrcode.entry.gzip).toFixed(2)}`);
  console.log('  the decoder, loaded when the camera first opens:');
  console.log(`    decoder module (native BarcodeDetector: all a browser with one loads)  ${kb(gz(loaderChunk)).padStart(9)}`);
  console.log(`    + worker with zxing-wasm's reader and our passes                     ${kb(worker.entry.gzip).padStart(9)}`);
  console.log(`    + zxing_reader.wasm (${kb(WASM.byteLength)} raw)                             ${kb(wasmGzip).padStart(9)}`);
  const wasmPathTotal = gz(loaderChunk) + worker.entry.gzip + wasmGzip;
  console.log(`    zxing-wasm path in all: ${kb(wasmPathTotal)}; everything a browser without BarcodeDetector loads with the scanner: ${kb(withoutDecoder + wasmPathTotal)} (html5-qrcode ${kb(html5qrcode.entry.gzip)})`);
  console.log(`  peers on the decode timing below: jsQR ${kb(jsqr.entry.gzip)}, @zxing/library (reader classes) ${kb(zxingJs.entry.gzip)}`);

  // 2. Decode time per frame
  const serve = (files: BundledFile[], path: string) => files.find((f) => path === `/${f.name}`);
  const js = (body: string) => ({ type: 'text/javascript', body });
  const { origin, browser, close } = await openBenchBrowser((url) => {
    const path = url.pathname;
    if (path === '/') return { type: 'text/html', body: PAGE };
    if (path === '/bwip.js') return js(bwip.entry.text);
    if (path === '/jsqr.js') return js(jsqr.entry.text);
    if (path === '/zxing-js.js') return js(zxingJs.entry.text);
    if (path === '/zxing-wasm.js') return js(zxingWasm.entry.text);
    if (path === '/zxing_reader.wasm') return { type: 'application/wasm', body: WASM };
    // The decoder starts its worker beside itself, by its source name (as in development).
    if (path === '/ours/barcode-decoder.worker.ts') return js(worker.entry.text);
    if (path.startsWith('/ours/')) {
      const file = path === '/ours/entry.js' ? decoderAlone.entry : serve([...decoderAlone.lazy, ...(decoderAlone.shared ?? [])], path.slice(5));
      return file && js(file.text);
    }
    if (path.startsWith('/ours-reader/')) {
      const file = path === '/ours-reader/entry.js' ? readerAlone.entry : serve([...readerAlone.lazy, ...(readerAlone.shared ?? [])], path.slice(12));
      return file && js(file.text);
    }
    return undefined;
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('  page error:', error));
    await page.goto(origin, { waitUntil: 'load' });
    await page.waitForFunction('window.ready === true', { timeout: 60_000 });
    type Row = { p50: number; p95: number; read: number; of: number };
    type Rows = Record<'ours' | 'oursInView' | 'oursCanvasFrame' | 'oursBitmap' | 'oursPage' | 'zxing' | 'onePass' | 'jsqr', Row | undefined>;
    type Result = { rows: Rows; firstTry: Rows; byPass: Record<string, number> };
    const symbologies = [
      ['qrcode', 'QR'],
      ['code128', 'Code 128'],
      ['pdf417', 'PDF417'],
      ['azteccode', 'Aztec'],
    ] as const;
    const results: Array<{ label: string; result: Result }> = [];
    const cell = (row: Row | undefined) => (row ? `${row.p50.toFixed(1)} / ${row.p95.toFixed(1)} ms, read ${row.read}/${row.of}` : '—');
    for (const [bcid, label] of symbologies) {
      const result = (await page.evaluate((b, n, w, t) => (window as any).bench(b, n, w, t), bcid, FRAMES, WARM_UP, TRIES)) as Result;
      results.push({ label, result });
      const { ours, oursInView, oursCanvasFrame, oursBitmap, oursPage, zxing, onePass, jsqr } = result.rows;
      console.log(`\n  ${label}: decode time per 640×480 frame, ${FRAMES} frames (sizes, places, turns, noise, some blur), headless Chromium, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
      const line = (name: string, row: Row | undefined) =>
        row && console.log(`    ${name.padEnd(70)} p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  read ${String(row.read).padStart(2)}/${row.of}${row === ours ? '' : `   ours / it: p50 ${(ours!.p50 / row.p50).toFixed(2)}, p95 ${(ours!.p95 / row.p95).toFixed(2)}`}`);
      line('ours: decoder module (a camera\'s I420 VideoFrame → worker → code)', ours);
      line('ours: decoder module, a ticket already in view (a second one looked for)', oursInView);
      line('ours: decoder module, a canvas\'s RGBA VideoFrame (weighed in the worker)', oursCanvasFrame);
      line('ours: decoder module, bitmaps (frame → createImageBitmap → worker)', oursBitmap);
      line('ours: the same reader on the page, on the ImageData (as the peers)', oursPage);
      line('@zxing/library (peer, TRY_HARDER, on the ImageData)', zxing);
      line('jsQR (peer, QR only, on the ImageData)', jsqr);
      line('(reference) zxing-wasm, one hard pass for every code (the old ponyfill way)', onePass);
      const firstTry = (name: string, row: Row | undefined) => row && `${name} ${row.p50.toFixed(1)} / ${row.p95.toFixed(1)} ms`;
      console.log(`    first tries alone, p50 / p95: ${[firstTry('ours', result.firstTry.ours), firstTry('@zxing/library', result.firstTry.zxing), firstTry('jsQR', result.firstTry.jsqr)].filter(Boolean).join(', ')}`);
      console.log(`    each of our passes alone reads: quick ${result.byPass.quick}/${FRAMES}, linear ${result.byPass.linear}/${FRAMES}, thorough ${result.byPass.thorough}/${FRAMES}`);
      const peers = [zxing, jsqr].filter((row): row is Row => !!row);
      const ahead = peers.every((peer) => ours!.p50 < peer.p50 && ours!.p95 < peer.p95 && ours!.read >= peer.read);
      const aheadOnPage = peers.every((peer) => oursPage!.p50 < peer.p50 && oursPage!.p95 < peer.p95 && oursPage!.read >= peer.read);
      console.log(`    goal ours p50 and p95 below every peer's, at least as many frames read: decoder module ${met(ahead)}, reader on the ImageData ${met(aheadOnPage)}${label === 'Code 128' ? `; ≥ 35/${FRAMES} read: ${met(ours!.read >= 35)}` : ''}`);
    }
    console.log(`\n  Decode table (p50 / p95 per 640×480 frame, each frame's best of ${TRIES} tries; frames read of ${FRAMES}; one run, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores):\n`);
    console.log('  | 640×480 frame | ours, decoder module (worker), a ticket arriving | ours, the same with a ticket already in view | ours, reader on the ImageData | @zxing/library | jsQR |');
    console.log('  |---|---|---|---|---|---|');
    for (const { label, result } of results) console.log(`  | ${label} | ${cell(result.rows.ours)} | ${cell(result.rows.oursInView)} | ${cell(result.rows.oursPage)} | ${cell(result.rows.zxing)} | ${cell(result.rows.jsqr)} |`);
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDecoder();
