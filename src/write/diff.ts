import { lazyPackage } from '../util/yaml-lib.js';

/** The diff package, loaded with the first diff. */
const diffLib = lazyPackage<typeof import('diff')>('diff');
import type { FileResult } from '../results.js';
import { maskSecrets } from './mask.js';

export interface DiffOptions {
  /** ANSI colours (what a terminal gets): red removals, green additions, cyan hunk headers. */
  color?: boolean;
}

const STYLE = { header: '\x1b[1m', hunk: '\x1b[36m', removed: '\x1b[31m', added: '\x1b[32m', note: '\x1b[2m' };
const RESET = '\x1b[0m';

/**
 * A unified diff (3 lines of context) of a file's input and output, `--- a/FILE` / `+++ b/FILE`, as
 * `git apply` and `patch -p1` take it; stdin is named `<stdin>`. Secret data/stringData values are
 * masked. Empty when nothing changed.
 */
export function fileDiff(file: FileResult, options: DiffOptions = {}): string {
  if (file.output === file.input) return '';
  const { before, after } = maskSecrets(file.input, file.output);
  const [oldName, newName] = file.path === null ? ['<stdin>', '<stdin>'] : [`a/${file.path}`, `b/${file.path}`];
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = diffLib();
  const patch = createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  return options.color ? colorize(patch) : patch;
}

/** The diffs of every changed file, in input order. */
export function filesDiff(files: FileResult[], options: DiffOptions = {}): string {
  return files.map((file) => fileDiff(file, options)).join('');
}

function colorize(patch: string): string {
  const lines = patch.split('\n');
  return lines
    .map((line, i) => {
      if (line === '' && i === lines.length - 1) return line;
      const style =
        i < 2 ? STYLE.header
        : line.startsWith('@@') ? STYLE.hunk
        : line.startsWith('-') ? STYLE.removed
        : line.startsWith('+') ? STYLE.added
        : line.startsWith('\\') ? STYLE.note
        : '';
      if (!style) return line;
      const cr = line.endsWith('\r') ? '\r' : '';
      return style + line.slice(0, line.length - cr.length) + RESET + cr;
    })
    .join('\n');
}
