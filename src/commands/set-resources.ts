import { emptyConfig } from '../config/types.js';
import { COMMON, SELECTION, WRITE_BACK, parse, usage, withoutDryRun } from './args.js';
import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { transformInputs } from './transform.js';

const OPTIONS = {
  ...COMMON,
  ...WRITE_BACK,
  ...SELECTION,
  containers: { type: 'string', short: 'c' },
  limits: { type: 'string' },
  requests: { type: 'string' },
} as const;

export const HELP = selectionCommandHelp(
  `kset set resources: kubectl set resources, on a stream

Usage:
  kset set resources SELECTION [-c PATTERN] [--limits=NAME=QTY,...] [--requests=NAME=QTY,...] [options]

Sets resource limits and requests of the containers and init containers of the selected workloads
(pods, deployments, daemonsets, statefulsets, replicasets, replication controllers, jobs, cronjobs),
creating their resources maps where missing. Quantities are checked and written as Kubernetes
writes them (0.5 is 500m, 1.5Gi is 1536Mi); one equal to the quantity there leaves it as written.
A named resource missing from the input, or a workload without a container -c takes, is an error.`,
  `  -c, --containers PATTERN    the containers to change (default *: all; * matches any text)
      --limits LIST           resource limits, e.g. cpu=200m,memory=512Mi
      --requests LIST         resource requests, e.g. cpu=100m,memory=256Mi`,
);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), OPTIONS);
  if (values.help) return HELP;
  if (!values.limits && !values.requests) {
    throw usage('you must specify an update to requests or limits (in the form of --requests/--limits)', 'set resources');
  }
  const [{ parseSelection }, { parseResourceList }, { setResourcesStep }] = await Promise.all([
    import('../select/selection.js'),
    import('../transform/set-resources.js'),
    import('../steps/set-resources.js'),
  ]);
  const selection = parseSelection(positionals, { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  const edit = { containers: values.containers ?? '*', limits: parseResourceList(values.limits ?? ''), requests: parseResourceList(values.requests ?? '') };
  const options = { steps: [setResourcesStep(selection, edit)], report: values.report !== undefined };
  return transformInputs(values.filename ?? [], emptyConfig(), options, values, io);
}
