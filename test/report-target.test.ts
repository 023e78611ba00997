import { linkSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, kset } from './helpers.js';

// --report FILE is written after the run: it may not replace a file the run reads (that would clobber a
// manifest, under --check too, which promises to write nothing) nor kset's own stdout or stderr.

const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: acme/web:1.0\n';
const patch = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {tier: web}\n';
const files = {
  'm.yaml': manifest,
  'apps/a.yaml': manifest.replace('name: p', 'name: a'),
  'p.yaml': patch,
  'kset.yaml': 'images:\n- name: acme/web\n  newTag: "2.0"\n',
  'paths.yaml': 'patches:\n- path: p.yaml\n',
};
const bump = ['--image', 'acme/web:2.0'];

/** Every file of `dir` with its text, for "nothing was written". */
function snapshot(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() || entry.isSymbolicLink());
  return Object.fromEntries(
    entries.map((entry) => {
      const file = path.relative(dir, path.join(entry.parentPath, entry.name));
      return [file, readFileSync(path.join(dir, file), 'utf8')];
    }),
  );
}

describe('--report may not replace what kset reads, nor its stdout or stderr', () => {
  it.each([
    ['an input, under --check', ['--check', ...bump, '--report', 'm.yaml', 'm.yaml'], /--report m\.yaml is a file kset reads: the report would replace it/],
    ['an input, under --write', ['--write', ...bump, '--report', 'm.yaml', 'm.yaml'], /--report m\.yaml is a file kset reads/],
    ['an input, with the stream on stdout', [...bump, '--report', './m.yaml', 'm.yaml'], /--report \.\/m\.yaml is the same file as m\.yaml, a file kset reads/],
    ['a file of an input folder', ['--diff', ...bump, '--report', 'apps/a.yaml', 'apps'], /--report apps\/a\.yaml is a file kset reads/],
    ['a symlink to an input', ['--check', ...bump, '--report', 'link.yaml', 'm.yaml'], /--report link\.yaml is the same file as m\.yaml/],
    ['a hard link to an input', ['--check', ...bump, '--report', 'hard.yaml', 'm.yaml'], /--report hard\.yaml is the same file as m\.yaml/],
    ['the config file', ['--check', '-c', 'kset.yaml', '--report', 'kset.yaml', 'm.yaml'], /--report kset\.yaml is a file kset reads/],
    ['a --patch file', ['--check', '--patch', 'p.yaml', '--report', 'p.yaml', 'm.yaml'], /--report p\.yaml is a file kset reads/],
    ['a config patch path', ['--check', '-c', 'paths.yaml', '--report', 'p.yaml', 'm.yaml'], /--report p\.yaml is a file kset reads/],
    [
      'a kset patch --patch-file',
      ['patch', 'pod/p', '--patch-file', 'p.yaml', '-f', 'm.yaml', '--check', '--report', 'p.yaml'],
      /--report p\.yaml is a file kset reads/,
    ],
    [
      '/dev/stdout',
      ['--write', ...bump, '--report', '/dev/stdout', 'm.yaml'],
      /--report \/dev\/stdout is kset's stdout \(--report - writes the report there, with --write\)/,
    ],
    ['/dev/fd/1', ['--check', ...bump, '--report', '/dev/fd/1', 'm.yaml'], /--report \/dev\/fd\/1 is kset's stdout/],
    ['/proc/self/fd/1', ['--check', ...bump, '--report', '/proc/self/fd/1', 'm.yaml'], /--report \/proc\/self\/fd\/1 is kset's stdout/],
    ['/dev/stderr', ['--check', ...bump, '--report', '/dev/stderr', 'm.yaml'], /--report \/dev\/stderr is kset's stderr/],
  ])('%s: a usage error, exit 2, nothing written', async (_, args, message) => {
    const dir = folderWith(files);
    symlinkSync('m.yaml', path.join(dir, 'link.yaml'));
    linkSync(path.join(dir, 'm.yaml'), path.join(dir, 'hard.yaml'));
    const before = snapshot(dir);
    const result = await kset(args, { cwd: dir });
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^kset: .* \(see kset (patch )?--help\)\n$/);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(snapshot(dir)).toEqual(before);
  });

  it('a new file beside the inputs, or one the run does not read, is fine', async () => {
    const dir = folderWith(files);
    expect((await kset(['--check', ...bump, '--report', 'apps/report.json', 'apps'], { cwd: dir })).code).toBe(1);
    expect((await kset(['--check', ...bump, '--report', 'p.yaml', 'm.yaml'], { cwd: dir })).code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'p.yaml'), 'utf8')).reportVersion).toBe(1);
  });

  it('/dev/null takes the report in place: it is not renamed over', async () => {
    const dir = folderWith(files);
    const result = await kset(['--check', ...bump, '--report', '/dev/null', 'm.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readFileSync('/dev/null', 'utf8')).toBe('');
  });

  it('a folder is an error, exit 2', async () => {
    const dir = folderWith(files);
    const result = await kset(['--check', ...bump, '--report', 'apps', 'm.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 2, stderr: 'kset: apps: a folder, not a file: nothing was written\n' });
  });
});
