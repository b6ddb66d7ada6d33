/**
 * `cache/validTickets`, streamed. A big event's list is 100,000 tickets (~55 MB of JSON): held as
 * one string and parsed at once it costs a phone hundreds of megabytes and seconds of a frozen
 * page. Here the body is read as it arrives, the `tickets` array is cut into its elements by a
 * small incremental splitter, and the caller gets them in batches (to store them as they come).
 * Status, HTML pages and dropped connections are the fetch seam's (request.ts); the vendor's
 * `error: true` form is checked on the rest of the object once the body is complete.
 */
import { ParseError, VendorError } from '../errors.js';
import { decodeInSlices, JsonSlicer } from '../json-slices.js';
import { joinUrl, request } from '../request.js';
import { AUDIENCEVIEW_API_BASE } from './public.js';
import { authorizationHeader, noteVendorClock, scanningError, type ScanningRequestOptions, type ScanningSession } from './scanning.js';
import type { ScannableTicket, ScanningResponse, ValidTicketsQuery } from './types.js';

/** The answer without its tickets. */
export interface ValidTicketsEnvelope extends ScanningResponse {
  clientId: number;
  productionId: number | null;
  performanceId: number | null;
}

export interface StreamProgress {
  tickets: number;
  /** Bytes of body received so far. */
  bytes: number;
  /** From `Content-Length`, when the server sent one (and the body is not compressed). */
  totalBytes: number | null;
}

export interface StreamValidTicketsOptions extends ScanningRequestOptions {
  /** Each batch of tickets as it is parsed; a returned promise is awaited before reading on (backpressure). */
  onTickets: (tickets: ScannableTicket[], progress: StreamProgress) => void | Promise<void>;
  /** The download starts over after a dropped connection (the seam retries GETs): forget what `onTickets` got. */
  onRestart?: () => void | Promise<void>;
}

/** A big list takes a while on a foyer's network: more than the seam's default 15 s per attempt. */
const STREAM_TIMEOUT_MS = 120_000;

/** Streams every valid ticket for the filter to `onTickets`; resolves with the envelope and the count. */
export async function streamValidTickets(
  session: ScanningSession,
  query: ValidTicketsQuery,
  options: StreamValidTicketsOptions,
): Promise<ValidTicketsEnvelope & { ticketCount: number }> {
  const url = joinUrl(session.apiBase || AUDIENCEVIEW_API_BASE, '/public/scanning/cache/validTickets');
  let attempts = 0;
  return request(url, {
    headers: authorizationHeader(session),
    query: { clientId: query.clientId, productionId: query.productionId, performanceId: query.performanceId },
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? STREAM_TIMEOUT_MS,
    toVendorError: (answer) => scanningError(answer.json, answer.status),
    onResponse: noteVendorClock,
    responseType: 'stream',
    readStream: async (chunks, response) => {
      if (attempts++ > 0) await options.onRestart?.();
      return readValidTickets(url, chunks, response, options.onTickets);
    },
  });
}

async function readValidTickets(
  url: string,
  chunks: AsyncIterable<Uint8Array>,
  response: Response,
  onTickets: StreamValidTicketsOptions['onTickets'],
): Promise<ValidTicketsEnvelope & { ticketCount: number }> {
  const splitter = new JsonArraySplitter('tickets', url, response.status);
  const declared = Number(response.headers.get('content-length'));
  const progress: StreamProgress = { tickets: 0, bytes: 0, totalBytes: Number.isFinite(declared) && declared > 0 ? declared : null };
  const deliver = async (elements: string) => {
    if (!elements) return;
    let tickets: ScannableTicket[];
    try {
      tickets = JSON.parse(`[${elements}]`) as ScannableTicket[];
    } catch {
      throw new ParseError(url, response.status, elements.slice(0, 200), 'a ticket in the answer was not valid JSON');
    }
    progress.tickets += tickets.length;
    await onTickets(tickets, { ...progress });
  };
  for await (const { text, bytes } of decodeInSlices(chunks)) {
    progress.bytes += bytes;
    // A compressed body counts more bytes than Content-Length declared: the total is then unknown.
    if (progress.totalBytes !== null && progress.bytes > progress.totalBytes) progress.totalBytes = null;
    await deliver(splitter.push(text));
  }
  const envelope = splitter.end() as Partial<ValidTicketsEnvelope>;
  const error = scanningError(envelope, response.status);
  if (error) throw error;
  if (!splitter.sawArray) {
    throw new VendorError('Unexpected answer from scanning/cache/validTickets: the answer had no tickets list', { vendor: 'audienceview', code: 16 });
  }
  return { ...(envelope as ValidTicketsEnvelope), ticketCount: progress.tickets };
}

/**
 * Cuts one array property of a top-level JSON object out of a text that arrives in pieces.
 * `push` returns the complete elements of the array seen so far, as JSON text joined by commas
 * (so `JSON.parse('[' + text + ']')` reads them in one call); `end` returns the rest of the
 * object (the array left empty) once the text is complete, or throws a ParseError if it is not.
 */
export class JsonArraySplitter {
  /** Whether the array property was found. */
  sawArray = false;
  private readonly slicer: JsonSlicer;

  constructor(arrayKey: string, url = '', status = 200) {
    const key = JSON.stringify(arrayKey);
    // The first array under the key; anything else stays in the rest of the object.
    this.slicer = new JsonSlicer((written, kind) => kind === 'array' && written === key && !this.sawArray && (this.sawArray = true), url, status);
  }

  push(text: string): string {
    return this.slicer
      .push(text)
      .map((slice) => slice.text)
      .join(',');
  }

  /** The object without the array's elements; throws a ParseError if the text was empty or cut short. */
  end(): Record<string, unknown> {
    const rest = this.slicer.end();
    try {
      return JSON.parse(rest) as Record<string, unknown>;
    } catch {
      throw this.slicer.parseError(rest.slice(0, 200), 'the answer was not valid JSON');
    }
  }
}
