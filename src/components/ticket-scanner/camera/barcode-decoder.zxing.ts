/**
 * zxing-wasm's reader (ZXing-C++), for browsers without a native `BarcodeDetector` that reads
 * every wanted format (Firefox, Safari, desktop Chrome on Linux and Windows). Runs in the decoder
 * worker, or on the page where a worker cannot take video frames. The wasm arrives already
 * compiled (`compileReader` in barcode-decoder.ts), so nothing here fetches anything.
 *
 * A frame is read in up to three passes, each only when the ones before found nothing, each
 * stopping at the first code it finds:
 * 1. `quick`: the frame at half size (each 2×2 block averaged: a quarter of the pixels, and less
 *    sensor noise), every wanted format, every row. Most tickets held to a camera are read here,
 *    in about a millisecond. While codes are in view (the frame before had one) it looks for up
 *    to four, so a second ticket held beside the first is read too; a ticket arriving in an
 *    empty view is read at the first code found, soonest.
 * 2. `linear` (only when a 1D format is wanted): a strip made for bar codes. Rows are averaged
 *    eight at a time (along the bars, so noise fades and edges stay), each row is sharpened
 *    (undoing the focus blur that merges 2 px bars and spaces) and stretched 2× (edges at half a
 *    pixel), and every row of the strip is scanned. It reads small, soft Code 128 that ZXing's
 *    own hardest settings miss.
 * 3. `thorough`: the full frame with ZXing's own hard settings (every row, rotated, inverted,
 *    downscaled): codes held sideways or upside down, tiny, or light on dark.
 */
import {
  BINARIZERS,
  TEXT_MODES,
  defaultReaderOptions,
  encodeFormats,
  prepareZXingModule,
  purgeZXingModule,
  type ReadInputBarcodeFormat,
  type ReaderOptions,
  type ZXingReaderModule,
  type ZXingReaderOptions,
} from 'zxing-wasm/reader';

/** The wasm of zxing-wasm's reader: where it was fetched from, and compiled. */
export interface ReaderWasm {
  url: string;
  module: WebAssembly.Module;
}

/** What the element needs of a reader: the texts of the codes in an image. */
export interface CodeReader {
  /** `thorough: false` leaves the hard pass out (the camera's loop, on most frames without a code). */
  read(image: ImageBitmapSource | ImageData, options?: ReadOptions): Promise<string[]>;
}

export interface ReadOptions {
  /** Run the hard pass when the cheap ones find nothing (default true). */
  thorough?: boolean;
  /**
   * Codes were in view in the frame before (the quick pass then looks for several). Default: the
   * frame this reader read before; the camera says it, since its frames go to more than one reader.
   */
  inView?: boolean;
}

export type ReadPass = 'quick' | 'linear' | 'thorough';
export const READ_PASSES: readonly ReadPass[] = ['quick', 'linear', 'thorough'];

/** The element's format names (BarcodeDetector's) as ZXing-C++ names them. */
const ZXING_FORMATS: Record<string, ReadInputBarcodeFormat> = {
  aztec: 'Aztec',
  code_128: 'Code128',
  code_39: 'Code39',
  code_93: 'Code93',
  codabar: 'Codabar',
  data_matrix: 'DataMatrix',
  ean_13: 'EAN13',
  ean_8: 'EAN8',
  itf: 'ITF',
  pdf417: 'PDF417',
  qr_code: 'QRCode',
  upc_a: 'UPCA',
  upc_e: 'UPCE',
};
const LINEAR_FORMATS = new Set(['code_128', 'code_39', 'code_93', 'codabar', 'ean_13', 'ean_8', 'itf', 'upc_a', 'upc_e']);

/** How many codes the quick pass looks for while codes are in view (tickets held up together). */
const CODES_IN_VIEW = 4;
/** Rows averaged into one by the linear pass, and how far its sharpening looks (in stretched pixels). */
const LINEAR_ROWS = 8;
const SHARPEN_RADIUS = 4;

/**
 * A reader for `formats` (the element's names). `passes` narrows the passes (tests and the
 * benchmark use it to show what each one reads); by default all three.
 */
