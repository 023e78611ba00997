import { replaceFiles, type Replacement } from './atomic.js';
import { filesDiff } from './diff.js';
import { buildReport, formatReport, type ReportInput } from './report.js';
import { changedFiles, writeBacks } from './write-back.js';

/** The write-back flags: what to do with a transform's files besides printing the stream. */
export interface WriteBackFlags {
  /** -w/--write: rewrite each changed input file in place. */
  write?: boolean;
  /** --check: print the diff, list the files that would change, exit 1 if any. */
  check?: boolean;
  /** --diff: print the diff. */
  diff?: boolean;
  /** --report FILE|-: the change report as JSON, to a file or (`-`) stdout. */
  report?: string;
}

export interface Delivery {
  stdout: string;
  stderr: string;
  code: number;
}

/** True when the flags replace the stream on stdout (by nothing, or by a diff). */
export function replacesStream(flags: WriteBackFlags): boolean {
  return Boolean(flags.write || flags.check || flags.diff);
}

/** What is wrong with a combination of flags, or undefined; `stdin` tells whether stdin is an input. */
export function flagProblem(flags: WriteBackFlags & { output?: string }, stdin: boolean): string | undefined {
  if (flags.write && flags.check) return '--write and --check exclude each other (--check writes nothing)';
  if (flags.write && stdin) return '--write rewrites files in place: name the files, stdin cannot be written back';
  if (flags.output !== undefined && replacesStream(flags)) return '--output goes with the stream on stdout, not with --write, --check or --diff';
  if (flags.report === '-' && !(flags.write && !flags.diff)) {
    return '--report - writes to stdout, which holds the manifests or the diff; use it with --write, or name a file';
  }
  if (flags.report === '') return '--report needs a file name, or - for stdout';
  return undefined;
}

/**
 * Carries out the write-back flags on a transform result: the diff (--check, --diff), the files
 * rewritten (--write; all or nothing), the report (--report). Input files and the report file are
 * replaced in one atomic batch, after everything is computed. Exit code 1 when --check finds changes.
 */
export async function deliver(result: ReportInput, flags: WriteBackFlags, options: { cwd: string; color?: boolean }): Promise<Delivery> {
  const changed = changedFiles(result.files);
  const stdout: string[] = [];
  const stderr: string[] = [];
  if (flags.check || flags.diff) stdout.push(filesDiff(changed, { color: options.color }));
  const replacements: Replacement[] = flags.write ? writeBacks(changed) : [];
  const report = flags.report === undefined ? undefined : formatReport(buildReport(result));
  if (report !== undefined && flags.report !== '-') replacements.push({ path: flags.report as string, text: report, create: true });
  await replaceFiles(replacements, options.cwd);
  if (report !== undefined && flags.report === '-') stdout.push(report);
  if (flags.write) stderr.push(...changed.map((file) => `kset: wrote ${file.path}\n`));
  if (flags.check) {
    stderr.push(...changed.map((file) => `kset: would change ${file.path ?? '<stdin>'}\n`));
    if (changed.length) stderr.push(`kset: ${changed.length} of ${result.files.length} ${result.files.length === 1 ? 'file' : 'files'} would change\n`);
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), code: flags.check && changed.length ? 1 : 0 };
}
