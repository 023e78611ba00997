import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KsetError, loadConfig, transform } from '../src/index.js';
import { ROOT } from './helpers.js';

const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: acme/web:1.0 # pinned
`;

describe('library API', () => {
  it('transform() takes a plain config object and reports every change', async () => {
    const result = await transform(text, {
      images: [{ name: 'acme/web', newTag: '2.0' }],
      patches: [{ target: { kind: 'Deployment' }, patch: '[{"op": "replace", "path": "/spec/replicas", "value": 3}]' }],
    });
    expect(result.output).toBe(text.replace('replicas: 1', 'replicas: 3').replace('acme/web:1.0', 'acme/web:2.0'));
    expect(result.warnings).toEqual([]);
    expect(result.changes.map(({ pointer, old, new: now, origin }) => ({ pointer, old, new: now, origin: origin.label }))).toEqual([
      { pointer: '/spec/replicas', old: 1, new: 3, origin: 'patches[0]' },
      { pointer: '/spec/template/spec/containers/0/image', old: 'acme/web:1.0', new: 'acme/web:2.0', origin: 'images[0]' },
    ]);
    expect(result.changes[0]?.resource).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: undefined });
  });

  it('transform() over several sources returns each file', async () => {
    const result = await transform(
      [
        { path: 'a.yaml', text },
        { path: 'b.yaml', text: 'kind: ConfigMap\n' },
      ],
      { images: [{ name: 'acme/web', newName: 'registry.example.com/web' }] },
    );
    expect(result.files.map((f) => [f.path, f.changed])).toEqual([
      ['a.yaml', true],
      ['b.yaml', false],
    ]);
    expect(result.files[1]?.output).toBe('kind: ConfigMap\n');
  });

  it('loadConfig() reads a config file for transform()', async () => {
    const config = await loadConfig({ configFile: path.join(ROOT, 'fixtures/helm-app/.ksetrc.yaml') });
    expect(config.images.map((i) => i.name)).toEqual(['ghcr.io/acme/shop', 'busybox']);
    const rendered = readFileSync(path.join(ROOT, 'fixtures/helm-app/rendered.yaml'), 'utf8');
    const result = await transform([{ path: 'rendered.yaml', text: rendered }], config);
    expect(result.output).toContain('image: registry.example.com/mirror/busybox:1.36');
    expect(new Set(result.changes.map((c) => c.origin.label))).toEqual(new Set(['patches[0]', 'patches[1]', 'images[0]', 'images[1]']));
  });

  it('throws a KsetError with a position on bad input', async () => {
    const error = await transform('a: [\n', {}).catch((e) => e);
    expect(error).toBeInstanceOf(KsetError);
    expect(error.position).toMatchObject({ file: '<stdin>', line: 2 });
  });
});
