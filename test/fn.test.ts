import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changedLines, folderWith, kset } from './helpers.js';

// kset fn: the KRM Functions Specification's contract, with inputs shaped as kpt sends them (kpt fn eval
// with `-- key=value` arguments gives a ConfigMap functionConfig; items carry its path, index and id
// annotations, comments included). test/fn-kpt.slow.test.ts runs the real kpt.

const HOST = (index: number, path = 'deploy.yaml') => `    annotations:
      config.kubernetes.io/index: '${index}'
      config.kubernetes.io/path: '${path}'
      internal.config.kubernetes.io/index: '${index}'
      internal.config.kubernetes.io/path: '${path}'
      internal.config.kubernetes.io/seqindent: 'compact'
      config.k8s.io/id: '${index + 1}'
`;

const ITEMS = `items:
- # the web tier
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web # kept
${HOST(0)}  spec:
    template:
      spec:
        containers:
        - name: app
          image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}
        - name: proxy
          image: envoyproxy/envoy:v1.30.0
- apiVersion: v1
  kind: Service
  metadata:
    name: web
${HOST(1)}  spec:
    ports:
    - port: 80
`;

function resourceList(functionConfig: string): string {
  return `apiVersion: config.kubernetes.io/v1\nkind: ResourceList\n${ITEMS}${functionConfig}`;
}

const configMap = (data: string) => `functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: function-input\n  data: ${data}\n`;

const KSET_CONFIG = `functionConfig:
  apiVersion: kset.dev/v1
  kind: Kset
  metadata:
    name: kset
    annotations:
      config.kubernetes.io/local-config: "true"
  imagePolicies:
    - policy: flux-system:app
      image: ghcr.io/acme/app:1.1.0
  images:
    - name: envoyproxy/envoy
      newTag: v1.31.0
  patches:
    - target: {kind: Service}
      patch: |
        - {op: replace, path: /spec/ports/0/port, value: 8080}
`;

