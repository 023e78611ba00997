import { KsetError } from '../errors.js';
import type { ParsedPatch } from '../patch/parse.js';
import type { Step } from '../pipeline.js';
import { schemaForResource, type TypeSchema } from '../schema/patch-meta.js';
import { notFound, selects, type Selection } from '../select/selection.js';
import { applyJsonPatch } from '../transform/json-patch.js';
import { applyMergePatch } from '../transform/merge-patch.js';
import { strategicMerge } from '../transform/strategic-merge.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { describe } from './set-image.js';

/** `kset patch`: `kubectl patch --local` on every selected resource; every other document passes. */
export function patchVerbStep(selection: Selection, patch: ParsedPatch, label: string): Step {
  const found = new Set<number>();
  let any = false;
  return {
    origin: { label },
    failsAtEnd: true, // a selection that matches nothing
    apply(resource) {
      const match = selects(selection, resource);
      if (!match) return resource;
      any = true;
      for (const index of match.named ?? []) found.add(index);
      return withKind(asMap(patchOne(resource, patch), resource), resource);
    },
    finish() {
      const missing = selection.named.findIndex((_, i) => !found.has(i));
      if (missing >= 0) throw notFound(selection.named[missing], selection.namespace);
      if (!any) throw new KsetError('no objects passed to patch: the selection matches no resource of the input');
      return [];
    },
  };
}

function patchOne(resource: JsonObject, patch: ParsedPatch): Json {
  if (patch.type === 'json') return applyJsonPatch(resource, patch.ops, { kubectl: true });
  const [doc] = patch.docs;
  if (patch.type === 'merge') return applyMergePatch(resource, doc);
  const apiVersion = String(resource.apiVersion ?? '');
  const kind = String(resource.kind ?? '');
  const schema = kubectlSchema(apiVersion, kind);
  if (!schema) {
    throw new KsetError(`strategic merge patch is not supported for ${apiVersion}, Kind=${kind} locally, try --type merge`);
  }
  return strategicMerge(resource, doc, schema) ?? {};
}

function asMap(value: Json, resource: JsonObject): JsonObject {
  if (isObject(value)) return value;
  throw new KsetError(`the patch turned ${describe(resource)} into something that is not a map`);
}

/** kubectl decodes the patched object again and fails without a kind (`Object 'Kind' is missing`). */
function withKind(patched: JsonObject, resource: JsonObject): JsonObject {
  if (typeof patched.kind === 'string' && patched.kind !== '') return patched;
  throw new KsetError(`the patch leaves ${describe(resource)} without a kind (kubectl: Object 'Kind' is missing)`);
}

// kubectl's scheme (client-go v1.32) has no apiextensions or apiregistration types: kubectl patch
// --local refuses a strategic merge on a CustomResourceDefinition or an APIService.
const NOT_IN_KUBECTL = new Set(['apiextensions.k8s.io', 'apiregistration.k8s.io']);

// Older versions kubectl's scheme still decodes, with their kinds, and the group whose current
// version holds the same merge keys (extensions/v1beta1 kinds moved to apps and networking.k8s.io).
const RBAC = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const STORAGE = ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment', 'VolumeAttributesClass'];
const RESOURCE = ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'];
const OLDER: Record<string, string[]> = {
  'apps/v1beta1': ['ControllerRevision', 'Deployment', 'StatefulSet'],
  'apps/v1beta2': ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  'extensions/v1beta1': ['DaemonSet', 'Deployment', 'Ingress', 'NetworkPolicy', 'ReplicaSet'],
  'batch/v1beta1': ['CronJob'],
  'autoscaling/v2beta1': ['HorizontalPodAutoscaler'],
  'autoscaling/v2beta2': ['HorizontalPodAutoscaler'],
  'policy/v1beta1': ['PodDisruptionBudget'],
  'networking.k8s.io/v1beta1': ['Ingress', 'IngressClass', 'IPAddress', 'ServiceCIDR'],
  'networking.k8s.io/v1alpha1': ['IPAddress', 'ServiceCIDR'],
  'rbac.authorization.k8s.io/v1beta1': RBAC,
  'rbac.authorization.k8s.io/v1alpha1': RBAC,
  'storage.k8s.io/v1beta1': STORAGE,
  'storage.k8s.io/v1alpha1': ['CSIStorageCapacity', 'VolumeAttachment', 'VolumeAttributesClass'],
  'scheduling.k8s.io/v1beta1': ['PriorityClass'],
  'scheduling.k8s.io/v1alpha1': ['PriorityClass'],
  'node.k8s.io/v1beta1': ['RuntimeClass'],
  'node.k8s.io/v1alpha1': ['RuntimeClass'],
  'discovery.k8s.io/v1beta1': ['EndpointSlice'],
  'events.k8s.io/v1beta1': ['Event'],
  'coordination.k8s.io/v1beta1': ['Lease'],
  'certificates.k8s.io/v1beta1': ['CertificateSigningRequest'],
  'admissionregistration.k8s.io/v1beta1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
  'admissionregistration.k8s.io/v1alpha1': ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
  'flowcontrol.apiserver.k8s.io/v1beta1': ['FlowSchema', 'PriorityLevelConfiguration'],
  'flowcontrol.apiserver.k8s.io/v1beta2': ['FlowSchema', 'PriorityLevelConfiguration'],
  'flowcontrol.apiserver.k8s.io/v1beta3': ['FlowSchema', 'PriorityLevelConfiguration'],
  'resource.k8s.io/v1beta1': RESOURCE,
  'resource.k8s.io/v1alpha3': RESOURCE,
  'storagemigration.k8s.io/v1alpha1': ['StorageVersionMigration'],
};
const CURRENT_VERSIONS = ['v1', 'v2', 'v1beta1'];
const MOVED: Record<string, string> = { Ingress: 'networking.k8s.io', NetworkPolicy: 'networking.k8s.io' };

/** The merge schema kubectl patch --local uses for the kind, or undefined where it refuses a strategic merge. */
export function kubectlSchema(apiVersion: string, kind: string): TypeSchema | undefined {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  if (NOT_IN_KUBECTL.has(group)) return undefined;
  const schema = schemaForResource(apiVersion, kind);
  if (schema || !OLDER[apiVersion]?.includes(kind)) return schema;
  const current = group === 'extensions' ? (MOVED[kind] ?? 'apps') : group;
  for (const version of CURRENT_VERSIONS) {
    const found = schemaForResource(`${current}/${version}`, kind);
    if (found) return found;
  }
  return undefined;
}
