/**
 * Reads barcodes from the camera's video: a chunk of its own, loaded the first time the camera
 * opens, so a page that never opens it pays nothing for it.
 *
 * - The browser's own `BarcodeDetector` where it reads every wanted format (Chrome on Android
 *   and macOS): nothing to download.
 * - Otherwise zxing-wasm's reader (ZXing-C++) in module workers, fed `createImageBitmap` frames,
 *   so the viewfinder and the verdicts keep the page's 60 fps; on the page itself only where a
 *   worker cannot take frames (no OffscreenCanvas) or none will start. It reads in cheap passes
 *   first and a hard one only when they found nothing (barcode-decoder.zxing.ts); while the view
 *   stays empty, the hard pass on one frame in three (`THOROUGH_EVERY`). Two workers where the
 *   cores allow (`workerLanes`): a ticket coming into view is read at once by one while the other
 *   is still busy with the frame before.
 *
 * Each lane reads one frame at a time: frames that arrive while every lane is busy are skipped.
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
  /** How many frames it reads at once (its workers; one elsewhere). It may grow once open. */
  readonly lanes: number;
  /** The texts of the codes in a frame (the video's current one, a canvas). At most `lanes` calls at a time. */
  decode(frame: ImageBitmapSource, options?: ReadOptions): Promise<string[]>;
  close(): void;
}

/**
 * Decoder workers: two where the device has a core for each besides the page's (phones have 4–8),
 * else one. A ticket coming into view waits for a free reader; with one, that is the rest of the
 * frame in hand (a hard pass on an empty view: most of a frame's time). On two cores a second
 * worker only takes time from the page and the first (WebKit's tests then missed codes). The
 * second starts once the first is ready, so the first frame never waits for two wasm instances.
 */
const workerLanes = () => ((navigator.hardwareConcurrency || 1) > 2 ? 2 : 1);

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
 * A download of the reader that has brought nothing for this long has stalled (a foyer's signal
 * that keeps the connection and sends nothing). It is given up, so the camera says the reader could
 * not be loaded and staff turn to the entry field, instead of waiting on "Starting the camera…".
 * A slow download is not a stalled one: the limit counts from the last bytes that came.
 */
const READER_STALL_MS = 15_000;

/**
 * The reader's wasm, fetched and compiled once per page (reopening the camera, or a new worker,
 * reuses it). Fetched here rather than by zxing-wasm so that one place decides where it comes
 * from (our origin, never a CDN), and so the page can see the request.
 */
