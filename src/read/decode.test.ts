import { describe, expect, it } from 'vitest';
import { KsetError, formatError } from '../errors.js';
import { InputDecoder, controlCharacterAt, controlCharacterMessage, decodeInput } from './decode.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

/** The formatted error decoding `pieces` one after the other throws, or the text. */
function decoded(pieces: Uint8Array[], limit?: number): string {
  const decoder = new InputDecoder('m.yaml', limit);
  try {
    return pieces.map((piece) => decoder.push(piece)).join('') + decoder.end();
  } catch (e) {
    if (e instanceof KsetError) return formatError(e);
    throw e;
  }
}

describe('InputDecoder', () => {
  it.each([
    ['a Latin-1 byte', bytes('a: "caf', [0xe9], '"\n'), 'kset: m.yaml:1:8: invalid UTF-8 (byte 0xE9)'],
    ['on a later line, after other characters', bytes('a: 1\nb: é', [0xff], '\n'), 'kset: m.yaml:2:5: invalid UTF-8 (byte 0xFF)'],
    ['a lone continuation byte', bytes('a: ', [0x80]), 'kset: m.yaml:1:4: invalid UTF-8 (byte 0x80)'],
    ['an overlong form', bytes('a: ', [0xc0, 0xaf]), 'kset: m.yaml:1:4: invalid UTF-8 (byte 0xC0)'],
    ['an encoded surrogate', bytes('a: ', [0xed, 0xa0, 0x80]), 'kset: m.yaml:1:4: invalid UTF-8 (byte 0xED)'],
    ['past U+10FFFF', bytes('a: ', [0xf4, 0x90, 0x80, 0x80]), 'kset: m.yaml:1:4: invalid UTF-8 (byte 0xF4)'],
    ['a character cut by the end of the input', bytes('a: ', [0xe2, 0x82]), 'kset: m.yaml:1:4: invalid UTF-8 (byte 0xE2)'],
    ['NUL (binary input)', bytes('a: 1\n\0\0'), 'kset: m.yaml:2:1: control characters are not allowed (U+0000)'],
    ['UTF-16 LE', bytes([0xff, 0xfe, 0x61, 0]), 'kset: m.yaml: UTF-16 input (byte order mark FF FE) is not supported: convert it to UTF-8'],
    ['UTF-16 BE', bytes([0xfe, 0xff, 0, 0x61]), 'kset: m.yaml: UTF-16 input (byte order mark FE FF) is not supported: convert it to UTF-8'],
  ])('refuses %s', (_name, input, message) => {
    expect(decoded([input])).toBe(message);
    // however the bytes arrive
    for (let cut = 1; cut < input.length; cut++) {
      if (input[0] === 0xff || input[0] === 0xfe) continue; // a mark cut in two is a lone 0xFF or 0xFE
      expect(decoded([input.subarray(0, cut), input.subarray(cut)])).toBe(message);
    }
  });

  it('decodes characters cut between pieces, and keeps a UTF-8 byte order mark', () => {
    const input = bytes([0xef, 0xbb, 0xbf], 'a: café ✓ 😀\n');
    for (let cut = 0; cut <= input.length; cut++) {
      expect(decoded([input.subarray(0, cut), input.subarray(cut)])).toBe('\ufeffa: café ✓ 😀\n');
    }
    expect(decoded([...input].map((byte) => Uint8Array.of(byte)))).toBe('\ufeffa: café ✓ 😀\n');
  });

  it('refuses an input past its size limit, before decoding it', () => {
    expect(decoded([bytes('a'.repeat(10)), bytes('b')], 10)).toBe(
      'kset: m.yaml: the input is larger than 10 bytes, the most kset reads from one file or stdin',
    );
    expect(decoded([bytes('a'.repeat(10))], 10)).toBe('a'.repeat(10));
  });

  it('checks text for NUL, and stdin is named <stdin>', () => {
    expect(() => decodeInput('a\0', null)).toThrow(/control characters are not allowed \(U\+0000\)/);
    try {
      decodeInput('a\0', null);
    } catch (e) {
      expect(formatError(e as KsetError)).toBe('kset: <stdin>:1:2: control characters are not allowed (U+0000)');
    }
  });
});

describe('controlCharacterAt (what go-yaml refuses)', () => {
  const refused = [
    '\x00',
    '\x01',
    '\x08',
    '\x0b',
    '\x0c',
    '\x0e',
    '\x1b',
    '\x1f',
    '\x7f',
    '\x80',
    '\x84',
    '\x86',
    '\x9f',
    '\ufffe',
    '\uffff',
    '\ud800',
    '\udfff',
  ];
  const allowed = ['\t', '\n', '\r', ' ', '~', '\x85', '\xa0', 'é', '\ud7ff', '\ue000', '\ufeff', '\ufffd', '😀', '\u{10ffff}'];

  it.each(refused.map((c) => [c.codePointAt(0)!.toString(16), c]))('refuses U+%s', (_code, c) => {
    expect(controlCharacterAt(`ab${c}cd`)).toBe(2);
  });

  it.each(allowed.map((c) => [c.codePointAt(0)!.toString(16), c]))('allows U+%s', (_code, c) => {
    expect(controlCharacterAt(`ab${c}cd`)).toBe(-1);
  });

  it('names the character', () => {
    expect(controlCharacterMessage('a\x1b', 1)).toBe('control characters are not allowed (U+001B)');
    expect(controlCharacterMessage('a\udc00', 1)).toBe('control characters are not allowed (a lone surrogate)');
  });
});
