import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_SERVICE, webDeployment } from './fixtures.mjs';
import { ROOT, expectError, folderWith, kset } from './helpers.js';

const example = path.join(ROOT, 'fixtures/helm-app');
const rendered = readFileSync(path.join(example, 'rendered.yaml'), 'utf8');

const deployment = `${webDeployment({ image: 'acme/web:1.0' })}---\n${WEB_SERVICE}`;

describe('kset (main command)', () => {
  it('runs the README example: images and patches applied, nothing else changes', async () => {
    const result = await kset(['-c', path.join(example, '.ksetrc.yaml'), path.join(example, 'rendered.yaml')]);
    expect(result.code).toBe(0);
    const expected = rendered
      .replace('  type: ClusterIP', '  type: LoadBalancer')
      .replaceAll('"ghcr.io/acme/shop:1.4.0"', '"ghcr.io/acme/shop:1.5.0"')
      .replace('              memory: 256Mi\n', '              memory: 256Mi\n            requests:\n              memory: 128Mi\n')
      .replace('image: busybox:1.36', 'image: registry.example.com/mirror/busybox:1.36');
    expect(result.stdout).toBe(expected);
  });

  it('discovers .ksetrc.yaml in the current folder', async () => {
    const result = await kset(['rendered.yaml'], { cwd: example });
    expect(result.stdout).toContain('ghcr.io/acme/shop:1.5.0');
  });

  it('reads stdin and applies --image flags', async () => {
    const result = await kset(['--image', 'acme/web=registry.example.com/web:2.0'], { stdin: deployment });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(deployment.replace('acme/web:1.0', 'registry.example.com/web:2.0'));
  });

  it('keeps a byte order mark and indents new keys as if it were not there', async () => {
    const input = '\ufeffapiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web';
    const result = await kset(['patch', 'deployment', 'web', '-p', '{"spec":{"replicas":2}}'], { stdin: input });
    expect(result.stdout).toBe(`${input}\nspec:\n  replicas: 2\n`);
  });

  it('reads a list after a byte order mark as kubectl does (-o json refuses it as a list)', async () => {
    const result = await kset(['-o', 'json'], { stdin: '\ufeff- kind: A\n- kind: B\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kset: <stdin>:1:1: -o json takes objects \(Kubernetes resources\), and this document is a list\n/);
  });

  it('refuses a second byte order mark, even where no step reads the document', async () => {
    const result = await kset([], { stdin: '\ufeff\ufeff---\nkind: A\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kset: <stdin>:1:2: a second byte order mark/);
  });

  it('passes a stream through byte for byte without config', async () => {
    expect((await kset([], { stdin: rendered })).stdout).toBe(rendered);
  });

  it('joins several files with --- and a final newline', async () => {
    const dir = folderWith({ 'a.yaml': 'kind: A\nmetadata: {name: a}', 'b/c.yml': '---\nkind: C\n', 'skip.txt': 'x' });
    expect((await kset(['.'], { cwd: dir })).stdout).toBe('kind: A\nmetadata: {name: a}\n---\nkind: C\n');
  });

  it('writes a v1 List with -o json', async () => {
    const result = await kset(['-o', 'json'], { stdin: deployment });
    const list = JSON.parse(result.stdout);
    expect(list.kind).toBe('List');
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(['Deployment', 'Service']);
  });

  it('is idempotent on the example', async () => {
    const args = ['-c', path.join(example, '.ksetrc.yaml')];
    const once = (await kset(args, { stdin: rendered })).stdout;
    expect((await kset(args, { stdin: once })).stdout).toBe(once);
  });
});

describe('kset set image', () => {
  it('sets a container image by name and passes the Service through', async () => {
    const result = await kset(['set', 'image', 'deploy/web', 'app=acme/web:1.1'], { stdin: deployment });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(deployment.replace('acme/web:1.0', 'acme/web:1.1'));
  });

  it('takes -f files', async () => {
    const dir = folderWith({ 'd.yaml': deployment });
    const result = await kset(['set', 'image', 'deployments', '--all', '*=acme/web:3', '-f', 'd.yaml'], { cwd: dir });
    expect(result.stdout).toContain('image: acme/web:3');
  });
});

describe('kset images', () => {
  it('lists every image reference as a table and as JSON', async () => {
    const table = await kset(['images', path.join(example, 'rendered.yaml')]);
    expect(table.stdout.split('\n')[0]).toMatch(/^RESOURCE\s+CONTAINER\s+IMAGE\s+FILE$/);
    expect(table.stdout).toMatch(/Deployment\/shop\s+metrics\s+quay.io\/prometheus\/statsd-exporter:v0.26.0/);
    const json = JSON.parse((await kset(['images', '-o', 'json'], { stdin: deployment })).stdout);
    expect(json).toEqual([
      { file: null, document: 0, resource: 'Deployment/shop/web', container: 'app', pointer: '/spec/template/spec/containers/0/image', image: 'acme/web:1.0' },
    ]);
  });
});

describe('errors', () => {
  it('malformed YAML: file, line and column', async () => {
    const dir = folderWith({ 'bad.yaml': 'a: 1\n---\nkind: X\nmetadata:\n  name: [x\n' });
    expectError(await kset(['bad.yaml'], { cwd: dir }), /^kset: bad\.yaml:\d+:\d+: /);
  });

  it('a tab where indentation is expected', async () => {
    expectError(await kset([], { stdin: 'kind: X\nmetadata:\n\tname: x\n' }), /^kset: <stdin>:3:1: /);
  });

  it('unknown flag', async () => {
    expectError(await kset(['--frobnicate'], { stdin: deployment }), /unknown option '--frobnicate'/);
  });

  it('a config with a misspelled key', async () => {
    const dir = folderWith({ '.ksetrc.yaml': 'images: []\npatchs: []\n' });
    expectError(await kset([], { cwd: dir, stdin: deployment }), /\.ksetrc\.yaml:2:1: .*patchs/);
  });

  it('a newTag that YAML reads as a number', async () => {
    const dir = folderWith({ 'kset.yaml': 'images:\n- name: nginx\n  newTag: 1.20\n' });
    expectError(await kset(['-c', 'kset.yaml'], { cwd: dir, stdin: deployment }), /kset\.yaml:3:\d+: .*quote/i);
  });

  it('set image naming a resource that is not in the input', async () => {
    expectError(await kset(['set', 'image', 'deploy/nope', 'app=x:1'], { stdin: deployment }), /"nope" not found/);
  });

  it('set image naming a container that is not in the resource', async () => {
    expectError(await kset(['set', 'image', 'deploy/web', 'nope=x:1'], { stdin: deployment }), /unable to find container named "nope"/);
  });

  it('set image on a kind without a pod template', async () => {
    expectError(await kset(['set', 'image', 'svc/web', 'app=x:1'], { stdin: deployment }), /pod template/);
  });

  it('a missing input file', async () => {
    expectError(await kset(['missing.yaml']), /^kset: missing\.yaml: no such file/);
  });

  it('no input on a terminal', async () => {
    expectError(await kset([]), /no input/);
  });
});

describe('kset --normalize', () => {
  it('re-renders every document in the canonical style, idempotently', async () => {
    const text = "---\nkind: A\nmetadata: {name: a}\nlist:\n    -   'x'   # c\n";
    const once = await kset(['--normalize'], { stdin: text });
    expect(once.stdout).toBe('---\nkind: A\nmetadata:\n  name: a\nlist:\n- x # c\n');
    expect((await kset(['--normalize'], { stdin: once.stdout })).stdout).toBe(once.stdout);
  });
});

describe('kubectl habits', () => {
  it('accepts --local and -o yaml on the verbs', async () => {
    const result = await kset(['set', 'image', 'deploy/web', 'app=acme/web:1.1', '--local', '-o', 'yaml'], { stdin: deployment });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(deployment.replace('acme/web:1.0', 'acme/web:1.1'));
  });
});
