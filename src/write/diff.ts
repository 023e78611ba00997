import { lazyPackage } from '../util/yaml-lib.js';
import type { FileResult } from '../results.js';
import { maskSecrets } from './mask.js';

/** The diff package, loaded with the first diff. */
const diffLib = lazyPackage<typeof import('diff')>('diff');

export interface DiffOptions {
  /** ANSI colours (what a terminal gets): red removals, green additions, cyan hunk headers. */
  color?: boolean;
}

const CONTEXT = 3;
const STYLE = { header: '\x1b[1m', hunk: '\x1b[36m', removed: '\x1b[31m', added: '\x1b[32m', note: '\x1b[2m' };
const RESET = '\x1b[0m';

/** A run of lines (each with its line break) that both texts share (' '), or one of them alone. */
interface Run {
  kind: ' ' | '-' | '+';
  lines: string[];
}

/**
 * A unified diff (3 lines of context) of a file's input and output, `--- a/FILE` / `+++ b/FILE`, as
 * `git apply` and `patch -p1` take it; stdin is named `<stdin>`. Secret data/stringData values are
 * masked. Empty when nothing changed.
 *
 * The diff package's line diff (Myers) takes time proportional to the text times the number of
 * changed lines: on a whole stream with a change in every document that is quadratic. So each document
 * is compared with what it became on its own, and the hunks are cut from the joined result exactly as
 * the diff package cuts them: a stream whose documents were edited in place gets the diff a whole-file
 * diff gives, in linear time.
 */
export function fileDiff(file: FileResult, options: DiffOptions = {}): string {
  if (file.output === file.input) return '';
  const [oldName, newName] = file.path === null ? ['<stdin>', '<stdin>'] : [`a/${file.path}`, `b/${file.path}`];
  const hunks = cutHunks(lineRuns(documentPairs(file)));
  const patch = [`--- ${oldName}`, `+++ ${newName}`, ...hunks].join('\n') + '\n';
  return options.color ? colorize(patch) : patch;
}

/** The diffs of every changed file, in input order. */
export function filesDiff(files: FileResult[], options: DiffOptions = {}): string {
  return files.map((file) => fileDiff(file, options)).join('');
}

/**
 * The file as [input, output] pairs of consecutive pieces: each input document and what it became (the
 * pipeline's documentEnds), or, for a result without them, the `---` separated pieces of both texts when
 * they hold as many. A pair whose pieces do not both end a line joins the next, so no line is cut.
 */
function documentPairs(file: FileResult): [string, string][] {
  const ends = file.documentEnds ?? alignedEnds(file.input, file.output);
  const pairs: [string, string][] = [];
  let [input, output] = [0, 0];
  for (const [i, end] of ends.entries()) {
    const last = i === ends.length - 1;
    if (!last && !(endsLine(file.input, end.input) && endsLine(file.output, end.output))) continue;
    pairs.push([file.input.slice(input, end.input), file.output.slice(output, end.output)]);
    [input, output] = [end.input, end.output];
  }
  if (input < file.input.length || output < file.output.length) pairs.push([file.input.slice(input), file.output.slice(output)]);
  return pairs;
}

function endsLine(text: string, end: number): boolean {
  return end === 0 || text.charCodeAt(end - 1) === 10;
}

/** The ends of both texts' `---` separated pieces when they hold as many, else none (one pair: the whole texts). */
function alignedEnds(input: string, output: string): { input: number; output: number }[] {
  const [a, b] = [pieceEnds(input), pieceEnds(output)];
  return a.length === b.length ? a.map((end, i) => ({ input: end, output: b[i]! })) : [];
}

function pieceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 1)) {
    const next = text.charCodeAt(at + 4);
    if (Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13) ends.push(at + 1);
  }
  return [...ends, text.length];
}

/** The line diff of every pair, joined: runs of common, removed and added lines, Secret values masked. */
function lineRuns(pairs: [string, string][]): Run[] {
  const runs: Run[] = [];
  const add = (kind: Run['kind'], text: string) => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    const lines = splitLines(text);
    if (last?.kind === kind) for (const line of lines) last.lines.push(line);
    else runs.push({ kind, lines });
  };
  for (const [input, output] of pairs) {
    const { before, after } = maskSecrets(input, output);
    if (before === after) {
      add(' ', before);
      continue;
    }
    for (const change of diffLib().diffLines(before, after)) add(change.added ? '+' : change.removed ? '-' : ' ', change.value);
  }
  return runs;
}

/**
 * The hunks of a unified diff, with CONTEXT lines of context, as text: what the diff package's
 * structuredPatch and formatPatch make of the same runs (changes closer than twice the context share a
 * hunk; a last line without a line break gets `\ No newline at end of file`).
 */
function cutHunks(runs: Run[]): string[] {
  const out: string[] = [];
  let hunk: { oldStart: number; newStart: number; lines: string[] } | undefined;
  let [oldLine, newLine] = [1, 1];
  const close = (contextLines: string[]) => {
    const lines = hunk!.lines;
    for (const line of contextLines) lines.push(' ' + line);
    const added = lines.filter((line) => line[0] === '+').length;
    const removed = lines.filter((line) => line[0] === '-').length;
    const [oldLines, newLines] = [lines.length - added, lines.length - removed];
    // an empty range is numbered from the line before it
    const oldStart = oldLines === 0 ? hunk!.oldStart - 1 : hunk!.oldStart;
    const newStart = newLines === 0 ? hunk!.newStart - 1 : hunk!.newStart;
    out.push(`@@ -${oldStart},${oldLines} +${newStart},${newLines} @@`);
    for (const line of lines) {
      if (line.endsWith('\n')) out.push(line.slice(0, -1));
      else out.push(line, '\\ No newline at end of file');
    }
    hunk = undefined;
  };
  for (const [i, run] of runs.entries()) {
    if (run.kind !== ' ') {
      if (!hunk) {
        const before = i > 0 ? runs[i - 1]!.lines.slice(-CONTEXT) : [];
        hunk = { oldStart: oldLine - before.length, newStart: newLine - before.length, lines: before.map((line) => ' ' + line) };
      }
      for (const line of run.lines) hunk.lines.push(run.kind + line);
      if (run.kind === '+') newLine += run.lines.length;
      else oldLine += run.lines.length;
      continue;
    }
    if (hunk) {
      const lastRun = i === runs.length - 1;
      if (run.lines.length <= CONTEXT * 2 && !lastRun) for (const line of run.lines) hunk.lines.push(' ' + line);
      else close(run.lines.slice(0, CONTEXT));
    }
    oldLine += run.lines.length;
    newLine += run.lines.length;
  }
  if (hunk) close([]);
  return out;
}

/** The lines of a text, each with its line break (the last one may have none). */
function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line + '\n');
  const last = lines.pop()!;
  if (last !== '\n') lines.push(last.slice(0, -1));
  return lines;
}

function colorize(patch: string): string {
  const lines = patch.split('\n');
  return lines
    .map((line, i) => {
      if (line === '' && i === lines.length - 1) return line;
      const style =
        i < 2
          ? STYLE.header
          : line.startsWith('@@')
            ? STYLE.hunk
            : line.startsWith('-')
              ? STYLE.removed
              : line.startsWith('+')
                ? STYLE.added
                : line.startsWith('\\')
                  ? STYLE.note
                  : '';
      if (!style) return line;
      const cr = line.endsWith('\r') ? '\r' : '';
      return style + line.slice(0, line.length - cr.length) + RESET + cr;
    })
    .join('\n');
}