describe('kset fn: a ResourceList in, a ResourceList out', () => {
  it('a Kset functionConfig: items transformed in place, comments, annotations and the functionConfig kept', async () => {
    const input = resourceList(KSET_CONFIG);
    const result = await kset(['fn'], { stdin: input });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(changedLines(input, result.stdout)).toEqual([
      [
        '          image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}',
        '          image: ghcr.io/acme/app:1.1.0 # {"$imagepolicy": "flux-system:app"}',
      ],
      ['          image: envoyproxy/envoy:v1.30.0', '          image: envoyproxy/envoy:v1.31.0'],
      ['    - port: 80', '    - port: 8080'],
    ]);
  });

  it('a ConfigMap functionConfig (kpt fn eval -- image=… image-policy=… patches=…)', async () => {
    const data = JSON.stringify({
      image: 'envoyproxy/envoy:v1.31.0  ghcr.io/acme/app=ghcr.io/acme/app', // several, separated by blanks
      'image-policy': 'flux-system:app=ghcr.io/acme/app:1.1.0',
      patches: '- target: {kind: Service}\n  patch: "[{op: replace, path: /spec/ports/0/port, value: 8080}]"\n',
    });
    const input = resourceList(configMap(data));
    const result = await kset(['fn'], { stdin: input });
    expect(result.code).toBe(0);
    expect(changedLines(input, result.stdout).map(([, after]) => after.trim())).toEqual([
      'image: ghcr.io/acme/app:1.1.0 # {"$imagepolicy": "flux-system:app"}',
      'image: envoyproxy/envoy:v1.31.0',
      '- port: 8080',
    ]);
  });

  it('keeps the host annotations a patch would drop', async () => {
    const data = JSON.stringify({ patches: '- target: {kind: Service}\n  patch: |\n    - {op: replace, path: /metadata/annotations, value: {team: web}}\n' });
    const input = resourceList(configMap(data));
    const result = await kset(['fn'], { stdin: input });
    const service = parse(result.stdout).items[1];
    expect(service.metadata.annotations).toEqual({
      team: 'web',
      'config.kubernetes.io/index': '1',
      'config.kubernetes.io/path': 'deploy.yaml',
      'internal.config.kubernetes.io/index': '1',
      'internal.config.kubernetes.io/path': 'deploy.yaml',
      'internal.config.kubernetes.io/seqindent': 'compact',
      'config.k8s.io/id': '2',
    });
  });

  it('warnings become results tied to their item and file; stderr has them too', async () => {
    const input = resourceList(configMap(JSON.stringify({ 'image-policy': 'flux-system:app=ghcr.io/acme/app:1.1.0' }))).replace(
      'image: envoyproxy/envoy:v1.30.0',
      'image: envoyproxy/envoy:v1.30.0 # {"$imagepolicy": "flux-system:envoy:sha"}',
    );
    const result = await kset(['fn'], { stdin: input });
    expect(result.code).toBe(0);
    expect(parse(result.stdout).results).toEqual([
      {
        message: expect.stringMatching(/^malformed \$imagepolicy marker: unknown field "sha"/),
        severity: 'warning',
        resourceRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        file: { path: 'deploy.yaml', index: 0 },
      },
    ]);
    expect(result.stderr).toMatch(/^kset: warning: <stdin>:23:43: malformed \$imagepolicy marker/);
    // results are added at the end, every other line as it was
    expect(result.stdout.startsWith(input.replace('app:1.0.0 #', 'app:1.1.0 #'))).toBe(true);
  });

  it('an error: exit 1, the items as they came, the error as a result (with its resource) and on stderr', async () => {
    const input = resourceList(configMap(JSON.stringify({ 'image-policy': 'flux-system:app=ghcr.io/acme/app:1.1.0' }))).replace(
      'image: envoyproxy/envoy:v1.30.0',
      'image: envoyproxy/envoy:v1.30.0 # {"$imagepolicy": "flux-system:app:digest"}',
    );
    const result = await kset(['fn'], { stdin: input });
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith(input)).toBe(true);
    expect(parse(result.stdout).results).toEqual([
      {
        message: expect.stringMatching(/the marker asks for the digest of flux-system:app, but ghcr.io\/acme\/app:1.1.0 has none/),
        severity: 'error',
        resourceRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        file: { path: 'deploy.yaml', index: 0 },
      },
    ]);
    expect(result.stderr).toMatch(/^kset: <stdin>:23:43: imagePolicies\[0\]: the marker asks for the digest/);
  });

  it.each([
    [configMap('{unknown: x}'), /functionConfig: unknown ConfigMap data key "unknown" \(known: image, image-policy, images,/],
    [configMap('{image: "nginx"}'), /functionConfig: data.image: --image nginx: no new tag or digest/],
    [configMap('{images: "[a"}'), /functionConfig: data.images: not YAML/],
    [configMap(`{images: "- name: a\\n  newTag: 1.20"}`), /functionConfig: images\[0\].newTag: must be a string, not a number/],
    ['functionConfig:\n  apiVersion: kset.dev/v2\n  kind: Kset\n', /a Kset has apiVersion kset.dev\/v1, not "kset.dev\/v2"/],
    ['functionConfig:\n  apiVersion: example.com/v1\n  kind: SetImage\n', /must be a Kset \(apiVersion: kset.dev\/v1\) or a v1 ConfigMap, not SetImage/],
    ['functionConfig:\n  apiVersion: kset.dev/v1\n  kind: Kset\n  imagez: []\n', /functionConfig: unknown key `imagez` \(did you mean `images`\?\)/],
  ])('a bad functionConfig is an error result (%#)', async (config, message) => {
    const input = resourceList(config);
    const result = await kset(['fn'], { stdin: input });
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith(input)).toBe(true);
    const [only, ...rest] = parse(result.stdout).results;
    expect(rest).toEqual([]);
    expect(only).toEqual({ message: expect.stringMatching(message), severity: 'error' });
  });

  it('without a functionConfig (or an empty one) the items pass unchanged, with an info result', async () => {
    for (const config of ['', configMap('{}')]) {
      const input = resourceList(config);
      const result = await kset(['fn'], { stdin: input });
      expect(result.code).toBe(0);
      expect(result.stdout.startsWith(input)).toBe(true);
      expect(parse(result.stdout).results).toEqual([{ message: expect.stringMatching(/asks for nothing/), severity: 'info' }]);
    }
  });

  it('takes a JSON ResourceList and answers in its style', async () => {
    const input = JSON.stringify({
      apiVersion: 'config.kubernetes.io/v1',
      kind: 'ResourceList',
      items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'nginx:1' }] } }],
      functionConfig: { apiVersion: 'kset.dev/v1', kind: 'Kset', images: [{ name: 'nginx', newTag: '2' }] },
    });
    const result = await kset(['fn'], { stdin: input + '\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(input.replace('nginx:1', 'nginx:2') + '\n');
  });

  it('takes a plain v1 List (the spec asks functions to), with no functionConfig', async () => {
    const input = 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n';
    const result = await kset(['fn'], { stdin: input });
    expect(result).toEqual({ code: 0, stdout: input, stderr: '' });
  });

  it.each([
    ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'],
    ['apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n---\napiVersion: v1\nkind: List\nitems: []\n'],
    ['- a\n'],
    [''],
  ])('input that is not one list: nothing on stdout, exit 1 (%j)', async (input) => {
    const result = await kset(['fn'], { stdin: input });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kset: kset fn reads one ResourceList/);
  });

  it('malformed YAML: nothing on stdout, exit 1, the position on stderr', async () => {
    const result = await kset(['fn'], { stdin: 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: [\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kset: <stdin>:\d+:\d+: /);
  });

  it('patch files named by a Kset config are read relative to the working folder, inside it', async () => {
    const dir = folderWith({ 'patches/port.yaml': '- {op: replace, path: /spec/ports/0/port, value: 9090}\n' });
    const config = 'functionConfig:\n  apiVersion: kset.dev/v1\n  kind: Kset\n  patches:\n    - path: patches/port.yaml\n      target: {kind: Service}\n';
    const result = await kset(['fn'], { stdin: resourceList(config), cwd: dir });
    expect(parse(result.stdout).items[1].spec.ports).toEqual([{ port: 9090 }]);
    const outside = config.replace('patches/port.yaml', '../port.yaml');
    const refused = await kset(['fn'], { stdin: resourceList(outside), cwd: dir });
    expect(refused.code).toBe(1);
    expect(parse(refused.stdout).results[0].message).toMatch(/is outside the config folder/);
  });

  it('kset fn --help; arguments are refused', async () => {
    expect((await kset(['fn', '--help'])).stdout).toMatch(/^kset fn: kset as a KRM function/);
    const refused = await kset(['fn', 'x'], { stdin: resourceList('') });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("kset: kset fn takes no arguments: its config is the ResourceList's functionConfig (see kset fn --help)\n");
  });
});

describe('a Kset object is a config file too', () => {
  const kset_yaml = 'apiVersion: kset.dev/v1\nkind: Kset\nmetadata:\n  name: kset\nimages:\n  - name: envoyproxy/envoy\n    newTag: v1.31.0\n';
  const deployment =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: proxy\n        image: envoyproxy/envoy:v1.30.0\n';

  it('named with -c, or found as kset.yaml: the same file kpt and kustomize are given', async () => {
    const dir = folderWith({ 'kset.yaml': kset_yaml });
    for (const args of [['-c', 'kset.yaml'], []]) {
      const result = await kset(args, { cwd: dir, stdin: deployment });
      expect(result).toEqual({ code: 0, stdout: deployment.replace('v1.30.0', 'v1.31.0'), stderr: '' });
    }
  });

  it('another apiVersion is a config error at its line', async () => {
    const dir = folderWith({ 'kset.yaml': kset_yaml.replace('kset.dev/v1', 'kset.dev/v2') });
    const result = await kset([], { cwd: dir, stdin: deployment });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('kset: kset.yaml:1:13: a Kset has apiVersion kset.dev/v1, not "kset.dev/v2"');
  });
});
