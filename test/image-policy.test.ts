import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedLines, emptyDir, folderWith, kset } from './helpers.js';
import { readmeExample, writeExampleFiles } from './readme-examples.js';

// Flux image-automation markers: what kset writes for each form is what Flux's setters write
// (image-automation-controller internal/update: the whole reference is name:tag[@digest], the
// :name, :tag and :digest forms the parts), and every other byte stays.

const DIGEST = 'sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}
        - name: proxy
          image: "envoyproxy/envoy:v1.30.0"   #   {"$imagepolicy": "flux-system:envoy"}
`;

const helmRelease = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: app
  namespace: default
spec:
  values:
    image:
      repository: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}
      tag: '1.0.0' # {"$imagepolicy": "flux-system:app:tag"}
      digest: sha256:0000000000000000000000000000000000000000000000000000000000000000 # {"$imagepolicy": "flux-system:app:digest"}
`;

const kustomization = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deploy.yaml
images:
  - name: app
    newName: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}
    newTag: 1.0.0 # {"$imagepolicy": "flux-system:app:tag"}
`;

describe('--image-policy: each marker form, as Flux writes it', () => {
  it('the bare form gets the whole reference; other policies are left alone', async () => {
    const result = await kset(['--image-policy', 'flux-system:app=ghcr.io/acme/app:1.1.0'], { stdin: deployment });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(changedLines(deployment, result.stdout)).toEqual([
      [
        '          image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}',
        '          image: ghcr.io/acme/app:1.1.0 # {"$imagepolicy": "flux-system:app"}',
      ],
    ]);
  });

  it("the bare form gets name:tag@digest when the policy has a digest, in the scalar's own quotes", async () => {
    const result = await kset(['--image-policy', `flux-system:envoy=envoyproxy/envoy:v1.31.0@${DIGEST}`], { stdin: deployment });
    expect(changedLines(deployment, result.stdout)).toEqual([
      [
        '          image: "envoyproxy/envoy:v1.30.0"   #   {"$imagepolicy": "flux-system:envoy"}',
        `          image: "envoyproxy/envoy:v1.31.0@${DIGEST}"   #   {"$imagepolicy": "flux-system:envoy"}`,
      ],
    ]);
  });

  it(':name, :tag and :digest get those parts (HelmRelease values)', async () => {
    const result = await kset(['--image-policy', `flux-system:app=registry.example.com:5000/acme/app:1.1.0@${DIGEST}`], { stdin: helmRelease });
    expect(result.code).toBe(0);
    expect(changedLines(helmRelease, result.stdout)).toEqual([
      [
        '      repository: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}',
        '      repository: registry.example.com:5000/acme/app # {"$imagepolicy": "flux-system:app:name"}',
      ],
      ['      tag: \'1.0.0\' # {"$imagepolicy": "flux-system:app:tag"}', '      tag: \'1.1.0\' # {"$imagepolicy": "flux-system:app:tag"}'],
      [
        '      digest: sha256:0000000000000000000000000000000000000000000000000000000000000000 # {"$imagepolicy": "flux-system:app:digest"}',
        `      digest: ${DIGEST} # {"$imagepolicy": "flux-system:app:digest"}`,
      ],
    ]);
  });

  it("a kustomization's images: entries", async () => {
    const result = await kset(['--image-policy', 'flux-system:app=ghcr.io/acme/app-v2:2.0.0'], { stdin: kustomization });
    expect(changedLines(kustomization, result.stdout)).toEqual([
      [
        '    newName: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}',
        '    newName: ghcr.io/acme/app-v2 # {"$imagepolicy": "flux-system:app:name"}',
      ],
      ['    newTag: 1.0.0 # {"$imagepolicy": "flux-system:app:tag"}', '    newTag: 2.0.0 # {"$imagepolicy": "flux-system:app:tag"}'],
    ]);
  });

  it("any YAML file: a plain values file, a List's items, a tag YAML would read as a number", async () => {
    const values = [
      '# values for the chart',
      'image:',
      '  tag: 1.0 # {"$imagepolicy": "apps:web:tag"}',
      'sidecars:',
      '  - ghcr.io/acme/web:1.0 # {"$imagepolicy": "apps:web"}',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: Pod',
      '    metadata: {name: a}',
      '    spec:',
      '      containers:',
      '        - name: a',
      '          image: ghcr.io/acme/web:1.0 # {"$imagepolicy": "apps:web"}',
      '',
    ].join('\n');
    const result = await kset(['--image-policy', 'apps:web=ghcr.io/acme/web:1.10'], { stdin: values });
    expect(changedLines(values, result.stdout)).toEqual([
      // 1.10 plain would read as the number 1.1: quoted, as Flux's setter quotes a string YAML 1.1 would type
      ['  tag: 1.0 # {"$imagepolicy": "apps:web:tag"}', '  tag: "1.10" # {"$imagepolicy": "apps:web:tag"}'],
      ['  - ghcr.io/acme/web:1.0 # {"$imagepolicy": "apps:web"}', '  - ghcr.io/acme/web:1.10 # {"$imagepolicy": "apps:web"}'],
      ['          image: ghcr.io/acme/web:1.0 # {"$imagepolicy": "apps:web"}', '          image: ghcr.io/acme/web:1.10 # {"$imagepolicy": "apps:web"}'],
    ]);
  });

  it('is idempotent', async () => {
    const once = await kset(['--image-policy', `flux-system:app=ghcr.io/acme/app:1.1.0@${DIGEST}`], { stdin: helmRelease });
    const twice = await kset(['--image-policy', `flux-system:app=ghcr.io/acme/app:1.1.0@${DIGEST}`], { stdin: once.stdout });
    expect(twice.stdout).toBe(once.stdout);
  });
});

