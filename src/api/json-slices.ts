/**
 * JSON read as it arrives, a slice at a time. A vendor's answer can be megabytes (AudienceView's
 * calendar month of a thousand performances is 2.5 MB): read whole with `response.text()` and one
 * `JSON.parse`, it holds a phone's main thread for hundreds of milliseconds in a few long tasks,
 * while the patron cannot scroll or tap. Here the body is decoded in slices, the top-level
 * object's big members (the arrays and objects directly inside it) are cut into their complete
 * elements by a small scanner, each slice's elements are read by the platform's `JSON.parse`, and
 * the reader gives the browser a task of its own whenever it has worked for a slice of time.
 */
import { ParseError } from './errors.js';
import { untilNextTask, WORK_SLICE_MS } from './next-task.js';

/** The complete members of one container directly inside the top-level object, as JSON text joined by commas. */
export interface MemberSlice {
  /** The container's key, as written in the JSON (with its quotes and escapes). */
  key: string;
  /** Counts the containers cut so far (a key written twice is two containers). */
  container: number;
  kind: 'array' | 'object';
  /** Elements (`1,{"a":2}`) or members (`"a":1,"b":[2]`): `JSON.parse('[' + text + ']')` or `'{' + text + '}'` reads them. */
  text: string;
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
 * Cuts the containers directly inside a top-level JSON object out of a text that arrives in
 * pieces. `push` returns the complete members seen so far of each container `cuts` chooses;
 * `end` returns the rest of the object as JSON text (each cut container left empty) once the text
 * is complete, or throws a ParseError if it is not. It only tracks strings and nesting: the JSON
 * itself is validated by `JSON.parse`.
 */
export class JsonSlicer {
  private buffer = '';
  /** Where scanning resumes in `buffer`. */
  private scan = 0;
  /** Inside a cut container: where the first member not yet returned starts. */
  private elementsFrom = 0;
  private depth = 0;
  private inString = false;
  private stringStart = 0;
  private lastDepthOneString: string | undefined;
  private currentKey: string | undefined;
  /** The container being cut, if any. */
  private cutting: Omit<MemberSlice, 'text'> | undefined;
  private containers = 0;
  private finished = false;
  /** The object outside the cut containers, as text. */
  private rest = '';
  private restFrom = 0;
  private started = false;

  constructor(
    /** Whether to cut the container under `key` (as written, quotes included); the others stay in the rest. */
    private readonly cuts: (key: string, kind: MemberSlice['kind']) => boolean,
    private readonly url = '',
    private readonly status = 200,
  ) {}

  push(text: string): MemberSlice[] {
    const buffer = this.buffer + text;
    const length = buffer.length;
    const slices: MemberSlice[] = [];
    // The hot loop works on locals (a scanner's list of 55 MB goes through it), stored back at the end.
    let { depth, inString, stringStart, elementsFrom, restFrom, started, finished, cutting } = this;
    // The complete members of the container being cut lie between emitFrom and emitTo, commas included.
    let emitFrom = cutting ? elementsFrom : -1;
    let emitTo = -1;
    const emit = () => {
      // emitTo is just past a comma or the closing bracket: leave that character out.
      const out = cutting && emitTo > emitFrom && emitFrom >= 0 ? buffer.slice(emitFrom, emitTo - 1) : '';
      if (/\S/.test(out)) slices.push({ ...cutting!, text: out });
    };
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
        case OPEN_BRACKET: {
          depth++;
          const kind = c === OPEN_BRACKET ? 'array' : 'object';
          if (depth === 2 && this.currentKey !== undefined && this.cuts(this.currentKey, kind)) {
            cutting = { key: this.currentKey, container: this.containers++, kind };
            this.rest += buffer.slice(restFrom, i + 1);
            elementsFrom = emitFrom = i + 1;
            emitTo = -1;
          }
          break;
        }
        case COMMA:
          if (cutting && depth === 2) emitTo = elementsFrom = i + 1;
          break;
        case CLOSE_BRACKET:
        case CLOSE_BRACE:
          if (cutting && depth === 2) {
            emitTo = i + 1;
            emit();
            cutting = undefined;
            emitFrom = emitTo = -1;
            restFrom = i;
          }
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
    emit();
    // Keep only what is still needed: the unfinished member, or a key cut in two by the piece.
    let drop: number;
    if (!started || finished) {
      drop = length;
    } else if (cutting) {
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
    this.cutting = cutting;
    this.started = started;
    this.finished = finished;
    this.elementsFrom = elementsFrom - drop;
    this.stringStart = stringStart - drop;
    this.restFrom = restFrom - drop;
    return slices;
  }

  /** The object's text without the cut containers' members; throws a ParseError if the text was empty or cut short. */
  end(): string {
    if (!this.started) throw this.parseError('', 'the answer was empty');
    if (!this.finished) throw this.parseError(this.rest.slice(0, 200), 'the answer was not valid JSON (cut short?)');
    return this.rest;
  }

  parseError(snippet: string, reason: string): ParseError {
    return new ParseError(this.url, this.status, snippet, reason);
  }
}

/**
 * Builds a whole JSON object from pieces of its text: the containers directly inside it are read a
 * slice at a time as their members arrive (`push`), the rest when the text is complete (`end`).
 * `end` gives what `JSON.parse` of the whole text gives.
 */
export class JsonObjectReader {
  private readonly slicer: JsonSlicer;
  private readonly built: Array<{ key: string; value: unknown[] | Record<string, unknown> }> = [];

