import { describe, expect, it } from 'vitest';
import { kubectlSchema } from './patch-verb.js';

// Where kubectl v1.32 patch --local takes a strategic merge patch (its scheme decodes the kind) and
// where it answers "strategic merge patch is not supported for …, try --type merge".
describe('kubectlSchema', () => {
  const cases: [string, string, boolean][] = [
    ['apps/v1', 'Deployment', true],
    ['v1', 'ConfigMap', true],
    // older versions kubectl's scheme still decodes
    ['apps/v1beta1', 'Deployment', true],
    ['apps/v1beta2', 'DaemonSet', true],
    ['extensions/v1beta1', 'Deployment', true],
    ['extensions/v1beta1', 'Ingress', true],
    ['extensions/v1beta1', 'NetworkPolicy', true],
    ['batch/v1beta1', 'CronJob', true],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', true],
    ['policy/v1beta1', 'PodDisruptionBudget', true],
    ['rbac.authorization.k8s.io/v1beta1', 'Role', true],
    // kinds a version never had, versions that never were, groups kubectl's scheme lacks
    ['apps/v1beta1', 'DaemonSet', false],
    ['extensions/v1beta1', 'StatefulSet', false],
    ['extensions/v1beta1', 'PodSecurityPolicy', false],
    ['policy/v1beta1', 'PodSecurityPolicy', false],
    ['apps/v2', 'Deployment', false],
    ['v1', 'Deployment', false],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', false],
    ['apiregistration.k8s.io/v1', 'APIService', false],
    ['example.com/v1', 'Widget', false],
  ];
  it.each(cases)('%s %s: %s', (apiVersion, kind, known) => {
    expect(kubectlSchema(apiVersion, kind) !== undefined).toBe(known);
  });

  it('gives an old version the current merge keys (containers by name)', () => {
    const schema = kubectlSchema('extensions/v1beta1', 'Deployment')!;
    const podSpec = schema.field('spec')?.type?.field('template')?.type?.field('spec')?.type;
    expect(podSpec?.field('containers')?.mergeKey).toBe('name');
  });
});
