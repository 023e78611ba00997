import { describe, expect, it } from 'vitest';
import { folderWith, kset } from './helpers.js';

const input = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: app
        image: acme/web:1.0
`;

/** Runs `kset -c kset.yaml` over the input in a folder holding the config. */
async function withConfig(config: string, files: Record<string, string> = {}) {
  const dir = folderWith({ 'kset.yaml': config, ...files });
  return kset(['-c', 'kset.yaml'], { cwd: dir, stdin: input });
}

function expectPatchError(result: { code: number; stdout: string; stderr: string }, ...patterns: RegExp[]) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const first = result.stderr.split('\n')[0];
  expect(first).toMatch(/^kset: kset\.yaml:\d+(:\d+)?: patches\[0\]/);
  for (const pattern of patterns) expect(first).toMatch(pattern);
}

const target = 'target:\n    kind: Deployment\n    name: web\n';

describe('bad patches: exit 2, one line naming the patch, the operation or field, and the resource', () => {
  it('a JSON patch whose test fails', async () => {
    const result = await withConfig(`patches:\n- ${target}  patch: |-\n    - op: test\n      path: /spec/replicas\n      value: 5\n`);
    expectPatchError(result, /operation 0 \(test \/spec\/replicas\)/, /\(on Deployment web in namespace shop\)$/);
  });

  it('a JSON patch removing a missing path', async () => {
    const result = await withConfig(`patches:\n- ${target}  patch: |-\n    - op: remove\n      path: /spec/paused\n`);
    expectPatchError(result, /operation 0 \(remove \/spec\/paused\)/, /not found/, /web/);
  });

  it('a strategic list item without its merge key', async () => {
    const patch =
      'apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n      namespace: shop\n    spec:\n      template:\n        spec:\n          containers:\n          - image: x:1\n';
    const result = await withConfig(`patches:\n- patch: |-\n    ${patch}`);
    expectPatchError(result, /containers/, /name/, /web/);
  });

  it('a patch that is not YAML', async () => {
    const result = await withConfig(`patches:\n- ${target}  patch: |-\n    spec: [unclosed\n`);
    expectPatchError(result, /not valid YAML/);
  });

  it('a target regex that does not compile', async () => {
    const result = await withConfig(`patches:\n- target:\n    kind: Deployment\n    name: "web("\n  patch: |-\n    - op: remove\n      path: /spec/replicas\n`);
    expectPatchError(result, /name/);
  });

  it('an untargeted strategic patch that matches nothing', async () => {
    const result = await withConfig(
      'patches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: nope\n    spec:\n      replicas: 1\n',
    );
    expectPatchError(result, /no resource matches/, /nope/);
  });

  it('a patch file that is missing', async () => {
    const result = await withConfig('patches:\n- path: missing.yaml\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kset: kset\.yaml:2:\d+: .*missing\.yaml/);
  });
});

describe('unmatched targets', () => {
  it('warn, and fail with --strict', async () => {
    const config = 'patches:\n- target:\n    kind: StatefulSet\n  patch: |-\n    - op: remove\n      path: /spec/replicas\n';
    const dir = folderWith({ 'kset.yaml': config });
    const lenient = await kset(['-c', 'kset.yaml'], { cwd: dir, stdin: input });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toBe(input);
    expect(lenient.stderr).toMatch(/^kset: warning: patches\[0\].*matches no resource/);
    const strict = await kset(['-c', 'kset.yaml', '--strict'], { cwd: dir, stdin: input });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
  });
});
