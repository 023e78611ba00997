#!/usr/bin/env node
// Generates schemas/patch-meta.json, the compact strategic-merge-patch table kset uses for built-in kinds,
// from the Kubernetes OpenAPI v2 document (swagger.json).
//
//   node scripts/gen-patch-schema.mjs [SWAGGER_JSON]   (default: ../shared/k8s-openapi/swagger.json from the project root)
//
// Table shape:
//   { "kinds": { "apps/v1/Deployment": "apps.v1.Deployment", ... },
//     "types": { "apps.v1.DeploymentSpec": { "template": "core.v1.PodTemplateSpec", "strategy": {...} }, ... } }
// A field is either the name of its (object or list item) type, or an object with
//   t: type name, s: x-kubernetes-patch-strategy, k: x-kubernetes-patch-merge-key,
//   l: x-kubernetes-list-type (atomic is the default and left out), m: x-kubernetes-list-map-keys.
// The field "*" stands for every key of a map (additionalProperties); a field holding a map of typed
// values refers to the synthetic type `map[X]`, whose only field is "*". The field "-" lists, space-separated,
// the type's other fields (scalars, opaque values): a key a type does not name is no field of it.
// A kind whose name starts with "~" (an old API version described by its successor) may hold fields the
// successor lacks: unknown keys are not checked there.
//
// The kinds are those `kubectl patch --local --type strategic` (kubectl v1.32, the conformance oracle) merges
// strategically: the kinds of its Go scheme. kubectl refuses the others ("strategic merge patch is not
// supported ... locally"), and kset merges them as kustomize does (lists replaced), as it does custom
// resources. So the swagger's kinds that kubectl v1.32 lacks are left out (KUBECTL_LACKS: CRDs, APIServices,
// API versions newer than v1.32), and the older API versions it still has, which the swagger no longer
// describes, take the merge metadata of their successor (KUBECTL_OLD_VERSIONS), less the fields whose patch
// strategy or merge key the successor added (`except`: those fields merge as plain maps or atomic lists there;
// each checked against kubectl v1.32).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = process.argv[2] ? resolve(process.argv[2]) : resolve(root, '../shared/k8s-openapi/swagger.json');
const output = resolve(root, 'schemas/patch-meta.json');

const definitions = JSON.parse(readFileSync(input, 'utf8')).definitions;
const REF = '#/definitions/';

/** `io.k8s.api.apps.v1.Deployment` → `apps.v1.Deployment`; falls back to the full name on a clash. */
function shortNames(names) {
  const short = (n) => {
    if (n.startsWith('map[')) return `map[${short(n.slice(4, -1))}]`;
    return n
      .replace(/^io\.k8s\./, '')
      .replace(/^api\./, '')
      .replace(/^[^.]+\.pkg\.apis\./, '');
  };
  const count = new Map();
  for (const n of names) count.set(short(n), (count.get(short(n)) ?? 0) + 1);
  return new Map(names.map((n) => [n, count.get(short(n)) === 1 ? short(n) : n]));
}

/** The definition a property points to, directly or through `items`; `map[X]` through `additionalProperties`. */
function refOf(prop) {
  const name = (target) => (target?.startsWith(REF) ? target.slice(REF.length) : undefined);
  const direct = name(prop.$ref ?? prop.items?.$ref ?? prop.allOf?.[0]?.$ref);
  if (direct) return direct;
  const values = name(prop.additionalProperties?.$ref ?? prop.additionalProperties?.items?.$ref);
  return values ? `map[${values}]` : undefined;
}

/** The merge metadata of a property, without its type. */
function metaOf(prop) {
  const meta = {};
  if (prop['x-kubernetes-patch-strategy']) meta.s = prop['x-kubernetes-patch-strategy'];
  if (prop['x-kubernetes-patch-merge-key']) meta.k = prop['x-kubernetes-patch-merge-key'];
  const listType = prop['x-kubernetes-list-type'];
  if (listType && listType !== 'atomic') meta.l = listType;
  if (prop['x-kubernetes-list-map-keys']) meta.m = prop['x-kubernetes-list-map-keys'];
  return meta;
}

/** Raw fields of a definition: name → { ref, meta }; `*` for a typed additionalProperties. */
function rawFields(def) {
  const fields = {};
  for (const [name, prop] of Object.entries(def.properties ?? {})) {
    fields[name] = { ref: refOf(prop), meta: metaOf(prop) };
  }
  if (def.additionalProperties && typeof def.additionalProperties === 'object') {
    fields['*'] = { ref: refOf(def.additionalProperties), meta: {} };
  }
  return fields;
}

