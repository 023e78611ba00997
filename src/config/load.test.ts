import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { configFromObject, loadConfig, SEARCH_PLACES } from './load.js';
import { emptyConfig } from './types.js';

let root: string;

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'kset-config-')));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes `files` (path → text) under the temp root. */
async function tree(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

async function failure(promise: Promise<unknown>): Promise<KsetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KsetError) return error;
    throw error;
  }
  throw new Error('expected a KsetError');
}

const IMAGES_YAML = 'images:\n- name: web\n  newTag: "2"\n';

describe('discovery', () => {
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

  it('searches the parent folders, nearest first', async () => {
    await tree({ '.ksetrc.yaml': 'images: [{name: far}]', 'a/kset.config.yaml': 'images: [{name: near}]', 'a/b/c/x': '' });
    expect((await loadConfig({ cwd: path.join(root, 'a/b/c') })).images[0]!.name).toBe('near');
    const far = await loadConfig({ cwd: path.join(root, 'a/b/c'), configFile: undefined });
    expect(far.file).toBe(path.join(root, 'a/kset.config.yaml'));
    await rm(path.join(root, 'a/kset.config.yaml'));
    expect((await loadConfig({ cwd: path.join(root, 'a/b/c') })).images[0]!.name).toBe('far');
  });

  it("takes a folder's files in cosmiconfig's order", async () => {
    expect(SEARCH_PLACES.slice(0, 2)).toEqual(['package.json', '.ksetrc']);
    await tree({ '.ksetrc.yml': 'images: [{name: rc}]', 'kset.config.yaml': 'images: [{name: config}]' });
    expect((await loadConfig({ cwd: root })).file).toBe('.ksetrc.yml');
  });

  it('passes over a package.json without `kset` and empty files', async () => {
    await tree({ 'package.json': '{"name": "x"}', '.ksetrc': '# nothing yet\n', 'kset.config.json': '{"images": [{"name": "web"}]}' });
    expect((await loadConfig({ cwd: root })).file).toBe('kset.config.json');
  });

  it('passes over a package.json that says "kset" only as a value (kset\'s own)', async () => {
    await tree({ 'package.json': '{"name": "kset", "bin": {"kset": "bin/kset"}}', '.ksetrc.yaml': 'images: [{name: web}]\n' });
    expect((await loadConfig({ cwd: root })).file).toBe('.ksetrc.yaml');
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
    expect(await loadConfig({ cwd: root })).toEqual(emptyConfig());
    expect(existsSync(marker)).toBe(false);
  });

  it('gives the empty config when there is none', async () => {
    await tree({ 'a/b/input.yaml': 'kind: ConfigMap\n' });
    expect(await loadConfig({ cwd: path.join(root, 'a/b') })).toEqual(emptyConfig());
  });
});

