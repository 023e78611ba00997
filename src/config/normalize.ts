import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { yamlLib } from '../util/yaml-lib.js';
import { isObject, type Source } from '../types.js';
import { emptyConfig, type Config, type ImageEntry, type ImagePolicyEntry, type Origin, type PatchEntry } from './types.js';
import { asKustomizeReads } from './go-json.js';
import { readPolicyImage } from './image-policy.js';
import type { ConfigValue } from './parse.js';
import { displayPath, isInside } from './paths.js';
import { KSET_API_VERSION, KSET_KIND } from './schema-shape.generated.js';
import type * as Schema from './schema-types.generated.js';
// validate.ts and the schema validators it imports (100 KB of generated code) load with this module,
// which load.ts imports when there is a config: runs without a config file do without them.
import { configError, nodeAt, pathLabel, positionAt, validateConfig, type ConfigLocation, type ConfigPath } from './validate.js';

export interface NormalizeOptions {
  /** The folder that patch and CRD paths are relative to. */
  dir: string;
  /** The folder that paths in messages and origins are relative to. */
  cwd: string;
  /** Patch and CRD files must be inside `dir` (symbolic links resolved): the load restrictor `rootOnly`. */
  restrict: boolean;
}

/** What the entries of one config are read with: the options, where the config is, and its real folder once known. */
interface Context extends NormalizeOptions {
  where: ConfigLocation;
  realDir?: Promise<string>;
}

/**
 * The Config a config value stands for: read as kustomize reads it (go-json.ts), validated against
 * schemas/kset.schema.json (errors point into the config's text), paths resolved and the files
 * they name read. A null or undefined value is the empty config.
 */
export async function normalize(source: ConfigValue, options: NormalizeOptions): Promise<Config> {
  const config = emptyConfig();
  if (source.file !== undefined) config.file = source.file;
  if (source.value === null || source.value === undefined) return config;
  const context: Context = { ...options, where: source };
  const value = asKustomizeReads(asConfigKeys(source.value, source), source.kustomization);
  validateConfig(value, source);
  const raw = value as Schema.KsetConfig;

  // kustomize appends the deprecated imageTags to images. An entry without a name is not an error
  // there: its name is empty, and it matches the images that are only a tag or digest (`:1`, ``).
  config.images = [
    ...(raw.images ?? []).map((image, i) => imageEntry(image, ['images', i], context)),
    ...(raw.imageTags ?? []).map((image, i) => imageEntry(image, ['imageTags', i], context)),
  ];
  // kustomize's order: patchesStrategicMerge, then patches, then patchesJson6902
  // (its PatchStrategicMerge, Patch and PatchJson6902 transformers run in that order).
  for (const [i, text] of (raw.patchesStrategicMerge ?? []).entries()) {
    config.patches.push(await strategicMergeEntry(text, ['patchesStrategicMerge', i], context));
  }
  for (const [i, patch] of (raw.patches ?? []).entries()) {
    const entry = await patchEntry(patch, ['patches', i], context);
    // kustomize reads an empty patch file as a JSON patch without operations: with a target it does nothing
    if (!(patch.path !== undefined && entry.text === '' && entry.target)) config.patches.push(entry);
  }
  for (const [i, patch] of (raw.patchesJson6902 ?? []).entries()) {
    config.patches.push(await patchEntry(patch, ['patchesJson6902', i], context, 'json'));
  }
  config.imageFields = (raw.imageFields ?? []).map((field) =>
    typeof field === 'string' ? { path: field } : definedOnly({ path: field.path, kind: field.kind, group: field.group }),
  );
  config.imagePolicies = (raw.imagePolicies ?? []).map((entry, i) => imagePolicyEntry(entry, ['imagePolicies', i], context));
  for (const [i, file] of (raw.crds ?? []).entries()) {
    const read = await readReferencedFile(file, ['crds', i], `crds[${i}]`, context);
    config.crds.push({ path: read.display, text: read.text } satisfies Source);
  }
  return config;
}

/**
 * A `Kset` object (apiVersion kset.dev/v1, kind Kset: what `kset fn` takes as its functionConfig, a
 * file kpt and kustomize can point to) is a config whose keys are its fields besides apiVersion, kind
 * and metadata; any other value is the config as it is.
 */
function asConfigKeys(value: unknown, where: ConfigLocation): unknown {
  if (!isObject(value) || value.kind !== KSET_KIND) return value;
  if (value.apiVersion !== KSET_API_VERSION) {
    const found = value.apiVersion === undefined ? 'none' : JSON.stringify(value.apiVersion);
    throw configError(`a ${KSET_KIND} has apiVersion ${KSET_API_VERSION}, not ${found}`, [value.apiVersion === undefined ? 'kind' : 'apiVersion'], where);
  }
  const { apiVersion: _a, kind: _k, metadata: _m, ...keys } = value;
  return keys;
}

