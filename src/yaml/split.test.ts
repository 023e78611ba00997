import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamSplitter, skipByteOrderMark, splitStream, type StreamChunk } from './split.js';

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

describe('StreamSplitter', () => {
  /** The chunks of `text` when it arrives cut at `cuts`. */
  function streamed(text: string, cuts: number[]): StreamChunk[] {
    const splitter = new StreamSplitter();
    const out: StreamChunk[] = [];
    let from = 0;
    for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
      out.push(...splitter.push(text.slice(from, cut)));
      from = Math.max(from, cut);
    }
    out.push(...splitter.push(text.slice(from)), ...splitter.end());
    return out;
  }

  it('gives the chunks of splitStream, each when the next one starts', () => {
    const splitter = new StreamSplitter();
    expect(splitter.push('a: 1\n--')).toEqual([]);
    expect(splitter.push('-\nb: 2\n---x: 3\n')).toEqual([{ chunk: { start: 0, end: 5, line: 1 }, text: 'a: 1\n' }]);
    expect(splitter.end()).toEqual([{ chunk: { start: 5, end: 22, line: 2 }, text: '---\nb: 2\n---x: 3\n' }]);
  });

  it('takes a 1 MB document in 1-byte pieces in linear time (a splitter that re-scans its pending text takes hours)', () => {
    const splitter = new StreamSplitter();
    const big = 'a: ' + 'x'.repeat(1_000_000) + '\n';
    const out: StreamChunk[] = [];
    // linear: well under a second; a deadline 20 times that turns the old splitter's hang into a failure
    const deadline = performance.now() + 20_000;
    let i = 0;
    for (; i < big.length && performance.now() < deadline; i++) out.push(...splitter.push(big[i]!));
    expect(i).toBe(big.length);
    out.push(...splitter.push('---\nb: 1\n'), ...splitter.end());
    expect(out.map((c) => c.chunk)).toEqual([
      { start: 0, end: big.length, line: 1 },
      { start: big.length, end: big.length + 9, line: 2 },
    ]);
    expect(out[0]!.text === big).toBe(true);
  });

  it('gives the same chunks as splitStream however the text is cut', () => {
    const line = fc.constantFrom('---', '--- # c', '---x', 'a: 1', '  - b', '', '...', '# c', '----', '--', '-', '---\r', '---\t');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 10 }), (lines, newline, cuts) => {
        const text = lines.join('\n') + (newline && lines.length ? '\n' : '');
        const whole = splitStream(text).map((chunk) => ({ chunk, text: text.slice(chunk.start, chunk.end) }));
        expect(streamed(text, cuts)).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('skipByteOrderMark', () => {
  it('moves a chunk past a leading mark and gives the mark back', () => {
    expect(skipByteOrderMark({ start: 0, end: 8, line: 1 }, '\ufeffa: 1\n')).toEqual({ chunk: { start: 1, end: 8, line: 1 }, text: 'a: 1\n', mark: '\ufeff' });
    expect(skipByteOrderMark({ start: 4, end: 9, line: 2 }, 'a: 1\n')).toEqual({ chunk: { start: 4, end: 9, line: 2 }, text: 'a: 1\n', mark: '' });
  });
});
