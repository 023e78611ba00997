import { emptyConfig } from '../config/types.js';
import { COMMON, SELECTION, WRITE_BACK, parse, withoutDryRun } from './args.js';
import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { transformInputs } from './transform.js';

const OPTIONS = {
  ...COMMON,
  ...WRITE_BACK,
  ...SELECTION,
  user: { type: 'string', multiple: true },
  group: { type: 'string', multiple: true },
  serviceaccount: { type: 'string', multiple: true },
} as const;

export const HELP = selectionCommandHelp(
  `kset set subject: kubectl set subject, on a stream

Usage:
  kset set subject SELECTION [--user=NAME] [--group=NAME] [--serviceaccount=NAMESPACE:NAME] [options]

Adds users, groups and service accounts to the subjects of the selected RoleBindings and
ClusterRoleBindings (rbac.authorization.k8s.io/v1), each once: a subject already there is not added
again (as in kubectl, one written without its apiGroup is another subject). A service account
without namespace (:NAME) takes -n's, else default; a ClusterRoleBinding refuses it. Another kind
named is an error, as is a named resource missing from the input.`,
  `      --user NAME             a user to bind (repeatable)
      --group NAME            a group to bind (repeatable)
      --serviceaccount NAMESPACE:NAME
                              a service account to bind (repeatable)`,
);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), OPTIONS);
  if (values.help) return HELP;
  const [{ parseSelection }, { parseSubjects }, { setSubjectStep }] = await Promise.all([
    import('../select/selection.js'),
    import('../transform/set-subject.js'),
    import('../steps/set-subject.js'),
  ]);
  const subjects = parseSubjects({ users: values.user ?? [], groups: values.group ?? [], serviceAccounts: values.serviceaccount ?? [] });
  const selection = parseSelection(positionals, { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  const options = { steps: [setSubjectStep(selection, subjects)], report: values.report !== undefined };
  return transformInputs(values.filename ?? [], emptyConfig(), options, values, io);
}
