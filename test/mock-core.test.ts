import { expect } from '@open-wc/testing';
import { openMockWorld } from './mock.js';

describe('mock backend core', () => {
  it('keeps worlds apart: a fault in one world does not touch another', async () => {
    const a = await openMockWorld();
    const b = await openMockWorld();
    await a.fault({ kind: 'http-error', status: 503 });
    const inA = await fetch(`${a.base('audienceview')}/anything`);
    const inB = await fetch(`${b.base('audienceview')}/anything`);
    expect(inA.status).to.equal(503);
    expect(inB.status).to.equal(404);
  });
});
