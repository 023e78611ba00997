import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { KsetError } from '../src/errors.js';

/** A new temp folder for each test of the calling file, handed to `use` and removed after the test. */
export function useTempRoot(use: (root: string) => void): void {
  let root: string | undefined;
  beforeEach(async () => {
    root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'kset-config-')));
    use(root);
  });
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });
}

/** Writes `files` (path → text) under `root`. */
export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

/** The KsetError `promise` rejects with; anything else fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<KsetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KsetError) return error;
    throw error;
  }
  throw new Error('expected a KsetError');
}
