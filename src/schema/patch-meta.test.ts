import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaForResource, type TypeSchema } from './patch-meta.js';

/** Follows a dotted path of field names (list items are implied) from a kind's root type. */
function fieldAt(apiVersion: string, kind: string, path: string) {
  const parts = path.split('.');
  let type: TypeSchema | undefined = schemaForResource(apiVersion, kind);
  for (const part of parts.slice(0, -1)) type = type?.field(part)?.type;
  return type?.field(parts[parts.length - 1]);
}

describe('schemaForResource', () => {
  const cases: { name: string; apiVersion: string; kind: string; path: string; want: object | undefined }[] = [
    {
      name: 'Deployment containers merge by name',
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      path: 'spec.template.spec.containers',
      want: { strategy: 'merge', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
    },
    {
      name: 'container env merges by name',
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      path: 'spec.template.spec.containers.env',
      want: { strategy: 'merge', mergeKey: 'name' },
    },
    {
      name: 'container ports merge by containerPort, identified with protocol',
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'spec.containers.ports',
      want: { strategy: 'merge', mergeKey: 'containerPort', listMapKeys: ['containerPort', 'protocol'], identityKeys: ['containerPort', 'protocol'] },
    },
    {
      name: 'Service ports merge by port, identified with protocol',
      apiVersion: 'v1',
      kind: 'Service',
      path: 'spec.ports',
      want: { strategy: 'merge', mergeKey: 'port', listMapKeys: ['port', 'protocol'], identityKeys: ['port', 'protocol'] },
    },
    {
      name: 'topologySpreadConstraints have two list-map keys but are identified by the merge key alone, as apimachinery does',
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'spec.topologySpreadConstraints',
      want: { strategy: 'merge', mergeKey: 'topologyKey', listMapKeys: ['topologyKey', 'whenUnsatisfiable'], identityKeys: undefined },
    },
    {
      name: 'Pod finalizers are a merged set',
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'metadata.finalizers',
      want: { strategy: 'merge', listType: 'set' },
    },
    {
      name: 'volumes merge by name with retainKeys',
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      path: 'spec.jobTemplate.spec.template.spec.volumes',
      want: { strategy: 'merge,retainKeys', mergeKey: 'name' },
    },
    {
      name: 'Deployment strategy has the retainKeys strategy',
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      path: 'spec.strategy',
      want: { strategy: 'retainKeys' },
    },
    {
      name: 'CRD schema properties are a map of typed schemas',
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      path: 'spec.versions.schema.openAPIV3Schema.properties.anyName.x-kubernetes-validations',
      want: { strategy: 'merge', mergeKey: 'rule' },
    },
    { name: 'atomic lists carry nothing', apiVersion: 'v1', kind: 'Pod', path: 'spec.tolerations', want: undefined },
    { name: 'plain maps carry nothing', apiVersion: 'v1', kind: 'ConfigMap', path: 'metadata.labels', want: undefined },
  ];
  for (const { name, apiVersion, kind, path, want } of cases) {
    it(name, () => {
      const field = fieldAt(apiVersion, kind, path);
      if (want === undefined) expect(field).toBeUndefined();
      else expect(field).toMatchObject(want);
    });
  }

  it('knows every built-in kind, the core group as v1/Kind', () => {
    expect(schemaForResource('v1', 'ConfigMap')).toBeDefined();
    expect(schemaForResource('networking.k8s.io/v1', 'Ingress')).toBeDefined();
    expect(schemaForResource('core/v1', 'Pod')).toBeUndefined();
    expect(schemaForResource('example.com/v1', 'Widget')).toBeUndefined();
  });

  it('falls back to the CRD schemas it is given, built-in kinds first', () => {
    const widget: TypeSchema = { field: () => undefined };
    const extra = new Map([
      ['example.com/v1/Widget', widget],
      ['v1/Pod', widget],
    ]);
    expect(schemaForResource('example.com/v1', 'Widget', extra)).toBe(widget);
    expect(schemaForResource('v1', 'Pod', extra)).not.toBe(widget);
  });
});

describe('schemas/patch-meta.json', () => {
  const text = readFileSync(new URL('../../schemas/patch-meta.json', import.meta.url), 'utf8');
  const table = JSON.parse(text) as { kinds: Record<string, string>; types: Record<string, Record<string, string | { t?: string }>> };

  it('stays compact', () => {
    expect(text.length).toBeLessThan(300 * 1024);
  });

  it('refers only to types it holds', () => {
    const missing = [
      ...Object.values(table.kinds),
      ...Object.values(table.types).flatMap((fields) => Object.values(fields).map((f) => (typeof f === 'string' ? f : f.t))),
    ].filter((name) => name !== undefined && !(name in table.types));
    expect(missing).toEqual([]);
  });
});
