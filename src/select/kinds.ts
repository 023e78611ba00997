/** A kubectl resource type resolved to its kind and API group (`` for the core group). */
export interface ResolvedType {
  kind: string;
  group?: string;
}

interface BuiltinType {
  kind: string;
  /** The group kubectl resolves the type to, then older groups that served the same kind. */
  groups: string[];
  plural: string;
  short: string[];
}

// `kubectl api-resources` of a v1.32 cluster (the singular is the lowercase kind).
const BUILTIN: BuiltinType[] = [
  t('', 'Binding', 'bindings'),
  t('', 'ComponentStatus', 'componentstatuses', 'cs'),
  t('', 'ConfigMap', 'configmaps', 'cm'),
  t('', 'Endpoints', 'endpoints', 'ep'),
  t('', 'Event', 'events', 'ev'),
  t('', 'LimitRange', 'limitranges', 'limits'),
  t('', 'Namespace', 'namespaces', 'ns'),
  t('', 'Node', 'nodes', 'no'),
  t('', 'PersistentVolumeClaim', 'persistentvolumeclaims', 'pvc'),
  t('', 'PersistentVolume', 'persistentvolumes', 'pv'),
  t('', 'Pod', 'pods', 'po'),
  t('', 'PodTemplate', 'podtemplates'),
  t('', 'ReplicationController', 'replicationcontrollers', 'rc'),
  t('', 'ResourceQuota', 'resourcequotas', 'quota'),
  t('', 'Secret', 'secrets'),
  t('', 'ServiceAccount', 'serviceaccounts', 'sa'),
  t('', 'Service', 'services', 'svc'),
  t('admissionregistration.k8s.io', 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations'),
  t('admissionregistration.k8s.io', 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies'),
  t('admissionregistration.k8s.io', 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings'),
  t('admissionregistration.k8s.io', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations'),
  t('apiextensions.k8s.io', 'CustomResourceDefinition', 'customresourcedefinitions', 'crd', 'crds'),
  t('apiregistration.k8s.io', 'APIService', 'apiservices'),
  t('apps', 'ControllerRevision', 'controllerrevisions'),
  t('apps,extensions', 'DaemonSet', 'daemonsets', 'ds'),
  t('apps,extensions', 'Deployment', 'deployments', 'deploy'),
  t('apps,extensions', 'ReplicaSet', 'replicasets', 'rs'),
  t('apps', 'StatefulSet', 'statefulsets', 'sts'),
  t('authentication.k8s.io', 'SelfSubjectReview', 'selfsubjectreviews'),
  t('authentication.k8s.io', 'TokenReview', 'tokenreviews'),
  t('authorization.k8s.io', 'LocalSubjectAccessReview', 'localsubjectaccessreviews'),
  t('authorization.k8s.io', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews'),
  t('authorization.k8s.io', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews'),
  t('authorization.k8s.io', 'SubjectAccessReview', 'subjectaccessreviews'),
  t('autoscaling', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'hpa'),
  t('batch', 'CronJob', 'cronjobs', 'cj'),
  t('batch', 'Job', 'jobs'),
  t('certificates.k8s.io', 'CertificateSigningRequest', 'certificatesigningrequests', 'csr'),
  t('coordination.k8s.io', 'Lease', 'leases'),
  t('discovery.k8s.io', 'EndpointSlice', 'endpointslices'),
  t('flowcontrol.apiserver.k8s.io', 'FlowSchema', 'flowschemas'),
  t('flowcontrol.apiserver.k8s.io', 'PriorityLevelConfiguration', 'prioritylevelconfigurations'),
  t('networking.k8s.io', 'IngressClass', 'ingressclasses'),
  t('networking.k8s.io,extensions', 'Ingress', 'ingresses', 'ing'),
  t('networking.k8s.io,extensions', 'NetworkPolicy', 'networkpolicies', 'netpol'),
  t('node.k8s.io', 'RuntimeClass', 'runtimeclasses'),
  t('policy', 'PodDisruptionBudget', 'poddisruptionbudgets', 'pdb'),
  t('rbac.authorization.k8s.io', 'ClusterRoleBinding', 'clusterrolebindings'),
  t('rbac.authorization.k8s.io', 'ClusterRole', 'clusterroles'),
  t('rbac.authorization.k8s.io', 'RoleBinding', 'rolebindings'),
  t('rbac.authorization.k8s.io', 'Role', 'roles'),
  t('scheduling.k8s.io', 'PriorityClass', 'priorityclasses', 'pc'),
  t('storage.k8s.io', 'CSIDriver', 'csidrivers'),
  t('storage.k8s.io', 'CSINode', 'csinodes'),
  t('storage.k8s.io', 'CSIStorageCapacity', 'csistoragecapacities'),
  t('storage.k8s.io', 'StorageClass', 'storageclasses', 'sc'),
  t('storage.k8s.io', 'VolumeAttachment', 'volumeattachments'),
];

function t(groups: string, kind: string, plural: string, ...short: string[]): BuiltinType {
  return { kind, groups: groups.split(','), plural, short };
}

/** Plural and singular names of the built-in types (kubectl lowercases these) → the type. */
const BY_NAME = new Map<string, BuiltinType>();
/** Short names, which kubectl matches exactly as typed (`deploy`, never `DEPLOY`). */
const BY_SHORT_NAME = new Map<string, BuiltinType>();
for (const type of BUILTIN) {
  for (const name of [type.plural, type.kind.toLowerCase()]) BY_NAME.set(name, type);
  for (const name of type.short) BY_SHORT_NAME.set(name, type);
}

/** Every name kubectl knows a built-in type by: plural, singular and short names. */
export function builtinTypeNames(): Iterable<string> {
  return [...BY_NAME.keys(), ...BY_SHORT_NAME.keys()];
}

const VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/;

/**
 * `deployments.v1.apps` / `deployments.apps` / `deployments` → name and (optional) group. The
 * group stays as typed: kubectl matches it exactly.
 */
function splitType(type: string): { name: string; group?: string } {
  const trimmed = type.trim();
  const dot = trimmed.indexOf('.');
  if (dot < 0) return { name: trimmed };
  let group = trimmed.slice(dot + 1);
  const versionDot = group.indexOf('.');
  if (versionDot > 0 && VERSION.test(group.slice(0, versionDot))) group = group.slice(versionDot + 1);
  return { name: trimmed.slice(0, dot), group };
}

/** kubectl's RESTMapper: resource names in any case, short names exactly as typed. */
function builtinFor(type: string): { builtin: BuiltinType; group?: string } | undefined {
  const { name, group } = splitType(type);
  const builtin = BY_NAME.get(name.toLowerCase()) ?? BY_SHORT_NAME.get(name);
  if (!builtin || (group !== undefined && !builtin.groups.includes(group))) return undefined;
  return { builtin, group };
}

/**
 * A built-in kubectl resource type (plural or singular name in any case, or short name, optionally
 * `TYPE.GROUP` or `TYPE.VERSION.GROUP`) → its kind and group. Undefined for any other type: a
 * custom resource's type can only be matched against documents (`typeMatchesKind`).
 */
export function resolveType(type: string): ResolvedType | undefined {
  const found = builtinFor(type);
  if (!found) return undefined;
  return { kind: found.builtin.kind, group: found.group ?? found.builtin.groups[0]! };
}

/**
 * Whether the type names documents of `kind` (and, when `apiVersion` is given, of its group).
 * A built-in type names its kind in its group, or in the older groups that served it
 * (`deployments` is also an `extensions/v1beta1` Deployment). Any other type names a kind whose
 * lowercase name is the type or a naive plural of it (`widget`, `widgets` → Widget; `policies` →
 * Policy; `classes` → Class), in the group after a dot if there is one (`widgets.example.com`).
 */
export function typeMatchesKind(type: string, kind: string, apiVersion?: string): boolean {
  const group = apiVersion === undefined ? undefined : groupOfApiVersion(apiVersion);
  const found = builtinFor(type);
  if (found) {
    if (found.builtin.kind !== kind) return false;
    if (group === undefined) return true;
    return found.group !== undefined ? found.group === group : found.builtin.groups.includes(group);
  }
  const { name, group: wanted } = splitType(type);
  if (wanted !== undefined && group !== undefined && wanted !== group) return false;
  return namesKind(name.toLowerCase(), kind.toLowerCase());
}

function namesKind(name: string, kind: string): boolean {
  if (name === kind || name === kind + 's' || name === kind + 'es') return true;
  return kind.endsWith('y') && name === kind.slice(0, -1) + 'ies';
}

function groupOfApiVersion(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
