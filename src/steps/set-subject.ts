import type { Step } from '../pipeline.js';
import type { Selection } from '../select/selection.js';
import { addSubjects, type Subject } from '../transform/set-subject.js';
import { verbStep } from './verb.js';

/** `kset set subject`: kubectl's `set subject` on the selected RoleBindings and ClusterRoleBindings. */
export function setSubjectStep(selection: Selection, subjects: Subject[]): Step {
  // kubectl gives `--serviceaccount=:NAME` its namespace: -n, else its context's, `default` offline
  const namespace = selection.namespace ?? 'default';
  return verbStep({
    label: `set subject ${subjects.map(flag).join(' ')}`,
    selection,
    mayHold: (text) => text.includes('RoleBinding') || text.includes('\\'), // an escape may spell the kind
    takes: (resource) => (resource.kind === 'RoleBinding' || resource.kind === 'ClusterRoleBinding') && resource.apiVersion === 'rbac.authorization.k8s.io/v1',
    edit: (resource) => addSubjects(resource, subjects, namespace),
  });
}

function flag(subject: Subject): string {
  if (subject.kind === 'ServiceAccount') return `--serviceaccount=${subject.namespace}:${subject.name}`;
  return `--${subject.kind.toLowerCase()}=${subject.name}`;
}
