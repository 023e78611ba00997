import { describe, expect, it } from 'vitest';
import { strategicMerge } from '../transform/strategic-merge.js';
import type { Json, JsonObject } from '../types.js';
import { crdSchemas } from './crd.js';
import { schemaForResource } from './patch-meta.js';

/** A v1 CRD for example.com Widget whose `spec` schema is `spec`, served as v1 and v2. */
const crd = (spec: JsonObject): JsonObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [
      { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec } } } },
      { name: 'v2', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } },
    ],
  },
});

const object = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({ type: 'object', properties, ...extra });
const listOf = (items: JsonObject, extensions: JsonObject = {}): JsonObject => ({ type: 'array', items, ...extensions });

const spec = object({
  endpoints: listOf(object({ port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' }, path: { type: 'string' } }), {
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': ['port', 'protocol'],
  }),
  tags: listOf({ type: 'string' }, { 'x-kubernetes-list-type': 'set' }),
  steps: listOf(object({ id: { type: 'string' }, run: { type: 'string' } }), {
    'x-kubernetes-patch-strategy': 'merge',
    'x-kubernetes-patch-merge-key': 'id',
  }),
  plain: listOf(object({ name: { type: 'string' }, v: { type: 'string' } })),
  selector: object({ a: { type: 'string' }, b: { type: 'string' } }, { 'x-kubernetes-map-type': 'atomic' }),
  byName: {
    type: 'object',
    additionalProperties: object({
      steps: listOf(object({ id: { type: 'string' } }), { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['id'] }),
    }),
  },
});

const widget = (apiVersion: string, widgetSpec: JsonObject): JsonObject => ({ apiVersion, kind: 'Widget', metadata: { name: 'w' }, spec: widgetSpec });

function merge(doc: JsonObject, patch: JsonObject, crds: Json[] = [crd(spec)]): JsonObject | null {
  return strategicMerge(doc, patch, schemaForResource(doc.apiVersion as string, doc.kind as string, crdSchemas(crds)));
}

describe('crdSchemas', () => {
  const cases: { name: string; doc: JsonObject; patch: JsonObject; want: JsonObject }[] = [
    {
      name: 'list-type map merges by its keys, a missing key taking its schema default',
      doc: widget('example.com/v1', {
        endpoints: [
          { port: 80, path: '/a' },
          { port: 80, protocol: 'UDP', path: '/u' },
        ],
      }),
      patch: { spec: { endpoints: [{ port: 80, protocol: 'TCP', path: '/b' }, { port: 81 }] } },
      // apimachinery's order: the new item goes before the unpatched UDP one, which followed the patched one
      want: widget('example.com/v1', { endpoints: [{ port: 80, path: '/b', protocol: 'TCP' }, { port: 81 }, { port: 80, protocol: 'UDP', path: '/u' }] }),
    },
    {
      name: 'list-type set merges primitives as a set',
      doc: widget('example.com/v1', { tags: ['a', 'b'] }),
      patch: { spec: { tags: ['b', 'c'] } },
      want: widget('example.com/v1', { tags: ['a', 'b', 'c'] }),
    },
    {
      name: 'patch strategy and merge key are honoured, $patch: delete included',
      doc: widget('example.com/v1', {
        steps: [
          { id: 'build', run: 'make' },
          { id: 'test', run: 'make test' },
        ],
      }),
      patch: {
        spec: {
          steps: [
            { id: 'build', run: 'make all' },
            { id: 'test', $patch: 'delete' },
          ],
        },
      },
      want: widget('example.com/v1', { steps: [{ id: 'build', run: 'make all' }] }),
    },
    {
      name: 'lists without list-type are replaced',
      doc: widget('example.com/v1', { plain: [{ name: 'a', v: '1' }, { name: 'b' }] }),
      patch: { spec: { plain: [{ name: 'a', v: '2' }] } },
      want: widget('example.com/v1', { plain: [{ name: 'a', v: '2' }] }),
    },
    {
      name: 'an atomic map is replaced',
      doc: widget('example.com/v1', { selector: { a: '1' } }),
      patch: { spec: { selector: { b: '2' } } },
      want: widget('example.com/v1', { selector: { b: '2' } }),
    },
    {
      name: 'additionalProperties schemas apply to every key',
      doc: widget('example.com/v1', { byName: { x: { steps: [{ id: 'a' }] } } }),
      patch: { spec: { byName: { x: { steps: [{ id: 'b' }] } } } },
      want: widget('example.com/v1', { byName: { x: { steps: [{ id: 'b' }, { id: 'a' }] } } }),
    },
    {
      name: 'each version has its own schema',
      doc: widget('example.com/v2', { tags: ['a'] }),
      patch: { spec: { tags: ['b'] } },
      want: widget('example.com/v2', { tags: ['b'] }),
    },
  ];
  for (const { name, doc, patch, want } of cases) {
    it(name, () => expect(merge(doc, patch)).toEqual(want));
  }

  it('reads a v1beta1 CRD with one shared validation schema', () => {
    const legacy: JsonObject = {
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      spec: { group: 'example.com', version: 'v1', names: { kind: 'Widget' }, validation: { openAPIV3Schema: object({ spec }) } },
    };
    const schemas = crdSchemas([legacy]);
    expect([...schemas.keys()]).toEqual(['example.com/v1/Widget']);
    expect(schemas.get('example.com/v1/Widget')?.field('spec')?.type?.field('tags')).toMatchObject({ strategy: 'merge', listType: 'set' });
  });

  it('ignores objects that are not CRDs', () => {
    const notCrd: Json[] = [null, 'x', { apiVersion: 'v1', kind: 'ConfigMap', spec: { group: 'g', names: { kind: 'K' }, versions: [{ name: 'v1' }] } }];
    expect(crdSchemas(notCrd).size).toBe(0);
  });

  it('uses the first list-map key as merge key', () => {
    const field = crdSchemas([crd(spec)])
      .get('example.com/v1/Widget')
      ?.field('spec')
      ?.type?.field('endpoints');
    expect(field).toMatchObject({ strategy: 'merge', mergeKey: 'port', listMapKeys: ['port', 'protocol'], keyDefaults: { protocol: 'TCP' } });
  });
});
