import { transform, transformStream, type TransformOptions, type TransformResult } from '../api.js';
import type { Config, Origin } from '../config/types.js';
import { KsetError } from '../errors.js';
import { toJsonList } from '../output.js';
import type { Change, Step } from '../pipeline.js';
import { InputDecoder } from '../read/decode.js';
import type { Source } from '../types.js';
import type { WriteBackFlags } from '../write/deliver.js';
import { usage } from './args.js';
import { Exit, type Io, type Outcome } from './io.js';

// The tail every transforming command shares: read the inputs, run the config and steps, then print the
// stream or write it back. The write-back code loads only when a write-back flag is given.

/** The output flags; `reads` names the files a command read itself (kset patch --patch-file), which --report may not replace. */
export type OutputFlags = WriteBackFlags & { output?: string; verbose?: boolean; stream?: boolean; reads?: string[] };

/** Runs `config` and `options.steps` over the inputs `names` (stdin without any) and delivers the result. */
export async function transformInputs(names: string[], config: Config, options: TransformOptions, flags: OutputFlags, io: Io): Promise<Outcome> {
  const stdinOnly = readsStdinOnly(names, io);
  if (flags.stream && !(stdinOnly && yamlOnStdout(flags))) {
    throw usage(
      '--stream writes the YAML stream on stdout as stdin arrives: it takes stdin as the only input, and no -o json, --write, --check, --diff or --report',
    );
  }
  if (stdinOnly && yamlOnStdout(flags)) {
    return transformStdin(io, config, recorded(options, flags), Boolean(flags.stream), teller(config, options, flags, io));
  }
  return transformSources(await inputs(names, io, flags), config, options, flags, io);
}

/** The same tail on sources already read (a step that needs the whole input is made from them). */
export async function transformSources(sources: Source[], config: Config, options: TransformOptions, flags: OutputFlags, io: Io): Promise<Outcome> {
  if (flags.report !== undefined && flags.report !== '-') await checkReportTarget(flags.report, sources, config, options.steps ?? [], flags.reads ?? [], io);
  const result = await transform(sources, config, recorded(options, flags));
  teller(config, options, flags, io)(result.changes);
  return render(result, flags, io);
}

/** -v counts each entry's changes: they are recorded then. */
function recorded(options: TransformOptions, flags: OutputFlags): TransformOptions {
  return { ...options, report: Boolean(options.report || flags.verbose) };
}

function teller(config: Config, options: TransformOptions, flags: OutputFlags, io: Io): (changes: Change[]) => void {
  return (changes) => void (flags.verbose && io.stderr(verboseSummary(config, options.steps ?? [], changes)));
}

/** `--report FILE` may not replace a file the run reads (inputs, config, patch and CRD files), nor stdout or stderr. */
async function checkReportTarget(report: string, sources: Source[], config: Config, steps: Step[], reads: string[], io: Io): Promise<void> {
  const origins = [...config.patches, ...config.images].map((entry) => entry.origin).concat(steps.map((step) => step.origin));
  const read = [...reads, ...sources.map((source) => source.path), config.file, ...origins.map((origin) => origin.file), ...config.crds.map((crd) => crd.path)];
  const { reportTargetProblem } = await import('../write/report-target.js');
  const problem = await reportTargetProblem(
    report,
    read.filter((file): file is string => typeof file === 'string'),
    io.cwd,
  );
  if (problem) throw usage(problem);
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

/** Whether the input is stdin alone: it is then read a document at a time. */
function readsStdinOnly(names: string[], io: Io): boolean {
  return names.length === 0 ? !io.stdinIsTty : names.length === 1 && names[0] === '-';
}

/** Whether the output is the YAML stream on stdout (which --stream may write as it goes). */
function yamlOnStdout(flags: OutputFlags): boolean {
  return (flags.output ?? 'yaml') === 'yaml' && !writesBack(flags);
}

/** Whether a write-back flag is set (its code loads only then). */
function writesBack(flags: WriteBackFlags): boolean {
  return Boolean(flags.write || flags.check || flags.diff || flags.report !== undefined);
}

/**
 * Stdin to stdout a document at a time (transformStream): memory holds one input document and the output.
 * The output waits for the end of the input, so that an error writes nothing (`kset | kubectl apply -f -`
 * must not apply half a stream); with --stream each document is written as soon as it is done.
 */
async function transformStdin(io: Io, config: Config, options: TransformOptions, stream: boolean, tell: (changes: Change[]) => void): Promise<Outcome> {
  // held as UTF-8 bytes, written as they are: as strings, each write made a transient copy in bytes, and
  // the peak memory grew by twice the output's size rather than once
  const held: Buffer[] = [];
  const result = await transformStream(stdinPieces(io), stream ? io.stdout : (text) => held.push(Buffer.from(text)), config, options);
  tell(result.changes);
  for (const warning of result.warnings) io.stderr(`kset: warning: ${warning}\n`);
  if (result.emptied) throw everythingDeleted();
  for (const bytes of held) io.stdout(bytes);
  return new Exit('', 0);
}

/** Stdin's text in pieces as they arrive, each decoded and checked (src/read/decode.ts) before it is used. */
async function* stdinPieces(io: Io): AsyncIterable<string> {
  const decoder = new InputDecoder(null);
  const pieces =
    io.stdinChunks?.() ??
    (async function* () {
      yield await io.stdin();
    })();
  for await (const piece of pieces) yield decoder.push(piece);
  decoder.end();
}

/** All of stdin as text, decoded as it arrives (binary input stops at its first bytes, not at its end). */
export async function stdinText(io: Io): Promise<string> {
  const parts: string[] = [];
  for await (const piece of stdinPieces(io)) parts.push(piece);
  return parts.join('');
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
  return readSources(names, io.cwd, () => stdinText(io));
}

/** A patch file's text (`--patch FILE`, `--patch-file FILE`). */
export async function readPatchFile(file: string, io: Io): Promise<string> {
  const { readSources } = await import('../read/sources.js');
  const [source] = await readSources([file], io.cwd, () => stdinText(io));
  return source!.text;
}
