import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseImageFlag } from './config/image-flag.js';
import { loadConfig } from './config/load.js';
import { emptyConfig, type Config, type PatchEntry, type PatchTarget } from './config/types.js';
import { KsetError, formatError } from './errors.js';
import { transform, transformStream, type TransformOptions, type TransformResult } from './api.js';
import { toJsonList } from './output.js';
import type { Step } from './pipeline.js';
import { isObject, type Source } from './types.js';
import { yamlLib } from './util/yaml-lib.js';
import type { WriteBackFlags } from './write/deliver.js';

// The verbs, `kset images` and the write-back flags load their modules when used: start-up time matters.

/** What the CLI reads and writes; tests pass their own. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: () => Promise<string>;
  /** Stdin in pieces as they arrive, for streaming; without it stdin() is read as one piece. */
  stdinChunks?: () => AsyncIterable<string>;
  stdinIsTty: boolean;
  /** Whether stdout is a terminal (diffs are coloured then, unless NO_COLOR is set). */
  stdoutIsTty?: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const COMMON = {
  filename: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** What to do with the result besides printing it (src/write/deliver.ts). */
const WRITE_BACK = {
  write: { type: 'boolean', short: 'w' },
  check: { type: 'boolean' },
  diff: { type: 'boolean' },
  report: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const SELECTION = {
  selector: { type: 'string', short: 'l' },
  all: { type: 'boolean' },
  namespace: { type: 'string', short: 'n' },
  // kset is always local; accepted so that `kubectl ... --local` commands run unchanged
  local: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const MAIN = {
  ...COMMON,
  ...WRITE_BACK,
  config: { type: 'string', short: 'c' },
  image: { type: 'string', multiple: true },
  'load-restrictor': { type: 'string' },
  strict: { type: 'boolean' },
  normalize: { type: 'boolean' },
  patch: { type: 'string', multiple: true },
  target: { type: 'string' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** Runs kset with `argv` (the arguments after `kset`); returns the exit code. Never throws. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const output = await dispatch(argv, io);
    if (output instanceof Exit) {
      if (output.stdout) io.stdout(output.stdout);
      return output.code;
    }
    if (output !== undefined) io.stdout(output);
    return 0;
  } catch (e) {
    io.stderr(describeError(e, io.env) + '\n');
    return 2;
  }
}

/** A command's stdout and an exit code other than 0 (--check). */
class Exit {
  constructor(
    readonly stdout: string,
    readonly code: number,
  ) {}
}

type Outcome = string | Exit | undefined;

async function dispatch(argv: string[], io: Io): Promise<Outcome> {
  const [first, second] = argv;
  if (first === 'set' && second === 'image') return setImageCommand(argv.slice(2), io);
  if (first === 'set') throw usage(`unknown command "set ${second ?? ''}": kset has "set image"`);
  if (first === 'images') return imagesCommand(argv.slice(1), io);
  if (first === 'patch') return patchCommand(argv.slice(1), io);
  return mainCommand(argv, io);
}

async function mainCommand(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(argv, MAIN);
  if (values.help) return usageText();
  if (values.version) return (await import('./usage.js')).VERSION + '\n';
  const restrictor = values['load-restrictor'];
  if (restrictor !== undefined && !['rootOnly', 'none', 'LoadRestrictionsRootOnly', 'LoadRestrictionsNone'].includes(restrictor)) {
    throw usage(`--load-restrictor must be rootOnly or none, not ${JSON.stringify(restrictor)}`);
  }
  const config = await loadConfig({
    configFile: values.config,
    cwd: io.cwd,
    loadRestrictor: restrictor === 'none' || restrictor === 'LoadRestrictionsNone' ? 'none' : 'rootOnly',
  });
  const flagImages = (values.image ?? []).map(parseImageFlag);
  const flagPatches = await patchFlags(values.patch ?? [], values.target, io);
  const withFlags: Config = {
    ...config,
    images: [...config.images, ...flagImages],
    patches: [...config.patches, ...flagPatches],
  };
  const names = [...positionals, ...(values.filename ?? [])];
  const options = { strict: values.strict, normalize: values.normalize, report: values.report !== undefined };
  if (streamsStdin(names, values, io)) return streamStdin(io, withFlags, options);
  return render(await transform(await inputs(names, io, values), withFlags, options), values, io);
}

/** `--patch FILE` entries (after the config's), each with the `--target` when one is given. */
async function patchFlags(files: string[], targetText: string | undefined, io: Io): Promise<PatchEntry[]> {
  if (targetText !== undefined && !files.length) throw usage('--target goes with --patch FILE');
  const target = targetText === undefined ? undefined : parseTarget(targetText);
  const entries: PatchEntry[] = [];
  for (const file of files) {
    const text = await readPatchFile(file, io);
    entries.push({ text, target, origin: { label: `--patch ${file}`, file, line: 1, textLine: 1 } });
  }
  return entries;
}

/** `--target`: a YAML/JSON map of kustomize target fields, or `KIND` or `KIND/NAME`. */
export function parseTarget(text: string): PatchTarget {
  const fields = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'];
  if (!text.trim().startsWith('{')) {
    const [kind, name, ...rest] = text.split('/');
    if (!kind || rest.length) throw usage(`--target ${JSON.stringify(text)}: expected KIND, KIND/NAME or a map like '{kind: Deployment, name: web}'`);
    return name ? { kind, name } : { kind };
  }
  let value: unknown;
  try {
    value = yamlLib().parse(text);
  } catch (e) {
    throw usage(`--target ${JSON.stringify(text)}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObject(value)) throw usage(`--target must be a map`);
  for (const [key, field] of Object.entries(value)) {
    if (!fields.includes(key)) throw usage(`--target: unknown field ${key} (known: ${fields.join(', ')})`);
    if (typeof field !== 'string') throw usage(`--target: ${key} must be a string`);
  }
  return value as PatchTarget;
}

async function setImageCommand(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), { ...COMMON, ...WRITE_BACK, ...SELECTION });
  if (values.help) return usageText();
  const { resources, pairs } = resourcesAndPairs(positionals);
  const [{ parseSelection }, { setImageStep }] = await Promise.all([import('./select/selection.js'), import('./steps/set-image.js')]);
  const selection = parseSelection(resources, { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  const steps: Step[] = [setImageStep(selection, pairs)];
  const options = { steps, report: values.report !== undefined };
  if (streamsStdin(values.filename ?? [], values, io)) return streamStdin(io, emptyConfig(), options);
  return render(await transform(await inputs(values.filename ?? [], io, values), emptyConfig(), options), values, io);
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
      if (pairs.length) throw usage(`all resources must be specified before image changes: ${arg}`);
      resources.push(arg);
      continue;
    }
    const at = arg.indexOf('=');
    if (at < 0) throw usage(`invalid image format: ${arg} (expected CONTAINER=IMAGE)`);
    pairs.push({ container: arg.slice(0, at), image: arg.slice(at + 1) });
  }
  if (!pairs.length) throw usage('set image needs at least one CONTAINER=IMAGE');
  return { resources, pairs };
}

/**
 * `--dry-run[=client|none]` as users pass it to kubectl: kset never touches a cluster, so it is
 * dropped; `--dry-run=server` needs one.
 */
function withoutDryRun(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv.filter((arg, i) => {
    if ((end >= 0 && i > end) || (arg !== '--dry-run' && !arg.startsWith('--dry-run='))) return true;
    const value = arg.slice('--dry-run='.length);
    if (arg === '--dry-run' || value === 'client' || value === 'none') return false;
    if (value === 'server') throw usage('kset works without a cluster: --dry-run=server needs one (did you mean --dry-run=client?)');
    throw usage(`invalid --dry-run value ${JSON.stringify(value)}: must be "none", "server", or "client"`);
  });
}

const PATCH = {
  ...COMMON,
  ...WRITE_BACK,
  ...SELECTION,
  patch: { type: 'string', short: 'p' },
  'patch-file': { type: 'string' },
  type: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

async function patchCommand(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(withoutDryRun(argv), PATCH);
  if (values.help) return usageText();
  // kubectl lowercases --type
  const type = (values.type ?? 'strategic').toLowerCase();
  if (type !== 'strategic' && type !== 'merge' && type !== 'json') {
    throw usage(`--type must be strategic, merge or json, not ${JSON.stringify(type)}`);
  }
  if ((values.patch === undefined) === (values['patch-file'] === undefined)) {
    throw usage('patch needs one of -p/--patch PATCH or --patch-file FILE');
  }
  const file = values['patch-file'];
  const text = file === undefined ? values.patch! : await readPatchFile(file, io);
  const origin = file === undefined ? { label: 'kset patch -p' } : { label: `kset patch --patch-file ${file}`, file, line: 1, textLine: 1 };
  const [{ parsePatch }, { parseSelection }, { patchVerbStep }] = await Promise.all([
    import('./patch/parse.js'),
    import('./select/selection.js'),
    import('./steps/patch-verb.js'),
  ]);
  const patch = parsePatch({ text, type, origin }, { mode: 'kubectl' });
  const selection = parseSelection(positionals, { ...values, fromInput: Boolean(values.local || values.filename?.length) });
  const steps: Step[] = [patchVerbStep(selection, patch, origin.label)];
  const options = { steps, report: values.report !== undefined };
  if (streamsStdin(values.filename ?? [], values, io)) return streamStdin(io, emptyConfig(), options);
  return render(await transform(await inputs(values.filename ?? [], io, values), emptyConfig(), options), values, io);
}

async function readPatchFile(file: string, io: Io): Promise<string> {
  const { readSources } = await import('./read/sources.js');
  const [source] = await readSources([file], io.cwd, io.stdin);
  return source.text;
}

async function imagesCommand(argv: string[], io: Io): Promise<string> {
  const { values, positionals } = parse(argv, { ...COMMON, config: { type: 'string', short: 'c' } });
  if (values.help) return usageText();
  const config = await loadConfig({ configFile: values.config, cwd: io.cwd });
  const sources = await inputs([...positionals, ...(values.filename ?? [])], io);
  const { listImagesReport } = await import('./steps/list-images.js');
  return listImagesReport(sources, config.imageFields, values.output === 'json' ? 'json' : 'table');
}

/** The stream on stdout (yaml or json), or what the write-back flags make of the result. */
async function render(result: TransformResult, values: WriteBackFlags & { output?: string }, io: Io): Promise<Outcome> {
  for (const warning of result.warnings) io.stderr(`kset: warning: ${warning}\n`);
  const format = values.output;
  if (format !== undefined && format !== 'yaml' && format !== 'json') throw usage(`--output must be yaml or json, not ${JSON.stringify(format)}`);
  const replaced = Boolean(values.write || values.check || values.diff);
  if (!replaced && !/\S/.test(result.output) && result.files.some((file) => /\S/.test(file.input))) {
    throw everythingDeleted();
  }
  const stream = replaced ? '' : format === 'json' ? toJsonList(result.output) : result.output;
  if (!writesBack(values)) return new Exit(stream, 0);
  const { deliver } = await import('./write/deliver.js');
  const delivery = await deliver(result, values, { cwd: io.cwd, color: Boolean(io.stdoutIsTty) && !io.env.NO_COLOR });
  if (delivery.stderr) io.stderr(delivery.stderr);
  return new Exit(stream + delivery.stdout, delivery.code);
}

/** The help text (its module loads when asked for). */
async function usageText(): Promise<string> {
  return (await import('./usage.js')).USAGE;
}

/** Helm takes an empty post-render for a failure it cannot explain; say what happened instead. */
function everythingDeleted(): KsetError {
  return new KsetError('every document was deleted: kset does not print an empty stream');
}

/** Whether the input is stdin alone and the output the YAML stream on stdout, which can then be streamed. */
function streamsStdin(names: string[], flags: WriteBackFlags & { output?: string }, io: Io): boolean {
  const stdinOnly = names.length === 0 ? !io.stdinIsTty : names.length === 1 && names[0] === '-';
  return stdinOnly && (flags.output ?? 'yaml') === 'yaml' && !writesBack(flags);
}

/** Whether a write-back flag is set (its code loads only then). */
function writesBack(flags: WriteBackFlags): boolean {
  return Boolean(flags.write || flags.check || flags.diff || flags.report !== undefined);
}

/** Stdin to stdout as a stream: each document written as soon as it is done, when no step needs the whole input (transformStream). */
async function streamStdin(io: Io, config: Config, options: TransformOptions): Promise<Outcome> {
  const pieces = io.stdinChunks?.() ?? (async function* () {
    yield await io.stdin();
  })();
  const result = await transformStream(pieces, io.stdout, config, options);
  for (const warning of result.warnings) io.stderr(`kset: warning: ${warning}\n`);
  if (result.emptied) throw everythingDeleted();
  return new Exit('', 0);
}

async function inputs(names: string[], io: Io, flags: WriteBackFlags & { output?: string } = {}): Promise<Source[]> {
  if (names.length === 0) {
    if (io.stdinIsTty && !flags.write) throw usage('no input: name files or folders, or pipe manifests to stdin');
    names = ['-'];
  }
  if (writesBack(flags)) {
    const { flagProblem } = await import('./write/deliver.js');
    const problem = flagProblem(flags, names.includes('-'));
    if (problem) throw usage(problem);
  }
  const { readSources } = await import('./read/sources.js');
  return readSources(names, io.cwd, io.stdin);
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: withValuesAttached(argv, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usage((e as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option'));
  }
}

/**
 * A flag that takes a value takes the next argument whatever it starts with, as in kubectl
 * (`-p '- op: add…'`, a YAML JSON patch); node's parseArgs refuses a value that starts with a
 * dash, so such pairs are joined as `--name=value` first. `-p=value` and `--all=true|false` are read as
 * kubectl (pflag) reads them too.
 */
function withValuesAttached(argv: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const byShort = new Map(Object.entries(options).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : [])));
  const takesValue = (name: string | undefined) => name !== undefined && Object.hasOwn(options, name) && options[name]!.type === 'string';
  const result: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      result.push(...argv.slice(i));
      break;
    }
    const short = /^-([^-])(=?)(.*)$/s.exec(arg);
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : short && !short[3] ? byShort.get(short[1]!) : undefined;
    const flag = /^--([^=]+)=(true|false)$/.exec(arg);
    if (flag && Object.hasOwn(options, flag[1]!) && options[flag[1]!]!.type === 'boolean') {
      if (flag[2] === 'true') result.push(`--${flag[1]}`); // pflag's --all=true; --all=false is no flag at all
    } else if (takesValue(name) && i + 1 < argv.length) {
      result.push(`--${name}=${argv[++i]}`);
    } else if (short?.[2] === '=' && takesValue(byShort.get(short[1]!))) {
      result.push(`--${byShort.get(short[1]!)}=${short[3]}`);
    } else {
      result.push(arg);
    }
  }
  return result;
}

function usage(message: string): KsetError {
  return new KsetError(`${message} (see kset --help)`);
}

function describeError(e: unknown, env: Io['env']): string {
  if (e instanceof KsetError) return formatError(e);
  const error = e as Error;
  if (e instanceof RangeError && /call stack/.test(e.message) && env.KSET_DEBUG !== '1') {
    return 'kset: the input (a manifest, patch or config) nests too deeply to be read';
  }
  if (env.KSET_DEBUG === '1') return `kset: internal error: ${error?.stack ?? String(e)}`;
  return `kset: internal error: ${error?.message ?? String(e)} (set KSET_DEBUG=1 for details)`;
}

function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdinIsTty: Boolean(process.stdin.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinChunks: () => process.stdin.setEncoding('utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
