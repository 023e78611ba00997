import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { run } from '../src/cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');

/** Where the real published manifests are (../shared/corpus/real, beside the project). */
export const CORPUS = path.join(SHARED, 'corpus', 'real');

/**
 * The real manifests' file names, or none when ../shared is absent (a fresh clone alone): then the
 * tests of `who` that need them are skipped, and this says so.
 */
export function corpusFiles(who: string): string[] {
  if (existsSync(CORPUS))
    return readdirSync(CORPUS)
      .filter((file) => file.endsWith('.yaml'))
      .sort();
  console.warn(`${who}: the tests on the real corpus are skipped: ${CORPUS} is absent (it comes with ../shared, beside the project)`);
  return [];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with `stdin` (text, or bytes) piped in and `cwd` as its folder. */
export async function kset(args: string[], options: { stdin?: string | Uint8Array; cwd?: string } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: options.cwd ?? emptyDir(),
    env: {},
    stdinIsTty: options.stdin === undefined,
    stdin: async () => options.stdin ?? '',
    stdout: (text) => (stdout += typeof text === 'string' ? text : Buffer.from(text).toString()),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const made = new Set<string>();

/**
 * A new empty folder (no config file in it or above it, in the system's temp folder). It is removed
 * after the test file's tests (test/setup.ts), or earlier with removeTempDirs().
 */
export function emptyDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kset-test-'));
  made.add(dir);
  return dir;
}

/** Removes the folders emptyDir() and folderWith() made. */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

/** A new folder holding `files` (path → text). */
export function folderWith(files: Record<string, string>): string {
  const dir = emptyDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/**
 * kset refusing: exit 2, nothing on stdout, and a first stderr line `kset: …` that matches `pattern` (or, a
 * string, holds it after `kset: `); no stack trace and no internal error.
 */
export function expectError(result: RunResult, pattern: RegExp | string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const [first] = result.stderr.split('\n');
  expect(first).toMatch(/^kset: /);
  expect(first).toMatch(typeof pattern === 'string' ? new RegExp(`^kset: .*${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
}

/** The lines that differ between two texts of the same line count, as [before, after] pairs. */
export function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} → ${b.length}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]] as [string, string]]));
}
