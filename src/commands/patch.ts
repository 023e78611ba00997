import { stat } from 'node:fs/promises';
import path from 'node:path';
import { emptyConfig } from '../config/types.js';
import { COMMON, SELECTION, WRITE_BACK, parse, usage, withoutDryRun } from './args.js';
import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { readPatchFile, transformInputs } from './transform.js';

const OPTIONS = {
  ...COMMON,
  ...WRITE_BACK,
  ...SELECTION,
  patch: { type: 'string', short: 'p' },
  'patch-file': { type: 'string' },
  type: { type: 'string' },
} as const;

export const HELP = selectionCommandHelp(
  `kset patch: kubectl patch --local, on a stream

Usage:
  kset patch SELECTION (-p PATCH | --patch-file FILE) [--type strategic|merge|json] [options]

Patches every selected resource as kubectl patch --local does: a strategic merge patch (the default;
built-in kinds only, as kubectl), a JSON merge patch (RFC 7386) or a JSON patch (RFC 6902). A
selection that matches nothing is an error.`,
  `  -p, --patch PATCH           the patch text, JSON or YAML (it may start with a dash)
      --patch-file FILE       the patch, read from a file
      --type TYPE             strategic (default), merge or json, in any case`,
);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), OPTIONS);
  if (values.help) return HELP;
  // kubectl lowercases --type
  const type = (values.type ?? 'strategic').toLowerCase();
  if (type !== 'strategic' && type !== 'merge' && type !== 'json') {
    throw usage(`--type must be strategic, merge or json, not ${JSON.stringify(type)}`, 'patch');
  }
  const file = values['patch-file'];
  if ((values.patch === undefined) === (file === undefined)) {
    throw usage('patch needs one of -p/--patch PATCH or --patch-file FILE', 'patch');
  }
  if (file === undefined && (await namesFile(values.patch!, io))) {
    throw usage(`-p takes the patch itself, and ${JSON.stringify(values.patch)} is a file: use --patch-file ${values.patch}`, 'patch');
  }
  const text = file === undefined ? values.patch! : await readPatchFile(file, io);
  const origin = file === undefined ? { label: 'kset patch -p' } : { label: `kset patch --patch-file ${file}`, file, line: 1, textLine: 1 };
  const [{ parsePatch }, { parseSelection }, { patchVerbStep }] = await Promise.all([
    import('../patch/parse.js'),
    import('../select/selection.js'),
    import('../steps/patch-verb.js'),
  ]);
  const patch = parsePatch({ text, type, origin }, { mode: 'kubectl' });
  const selection = parseSelection(positionals, { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  const options = { steps: [patchVerbStep(selection, patch, origin.label)], report: values.report !== undefined };
  return transformInputs(values.filename ?? [], emptyConfig(), options, { ...values, reads: file === undefined ? [] : [file] }, io);
}

/** Whether a `-p` value is the name of a file (kubectl's -p takes text only; --patch-file reads a file). */
async function namesFile(value: string, io: Io): Promise<boolean> {
  if (value.length > 4096 || /[\n{}[\]]/.test(value)) return false;
  const info = await stat(path.resolve(io.cwd, value)).catch(() => undefined);
  return Boolean(info?.isFile());
}
