import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejection, useTempRoot, writeTree } from '../../test/temp-tree.js';
import { configFromObject, loadConfig } from './load.js';
import { emptyConfig } from './types.js';

let root: string;
useTempRoot((dir) => (root = dir));

/** Writes `files` (path → text) under the temp root. */
const tree = (files: Record<string, string>) => writeTree(root, files);
const failure = rejection;

const IMAGES_YAML = 'images:\n- name: web\n  newTag: "2"\n';

// loadConfig is finding (find.test.ts), parsing (parse.test.ts) and normalising (normalize.test.ts) a
// config file: these tests check the three together.

describe('loadConfig', () => {
  it.each([
    ['.ksetrc.yaml', IMAGES_YAML],
    ['package.json', '{"name": "x", "kset": {"images": [{"name": "web", "newTag": "2"}]}}'],
  ])('finds %s and reads its entries', async (name, text) => {
    await tree({ [name]: text });
    const config = await loadConfig({ cwd: root });
    expect(config.file).toBe(name);
    expect(config.images).toEqual([{ name: 'web', newTag: '2', origin: expect.objectContaining({ label: 'images[0]', file: name }) }]);
  });

  it('points errors in package.json#kset to package.json lines', async () => {
    await tree({ 'package.json': '{\n  "name": "x",\n  "kset": {\n    "images": [{"name": "web", "newTag": 2}]\n  }\n}\n' });
    const error = await failure(loadConfig({ cwd: root }));
    expect(error.message).toBe('images[0].newTag: must be a string, not a number — quote it: newTag: "2"');
    expect(error.position).toEqual({ file: 'package.json', line: 4, col: 42 });
  });

  it('gives the empty config when there is none', async () => {
    await tree({ 'a/b/input.yaml': 'kind: ConfigMap\n' });
    expect(await loadConfig({ cwd: path.join(root, 'a/b') })).toEqual(emptyConfig());
  });

  it('loads the file --config names, relative to cwd', async () => {
    await tree({ 'conf/kset.yaml': IMAGES_YAML });
    const config = await loadConfig({ cwd: root, configFile: 'conf/kset.yaml' });
    expect(config.file).toBe(path.join('conf', 'kset.yaml'));
    expect(config.images[0]).toEqual({ name: 'web', newTag: '2', origin: { label: 'images[0]', file: 'conf/kset.yaml', line: 2 } });
  });

  it('takes patch paths relative to the config file', async () => {
    await tree({ 'conf/kset.yaml': 'patches:\n- path: p.yaml\n', 'conf/p.yaml': 'kind: X\n' });
    const config = await loadConfig({ cwd: root, configFile: 'conf/kset.yaml' });
    expect(config.patches[0]!.origin).toEqual({ label: 'patches[0]', file: 'conf/p.yaml', line: 1, textLine: 1 });
  });

  it('validates code-bearing files too', async () => {
    await tree({ 'kset.config.mjs': 'export default { image: [] };\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.config.mjs' }));
    expect(error.message).toBe('unknown key `image` (did you mean `images`?)');
    expect(error.position).toEqual({ file: 'kset.config.mjs' });
  });

  it('reads an empty file as the empty config', async () => {
    await tree({ 'kset.yaml': '# later\n' });
    expect(await loadConfig({ cwd: root, configFile: 'kset.yaml' })).toEqual({ ...emptyConfig(), file: 'kset.yaml' });
  });

  it('reads a kustomization.yaml in a folder given as --config, ignoring the keys kset does not use', async () => {
    await tree({ 'overlay/Kustomization': 'resources: [deployment.yaml]\nnamePrefix: p-\nimages:\n- name: web\n' });
    const config = await loadConfig({ cwd: root, configFile: 'overlay' });
    expect(config.file).toBe(path.join('overlay', 'Kustomization'));
    expect(config.images).toEqual([{ name: 'web', origin: { label: 'images[0]', file: 'overlay/Kustomization', line: 4 } }]);
  });

  it('applies the load restrictor unless it is none', async () => {
    await tree({ 'outside.yaml': 'kind: X\n', 'conf/kset.yaml': 'patches:\n- path: ../outside.yaml\n' });
    expect((await failure(loadConfig({ cwd: root, configFile: 'conf/kset.yaml' }))).message).toMatch(/is outside the config folder/);
    expect((await loadConfig({ cwd: root, configFile: 'conf/kset.yaml', loadRestrictor: 'none' })).patches[0]!.text).toBe('kind: X\n');
  });
});

describe('configFromObject', () => {
  it('validates and normalises a plain object', async () => {
    await tree({ 'p.yaml': 'kind: Deployment\n' });
    const config = await configFromObject(
      {
        images: [{ name: 'web', newTag: '2' }],
        patches: [{ path: 'p.yaml' }, { patch: '[]', target: { kind: 'Service' } }],
        // read as kustomize reads keys: whatever their case
        imagepolicies: [{ Policy: 'flux-system:web', image: 'ghcr.io/acme/web:2@sha256:abc' }],
      },
      { dir: root, cwd: root },
    );
    expect(config).toEqual({
      images: [{ name: 'web', newTag: '2', origin: { label: 'images[0]' } }],
      patches: [
        { text: 'kind: Deployment\n', origin: { label: 'patches[0]', file: 'p.yaml', line: 1, textLine: 1 } },
        { text: '[]', target: { kind: 'Service' }, origin: { label: 'patches[1]' } },
      ],
      imageFields: [],
      imagePolicies: [
        {
          policy: 'flux-system:web',
          image: 'ghcr.io/acme/web:2@sha256:abc',
          ref: { name: 'ghcr.io/acme/web', tag: '2', digest: 'sha256:abc' },
          origin: { label: 'imagePolicies[0]' },
        },
      ],
      crds: [],
    });
  });

  it('throws KsetErrors without a position', async () => {
    const error = await failure(configFromObject({ images: [{ name: 'a', newTag: 1.2 }] }, { dir: root }));
    expect(error.message).toBe('images[0].newTag: must be a string, not a number — quote it: newTag: "1.2"');
    expect(error.position).toEqual({ file: undefined });
  });

  it('takes nothing as the empty config', async () => {
    expect(await configFromObject(undefined, { dir: root })).toEqual(emptyConfig());
  });
});
