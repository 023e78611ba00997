import { describe, expect, it } from 'vitest';
import { effectiveNamespace, isClusterScoped } from './scope.js';

describe('scope', () => {
  it('knows the cluster-scoped types kustomize v5.5 knows, by exact apiVersion', () => {
    expect(isClusterScoped('v1', 'Namespace')).toBe(true);
    expect(isClusterScoped('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toBe(true);
    expect(isClusterScoped('storage.k8s.io/v1', 'StorageClass')).toBe(true);
    expect(isClusterScoped('example.com/v1', 'Namespace')).toBe(false);
    expect(isClusterScoped('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema')).toBe(false);
    expect(isClusterScoped('v1', 'ConfigMap')).toBe(false);
  });

  it('gives the effective namespace', () => {
    expect(effectiveNamespace({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } })).toBe('shop');
    expect(effectiveNamespace({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' } })).toBe('default');
    expect(effectiveNamespace({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r', namespace: 'shop' } })).toBe(
      '_non_namespaceable_',
    );
  });
});
