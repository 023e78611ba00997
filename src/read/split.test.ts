import { describe, expect, it } from 'vitest';
import { splitStream } from './split.js';

const pieces = (text: string) => splitStream(text).map((c) => text.slice(c.start, c.end));

describe('splitStream', () => {
  it.each([
    ['one document', 'a: 1\n', ['a: 1\n']],
    ['leading separator', '---\na: 1\n', ['---\na: 1\n']],
    ['two documents', 'a: 1\n---\nb: 2\n', ['a: 1\n', '---\nb: 2\n']],
    ['separator with comment', 'a: 1\n--- # two\nb: 2', ['a: 1\n', '--- # two\nb: 2']],
    ['CRLF', 'a: 1\r\n---\r\nb: 2\r\n', ['a: 1\r\n', '---\r\nb: 2\r\n']],
    ['not a separator', 'a: 1\n---x: 2\n  ---\n', ['a: 1\n---x: 2\n  ---\n']],
    ['empty documents kept', '---\n---\n# c\n', ['---\n', '---\n# c\n']],
    ['empty stream', '', ['']],
  ])('%s', (_name, text, expected) => {
    expect(pieces(text)).toEqual(expected);
    expect(pieces(text).join('')).toBe(text);
  });

  it('numbers each chunk by its first line', () => {
    expect(splitStream('a: 1\nb: 2\n---\nc: 3\n---\n').map((c) => c.line)).toEqual([1, 3, 5]);
  });
});