export function compileReader(url: string): Promise<WebAssembly.Module> {
  let module = compiled.get(url);
  if (!module) {
    module = (async () => {
      const stalled = new AbortController();
      let timer = 0;
      const cameAlive = () => {
        clearTimeout(timer);
        timer = window.setTimeout(() => stalled.abort(), READER_STALL_MS);
      };
      cameAlive();
      try {
        const fetched = await fetch(url, { credentials: 'same-origin', signal: stalled.signal });
        if (!fetched.ok) throw new Error(`The barcode reader could not be loaded from ${url} (HTTP ${fetched.status})`);
        cameAlive();
        // Watched on a copy of the body: the browser compiles the answer itself, which it may then
        // cache compiled by its URL (a response made here would have none).
        void eachChunk(fetched.clone().body, cameAlive);
        // Served as application/wasm it compiles while it downloads; any other type, the slow way.
        if (fetched.headers.get('content-type')?.split(';')[0]?.trim() === 'application/wasm') return await WebAssembly.compileStreaming(fetched);
        return await WebAssembly.compile(await fetched.arrayBuffer());
      } catch (error) {
        if (stalled.signal.aborted) throw new Error(`The barcode reader's download from ${url} stalled: nothing came for ${READER_STALL_MS / 1000} s`);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    })();
    // A failed load (no network yet) is tried again at the next opening.
    module.catch(() => compiled.delete(url));
    compiled.set(url, module);
  }
  return module;
}

/** Calls `onChunk` as each part of a body arrives (a failed download is its other reader's to report). */
async function eachChunk(body: ReadableStream<Uint8Array> | null, onChunk: () => void): Promise<void> {
  const reader = body?.getReader();
  try {
    while (reader && !(await reader.read()).done) onChunk();
  } catch {
    // the download's failure reaches the compile too
  }
}

/** The best decoder this browser has for `formats`. Rejects when the reader cannot be loaded. */
export async function openDecoder(options: DecoderOptions): Promise<FrameDecoder> {
  const native = options.ponyfill ? undefined : await nativeDetector(options.formats);
  if (native) return { kind: 'native', lanes: 1, decode: async (frame) => (await native.detect(frame)).map((code) => code.rawValue), close: () => undefined };
  const url = new URL(options.wasmUrl, document.baseURI).href;
  const wasm: ReaderWasm = { url, module: await compileReader(url) };
  if (typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function') {
    try {
      return await workerPool(options.formats, wasm);
    } catch (error) {
      // No worker would start (a page whose CSP refuses workers, a start that never ends): the page
      // reads instead, at some cost to its frame rate, rather than the door losing its camera.
      readsOnThePage(error);
    }
  }
  return pageDecoder(options.formats, wasm);
}

/** zxing-wasm's reader on the page itself: where no worker can take frames, or none will start. */
async function pageDecoder(formats: readonly string[], wasm: ReaderWasm): Promise<FrameDecoder> {
  const { zxingReader } = await import('./barcode-decoder.zxing.js');
  const reader: CodeReader = await zxingReader(formats, wasm);
  return { kind: 'page', lanes: 1, decode: (frame, readOptions) => reader.read(frame, readOptions), close: () => undefined };
}

/** Tells the venue's developer why (a CSP without `worker-src` is the likely one): door staff see no difference. */
function readsOnThePage(why: unknown): void {
  console.warn(`ticket-scanner: the barcode reader runs on the page (${(why as Error)?.message ?? why})`);
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

/** `workerLanes()` workers, each reading one frame at a time; ready when the first is. */
async function workerPool(formats: readonly string[], wasm: ReaderWasm): Promise<FrameDecoder> {
  const first = await workerDecoder(formats, wasm);
  const workers = [first];
  const idle = [first];
  let closed = false;
  let onThePage = false;
  const pool: FrameDecoder = {
    get kind() {
      return onThePage ? 'page' : 'worker';
    },
    get lanes() {
      return workers.length;
    },
    async decode(frame, readOptions) {
      const worker = idle.pop();
      if (!worker) {
        if (typeof VideoFrame === 'function' && frame instanceof VideoFrame) frame.close();
        throw new Error('every decoder worker is busy');
      }
      try {
        return await worker.decode(frame, readOptions);
      } catch (error) {
        if (error instanceof WorkerStuck) {
          // A lane that stopped answering never stops the door: it is replaced.
          worker.close();
          workers.splice(workers.indexOf(worker), 1);
          startLane();
        }
        throw error;
      } finally {
        if (!closed && workers.includes(worker)) idle.push(worker);
      }
    },
    close() {
      closed = true;
      for (const worker of workers) worker.close();
    },
  };
  const addLane = (lane: FrameDecoder) => {
    if (closed) return lane.close();
    workers.push(lane);
    idle.push(lane);
  };
  // The others in the background: one lane is enough to scan, so a failed start only leaves one.
  function startLane(): void {
    workerDecoder(formats, wasm).then(addLane, (error: unknown) => {
      // The last lane was stuck and no worker will take its place: the page reads, so the door keeps its camera.
      if (closed || workers.length > 0 || onThePage) return;
      onThePage = true;
      readsOnThePage(error);
      pageDecoder(formats, wasm).then(addLane, () => undefined);
    });
  }
  for (let lane = 1; lane < workerLanes(); lane++) startLane();
  return pool;
}

/**
 * A worker that has not said it is ready in this long is taken never to (a start that hangs). Its
 * start is only its modules and an instance of the wasm this page has already downloaded and
 * compiled, so this leaves a slow phone with nothing cached a wide margin.
 */
const WORKER_START_MS = 8_000;

/**
 * A worker that has not answered a frame in this long is taken to be stuck (a frame it cannot read,
 * a wedged thread): a hard pass on a slow phone takes a tenth of it.
 */
const WORKER_STUCK_MS = 3_000;
class WorkerStuck extends Error {
  constructor() {
    super(`the decoder worker did not answer a frame in ${WORKER_STUCK_MS / 1000} s`);
  }
}

/** Whether camera frames go to the workers as WebCodecs' VideoFrames (where they can be sent). */
let videoFrames = true;

/**
 * A frame as the worker takes it. A VideoFrame where the browser can send one (a video's current
 * frame taken at once, with no copy): the worker reads its luminance straight from it
 * (barcode-decoder.zxing.ts), where `createImageBitmap` costs a copy into RGBA on the page first
 * (10 ms a frame on the 2-core benchmark machine). A VideoFrame handed in is owned from here.
 */
async function frameToSend(source: ImageBitmapSource): Promise<ImageBitmap | VideoFrame> {
  const isVideoFrame = typeof VideoFrame === 'function' && source instanceof VideoFrame;
  if (videoFrames && isVideoFrame) return source;
  if (videoFrames && typeof VideoFrame === 'function' && source instanceof HTMLVideoElement) {
    let frame: VideoFrame | undefined;
    try {
      frame = new VideoFrame(source);
    } catch {
      // no frame to take yet: the bitmap path says so its own way
    }
    if (frame?.format) return frame;
    // A frame of no known layout (its pixels only on the GPU): bitmaps from now on.
    if (frame) videoFrames = false;
    frame?.close();
  }
  try {
    return await createImageBitmap(source);
  } finally {
    if (isVideoFrame) source.close();
  }
}

/** The worker's answer, or `'late'` when it has not come within `ms` (the timer is cleared either way). */
async function within(answer: Promise<DecoderWorkerAnswer>, ms: number): Promise<DecoderWorkerAnswer | 'late'> {
  let timer = 0;
  const late = new Promise<'late'>((resolve) => (timer = window.setTimeout(() => resolve('late'), ms)));
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function workerDecoder(formats: readonly string[], wasm: ReaderWasm): Promise<FrameDecoder> {
  // May throw at once (a browser that refuses the worker here): a rejection like any failed start.
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
    lanes: 1,
    async decode(source, readOptions) {
      const frame = await frameToSend(source);
      const answer = next();
      try {
        send({ type: 'frame', frame, thorough: readOptions?.thorough, inView: readOptions?.inView }, [frame]);
      } catch (error) {
        // A browser that has VideoFrame but cannot send one to a worker: bitmaps from now on.
        if (!(frame instanceof ImageBitmap)) videoFrames = false;
        frame.close();
        waiting = undefined;
        throw error;
      }
      const result = await within(answer, WORKER_STUCK_MS);
      if (result === 'late') {
        // A frame the browser sent but cannot read in a worker: bitmaps from now on.
        if (!(frame instanceof ImageBitmap)) videoFrames = false;
        throw new WorkerStuck();
      }
      if (result.type === 'codes' && result.bitmaps) videoFrames = false; // a layout the worker reads only by drawing it
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
  const answer = await within(ready, WORKER_START_MS);
  if (answer !== 'late' && answer.type === 'ready') return decoder;
  worker.terminate();
  if (answer === 'late') throw new Error(`the decoder worker did not start in ${WORKER_START_MS / 1000} s`);
  throw new Error(answer.type === 'failed' ? answer.message : 'the decoder worker did not start');
}

/**
 * While the view holds no code, the hard pass runs on one frame in this many: it is most of the
 * time an empty frame takes, and a ticket coming into view waits for the frame in hand. A code
 * the cheap passes miss (held sideways, upside down, tiny) is read at most this many frames later.
 */
const THOROUGH_EVERY = 3;

/**
 * Reads the video's frames while it plays and calls `onCodes` with each frame's codes (none for a
 * frame without a code: the caller tells by them that a code has left the view). A watcher marks
 * each new frame (`requestVideoFrameCallback` where the browser has it: once per camera frame,
 * else once per screen frame); a free lane of the decoder reads it at once, and a lane done with
 * its frame reads the newest one at once if one arrived meanwhile, rather than waiting for the
 * next (a ticket that came into view while every lane was busy is read up to a frame sooner: 33 ms
 * at a camera's 30 fps). Frames in between are skipped. An empty answer that comes after a later
 * frame's answer is dropped, so an empty frame from before a ticket arrived never reads as the
 * ticket gone (and read again); a late code counts. Returns the function that stops it.
 */
export function readFrames(video: HTMLVideoElement, decoder: FrameDecoder, onCodes: (codes: string[]) => void): () => void {
  const reader = frameReader(decoder, onCodes);
  let handle = 0;
  let stopped = false;
  const watch = () => {
    handle = 'requestVideoFrameCallback' in video ? video.requestVideoFrameCallback(onFrame) : requestAnimationFrame(onFrame);
  };
  const onFrame = () => {
    if (stopped) return;
    watch();
    // A video not yet playing, or between two streams (a lens switch), has no frame to give.
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) reader.offer(video);
  };
  watch();
  return () => {
    stopped = true;
    reader.stop();
    if ('cancelVideoFrameCallback' in video) video.cancelVideoFrameCallback(handle);
    cancelAnimationFrame(handle);
  };
}

/** The decoder's side of `readFrames`: a new frame offered (the video, whose current frame a lane takes when it reads). */
function frameReader(decoder: FrameDecoder, onCodes: (codes: string[]) => void): { offer(video: HTMLVideoElement): void; stop(): void } {
  let stopped = false;
  /** The video, when it has a frame no lane has read yet. */
  let unread: HTMLVideoElement | undefined;
  let reading = 0;
  let readingHard = false;
  /** Frames numbered as they are sent to a lane; the last whose answer was taken. */
  let sent = 0;
  let taken = -1;
  /** Frames answered in a row without a code; whether the last one answered had one. */
  let empty = 0;
  let inView = false;
  const readNewest = () => {
    while (unread && !stopped && reading < decoder.lanes) {
      const frame = unread;
      unread = undefined;
      const number = sent++;
      reading++;
      // The hard pass on one empty frame in THOROUGH_EVERY, and on one lane at a time: the other
      // stays quick for a ticket coming into view.
      const thorough = empty % THOROUGH_EVERY === 0 && !readingHard;
      if (thorough) readingHard = true;
      decoder
        .decode(frame, { thorough, inView })
        .then(
          (codes) => {
            // A late empty answer (a later frame answered first) is dropped: the view was not empty
            // since. A late code counts: the hard pass on a slow lane reads what the quick ones miss
            // (the element drops a code read again within its re-read window).
            if (stopped || (number < taken && !codes.length)) return;
            taken = Math.max(taken, number);
            empty = codes.length ? 0 : empty + 1;
            inView = codes.length > 0;
            onCodes(codes);
          },
          () => undefined, // a frame that could not be read: the next one will be
        )
        .finally(() => {
          reading--;
          if (thorough) readingHard = false;
          readNewest();
        });
    }
  };
  return {
    offer(video) {
      unread = video;
      readNewest();
    },
    stop() {
      stopped = true;
      unread = undefined;
    },
  };
}
