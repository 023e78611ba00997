import { emptyConfig } from '../config/types.js';
import { COMMON, SELECTION, WRITE_BACK, parse, usage, withoutDryRun } from './args.js';
import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { transformInputs } from './transform.js';

const OPTIONS = {
  ...COMMON,
  ...WRITE_BACK,
  ...SELECTION,
  // kubectl's optimistic lock against the server: offline there is nothing to lock
  'resource-version': { type: 'string' },
} as const;

export const HELP = selectionCommandHelp(
  `kset set selector: kubectl set selector, on a stream

Usage:
  kset set selector SELECTION EXPRESSIONS [options]

Replaces the selector of the selected Services with the labels of EXPRESSIONS (KEY=VALUE,...; an
empty one removes the selector). Services only, as in kubectl: another kind named is an error, and
set-based terms (in, notin, !KEY) are refused. A named resource missing from the input is an error.`,
  `      --resource-version V    accepted and ignored: kset has no server to check it against`,
);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), OPTIONS);
  if (values.help) return HELP;
  if (!positionals.length) throw usage('one selector is required', 'set selector');
  const text = positionals[positionals.length - 1]!;
  const [{ parseSelection }, { parseSelectorArgument }, { setSelectorStep }] = await Promise.all([
    import('../select/selection.js'),
    import('../select/selector-argument.js'),
    import('../steps/set-selector.js'),
  ]);
  const selector = parseSelectorArgument(text);
  const selection = parseSelection(positionals.slice(0, -1), { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  const options = { steps: [setSelectorStep(selection, selector, text)], report: values.report !== undefined };
  return transformInputs(values.filename ?? [], emptyConfig(), options, values, io);
}
