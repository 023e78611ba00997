import { describe, expect, it } from 'vitest';
import { transform } from '../index.js';
import type { Step } from '../pipeline.js';
import { keepPostrenderFilename } from './postrender-filename.js';

const annotated = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    team: shop
    postrenderer.helm.sh/postrender-filename: 'shop/templates/configmap.yaml'
data:
  a: "1"
`;

describe('keepPostrenderFilename', () => {
  it.each([
    { name: 'a JSON patch removing every annotation', patch: '[{"op": "remove", "path": "/metadata/annotations"}]' },
    {
      name: 'a strategic merge of annotations: null',
      patch: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "annotations": null}}',
    },
    {
      name: 'a JSON patch replacing the annotation',
      patch: '[{"op": "replace", "path": "/metadata/annotations/postrenderer.helm.sh~1postrender-filename", "value": "x"}]',
    },
  ])('restores the annotation after $name', async ({ patch }) => {
    const result = await transform(annotated, { patches: [{ target: { kind: 'ConfigMap' }, patch }] });
    expect(result.output).toContain("    postrenderer.helm.sh/postrender-filename: 'shop/templates/configmap.yaml'\n");
    expect(result.output).not.toContain('value: x');
  });

  it('leaves the document alone when nothing else changes it', async () => {
    const result = await transform(annotated, {
      patches: [{ target: { kind: 'ConfigMap' }, patch: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}, "data": {"a": "1"}}' }],
    });
    expect(result.output).toBe(annotated);
    expect(result.changes).toEqual([]);
  });

  it('asks for no parse of a document that no other step may touch', () => {
    const never: Step = { origin: { label: 'never' }, mayTouch: () => false, apply: (r) => r };
    const [remember] = keepPostrenderFilename([never]);
    expect(remember?.mayTouch?.(annotated)).toBe(false);
    expect(keepPostrenderFilename([])).toEqual([]);
  });
});
