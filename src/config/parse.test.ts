import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { importCodeFile, parseDataFile, parsePackageJson } from './parse.js';

let root: string;

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'kset-config-')));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function failure(parse: () => unknown): KsetError {
  try {
    parse();
  } catch (error) {
    if (error instanceof KsetError) return error;
    throw error;
  }
  throw new Error('expected a KsetError');
}

/** `text` read as the file kset.yaml (in a folder that is not there: parsing reads no file). */
function parsed(text: string, name = 'kset.yaml') {
  return parseDataFile(text, path.join('/nowhere', name), name);
}

describe('parseDataFile', () => {
  it('gives the value, the text and the node for positions', () => {
    const file = parsed('images:\n- name: web\n');
    expect(file).toMatchObject({ value: { images: [{ name: 'web' }] }, file: 'kset.yaml', text: 'images:\n- name: web\n', kustomization: false });
    expect(file.node?.range?.[0]).toBe(0);
  });

  it('reads YAML as kustomize does: the last of two equal keys wins, dates and 1:20 are strings', () => {
    const file = parsed('images:\n- name: a\n  newTag: "1"\n  newTag: 2024-01-01\n- name: b\n  newTag: 1:20\n');
    expect(file.value).toEqual({
      images: [
        { name: 'a', newTag: '2024-01-01' },
        { name: 'b', newTag: '1:20' },
      ],
    });
  });

  it('reads an empty file as nothing', () => {
    expect(parsed('# later\n').value).toBeNull();
  });

  it('points malformed YAML to its line and column', () => {
    const error = failure(() => parsed('images:\n- name: web\n   newTag: "2"\n'));
    expect(error.message).toMatch(/^invalid YAML: /);
    expect(error.position).toEqual({ file: 'kset.yaml', line: 2, col: 9 });
    expect(error.excerpt).toContain('2 | - name: web');
  });

  it('rejects several documents', () => {
    const error = failure(() => parsed('images: []\n---\npatches: []\n'));
    expect(error.message).toBe('a config file holds one YAML document, this one has several');
    expect(error.position.line).toBe(2);
  });

  it.each([
    ['kind: Kustomization\nnamePrefix: p-\nimages: [{name: a}]\n'],
    ['resources: [a.yaml]\nnamePrefix: p-\nimages: [{name: a}]\n'],
    ['apiVersion: kustomize.config.k8s.io/v1beta1\nnamePrefix: p-\nimages: [{name: a}]\n'],
  ])('recognises a kustomization by its content in any file: %j', (text) => {
    expect(parsed(text).kustomization).toBe(true);
  });

  it('recognises a kustomization by its name', () => {
    expect(parsed('images: []\n', 'kustomization.yaml').kustomization).toBe(true);
    expect(parsed('images: []\n', 'Kustomization').kustomization).toBe(true);
  });
});

describe('parsePackageJson', () => {
  it("gives the `kset` key's value, its node in package.json", () => {
    const text = '{\n  "name": "x",\n  "kset": {"images": []}\n}\n';
    const file = parsePackageJson(text, '/nowhere/package.json', 'package.json');
    expect(file?.value).toEqual({ images: [] });
    expect(text.slice(file?.node?.range?.[0])).toMatch(/^\{"images"/);
  });

  it('gives nothing for a package.json without it', () => {
    expect(parsePackageJson('{"name": "x"}', '/nowhere/package.json', 'package.json')).toBeUndefined();
    expect(parsePackageJson('{"name": "kset"}', '/nowhere/package.json', 'package.json')).toBeUndefined();
  });
});

describe('importCodeFile', () => {
  it('gives the default export', async () => {
    await writeFile(path.join(root, 'kset.config.mjs'), 'export default { images: [{ name: "esm" }] };\n');
    expect(await importCodeFile(path.join(root, 'kset.config.mjs'), 'kset.config.mjs')).toEqual({
      value: { images: [{ name: 'esm' }] },
      file: 'kset.config.mjs',
      absolute: path.join(root, 'kset.config.mjs'),
      kustomization: false,
    });
  });

  it('reports a code file without default export', async () => {
    await writeFile(path.join(root, 'named.mjs'), 'export const images = [];\n');
    await expect(importCodeFile(path.join(root, 'named.mjs'), 'named.mjs')).rejects.toMatchObject({
      message: 'named.mjs has no default export',
      position: { file: 'named.mjs' },
    });
  });

  it('loads a TypeScript config where Node.js can, or says why not', async () => {
    await writeFile(
      path.join(root, 'kset.config.ts'),
      'const config: { images: { name: string }[] } = { images: [{ name: "ts" }] };\nexport default config;\n',
    );
    const outcome = await importCodeFile(path.join(root, 'kset.config.ts'), 'kset.config.ts').then(
      (file) => (file.value as { images: { name: string }[] }).images[0]!.name,
      (error: Error) => error.message,
    );
    expect([
      'ts',
      `cannot load kset.config.ts: Node.js ${process.version} cannot import TypeScript; compile it to .mjs, or use a YAML or JSON config`,
    ]).toContain(outcome);
  });
});
