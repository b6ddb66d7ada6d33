import { expect } from '@open-wc/testing';
import { ParseError } from './errors.js';
import { thisTaskEnds, withPageTasks } from '../../test/page-tasks.js';
import { JsonObjectReader, readJsonInSlices } from './json-slices.js';

/** Feeds `text` to a reader in pieces of the given sizes (cycled). */
function readInPieces(text: string, sizes: number[]): unknown {
  const reader = new JsonObjectReader();
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    reader.push(text.slice(at, at + size));
    at += size;
  }
  return reader.end();
}

/** A body that arrives as one chunk, read without a task between reads (a stream made in the page). */
function oneChunk(text: string): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  };
}

/** A calendar-like answer: days of performances with notes, prices and timed entries. */
function bigCalendar(performances: number): string {
  const byDay: Record<string, unknown[]> = {};
  for (let n = 0; n < performances; n++) {
    const day = `2027-03-${String((n % 28) + 1).padStart(2, '0')}`;
    (byDay[day] ??= []).push({
      performanceId: 10_000 + n,
      productionName: `Production ${n % 40} "quoted", {braced} [bracketed] ü€😀`,
      notes: '<p>Doors open at 7pm, \\ backslash, "escaped"</p>'.repeat(8),
      prices: [{ name: 'Adult', amount: 25 }, { name: 'Child', amount: 12.5 }],
      entries: Array.from({ length: 4 }, (_, e) => ({ id: e, time: `1${e}:00` })),
    });
  }
  return JSON.stringify({ clientName: 'Harbour Lights', errors: [], warnings: [], performancesByDateDisplay: byDay, clientActive: true });
}

describe('JsonObjectReader', () => {
  const tricky = {
    clientName: 'a "performancesByDateDisplay": {} lookalike, with \\ and } and ] and ,',
    empty: [],
    emptyObject: {},
    count: 3,
    nothing: null,
    yes: true,
    performancesByDateDisplay: {
      '2027-03-01': [{ title: 'a"b', seat: '{[,]}', patron: { phones: [1, 2, { x: '\\"' }] } }, 7, null, 'plain'],
      '2027-03-02': [],
      'ü€😀 "key"': { nested: { deeper: [[[]]] } },
    },
    performances: [{ a: 1 }, [2, [3]], 'x', -0.5e3, false],
  };
  // With `__proto__` members, as a vendor's JSON could carry them: own members, never a prototype.
  const text = JSON.stringify(tricky, null, 1)
    .replace('{\n', '{\n "__proto__": {"polluted": true},\n')
    .replace('"performancesByDateDisplay": {', '"performancesByDateDisplay": {"__proto__": {"polluted": true},');

  it('gives what JSON.parse gives, however the text is cut', () => {
    const expected = JSON.parse(text) as unknown;
    for (const sizes of [[text.length], [1], [2, 3, 5, 7], [64], [13, 1, 1]]) {
      expect(readInPieces(text, sizes), `pieces of ${sizes.join(',')}`).to.deep.equal(expected);
    }
    const read = readInPieces(text, [5]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(read)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf(read.performancesByDateDisplay)).to.equal(Object.prototype);
    expect(Object.keys(read.performancesByDateDisplay as object)).to.include('__proto__');
    expect(Object.keys(read)).to.deep.equal(Object.keys(expected as object));
  });

  it('keeps the last of a key written twice, as JSON.parse does', () => {
    const twice = '{"list":[1,2],"other":{"a":1},"list":[3],"other":{"b":2}}';
    expect(readInPieces(twice, [3])).to.deep.equal(JSON.parse(twice));
  });

  it('says what is wrong with an empty, cut-short, HTML, non-object or broken answer', () => {
    const failure = (text: string) => {
      try {
        readInPieces(text, [5]);
      } catch (error) {
        expect(error).to.be.instanceOf(ParseError);
        return (error as ParseError).message;
      }
      throw new Error(`expected a ParseError for ${text}`);
    };
    expect(failure('  ')).to.match(/empty/);
    expect(failure('{"performances":[{"a":1},{"b"')).to.match(/cut short/);
    expect(failure('<!DOCTYPE html><html>')).to.match(/HTML page/);
    expect(failure('{"a":[]} {"again":1}')).to.match(/after the end/);
    expect(failure('[1,2]')).to.match(/not a JSON object/);
    expect(failure('{"performances":[{"a":1},{b:2}]}')).to.match(/not valid JSON/);
    expect(failure('{"clientName":nope,"performances":[]}')).to.match(/not valid JSON/);
  });
});

describe('readJsonInSlices', () => {
  it('reads a megabytes answer that arrives at once with tasks of the page in between, and gives what JSON.parse gives', async () => {
    const text = bigCalendar(6_000);
    expect(text.length).to.be.above(4_000_000);
    const { result: answer, pageTasks } = await withPageTasks(() => readJsonInSlices<unknown>('https://vendor.example/calendar', oneChunk(text), { status: 200 }));
    expect(answer).to.deep.equal(JSON.parse(text));
    // Read at once, the whole body is one task: the probe could not run until it was over.
    expect(pageTasks, 'tasks of the page that ran while the answer was read').to.be.at.least(2);
  });

  it('gives the answer in a task of its own: the task that read it ends before the caller goes on', async () => {
    // A chain of microtasks started in the task that reads the answer (test/page-tasks.ts).
    let readingTask: { readonly over: boolean } | undefined;
    async function* body(): AsyncGenerator<Uint8Array> {
      readingTask = thisTaskEnds();
      yield new TextEncoder().encode('{"clientId":284,"performances":[{"performanceId":1}]}');
    }
    const answer = await readJsonInSlices<{ clientId: number }>('https://vendor.example/events', body(), { status: 200 });
    expect(answer.clientId).to.equal(284);
    expect(readingTask?.over, 'the caller goes on in a task after the one that read the answer').to.equal(true);
  });
});