describe('--config', () => {
  it('loads the named file, relative to cwd', async () => {
    await tree({ 'conf/kset.yaml': IMAGES_YAML });
    const config = await loadConfig({ cwd: root, configFile: 'conf/kset.yaml' });
    expect(config.file).toBe(path.join('conf', 'kset.yaml'));
    expect(config.images[0]).toEqual({ name: 'web', newTag: '2', origin: { label: 'images[0]', file: 'conf/kset.yaml', line: 2 } });
  });

  it('loads code-bearing files when named', async () => {
    await tree({
      'kset.config.mjs': 'export default { images: [{ name: "esm", newTag: "1" }] };\n',
      'kset.config.cjs': 'module.exports = { images: [{ name: "cjs", digest: "sha256:ab" }] };\n',
    });
    expect((await loadConfig({ cwd: root, configFile: 'kset.config.mjs' })).images).toEqual([
      { name: 'esm', newTag: '1', origin: { label: 'images[0]', file: 'kset.config.mjs' } },
    ]);
    expect((await loadConfig({ cwd: root, configFile: 'kset.config.cjs' })).images[0]!.digest).toBe('sha256:ab');
  });

  it('validates code-bearing files too', async () => {
    await tree({ 'kset.config.mjs': 'export default { image: [] };\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.config.mjs' }));
    expect(error.message).toBe('unknown key `image` (did you mean `images`?)');
    expect(error.position).toEqual({ file: 'kset.config.mjs' });
  });

  it('loads a TypeScript config where Node.js can, or says why not', async () => {
    await tree({ 'kset.config.ts': 'const config: { images: { name: string }[] } = { images: [{ name: "ts" }] };\nexport default config;\n' });
    const loading = loadConfig({ cwd: root, configFile: 'kset.config.ts' });
    const outcome = await loading.then(
      (config) => config.images[0]!.name,
      (error: Error) => error.message,
    );
    expect(['ts', `cannot load kset.config.ts: Node.js ${process.version} cannot import TypeScript; compile it to .mjs, or use a YAML or JSON config`]).toContain(outcome);
  });

  it('reports a missing file, a code file without default export, a package.json without kset', async () => {
    await tree({ 'named.mjs': 'export const images = [];\n', 'package.json': '{"name": "x"}' });
    expect((await failure(loadConfig({ cwd: root, configFile: 'nope.yaml' }))).message).toBe('config file nope.yaml not found');
    expect((await failure(loadConfig({ cwd: root, configFile: 'named.mjs' }))).message).toBe('named.mjs has no default export');
    expect((await failure(loadConfig({ cwd: root, configFile: 'package.json' }))).message).toBe('package.json has no `kset` key');
  });

  it('reads an empty file as the empty config', async () => {
    await tree({ 'kset.yaml': '# later\n' });
    expect(await loadConfig({ cwd: root, configFile: 'kset.yaml' })).toEqual({ ...emptyConfig(), file: 'kset.yaml' });
  });

  it('points malformed YAML to its line and column', async () => {
    await tree({ 'kset.yaml': 'images:\n- name: web\n   newTag: "2"\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.yaml' }));
    expect(error.message).toMatch(/^invalid YAML: /);
    expect(error.position).toEqual({ file: 'kset.yaml', line: 2, col: 9 });
    expect(error.excerpt).toContain('2 | - name: web');
  });

  it('rejects several documents', async () => {
    await tree({ 'kset.yaml': 'images: []\n---\npatches: []\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.yaml' }));
    expect(error.message).toBe('a config file holds one YAML document, this one has several');
    expect(error.position.line).toBe(2);
  });

  it('reports unknown keys of a kset.yaml with their line', async () => {
    await tree({ 'kset.yaml': 'images: []\npatchs:\n- path: p.yaml\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.yaml' }));
    expect(error.message).toBe('unknown key `patchs` (did you mean `patches`?)');
    expect(error.position).toEqual({ file: 'kset.yaml', line: 2, col: 1 });
  });

  it('reports an entry with both path and patch', async () => {
    await tree({ 'p.yaml': '[]', 'kset.yaml': 'patches:\n- path: p.yaml\n  patch: "[]"\n  target: {kind: Deployment}\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.yaml' }));
    expect(error.message).toBe("patches[0]: `patch` and `path` can't be set at the same time");
    expect(error.position.line).toBe(2);
  });

  it('reports a newTag that YAML reads as a number', async () => {
    await tree({ 'kset.yaml': 'images:\n- name: golang\n  newTag: 1.20\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.yaml' }));
    expect(error.message).toBe('images[0].newTag: must be a string, not a number — quote it: newTag: "1.20"');
    expect(error.position).toEqual({ file: 'kset.yaml', line: 3, col: 11 });
  });
});

