import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { replaceAt, updateAt } from './update-at.js';

describe('updateAt', () => {
  const root = (): JsonObject => ({ a: { b: [{ c: 1 }, { c: 2 }], keep: { x: 1 } }, z: true });

  it('copies the path only, and leaves the input alone', () => {
    const input = root();
    const result = updateAt(input, ['a', 'b', '1', 'c'], () => 3);
    expect(result).toEqual({ a: { b: [{ c: 1 }, { c: 3 }], keep: { x: 1 } }, z: true });
    expect(input).toEqual(root());
    expect((result.a as JsonObject).keep).toBe((input.a as JsonObject).keep);
  });

  it('returns the root itself when the value does not change', () => {
    const input = root();
    expect(updateAt(input, ['a', 'b', '0', 'c'], (value) => value)).toBe(input);
    expect(updateAt(input, ['missing', 'x'], () => undefined)).toBe(input);
  });

  it('creates missing maps, and replaces what is not a map', () => {
    expect(updateAt({ a: null }, ['a', 'b', 'c'], () => 'v')).toEqual({ a: { b: { c: 'v' } } });
  });

  it('deletes a key for undefined, keeping the order of the others', () => {
    const result = updateAt({ a: { x: 1, y: 2, z: 3 } }, ['a', 'y'], () => undefined);
    expect(Object.keys(result.a as JsonObject)).toEqual(['x', 'z']);
  });
});

describe('replaceAt', () => {
  it('copies each map and list on the paths once', () => {
    const root: JsonObject = { a: { b: [{ c: 1 }, { c: 2 }], d: { e: 1 } }, f: { g: 1 } };
    const result = replaceAt(root, [
      { path: ['a', 'b', '0', 'c'], value: 10 },
      { path: ['a', 'b', '1', 'c'], value: 20 },
      { path: ['a', 'x'], value: 'new' },
    ]);
    expect(result).toEqual({ a: { b: [{ c: 10 }, { c: 20 }], d: { e: 1 }, x: 'new' }, f: { g: 1 } });
    expect(root).toEqual({ a: { b: [{ c: 1 }, { c: 2 }], d: { e: 1 } }, f: { g: 1 } });
    expect(result.f).toBe(root.f);
    expect((result.a as JsonObject).d).toBe((root.a as JsonObject).d);
  });

  it('removes a key given undefined, leaving the input as it was', () => {
    const root: JsonObject = { a: { b: 1, c: 2 } };
    expect(replaceAt(root, [{ path: ['a', 'b'], value: undefined }])).toEqual({ a: { c: 2 } });
    expect(root).toEqual({ a: { b: 1, c: 2 } });
  });
});
