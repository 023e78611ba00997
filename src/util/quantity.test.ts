import { describe, expect, it } from 'vitest';
import { canonicalQuantity, parseQuantity, scaledValue } from './quantity.js';

// Each pair: a --limits quantity and what kubectl v1.32 set resources --local -o json wrote for it
// (or its error). 508 such strings, generated, gave the same results in a throwaway harness.
const printed: [string, string][] = [
  ['0', '0'],
  ['00', '0'],
  ['-0', '0'],
  ['+1', '+1'],
  ['01', '01'],
  ['1.', '1.'],
  ['.5', '500m'],
  ['0.5', '500m'],
  ['-0.5', '-500m'],
  ['1000m', '1'],
  ['0.0001', '100u'],
  ['1e3', '1e3'],
  ['1E3', '1E3'],
  ['1e-3', '1e-3'],
  ['1e-10', '1e-9'],
  ['1e+3', '1e+3'],
  ['e3', '0'],
  ['Ki', '0'],
  ['1Ki', '1Ki'],
  ['1024', '1024'],
  ['1023', '1023'],
  ['2048Mi', '2Gi'],
  ['1536Mi', '1536Mi'],
  ['1.5Gi', '1536Mi'],
  ['8Gi', '8Gi'],
  ['0.5Ki', '512'],
  ['0.001Ki', '1024m'],
  ['1000E', '1'],
  ['1E', '1E'],
  ['1.5P', '1500T'],
  ['12345678901234567890', '12345678901234567890'],
  ['0.1234567891', '123456790n'],
  ['0.1n', '1n'],
  ['-1.5m', '-1500u'],
  ['1000000000000000000000', '1'],
  ['1024Ki', '1Mi'],
  ['1048576', '1048576'],
  ['8Ei', '9223372036854775807'],
  ['9Ei', '9223372036854775807'],
  ['1.0001', '1000100u'],
  ['10.50', '10500m'],
  ['-1Gi', '-1Gi'],
  ['.', '0'],
  ['-', '0'],
];

describe('canonicalQuantity: what kubectl prints', () => {
  it.each(printed)('%j → %j', (text, expected) => expect(canonicalQuantity(text)).toEqual({ text: expected }));
});

describe('parseQuantity: errors as resource.ParseQuantity', () => {
  it.each([
    ['', /^quantities must match the regular expression '\^\(\[\+-\]\?\[0-9\.\]\+\)\(\[eEinumkKMGTP\]\*\[-\+\]\?\[0-9\]\*\)\$'$/],
    ['1 ', /^quantities must match/],
    ['abc', /^quantities must match/],
    ['1.2.3', /^quantities must match/],
    ['1e', /^unable to parse quantity's suffix$/],
    ['1kk', /^unable to parse quantity's suffix$/],
    ['1ki', /^unable to parse quantity's suffix$/],
    ['1e9223372036854775808', /^unable to parse quantity's suffix$/],
    ['.e-20', /^unable to parse numeric part of quantity$/],
  ])('%j', (text, message) => {
    const result = parseQuantity(text);
    expect('error' in result && result.error).toMatch(message);
  });

  it('rounds a tiny value with a huge exponent up to 1n without computing the power', () => {
    expect(canonicalQuantity('1e-2000000000')).toEqual({ text: '1e-9' });
  });
});

describe('scaledValue: apimachinery Value() and MilliValue()', () => {
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
  ])('%s scaled by 10^%i rounds up to %s', (text, digits, expected) => {
    const quantity = parseQuantity(text);
    if ('error' in quantity) throw new Error(quantity.error);
    expect(scaledValue(quantity, digits)).toBe(expected);
  });
});
