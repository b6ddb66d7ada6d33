/**
 * Reads barcodes from the camera's video: a chunk of its own, loaded the first time the camera
 * opens, so a page that never opens it pays nothing for it.
 *
 * - The browser's own `BarcodeDetector` where it reads every wanted format (Chrome on Android
 *   and macOS): nothing to download.
 * - Otherwise zxing-wasm's reader (ZXing-C++) in a module worker, fed `createImageBitmap` frames,
 *   so the viewfinder and the verdicts keep the page's 60 fps; on the page itself only where a
 *   worker cannot take frames (no OffscreenCanvas). It reads in cheap passes first and a hard one
 *   only when they found nothing (barcode-decoder.zxing.ts); while the view stays empty, the hard
 *   pass on one frame in three (`THOROUGH_EVERY`).
 *
 * Either way one frame is read at a time: frames that arrive while one is being read are skipped.
 */
import type { CodeReader, ReaderWasm, ReadOptions } from './barcode-decoder.zxing.js';
import type { DecoderWorkerAnswer, DecoderWorkerRequest } from './barcode-decoder.worker.js';

/**
 * zxing-wasm's reader and the decoder worker, as development serves them (the test runner, Vite's
 * dev server). `npm run build` emits both beside this module's chunk and rewrites these paths
 * (scripts/zxing-wasm-plugin.mjs). Variables, not literals in `new URL()`: Vite's library mode
 * would inline the 1 MB wasm as base64 and give the worker a path from the site's root.
 */
const READER_WASM_PATH = '../../../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm';
const WORKER_PATH = './barcode-decoder.worker.ts';

/** Where the reader's wasm is by default: beside this module. */
export function defaultReaderWasmUrl(): string {
  return new URL(READER_WASM_PATH, import.meta.url).href;
}

export interface FrameDecoder {
  /** `native`: the browser's detector; `worker` / `page`: zxing-wasm's reader, and where it runs. */
  readonly kind: 'native' | 'worker' | 'page';
  /** The texts of the codes in a frame (the video's current one, a canvas). One call at a time. */
  decode(frame: ImageBitmapSource, options?: ReadOptions): Promise<string[]>;
  close(): void;
}

export interface DecoderOptions {
  formats: readonly string[];
  /** The reader's wasm (absolute, or relative to the page). */
  wasmUrl: string;
  /** Never the browser's detector (the benchmark, and tests of the zxing-wasm path). */
  ponyfill?: boolean;
}

interface NativeDetector {
  detect(image: ImageBitmapSource): Promise<Array<{ rawValue: string }>>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

const compiled = new Map<string, Promise<WebAssembly.Module>>();

/**
 * The reader's wasm, fetched and compiled once per page (reopening the camera, or a new worker,
 * reuses it). Fetched here rather than by zxing-wasm so that one place decides where it comes
 * from (our origin, never a CDN), and so the page can see the request.
 */
export function compileReader(url: string): Promise<WebAssembly.Module> {
  let module = compiled.get(url);
  if (!module) {
    module = (async () => {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`The barcode reader could not be loaded from ${url} (HTTP ${response.status})`);
      // Served as application/wasm it compiles while it downloads; any other type, the slow way.
      if (response.headers.get('content-type')?.split(';')[0]?.trim() === 'application/wasm') return WebAssembly.compileStreaming(response);
      return WebAssembly.compile(await response.arrayBuffer());
    })();
    // A failed load (no network yet) is tried again at the next opening.
    module.catch(() => compiled.delete(url));
    compiled.set(url, module);
  }
  return module;
}

/** The best decoder this browser has for `formats`. Rejects when the reader cannot be loaded. */
export async function openDecoder(options: DecoderOptions): Promise<FrameDecoder> {
  const native = options.ponyfill ? undefined : await nativeDetector(options.formats);
  if (native) return { kind: 'native', decode: async (frame) => (await native.detect(frame)).map((code) => code.rawValue), close: () => undefined };
  const url = new URL(options.wasmUrl, document.baseURI).href;
  const wasm: ReaderWasm = { url, module: await compileReader(url) };
  if (typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function') return workerDecoder(options.formats, wasm);
  const { zxingReader } = await import('./barcode-decoder.zxing.js');
  const reader: CodeReader = await zxingReader(options.formats, wasm);
  return { kind: 'page', decode: (frame, readOptions) => reader.read(frame, readOptions), close: () => undefined };
}

/** The browser's own detector, when it reads every wanted format. */
async function nativeDetector(formats: readonly string[]): Promise<NativeDetector | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return undefined;
  try {
    const supported = await Detector.getSupportedFormats();
    return formats.every((format) => supported.includes(format)) ? new Detector({ formats: [...formats] }) : undefined;
  } catch {
    return undefined;
  }
}

