/**
 * `cache/validTickets`, streamed. A big event's list is 100,000 tickets (~55 MB of JSON): held as
 * one string and parsed at once it costs a phone hundreds of megabytes and seconds of a frozen
 * page. Here the body is read as it arrives, the `tickets` array is cut into its elements by a
 * small incremental splitter, and the caller gets them in batches (to store them as they come).
 * Status, HTML pages and dropped connections are the fetch seam's (request.ts); the vendor's
 * `error: true` form is checked on the rest of the object once the body is complete.
 */
import { ParseError, VendorError } from '../errors.js';
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

const SLICE_BYTES = 64 * 1024;
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
  const decoder = new TextDecoder();
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
  for await (const chunk of chunks) {
    // Network chunks can be megabytes; decoded and split a slice at a time, the text stays in the
    // processor's cache (measured in Chromium: twice as fast as whole chunks).
    for (let at = 0; at < chunk.byteLength; at += SLICE_BYTES) {
      const slice = chunk.subarray(at, at + SLICE_BYTES);
      progress.bytes += slice.byteLength;
      // A compressed body counts more bytes than Content-Length declared: the total is then unknown.
      if (progress.totalBytes !== null && progress.bytes > progress.totalBytes) progress.totalBytes = null;
      await deliver(splitter.push(decoder.decode(slice, { stream: true })));
    }
  }
  await deliver(splitter.push(decoder.decode()));
  const envelope = splitter.end() as Partial<ValidTicketsEnvelope>;
  const error = scanningError(envelope, response.status);
  if (error) throw error;
  if (!splitter.sawArray) {
    throw new VendorError('Unexpected answer from scanning/cache/validTickets: the answer had no tickets list', { vendor: 'audienceview', code: 16 });
  }
  return { ...(envelope as ValidTicketsEnvelope), ticketCount: progress.tickets };
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * Cuts one array property of a top-level JSON object out of a text that arrives in pieces.
 * `push` returns the complete elements of the array seen so far, as JSON text joined by commas
 * (so `JSON.parse('[' + text + ']')` reads them in one call); `end` returns the rest of the
 * object (the array left empty) once the text is complete, or throws a ParseError if it is not.
 * It only tracks strings and nesting: the JSON itself is validated by `JSON.parse`.
 */
export class JsonArraySplitter {
  /** Whether the array property was found. */
  sawArray = false;
  private buffer = '';
  /** Where scanning resumes in `buffer`. */
  private scan = 0;
  /** Inside the array: where the first element not yet returned starts. */
  private elementsFrom = 0;
  private depth = 0;
  private inString = false;
  private stringStart = 0;
  private lastDepthOneString: string | undefined;
  private currentKey: string | undefined;
  private arrayDepth = -1;
  private finished = false;
  /** The object outside the array, as text. */
  private rest = '';
  private restFrom = 0;
  private started = false;

  constructor(
    private readonly arrayKey: string,
    private readonly url = '',
    private readonly status = 200,
  ) {}

  push(text: string): string {
    const buffer = this.buffer + text;
    const length = buffer.length;
    // The hot loop works on locals (55 MB go through it), stored back at the end.
    let { depth, inString, stringStart, arrayDepth, elementsFrom, restFrom, started, finished } = this;
    // The complete elements of this piece lie between emitFrom and emitTo, commas included.
    let emitFrom = arrayDepth > 0 ? elementsFrom : -1;
    let emitTo = -1;
    let i = this.scan;
    while (i < length) {
      if (inString) {
        const quote = buffer.indexOf('"', i);
        if (quote < 0) {
          i = length;
          break;
        }
        let slashes = 0;
        for (let k = quote - 1; buffer.charCodeAt(k) === BACKSLASH; k--) slashes++;
        i = quote + 1;
        if (slashes % 2 === 1) continue; // an escaped quote
        inString = false;
        if (depth === 1) this.lastDepthOneString = buffer.slice(stringStart, i);
        continue;
      }
      const c = buffer.charCodeAt(i);
      if (!started) {
        if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) {
          i++;
          continue;
        }
        if (c !== OPEN_BRACE) throw this.parseError(buffer.slice(i, i + 200), c === 60 ? 'received an HTML page where JSON was expected' : 'the answer was not a JSON object');
        started = true;
        restFrom = i;
      }
      if (finished) {
        if (!(c === 32 || c === 10 || c === 13 || c === 9)) throw this.parseError(buffer.slice(i, i + 200), 'text after the end of the JSON object');
        i++;
        continue;
      }
      switch (c) {
        case QUOTE:
          inString = true;
          stringStart = i;
          break;
        case COLON:
          if (depth === 1) this.currentKey = this.lastDepthOneString;
          break;
        case OPEN_BRACE:
          depth++;
          break;
        case OPEN_BRACKET:
          depth++;
          if (depth === 2 && !this.sawArray && this.currentKey === JSON.stringify(this.arrayKey)) {
            arrayDepth = 2;
            this.sawArray = true;
            this.rest += buffer.slice(restFrom, i + 1);
            elementsFrom = emitFrom = i + 1;
          }
          break;
        case COMMA:
          if (depth === arrayDepth) emitTo = elementsFrom = i + 1;
          break;
        case CLOSE_BRACKET:
          if (depth === arrayDepth) {
            emitTo = i + 1;
            arrayDepth = -1;
            restFrom = i;
          }
          depth--;
          break;
        case CLOSE_BRACE:
          depth--;
          if (depth === 0) {
            finished = true;
            this.rest += buffer.slice(restFrom, i + 1);
            restFrom = i + 1;
          }
          break;
      }
      i++;
    }
    // emitTo is just past a comma or the closing bracket: leave that character out.
    const out = emitTo > emitFrom && emitFrom >= 0 ? buffer.slice(emitFrom, emitTo - 1) : '';
    // Keep only what is still needed: the unfinished element, or a key cut in two by the chunk.
    let drop: number;
    if (!started || finished) {
      drop = length;
    } else if (arrayDepth > 0) {
      drop = elementsFrom;
    } else {
      this.rest += buffer.slice(restFrom, length);
      restFrom = length;
      drop = inString ? stringStart : length;
    }
    this.buffer = buffer.slice(drop);
    this.scan = i - drop;
    this.depth = depth;
    this.inString = inString;
    this.arrayDepth = arrayDepth;
    this.started = started;
    this.finished = finished;
    this.elementsFrom = elementsFrom - drop;
    this.stringStart = stringStart - drop;
    this.restFrom = restFrom - drop;
    return /\S/.test(out) ? out : '';
  }

  /** The object without the array's elements; throws a ParseError if the text was empty or cut short. */
  end(): Record<string, unknown> {
    if (!this.started) throw this.parseError('', 'the answer was empty');
    if (!this.finished) throw this.parseError(this.rest.slice(0, 200), 'the answer was not valid JSON (cut short?)');
    try {
      return JSON.parse(this.rest) as Record<string, unknown>;
    } catch {
      throw this.parseError(this.rest.slice(0, 200), 'the answer was not valid JSON');
    }
  }

  private parseError(snippet: string, reason: string): ParseError {
    return new ParseError(this.url, this.status, snippet, reason);
  }
}