function imageEntry(raw: Schema.Image, at: ConfigPath, context: Context): ImageEntry {
  // As in kustomize (Go's omitempty), an empty string sets nothing.
  const set = (value: string | undefined) => (value === '' ? undefined : value);
  return definedOnly({
    name: raw.name ?? '',
    newName: set(raw.newName),
    newTag: set(raw.newTag),
    digest: set(raw.digest),
    tagSuffix: set(raw.tagSuffix),
    origin: originAt(at, context),
  });
}

function imagePolicyEntry(raw: Schema.ImagePolicy, at: ConfigPath, context: Context): ImagePolicyEntry {
  const ref = readPolicyImage(raw.image);
  if (typeof ref === 'string') throw configError(`${pathLabel([...at, 'image'])}: ${ref}`, [...at, 'image'], context.where);
  return { policy: raw.policy, image: raw.image, ref, origin: originAt(at, context) };
}

async function patchEntry(raw: Schema.Patch | Schema.Json6902Patch, at: ConfigPath, context: Context, type?: PatchEntry['type']): Promise<PatchEntry> {
  const entry: PatchEntry =
    raw.path !== undefined
      ? await patchFromFile(raw.path, [...at, 'path'], pathLabel(at), context)
      : { text: raw.patch, origin: originAt(at, context, [...at, 'patch']) };
  if (type) entry.type = type;
  if (raw.target) entry.target = { ...raw.target };
  if (raw.options) entry.options = { ...raw.options };
  return entry;
}

/**
 * A `patchesStrategicMerge` item is a file path or inline patch text; like kustomize, kset takes it
 * as text when it reads as YAML holding a map, and as a path otherwise.
 */
async function strategicMergeEntry(value: string, at: ConfigPath, context: Context): Promise<PatchEntry> {
  const inline = value.includes('\n') || yamlLib().isMap(yamlLib().parseDocument(value, { version: '1.1' }).contents);
  const entry = inline ? { text: value, origin: originAt(at, context, at) } : await patchFromFile(value, at, pathLabel(at), context);
  return { ...entry, type: 'strategic' };
}

async function patchFromFile(file: string, at: ConfigPath, label: string, context: Context): Promise<PatchEntry> {
  const read = await readReferencedFile(file, at, label, context);
  return { text: read.text, origin: { label, file: read.display, line: 1, textLine: 1 } };
}

/**
 * The origin of the entry at `at`: its label, file and line; `textAt` names the node of an inline
 * patch, whose first line is recorded when the text is a literal block (`|`) copied line for line.
 */
function originAt(at: ConfigPath, context: Context, textAt?: ConfigPath): Origin {
  const { where } = context;
  const origin: Origin = { label: pathLabel(at) };
  if (where.file !== undefined) origin.file = where.file;
  const line = positionAt(where, at).line;
  if (line !== undefined) origin.line = line;
  const textLine = textAt ? literalBlockStart(where, textAt) : undefined;
  if (textLine !== undefined) origin.textLine = textLine;
  return origin;
}

function literalBlockStart(where: ConfigLocation, at: ConfigPath): number | undefined {
  const { node, exact } = nodeAt(where, at);
  if (!exact || !yamlLib().isScalar(node) || node.type !== 'BLOCK_LITERAL') return undefined;
  // The block's header (`|`, `|-`, `|2+`…) ends its line; the text starts on the next one.
  const line = positionAt(where, at).line;
  return line === undefined ? undefined : line + 1;
}

/**
 * Reads a file the entry `label` names (at `at` in the config), relative to the config's folder
 * and, unless the load restrictor is off, inside it (symbolic links resolved).
 */
async function readReferencedFile(file: string, at: ConfigPath, label: string, context: Context): Promise<{ display: string; text: string }> {
  const absolute = path.resolve(context.dir, file);
  const outside = () => configError(`${label}: path ${file} is outside the config folder ${context.dir}; use --load-restrictor none`, at, context.where);
  if (context.restrict && !isInside(absolute, context.dir)) throw outside();

  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    throw configError(`${label}: cannot read ${file}: no such file in ${context.dir}`, at, context.where);
  }
  if (context.restrict) {
    context.realDir ??= realpath(context.dir);
    if (!isInside(real, await context.realDir)) throw outside();
  }
  try {
    return { display: displayPath(absolute, context.cwd), text: await readFile(absolute, 'utf8') };
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw configError(`${label}: cannot read ${file}: ${why}`, at, context.where);
  }
}

function definedOnly<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
