import { isObject, type Json, type JsonObject } from '../types.js';

/** Namespace as kustomize compares it: `_non_namespaceable_` for cluster-scoped kinds, `default` when unset. */
export function effectiveNamespace(resource: JsonObject): string {
  if (isClusterScoped(text(resource.apiVersion), text(resource.kind))) return NOT_A_NAMESPACE;
  const namespace = isObject(resource.metadata) ? text(resource.metadata.namespace) : '';
  return namespace || 'default';
}

const NOT_A_NAMESPACE = '_non_namespaceable_';

/**
 * The cluster-scoped types kustomize v5.5 knows (its precomputed openapi table, matched on exact
 * apiVersion and kind). Any other type, including newer API versions of these kinds, counts as
 * namespaced there, and so here.
 */
const CLUSTER_SCOPED = new Set(
  [
    'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration ValidatingWebhookConfiguration',
    'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration ValidatingWebhookConfiguration',
    'apiextensions.k8s.io/v1 CustomResourceDefinition',
    'apiextensions.k8s.io/v1beta1 CustomResourceDefinition',
    'apiregistration.k8s.io/v1 APIService',
    'apiregistration.k8s.io/v1beta1 APIService',
    'certificates.k8s.io/v1 CertificateSigningRequest',
    'certificates.k8s.io/v1beta1 CertificateSigningRequest',
    'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema PriorityLevelConfiguration',
    'networking.k8s.io/v1 IngressClass',
    'networking.k8s.io/v1beta1 IngressClass',
    'node.k8s.io/v1 RuntimeClass',
    'node.k8s.io/v1beta1 RuntimeClass',
    'policy/v1beta1 PodSecurityPolicy',
    'rbac.authorization.k8s.io/v1 ClusterRole ClusterRoleBinding',
    'rbac.authorization.k8s.io/v1beta1 ClusterRole ClusterRoleBinding',
    'scheduling.k8s.io/v1 PriorityClass',
    'scheduling.k8s.io/v1beta1 PriorityClass',
    'storage.k8s.io/v1 CSIDriver CSINode StorageClass VolumeAttachment',
    'storage.k8s.io/v1beta1 CSIDriver CSINode StorageClass VolumeAttachment',
    'v1 ComponentStatus Namespace Node NodeProxyOptions PersistentVolume',
  ].flatMap((line) => {
    const [apiVersion, ...kinds] = line.split(' ');
    return kinds.map((kind) => `${apiVersion} ${kind}`);
  }),
);

export function isClusterScoped(apiVersion: string, kind: string): boolean {
  return CLUSTER_SCOPED.has(`${apiVersion} ${kind}`);
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}
