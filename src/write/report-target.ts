import { fstatSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

// The report file is written after the run: it must not replace what the run read (an input, the config,
// a patch file) nor the file kset's stdout or stderr goes to (the report would be renamed over it).

const STANDARD = [
  ['stdin', 0],
  ['stdout', 1],
  ['stderr', 2],
] as const;

/** The names that stand for fd N of the process that opens them. */
function standardNames(fd: number, name: string): string[] {
  return [`/dev/${name}`, `/dev/fd/${fd}`, `/proc/self/fd/${fd}`, `/proc/thread-self/fd/${fd}`, `/proc/${process.pid}/fd/${fd}`];
}

/**
 * Why `report` cannot be the report's file, or undefined when it can: it names kset's stdin, stdout
 * or stderr (by name, or by being the same file as the one they are), or it is one of the files `read`
 * (the inputs, the config, patch and CRD files), compared as files (symlinks followed, hard links too).
 * Paths are relative to `cwd`.
 */
export async function reportTargetProblem(report: string, read: string[], cwd: string): Promise<string | undefined> {
  const absolute = path.resolve(cwd, report);
  for (const [name, fd] of STANDARD) {
    if (standardNames(fd, name).includes(absolute))
      return `--report ${report} is kset's ${name}${name === 'stdout' ? ' (--report - writes the report there, with --write)' : ''}`;
  }
  const target = await stat(absolute).catch(() => undefined);
  if (!target) return undefined;
  for (const [name, fd] of STANDARD) {
    const standard = fdStats(fd);
    // a terminal or /dev/null may take the report as well as the output: nothing is replaced
    if (standard && !standard.isCharacterDevice() && sameFile(standard, target))
      return `--report ${report} is the file kset's ${name} ${name === 'stdin' ? 'comes from' : 'goes to'}`;
  }
  for (const file of read) {
    const info = await stat(path.resolve(cwd, file)).catch(() => undefined);
    if (info && sameFile(info, target)) {
      return `--report ${report} ${file === report ? 'is' : `is the same file as ${file},`} a file kset reads: the report would replace it`;
    }
  }
  return undefined;
}

function fdStats(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}
