import { expect, waitUntil } from '@open-wc/testing';
import { toCanvas } from 'bwip-js/browser';
import { compileReader, defaultReaderWasmUrl, openDecoder, readFrames, type FrameDecoder } from './barcode-decoder.js';
import { zxingReader } from './barcode-decoder.zxing.js';
import { TICKET_FORMATS } from './barcode-formats.js';
import { withReaderDownload } from '../../../../test/reader-download.js';

/**
 * The camera's decoder on its own, in headless Chromium (no native BarcodeDetector there, so
 * zxing-wasm's reader in its module worker): camera-sized frames drawn with bwip-js, in, the
 * codes' texts out.
 */
describe('barcode decoder (zxing-wasm in a worker)', () => {
  type Symbology = 'qrcode' | 'code128' | 'pdf417' | 'azteccode' | 'datamatrix';
  interface Drawing {
    /** Module (or narrowest bar) width in pixels. */
    scale: number;
    /** Degrees, clockwise. */
    turn?: number;
    /** Focus blur, CSS pixels. */
    blur?: number;
    /** Drawn at this fraction of its size (a ticket further away). */
    shrink?: number;
    /** The symbol's centre; the frame's middle by default. */
    at?: [number, number];
  }

  /** A 640×480 camera frame: a dim, slightly noisy background with one code on it (or none). */
  function cameraFrame(symbol?: { bcid: Symbology; text: string } & Drawing): HTMLCanvasElement {
    const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 480 });
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 640, 480);
    if (symbol) {
      const drawn = document.createElement('canvas');
      toCanvas(drawn, { bcid: symbol.bcid, text: symbol.text, scale: symbol.scale, height: 12, paddingwidth: 8, paddingheight: 8, backgroundcolor: 'ffffff' });
      const [x, y] = symbol.at ?? [320, 240];
      context.save();
      context.translate(x, y);
      context.rotate(((symbol.turn ?? 0) * Math.PI) / 180);
      const k = symbol.shrink ?? 1;
      context.drawImage(drawn, (-drawn.width * k) / 2, (-drawn.height * k) / 2, drawn.width * k, drawn.height * k);
      context.restore();
    }
    // Out of focus, blurred here rather than by the canvas's filter, which engines draw differently.
    const image = context.getImageData(0, 0, 640, 480);
    if (symbol?.blur) gaussianBlur(image, symbol.blur);
    // Sensor noise (a fixed sequence) and a dim room.
    let seed = 7;
    for (let p = 0; p < image.data.length; p += 4) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const n = (seed / 2 ** 32 - 0.5) * 16 - 16;
      for (let c = 0; c < 3; c++) image.data[p + c] = Math.max(0, Math.min(255, image.data[p + c]! + n));
    }
    context.putImageData(image, 0, 0);
    return canvas;
  }

  /** A separable Gaussian blur of standard deviation `sigma` pixels, as CSS's `blur()` draws it. */
  function gaussianBlur(image: ImageData, sigma: number): void {
    const radius = Math.ceil(sigma * 3);
    const weights = Array.from({ length: radius * 2 + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
    const total = weights.reduce((a, b) => a + b, 0);
    const { width, height, data } = image;
    const pass = (from: Uint8ClampedArray, step: [number, number]) => {
      const to = new Uint8ClampedArray(from.length);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          for (let c = 0; c < 4; c++) {
            let sum = 0;
            for (let i = -radius; i <= radius; i++) {
              const sx = Math.min(width - 1, Math.max(0, x + i * step[0]));
              const sy = Math.min(height - 1, Math.max(0, y + i * step[1]));
              sum += from[(sy * width + sx) * 4 + c]! * weights[i + radius]!;
            }
            to[(y * width + x) * 4 + c] = sum / total;
          }
        }
      }
      return to;
    };
    data.set(pass(pass(data, [1, 0]), [0, 1]));
  }

  const opened: FrameDecoder[] = [];
  /** The decoder the element opens in a browser without a native detector. */
  async function workerDecoder(formats: readonly string[] = TICKET_FORMATS): Promise<FrameDecoder> {
    const decoder = await openDecoder({ formats, wasmUrl: defaultReaderWasmUrl(), ponyfill: true });
    opened.push(decoder);
    expect(decoder.kind, 'the reader runs in a worker').to.equal('worker');
    return decoder;
  }

  afterEach(() => {
    for (const decoder of opened.splice(0)) decoder.close();
  });

  it('reads a QR, Code 128, PDF417, Aztec and Data Matrix ticket, each in its own frame', async function () {
    this.timeout(30_000);
    const decoder = await workerDecoder();
    const tickets: Array<[Symbology, string, number]> = [
      ['qrcode', 'QR-TICKET-0001', 4],
      ['code128', 'AV100000004242', 2],
      ['pdf417', 'PDF417-TICKET-77', 2],
      ['azteccode', 'AZTEC-TICKET-31', 4],
      ['datamatrix', 'DM-TICKET-555', 4],
    ];
    for (const [bcid, text, scale] of tickets) {
      expect(await decoder.decode(cameraFrame({ bcid, text, scale, turn: 3, at: [260, 200] })), bcid).to.deep.equal([text]);
    }
  });

  it('finds nothing in a frame without a code', async function () {
    this.timeout(20_000);
    const decoder = await workerDecoder();
    expect(await decoder.decode(cameraFrame())).to.deep.equal([]);
    // and reads the next frame that has one
    expect(await decoder.decode(cameraFrame({ bcid: 'qrcode', text: 'AFTER-EMPTY', scale: 4 }))).to.deep.equal(['AFTER-EMPTY']);
  });

  /**
   * A frame as a phone's camera delivers it: I420, the luminance plane first (rows `stride` bytes
   * apart, a camera may pad them), then the quarter-size colour planes, neutral here.
   */
  function i420Frame(canvas: HTMLCanvasElement, stride = 640): VideoFrame {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, 640, 480);
    const chroma = 320 * 240;
    const bytes = new Uint8Array(stride * 480 + 2 * chroma).fill(128);
    for (let y = 0; y < 480; y++) {
      for (let x = 0; x < 640; x++) {
        const p = (y * 640 + x) * 4;
        bytes[y * stride + x] = (306 * data[p]! + 601 * data[p + 1]! + 117 * data[p + 2]! + 512) >> 10;
      }
    }
    const layout = [
      { offset: 0, stride },
      { offset: stride * 480, stride: 320 },
      { offset: stride * 480 + chroma, stride: 320 },
    ];
    return new VideoFrame(bytes, { format: 'I420', codedWidth: 640, codedHeight: 480, timestamp: 0, layout });
  }

  it("reads a camera's I420 frames, with rows packed or padded, and a canvas's frames between them, each its own ticket", async function () {
    this.timeout(30_000);
    const decoder = await workerDecoder();
    const frames: Array<[string, () => ImageBitmapSource]> = [
      ['I420-PACKED-1', () => i420Frame(cameraFrame({ bcid: 'qrcode', text: 'I420-PACKED-1', scale: 4, at: [200, 180] }))],
      ['CANVAS-AFTER-2', () => cameraFrame({ bcid: 'qrcode', text: 'CANVAS-AFTER-2', scale: 4, at: [420, 300] })],
      ['I420-PADDED-3', () => i420Frame(cameraFrame({ bcid: 'code128', text: 'I420-PADDED-3', scale: 2, at: [320, 240] }), 704)],
      ['I420-PACKED-4', () => i420Frame(cameraFrame({ bcid: 'azteccode', text: 'I420-PACKED-4', scale: 4, at: [300, 260] }))],
      ['', () => i420Frame(cameraFrame())],
      ['RGBA-FRAME-6', () => new VideoFrame(cameraFrame({ bcid: 'qrcode', text: 'RGBA-FRAME-6', scale: 4, at: [260, 220] }), { timestamp: 0 })],
    ];
    for (const [text, frame] of frames) expect(await decoder.decode(frame()), text || 'the empty frame').to.deep.equal(text ? [text] : []);
  });

  it('reads only the formats asked for (barcode-formats="qr_code" ignores a Code 128 ticket)', async function () {
    this.timeout(20_000);
    const qrOnly = await workerDecoder(['qr_code']);
    const code128 = cameraFrame({ bcid: 'code128', text: 'AV100000009999', scale: 3 });
    expect(await qrOnly.decode(code128)).to.deep.equal([]);
    expect(await qrOnly.decode(cameraFrame({ bcid: 'qrcode', text: 'QR-ONLY-1', scale: 4 }))).to.deep.equal(['QR-ONLY-1']);
    const all = await workerDecoder();
    expect(await all.decode(code128), 'the same frame with Code 128 wanted').to.deep.equal(['AV100000009999']);
  });

  it('reads a small, turned, blurred ticket that the quick passes miss, with its thorough pass', async function () {
    this.timeout(30_000);
    const url = defaultReaderWasmUrl();
    const wasm = { url, module: await compileReader(url) };
    // 1.6 px modules, more than a quarter turn, a little out of focus: at half size (the quick
    // pass) the modules merge, and the linear pass reads only bar codes.
    const hard = cameraFrame({ bcid: 'qrcode', text: 'HARD-1', scale: 2, shrink: 0.8, turn: 100, blur: 0.5, at: [450, 330] });
    const cheapOnly = await zxingReader(TICKET_FORMATS, wasm, ['quick', 'linear']);
    expect(await cheapOnly.read(hard), 'the cheap passes alone').to.deep.equal([]);
    const decoder = await workerDecoder();
    expect(await decoder.decode(hard)).to.deep.equal(['HARD-1']);
    // A Code 128 ticket held sideways: only the thorough pass turns the frame.
    const sideways = cameraFrame({ bcid: 'code128', text: 'AV100000031337', scale: 3, turn: 90 });
    expect(await cheapOnly.read(sideways), 'the cheap passes alone, sideways').to.deep.equal([]);
    expect(await decoder.decode(sideways)).to.deep.equal(['AV100000031337']);
  });

  it('reads a soft, small Code 128 that ZXing\'s own hardest settings miss: the linear pass reads it', async function () {
    this.timeout(30_000);
    const url = defaultReaderWasmUrl();
    const wasm = { url, module: await compileReader(url) };
    // 2 px bars, out of focus, in a noisy frame (as the benchmark's hardest Code 128 frames; the
    // blur, drawn here the same in every engine, is where ZXing's hard settings stop reading it).
    const soft = cameraFrame({ bcid: 'code128', text: 'AV100000023758', scale: 2, turn: 2, blur: 1.2, at: [280, 100] });
    expect(await (await zxingReader(TICKET_FORMATS, wasm, ['thorough'])).read(soft), 'ZXing\'s hard settings alone').to.deep.equal([]);
    expect(await (await zxingReader(TICKET_FORMATS, wasm, ['linear'])).read(soft), 'the linear pass alone').to.deep.equal(['AV100000023758']);
    expect(await (await workerDecoder()).decode(soft)).to.deep.equal(['AV100000023758']);
  });

  /** The device's cores, as the page sees them, for the rest of a test. */
  function withCores(cores: number): () => void {
    Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => cores });
    return () => delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }

  it('reads with one worker on a two-core device, so the page keeps a core', async function () {
    this.timeout(30_000);
    const restore = withCores(2);
    try {
      const decoder = await workerDecoder();
      expect(await decoder.decode(cameraFrame({ bcid: 'qrcode', text: 'ONE-LANE', scale: 4 }))).to.deep.equal(['ONE-LANE']);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a second worker to start, were one asked for
      expect(decoder.lanes).to.equal(1);
    } finally {
      restore();
    }
  });

  it('reads with two workers side by side where the device has the cores, each frame its own codes', async function () {
    this.timeout(30_000);
    const restore = withCores(8);
    const decoder = await workerDecoder().finally(restore);
    await waitUntil(() => decoder.lanes === 2, 'the second worker did not start', { timeout: 20_000 });
    const [left, right] = await Promise.all([
      decoder.decode(cameraFrame({ bcid: 'qrcode', text: 'LANE-ONE', scale: 4 })),
      decoder.decode(cameraFrame({ bcid: 'code128', text: 'AV100000000002', scale: 2 })),
    ]);
    expect([left, right]).to.deep.equal([['LANE-ONE'], ['AV100000000002']]);
  });

  const RealWorker = window.Worker;
  /** The page's `Worker`, replaced for the rest of a test (the decoder makes its workers with the global one). */
  function withWorker(Stand: typeof Worker): () => void {
    window.Worker = Stand;
    return () => void (window.Worker = RealWorker);
  }

  /** A real worker whose first frame never reaches it (a wedged thread); every later one does. */
  class LosesAFrame extends window.Worker {
    private lost = false;
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      const frame = (message as { type?: string; frame?: ImageBitmap }).type === 'frame' ? (message as { frame: ImageBitmap }).frame : undefined;
      if (frame && !this.lost) {
        this.lost = true;
        return frame.close();
      }
      super.postMessage(message, transfer as Transferable[]);
    }
  }

  it('a worker that stops answering a frame is replaced, and the door reads the next ticket', async function () {
    this.timeout(40_000);
    let made = 0;
    // The first worker loses a frame; the one that takes its place is whole.
    const restoreWorker = withWorker(function (url: string | URL, options?: WorkerOptions) {
      return made++ === 0 ? new LosesAFrame(url, options) : new RealWorker(url, options);
    } as unknown as typeof Worker);
    const restoreCores = withCores(2); // one lane: only its replacement can read the next ticket
    try {
      const decoder = await workerDecoder();
      let error: Error | undefined;
      await decoder.decode(cameraFrame({ bcid: 'qrcode', text: 'LOST-FRAME', scale: 4 })).catch((e: Error) => (error = e));
      expect(error?.message).to.match(/did not answer a frame/);
      await waitUntil(() => decoder.lanes === 1, 'no worker replaced the stuck one', { timeout: 20_000 });
      expect(await decoder.decode(cameraFrame({ bcid: 'qrcode', text: 'NEXT-TICKET', scale: 4 }))).to.deep.equal(['NEXT-TICKET']);
    } finally {
      restoreCores();
      restoreWorker();
    }
  });

  /** A worker whose start never ends: no answer, no error. */
  let silentTerminated = 0;
  class SilentWorker extends EventTarget {
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    postMessage(): void {}
    terminate(): void {
      silentTerminated++;
    }
  }

  /** A worker as a page whose CSP refuses workers gets one: an error event, never an answer. */
  class RefusedWorker extends SilentWorker {
    constructor() {
      super();
      setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: "Refused to create a worker: the page's Content Security Policy", cancelable: true })));
    }
  }

  for (const [name, Stand, within] of [
    ['refused by the page', RefusedWorker, 5_000],
    ['whose start never ends', SilentWorker, 15_000],
  ] as const) {
    it(`with a worker ${name}, the page reads the tickets itself`, async function () {
      this.timeout(within + 15_000);
      silentTerminated = 0;
      const restore = withWorker(Stand as unknown as typeof Worker);
      const started = performance.now();
      const decoder = await openDecoder({ formats: TICKET_FORMATS, wasmUrl: defaultReaderWasmUrl(), ponyfill: true }).finally(restore);
      opened.push(decoder);
      expect(performance.now() - started, 'the camera waited too long for the worker').to.be.below(within);
      expect(decoder.kind).to.equal('page');
      expect(await decoder.decode(cameraFrame({ bcid: 'code128', text: 'AV100000000009', scale: 2 }))).to.deep.equal(['AV100000000009']);
      if (Stand === SilentWorker) expect(silentTerminated, 'the worker that never started is let go').to.equal(1);
    });
  }

  it('the only worker stuck and none will start in its place: the page reads the next ticket', async function () {
    this.timeout(60_000);
    let made = 0;
    const restoreWorker = withWorker(function (url: string | URL, options?: WorkerOptions) {
      return made++ === 0 ? new LosesAFrame(url, options) : new SilentWorker();
    } as unknown as typeof Worker);
    const restoreCores = withCores(2);
    try {
      const decoder = await workerDecoder();
      await decoder.decode(cameraFrame({ bcid: 'qrcode', text: 'LOST-FRAME', scale: 4 })).catch(() => undefined);
      await waitUntil(() => decoder.lanes === 1, "nothing took the stuck worker's place", { timeout: 30_000 });
      expect(decoder.kind).to.equal('page');
      expect(await decoder.decode(cameraFrame({ bcid: 'qrcode', text: 'NEXT-TICKET', scale: 4 }))).to.deep.equal(['NEXT-TICKET']);
    } finally {
      restoreCores();
      restoreWorker();
    }
  });

  it('a slow download of the reader is not a stalled one: bytes every 4 s for 16 s still load it', async function () {
    this.timeout(60_000);
    const trickling = new URL('/trickles/zxing_reader.wasm', location.href).href;
    // Five pieces, 4 s apart.
    async function* everyFourSeconds(reader: Uint8Array) {
      const piece = Math.ceil(reader.length / 5);
      for (let at = 0; at < reader.length; at += piece) {
        if (at > 0) await new Promise((resolve) => setTimeout(resolve, 4000));
        yield reader.slice(at, at + piece);
      }
    }
    let started = 0;
    const module = await withReaderDownload(trickling, everyFourSeconds, () => ((started = performance.now()), compileReader(trickling)));
    expect(module).to.be.instanceOf(WebAssembly.Module);
    expect(performance.now() - started, 'the download took longer than the stall limit').to.be.above(15_000);
  });

  /** A camera: a canvas stream in a playing video, changed every frame (a canvas sends a frame only when it changes). */
  async function canvasCamera(): Promise<{ video: HTMLVideoElement; remove(): void }> {
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
    const context = canvas.getContext('2d')!;
    let tick = 0;
    const painting = setInterval(() => {
      context.fillStyle = tick++ % 2 ? '#fff' : '#fefefe';
      context.fillRect(0, 0, 64, 48);
    }, 30);
    const video = Object.assign(document.createElement('video'), { muted: true, playsInline: true });
    video.srcObject = canvas.captureStream(30);
    document.body.append(video);
    await video.play();
    return { video, remove: () => (clearInterval(painting), video.remove()) };
  }

  /**
   * Two workers, stood in for: the first frame (an empty view, so a hard pass) answers `late` only
   * when released; every other frame answers at once with `inView()`.
   */
  function slowFirstFrame(late: string[], inView: () => string[]) {
    const asked: Array<{ thorough?: boolean }> = [];
    let releaseFirst!: () => void;
    const decoder: FrameDecoder = {
      kind: 'worker',
      lanes: 2,
      decode: (frame, options) => {
        // The frames are the decoder's to let go (VideoFrames where the track gives them).
        if (typeof VideoFrame === 'function' && frame instanceof VideoFrame) frame.close();
        asked.push({ ...options });
        if (asked.length === 1) return new Promise((resolve) => (releaseFirst = () => resolve(late)));
        return Promise.resolve(inView());
      },
      close: () => undefined,
    };
    return { decoder, asked, release: () => releaseFirst() };
  }

  it('a ticket coming into view while a worker is busy with a hard pass is read at once by the other, and the late empty answer does not read it as gone', async function () {
    this.timeout(20_000);
    const camera = await canvasCamera();
    let inView: string[] = [];
    const { decoder, asked, release } = slowFirstFrame([], () => [...inView]);
    const answers: string[][] = [];
    const stop = readFrames(camera.video, decoder, (codes) => answers.push(codes));
    try {
      await waitUntil(() => asked.length >= 3, 'the other worker read no frames', { timeout: 10_000 });
      inView = ['COMING-IN'];
      await waitUntil(() => answers.some((codes) => codes.includes('COMING-IN')), 'the ticket waited for the busy worker', { timeout: 5_000 });
      const ticketAt = answers.findIndex((codes) => codes.includes('COMING-IN'));
      release(); // the hard pass on the frame from before the ticket ends now
      const before = answers.length;
      await waitUntil(() => answers.length >= before + 3, 'no frames read after', { timeout: 5_000 });
      expect(answers.slice(ticketAt).every((codes) => codes.includes('COMING-IN')), 'an empty answer after the ticket was read (it would be read as gone, then again)').to.equal(true);
      expect(asked[0]!.thorough, 'the first empty frame gets the hard pass').to.equal(true);
      expect(asked.slice(1, 3).map((options) => options.thorough), 'the other worker stays quick meanwhile').to.deep.equal([false, false]);
    } finally {
      stop();
      camera.remove();
    }
  });

  it('a code only the hard pass reads counts when it answers after later frames (a ticket held sideways)', async function () {
    this.timeout(20_000);
    const camera = await canvasCamera();
    const { decoder, asked, release } = slowFirstFrame(['SIDEWAYS'], () => []);
    const answers: string[][] = [];
    const stop = readFrames(camera.video, decoder, (codes) => answers.push(codes));
    try {
      await waitUntil(() => answers.length >= 3, 'the other worker read no frames', { timeout: 10_000 });
      release();
      await waitUntil(() => answers.some((codes) => codes.includes('SIDEWAYS')), 'the hard pass read it, and it was dropped for coming late', { timeout: 5_000 });
      expect(asked[0]!.thorough).to.equal(true);
    } finally {
      stop();
      camera.remove();
    }
  });
});
