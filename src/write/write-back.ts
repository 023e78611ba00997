import { KsetError } from '../errors.js';
import type { FileResult } from '../results.js';
import { replaceFiles, type Replacement } from './atomic.js';

export interface WriteOptions {
  /** The folder the files' paths are relative to (default: the process's). */
  cwd?: string;
}

/** The files whose text a transform changed. */
export function changedFiles(files: FileResult[]): FileResult[] {
  return files.filter((file) => file.changed);
}

/** The replacements that write changed files back; each must still hold the text that was read. */
export function writeBacks(changed: FileResult[]): Replacement[] {
  return changed.map((file) => {
    if (file.path === null) throw new KsetError('cannot write back stdin: name the files to rewrite');
    return { path: file.path, text: file.output, expected: file.input };
  });
}

/**
 * Writes each changed file of a transform result back in place, atomically (see replaceFiles): all
 * or none, unchanged files untouched (their mtime kept), a file that changed on disk since it was
 * read refused. Returns the paths written. Input read from stdin cannot be written back.
 */
export async function writeFiles(result: { files: FileResult[] }, options: WriteOptions = {}): Promise<string[]> {
  const replacements = writeBacks(changedFiles(result.files));
  await replaceFiles(replacements, options.cwd ?? process.cwd());
  return replacements.map((r) => r.path);
}
