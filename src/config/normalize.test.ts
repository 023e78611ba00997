import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejection, useTempRoot, writeTree } from '../../test/temp-tree.js';
import { normalize } from './normalize.js';
import { parseDataFile } from './parse.js';
import { emptyConfig, type Config } from './types.js';

let root: string;
useTempRoot((dir) => (root = dir));

/** Writes `files` (path → text) under the temp root. */
const tree = (files: Record<string, string>) => writeTree(root, files);
const failure = rejection;

/** The config file `name` (relative to the temp root, the cwd) parsed and normalised, as loadConfig does. */
async function normalized(name: string, loadRestrictor: 'rootOnly' | 'none' = 'rootOnly'): Promise<Config> {
  const absolute = path.join(root, name);
  const file = parseDataFile(await readFile(absolute, 'utf8'), absolute, name);
  return normalize(file, { dir: path.dirname(absolute), cwd: root, restrict: loadRestrictor !== 'none' });
}

describe('validation', () => {
  it('reports unknown keys of a kset.yaml with their line', async () => {
    await tree({ 'kset.yaml': 'images: []\npatchs:\n- path: p.yaml\n' });
    const error = await failure(normalized('kset.yaml'));
    expect(error.message).toBe('unknown key `patchs` (did you mean `patches`?)');
    expect(error.position).toEqual({ file: 'kset.yaml', line: 2, col: 1 });
  });

  it('reports an entry with both path and patch', async () => {
    await tree({ 'p.yaml': '[]', 'kset.yaml': 'patches:\n- path: p.yaml\n  patch: "[]"\n  target: {kind: Deployment}\n' });
    const error = await failure(normalized('kset.yaml'));
    expect(error.message).toBe("patches[0]: `patch` and `path` can't be set at the same time");
    expect(error.position.line).toBe(2);
  });

  it('reports a newTag that YAML reads as a number', async () => {
    await tree({ 'kset.yaml': 'images:\n- name: golang\n  newTag: 1.20\n' });
    const error = await failure(normalized('kset.yaml'));
    expect(error.message).toBe('images[0].newTag: must be a string, not a number — quote it: newTag: "1.20"');
    expect(error.position).toEqual({ file: 'kset.yaml', line: 3, col: 11 });
  });

  it('requires a target name in patchesJson6902, as kustomize does', async () => {
    await tree({ 'kset.yaml': 'patchesJson6902:\n- patch: "[]"\n  target:\n    kind: Deployment\n' });
    const error = await failure(normalized('kset.yaml'));
    expect(error.message).toBe('patchesJson6902[0].target: missing required key `name`');
    expect(error.position.line).toBe(4);
  });

  it('takes nothing as the empty config', async () => {
    expect(await normalize({ value: null, file: 'kset.yaml', kustomization: false }, { dir: root, cwd: root, restrict: true })).toEqual({
      ...emptyConfig(),
      file: 'kset.yaml',
    });
  });
});

describe('a kustomization.yaml', () => {
  const kustomization = [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources: [deployment.yaml]',
    'namespace: prod',
    'commonLabels: {team: a}',
    'images:',
    '- name: web',
    '  newTag: "2"',
    'imageTags:',
    '- name: old',
    '  newTag: "1"',
    '',
  ].join('\n');

  it('gives the keys kset uses and ignores the rest', async () => {
    await tree({ 'overlay/kustomization.yaml': kustomization });
    const config = await normalized('overlay/kustomization.yaml');
    expect(config.images.map((image) => [image.name, image.origin.label, image.origin.line])).toEqual([
      ['web', 'images[0]', 7],
      ['old', 'imageTags[0]', 10],
    ]);
  });

  it('still rejects keys kustomize does not know', async () => {
    await tree({ 'kustomization.yaml': 'resources: [a.yaml]\nimage:\n- name: a\n' });
    const error = await failure(normalized('kustomization.yaml'));
    expect(error.message).toBe('unknown key `image` (did you mean `images`?)');
    expect(error.position.line).toBe(2);
  });
});

