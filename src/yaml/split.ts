/** A document's place in a stream: [start, end) character offsets and its 1-based first line. */
export interface Chunk {
  start: number;
  end: number;
  line: number;
}

/**
 * Splits a YAML stream into document chunks on `---` lines, as kubectl's YAML reader does.
 * Each chunk holds its own `---` line, so concatenating the chunks gives the stream back byte for byte.
 * A `---` at column 0 cannot be content (YAML forbids it inside scalars), so a line scan is exact.
 */
export function splitStream(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let pos = 0;
  while (pos < text.length) {
    const eol = text.indexOf('\n', pos);
    const next = eol === -1 ? text.length : eol + 1;
    if (pos > start && isDocumentStart(text, pos)) {
      chunks.push({ start, end: pos, line: startLine });
      start = pos;
      startLine = line;
    }
    pos = next;
    line++;
  }
  if (start < text.length || chunks.length === 0) chunks.push({ start, end: text.length, line: startLine });
  return chunks;
}

function isDocumentStart(text: string, pos: number): boolean {
  if (text.charCodeAt(pos) !== 45 || !text.startsWith('---', pos)) return false;
  const after = text.charCodeAt(pos + 3);
  // `---` alone, or followed by a space, tab, CR or LF (`---foo` is a plain scalar)
  return Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13;
}

/**
 * A chunk's text without the byte order mark that may start a stream, and the chunk moved past it: kubectl
 * skips the mark, columns start after it, and the yaml package misreads a block sequence right after it.
 */
export function skipByteOrderMark(chunk: Chunk, text: string): { chunk: Chunk; text: string; mark: string } {
  if (text.charCodeAt(0) !== 0xfeff) return { chunk, text, mark: '' };
  return { chunk: { ...chunk, start: chunk.start + 1 }, text: text.slice(1), mark: '\ufeff' };
}

/** A complete document chunk of a stream that arrives in pieces, with its text. */
export interface StreamChunk {
  chunk: Chunk;
  text: string;
}

/**
 * Splits a stream that arrives in pieces (stdin) into the chunks splitStream gives for the whole text,
 * each as soon as the line that starts the next one has arrived. Only the current chunk is kept, as the
 * pieces it came in (joined once, when it is done): each piece is scanned once, so a document of any size
 * costs time in proportion to its length.
 */
export class StreamSplitter {
  /** The current chunk's text so far. */
  private parts: string[] = [];
  private length = 0;
  /** Offset and first line of the current chunk in the stream; line breaks seen in it. */
  private start = 0;
  private line = 1;
  private breaks = 0;
  /** The start of a line too short yet to tell whether it starts a document; it belongs to no chunk yet. */
  private undecided = '';
  /** Whether the next piece starts a line (or continues one). */
  private atLineStart = true;

  /** The chunks that `piece` completes. */
  push(piece: string): StreamChunk[] {
    const text = this.undecided + piece;
    this.undecided = '';
    const done: StreamChunk[] = [];
    let kept = 0; // text[0, kept) is in parts
    let pos = this.atLineStart ? 0 : lineAfter(text, 0);
    if (!this.atLineStart && pos !== -1) this.breaks++;
    while (pos !== -1) {
      const starts = documentStartAt(text, pos);
      if (starts === undefined) {
        this.keep(text.slice(kept, pos));
        this.undecided = text.slice(pos);
        this.atLineStart = true;
        return done;
      }
      if (starts && this.length + pos - kept > 0) {
        this.keep(text.slice(kept, pos));
        kept = pos;
        done.push(this.cut());
      }
      pos = lineAfter(text, pos);
      if (pos !== -1) this.breaks++;
    }
    this.keep(text.slice(kept));
    this.atLineStart = false;
    return done;
  }

  /** The chunks left at the end of the stream (a last line without line break may still start one). */
  end(): StreamChunk[] {
    const done: StreamChunk[] = [];
    const last = this.undecided;
    this.undecided = '';
    if (last && isDocumentStart(last, 0) && this.length > 0) done.push(this.cut());
    this.keep(last);
    done.push(this.cut()); // the last chunk; an empty one for an empty stream, as splitStream gives
    return done;
  }

  private keep(text: string) {
    if (!text) return;
    this.parts.push(text);
    this.length += text.length;
  }

  private cut(): StreamChunk {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    const done = { chunk: { start: this.start, end: this.start + this.length, line: this.line }, text };
    this.parts = [];
    this.start += this.length;
    this.length = 0;
    this.line += this.breaks;
    this.breaks = 0;
    return done;
  }
}

/** The offset of the line after the one at `pos` (the text's length when that line ends the text), or -1 when the line does not end in `text`. */
function lineAfter(text: string, pos: number): number {
  const eol = text.indexOf('\n', pos);
  return eol === -1 ? -1 : eol + 1;
}

/** Whether the line at `pos` starts a document; undefined when the text ends before that shows. */
function documentStartAt(text: string, pos: number): boolean | undefined {
  for (let i = 0; i < 3; i++) {
    if (pos + i === text.length) return undefined;
    if (text.charCodeAt(pos + i) !== 45) return false;
  }
  return pos + 3 === text.length ? undefined : isDocumentStart(text, pos);
}
