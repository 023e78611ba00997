import { configFromObject } from './config/load.js';
import { emptyConfig, type Config } from './config/types.js';
import { KsetError } from './errors.js';
import { StreamWriter, joinStream } from './output.js';
import { DocumentPipeline, runPipeline, type Change, type FileResult, type PipelineOptions, type Step } from './pipeline.js';
import { StreamSplitter, type StreamChunk } from './yaml/split.js';
import { stepsFromConfig } from './steps/from-config.js';
import { isObject, type Source } from './types.js';
import { keepPostrenderFilename } from './steps/postrender-filename.js';

// The library's transforms, which the CLI runs too (index.ts re-exports them with the rest of the API).

/**
 * Reads inputs as transform() sources, as the CLI does: files, folders (their *.yaml, *.yml, *.json,
 * recursively, in sorted path order) and globs, relative to `cwd`; each path as named, for writeFiles().
 */
export async function readFiles(inputs: string[], options: { cwd?: string } = {}): Promise<Source[]> {
  const noStdin = async (): Promise<string> => {
    throw new KsetError('readFiles() reads files: pass stdin text to transform() directly');
  };
  const { readSources } = await import('./read/sources.js');
  return readSources(inputs, options.cwd ?? process.cwd(), noStdin);
}

export interface TransformOptions {
  /** Steps run after the config's (what `kset set image` and `kset patch` add). */
  steps?: Step[];
  /** Record every change in `changes` (on by default). */
  report?: boolean;
  /** Patches whose target matches nothing are errors, not warnings. */
  strict?: boolean;
  /** Write every document in one canonical style (2-space indent, flush sequences, comments kept). */
  normalize?: boolean;
}

export interface TransformResult {
  /** All sources as one stream, as kset writes it to stdout. */
  output: string;
  /** Each source with its new text. */
  files: FileResult[];
  changes: Change[];
  warnings: string[];
}

/**
 * Transforms manifests: `input` is a YAML stream or a list of sources; `config` is a loaded Config
 * (see `loadConfig`) or a plain object with the config file's keys. Throws KsetError on bad input.
 */
export async function transform(
  input: string | Source[],
  config: Config | Record<string, unknown> = emptyConfig(),
  options: TransformOptions = {},
): Promise<TransformResult> {
  const sources = typeof input === 'string' ? [{ path: null, text: input }] : input;
  const loaded = isLoaded(config) ? config : await configFromObject(config, { dir: process.cwd() });
  const steps = await transformSteps(loaded, () => sources, options);
  const result = runPipeline(sources, steps, await pipelineOptions(options));
  return { output: joinStream(result.files), ...result };
}

export interface StreamResult {
  changes: Change[];
  warnings: string[];
  /** The input held documents and the output holds none: every one was deleted. */
  emptied: boolean;
}

/**
 * Transforms a YAML stream as it arrives (stdin) and hands the output to `write` in pieces: each document
 * as soon as it is done, holding one document in memory rather than the stream. Two kinds of steps make
 * it wait: a strategic patch reads the input to its end before the first document (the stream's CRDs
 * tell how custom resources merge); a step that finds errors only at the end (an untargeted patch that
 * must match, `--strict`, a verb naming resources) holds the output until the last document is done.
 * Otherwise an error in a document stops the stream after the documents before it were written: a caller
 * that must write all or nothing holds what `write` gets until this resolves (the CLI does, unless --stream).
 */
export async function transformStream(
  input: AsyncIterable<string>,
  write: (text: string) => void,
  config: Config | Record<string, unknown> = emptyConfig(),
  options: TransformOptions = {},
): Promise<StreamResult> {
  const loaded = isLoaded(config) ? config : await configFromObject(config, { dir: process.cwd() });
  const pieces: string[] = []; // the whole input, when it is read first
  const steps = await transformSteps(loaded, () => [{ path: null, text: pieces.join('') }], options);
  const readFirst = steps.some((step) => step.readsAhead);
  const held: string[] = [];
  const hold = steps.some((step) => step.failsAtEnd);
  if (readFirst) for await (const piece of input) pieces.push(piece);
  const pipeline = new DocumentPipeline(steps, await pipelineOptions(options));
  const splitter = new StreamSplitter();
  const out = new StreamWriter(hold ? (text) => held.push(text) : write);
  let content = false;
  const run = (chunks: StreamChunk[]) => {
    for (const { chunk, text } of chunks) {
      content ||= /\S/.test(text);
      out.push(pipeline.transform(null, chunk, text));
    }
  };
  for await (const piece of readFirst ? pieces : input) {
    run(splitter.push(piece));
    out.flush(); // the documents this piece completed, in one write
  }
  run(splitter.end());
  const warnings = pipeline.finish();
  out.end();
  for (const text of held) write(text);
  return { changes: pipeline.changes, warnings, emptied: content && !out.wrote };
}

/** The pipeline's options; the normalizer (which needs the `yaml` package) loads only for --normalize. */
async function pipelineOptions(options: TransformOptions): Promise<PipelineOptions> {
  const normalize = options.normalize ? (await import('./render/normalize.js')).normalizeChunk : undefined;
  return { report: options.report ?? true, normalize };
}

/** The config's steps then the given ones; CRDs are read from the config's files and `sources()` when a patch first needs them. */
async function transformSteps(config: Config, sources: () => Source[], options: TransformOptions): Promise<Step[]> {
  const steps = await stepsFromConfig(config, { sources, strict: options.strict });
  return keepPostrenderFilename([...steps, ...(options.steps ?? [])]);
}

/** A Config from loadConfig()/configFromObject() (its entries carry their origin), not a config file's keys. */
function isLoaded(config: Config | Record<string, unknown>): config is Config {
  const { images, patches, crds, imageFields, imagePolicies = [] } = config;
  if (![images, patches, crds, imageFields, imagePolicies].every(Array.isArray)) return false;
  return [...(images as unknown[]), ...(patches as unknown[]), ...(imagePolicies as unknown[])].every((entry) => isObject(entry) && isObject(entry.origin));
}
