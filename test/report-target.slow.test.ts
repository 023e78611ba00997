import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createReadStream, lstatSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, folderWith } from './helpers.js';

// --report against kset's own stdin, stdout and stderr when they are files, and a FIFO as the report:
// bin/kset in a process of its own, with its standard streams redirected.

const KSET = path.join(ROOT, 'bin/kset');
const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: acme/web:1.0\n';
const bump = ['--image', 'acme/web:2.0'];

interface Stdio {
  stdin?: string;
  stdout: string;
  stderr?: string;
}

/** Runs bin/kset in `dir` with stdin, stdout and stderr from and to the files named (relative to `dir`). */
function runWith(dir: string, args: string[], stdio: Stdio) {
  const fds = [
    stdio.stdin ? openSync(path.join(dir, stdio.stdin), 'r') : 'ignore',
    openSync(path.join(dir, stdio.stdout), 'a'),
    stdio.stderr ? openSync(path.join(dir, stdio.stderr), 'a') : 'pipe',
  ] as const;
  try {
    return spawnSync(KSET, args, { cwd: dir, stdio: [...fds], encoding: 'utf8' });
  } finally {
    for (const fd of fds) if (typeof fd === 'number') closeSync(fd);
  }
}

describe('--report and the files kset’s standard streams are', () => {
  it.each([
    ['the file stdout goes to', ['--report', 'out.txt', 'm.yaml'], { stdout: 'out.txt' }, /--report out\.txt is the file kset's stdout goes to/],
    ['/dev/stdout, stdout going to a file', ['--write', '--report', '/dev/stdout', 'm.yaml'], { stdout: 'out.txt' }, /--report \/dev\/stdout is kset's stdout/],
    [
      'the file stderr goes to',
      ['--check', '--report', 'log.txt', 'm.yaml'],
      { stdout: 'out.txt', stderr: 'log.txt' },
      /--report log\.txt is the file kset's stderr goes to/,
    ],
    ['the file stdin comes from', ['--report', 'm.yaml'], { stdin: 'm.yaml', stdout: 'out.txt' }, /--report m\.yaml is the file kset's stdin comes from/],
  ] as [string, string[], Stdio, RegExp][])('%s: a usage error, exit 2, the file neither replaced nor written', (_, args, stdio, message) => {
    const dir = folderWith({ 'm.yaml': manifest, 'out.txt': '', 'log.txt': '' });
    const inodes = ['m.yaml', 'out.txt', 'log.txt'].map((file) => statSync(path.join(dir, file)).ino);
    const result = runWith(dir, [...bump, ...args], stdio);
    const stderr = stdio.stderr ? readFileSync(path.join(dir, stdio.stderr), 'utf8') : result.stderr;
    expect(result.status, stderr).toBe(2);
    expect(stderr).toMatch(message);
    expect(['m.yaml', 'out.txt', 'log.txt'].map((file) => statSync(path.join(dir, file)).ino)).toEqual(inodes);
    expect(readFileSync(path.join(dir, 'm.yaml'), 'utf8')).toBe(manifest);
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('');
  });

  it('a FIFO takes the report in place, and stays a FIFO', async () => {
    const dir = folderWith({ 'm.yaml': manifest });
    const fifo = path.join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => (text += chunk))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    const child = spawn(KSET, ['--check', ...bump, '--report', 'report.fifo', 'm.yaml'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(1);
    expect(JSON.parse(await reader)).toMatchObject({ reportVersion: 1, files: [{ path: 'm.yaml', changed: true, changes: 1 }] });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
