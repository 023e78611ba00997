import { emptyConfig } from '../config/types.js';
import { COMMON, SELECTION, WRITE_BACK, parse, usage, withoutDryRun } from './args.js';
import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { transformInputs } from './transform.js';

const OPTIONS = { ...COMMON, ...WRITE_BACK, ...SELECTION } as const;

export const HELP = selectionCommandHelp(`kset set image: kubectl set image, on a stream

Usage:
  kset set image SELECTION CONTAINER=IMAGE... [options]

Sets the image of the named containers and init containers (* for all of them) of the selected
workloads (pods, deployments, daemonsets, statefulsets, replicasets, replication controllers, jobs,
cronjobs). CONTAINER= removes the image. A named resource or container missing from the input is an
error, as in kubectl.`);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), OPTIONS);
  if (values.help) return HELP;
  const { resources, pairs } = resourcesAndPairs(positionals);
  const [{ parseSelection }, { setImageStep }] = await Promise.all([import('../select/selection.js'), import('../steps/set-image.js')]);
  const selection = parseSelection(resources, { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  const options = { steps: [setImageStep(selection, pairs)], report: values.report !== undefined };
  return transformInputs(values.filename ?? [], emptyConfig(), options, values, io);
}

/**
 * kubectl's GetResourcesAndPairs and ParsePairs: an argument with `=` (not first) or ending in `-`
 * starts the pairs; every resource comes before them; `NAME-` (kubectl's removal form) is no image.
 */
export function resourcesAndPairs(args: string[]): { resources: string[]; pairs: { container: string; image: string }[] } {
  const resources: string[] = [];
  const pairs: { container: string; image: string }[] = [];
  for (const arg of args) {
    const isPair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (!isPair) {
      if (pairs.length) throw usage(`all resources must be specified before image changes: ${arg}`, 'set image');
      resources.push(arg);
      continue;
    }
    const at = arg.indexOf('=');
    if (at < 0) throw usage(`invalid image format: ${arg} (expected CONTAINER=IMAGE)`, 'set image');
    pairs.push({ container: arg.slice(0, at), image: arg.slice(at + 1) });
  }
  if (!pairs.length) throw usage('set image needs at least one CONTAINER=IMAGE', 'set image');
  return { resources, pairs };
}