export async function zxingReader(formats: readonly string[], wasm: ReaderWasm, passes: readonly ReadPass[] = READ_PASSES): Promise<CodeReader> {
  let zxing: ZXing;
  try {
    // Our own wasm, already compiled: zxing-wasm's default `locateFile` points at a CDN (jsDelivr),
    // which we never use.
    zxing = (await prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm.url : prefix + path),
        instantiateWasm: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
          void WebAssembly.instantiate(wasm.module, imports).then((instance) => receive(instance, wasm.module));
          return {};
        },
      },
      fireImmediately: true,
    })) as ZXing;
  } catch (error) {
    purgeZXingModule(); // a failed start is not cached: the next opening tries again
    throw error;
  }
  const all = formats.map((name) => ZXING_FORMATS[name]).filter((name): name is ReadInputBarcodeFormat => !!name);
  const linear = formats.filter((name) => LINEAR_FORMATS.has(name)).map((name) => ZXING_FORMATS[name]!);
  // Every row scanned (tryHarder), nothing turned, inverted or downscaled: those are the thorough pass's.
  const cheap: ReaderOptions = { tryHarder: true, tryRotate: false, tryInvert: false, tryDownscale: false };
  const plan: Array<{ pass: ReadPass; options: ZXingReaderOptions; inView?: ZXingReaderOptions }> = [];
  if (passes.includes('quick')) plan.push({ pass: 'quick', options: zxingOptions({ ...cheap, formats: all, maxNumberOfSymbols: 1 }), inView: zxingOptions({ ...cheap, formats: all, maxNumberOfSymbols: CODES_IN_VIEW }) });
  if (passes.includes('linear') && linear.length) plan.push({ pass: 'linear', options: zxingOptions({ ...cheap, formats: linear, maxNumberOfSymbols: 1 }) });
  if (passes.includes('thorough')) plan.push({ pass: 'thorough', options: zxingOptions({ formats: all, maxNumberOfSymbols: 1 }) });
  const images = new FrameImages(zxing);
  let codesInView = false;
  return {
    async read(image, { thorough = true, inView = codesInView } = {}) {
      if (!all.length) return [];
      if (!(await images.loadLuminance(image))) images.load(await pixelsOf(image));
      let texts: string[] = [];
      for (const { pass, options, inView: several } of plan) {
        if (pass === 'thorough' && !thorough) break;
        texts = images.read(pass === 'quick' ? images.half() : pass === 'linear' ? images.linear() : images.full(), inView && several ? several : options);
        if (texts.length) break;
      }
      codesInView = texts.length > 0;
      return texts;
    },
  };
}

/** zxing-wasm's own conversion of options, which its `readBarcodes` applies on every call. */
function zxingOptions(options: ReaderOptions): ZXingReaderOptions {
  const merged = { ...defaultReaderOptions, ...options };
  return {
    ...merged,
    formats: encodeFormats(merged.formats),
    binarizer: BINARIZERS.indexOf(merged.binarizer),
    eanAddOnSymbol: 0, // Ignore
    textMode: TEXT_MODES.indexOf(merged.textMode),
    characterSet: 0, // Unknown: guessed
    tryCode39ExtendedMode: true,
  };
}

/** VideoFrame layouts whose first plane is the luminance, a byte per pixel (what cameras give). */
const Y_PLANE_FORMATS: ReadonlySet<string> = new Set(['I420', 'I420A', 'I422', 'I444', 'NV12']);
/** Where red, green and blue are in each 4-byte pixel of VideoFrame's RGB layouts (a canvas's stream). */
const RGB_ORDER: Readonly<Record<string, readonly [number, number, number]>> = { RGBA: [0, 1, 2], RGBX: [0, 1, 2], BGRA: [2, 1, 0], BGRX: [2, 1, 0] };

/** Whether a VideoFrame of this layout is read straight from its planes (else it is drawn first, slowly). */
export const readableLayout = (format: string | null): boolean => !!format && (Y_PLANE_FORMATS.has(format) || format in RGB_ORDER);

/** The Emscripten side of the module (its typings come from @types/emscripten, not installed). */
type ZXing = ZXingReaderModule & { _malloc(size: number): number; _free(pointer: number): void; HEAPU8: Uint8Array };

interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * One frame as the passes see it: its luminance at full size, and the half-size and linear
 * images made from it on demand. Buffers are kept from frame to frame (a camera's frames are
 * all one size), in JavaScript and in the wasm's memory.
 */
class FrameImages {
  private gray: Gray = { data: new Uint8Array(0), width: 0, height: 0 };
  private halfImage?: Gray;
  private linearImage?: Gray;
  private halfBuffer = new Uint8Array(0);
  private linearBuffer = new Uint8Array(0);
  private row = new Int32Array(0);
  private stretched = new Float32Array(0);
  private sums = new Float64Array(0);
  private frameBuffer = new Uint8Array(0);
  private pointer = 0;
  private capacity = 0;

  constructor(private readonly zxing: ZXing) {}

  /** Luminance as zxing-wasm computes it (ITU-R BT.601 weights), into a buffer kept across frames. */
  load({ data, width, height }: ImageData): void {
    this.frame(width, height);
    this.weigh(data, 0, width * 4, [0, 1, 2]);
  }

  /**
   * A VideoFrame's luminance, copied out of the frame as it is, with no drawing in between: a
   * camera's YUV layouts (I420, NV12) carry it as their first plane; RGB ones (a canvas's stream)
   * are weighed as `load` does. False for a frame of another kind, or of no readable layout.
   */
  async loadLuminance(image: unknown): Promise<boolean> {
    if (typeof VideoFrame !== 'function' || !(image instanceof VideoFrame) || !readableLayout(image.format)) return false;
    const size = image.allocationSize();
    if (this.frameBuffer.length < size) this.frameBuffer = new Uint8Array(size);
    const [plane] = await image.copyTo(this.frameBuffer);
    const { offset, stride } = plane!;
    const { width, height } = image.visibleRect ?? { width: image.displayWidth, height: image.displayHeight };
    const rgb = RGB_ORDER[image.format!];
    // A camera's luminance plane, its rows unpadded, is read where the copy put it: no second copy.
    if (!rgb && stride === width) {
      this.frame(width, height, this.frameBuffer.subarray(offset, offset + width * height));
      return true;
    }
    const gray = this.frame(width, height);
    if (rgb) this.weigh(this.frameBuffer, offset, stride, rgb);
    else for (let y = 0; y < height; y++) gray.set(this.frameBuffer.subarray(offset + y * stride, offset + y * stride + width), y * width);
    return true;
  }

  /**
   * The full-size luminance buffer for a new frame of this size (the images made from the last one
   * dropped): `plane` when given, else a buffer of its own (never the frame's copy, which it is made from).
   */
  private frame(width: number, height: number, plane?: Uint8Array): Uint8Array {
    if (plane) this.gray.data = plane;
    else if (this.gray.data.length !== width * height || this.gray.data.buffer === this.frameBuffer.buffer) this.gray.data = new Uint8Array(width * height);
    this.gray.width = width;
    this.gray.height = height;
    this.halfImage = undefined;
    this.linearImage = undefined;
    return this.gray.data;
  }

  /** 4-byte pixels, rows `stride` bytes apart from `offset`, weighed into the frame's luminance (BT.601, as zxing-wasm does). */
  private weigh(from: Uint8Array | Uint8ClampedArray, offset: number, stride: number, [r, g, b]: readonly [number, number, number]): void {
    const { data: gray, width, height } = this.gray;
    for (let y = 0, i = 0; y < height; y++) {
      for (let x = 0, p = offset + y * stride; x < width; x++, i++, p += 4) gray[i] = (306 * from[p + r]! + 601 * from[p + g]! + 117 * from[p + b]! + 512) >> 10;
    }
  }

  full(): Gray {
    return this.gray;
  }

  half(): Gray {
    if (this.halfImage) return this.halfImage;
    const { data: g, width, height } = this.gray;
    const w = width >> 1;
    const h = height >> 1;
    if (this.halfBuffer.length !== w * h) this.halfBuffer = new Uint8Array(w * h);
    const out = this.halfBuffer;
    for (let y = 0; y < h; y++) {
      let a = 2 * y * width;
      let b = a + width;
      let o = y * w;
      for (let x = 0; x < w; x++, a += 2, b += 2, o++) out[o] = (g[a]! + g[a + 1]! + g[b]! + g[b + 1]! + 2) >> 2;
    }
    return (this.halfImage = { data: out, width: w, height: h });
  }