describe('--image-policy: problems', () => {
  it('a malformed marker is a warning with its position; the rest is done', async () => {
    const text = 'a: x:1 # {"$imagepolicy": "flux-system:app:version"}\nb: x:1 # {"$imagepolicy": "flux-system:app"}\n';
    const result = await kset(['--image-policy', 'flux-system:app=x:2'], { stdin: text });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('a: x:1 # {"$imagepolicy": "flux-system:app:version"}\nb: x:2 # {"$imagepolicy": "flux-system:app"}\n');
    expect(result.stderr).toBe(
      'kset: warning: <stdin>:1:8: malformed $imagepolicy marker: unknown field "version" in "flux-system:app:version": ' +
        'expected {"$imagepolicy": "NAMESPACE:POLICY"}, or ":tag", ":name" or ":digest" after it\n',
    );
  });

  it('a marker that ends no scalar value line is a warning', async () => {
    const text = 'image: # {"$imagepolicy": "flux-system:app"}\n  x:1\n';
    const result = await kset(['--image-policy', 'flux-system:app=x:2'], { stdin: text });
    expect(result.stdout).toBe(text);
    expect(result.stderr).toBe(
      'kset: warning: <stdin>:1:8: $imagepolicy marker "flux-system:app" does not end the line of a scalar value: left alone\n' +
        'kset: warning: --image-policy flux-system:app=x:2: no $imagepolicy marker names flux-system:app\n',
    );
  });

  it('a policy no marker names is a warning, an error with --strict (as an image entry that matches nothing)', async () => {
    const args = ['--image-policy', 'flux-system:app=ghcr.io/acme/app:1.1.0', '--image-policy', 'flux-system:nothing=x:1'];
    const result = await kset(args, { stdin: deployment });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('kset: warning: --image-policy flux-system:nothing=x:1: no $imagepolicy marker names flux-system:nothing\n');
    const strict = await kset([...args, '--strict'], { stdin: deployment });
    expect(strict).toEqual({ code: 2, stdout: '', stderr: 'kset: --image-policy flux-system:nothing=x:1: no $imagepolicy marker names flux-system:nothing\n' });
  });

  it('a :digest marker with a policy image without digest is an error (Flux would blank the field)', async () => {
    const result = await kset(['--image-policy', 'flux-system:app=ghcr.io/acme/app:1.1.0'], { stdin: helmRelease });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(
      'kset: <stdin>:11:87: --image-policy flux-system:app=ghcr.io/acme/app:1.1.0: the marker asks for the digest of flux-system:app, but ghcr.io/acme/app:1.1.0 has none: give NAME:TAG@DIGEST',
    );
  });

  it.each([
    ['app=ghcr.io/acme/app:1', /expected NAMESPACE:POLICY=IMAGE/],
    ['flux-system:app', /expected NAMESPACE:POLICY=IMAGE/],
    ['flux-system:app=ghcr.io/acme/app', /has no tag \(a Flux image policy always selects one\)/],
    [`flux-system:app=ghcr.io/acme/app@${DIGEST}`, /has no tag/],
  ])('--image-policy %s is a usage error', async (value, message) => {
    const result = await kset(['--image-policy', value], { stdin: deployment });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('image policies in the pipeline', () => {
  it("the config key imagePolicies, with --report naming each change's entry", async () => {
    const dir = folderWith({
      '.ksetrc.yaml': 'imagePolicies:\n  - policy: flux-system:app\n    image: ghcr.io/acme/app:1.2.0\n',
      'deploy/web.yaml': deployment,
      'deploy/values.yaml': helmRelease.replace(/^ +digest:.*\n/m, ''),
    });
    const result = await kset(['-w', 'deploy', '--report', 'report.json'], { cwd: dir });
    expect(result).toMatchObject({ code: 0 });
    expect(readFileSync(path.join(dir, 'deploy/web.yaml'), 'utf8')).toBe(deployment.replace('app:1.0.0', 'app:1.2.0'));
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report.changes.map((c: Record<string, unknown>) => [c.file, c.pointer, c.old, c.new, c.origin])).toEqual([
      ['deploy/values.yaml', '/spec/values/image/tag', '1.0.0', '1.2.0', { label: 'imagePolicies[0]', file: '.ksetrc.yaml', line: 2 }],
      [
        'deploy/web.yaml',
        '/spec/template/spec/containers/0/image',
        'ghcr.io/acme/app:1.0.0',
        'ghcr.io/acme/app:1.2.0',
        { label: 'imagePolicies[0]', file: '.ksetrc.yaml', line: 2 },
      ],
    ]);
  });

  it('--check lists the files a policy would change and exits 1', async () => {
    const dir = folderWith({ 'web.yaml': deployment });
    const result = await kset(['--check', 'web.yaml', '--image-policy', 'flux-system:app=ghcr.io/acme/app:1.2.0'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('+          image: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "flux-system:app"}');
    expect(readFileSync(path.join(dir, 'web.yaml'), 'utf8')).toBe(deployment);
  });

  it('a config image without tag is a config error at its line', async () => {
    const dir = folderWith({ '.ksetrc.yaml': 'imagePolicies:\n  - policy: flux-system:app\n    image: ghcr.io/acme/app\n' });
    const result = await kset([], { cwd: dir, stdin: deployment });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'kset: .ksetrc.yaml:3:12: imagePolicies[0].image: "ghcr.io/acme/app" has no tag (a Flux image policy always selects one): write NAME:TAG or NAME:TAG@DIGEST',
    );
  });

  it('a config policy that is not NAMESPACE:NAME is a config error', async () => {
    const dir = folderWith({ '.ksetrc.yaml': 'imagePolicies:\n  - policy: app\n    image: ghcr.io/acme/app:1\n' });
    const result = await kset([], { cwd: dir, stdin: deployment });
    expect(result.stderr.split('\n')[0]).toBe(
      'kset: .ksetrc.yaml:2:13: imagePolicies[0].policy: `app` is not a policy name like flux-system:app (NAMESPACE:NAME)',
    );
  });

  it('policies apply first: an --image entry then rewrites what the policy set', async () => {
    const result = await kset(['--image-policy', 'flux-system:app=ghcr.io/acme/app:1.1.0', '--image', 'ghcr.io/acme/app=mirror.example.com/app'], {
      stdin: deployment,
    });
    expect(result.stdout).toContain('image: mirror.example.com/app:1.1.0 # {"$imagepolicy": "flux-system:app"}');
  });

  it('documents without markers pass through byte for byte, and only marker documents are read for them', async () => {
    const text = `${deployment}---\n# untouched\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\ndata: {image: 'ghcr.io/acme/app:1.0.0'}\n`;
    const result = await kset(['--image-policy', 'flux-system:app=ghcr.io/acme/app:1.1.0'], { stdin: text });
    expect(result.stdout).toBe(text.replace('app:1.0.0 #', 'app:1.1.0 #'));
  });
});

describe('README: Flux image-policy markers', () => {
  it('runs the example as written', async () => {
    const { files, command } = readmeExample('flux');
    const dir = emptyDir();
    writeExampleFiles(dir, files);
    const [program, ...args] = command.split(/\s+/);
    expect(program).toBe('kset');
    const result = await kset(args, { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const before = files['deploy/app.yaml']!;
    expect(changedLines(before, readFileSync(path.join(dir, 'deploy/app.yaml'), 'utf8'))).toEqual([
      [
        '          image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}',
        '          image: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "flux-system:app"}',
      ],
      ['      tag: 1.0.0 # {"$imagepolicy": "flux-system:app:tag"}', '      tag: 1.2.0 # {"$imagepolicy": "flux-system:app:tag"}'],
    ]);
  });
});