/** A definition, or the synthetic `map[X]` definition for a map of X. */
function definition(name) {
  const values = /^map\[(.*)\]$/.exec(name)?.[1];
  return values ? { additionalProperties: { $ref: REF + values } } : definitions[name];
}

/** Kinds of the swagger that kubectl v1.32's scheme lacks: a whole group, a group/version, or one kind (and its List). */
const KUBECTL_LACKS = [
  'admission.k8s.io/',
  'apiextensions.k8s.io/',
  'apiregistration.k8s.io/',
  'imagepolicy.k8s.io/',
  'resource.k8s.io/v1/',
  'resource.k8s.io/v1beta2/',
  'scheduling.k8s.io/v1alpha2/',
  'storagemigration.k8s.io/v1beta1/',
  'admissionregistration.k8s.io/v1/MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1/MutatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1beta1/MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1beta1/MutatingAdmissionPolicyBinding',
  'certificates.k8s.io/v1beta1/ClusterTrustBundle',
  'certificates.k8s.io/v1beta1/PodCertificateRequest',
  'coordination.k8s.io/v1beta1/LeaseCandidate',
  'networking.k8s.io/v1/IPAddress',
  'networking.k8s.io/v1/ServiceCIDR',
  'resource.k8s.io/v1alpha3/DeviceTaintRule',
  'resource.k8s.io/v1alpha3/ResourcePoolStatusRequest',
  'storage.k8s.io/v1/VolumeAttributesClass',
];

