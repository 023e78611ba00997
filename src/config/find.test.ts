import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejection, useTempRoot, writeTree } from '../../test/temp-tree.js';
import { findConfig, readConfigFile, SEARCH_PLACES } from './find.js';

let root: string;
useTempRoot((dir) => (root = dir));

/** Writes `files` (path → text) under the temp root. */
const tree = (files: Record<string, string>) => writeTree(root, files);
const failure = rejection;

const IMAGES_YAML = 'images:\n- name: web\n  newTag: "2"\n';
const IMAGES = { images: [{ name: 'web', newTag: '2' }] };

describe('findConfig (discovery)', () => {
  it.each([
    ['.ksetrc', IMAGES_YAML],
    ['.ksetrc', '{"images": [{"name": "web", "newTag": "2"}]}'],
    ['.ksetrc.yaml', IMAGES_YAML],
    ['.ksetrc.yml', IMAGES_YAML],
    ['.ksetrc.json', '{\n\t"images": [{"name": "web", "newTag": "2"}]\n}\n'],
    ['kset.config.yaml', IMAGES_YAML],
    ['kset.config.yml', IMAGES_YAML],
    ['kset.config.json', '{"images": [{"name": "web", "newTag": "2"}]}'],
    ['package.json', '{"name": "x", "kset": {"images": [{"name": "web", "newTag": "2"}]}}'],
  ])('finds %s (%#)', async (name, text) => {
    await tree({ [name]: text });
    const found = await findConfig(root);
    expect(found).toMatchObject({ file: name, absolute: path.join(root, name), value: IMAGES, kustomization: false });
  });

  it('searches the parent folders, nearest first', async () => {
    await tree({ '.ksetrc.yaml': 'images: [{name: far}]', 'a/kset.config.yaml': 'images: [{name: near}]', 'a/b/c/x': '' });
    const near = await findConfig(path.join(root, 'a/b/c'));
    expect(near?.value).toEqual({ images: [{ name: 'near' }] });
    expect(near?.file).toBe(path.join(root, 'a/kset.config.yaml'));
    await rm(path.join(root, 'a/kset.config.yaml'));
    expect((await findConfig(path.join(root, 'a/b/c')))?.value).toEqual({ images: [{ name: 'far' }] });
  });

  it("takes a folder's files in cosmiconfig's order", async () => {
    expect(SEARCH_PLACES.slice(0, 2)).toEqual(['package.json', '.ksetrc']);
    await tree({ '.ksetrc.yml': 'images: [{name: rc}]', 'kset.config.yaml': 'images: [{name: config}]' });
    expect((await findConfig(root))?.file).toBe('.ksetrc.yml');
  });

  it('passes over a package.json without `kset` and empty files', async () => {
    await tree({ 'package.json': '{"name": "x"}', '.ksetrc': '# nothing yet\n', 'kset.config.json': '{"images": [{"name": "web"}]}' });
    expect((await findConfig(root))?.file).toBe('kset.config.json');
  });

  it('passes over a package.json that says "kset" only as a value (kset\'s own)', async () => {
    await tree({ 'package.json': '{"name": "kset", "bin": {"kset": "bin/kset"}}', '.ksetrc.yaml': 'images: [{name: web}]\n' });
    expect((await findConfig(root))?.file).toBe('.ksetrc.yaml');
  });

  it('never loads code files', async () => {
    const marker = path.join(root, 'ran');
    const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = { images: [{ name: 'js' }] };\n`;
    const esm = `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'x'); export default { images: [{ name: 'js' }] };\n`;
    await tree({
      '.ksetrc.js': code,
      '.ksetrc.cjs': code,
      '.ksetrc.mjs': esm,
      '.ksetrc.ts': esm,
      'kset.config.js': code,
      'kset.config.cjs': code,
      'kset.config.mjs': esm,
      '.config/ksetrc.js': code,
      '.config/config.cjs': code,
      'package.json': '{"name": "x", "cosmiconfig": {"searchPlaces": ["kset.config.cjs"]}}',
    });
    expect(await findConfig(root)).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('finds nothing when there is no config', async () => {
    await tree({ 'a/b/input.yaml': 'kind: ConfigMap\n' });
    expect(await findConfig(path.join(root, 'a/b'))).toBeUndefined();
  });

  it('does not pick up a kustomization.yaml', async () => {
    await tree({ 'kustomization.yaml': IMAGES_YAML });
    expect(await findConfig(root)).toBeUndefined();
  });
});

describe('readConfigFile (--config)', () => {
  it('reads the named file, named relative to cwd', async () => {
    await tree({ 'conf/kset.yaml': IMAGES_YAML });
    const file = await readConfigFile(path.join(root, 'conf/kset.yaml'), root);
    expect(file).toMatchObject({ file: path.join('conf', 'kset.yaml'), absolute: path.join(root, 'conf/kset.yaml'), value: IMAGES });
  });

  it('loads code-bearing files', async () => {
    await tree({
      'kset.config.mjs': 'export default { images: [{ name: "esm", newTag: "1" }] };\n',
      'kset.config.cjs': 'module.exports = { images: [{ name: "cjs", digest: "sha256:ab" }] };\n',
    });
    expect((await readConfigFile(path.join(root, 'kset.config.mjs'), root)).value).toEqual({ images: [{ name: 'esm', newTag: '1' }] });
    expect((await readConfigFile(path.join(root, 'kset.config.cjs'), root)).value).toEqual({ images: [{ name: 'cjs', digest: 'sha256:ab' }] });
  });

  it('reports a missing file, a package.json without kset', async () => {
    await tree({ 'package.json': '{"name": "x"}' });
    expect((await failure(readConfigFile(path.join(root, 'nope.yaml'), root))).message).toBe('config file nope.yaml not found');
    expect((await failure(readConfigFile(path.join(root, 'package.json'), root))).message).toBe('package.json has no `kset` key');
  });

  it("takes a folder's kustomization.yaml", async () => {
    await tree({ 'overlay/Kustomization': 'resources: [a.yaml]\nimages: [{name: a}]\n' });
    const file = await readConfigFile(path.join(root, 'overlay'), root);
    expect(file).toMatchObject({ file: path.join('overlay', 'Kustomization'), kustomization: true });
    expect((await failure(readConfigFile(root, root))).message).toBe('. is a folder without a kustomization.yaml');
  });
});
