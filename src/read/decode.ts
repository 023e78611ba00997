import { KsetError } from '../errors.js';

/**
 * The most a file or stdin may hold. A JavaScript string holds at most about 512 MiB, and a real stream
 * (10,000 documents are some 10 MB) is far below this.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Turns the bytes of one input (a file, stdin) into text, in pieces as they arrive, refusing what
 * kubectl's YAML reader refuses before any YAML is read: a UTF-16 byte order mark, bytes that are not
 * UTF-8, and NUL (binary input; the other control characters are found per document, see
 * controlCharacterAt). Errors are KsetErrors at FILE:LINE:COL. Strings (text already) are checked the same way,
 * but for their encoding.
 */
export class InputDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The bytes of a character the last piece ended inside. */
  private tail: Uint8Array = new Uint8Array(0);
  private size = 0;
  /** Line and column of the next character. */
  private line = 1;
  private col = 1;

  constructor(
    private readonly file: string | null,
    private readonly limit = MAX_INPUT_BYTES,
  ) {}

  push(piece: string | Uint8Array): string {
    this.size += piece.length;
    if (this.size > this.limit) throw tooLarge(this.file, this.limit);
    const text = typeof piece === 'string' ? piece : this.decode(piece);
    const nul = text.indexOf('\0');
    if (nul !== -1) throw this.error(controlMessage(0), text, nul);
    this.advance(text, text.length);
    return text;
  }

  /** What is left at the end of the input: an error when it ends inside a character. */
  end(): string {
    if (this.tail.length) throw this.error(invalidMessage(this.tail[0]!), '', 0);
    return '';
  }

  private decode(piece: Uint8Array): string {
    if (this.size === piece.length) refuseUtf16(piece, this.file);
    const bytes = this.tail.length ? concat(this.tail, piece) : piece;
    const whole = bytes.length - incompleteTail(bytes);
    this.tail = bytes.slice(whole);
    try {
      return this.utf8.decode(bytes.subarray(0, whole));
    } catch {
      const bad = Math.min(firstInvalidByte(bytes), bytes.length - 1);
      const before = this.utf8.decode(bytes.subarray(0, bad));
      throw this.error(invalidMessage(bytes[bad]!), before, before.length);
    }
  }

  /** Moves the position past text[0, end). */
  private advance(text: string, end: number) {
    let lineStart = -1;
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
      this.line++;
      lineStart = i;
    }
    this.col = lineStart === -1 ? this.col + end : end - lineStart;
  }

  /** A KsetError at `offset` of `text`, the text that follows what was read before. */
  private error(message: string, text: string, offset: number): KsetError {
    this.advance(text, offset);
    return new KsetError(message, { file: this.file ?? '<stdin>', line: this.line, col: this.col });
  }
}

/** Decodes a whole input at once (see InputDecoder). */
export function decodeInput(data: string | Uint8Array, file: string | null, limit = MAX_INPUT_BYTES): string {
  const decoder = new InputDecoder(file, limit);
  const text = decoder.push(data);
  decoder.end();
  return text;
}

export function tooLarge(file: string | null, limit: number): KsetError {
  const size = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MiB` : `${limit} bytes`;
  return new KsetError(`the input is larger than ${size}, the most kset reads from one file or stdin`, { file: file ?? '<stdin>' });
}

/**
 * The offset of the first character kubectl's YAML reader (go-yaml) refuses as a control character, or -1:
 * C0 controls but tab, line feed and carriage return; DEL and the C1 controls but NEL; U+FFFE, U+FFFF;
 * a surrogate that is not half of a pair (only strings handed to the library can hold one).
 */
export function controlCharacterAt(text: string): number {
  const pattern = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd]/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const at = match.index;
    const code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pattern.lastIndex = at + 2;
        continue;
      }
    }
    return at;
  }
  return -1;
}

/** The message for the character at `offset` of `text` (see controlCharacterAt). */
export function controlCharacterMessage(text: string, offset: number): string {
  return controlMessage(text.charCodeAt(offset));
}

function controlMessage(code: number): string {
  const name = code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `control characters are not allowed (${name})`;
}

function invalidMessage(byte: number): string {
  return `invalid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')})`;
}

/** kubectl reads UTF-16 with a byte order mark; kset does not, and says so rather than read garbage. */
function refuseUtf16(bytes: Uint8Array, file: string | null) {
  const mark = bytes[0] === 0xff && bytes[1] === 0xfe ? 'FF FE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'FE FF' : undefined;
  if (mark) {
    throw new KsetError(`UTF-16 input (byte order mark ${mark}) is not supported: convert it to UTF-8`, { file: file ?? '<stdin>' });
  }
}

/** How many bytes at the end of `bytes` begin a character that the next piece may complete (0 to 3). */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) return sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** The offset of the first byte that starts no valid UTF-8 character (RFC 3629: no overlong form, no surrogate). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead < 0xc2 || lead > 0xf4) return i;
    const length = sequenceLength(lead);
    // the second byte's range depends on the lead (overlong forms, surrogates, past U+10FFFF)
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
