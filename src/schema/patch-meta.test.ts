import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaForResource, type TypeSchema } from './patch-meta.js';

/** Follows a dotted path of field names (list items are implied) from a kind's root type. */
function fieldAt(apiVersion: string, kind: string, path: string) {
  const parts = path.split('.');
  let type: TypeSchema | undefined = schemaForResource(apiVersion, kind);
  for (const part of parts.slice(0, -1)) type = type?.field(part)?.type;
  return type?.field(parts.at(-1) ?? '');
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
      want: { strategy: 'merge', mergeKey: 'containerPort', listMapKeys: ['containerPort', 'protocol'], disambiguatingKeys: ['containerPort', 'protocol'] },
    },
    {
      name: 'Service ports merge by port, identified with protocol',
      apiVersion: 'v1',
      kind: 'Service',
      path: 'spec.ports',
      want: { strategy: 'merge', mergeKey: 'port', listMapKeys: ['port', 'protocol'], disambiguatingKeys: ['port', 'protocol'] },
    },
    {
      name: 'topologySpreadConstraints have two list-map keys but are identified by the merge key alone, as apimachinery does',
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'spec.topologySpreadConstraints',
      want: { strategy: 'merge', mergeKey: 'topologyKey', listMapKeys: ['topologyKey', 'whenUnsatisfiable'], disambiguatingKeys: undefined },
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
    // Older API versions kubectl v1.32 still merges: their successor's metadata, less what the successor added.
    {
      name: 'apps/v1beta2 Deployment containers merge by name, as in apps/v1',
      apiVersion: 'apps/v1beta2',
      kind: 'Deployment',
      path: 'spec.template.spec.containers',
      want: { strategy: 'merge', mergeKey: 'name' },
    },
    {
      name: 'extensions/v1beta1 DaemonSet volumes merge by name',
      apiVersion: 'extensions/v1beta1',
      kind: 'DaemonSet',
      path: 'spec.template.spec.volumes',
      want: { strategy: 'merge,retainKeys', mergeKey: 'name' },
    },
    {
      name: 'admissionregistration v1beta1 webhooks merge by name',
      apiVersion: 'admissionregistration.k8s.io/v1beta1',
      kind: 'MutatingWebhookConfiguration',
      path: 'webhooks',
      want: { strategy: 'merge', mergeKey: 'name' },
    },
    { name: 'policy/v1 PDB selector is replaced', apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', path: 'spec.selector', want: { strategy: 'replace' } },
    {
      name: 'policy/v1beta1 PDB selector merges',
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      path: 'spec.selector',
      want: { strategy: undefined },
    },
    {
      name: 'policy/v1beta1 PDB conditions merge by type, as in policy/v1',
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      path: 'status.conditions',
      want: { strategy: 'merge', mergeKey: 'type' },
    },
    {
      name: 'autoscaling/v2 HPA conditions merge by type',
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      path: 'status.conditions',
      want: { mergeKey: 'type' },
    },
    {
      name: 'autoscaling/v2beta2 HPA conditions are atomic',
      apiVersion: 'autoscaling/v2beta2',
      kind: 'HorizontalPodAutoscaler',
      path: 'status.conditions',
      want: { strategy: undefined, mergeKey: undefined },
    },
    { name: 'atomic lists carry no strategy', apiVersion: 'v1', kind: 'Pod', path: 'spec.tolerations', want: { strategy: undefined, mergeKey: undefined } },
    { name: 'plain maps carry nothing', apiVersion: 'v1', kind: 'ConfigMap', path: 'metadata.labels', want: undefined },
  ];
  for (const { name, apiVersion, kind, path, want } of cases) {
    it(name, () => {
      const field = fieldAt(apiVersion, kind, path);
      if (want === undefined) expect(field).toBeUndefined();
      else for (const [key, value] of Object.entries(want)) expect(field?.[key as keyof typeof field], key).toEqual(value);
    });
  }

  it('knows every built-in kind, the core group as v1/Kind', () => {
    expect(schemaForResource('v1', 'ConfigMap')).toBeDefined();
    expect(schemaForResource('networking.k8s.io/v1', 'Ingress')).toBeDefined();
    expect(schemaForResource('core/v1', 'Pod')).toBeUndefined();
    expect(schemaForResource('example.com/v1', 'Widget')).toBeUndefined();
  });

  it('knows the kinds kubectl v1.32 merges strategically, and no other', () => {
    for (const [apiVersion, kind] of [
      ['apps/v1beta1', 'StatefulSet'],
      ['extensions/v1beta1', 'Ingress'],
      ['batch/v1beta1', 'CronJob'],
      ['rbac.authorization.k8s.io/v1beta1', 'ClusterRole'],
      ['resource.k8s.io/v1alpha3', 'ResourceClaim'],
    ] as const) {
      expect(schemaForResource(apiVersion, kind), `${apiVersion} ${kind}`).toBeDefined();
    }
    // kubectl refuses these ("strategic merge patch is not supported ... locally"): kustomize's merge applies.
    for (const [apiVersion, kind] of [
      ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
      ['apiregistration.k8s.io/v1', 'APIService'],
      ['resource.k8s.io/v1', 'ResourceClaim'],
      ['networking.k8s.io/v1', 'IPAddress'],
      ['extensions/v1beta1', 'PodSecurityPolicy'],
    ] as const) {
      expect(schemaForResource(apiVersion, kind), `${apiVersion} ${kind}`).toBeUndefined();
    }
  });

  it('knows every field of a built-in type, to fail as kubectl does on others', () => {
    const podSpec = schemaForResource('v1', 'Pod')!.field('spec')!.type!;
    expect(podSpec.strictName).toBe('PodSpec');
    expect(['containers', 'hostname', 'nodeSelector', 'securityContext'].map((f) => podSpec.has!(f))).toEqual([true, true, true, true]);
    expect(podSpec.has!('foo')).toBe(false);
    const securityContext = podSpec.field('securityContext')!.type!;
    expect([securityContext.strictName, securityContext.has!('runAsUser'), securityContext.has!('bogus')]).toEqual(['PodSecurityContext', true, false]);
    expect(schemaForResource('v1', 'ConfigMap')!.field('metadata')!.type!.field('labels')).toBeUndefined();
  });

  it('checks no field of an old API version (its successor may lack some)', () => {
    const spec = schemaForResource('extensions/v1beta1', 'Ingress')!.field('spec')!.type!;
    expect(spec.strictName).toBeUndefined();
    expect(schemaForResource('networking.k8s.io/v1', 'Ingress')!.field('spec')!.type!.strictName).toBe('IngressSpec');
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
      ...Object.values(table.kinds).map((name) => name.replace(/^~/, '')),
      ...Object.values(table.types).flatMap((fields) =>
        Object.entries(fields)
          .filter(([key]) => key !== '-')
          .map(([, f]) => (typeof f === 'string' ? f : f.t)),
      ),
    ].filter((name) => name !== undefined && !(name in table.types));
    expect(missing).toEqual([]);
  });
});
