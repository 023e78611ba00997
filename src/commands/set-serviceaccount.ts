import { emptyConfig } from '../config/types.js';
import { COMMON, SELECTION, WRITE_BACK, parse, usage, withoutDryRun } from './args.js';
import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { transformInputs } from './transform.js';

const OPTIONS = { ...COMMON, ...WRITE_BACK, ...SELECTION } as const;

export const HELP = selectionCommandHelp(`kset set serviceaccount: kubectl set serviceaccount, on a stream

Usage:
  kset set serviceaccount SELECTION SERVICE_ACCOUNT [options]
  kset set sa SELECTION SERVICE_ACCOUNT [options]

Sets the service account (serviceAccountName) of the pod spec of the selected workloads (pods,
deployments, daemonsets, statefulsets, replicasets, replication controllers, jobs, cronjobs). An
empty name removes it. A named resource missing from the input is an error.`);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), OPTIONS);
  if (values.help) return HELP;
  if (!positionals.length) throw usage('serviceaccount is required', 'set serviceaccount');
  const name = positionals[positionals.length - 1]!;
  const [{ parseSelection }, { setServiceAccountStep }] = await Promise.all([import('../select/selection.js'), import('../steps/set-serviceaccount.js')]);
  const selection = parseSelection(positionals.slice(0, -1), { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  const options = { steps: [setServiceAccountStep(selection, name)], report: values.report !== undefined };
  return transformInputs(values.filename ?? [], emptyConfig(), options, values, io);
}