  constructor(url = '', status = 200) {
    this.slicer = new JsonSlicer(() => true, url, status);
  }

  push(text: string): void {
    for (const slice of this.slicer.push(text)) {
      const target = (this.built[slice.container] ??= { key: slice.key, value: slice.kind === 'array' ? [] : {} }).value;
      const wrapped = slice.kind === 'array' ? `[${slice.text}]` : `{${slice.text}}`;
      let members: unknown;
      try {
        members = JSON.parse(wrapped);
      } catch {
        throw this.slicer.parseError(slice.text.slice(0, 200), 'the answer was not valid JSON');
      }
      if (Array.isArray(target)) {
        for (const element of members as unknown[]) target.push(element);
      } else {
        for (const [name, value] of Object.entries(members as Record<string, unknown>)) define(target, name, value);
      }
    }
  }

  end(): Record<string, unknown> {
    const text = this.slicer.end();
    let object: Record<string, unknown>;
    try {
      object = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw this.slicer.parseError(text.slice(0, 200), 'the answer was not valid JSON');
    }
    // In order, so that a key written twice keeps its last container, as JSON.parse does.
    for (const entry of this.built) if (entry) define(object, JSON.parse(entry.key) as string, entry.value);
    return object;
  }
}

/** Bytes decoded and scanned at a time: small enough to stay in the processor's cache (twice as fast as megabyte chunks in Chromium). */
const SLICE_BYTES = 64 * 1024;

/**
 * A body's chunks (the seam's `readStream`) as text, a slice of `bytes` at a time: network chunks
 * can be megabytes. The last item is the decoder's flush (`bytes` 0).
 */
export async function* decodeInSlices(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<{ text: string; bytes: number }> {
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.byteLength; at += SLICE_BYTES) {
      const slice = chunk.subarray(at, at + SLICE_BYTES);
      yield { text: decoder.decode(slice, { stream: true }), bytes: slice.byteLength };
    }
  }
  yield { text: decoder.decode(), bytes: 0 };
}

/**
 * Reads a JSON object from a body's chunks a slice at a time, and gives the browser its turn
 * between slices: no long task however big the answer.
 */
export async function readJsonInSlices<T>(url: string, chunks: AsyncIterable<Uint8Array>, response: Pick<Response, 'status'>): Promise<T> {
  const reader = new JsonObjectReader(url, response.status);
  let since = performance.now();
  for await (const { text } of decodeInSlices(chunks)) {
    reader.push(text);
    if (performance.now() - since > WORK_SLICE_MS) {
      await untilNextTask();
      since = performance.now();
    }
  }
  const answer = reader.end() as T;
  // What the caller does with the answer (a month's views, a render) starts in a task of its own, not
  // at the end of this one's last slice.
  await untilNextTask();
  return answer;
}

/** `object[name] = value`, also for a member named `__proto__` (an own property, as JSON.parse makes it). */
function define(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  else object[name] = value;
}