describe('kustomization.yaml as config', () => {
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

  it('reads the keys kset uses and ignores the rest', async () => {
    await tree({ 'overlay/kustomization.yaml': kustomization });
    const config = await loadConfig({ cwd: root, configFile: 'overlay/kustomization.yaml' });
    expect(config.images.map((image) => [image.name, image.origin.label, image.origin.line])).toEqual([
      ['web', 'images[0]', 7],
      ['old', 'imageTags[0]', 10],
    ]);
  });

  it('is found in a folder given as --config', async () => {
    await tree({ 'overlay/Kustomization': kustomization });
    const config = await loadConfig({ cwd: root, configFile: 'overlay' });
    expect(config.file).toBe(path.join('overlay', 'Kustomization'));
    expect(config.images).toHaveLength(2);
    expect((await failure(loadConfig({ cwd: root, configFile: '.' }))).message).toBe('. is a folder without a kustomization.yaml');
  });

  it.each([
    ['kind: Kustomization\nnamePrefix: p-\nimages: [{name: a}]\n'],
    ['resources: [a.yaml]\nnamePrefix: p-\nimages: [{name: a}]\n'],
    ['apiVersion: kustomize.config.k8s.io/v1beta1\nnamePrefix: p-\nimages: [{name: a}]\n'],
  ])('is recognised by its content in any file: %j', async (text) => {
    await tree({ 'kset.yaml': text });
    expect((await loadConfig({ cwd: root, configFile: 'kset.yaml' })).images[0]!.name).toBe('a');
  });

  it('still rejects keys kustomize does not know', async () => {
    await tree({ 'kustomization.yaml': 'resources: [a.yaml]\nimage:\n- name: a\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kustomization.yaml' }));
    expect(error.message).toBe('unknown key `image` (did you mean `images`?)');
    expect(error.position.line).toBe(2);
  });

  it('is not picked up by discovery', async () => {
    await tree({ 'kustomization.yaml': IMAGES_YAML });
    expect(await loadConfig({ cwd: root })).toEqual(emptyConfig());
  });
});

describe('normalisation', () => {
  it('drops empty image fields, as kustomize does', async () => {
    await tree({ 'kset.yaml': 'images:\n- {name: a, newName: "", newTag: "", digest: "sha256:1", tagSuffix: ""}\n' });
    expect((await loadConfig({ cwd: root, configFile: 'kset.yaml' })).images).toEqual([
      { name: 'a', digest: 'sha256:1', origin: { label: 'images[0]', file: 'kset.yaml', line: 2 } },
    ]);
  });

  it('reads the config as kustomize does: keys in any case, nulls as nothing, a missing name empty', async () => {
    await tree({
      'kset.yaml': 'IMAGES:\n- name: web\n  newtag: "2"\n- null\n- newTag: "3"\n- name: ""\n  newTag: "4"\nimageTags:\n- name: db\n  digest: sha256:1\n  newName:\npatches:\n',
    });
    const config = await loadConfig({ cwd: root, configFile: 'kset.yaml' });
    expect(config.images.map(({ origin, ...image }) => [origin.label, image])).toEqual([
      ['images[0]', { name: 'web', newTag: '2' }],
      ['images[1]', { name: '' }],
      ['images[2]', { name: '', newTag: '3' }],
      ['images[3]', { name: '', newTag: '4' }],
      ['imageTags[0]', { name: 'db', digest: 'sha256:1' }],
    ]);
    expect(config.patches).toEqual([]);
  });

  it('reads YAML as kustomize does: the last of two equal keys wins, dates and 1:20 are strings', async () => {
    await tree({ 'kset.yaml': 'images:\n- name: a\n  newTag: "1"\n  newTag: 2024-01-01\n- name: b\n  newTag: 1:20\n' });
    const config = await loadConfig({ cwd: root, configFile: 'kset.yaml' });
    expect(config.images.map((image) => image.newTag)).toEqual(['2024-01-01', '1:20']);
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
    const config = await loadConfig({ cwd: root, configFile: 'conf/kset.yaml' });
    expect(config.patches).toEqual([
      { text: 'kind: StatefulSet\n', type: 'strategic', origin: { label: 'patchesStrategicMerge[0]', file: 'conf/smp.yaml', line: 1, textLine: 1 } },
      { text: 'apiVersion: v1\nkind: ConfigMap\n', type: 'strategic', origin: { label: 'patchesStrategicMerge[1]', file: 'conf/kset.yaml', line: 15, textLine: 16 } },
      { text: '{apiVersion: v1, kind: Secret, metadata: {name: s}}', type: 'strategic', origin: { label: 'patchesStrategicMerge[2]', file: 'conf/kset.yaml', line: 18 } },
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
    const config = await loadConfig({ cwd: root, configFile: 'kset.yaml' });
    expect(config.imageFields).toEqual([{ path: 'spec.image' }, { path: 'spec.steps[].image', kind: 'Task' }]);
    expect(config.crds).toEqual([{ path: 'crds/widget.yaml', text: 'kind: CustomResourceDefinition\n' }]);
  });

  it('drops a patch whose file is empty when it has a target (kustomize: a JSON patch without operations)', async () => {
    await tree({ 'kset.yaml': 'patches:\n- path: empty.yaml\n  target: {kind: Deployment}\n- path: empty.yaml\n', 'empty.yaml': '' });
    const config = await loadConfig({ cwd: root, configFile: 'kset.yaml' });
    expect(config.patches.map((patch) => patch.origin.label)).toEqual(['patches[1]']);
  });

  it('requires a target name in patchesJson6902, as kustomize does', async () => {
    await tree({ 'kset.yaml': 'patchesJson6902:\n- patch: "[]"\n  target:\n    kind: Deployment\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.yaml' }));
    expect(error.message).toBe('patchesJson6902[0].target: missing required key `name`');
    expect(error.position.line).toBe(4);
  });

  it('reports a missing patch file at its entry', async () => {
    await tree({ 'kset.yaml': 'images: []\npatches:\n- path: missing.yaml\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.yaml' }));
    expect(error.message).toBe(`patches[0]: cannot read missing.yaml: no such file in ${root}`);
    expect(error.position).toEqual({ file: 'kset.yaml', line: 3, col: 9 });
    expect(error.excerpt).toContain('3 | - path: missing.yaml');
  });

  it('reports a patch path that is a folder', async () => {
    await tree({ 'kset.yaml': 'patchesStrategicMerge:\n- sub\n', 'sub/x': '' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'kset.yaml' }));
    expect(error.message).toBe('patchesStrategicMerge[0]: cannot read sub: it is a folder');
    expect(error.position.line).toBe(2);
  });
});