/** Older API versions kubectl v1.32 still merges strategically, each with the swagger kind whose metadata it shares. */
const KUBECTL_OLD_VERSIONS = {
  'admissionregistration.k8s.io/v1alpha1/ValidatingAdmissionPolicy': 'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1alpha1/ValidatingAdmissionPolicyBinding': 'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration': 'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1/ValidatingAdmissionPolicy': 'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1beta1/ValidatingAdmissionPolicyBinding': 'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration': 'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
  'apps/v1beta1/ControllerRevision': 'apps/v1/ControllerRevision',
  'apps/v1beta1/Deployment': 'apps/v1/Deployment',
  'apps/v1beta1/StatefulSet': 'apps/v1/StatefulSet',
  'apps/v1beta2/ControllerRevision': 'apps/v1/ControllerRevision',
  'apps/v1beta2/DaemonSet': 'apps/v1/DaemonSet',
  'apps/v1beta2/Deployment': 'apps/v1/Deployment',
  'apps/v1beta2/ReplicaSet': 'apps/v1/ReplicaSet',
  'apps/v1beta2/StatefulSet': 'apps/v1/StatefulSet',
  'authentication.k8s.io/v1alpha1/SelfSubjectReview': 'authentication.k8s.io/v1/SelfSubjectReview',
  'authentication.k8s.io/v1beta1/SelfSubjectReview': 'authentication.k8s.io/v1/SelfSubjectReview',
  'authentication.k8s.io/v1beta1/TokenReview': 'authentication.k8s.io/v1/TokenReview',
  'authorization.k8s.io/v1beta1/LocalSubjectAccessReview': 'authorization.k8s.io/v1/LocalSubjectAccessReview',
  'authorization.k8s.io/v1beta1/SelfSubjectAccessReview': 'authorization.k8s.io/v1/SelfSubjectAccessReview',
  'authorization.k8s.io/v1beta1/SelfSubjectRulesReview': 'authorization.k8s.io/v1/SelfSubjectRulesReview',
  'authorization.k8s.io/v1beta1/SubjectAccessReview': 'authorization.k8s.io/v1/SubjectAccessReview',
  'autoscaling/v2beta1/HorizontalPodAutoscaler': { like: 'autoscaling/v2/HorizontalPodAutoscaler', except: ['status.conditions'] },
  'autoscaling/v2beta2/HorizontalPodAutoscaler': { like: 'autoscaling/v2/HorizontalPodAutoscaler', except: ['status.conditions'] },
  'batch/v1beta1/CronJob': 'batch/v1/CronJob',
  'certificates.k8s.io/v1beta1/CertificateSigningRequest': 'certificates.k8s.io/v1/CertificateSigningRequest',
  'coordination.k8s.io/v1beta1/Lease': 'coordination.k8s.io/v1/Lease',
  'discovery.k8s.io/v1beta1/EndpointSlice': 'discovery.k8s.io/v1/EndpointSlice',
  'events.k8s.io/v1beta1/Event': 'events.k8s.io/v1/Event',
  'extensions/v1beta1/DaemonSet': 'apps/v1/DaemonSet',
  'extensions/v1beta1/Deployment': 'apps/v1/Deployment',
  'extensions/v1beta1/Ingress': 'networking.k8s.io/v1/Ingress',
  'extensions/v1beta1/NetworkPolicy': 'networking.k8s.io/v1/NetworkPolicy',
  'extensions/v1beta1/ReplicaSet': 'apps/v1/ReplicaSet',
  'flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema': { like: 'flowcontrol.apiserver.k8s.io/v1/FlowSchema', except: ['status.conditions'] },
  'flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration': {
    like: 'flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration',
    except: ['status.conditions'],
  },
  'flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema': { like: 'flowcontrol.apiserver.k8s.io/v1/FlowSchema', except: ['status.conditions'] },
  'flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfiguration': {
    like: 'flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration',
    except: ['status.conditions'],
  },
  'flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema': 'flowcontrol.apiserver.k8s.io/v1/FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfiguration': 'flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration',
  'networking.k8s.io/v1alpha1/IPAddress': 'networking.k8s.io/v1beta1/IPAddress',
  'networking.k8s.io/v1alpha1/ServiceCIDR': 'networking.k8s.io/v1beta1/ServiceCIDR',
  'networking.k8s.io/v1beta1/Ingress': 'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1beta1/IngressClass': 'networking.k8s.io/v1/IngressClass',
  'node.k8s.io/v1alpha1/RuntimeClass': 'node.k8s.io/v1/RuntimeClass',
  'node.k8s.io/v1beta1/RuntimeClass': 'node.k8s.io/v1/RuntimeClass',
  'policy/v1beta1/Eviction': 'policy/v1/Eviction',
  'policy/v1beta1/PodDisruptionBudget': { like: 'policy/v1/PodDisruptionBudget', except: ['spec.selector'] },
  'rbac.authorization.k8s.io/v1alpha1/ClusterRole': 'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1alpha1/ClusterRoleBinding': 'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1alpha1/Role': 'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1alpha1/RoleBinding': 'rbac.authorization.k8s.io/v1/RoleBinding',
  'rbac.authorization.k8s.io/v1beta1/ClusterRole': 'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding': 'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1beta1/Role': 'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1beta1/RoleBinding': 'rbac.authorization.k8s.io/v1/RoleBinding',
  'resource.k8s.io/v1alpha3/DeviceClass': 'resource.k8s.io/v1beta1/DeviceClass',
  'resource.k8s.io/v1alpha3/ResourceClaim': 'resource.k8s.io/v1beta1/ResourceClaim',
  'resource.k8s.io/v1alpha3/ResourceClaimTemplate': 'resource.k8s.io/v1beta1/ResourceClaimTemplate',
  'resource.k8s.io/v1alpha3/ResourceSlice': 'resource.k8s.io/v1beta1/ResourceSlice',
  'scheduling.k8s.io/v1alpha1/PriorityClass': 'scheduling.k8s.io/v1/PriorityClass',
  'scheduling.k8s.io/v1beta1/PriorityClass': 'scheduling.k8s.io/v1/PriorityClass',
  'storage.k8s.io/v1alpha1/CSIStorageCapacity': 'storage.k8s.io/v1/CSIStorageCapacity',
  'storage.k8s.io/v1alpha1/VolumeAttachment': 'storage.k8s.io/v1/VolumeAttachment',
  'storage.k8s.io/v1alpha1/VolumeAttributesClass': 'storage.k8s.io/v1beta1/VolumeAttributesClass',
  'storage.k8s.io/v1beta1/CSIDriver': 'storage.k8s.io/v1/CSIDriver',
  'storage.k8s.io/v1beta1/CSINode': 'storage.k8s.io/v1/CSINode',
  'storage.k8s.io/v1beta1/CSIStorageCapacity': 'storage.k8s.io/v1/CSIStorageCapacity',
  'storage.k8s.io/v1beta1/StorageClass': 'storage.k8s.io/v1/StorageClass',
  'storage.k8s.io/v1beta1/VolumeAttachment': 'storage.k8s.io/v1/VolumeAttachment',
  'storagemigration.k8s.io/v1alpha1/StorageVersionMigration': 'storagemigration.k8s.io/v1beta1/StorageVersionMigration',
};

function kubectlLacks(gvk) {
  return KUBECTL_LACKS.some((p) => (p.endsWith('/') ? gvk.startsWith(p) : gvk === p || gvk === `${p}List`));
}

