import { describe, expect, it } from 'vitest';
import { KsetError, excerptAt, firstLine, formatError, quote } from './errors.js';

describe('quote', () => {
  it.each([
    ['a short value', 'web', '"web"'],
    ['a long value, cut with its length', 'x'.repeat(500), `"${'x'.repeat(60)}"... (500 characters)`],
    ['line breaks escaped, other controls as ?', 'a\nb\x1b[31mc\u202ed', '"a\\nb?[31mc?d"'],
    ['text with a NUL: not quoted at all', 'HOME=/root\0TOKEN=abc', '(20 characters of binary data, not shown)'],
  ])('%s', (_, text, expected) => expect(quote(text)).toBe(expected));
});

describe('excerptAt', () => {
  it('shows the line and a caret', () => {
    expect(excerptAt('a: 1\nb: [\n', 2, 4)).toBe('  2 | b: [\n         ^');
  });

  it('shows at most 120 characters of a long line, around the column', () => {
    const line = 'k: ' + 'v'.repeat(300) + ' ] ' + 'w'.repeat(300);
    const excerpt = excerptAt(`a: 1\n${line}\n`, 2, 305);
    const [shown, caret] = excerpt.split('\n') as [string, string];
    expect(shown.length).toBe('  2 | '.length + 120);
    expect(shown).toMatch(/^ {2}2 \| \.\.\.v+ ] w+\.\.\.$/);
    expect(shown[caret.length - 1]).toBe(']');
  });

  it('shows control characters as ?', () => {
    expect(excerptAt('a: 1\nb: "\x1b]0;title\x07"\n', 2)).toBe('  2 | b: "?]0;title?"');
  });

  it('shows nothing of a line holding a NUL, or of a text that is one line', () => {
    expect(excerptAt('a: 1\nKEY=value\0OTHER=secret\n', 2, 1)).toBe('');
    expect(excerptAt('ghp_0123456789abcdef', 1, 1)).toBe('');
    expect(excerptAt('\nghp_0123456789abcdef\n', 2, 1)).toBe('');
  });
});

describe('formatError', () => {
  it('prints no control character and no message longer than 1,000 characters', () => {
    const text = formatError(new KsetError(`bad \x1b[2J${'x'.repeat(5000)}`, { file: 'a\x07.yaml' }));
    expect(text).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
    expect(text.length).toBe(1000);
  });
});

describe('firstLine', () => {
  it('keeps the first line of a message, cut short', () => {
    expect(firstLine('Unexpected scalar at line 1:\n\nsecret line\n^')).toBe('Unexpected scalar at line 1:');
    expect(firstLine('Unresolved alias *' + 'a'.repeat(1000)).length).toBe(240);
  });
});
