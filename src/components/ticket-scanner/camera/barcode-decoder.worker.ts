/**
 * The decoder worker: camera frames (VideoFrames or ImageBitmaps, transferred) in, barcode texts out. A frame
 * with no code in it goes through every pass of the reader (barcode-decoder.zxing.ts), tens of
 * milliseconds on a phone; here that time is not taken from the page's 16 ms frames.
 */
import { readableLayout, zxingReader, type CodeReader, type ReaderWasm } from './barcode-decoder.zxing.js';

export type DecoderWorkerRequest = { type: 'open'; formats: string[]; wasm: ReaderWasm } | { type: 'frame'; frame: ImageBitmap | VideoFrame; thorough?: boolean; inView?: boolean };
/** `bitmaps`: a VideoFrame came in a layout not read from its planes: the page sends ImageBitmaps from now on. */
export type DecoderWorkerAnswer = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'codes'; codes: string[]; bitmaps?: boolean };

// The DOM lib types `self` as a Window; in a worker it is the worker's global scope.
const scope = self as unknown as { onmessage: ((event: MessageEvent<DecoderWorkerRequest>) => void) | null; postMessage(answer: DecoderWorkerAnswer): void };
let reader: Promise<CodeReader> | undefined;

scope.onmessage = ({ data }) => {
  if (data.type === 'open') {
    reader = zxingReader(data.formats, data.wasm);
    reader.then(
      () => scope.postMessage({ type: 'ready' }),
      (error: unknown) => scope.postMessage({ type: 'failed', message: String((error as Error)?.message ?? error) }),
    );
    return;
  }
  const { frame, thorough, inView } = data;
  const bitmaps = typeof VideoFrame === 'function' && frame instanceof VideoFrame && !readableLayout(frame.format);
  void (async () => {
    let codes: string[] = [];
    try {
      codes = reader ? await (await reader).read(frame, { thorough, inView }) : [];
    } catch {
      // an unreadable frame is a frame without a code
    } finally {
      frame.close();
    }
    scope.postMessage({ type: 'codes', codes, ...(bitmaps && { bitmaps }) });
  })();
};
