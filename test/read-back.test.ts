/**
 * Verify after write: a changed document that does not read back as what kset meant to write is an internal
 * error, exit 2, naming the document, and nothing is written. The writers are made to go wrong here (mocked):
 * no known input makes them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { folderWith, kset } from './helpers.js';

const broken = vi.hoisted(() => ({ reconcile: false, scalar: false, normalize: false }));

vi.mock('../src/reconcile/reconcile.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/reconcile/reconcile.js')>();
  return {
    ...actual,
    reconcile: (...args: Parameters<typeof actual.reconcile>) => {
      const edits = actual.reconcile(...args).map((edit) => (broken.scalar && edit.scalar ? { ...edit, text: `${edit.text}: x` } : edit));
      return broken.reconcile ? [...edits, { start: 0, end: 0, text: 'lost: [' }] : edits;
    },
  };
});

vi.mock('../src/render/normalize.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/render/normalize.js')>();
  return { normalizeChunk: (text: string) => (broken.normalize ? actual.normalizeChunk(text).replace('v1', 'v2') : actual.normalizeChunk(text)) };
});

const input = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "y"\n';
afterEach(() => Object.assign(broken, { reconcile: false, scalar: false, normalize: false }));

describe('verify after write', () => {
  it('fails a changed document that does not read back, and writes nothing (-w)', async () => {
    broken.reconcile = true;
    const dir = folderWith({ 'cm.yaml': input });
    const result = await kset(['patch', 'cm/y', '--type', 'merge', '-p', '{"data":{"k":"v"}}', '-w', '-f', 'cm.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(
      /^kset: cm\.yaml:5:1: internal error: the edited document does not read back as intended \(it does not read as YAML: .*\); it was not written/,
    );
    expect(readFileSync(path.join(dir, 'cm.yaml'), 'utf8')).toBe(input);
  });

  it('fails a scalar written in place that does not read back on its line', async () => {
    broken.scalar = true;
    const result = await kset(['patch', 'cm/y', '--type', 'merge', '-p', '{"metadata":{"name":"z"}}'], { stdin: input });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(
      /^kset: <stdin>:5:1: internal error: the edited document does not read back as intended \(it does not read as YAML: /,
    );
  });

  it('fails a normalized document that reads as another value', async () => {
    broken.normalize = true;
    const result = await kset(['--normalize'], { stdin: input });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^kset: <stdin>:1:1: internal error: .*\(at \/apiVersion: "v2" where "v1" was meant\)/);
  });

  it('lets what reads back as meant through', async () => {
    const result = await kset(['patch', 'cm/y', '--type', 'merge', '-p', '{"data":{"k":"v"}}'], { stdin: input });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${input}data:\n  k: v\n`);
  });
});
