import { describe, expect, it } from 'vitest';
import { at } from './at.js';

describe('at', () => {
  it('returns the item at an index in range, null included', () => {
    expect(at(['a', null, 'c'], 1)).toBeNull();
    expect(at(['a', 'b'], 1)).toBe('b');
  });

  it.each([-1, 2, 0.5, Number.NaN])('throws on index %s', (i) => {
    expect(() => at(['a', 'b'], i)).toThrow(RangeError);
  });
});
