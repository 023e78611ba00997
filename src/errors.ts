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

/**
 * A run stopped by SIGINT, SIGTERM or SIGHUP while it wrote files: it stopped before the first file was
 * replaced (nothing written, no temp file left), or once every file was (a batch is never cut in two).
 * The CLI exits with 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell does.
 */
export class InterruptedError extends Error {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly exitCode: number,
    /** The files written before kset stopped: none, or all of them. */
    readonly written: string[],
  ) {
    super(`interrupted by ${signal}: ${written.length ? `every file was written first (${written.length})` : 'nothing was written'}`);
    this.name = 'InterruptedError';
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

/** The one-line message, then the excerpt indented below it; nothing a terminal would act on. */
export function formatError(error: KsetError): string {
  const where = formatPosition(error.position);
  const head = cut(printable(`kset: ${where ? where + ': ' : ''}${error.message}`), MESSAGE_MAX);
  return error.excerpt ? `${head}\n${error.excerpt}` : head;
}

// An error quotes what kset read (a patch, a config, a value) only in short, cleaned pieces: a file that
// is no manifest (`path: /proc/self/environ` with --load-restrictor none) must not end up on stderr.

/** The longest line piece an excerpt shows, the longest value a message quotes, the longest message. */
const EXCERPT_MAX = 120;
const QUOTE_MAX = 60;
const MESSAGE_MAX = 1000;
/** What a terminal acts on rather than shows: C0 controls, DEL, C1 controls, line separators, bidi overrides. */
const CONTROLS = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same but line breaks and tabs, which JSON.stringify escapes. */
const CONTROLS_BUT_BREAKS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character (tab aside) shown as `?`, one for one. */
export function printable(text: string): string {
  return text.replace(CONTROLS, '?');
}

/** The first line of another library's message (the yaml package's quote the source below it), cut short. */
export function firstLine(message: string): string {
  const eol = message.indexOf('\n');
  return cut(printable(eol === -1 ? message : message.slice(0, eol)), EXCERPT_MAX * 2);
}

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 3) + '...' : text;
}

/**
 * Read text as a message quotes it: JSON-quoted, cut to `max` characters (its length said after it),
 * control characters as `?`. Text holding a NUL is binary, no manifest: it is not quoted at all.
 */
export function quote(text: string, max = QUOTE_MAX): string {
  if (text.includes('\0')) return `(${text.length} characters of binary data, not shown)`;
  const cut = text.length > max ? text.slice(0, max) : text;
  const quoted = JSON.stringify(cut.replace(CONTROLS_BUT_BREAKS, '?'));
  return cut === text ? quoted : `${quoted}... (${text.length} characters)`;
}

/**
 * A short excerpt of `text` at 1-based `line`: that line and a caret under `col`,
 * numbered `shownLine` (the line in the whole file when `text` is a part of it). At most 120
 * characters of the line, around the column; control characters as `?`. Nothing when the line is
 * all of `text` (a one-line file is shown whole or not at all) or holds a NUL (binary, no manifest).
 */
export function excerptAt(text: string, line: number, col?: number, shownLine = line): string {
  const source = lineOf(text, line);
  if (source === undefined || source.includes('\0') || source.trim() === text.trim()) return '';
  const start = col && col > EXCERPT_MAX - 10 && source.length > EXCERPT_MAX ? Math.min(col - 1 - EXCERPT_MAX / 2, source.length - EXCERPT_MAX + 3) : 0;
  const head = start > 0 ? '...' : '';
  const room = EXCERPT_MAX - head.length;
  const body = source.length - start > room ? source.slice(start, start + room - 3) + '...' : source.slice(start);
  const shown = head + printable(body);
  const column = col === undefined ? undefined : col - start + head.length;
  const gutter = `${shownLine} | `;
  const caret = column && column > head.length && column <= shown.length + 1 ? `\n  ${' '.repeat(gutter.length + column - 1)}^` : '';
  return `  ${gutter}${shown}${caret}`;
}

/** The 1-based `line` of `text`, without its line break. */
function lineOf(text: string, line: number): string | undefined {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const eol = text.indexOf('\n', start);
    if (eol === -1) return undefined;
    start = eol + 1;
  }
  const eol = text.indexOf('\n', start);
  return text.slice(start, eol === -1 ? text.length : eol).replace(/\r$/, '');
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
