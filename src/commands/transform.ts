import { transform, transformStream, type TransformOptions, type TransformResult } from '../api.js';
import type { Config, Origin } from '../config/types.js';
import { KsetError } from '../errors.js';
import { toJsonList } from '../output.js';
import type { Change, Step } from '../pipeline.js';
import type { Source } from '../types.js';
import type { WriteBackFlags } from '../write/deliver.js';
import { usage } from './args.js';
import { Exit, type Io, type Outcome } from './io.js';

// The tail every transforming command shares: read the inputs, run the config and steps, then print the
// stream or write it back. The write-back code loads only when a write-back flag is given.

export type OutputFlags = WriteBackFlags & { output?: string; verbose?: boolean };

/** Runs `config` and `options.steps` over the inputs `names` (stdin without any) and delivers the result. */
export async function transformInputs(names: string[], config: Config, options: TransformOptions, flags: OutputFlags, io: Io): Promise<Outcome> {
  // -v counts each entry's changes: they are recorded then
  const recorded = { ...options, report: Boolean(options.report || flags.verbose) };
  const tell = (changes: Change[]) => flags.verbose && io.stderr(verboseSummary(config, options.steps ?? [], changes));
  if (streamsStdin(names, flags, io)) return streamStdin(io, config, recorded, tell);
  const result = await transform(await inputs(names, io, flags), config, recorded);
  tell(result.changes);
  return render(result, flags, io);
}

/** `-v`: the config used, and how many changes each of its entries and each step made. */
function verboseSummary(config: Config, steps: Step[], changes: Change[]): string {
  const counts = new Map<Origin, number>();
  for (const change of changes) counts.set(change.origin, (counts.get(change.origin) ?? 0) + 1);
  const origins = [...config.patches, ...config.images].map((entry) => entry.origin).concat(steps.map((step) => step.origin));
  const lines = [`kset: config: ${config.file ?? 'none'}`];
  for (const origin of origins) {
    const count = counts.get(origin) ?? 0;
    lines.push(`kset: ${origin.label}: ${count} change${count === 1 ? '' : 's'}`);
  }
  return lines.join('\n') + '\n';
}

/** The stream on stdout (yaml or json), or what the write-back flags make of the result. */
async function render(result: TransformResult, flags: OutputFlags, io: Io): Promise<Outcome> {
  for (const warning of result.warnings) io.stderr(`kset: warning: ${warning}\n`);
  const format = flags.output;
  if (format !== undefined && format !== 'yaml' && format !== 'json') throw usage(`--output must be yaml or json, not ${JSON.stringify(format)}`);
  const replaced = Boolean(flags.write || flags.check || flags.diff);
  if (!replaced && !/\S/.test(result.output) && result.files.some((file) => /\S/.test(file.input))) {
    throw everythingDeleted();
  }
  const stream = replaced ? '' : format === 'json' ? toJsonList(result.files) : result.output;
  if (!writesBack(flags)) return new Exit(stream, 0);
  const { deliver } = await import('../write/deliver.js');
  const delivery = await deliver(result, flags, { cwd: io.cwd, color: Boolean(io.stdoutIsTty) && !io.env.NO_COLOR });
  if (delivery.stderr) io.stderr(delivery.stderr);
  return new Exit(stream + delivery.stdout, delivery.code);
}

/** Helm takes an empty post-render for a failure it cannot explain; say what happened instead. */
function everythingDeleted(): KsetError {
  return new KsetError('every document was deleted: kset does not print an empty stream');
}

/** Whether the input is stdin alone and the output the YAML stream on stdout, which can then be streamed. */
function streamsStdin(names: string[], flags: OutputFlags, io: Io): boolean {
  const stdinOnly = names.length === 0 ? !io.stdinIsTty : names.length === 1 && names[0] === '-';
  return stdinOnly && (flags.output ?? 'yaml') === 'yaml' && !writesBack(flags);
}

/** Whether a write-back flag is set (its code loads only then). */
function writesBack(flags: WriteBackFlags): boolean {
  return Boolean(flags.write || flags.check || flags.diff || flags.report !== undefined);
}

/** Stdin to stdout as a stream: each document written as soon as it is done, when no step needs the whole input (transformStream). */
async function streamStdin(io: Io, config: Config, options: TransformOptions, tell: (changes: Change[]) => void): Promise<Outcome> {
  const pieces =
    io.stdinChunks?.() ??
    (async function* () {
      yield await io.stdin();
    })();
  const result = await transformStream(pieces, io.stdout, config, options);
  tell(result.changes);
  for (const warning of result.warnings) io.stderr(`kset: warning: ${warning}\n`);
  if (result.emptied) throw everythingDeleted();
  return new Exit('', 0);
}

/** The sources `names` stand for (stdin without any), once the write-back flags are checked. */
export async function inputs(names: string[], io: Io, flags: OutputFlags = {}): Promise<Source[]> {
  if (names.length === 0) {
    if (io.stdinIsTty && !flags.write) throw usage('no input: name files or folders, or pipe manifests to stdin');
    names = ['-'];
  }
  if (writesBack(flags)) {
    const { flagProblem } = await import('../write/deliver.js');
    const problem = flagProblem(flags, names.includes('-'));
    if (problem) throw usage(problem);
  }
  const { readSources } = await import('../read/sources.js');
  return readSources(names, io.cwd, io.stdin);
}

/** A patch file's text (`--patch FILE`, `--patch-file FILE`). */
export async function readPatchFile(file: string, io: Io): Promise<string> {
  const { readSources } = await import('../read/sources.js');
  const [source] = await readSources([file], io.cwd, io.stdin);
  return source!.text;
}
