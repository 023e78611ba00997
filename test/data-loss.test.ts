/**
 * kset never corrupts what it writes: each case here once exited 0 with output that lost or changed data
 * (project issues 10 and 15). Inputs are small and made here; the expected outputs were checked against
 * what kubectl reads (kubectl patch --local, in a harness outside the suite).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDir, folderWith, kset as run, type RunResult } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder for one test, removed after the file's tests. */
function folder(files: Record<string, string> = {}): string {
  const dir = Object.keys(files).length ? folderWith(files) : emptyDir();
  dirs.push(dir);
  return dir;
}

/** The CLI, in a folder of its own (removed afterwards) unless given one. */
function kset(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<RunResult> {
  return run(args, { ...options, cwd: options.cwd ?? folder() });
}

const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${data}`;

describe('explicit keys (`? k` and `: v`)', () => {
  const input = configMap('  ? k\n  : b\n  z: y\n');

  it.each([
    ['a merge patch removing one', ['--type', 'merge', '-p', '{"data":{"k":null}}'], configMap('  z: y\n')],
    ['a strategic patch removing one', ['-p', '{"data":{"k":null}}'], configMap('  z: y\n')],
    ['a merge patch adding a key', ['--type', 'merge', '-p', '{"data":{"n":"v"}}'], configMap('  ? k\n  : b\n  z: y\n  "n": v\n')],
    ['a strategic patch adding a key', ['-p', '{"data":{"a":"v"}}'], configMap('  ? k\n  : b\n  z: y\n  a: v\n')],
  ])('survive %s', async (_name, args, expected) => {
    const result = await kset(['patch', 'cm/x', ...args], { stdin: input });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });

  it('survive a write back (-w)', async () => {
    const dir = folder({ 'ek.yaml': input });
    const result = await kset(['patch', 'cm/x', '--type', 'merge', '-p', '{"data":{"k":null}}', '-w', '-f', 'ek.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'ek.yaml'), 'utf8')).toBe(configMap('  z: y\n'));
  });
});
