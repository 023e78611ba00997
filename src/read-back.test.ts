import { describe, expect, it } from 'vitest';
import { KsetError } from './errors.js';
import type { ManifestDocument } from './read/document.js';
import { readsBackOnItsLine, verifyReadBack } from './read-back.js';
import type { Json } from './types.js';

const document = (text: string): ManifestDocument => ({ file: 'x.yaml', index: 0, chunk: { start: 0, end: text.length, line: 3 }, text });

/** The error verifyReadBack throws for `text` meant to read as `expected`, after `old` (whose value was `before`). */
function failure(old: string, before: Json[], text: string, expected: Json[]): KsetError | undefined {
  try {
    verifyReadBack(document(old), text, expected, { text: old, values: before });
    return undefined;
  } catch (e) {
    if (e instanceof KsetError) return e;
    throw e;
  }
}

describe('verifyReadBack', () => {
  it('passes a text that reads as meant, .nan, -0 and aliases included', () => {
    expect(failure('a: 1\n', [{ a: 1 }], 'a: .nan\nb: -0\nc: &x [1]\nd: *x\n', [{ a: NaN, b: -0, c: [1], d: [1] }])).toBeUndefined();
  });

  it.each([
    [
      'does not read',
      'a: 1\n  b: 2\n',
      [{ a: 1 }],
      /^internal error: the edited document does not read back as intended \(it does not read as YAML: .*\); it was not written/,
    ],
    ['reads as another value', 'z:\n  k: 1\n', [{ z: 'k' }], /\(at \/z: {"k":1} where "k" was meant\)/],
    ['reads as two documents', 'a: 1\n...\nb: 2\n', [{ a: 1 }], /\(it reads as 2 documents, not 1\)/],
  ])('fails a text that %s, at the document', (_name, text, expected, message) => {
    const error = failure('a: 0\n', [{ a: 0 }], text, expected);
    expect(error?.message).toMatch(message);
    expect(error?.position).toEqual({ file: 'x.yaml', line: 3, col: 1 });
  });

  it('passes an integer beyond an int64 (a float for kubectl) beside an int64 that is the same double', () => {
    const old = 'a: 9223372036854775807\nb: 9223372036854775808\n';
    const before = [{ a: 2 ** 63, b: 2 ** 63 }];
    expect(failure(old, before, `${old}c: 1\n`, [{ a: 2 ** 63, b: 2 ** 63, c: 1 }])).toBeUndefined();
  });

  it('fails a text that writes an integer kubectl held exactly with other digits', () => {
    const old = 'l: [9223372036854775807, a]\n';
    const before = [{ l: [2 ** 63, 'a'] }]; // 9223372036854775807 as a double
    expect(failure(old, before, 'l: [a, 9223372036854775807]\n', [{ l: ['a', 2 ** 63] }])).toBeUndefined();
    expect(failure(old, before, 'l: [a, 9223372036854776000]\n', [{ l: ['a', 2 ** 63] }])?.message).toMatch(
      /at \/l\/1: 9223372036854776000 where 9223372036854775807 was meant/,
    );
  });
});

describe('readsBackOnItsLine', () => {
  const text = 'a: old # c\nl:\n- x\r\n';
  const edit = (from: string, to: string, after: 'key' | 'dash', value: unknown) => {
    const start = text.indexOf(from);
    return { start, end: start + from.length, text: to, scalar: { after, value } };
  };
  it.each([
    ['a plain value before a comment', edit('old', 'new', 'key', 'new'), true],
    ['a quoted item before CR LF', edit('x', '"yes"', 'dash', 'yes'), true],
    ['a word YAML 1.1 reads as a boolean', edit('old', 'yes', 'key', 'yes'), false],
    ['a value that makes a map', edit('old', 'x: y', 'key', 'x: y'), false],
    ['an item that makes a map', edit('x', 'x: y', 'dash', 'x: y'), false],
    ['a value that takes the comment in', edit('old', 'new #', 'key', 'new #'), false],
    ['an edit without a scalar to read', { start: 3, end: 6, text: 'new' }, false],
    ['an edit over lines', edit('old', 'a\nb', 'key', 'a b'), false],
  ])('%s: %s', (_name, e, expected) => {
    expect(readsBackOnItsLine(text, e)).toBe(expected);
  });
});
