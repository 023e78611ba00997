import { transform } from '../api.js';
import { emptyConfig } from '../config/types.js';
import { isObject, type JsonObject } from '../types.js';
import { COMMON, SELECTION, WRITE_BACK, parse, usage, withoutDryRun } from './args.js';
import type { Io, Outcome } from './io.js';
import { inputs, transformInputs } from './transform.js';

// What `kset label` and `kset annotate` share: kubectl's arguments and flags, and --list.

export const OPTIONS = {
  ...COMMON,
  ...WRITE_BACK,
  ...SELECTION,
  overwrite: { type: 'boolean' },
  list: { type: 'boolean' },
  // kubectl's optimistic lock against the server: offline there is nothing to lock
  'resource-version': { type: 'string' },
} as const;

export async function runMetadataVerb(verb: 'label' | 'annotate', help: string, argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), OPTIONS);
  if (values.help) return help;
  const noun = verb === 'label' ? 'label' : 'annotation';
  const { resources, pairs } = resourcesAndPairs(positionals, noun, verb);
  const [{ parseSelection }, { parseLabelArgs }, { parseAnnotateArgs }, { metadataStep }] = await Promise.all([
    import('../select/selection.js'),
    import('../transform/label.js'),
    import('../transform/annotate.js'),
    import('../steps/label.js'),
  ]);
  const edit = (verb === 'label' ? parseLabelArgs : parseAnnotateArgs)(pairs, values.overwrite);
  if (values.list && values.output !== undefined) throw usage('--list and --output may not be specified together', verb);
  if (!edit.set.size && !edit.remove.length && !values.list) throw usage(`at least one ${noun} update is required`, verb);
  const selection = parseSelection(resources, { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  if (!values.list) {
    const options = { steps: [metadataStep(verb, selection, edit)], report: values.report !== undefined };
    return transformInputs(values.filename ?? [], emptyConfig(), options, values, io);
  }
  if (values.write || values.check || values.diff || values.report !== undefined) throw usage('--list prints; it writes nothing', verb);
  const listed: JsonObject[] = [];
  const step = metadataStep(verb, selection, edit, (resource) => listed.push(resource));
  await transform(await inputs(values.filename ?? [], io), emptyConfig(), { steps: [step] });
  return listing(listed, verb === 'label' ? 'labels' : 'annotations');
}

/**
 * kubectl's --list: each object's KEY=VALUE lines (after the edits), in the object's order; with
 * more than one object, each after kubectl's `Listing labels for KIND.GROUP/NAME:` and indented.
 */
function listing(objects: JsonObject[], field: 'labels' | 'annotations'): string {
  let text = '';
  for (const object of objects) {
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const map = isObject(metadata[field]) ? metadata[field] : {};
    const indent = objects.length > 1 ? ' ' : '';
    if (objects.length > 1) {
      const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
      const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
      text += `Listing ${field} for ${String(object.kind)}.${group}/${String(metadata.name ?? '')}:\n`;
    }
    for (const [key, value] of Object.entries(map)) text += `${indent}${key}=${value === null ? '' : String(value)}\n`;
  }
  return text;
}

/**
 * kubectl's GetResourcesAndPairs: an argument with `=` (not first) or ending in `-` (not `-` alone)
 * starts the pairs, and every resource comes before them.
 */
function resourcesAndPairs(args: string[], noun: string, verb: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (isPair) pairs.push(arg);
    else if (pairs.length) throw usage(`all resources must be specified before ${noun} changes: ${arg}`, verb);
    else resources.push(arg);
  }
  return { resources, pairs };
}
