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
