import { expect } from '@open-wc/testing';
import { shapeDifferences } from './shape.js';

describe('seed shape comparison', () => {
  it('reports missing keys and type changes, deep inside arrays', () => {
    const example = { a: 1, list: [{ id: 1, name: 'x' }], nested: { flag: true } };
    expect(shapeDifferences({ a: 1, list: [{ id: 2, name: 'y' }], nested: { flag: false }, extra: 1 }, example)).to.deep.equal([]);
    expect(shapeDifferences({ a: '1', list: [{ id: 2 }], nested: {} }, example)).to.deep.equal([
      '$.a: expected number, got string',
      '$.list[0].name: missing',
      '$.nested.flag: missing',
    ]);
  });
});
