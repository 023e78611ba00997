import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { updateAt } from './update-at.js';

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
