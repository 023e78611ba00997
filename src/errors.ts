import type { Position } from './types.js';

/**
 * An error the user caused: bad input, bad config, a patch that does not apply.
 * The CLI prints it as one line `kset: FILE:LINE:COL: message` (plus an excerpt) and exits 2.
 */
export class KsetError extends Error {
  readonly position: Position;
  readonly excerpt?: string;

  constructor(message: string, position: Position = {}, excerpt?: string) {
    super(message);
    this.name = 'KsetError';
    this.position = position;
    this.excerpt = excerpt;
  }
}

/** `FILE:LINE:COL` (or as much of it as is known), empty when nothing is. */
export function formatPosition({ file, line, col }: Position): string {
  const parts: string[] = [];
  if (file) parts.push(file);
  if (line) parts.push(String(line));
  if (line && col) parts.push(String(col));
  return parts.join(':');
}

/** The one-line message, then the excerpt indented below it. */
export function formatError(error: KsetError): string {
  const where = formatPosition(error.position);
  const head = `kset: ${where ? where + ': ' : ''}${error.message}`;
  return error.excerpt ? `${head}\n${error.excerpt}` : head;
}

/**
 * A short excerpt of `text` at 1-based `line`: that line and a caret under `col`,
 * numbered `shownLine` (the line in the whole file when `text` is a part of it).
 */
export function excerptAt(text: string, line: number, col?: number, shownLine = line): string {
  const lines = text.split(/\r?\n/);
  const source = lines[line - 1];
  if (source === undefined) return '';
  const shown = source.length > 120 ? source.slice(0, 117) + '...' : source;
  const gutter = `${shownLine} | `;
  const caret = col && col <= shown.length + 1 ? `\n${' '.repeat(gutter.length + col - 1)}^` : '';
  return `  ${gutter}${shown}${caret ? caret.replace('\n', '\n  ') : ''}`;
}

/** 1-based line and column of a character offset in `text`. */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
