import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { rejection } from '../../../test/rejection.js';
import { NetworkError, ParseError, VendorError } from '../errors.js';
import { authenticate, fetchValidTickets, type ScanningSession } from './scanning.js';
import type { ScannableTicket } from './types.js';
import { JsonArraySplitter, streamValidTickets, type StreamProgress } from './valid-tickets-stream.js';

const DOOR = { username: 'door@harbourlights.example', password: 'harbour-door-2027' };

/** Feeds `text` to a splitter in pieces of the given sizes (cycled) and collects what it returns. */
function split(text: string, sizes: number[]): { elements: unknown[]; rest: Record<string, unknown> } {
  const splitter = new JsonArraySplitter('tickets');
  const elements: unknown[] = [];
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    const out = splitter.push(text.slice(at, at + size));
    if (out) elements.push(...(JSON.parse(`[${out}]`) as unknown[]));
    at += size;
  }
  return { elements, rest: splitter.end() };
}

describe('JsonArraySplitter', () => {
  const tricky = {
    error: false,
    note: 'a "tickets": [1, 2] lookalike, with \\ and } and ]',
    nested: { tickets: ['not this one'] },
    tickets: [
      { barcode: 'a"b', seat: '{[,]}', patron: { phones: [1, 2, { x: '\\"' }] } },
      { barcode: 'ü€😀', seat: null, list: [] },
      7,
      null,
      'plain',
    ],
    after: { clientId: 284 },
  };
  const text = JSON.stringify(tricky, null, 1);

  it('returns every element and the rest of the object, however the text is cut', () => {
    for (const sizes of [[text.length], [1], [2, 3, 5, 7], [64], [13, 1, 1]]) {
      const { elements, rest } = split(text, sizes);
      expect(elements, `pieces of ${sizes.join(',')}`).to.deep.equal(tricky.tickets);
      expect(rest).to.deep.equal({ ...tricky, tickets: [] });
    }
  });

  it('reads an object without the array, and an empty array', () => {
    expect(split('{"error":true,"errorDetails":{"errorCodeId":5}}', [4]).rest).to.deep.equal({ error: true, errorDetails: { errorCodeId: 5 } });
    const empty = split(' {"tickets": [ ], "clientId": 1} ', [3]);
    expect(empty.elements).to.deep.equal([]);
    expect(empty.rest).to.deep.equal({ tickets: [], clientId: 1 });
  });

  it('says what is wrong with an empty, cut-short, HTML or over-long answer', () => {
    const failure = (text: string) => {
      try {
        split(text, [5]);
      } catch (error) {
        return error as ParseError;
      }
      throw new Error('expected a ParseError');
    };
    expect(failure('  ').message).to.match(/empty/);
    expect(failure('{"tickets":[{"a":1},{"b"').message).to.match(/cut short/);
    expect(failure('<!DOCTYPE html><html>').message).to.match(/HTML page/);
    expect(failure('{"tickets":[]} {"again":1}').message).to.match(/after the end/);
    expect(failure('[1,2]')).to.be.instanceOf(ParseError);
  });
});

describe('streamValidTickets', () => {
  let mock: MockWorld;
  let session: ScanningSession;
  let tonight: number;
  beforeEach(async () => {
    mock = await openMockWorld();
    session = (await authenticate(mock.base('audienceview'), DOOR)).session;
    const { performances } = await mock.control<{ performances: Array<{ performanceId: number }> }>('audienceview', '/performances?productionId=962459&when=scannable');
    tonight = performances[0]!.performanceId;
  });

  /** Every ticket delivered, forgetting what came before a restart (as a caller must). */
  const collect = async () => {
    const batches: ScannableTicket[][] = [];
    const progress: StreamProgress[] = [];
    let restarts = 0;
    let discarded = 0;
    const envelope = await streamValidTickets(session, { clientId: 284, performanceId: tonight }, {
      onRestart: () => {
        restarts++;
        discarded += batches.flat().length;
        batches.length = 0;
      },
      onTickets: (tickets, p) => {
        batches.push(tickets);
        progress.push(p);
      },
    });
    return { envelope, tickets: batches.flat(), progress, restarts, discarded };
  };

  it('delivers the same tickets as the whole answer, in batches, with progress', async () => {
    const whole = await fetchValidTickets(session, { clientId: 284, performanceId: tonight });
    const { envelope, tickets, progress } = await collect();
    expect(whole.tickets.length).to.be.greaterThan(100);
    expect(tickets).to.deep.equal(whole.tickets);
    expect(envelope.ticketCount).to.equal(whole.tickets.length);
    expect(envelope).to.include({ clientId: 284, performanceId: tonight, error: false });
    expect(envelope.accessTokenExpiration).to.be.a('number');
    const last = progress.at(-1)!;
    expect(last.tickets).to.equal(whole.tickets.length);
    expect(progress.map((p) => p.bytes)).to.deep.equal([...progress.map((p) => p.bytes)].sort((a, b) => a - b));
    if (last.totalBytes !== null) expect(last.bytes).to.be.at.most(last.totalBytes);
  });

  it("turns the vendor's error form into a VendorError (an expired token ends the session)", async () => {
    await mock.control('audienceview', '/expire-tokens', { method: 'POST' });
    const error = await rejection<VendorError>(collect());
    expect(error).to.be.instanceOf(VendorError);
    expect(error.code).to.equal(5);
    expect(error.forceLogout).to.equal(true);
  });

  it('reports an HTML page or a cut-short answer as a ParseError', async () => {
    await mock.fault({ vendor: 'audienceview', path: 'validTickets', kind: 'html', status: 200, times: 1 });
    expect((await rejection(collect())).name).to.equal('ParseError');
    await mock.fault({ vendor: 'audienceview', path: 'validTickets', kind: 'truncated', times: 1 });
    const cut = await rejection<ParseError>(collect());
    expect(cut).to.be.instanceOf(ParseError);
    expect(cut.message).to.match(/cut short|not valid JSON/);
  });

  it('starts over after a connection dropped mid-answer, telling the caller to forget the first part', async () => {
    await mock.fault({ vendor: 'audienceview', path: 'validTickets', kind: 'drop-after-apply', times: 1 });
    const { tickets, restarts, discarded } = await collect();
    const whole = await fetchValidTickets(session, { clientId: 284, performanceId: tonight });
    expect(restarts).to.equal(1);
    expect(discarded, 'tickets delivered before the drop').to.be.greaterThan(0);
    expect(tickets).to.deep.equal(whole.tickets);
  });

  it('fails with a NetworkError when the connection keeps dropping', async () => {
    await mock.fault({ vendor: 'audienceview', path: 'validTickets', kind: 'offline' });
    expect(await rejection(collect())).to.be.instanceOf(NetworkError);
  });
});
