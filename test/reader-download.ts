import { defaultReaderWasmUrl } from '../src/components/ticket-scanner/camera/barcode-decoder.js';
import { withFetchWrapped, type FetchWrapper } from './fetch-wrapper.js';

/**
 * The barcode reader's wasm as a foyer's network brings it. For the rest of `action`, a fetch of
 * `url` answers at once (as `application/wasm`) with the real reader's bytes, in the pieces `pace`
 * hands over as the body is read; every other request goes out as it is. An abort errors the body,
 * as a browser's fetch does.
 */
export async function withReaderDownload<T>(url: string, pace: (reader: Uint8Array) => AsyncIterator<Uint8Array>, action: () => Promise<T>): Promise<T> {
  const reader = new Uint8Array(await (await fetch(defaultReaderWasmUrl())).arrayBuffer());
  const download: FetchWrapper = async (input, init, underneath) => {
    if (String(input) !== url) return underneath(input, init);
    const signal = init?.signal;
    const pieces = pace(reader);
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true }),
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
    return new Response(body, { headers: { 'content-type': 'application/wasm' } });
  };
  return withFetchWrapped(download, action);
}
