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
 * each as soon as the line that starts the next one has arrived. Only the current chunk is kept.
 */
export class StreamSplitter {
  private pending = '';
  /** Offset and line of `pending` in the stream. */
  private start = 0;
  private line = 1;
  /** pending[0, scanned) is whole lines, none but the first starting a document; `lines` of them. */
  private scanned = 0;
  private lines = 0;

  /** The chunks that `piece` completes. */
  push(piece: string): StreamChunk[] {
    this.pending += piece;
    const done: StreamChunk[] = [];
    let pos = this.scanned;
    for (let eol = this.pending.indexOf('\n', pos); eol !== -1; eol = this.pending.indexOf('\n', pos)) {
      if (pos > 0 && isDocumentStart(this.pending, pos)) {
        done.push(this.cut(pos));
        pos = 0;
        continue;
      }
      pos = eol + 1;
      this.lines++;
    }
    this.scanned = pos;
    return done;
  }

  /** The chunks left at the end of the stream (a last line without line break may still start one). */
  end(): StreamChunk[] {
    const { pending, start, line } = this;
    this.pending = '';
    return splitStream(pending).map((c) => ({
      chunk: { start: start + c.start, end: start + c.end, line: line + c.line - 1 },
      text: pending.slice(c.start, c.end),
    }));
  }

  private cut(at: number): StreamChunk {
    const done = { chunk: { start: this.start, end: this.start + at, line: this.line }, text: this.pending.slice(0, at) };
    this.pending = this.pending.slice(at);
    this.start += at;
    this.line += this.lines;
    this.lines = 0;
    return done;
  }
}
