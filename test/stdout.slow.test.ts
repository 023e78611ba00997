/**
 * bin/kset as a process in a pipeline: a reader that goes away (`kset | head -1`), a full disk, endless
 * binary input. These spawn the built CLI (npm test builds it first), as helm.test.ts does.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, emptyDir } from './helpers.js';

const KSET = path.join(ROOT, 'bin/kset');
const dir = emptyDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `n` Deployments on nginx:1.25 in a file (about 160 bytes each). */
function manifests(name: string, n: number): string {
  const file = path.join(dir, name);
  const deployment = (i: number) =>
    `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.25\n`;
  writeFileSync(file, Array.from({ length: n }, (_, i) => deployment(i)).join(''));
  return file;
}
/** Output well past what a pipe holds (64 KB): the stream and the image table; a diff (slower) from fewer documents. */
const big = manifests('big.yaml', 5000);
const small = manifests('small.yaml', 1500);

interface Exit {
  code: number | null;
  stderr: string;
}

/** Runs bin/kset with stdin and stdout on the given fds or pipes; `onStdout` gets the stdout pipe. */
function runKset(
  args: string[],
  stdio: { stdin: number; stdout: number | 'pipe' },
  onStdout?: (stdout: NodeJS.ReadableStream & { destroy(): void }) => void,
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KSET, ...args], { cwd: dir, stdio: [stdio.stdin, stdio.stdout, 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    if (child.stdout) onStdout?.(child.stdout);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Like `kset ARGS < in.yaml | head -c 1`: the reader closes the pipe after the first piece of output. */
async function closedEarly(args: string[], input: string): Promise<Exit> {
  const stdin = openSync(input, 'r');
  try {
    return await runKset(args, { stdin, stdout: 'pipe' }, (stdout) => stdout.once('data', () => stdout.destroy()));
  } finally {
    closeSync(stdin);
  }
}

describe('a reader that goes away (kset | head -1)', () => {
  it.each([
    ['the stream', ['--image', 'nginx=nginx:2'], big],
    ['--stream', ['--image', 'nginx=nginx:2', '--stream'], big],
    ['-o json', ['-o', 'json'], big],
    ['kset images', ['images'], big],
    ['--diff', ['--image', 'nginx=nginx:2', '--diff'], small],
    ['--check', ['--image', 'nginx=nginx:2', '--check'], small],
  ])(
    'ends %s quietly with exit code 141, as a process killed by SIGPIPE (kubectl)',
    async (_name, args, input) => {
      const result = await closedEarly(args, input);
      // --check says on stderr which files would change, before the diff goes to stdout
      expect(result.stderr).toBe(args.includes('--check') ? 'kset: would change <stdin>\nkset: 1 of 1 file would change\n' : '');
      expect(result.code).toBe(141);
    },
    60_000,
  );
});

describe.skipIf(!existsSync('/dev/full'))('a full disk (stdout on /dev/full)', () => {
  it.each([
    ['the stream', ['--image', 'nginx=nginx:2'], big],
    ['-o json', ['-o', 'json'], big],
    ['kset images', ['images'], big],
    ['--diff', ['--image', 'nginx=nginx:2', '--diff'], small],
  ])('%s: one kset line, exit 2', { timeout: 60_000 }, async (_name, args, input) => {
    const stdin = openSync(input, 'r');
    const stdout = openSync('/dev/full', 'w');
    try {
      const result = await runKset(args, { stdin, stdout });
      expect(result.stderr).toBe('kset: cannot write to stdout: no space left on device (ENOSPC)\n');
      expect(result.code).toBe(2);
    } finally {
      closeSync(stdin);
      closeSync(stdout);
    }
  });
});

describe.skipIf(!existsSync('/dev/zero'))('endless binary input (/dev/zero)', () => {
  it('on stdin is an error at its first byte, not a hang', async () => {
    const stdin = openSync('/dev/zero', 'r');
    try {
      const result = await runKset([], { stdin, stdout: 'pipe' });
      expect(result.stderr).toBe('kset: <stdin>:1:1: control characters are not allowed (U+0000)\n');
      expect(result.code).toBe(2);
    } finally {
      closeSync(stdin);
    }
  });

  it('named as a file, too', async () => {
    const stdin = openSync(small, 'r');
    try {
      const result = await runKset(['-f', '/dev/zero'], { stdin, stdout: 'pipe' });
      expect(result.stderr).toBe('kset: /dev/zero:1:1: control characters are not allowed (U+0000)\n');
      expect(result.code).toBe(2);
    } finally {
      closeSync(stdin);
    }
  });
});
