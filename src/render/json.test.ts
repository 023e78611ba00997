import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeBreaks, jsonText } from './json.js';

describe('jsonText', () => {
  it('writes what JSON.stringify writes, at any indentation', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (value, indent) => {
        expect(jsonText(value, indent)).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 500 },
    );
  });

  it('writes bigints as their digits, in the same layout', () => {
    expect(jsonText({ a: [9007199254740993n, 1], b: {} }, 4)).toBe('{\n    "a": [\n        9007199254740993,\n        1\n    ],\n    "b": {}\n}');
    expect(jsonText([-9007199254740993n, 'x'])).toBe('[-9007199254740993,"x"]');
  });

  it('escapes the characters YAML 1.1 reads as line breaks, in keys and values', () => {
    expect(jsonText({ 'k\u2028': 'a\u2029b\u0085' })).toBe('{"k\\u2028":"a\\u2029b\\u0085"}');
    expect(escapeBreaks('"x\u2028"')).toBe('"x\\u2028"');
  });
});