describe('normalisation', () => {
  it('drops empty image fields, as kustomize does', async () => {
    await tree({ 'kset.yaml': 'images:\n- {name: a, newName: "", newTag: "", digest: "sha256:1", tagSuffix: ""}\n' });
    expect((await normalized('kset.yaml')).images).toEqual([{ name: 'a', digest: 'sha256:1', origin: { label: 'images[0]', file: 'kset.yaml', line: 2 } }]);
  });

  it('reads the config as kustomize does: keys in any case, nulls as nothing, a missing name empty', async () => {
    await tree({
      'kset.yaml':
        'IMAGES:\n- name: web\n  newtag: "2"\n- null\n- newTag: "3"\n- name: ""\n  newTag: "4"\nimageTags:\n- name: db\n  digest: sha256:1\n  newName:\npatches:\n',
    });
    const config = await normalized('kset.yaml');
    expect(config.images.map(({ origin, ...image }) => [origin.label, image])).toEqual([
      ['images[0]', { name: 'web', newTag: '2' }],
      ['images[1]', { name: '' }],
      ['images[2]', { name: '', newTag: '3' }],
      ['images[3]', { name: '', newTag: '4' }],
      ['imageTags[0]', { name: 'db', digest: 'sha256:1' }],
    ]);
    expect(config.patches).toEqual([]);
  });

  it("puts patches in kustomize's order: patchesStrategicMerge, patches, patchesJson6902", async () => {
    await tree({
      'conf/kset.yaml': [
        'patchesJson6902:',
        '- target: {kind: Service, name: web}',
        '  path: ops.json',
        'patches:',
        '- patch: |-',
        '    apiVersion: apps/v1',
        '    kind: Deployment',
        '  target:',
        '    kind: Deployment',
        '    labelSelector: app=web',
        '  options: {allowNameChange: true}',
        '- path: sub/p.yaml',
        'patchesStrategicMerge:',
        '- smp.yaml',
        '- |',
        '  apiVersion: v1',
        '  kind: ConfigMap',
        '- "{apiVersion: v1, kind: Secret, metadata: {name: s}}"',
        '',
      ].join('\n'),
      'conf/ops.json': '[{"op": "remove", "path": "/spec/selector"}]',
      'conf/sub/p.yaml': 'kind: Deployment\n',
      'conf/smp.yaml': 'kind: StatefulSet\n',
    });
    const config = await normalized('conf/kset.yaml');
    expect(config.patches).toEqual([
      { text: 'kind: StatefulSet\n', type: 'strategic', origin: { label: 'patchesStrategicMerge[0]', file: 'conf/smp.yaml', line: 1, textLine: 1 } },
      {
        text: 'apiVersion: v1\nkind: ConfigMap\n',
        type: 'strategic',
        origin: { label: 'patchesStrategicMerge[1]', file: 'conf/kset.yaml', line: 15, textLine: 16 },
      },
      {
        text: '{apiVersion: v1, kind: Secret, metadata: {name: s}}',
        type: 'strategic',
        origin: { label: 'patchesStrategicMerge[2]', file: 'conf/kset.yaml', line: 18 },
      },
      {
        text: 'apiVersion: apps/v1\nkind: Deployment',
        target: { kind: 'Deployment', labelSelector: 'app=web' },
        options: { allowNameChange: true },
        origin: { label: 'patches[0]', file: 'conf/kset.yaml', line: 5, textLine: 6 },
      },
      { text: 'kind: Deployment\n', origin: { label: 'patches[1]', file: 'conf/sub/p.yaml', line: 1, textLine: 1 } },
      {
        text: '[{"op": "remove", "path": "/spec/selector"}]',
        type: 'json',
        target: { kind: 'Service', name: 'web' },
        origin: { label: 'patchesJson6902[0]', file: 'conf/ops.json', line: 1, textLine: 1 },
      },
    ]);
  });

  it('reads imageFields and crds', async () => {
    await tree({
      'kset.yaml': 'imageFields:\n- spec.image\n- {path: "spec.steps[].image", kind: Task}\ncrds:\n- crds/widget.yaml\n',
      'crds/widget.yaml': 'kind: CustomResourceDefinition\n',
    });
    const config = await normalized('kset.yaml');
    expect(config.imageFields).toEqual([{ path: 'spec.image' }, { path: 'spec.steps[].image', kind: 'Task' }]);
    expect(config.crds).toEqual([{ path: 'crds/widget.yaml', text: 'kind: CustomResourceDefinition\n' }]);
  });

  it('drops a patch whose file is empty when it has a target (kustomize: a JSON patch without operations)', async () => {
    await tree({ 'kset.yaml': 'patches:\n- path: empty.yaml\n  target: {kind: Deployment}\n- path: empty.yaml\n', 'empty.yaml': '' });
    const config = await normalized('kset.yaml');
    expect(config.patches.map((patch) => patch.origin.label)).toEqual(['patches[1]']);
  });

  it('reports a missing patch file at its entry', async () => {
    await tree({ 'kset.yaml': 'images: []\npatches:\n- path: missing.yaml\n' });
    const error = await failure(normalized('kset.yaml'));
    expect(error.message).toBe(`patches[0]: cannot read missing.yaml: no such file in ${root}`);
    expect(error.position).toEqual({ file: 'kset.yaml', line: 3, col: 9 });
    expect(error.excerpt).toContain('3 | - path: missing.yaml');
  });

  it('reports a patch path that is a folder', async () => {
    await tree({ 'kset.yaml': 'patchesStrategicMerge:\n- sub\n', 'sub/x': '' });
    const error = await failure(normalized('kset.yaml'));
    expect(error.message).toBe('patchesStrategicMerge[0]: cannot read sub: it is a folder');
    expect(error.position.line).toBe(2);
  });
});

