import { describe, expect, it } from 'vitest';
import { resolveType, typeMatchesKind } from './kinds.js';

describe('resolveType', () => {
  const cases: [string, string, string][] = [
    ['pods', 'Pod', ''],
    ['pod', 'Pod', ''],
    ['po', 'Pod', ''],
    ['deployments', 'Deployment', 'apps'],
    ['deployment', 'Deployment', 'apps'],
    ['deploy', 'Deployment', 'apps'],
    ['Deployment', 'Deployment', 'apps'],
    ['DEPLOYMENTS', 'Deployment', 'apps'],
    ['DEPLOYMENT', 'Deployment', 'apps'],
    ['Deployment.apps', 'Deployment', 'apps'],
    ['deployment.v1.apps', 'Deployment', 'apps'],
    ['cronjob.v1.batch', 'CronJob', 'batch'],
    ['statefulsets', 'StatefulSet', 'apps'],
    ['sts', 'StatefulSet', 'apps'],
    ['ds', 'DaemonSet', 'apps'],
    ['rs', 'ReplicaSet', 'apps'],
    ['rc', 'ReplicationController', ''],
    ['replicationcontrollers', 'ReplicationController', ''],
    ['jobs', 'Job', 'batch'],
    ['job', 'Job', 'batch'],
    ['cj', 'CronJob', 'batch'],
    ['cronjobs', 'CronJob', 'batch'],
    ['svc', 'Service', ''],
    ['cm', 'ConfigMap', ''],
    ['secrets', 'Secret', ''],
    ['sa', 'ServiceAccount', ''],
    ['ns', 'Namespace', ''],
    ['ing', 'Ingress', 'networking.k8s.io'],
    ['pvc', 'PersistentVolumeClaim', ''],
    ['netpol', 'NetworkPolicy', 'networking.k8s.io'],
    ['hpa', 'HorizontalPodAutoscaler', 'autoscaling'],
    ['pdb', 'PodDisruptionBudget', 'policy'],
    ['roles', 'Role', 'rbac.authorization.k8s.io'],
    ['rolebindings', 'RoleBinding', 'rbac.authorization.k8s.io'],
    ['clusterroles', 'ClusterRole', 'rbac.authorization.k8s.io'],
    ['clusterrolebindings', 'ClusterRoleBinding', 'rbac.authorization.k8s.io'],
    ['crd', 'CustomResourceDefinition', 'apiextensions.k8s.io'],
    ['crds', 'CustomResourceDefinition', 'apiextensions.k8s.io'],
    ['endpoints', 'Endpoints', ''],
    ['deployments.apps', 'Deployment', 'apps'],
    ['deployments.v1.apps', 'Deployment', 'apps'],
    ['deployments.extensions', 'Deployment', 'extensions'],
    [' sts ', 'StatefulSet', 'apps'],
  ];
  it.each(cases)('%j → %s (%j)', (type, kind, group) => {
    expect(resolveType(type)).toEqual({ kind, group });
  });

  // kubectl lowercases resource names but matches short names and groups as typed
  it.each(['widgets', 'widget', 'deployments.example.test', 'deploymentz', 'all', '', 'DEPLOY', 'Deploy', 'STS', 'deployments.APPS'])(
    '%j is not a built-in type',
    (type) => {
      expect(resolveType(type)).toBeUndefined();
    },
  );
});

describe('typeMatchesKind', () => {
  const cases: [string, string, string | undefined, boolean][] = [
    ['deploy', 'Deployment', 'apps/v1', true],
    ['deploy', 'Deployment', 'extensions/v1beta1', true],
    ['deploy', 'Deployment', undefined, true],
    ['deploy', 'StatefulSet', 'apps/v1', false],
    // a custom kind named like a built-in one is not the built-in type
    ['deployments', 'Deployment', 'example.test/v1', false],
    ['deployments.example.test', 'Deployment', 'example.test/v1', true],
    ['deployments.example.test', 'Deployment', 'apps/v1', false],
    ['deployments.apps', 'Deployment', 'extensions/v1beta1', false],
    ['svc', 'Service', 'v1', true],
    ['svc', 'Service', 'serving.knative.dev/v1', false],
    ['po', 'Pod', 'v1', true],
    ['PO', 'Pod', 'v1', false],
    ['Pods', 'Pod', 'v1', true],
    // unknown types: lowercase kind or a naive plural, any case
    ['widget', 'Widget', 'example.test/v1', true],
    ['widgets', 'Widget', 'example.test/v1', true],
    ['Widgets', 'Widget', undefined, true],
    ['widgets.example.test', 'Widget', 'example.test/v1', true],
    ['widgets.v1.example.test', 'Widget', 'example.test/v1', true],
    ['widgets.other.test', 'Widget', 'example.test/v1', false],
    ['gadgets', 'Widget', 'example.test/v1', false],
    ['policies', 'Policy', 'example.test/v1', true],
    ['classes', 'Class', 'example.test/v1', true],
    ['widgetss', 'Widget', 'example.test/v1', false],
  ];
  it.each(cases)('%j names %s of %s: %s', (type, kind, apiVersion, expected) => {
    expect(typeMatchesKind(type, kind, apiVersion)).toBe(expected);
  });
});
