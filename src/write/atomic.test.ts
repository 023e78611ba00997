import { chmodSync, readFileSync, readdirSync, statSync, symlinkSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { replaceFiles } from './atomic.js';
import { folderWith } from '../../test/helpers.js';

const folder = folderWith;

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('replaceFiles', () => {
  it('replaces each file and leaves no temp file behind', async () => {
    const dir = folder({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' });
    await replaceFiles(
      [
        { path: 'a.yaml', text: 'a: 2\n' },
        { path: 'b.yaml', text: 'b: 2\n' },
      ],
      dir,
    );
    expect([read(dir, 'a.yaml'), read(dir, 'b.yaml')]).toEqual(['a: 2\n', 'b: 2\n']);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const dir = folder({ 'a.yaml': 'a: 1\n' });
    chmodSync(path.join(dir, 'a.yaml'), 0o640);
    await replaceFiles([{ path: 'a.yaml', text: 'a: 2\n' }], dir);
    expect(statSync(path.join(dir, 'a.yaml')).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    const dir = folder({ 'real.yaml': 'a: 1\n' });
    symlinkSync('real.yaml', path.join(dir, 'link.yaml'));
    await replaceFiles([{ path: 'link.yaml', text: 'a: 2\n' }], dir);
    expect(lstatSync(path.join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'real.yaml')).toBe('a: 2\n');
  });

  it('refuses a read-only file (even as root) and writes none of the others', async () => {
    const dir = folder({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' });
    chmodSync(path.join(dir, 'b.yaml'), 0o444);
    const error = await replaceFiles(
      [
        { path: 'a.yaml', text: 'a: 2\n' },
        { path: 'b.yaml', text: 'b: 2\n' },
      ],
      dir,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(KsetError);
    expect(error.message).toBe('read-only file: nothing was written');
    expect(error.position.file).toBe('b.yaml');
    expect([read(dir, 'a.yaml'), read(dir, 'b.yaml')]).toEqual(['a: 1\n', 'b: 1\n']);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('refuses a file whose text is no longer what was read', async () => {
    const dir = folder({ 'a.yaml': 'a: edited\n' });
    const error = await replaceFiles([{ path: 'a.yaml', text: 'a: 2\n', expected: 'a: 1\n' }], dir).catch((e) => e);
    expect(error.message).toMatch(/changed since kset read it/);
    expect(read(dir, 'a.yaml')).toBe('a: edited\n');
  });

  it('a missing file is an error unless it may be created', async () => {
    const dir = folder({});
    await expect(replaceFiles([{ path: 'gone.yaml', text: 'x' }], dir)).rejects.toThrow(/no such file/);
    await replaceFiles([{ path: 'report.json', text: '{}\n', create: true }], dir);
    expect(read(dir, 'report.json')).toBe('{}\n');
  });

  it('writes a target that is no regular file (/dev/null) in place, and refuses a folder', async () => {
    const dir = folder({});
    await replaceFiles([{ path: '/dev/null', text: '{}\n', create: true }], dir);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    await expect(replaceFiles([{ path: '.', text: '{}\n', create: true }], dir)).rejects.toThrow('a folder, not a file: nothing was written');
    await expect(replaceFiles([{ path: '/dev/null', text: 'x' }], dir)).rejects.toThrow('not a regular file: nothing was written');
  });

  it('holds SIGINT, SIGTERM and SIGHUP only while it writes', async () => {
    const counts = () => ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map((event) => process.listenerCount(event));
    const before = counts();
    const dir = folder({ 'a.yaml': 'a: 1\n' });
    const writing = replaceFiles([{ path: 'a.yaml', text: 'a: 2\n' }], dir);
    expect(counts()).toEqual(before.map((n) => n + 1));
    await writing;
    expect(counts()).toEqual(before);
    await replaceFiles([{ path: 'gone.yaml', text: 'x' }], dir).catch(() => undefined);
    expect(counts()).toEqual(before);
  });
});
