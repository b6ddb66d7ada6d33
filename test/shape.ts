/**
 * Compares a live answer with a vendor document's example by shape: every key of the example is
 * present with the same JSON type (null in either is allowed: the seeds mark most fields
 * nullable), recursively, arrays by their items. Extra keys in the answer are allowed.
 */
import { expect } from '@open-wc/testing';

export function shapeDifferences(actual: unknown, example: unknown, path = '$'): string[] {
  if (example === null || actual === null) return [];
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);
  if (kind(actual) !== kind(example)) return [`${path}: expected ${kind(example)}, got ${kind(actual)}`];
  if (Array.isArray(example) && Array.isArray(actual)) {
    if (example.length === 0) return [];
    if (actual.length === 0) return [`${path}: expected at least one item like the example, got []`];
    return actual.flatMap((item, i) => shapeDifferences(item, example[0], `${path}[${i}]`)).slice(0, 20);
  }
  if (typeof example === 'object') {
    const a = actual as Record<string, unknown>;
    return Object.entries(example as Record<string, unknown>).flatMap(([key, value]) =>
      key in a ? shapeDifferences(a[key], value, `${path}.${key}`) : [`${path}.${key}: missing`],
    );
  }
  return [];
}

export function expectSameShape(actual: unknown, example: unknown): void {
  expect(shapeDifferences(actual, example), 'differences from the seed example').to.deep.equal([]);
}
