/**
 * Config and file safety: a config found in a pull request reads no file outside its own folder and runs
 * no code; errors and reports show no Secret values.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webDeployment } from './fixtures.mjs';
import { expectError, folderWith, kset } from './helpers.js';

const deployment = webDeployment({ namespace: null, image: 'nginx:1.25' });

const patch = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
`;

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: things.example.com
spec:
  group: example.com
  names: {kind: Thing, plural: things}
  scope: Namespaced
  versions: []
`;

/** A repository folder (`repo/`, its config found by discovery) beside a folder it must not read (`outside/`). */
function repository(config: string): { dir: string; repo: string } {
  const dir = folderWith({
    'repo/.ksetrc.yaml': config,
    'repo/manifests.yaml': deployment,
    'repo/patches/replicas.yaml': patch,
    'outside/replicas.yaml': patch,
    'outside/crd.yaml': crd,
    'outside/ops.yaml': '- op: add\n  path: /metadata/labels\n  value: {a: b}\n',
  });
  return { dir, repo: path.join(dir, 'repo') };
}

describe('files a config names stay inside its folder', () => {
  const outsideRefs: [string, (dir: string) => string][] = [
    ['a patch path with ..', () => 'patches:\n- path: ../outside/replicas.yaml\n'],
    ['an absolute patch path', (dir) => `patches:\n- path: ${JSON.stringify(path.join(dir, 'outside/replicas.yaml'))}\n`],
    ['a patchesStrategicMerge path', () => 'patchesStrategicMerge:\n- ../outside/replicas.yaml\n'],
    ['a patchesJson6902 path', () => 'patchesJson6902:\n- target: {kind: Deployment, name: web}\n  path: ../outside/ops.yaml\n'],
    ['a crds path with ..', () => 'crds:\n- ../outside/crd.yaml\n'],
    ['an absolute crds path', (dir) => `crds:\n- ${JSON.stringify(path.join(dir, 'outside/crd.yaml'))}\n`],
    ['a path through a folder above and back', () => 'patches:\n- path: ../repo/../outside/replicas.yaml\n'],
  ];

  it.each(outsideRefs)('%s is an error', async (_name, config) => {
    const probe = repository('');
    writeFileSync(path.join(probe.repo, '.ksetrc.yaml'), config(probe.dir));
    expectError(await kset(['manifests.yaml'], { cwd: probe.repo }), /outside the config folder.*--load-restrictor none/);
    expectError(await kset(['-c', '.ksetrc.yaml', 'manifests.yaml'], { cwd: probe.repo }), /outside the config folder/);
  });

  it.each(outsideRefs)('%s is read with --load-restrictor none', async (_name, config) => {
    const probe = repository('');
    writeFileSync(path.join(probe.repo, '.ksetrc.yaml'), config(probe.dir));
    const result = await kset(['--load-restrictor', 'none', 'manifests.yaml'], { cwd: probe.repo });
    expect(result.code, result.stderr).toBe(0);
  });

  it.each([
    ['a symlinked file', 'patches/link.yaml', '../../outside/replicas.yaml', 'patches:\n- path: patches/link.yaml\n'],
    ['a file in a symlinked folder', 'linked', '../outside', 'patches:\n- path: linked/replicas.yaml\n'],
    ['a symlinked CRD file', 'crd.yaml', '../outside/crd.yaml', 'crds:\n- crd.yaml\n'],
  ])('%s leading outside is an error', async (_name, link, target, config) => {
    const { repo } = repository(config);
    symlinkSync(target, path.join(repo, link));
    expectError(await kset(['manifests.yaml'], { cwd: repo }), /outside the config folder/);
    expect((await kset(['--load-restrictor', 'none', 'manifests.yaml'], { cwd: repo })).code).toBe(0);
  });

  it('a symlink staying inside is fine', async () => {
    const { repo } = repository('patches:\n- path: patches/link.yaml\n');
    symlinkSync('replicas.yaml', path.join(repo, 'patches/link.yaml'));
    const result = await kset(['manifests.yaml'], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('replicas: 3');
  });

  it('files inside, in subfolders, are read', async () => {
    const { repo } = repository('patches:\n- path: patches/replicas.yaml\n- path: ./patches/../patches/replicas.yaml\n');
    const result = await kset(['manifests.yaml'], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('replicas: 3');
  });
});

describe('discovery never runs code', () => {
  /** A module that leaves a file behind when it runs, and would set an image. */
  const marker = (dir: string, name: string) => {
    const file = path.join(dir, `ran-${name.replace(/[^\w.-]/g, '_')}`);
    return `require('fs').writeFileSync(${JSON.stringify(file)}, 'ran'); module.exports = { images: [{ name: 'nginx', newTag: 'evil' }] };\n`;
  };
  const esm = (dir: string, name: string) => {
    const file = path.join(dir, `ran-${name.replace(/[^\w.-]/g, '_')}`);
    return `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(file)}, 'ran'); export default { images: [{ name: 'nginx', newTag: 'evil' }] };\n`;
  };

  it.each([
    '.ksetrc.js',
    '.ksetrc.cjs',
    '.ksetrc.mjs',
    '.ksetrc.ts',
    'kset.config.js',
    'kset.config.cjs',
    'kset.config.mjs',
    'kset.config.ts',
    '.config/ksetrc.js',
    '.config/kset.config.js',
    '.config/config.js',
  ])('%s is not loaded', async (name) => {
    const dir = folderWith({ 'manifests.yaml': deployment });
    mkdirSync(path.join(dir, '.config'), { recursive: true });
    writeFileSync(path.join(dir, name), name.endsWith('.mjs') ? esm(dir, name) : marker(dir, name));
    const result = await kset(['manifests.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(deployment);
    expect(existsSync(path.join(dir, `ran-${name.replace(/[^\w.-]/g, '_')}`))).toBe(false);
  });

  it('in a folder above either', async () => {
    const dir = folderWith({ 'sub/manifests.yaml': deployment });
    writeFileSync(path.join(dir, 'kset.config.js'), marker(dir, 'above'));
    const result = await kset(['manifests.yaml'], { cwd: path.join(dir, 'sub') });
    expect(result.stdout).toBe(deployment);
    expect(existsSync(path.join(dir, 'ran-above'))).toBe(false);
  });

  it('package.json: its kset key is read, its scripts never run', async () => {
    const dir = folderWith({ 'manifests.yaml': deployment });
    const ran = path.join(dir, 'ran-script');
    const script = `node -e "require('fs').writeFileSync('${ran}', 'ran')"`;
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({
        name: 'pr',
        scripts: { preinstall: script, prepare: script, postinstall: script, kset: script },
        kset: { images: [{ name: 'nginx', newTag: '2' }] },
      }),
    );
    const result = await kset(['manifests.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('image: nginx:2');
    expect(existsSync(ran)).toBe(false);
  });

  it('a data config cannot pull code in ($import, a code file as a patch)', async () => {
    const dir = folderWith({ 'manifests.yaml': deployment });
    writeFileSync(path.join(dir, 'evil.js'), marker(dir, 'evil'));
    writeFileSync(path.join(dir, '.ksetrc.yaml'), '$import: ./evil.js\nimages: []\n');
    const imported = await kset(['manifests.yaml'], { cwd: dir });
    expect(imported.code).toBe(2);
    writeFileSync(path.join(dir, '.ksetrc.yaml'), 'patches:\n- path: evil.js\n');
    const patched = await kset(['manifests.yaml'], { cwd: dir });
    expect(patched.code).toBe(2);
    expect(existsSync(path.join(dir, 'ran-evil'))).toBe(false);
  });

  it('a code config named with --config is loaded (the user asked for it)', async () => {
    const dir = folderWith({ 'manifests.yaml': deployment });
    writeFileSync(path.join(dir, 'kset.config.mjs'), esm(dir, 'named'));
    const result = await kset(['-c', 'kset.config.mjs', 'manifests.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('nginx:evil');
  });
});

describe('Secret values stay out of errors and reports', () => {
  const secret = (data: string) => `apiVersion: v1
kind: Secret
metadata:
  name: creds
type: Opaque
data:
${data}stringData:
  token: plain-token-value
`;
  const SECRET_VALUES = /c3VwZXItc2VjcmV0|plain-token-value|super-secret/;

  function expectClean(result: { code: number; stdout: string; stderr: string }) {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^kset: /);
    expect(result.stderr).not.toMatch(SECRET_VALUES);
  }

  it('a YAML error on a Secret value line', async () => {
    expectClean(await kset([], { stdin: secret('  password: "c3VwZXItc2VjcmV0\n  other: x\n') }));
  });

  it('a tab on a Secret value line', async () => {
    expectClean(await kset([], { stdin: secret('  password: c3VwZXItc2VjcmV0\n\tother: x\n') }));
  });

  it('a duplicate key in Secret data', async () => {
    const result = await kset([], { stdin: secret('  password: c3VwZXItc2VjcmV0\n  password: c3VwZXItc2VjcmV0\n') });
    expectClean(result);
    expect(result.stderr).toMatch(/mapping key "password" already defined at line 7/);
  });

  it('a Secret written as JSON on one line', async () => {
    const json = '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds"}, "data": {"password": "c3VwZXItc2VjcmV0", }, "x": [}\n';
    expectClean(await kset([], { stdin: json }));
  });

  it('a Secret in a List', async () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: creds}\n  stringData:\n    token: "plain-token-value\n`;
    expectClean(await kset([], { stdin: list }));
  });

  it('a failed JSON patch test on a Secret value', async () => {
    const ops = '[{"op":"test","path":"/data/password","value":"x"}]';
    const result = await kset(['patch', 'secret/creds', '--type', 'json', '-p', ops], { stdin: secret('  password: c3VwZXItc2VjcmV0\n') });
    expectClean(result);
    expect(result.stderr).toMatch(/test failed/);
  });

  it('a JSON patch through a Secret value', async () => {
    const ops = '[{"op":"add","path":"/stringData/token/x","value":"y"}]';
    expectClean(await kset(['patch', 'secret/creds', '--type', 'json', '-p', ops], { stdin: secret('  password: c3VwZXItc2VjcmV0\n') }));
  });

  it('--report of a change in Secret data', async () => {
    const dir = folderWith({ 'secret.yaml': secret('  password: c3VwZXItc2VjcmV0\n') });
    const result = await kset(
      ['patch', 'secret/creds', '-p', '{"data":{"password":"bmV3"},"stringData":{"token":"super-secret"}}', '-f', 'secret.yaml', '--report', 'report.json'],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = readFileSync(path.join(dir, 'report.json'), 'utf8');
    expect(report).toContain('/stringData/token');
    expect(report + result.stderr).not.toMatch(SECRET_VALUES);
  });
});

describe('errors never print the contents of a file that is not a manifest', () => {
  // like /proc/self/environ: NUL-separated KEY=VALUE, no final newline
  const VALUES = ['s3cr3t-Value-0001', 'https://user:pa55word@example.com', 'A'.repeat(2000)];
  const environ = `HOME=/root\0API_TOKEN=${VALUES[0]}\0DATABASE_URL=${VALUES[1]}\0LONG=${VALUES[2]}\0PATH=/usr/bin`;
  const TOKEN = 'ghp_FAKE0123456789abcdefFAKE0123456789';

  /** A folder with a manifest, `kset.yaml` holding `config`, and the fake environ beside the folder. */
  function setup(config?: string): string {
    const root = folderWith({ environ: environ, token: TOKEN + '\n', 'app/m.yaml': deployment });
    if (config !== undefined) writeFileSync(path.join(root, 'app', 'kset.yaml'), config);
    return path.join(root, 'app');
  }

  function expectNothingQuoted(result: { code: number; stderr: string }) {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^kset: /);
    for (const value of [...VALUES, TOKEN, 'API_TOKEN', 'DATABASE_URL', 'HOME=']) expect(result.stderr).not.toContain(value.slice(0, 12));
    expect(result.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(result.stderr.length).toBeLessThan(300);
  }

  it.each([
    ['--patch FILE', ['--load-restrictor', 'none', '--patch', '../environ', 'm.yaml'], undefined],
    ['a config patch path', ['--load-restrictor', 'none', '-c', 'kset.yaml', 'm.yaml'], 'patches:\n- path: ../environ\n'],
    [
      'a config JSON 6902 patch path',
      ['--load-restrictor', 'none', '-c', 'kset.yaml', 'm.yaml'],
      'patches:\n- path: ../environ\n  target: {kind: Deployment}\n',
    ],
    ['--config FILE', ['-c', '../environ', 'm.yaml'], undefined],
    ['kset patch --patch-file FILE', ['patch', 'deployment/web', '--patch-file', '../environ', '-f', 'm.yaml'], undefined],
    ['a one-line token file as --patch', ['--patch', '../token', 'm.yaml'], undefined],
    ['a one-line token file as --config', ['-c', '../token', 'm.yaml'], undefined],
  ])('a fake environ or token file given as %s', async (_, args, config) => {
    expectNothingQuoted(await kset(args, { cwd: setup(config) }));
  });

  it('a huge one-line patch is quoted in a short piece at most', async () => {
    const dir = folderWith({ 'm.yaml': deployment, 'p.yaml': `- op: ${'x'.repeat(100_000)}\n  path: /a\n` });
    const result = await kset(['--patch', 'p.yaml', '--target', 'Deployment', 'm.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown op "x{60}"\.\.\. \(100000 characters\)/);
    expect(result.stderr.length).toBeLessThan(500);
  });

  it('terminal escapes in a patch do not reach the terminal', async () => {
    const dir = folderWith({ 'm.yaml': deployment, 'p.yaml': '- op: "\\e]0;pwned\\a\\e[2J"\n  path: /a\n' });
    const result = await kset(['--patch', 'p.yaml', '--target', 'Deployment', 'm.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown op "?]0;pwned??[2J"');
    expect(result.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});
