import { KsetError } from '../errors.js';
import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';

/** `kubectl set subject`'s flags: `--user`, `--group`, `--serviceaccount=NAMESPACE:NAME` (repeatable). */
export interface SubjectFlags {
  users: string[];
  groups: string[];
  serviceAccounts: string[];
}

export interface Subject {
  kind: 'User' | 'Group' | 'ServiceAccount';
  apiGroup?: string;
  name: string;
  /** Empty for `:NAME`: the namespace kubectl defaults to, which a ClusterRoleBinding refuses. */
  namespace?: string;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_VERSION = `${RBAC_GROUP}/v1`;

/**
 * The subjects the flags name, in kubectl's order: users, groups, then service accounts, each sorted
 * and without repeats; a service account must be `NAMESPACE:NAME` with a name.
 */
export function parseSubjects(flags: SubjectFlags): Subject[] {
  if (!flags.users.length && !flags.groups.length && !flags.serviceAccounts.length) {
    throw new KsetError('you must specify at least one value of user, group or serviceaccount');
  }
  const sorted = (values: string[]) => [...new Set(values)].sort();
  const subjects: Subject[] = [];
  for (const user of sorted(flags.users)) subjects.push({ kind: 'User', apiGroup: RBAC_GROUP, name: user });
  for (const group of sorted(flags.groups)) subjects.push({ kind: 'Group', apiGroup: RBAC_GROUP, name: group });
  for (const account of sorted(flags.serviceAccounts)) {
    const tokens = account.split(':');
    if (tokens.length !== 2 || tokens[1] === '') throw new KsetError('serviceaccount must be <namespace>:<name>');
    subjects.push({ kind: 'ServiceAccount', name: tokens[1]!, namespace: tokens[0]! });
  }
  return subjects;
}

/**
 * `kubectl set subject` on a RoleBinding or ClusterRoleBinding (rbac.authorization.k8s.io/v1, the
 * version kubectl's command knows): appends each subject the binding does not have. kubectl compares
 * all four fields as its Go types hold them, so an existing `{kind: User, name: alice}` without
 * apiGroup is not the `--user=alice` subject, which is added beside it. A service account without
 * namespace takes `namespace` (kubectl: the -n namespace, else `default`).
 */
export function addSubjects(binding: JsonObject, subjects: Subject[], namespace: string): JsonObject {
  const kind = binding.kind;
  if ((kind !== 'RoleBinding' && kind !== 'ClusterRoleBinding') || binding.apiVersion !== RBAC_VERSION) {
    throw new KsetError('setting subjects is only supported for RoleBinding/ClusterRoleBinding');
  }
  if (kind === 'ClusterRoleBinding' && subjects.some((s) => s.kind === 'ServiceAccount' && s.namespace === '')) {
    throw new KsetError('serviceaccount must be <namespace>:<name>, namespace must be specified');
  }
  const existing: Json[] = Array.isArray(binding.subjects) ? binding.subjects : [];
  const added = subjects
    .map((subject) => (subject.kind === 'ServiceAccount' && subject.namespace === '' ? { ...subject, namespace } : subject))
    .filter((subject) => !existing.some((item) => isObject(item) && sameSubject(item, subject)));
  if (!added.length) return binding;
  return { ...binding, subjects: [...existing, ...added.map(written)] };
}

function sameSubject(item: JsonObject, subject: Subject): boolean {
  const field = (value: Json | undefined) => (typeof value === 'string' ? value : '');
  return (
    field(item.kind) === subject.kind &&
    field(item.apiGroup) === (subject.apiGroup ?? '') &&
    field(item.name) === subject.name &&
    field(item.namespace) === (subject.namespace ?? '')
  );
}

/** The subject as kubectl writes it: empty fields left out. */
function written(subject: Subject): JsonObject {
  const result: WritableJsonObject = { kind: subject.kind };
  if (subject.apiGroup) result.apiGroup = subject.apiGroup;
  result.name = subject.name;
  if (subject.namespace) result.namespace = subject.namespace;
  return result;
}