describe('load restrictor', () => {
  it('rejects paths outside the config folder', async () => {
    await tree({ 'outside.yaml': 'kind: X\n', 'conf/kset.yaml': 'patches:\n- path: ../outside.yaml\n' });
    const error = await failure(normalized('conf/kset.yaml'));
    expect(error.message).toBe(`patches[0]: path ../outside.yaml is outside the config folder ${path.join(root, 'conf')}; use --load-restrictor none`);
    expect(error.position).toEqual({ file: 'conf/kset.yaml', line: 2, col: 9 });
  });

  it('rejects absolute paths outside and accepts absolute paths inside', async () => {
    const outside = path.join(root, 'outside.yaml');
    const inside = path.join(root, 'conf', 'in.yaml');
    await tree({ 'outside.yaml': 'a\n', 'conf/in.yaml': 'b\n', 'conf/bad.yaml': `crds: [${outside}]\n`, 'conf/good.yaml': `crds: [${inside}]\n` });
    expect((await failure(normalized('conf/bad.yaml'))).message).toMatch(/^crds\[0\]: path .* is outside the config folder/);
    expect((await normalized('conf/good.yaml')).crds[0]!.text).toBe('b\n');
  });

  it('follows symbolic links before deciding', async () => {
    await tree({ 'secret.yaml': 'kind: X\n', 'conf/kset.yaml': 'patchesStrategicMerge:\n- link.yaml\n' });
    await symlink(path.join(root, 'secret.yaml'), path.join(root, 'conf', 'link.yaml'));
    const error = await failure(normalized('conf/kset.yaml'));
    expect(error.message).toMatch(/^patchesStrategicMerge\[0\]: path link.yaml is outside the config folder/);
    const config = await normalized('conf/kset.yaml', 'none');
    expect(config.patches[0]!.text).toBe('kind: X\n');
  });

  it('allows everything with loadRestrictor none', async () => {
    await tree({ 'outside.yaml': 'kind: X\n', 'conf/kset.yaml': 'patches:\n- path: ../outside.yaml\n' });
    const config = await normalized('conf/kset.yaml', 'none');
    expect(config.patches[0]).toEqual({ text: 'kind: X\n', origin: { label: 'patches[0]', file: 'outside.yaml', line: 1, textLine: 1 } });
  });
});
