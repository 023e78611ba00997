import { describe, expect, it } from 'vitest';
import { parseQuantity, scaledValue } from './quantity.js';

describe('quantities', () => {
  it.each([
    ['250m', 0, 1n],
    ['250m', 3, 250n],
    ['1.5', 0, 2n],
    ['1.5', 3, 1500n],
    ['1Gi', 0, 1073741824n],
    ['100M', 0, 100000000n],
    ['1e3', 0, 1000n],
    ['2E-3', 3, 2n],
    ['1n', 3, 1n],
    ['.5', 3, 500n],
    ['-1.5', 0, -1n],
    ['0', 3, 0n],
  ])('%s scaled by 10^%i rounds up to %s', (text, scale, expected) => {
    expect(scaledValue(parseQuantity(text)!, scale)).toBe(expected);
  });

  it.each(['', 'm', '1.5.5', '1Qi', '1e', 'abc', '1 m'])('%j is no quantity', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