// Kinds and the definitions reachable from them.
const swaggerKinds = {};
for (const [name, def] of Object.entries(definitions)) {
  for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
    swaggerKinds[`${gvk.group ? gvk.group + '/' : ''}${gvk.version}/${gvk.kind}`] = name;
  }
}
const kinds = Object.fromEntries(Object.entries(swaggerKinds).filter(([gvk]) => !kubectlLacks(gvk)));
for (const [gvk, alias] of Object.entries(KUBECTL_OLD_VERSIONS)) {
  const successor = typeof alias === 'string' ? alias : alias.like;
  if (kinds[gvk]) throw new Error(`${gvk} is in the swagger: drop it from KUBECTL_OLD_VERSIONS`);
  if (!swaggerKinds[successor]) throw new Error(`${successor}, successor of ${gvk}, is not in the swagger`);
  kinds[gvk] = swaggerKinds[successor];
}
const reachable = new Set();
const stack = Object.values(kinds);
while (stack.length) {
  const name = stack.pop();
  if (reachable.has(name) || !definition(name)) continue;
  reachable.add(name);
  for (const { ref } of Object.values(rawFields(definition(name)))) if (ref) stack.push(ref);
}

// Every object type reachable from a kind gets an entry, so that a field kubectl's Go types lack is known to
// be unknown (kubectl fails where it must merge into one). Types without properties (RawExtension, Quantity,
// IntOrString, Time ...) get none: they are opaque or scalar.
const fieldsOf = new Map([...reachable].map((n) => [n, rawFields(definition(n))]));
const hasEntry = (name) => name !== undefined && fieldsOf.has(name) && Object.keys(fieldsOf.get(name)).length > 0;

const names = shortNames([...reachable].sort());
const types = {};
for (const name of [...reachable].filter(hasEntry).sort()) {
  const entry = {};
  const plain = [];
  for (const [field, { ref, meta }] of Object.entries(fieldsOf.get(name)).sort(([a], [b]) => cmp(a, b))) {
    const type = hasEntry(ref) ? names.get(ref) : undefined;
    if (!type && !Object.keys(meta).length) plain.push(field);
    else entry[field] = Object.keys(meta).length ? sortKeys({ ...meta, ...(type ? { t: type } : {}) }) : type;
  }
  if (plain.length) entry['-'] = plain.join(' ');
  types[names.get(name)] = sortKeys(entry);
}
// Every kind gets an entry, even one whose type holds nothing that matters: a known kind is merged with
// apimachinery's rules, an unknown one with kustomize's.
const kindTable = {};
for (const gvk of Object.keys(kinds).sort(cmp)) {
  const type = names.get(kinds[gvk]);
  kindTable[gvk] = type;
  types[type] ??= {};
}

// Old versions with `except` get their own copies of the types on the way to each excepted field.
for (const [gvk, alias] of Object.entries(KUBECTL_OLD_VERSIONS)) {
  const version = gvk.split('/').slice(-2, -1)[0];
  for (const path of typeof alias === 'string' ? [] : alias.except) kindTable[gvk] = without(kindTable[gvk], path.split('.'), version);
  kindTable[gvk] = `~${kindTable[gvk]}`;
}

/** A copy of type `name` (named for `version`) in which the field at `path` carries no merge metadata. */
function without(name, path, version) {
  const copy = `${name}@${version}`;
  const entry = { ...(types[copy] ?? types[name]) };
  const [field, ...rest] = path;
  const value = entry[field];
  if (value === undefined) throw new Error(`except: ${name} has no field ${field} with merge metadata`);
  const type = typeof value === 'string' ? value : value.t;
  if (rest.length) {
    if (!type) throw new Error(`except: ${name}.${field} leads to no type`);
    const derived = without(type, rest, version);
    entry[field] = typeof value === 'string' ? derived : { ...value, t: derived };
  } else if (type) entry[field] = type;
  else {
    delete entry[field];
    entry['-'] = [...(entry['-']?.split(' ') ?? []), field].sort(cmp).join(' ');
  }
  types[copy] = sortKeys(entry);
  return copy;
}

const table = { kinds: kindTable, types: sortKeys(types) };
writeFileSync(output, JSON.stringify(table) + '\n');
console.log(
  `${output}: ${Object.keys(kindTable).length} kinds, ${Object.keys(types).length} types, ` + `${(JSON.stringify(table).length / 1024).toFixed(1)} KB`,
);

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => cmp(a, b)));
}
