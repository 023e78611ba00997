import { describe, expect, it } from 'vitest';
import { webDeployment } from './fixtures.mjs';
import { folderWith, kset } from './helpers.js';

// Flags that do what --help says they do.

const web = webDeployment();
const api = web.replace('name: web', 'name: api').replace('acme/web:1', 'acme/api:1');
const stream = `${web}---\n${api}`;

describe('image entries that match nothing', () => {
  it('--image naming a container, not an image: a warning, exit 0, the stream unchanged', async () => {
    const result = await kset(['--image', 'app=acme/web:2'], { stdin: stream });
    expect(result).toEqual({ code: 0, stdout: stream, stderr: 'kset: warning: --image app=acme/web:2: image "app" matched no image\n' });
  });

  it('with --strict: an error, nothing on stdout', async () => {
    const result = await kset(['--strict', '--image', 'app=acme/web:2'], { stdin: stream });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'kset: --image app=acme/web:2: image "app" matched no image\n' });
  });

  it('a config entry: a warning naming the entry; with --strict an error at its line', async () => {
    const dir = folderWith({ 'kset.config.yaml': 'images:\n- name: acme/web\n  newTag: "2"\n- name: nosuch\n  newTag: "3"\n', 'm.yaml': stream });
    const warned = await kset(['m.yaml'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe('kset: warning: images[1]: image "nosuch" matched no image\n');
    expect(warned.stdout).toBe(stream.replace('acme/web:1', 'acme/web:2'));
    const strict = await kset(['m.yaml', '--strict'], { cwd: dir });
    expect(strict).toEqual({ code: 2, stdout: '', stderr: 'kset: kset.config.yaml:4: images[1]: image "nosuch" matched no image\n' });
  });

  it('an entry whose image was renamed already (a second run) is no mistake', async () => {
    const once = await kset(['--image', 'acme/web=registry.example.com/web:2'], { stdin: stream });
    expect(once.stderr).toBe('');
    const twice = await kset(['--strict', '--image', 'acme/web=registry.example.com/web:2'], { stdin: once.stdout });
    expect(twice).toEqual({ code: 0, stdout: once.stdout, stderr: '' });
  });

  it('an entry that matches without changing anything is matched', async () => {
    expect(await kset(['--strict', '--image', 'acme/web:1'], { stdin: stream })).toEqual({ code: 0, stdout: stream, stderr: '' });
  });
});

describe('--target goes with the --patch before it', () => {
  const replicas = (n: number) => `- op: add\n  path: /spec/replicas\n  value: ${n}\n`;
  const files = {
    'm.yaml': stream,
    'two.yaml': replicas(2),
    'three.yaml': replicas(3),
    'smp.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  paused: true\n',
  };

  it('each --patch takes its own --target', async () => {
    const dir = folderWith(files);
    const result = await kset(['m.yaml', '--patch', 'two.yaml', '--target', 'Deployment/web', '--patch', 'three.yaml', '--target', 'Deployment/api'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${web}  replicas: 2\n---\n${api}  replicas: 3\n`);
  });

  it('a --patch without a --target after it has none (an untargeted strategic merge patch)', async () => {
    const dir = folderWith(files);
    const result = await kset(['m.yaml', '--patch', 'two.yaml', '--target', 'Deployment/web', '--patch', 'smp.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  name: web\n  namespace: shop\nspec:\n  template:');
    expect(result.stdout.split('---\n')[1]).toContain('  paused: true\n');
    expect(result.stdout.split('---\n')[1]).not.toContain('replicas');
  });

  it.each([
    [['--target', 'Deployment/web', '--patch', 'two.yaml'], 'kset: --target Deployment/web goes after the --patch FILE it targets (see kset --help)\n'],
    [
      ['--patch', 'two.yaml', '--target', 'Deployment/web', '--target', 'Deployment/api'],
      'kset: --target Deployment/api: --patch two.yaml has a target already (one --target follows each --patch) (see kset --help)\n',
    ],
  ])('%j is a usage error', async (args, message) => {
    expect(await kset(['m.yaml', ...args], { cwd: folderWith(files) })).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('messages', () => {
  it('kset patch -p FILE says to use --patch-file', async () => {
    const dir = folderWith({ 'patch.yaml': 'spec:\n  paused: true\n' });
    const result = await kset(['patch', 'deploy/web', '-p', 'patch.yaml'], { cwd: dir, stdin: stream });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kset: -p takes the patch itself, and "patch.yaml" is a file: use --patch-file patch.yaml (see kset patch --help)\n',
    });
  });

  it('an untargeted patch names the resource without kustomize id marks, and where the input has it', async () => {
    const dir = folderWith({
      'kset.config.yaml':
        'patches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      paused: true\n',
      'm.yaml': stream,
    });
    const result = await kset(['m.yaml'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "kset: kset.config.yaml:2: patches[0]: no resource matches the patch's Deployment web (no namespace): the input has it in namespace shop\n",
    });
  });
});

describe('config discovery and -v', () => {
  it.each(['kset.yaml', 'kset.yml', '.kset.yaml', '.kset.yml'])('finds %s', async (name) => {
    const dir = folderWith({ [name]: 'images:\n- name: acme/web\n  newTag: "2"\n', 'm.yaml': web });
    expect(await kset(['m.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: web.replace(':1', ':2'), stderr: '' });
  });

  it('prefers cosmiconfig names to kset.yaml', async () => {
    const dir = folderWith({
      'kset.yaml': 'images:\n- name: acme/web\n  newTag: "2"\n',
      '.ksetrc.yaml': 'images:\n- name: acme/web\n  newTag: "3"\n',
      'm.yaml': web,
    });
    expect((await kset(['m.yaml'], { cwd: dir })).stdout).toBe(web.replace(':1', ':3'));
  });

  it('-v tells the config used and the changes of each entry, on stderr', async () => {
    const dir = folderWith({ 'kset.yaml': 'images:\n- name: acme/web\n  newTag: "2"\n- name: acme/api\n  newTag: "1"\n', 'm.yaml': stream });
    const result = await kset(['m.yaml', '-v', '--image', 'acme/*=x'], { cwd: dir });
    expect(result.stdout).toBe(stream.replace('acme/web:1', 'acme/web:2'));
    expect(result.stderr).toBe(
      'kset: config: kset.yaml\nkset: images[0]: 1 change\nkset: images[1]: 0 changes\nkset: --image acme/*=x: 0 changes\nkset: warning: --image acme/*=x: image "acme/*" matched no image\n',
    );
  });

  it('-v with a verb and no config', async () => {
    const result = await kset(['set', 'image', 'deploy', '--all', 'app=nginx:1', '--verbose'], { stdin: stream });
    expect(result.stderr).toBe('kset: config: none\nkset: set image app=nginx:1: 2 changes\n');
  });
});