  linear(): Gray {
    if (this.linearImage) return this.linearImage;
    const { data: g, width, height } = this.gray;
    const h = Math.floor(height / LINEAR_ROWS);
    const w = width * 2;
    if (this.linearBuffer.length !== w * h) this.linearBuffer = new Uint8Array(w * h);
    if (this.row.length !== width) this.row = new Int32Array(width);
    if (this.stretched.length !== w) {
      this.stretched = new Float32Array(w);
      this.sums = new Float64Array(w + 1);
    }
    const { row, stretched: up, sums, linearBuffer: out } = this;
    const scale = 1 / (4 * LINEAR_ROWS);
    for (let y = 0; y < h; y++) {
      // The band's rows, summed column by column.
      row.fill(0);
      for (let r = y * LINEAR_ROWS, end = r + LINEAR_ROWS; r < end; r++) for (let x = 0, i = r * width; x < width; x++, i++) row[x]! += g[i]!;
      // Stretched 2× (linear interpolation at ±¼ pixel), with running sums for the local mean.
      for (let x = 0; x < width; x++) {
        const here = 3 * row[x]!;
        up[2 * x] = (here + row[x > 0 ? x - 1 : 0]!) * scale;
        up[2 * x + 1] = (here + row[x < width - 1 ? x + 1 : x]!) * scale;
      }
      for (let x = 0; x < w; x++) sums[x + 1] = sums[x]! + up[x]!;
      // Unsharp mask: each pixel pushed away from the mean of its neighbourhood.
      for (let x = 0, o = y * w; x < w; x++, o++) {
        const lo = Math.max(0, x - SHARPEN_RADIUS);
        const hi = Math.min(w, x + SHARPEN_RADIUS + 1);
        const mean = (sums[hi]! - sums[lo]!) / (hi - lo);
        const value = 2 * up[x]! - mean;
        out[o] = value < 0 ? 0 : value > 255 ? 255 : value + 0.5;
      }
    }
    return (this.linearImage = { data: out, width: w, height: h });
  }

  /** The codes ZXing finds in `image` with `options`. */
  read(image: Gray, options: ZXingReaderOptions): string[] {
    const { zxing } = this;
    const size = image.width * image.height;
    if (size === 0) return [];
    if (size > this.capacity) {
      if (this.pointer) zxing._free(this.pointer);
      this.pointer = zxing._malloc(size);
      if (!this.pointer) throw new Error(`The barcode reader could not allocate ${size} bytes`);
      this.capacity = size;
    }
    // HEAPU8 is read again each time: the wasm's memory may have grown (and moved) meanwhile.
    zxing.HEAPU8.set(image.data.subarray(0, size), this.pointer);
    const results = zxing.readBarcodesFromPixmap(this.pointer, image.width, image.height, options);
    try {
      const texts: string[] = [];
      for (let i = 0; i < results.size(); i++) {
        const result = results.get(i);
        if (result?.isValid && result.text && !texts.includes(result.text)) texts.push(result.text);
      }
      return texts;
    } finally {
      (results as { delete?: () => void }).delete?.();
    }
  }
}

let scratch: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | undefined;

/**
 * A frame's RGBA pixels, drawn on one CPU-backed canvas reused from frame to frame (a canvas of
 * the browser's choosing is often GPU-backed, slow to read back).
 */
async function pixelsOf(image: ImageBitmapSource | ImageData): Promise<ImageData> {
  if (typeof ImageData === 'function' && image instanceof ImageData) return image;
  const bitmap = typeof ImageBitmap === 'function' && image instanceof ImageBitmap ? image : await createImageBitmap(image as ImageBitmapSource);
  const { width, height } = bitmap;
  if (!scratch || scratch.canvas.width !== width || scratch.canvas.height !== height) {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
    scratch = (canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null) ?? undefined;
    if (!scratch) throw new Error('no 2D canvas to read the frame from');
  }
  scratch.drawImage(bitmap, 0, 0);
  if (bitmap !== image) bitmap.close();
  return scratch.getImageData(0, 0, width, height);
}