describe('load restrictor', () => {
  it('rejects paths outside the config folder', async () => {
    await tree({ 'outside.yaml': 'kind: X\n', 'conf/kset.yaml': 'patches:\n- path: ../outside.yaml\n' });
    const error = await failure(loadConfig({ cwd: root, configFile: 'conf/kset.yaml' }));
    expect(error.message).toBe(
      `patches[0]: path ../outside.yaml is outside the config folder ${path.join(root, 'conf')}; use --load-restrictor none`,
    );
    expect(error.position).toEqual({ file: 'conf/kset.yaml', line: 2, col: 9 });
  });

  it('rejects absolute paths outside and accepts absolute paths inside', async () => {
    const outside = path.join(root, 'outside.yaml');
    const inside = path.join(root, 'conf', 'in.yaml');
    await tree({ 'outside.yaml': 'a\n', 'conf/in.yaml': 'b\n', 'conf/bad.yaml': `crds: [${outside}]\n`, 'conf/good.yaml': `crds: [${inside}]\n` });
    expect((await failure(loadConfig({ cwd: root, configFile: 'conf/bad.yaml' }))).message).toMatch(/^crds\[0\]: path .* is outside the config folder/);
    expect((await loadConfig({ cwd: root, configFile: 'conf/good.yaml' })).crds[0]!.text).toBe('b\n');
  });

  it('follows symbolic links before deciding', async () => {
    await tree({ 'secret.yaml': 'kind: X\n', 'conf/kset.yaml': 'patchesStrategicMerge:\n- link.yaml\n' });
    await symlink(path.join(root, 'secret.yaml'), path.join(root, 'conf', 'link.yaml'));
    const error = await failure(loadConfig({ cwd: root, configFile: 'conf/kset.yaml' }));
    expect(error.message).toMatch(/^patchesStrategicMerge\[0\]: path link.yaml is outside the config folder/);
    const config = await loadConfig({ cwd: root, configFile: 'conf/kset.yaml', loadRestrictor: 'none' });
    expect(config.patches[0]!.text).toBe('kind: X\n');
  });

  it('allows everything with loadRestrictor none', async () => {
    await tree({ 'outside.yaml': 'kind: X\n', 'conf/kset.yaml': 'patches:\n- path: ../outside.yaml\n' });
    const config = await loadConfig({ cwd: root, configFile: 'conf/kset.yaml', loadRestrictor: 'none' });
    expect(config.patches[0]).toEqual({ text: 'kind: X\n', origin: { label: 'patches[0]', file: 'outside.yaml', line: 1, textLine: 1 } });
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
