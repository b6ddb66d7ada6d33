/**
 * The zxing-wasm ponyfill of `BarcodeDetector`, for browsers without a native one (Firefox,
 * Safari, desktop Chrome on Linux and Windows). Runs in the decoder worker, or on the page where
 * a worker cannot take video frames. The wasm arrives already compiled (`compileReader` in
 * barcode-decoder.ts), so the ponyfill never fetches anything itself.
 */
import { BarcodeDetector, prepareZXingModule, purgeZXingModule, type BarcodeFormat } from 'barcode-detector/ponyfill';

/** The wasm of zxing-wasm's reader: where it was fetched from, and compiled. */
export interface ReaderWasm {
  url: string;
  module: WebAssembly.Module;
}

/** What the element needs of a detector: the text of each code in an image. */
export interface CodeReader {
  read(image: ImageBitmapSource): Promise<string[]>;
}

/**
 * A ponyfill detector for `formats`. The overrides are set BEFORE the first detector is made:
 * its constructor starts loading the wasm with whatever overrides are in force, and the
 * ponyfill's own default `locateFile` points at a CDN (jsDelivr), which we never use.
 */
export async function zxingReader(formats: readonly string[], wasm: ReaderWasm): Promise<CodeReader> {
  const ready = prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm.url : prefix + path),
      instantiateWasm: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
        void WebAssembly.instantiate(wasm.module, imports).then((instance) => receive(instance, wasm.module));
        return {};
      },
    },
    fireImmediately: true,
  });
  try {
    await ready;
  } catch (error) {
    purgeZXingModule(); // a failed start is not cached: the next opening tries again
    throw error;
  }
  const detector = new BarcodeDetector({ formats: formats as BarcodeFormat[] });
  return { read: async (image) => (await detector.detect(pixelsOf(image))).map((code) => code.rawValue) };
}

let scratch: OffscreenCanvasRenderingContext2D | undefined;

/**
 * A camera frame's pixels. The ponyfill would draw each frame on a new canvas of the browser's
 * choosing (often GPU-backed, slow to read back); one CPU-backed canvas, reused, is cheaper.
 */
function pixelsOf(image: ImageBitmapSource): ImageBitmapSource {
  if (typeof OffscreenCanvas !== 'function' || typeof ImageBitmap !== 'function' || !(image instanceof ImageBitmap)) return image;
  const { width, height } = image;
  if (!scratch || scratch.canvas.width !== width || scratch.canvas.height !== height) {
    scratch = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true }) ?? undefined;
    if (!scratch) return image;
  }
  scratch.drawImage(image, 0, 0);
  return scratch.getImageData(0, 0, width, height);
}
