import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { addSubjects, parseSubjects, type SubjectFlags } from './set-subject.js';

// As kubectl v1.32 set subject --local -f F … -o yaml.

const flags = (partial: Partial<SubjectFlags>): SubjectFlags => ({ users: [], groups: [], serviceAccounts: [], ...partial });
const binding = (subjects?: JsonObject[], kind = 'RoleBinding'): JsonObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: { name: 'readers', namespace: 'shop' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
  ...(subjects ? { subjects } : {}),
});
const rbac = 'rbac.authorization.k8s.io';

describe('parseSubjects', () => {
  it('orders users, groups then service accounts, each sorted, without repeats', () => {
    expect(parseSubjects(flags({ serviceAccounts: ['b:x', 'a:y'], groups: ['devs'], users: ['bob', 'alice', 'bob'] }))).toEqual([
      { kind: 'User', apiGroup: rbac, name: 'alice' },
      { kind: 'User', apiGroup: rbac, name: 'bob' },
      { kind: 'Group', apiGroup: rbac, name: 'devs' },
      { kind: 'ServiceAccount', name: 'y', namespace: 'a' },
      { kind: 'ServiceAccount', name: 'x', namespace: 'b' },
    ]);
  });

  it.each([
    [flags({}), /^you must specify at least one value of user, group or serviceaccount$/],
    [flags({ serviceAccounts: ['ci'] }), /^serviceaccount must be <namespace>:<name>$/],
    [flags({ serviceAccounts: ['a:b:c'] }), /^serviceaccount must be <namespace>:<name>$/],
    [flags({ serviceAccounts: ['a:'] }), /^serviceaccount must be <namespace>:<name>$/],
  ])('%j is an error', (given, message) => expect(() => parseSubjects(given)).toThrow(message));
});

describe('addSubjects', () => {
  it('appends the subjects the binding lacks, as kubectl writes them', () => {
    const result = addSubjects(
      binding([{ kind: 'User', apiGroup: rbac, name: 'alice' }]),
      parseSubjects(flags({ users: ['alice', 'bob'], serviceAccounts: ['shop:ci'] })),
      'default',
    );
    expect(result.subjects).toEqual([
      { kind: 'User', apiGroup: rbac, name: 'alice' },
      { kind: 'User', apiGroup: rbac, name: 'bob' },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'shop' },
    ]);
  });

  it('creates the list', () => {
    expect(addSubjects(binding(), parseSubjects(flags({ groups: ['devs'] })), 'default').subjects).toEqual([{ kind: 'Group', apiGroup: rbac, name: 'devs' }]);
  });

  it('returns the binding itself when it has every subject', () => {
    const input = binding([
      { apiGroup: rbac, kind: 'Group', name: 'devs' },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'shop' },
    ]);
    expect(addSubjects(input, parseSubjects(flags({ groups: ['devs'], serviceAccounts: ['shop:ci'] })), 'default')).toBe(input);
  });

  // kubectl compares the Go structs: an apiGroup missing there is not rbac.authorization.k8s.io
  it('adds a user beside the same user written without apiGroup', () => {
    const result = addSubjects(binding([{ kind: 'User', name: 'alice' }]), parseSubjects(flags({ users: ['alice'] })), 'default');
    expect(result.subjects).toEqual([
      { kind: 'User', name: 'alice' },
      { kind: 'User', apiGroup: rbac, name: 'alice' },
    ]);
  });

  it('gives :NAME the namespace it is given (kubectl: -n, else default)', () => {
    expect(addSubjects(binding(), parseSubjects(flags({ serviceAccounts: [':ci'] })), 'default').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'ci', namespace: 'default' },
    ]);
  });

  it('refuses :NAME on a ClusterRoleBinding', () => {
    expect(() => addSubjects(binding(undefined, 'ClusterRoleBinding'), parseSubjects(flags({ serviceAccounts: [':ci'] })), 'default')).toThrow(
      'serviceaccount must be <namespace>:<name>, namespace must be specified',
    );
  });

  it.each([
    ['a Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' } }],
    // kubectl's command knows rbac.authorization.k8s.io/v1 alone
    ['a v1beta1 RoleBinding', { ...binding(), apiVersion: 'rbac.authorization.k8s.io/v1beta1' }],
  ])('refuses %s', (_, resource) => {
    expect(() => addSubjects(resource, parseSubjects(flags({ users: ['bob'] })), 'default')).toThrow(
      'setting subjects is only supported for RoleBinding/ClusterRoleBinding',
    );
  });
});