function workerDecoder(formats: readonly string[], wasm: ReaderWasm): Promise<FrameDecoder> {
  const worker = new Worker(new URL(WORKER_PATH, import.meta.url), { type: 'module' });
  const send = (request: DecoderWorkerRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);
  let waiting: ((answer: DecoderWorkerAnswer) => void) | undefined;
  const next = () => new Promise<DecoderWorkerAnswer>((resolve) => (waiting = resolve));
  worker.onmessage = ({ data }: MessageEvent<DecoderWorkerAnswer>) => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.(data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const resolve = waiting;
    waiting = undefined;
    resolve?.({ type: 'failed', message: event.message || 'the decoder worker failed' });
  };
  const decoder: FrameDecoder = {
    kind: 'worker',
    async decode(source, readOptions) {
      const frame = await createImageBitmap(source);
      const answer = next();
      send({ type: 'frame', frame, thorough: readOptions?.thorough }, [frame]);
      const result = await answer;
      return result.type === 'codes' ? result.codes : [];
    },
    close: () => {
      worker.terminate();
      waiting?.({ type: 'codes', codes: [] });
      waiting = undefined;
    },
  };
  const ready = next();
  send({ type: 'open', formats: [...formats], wasm });
  return ready.then((answer) => {
    if (answer.type === 'ready') return decoder;
    worker.terminate();
    throw new Error(answer.type === 'failed' ? answer.message : 'the decoder worker did not start');
  });
}

/**
 * While the view holds no code, the hard pass runs on one frame in this many: it is most of the
 * time an empty frame takes, and a ticket coming into view waits for the frame in hand. A code
 * the cheap passes miss (held sideways, upside down, tiny) is read at most this many frames later.
 */
const THOROUGH_EVERY = 3;

/**
 * Reads the video's frames while it plays and calls `onCodes` with each frame's codes (none for a
 * frame without a code: the caller tells by them that a code has left the view). A watcher
 * marks each new frame (`requestVideoFrameCallback` where the browser has it: once per camera
 * frame, else once per screen frame); the decoder reads one frame at a time, and when it is done
 * reads the newest frame at once if one arrived meanwhile, rather than waiting for the next one
 * (a ticket that came into view while the decoder was busy is read up to a frame sooner: 33 ms
 * at a camera's 30 fps). Frames in between are skipped. Returns the function that stops it.
 */
export function readFrames(video: HTMLVideoElement, decoder: FrameDecoder, onCodes: (codes: string[]) => void): () => void {
  let stopped = false;
  let handle = 0;
  /** A frame the decoder has not read yet. */
  let unread = false;
  let reading = false;
  /** Frames read in a row without a code. */
  let empty = 0;
  const watch = () => {
    handle = 'requestVideoFrameCallback' in video ? video.requestVideoFrameCallback(onFrame) : requestAnimationFrame(onFrame);
  };
  const onFrame = () => {
    if (stopped) return;
    unread = true;
    watch();
    void readNewest();
  };
  const readNewest = async () => {
    if (reading) return; // read when the frame in hand is done
    reading = true;
    while (unread && !stopped) {
      unread = false;
      // A video not yet playing, or between two streams (a lens switch), has no frame to give.
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) continue;
      try {
        const codes = await decoder.decode(video, { thorough: empty % THOROUGH_EVERY === 0 });
        empty = codes.length ? 0 : empty + 1;
        if (!stopped) onCodes(codes);
      } catch {
        // a frame that could not be read: the next one will be
      }
    }
    reading = false;
  };
  watch();
  return () => {
    stopped = true;
    if ('cancelVideoFrameCallback' in video) video.cancelVideoFrameCallback(handle);
    cancelAnimationFrame(handle);
  };
}
