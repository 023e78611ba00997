import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The whole run gets a temp folder of its own (TMPDIR, which the test processes and the kset processes
 * they start inherit). At the end every kset-* folder the tests made must be gone: one left over fails
 * the run, naming it.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'vitest-kset-run-'));
  process.env.TMPDIR = root;
  return () => {
    const left = readdirSync(root).filter((name) => name.startsWith('kset-'));
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (left.length) throw new Error(`the tests left ${left.length} temp folder(s) behind: ${left.slice(0, 5).join(', ')}`);
  };
}
