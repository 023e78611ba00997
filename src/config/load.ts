import { statSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document, Node } from 'yaml';
import { importFile } from '../util/loader.js';
import { yamlLib } from '../util/yaml-lib.js';
import { KsetError, excerptAt, firstLine, lineColAt } from '../errors.js';
import { isObject, type Source } from '../types.js';
import {
  emptyConfig,
  type Config,
  type ImageEntry,
  type ImageField,
  type ImagePolicyEntry,
  type Origin,
  type PatchEntry,
  type PatchOptions,
  type PatchTarget,
} from './types.js';
import type { ConfigLocation, ConfigPath } from './validate.js';
import { asKustomizeReads } from './go-json.js';
import { readPolicyImage } from './image-policy.js';
import { YAML_11 } from '../yaml/schema.js';

/**
 * validate.ts and the schema validators it imports (100 KB of generated code) load with the first config:
 * runs without a config file do without them.
 */
let validation: typeof import('./validate.js');

export type LoadRestrictor = 'rootOnly' | 'none';

export interface LoadConfigOptions {
  /** `--config FILE`: that file (or a folder holding a kustomization.yaml), code-bearing files included. */
  configFile?: string;
  /** Where discovery starts and relative paths are taken from; the process's by default. */
  cwd?: string;
  /** `rootOnly` (the default): patch and CRD files must be inside the config file's folder. */
  loadRestrictor?: LoadRestrictor;
}

export interface ConfigFromObjectOptions {
  /** The folder that patch and CRD paths are relative to. */
  dir: string;
  /** The file to name in messages and origins. */
  file?: string;
  cwd?: string;
  loadRestrictor?: LoadRestrictor;
  /** Allow (and ignore) kustomize's own keys, as in a kustomization.yaml. */
  kustomization?: boolean;
}

/**
 * The files discovery looks for, in this order, in each folder from the current one upward
 * (cosmiconfig's order, then kset.yaml and .kset.yaml, the names people write by hand). Data formats
 * only: a config found by discovery never runs code.
 */
export const SEARCH_PLACES = [
  'package.json',
  '.ksetrc',
  '.ksetrc.json',
  '.ksetrc.yaml',
  '.ksetrc.yml',
  'kset.config.yaml',
  'kset.config.yml',
  'kset.config.json',
  'kset.yaml',
  'kset.yml',
  '.kset.yaml',
  '.kset.yml',
];

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const CODE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

/** A config file's parsed value and where it came from. */
interface LoadedFile extends ConfigLocation {
  value: unknown;
  kustomization: boolean;
  absolute?: string;
}

interface Context {
  where: ConfigLocation;
  dir: string;
  cwd: string;
  restrict: boolean;
  realDir?: Promise<string>;
}

/**
 * Loads the config named by `configFile`, or else the first one discovery finds from `cwd` upward
 * (stopping at the home folder when `cwd` is inside it); no config gives the empty config.
 *
 * Discovery deliberately does not use cosmiconfig's explorer: creating one loads a cosmiconfig
 * "meta config" (`.config/config.js`…) from the process's folder and `$import`s other files, which
 * would run a pull request's code.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Config> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const loaded =
    options.configFile !== undefined
      ? await loadNamedFile(path.resolve(cwd, options.configFile), cwd)
      : await discover(cwd);
  if (!loaded) return emptyConfig();
  const dir = path.dirname(loaded.absolute!);
  return normalize(loaded, { where: loaded, dir, cwd, restrict: options.loadRestrictor !== 'none' });
}

/** A config from a plain object (the library API), validated and normalised like a config file. */
export async function configFromObject(value: unknown, options: ConfigFromObjectOptions): Promise<Config> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const loaded: LoadedFile = { value, file: options.file, kustomization: options.kustomization ?? false };
  return normalize(loaded, {
    where: loaded,
    dir: path.resolve(cwd, options.dir),
    cwd,
    restrict: options.loadRestrictor !== 'none',
  });
}

// ---------------------------------------------------------------------------------------------
// Finding and reading the config file

async function discover(cwd: string): Promise<LoadedFile | undefined> {
  for (const dir of searchDirs(cwd)) {
    for (const place of SEARCH_PLACES) {
      const absolute = path.join(dir, place);
      if (!isFile(absolute)) continue; // a cheap look first: most candidates are missing, and start-up time counts
      const text = await readIfFile(absolute);
      if (text === undefined) continue;
      const display = displayPath(absolute, cwd);
      const loaded = place === 'package.json' ? packageJsonConfig(text, absolute, display) : dataFile(text, absolute, display);
      // As cosmiconfig: an empty file, or a package.json without `kset`, is passed over.
      if (loaded && loaded.value !== null && loaded.value !== undefined) return loaded;
    }
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // ENOTDIR, EACCES: no config there
  }
}

function* searchDirs(cwd: string): Generator<string> {
  const home = os.homedir();
  const stopAtHome = isInside(cwd, home) || cwd === home;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    yield dir;
    if ((stopAtHome && dir === home) || path.dirname(dir) === dir) return;
  }
}

async function readIfFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

async function loadNamedFile(absolute: string, cwd: string): Promise<LoadedFile> {
  let display = displayPath(absolute, cwd);
  const stats = await stat(absolute).catch(() => undefined);
  if (!stats) throw new KsetError(`config file ${display} not found`, { file: display });
  if (stats.isDirectory()) {
    const found = await firstKustomization(absolute);
    if (!found) throw new KsetError(`${display} is a folder without a kustomization.yaml`, { file: display });
    absolute = found;
    display = displayPath(absolute, cwd);
  }
  if (CODE_EXTENSIONS.has(path.extname(absolute).toLowerCase())) return codeFile(absolute, display);

  const text = await readFile(absolute, 'utf8');
  if (path.basename(absolute) === 'package.json') {
    const loaded = packageJsonConfig(text, absolute, display);
    if (!loaded) throw new KsetError(`${display} has no \`kset\` key`, { file: display });
    return loaded;
  }
  return dataFile(text, absolute, display);
}

async function firstKustomization(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_NAMES) {
    const file = path.join(dir, name);
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  }
  return undefined;
}

/** A YAML or JSON config file, read as kubectl reads YAML (1.1). */
function dataFile(text: string, absolute: string, display: string): LoadedFile {
  const { doc, value } = parseYaml(text, display);
  const node = (doc?.contents as Node | null | undefined) ?? null;
  return { value, file: display, text, doc, node, absolute, kustomization: isKustomization(absolute, value) };
}

function packageJsonConfig(text: string, absolute: string, display: string): LoadedFile | undefined {
  if (!text.includes('"kset"') || !hasKsetKey(text)) return undefined;
  const { doc, value } = parseYaml(text, display);
  if (!isObject(value) || value.kset === undefined) return undefined;
  const root = doc?.contents;
  const pair = yamlLib().isMap(root) ? root.items.find((item) => yamlLib().isScalar(item.key) && item.key.value === 'kset') : undefined;
  return { value: value.kset, file: display, text, doc, node: (pair?.value as Node) ?? null, absolute, kustomization: false };
}

/** JSON.parse first: the yaml package (which gives the key's line for messages) loads only when the key is there. */
function hasKsetKey(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) && value.kset !== undefined;
  } catch {
    return true; // not JSON: the yaml package says where
  }
}

function parseYaml(text: string, display: string) {
  // YAML 1.1 as sigs.k8s.io/yaml reads it (go-yaml v2: `yes` and `0755` are not strings, dates and
  // `1:20` are), and a key given twice is not an error: the last one wins.
  const docs = yamlLib().parseAllDocuments(text, { ...YAML_11, uniqueKeys: false });
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const deep = error.message.includes('call stack');
      const { line, col } = lineColAt(text, deep ? deepValueStart(doc, error.pos[0]) : error.pos[0]);
      const message = deep ? 'the config nests too deeply to be read (the value that does starts here)' : `invalid YAML: ${firstLine(error.message)}`;
      throw new KsetError(message, { file: display, line, col }, excerptAt(text, line, col));
    }
  }
  const filled = docs.filter((doc) => doc.contents !== null);
  if (filled.length > 1) {
    const { line, col } = lineColAt(text, filled[1]!.range[0]);
    throw new KsetError('a config file holds one YAML document, this one has several', { file: display, line, col });
  }
  const doc = filled[0];
  try {
    return { doc, value: doc ? (doc.toJS({ maxAliasCount: 100 }) as unknown) : null };
  } catch (error) {
    throw new KsetError(`invalid YAML: ${firstLine((error as Error).message)}`, { file: display });
  }
}

/**
 * Where the value holding `offset` starts, three levels down at most (`patches:`, an entry, its `patch:`):
 * reading YAML recurses, and stops with the stack exhausted deep inside such a value (an inline patch).
 */
function deepValueStart(doc: Document.Parsed, offset: number): number {
  const { isMap, isSeq } = yamlLib();
  let node = doc.contents as Node | null;
  let start = node?.range?.[0] ?? doc.range[0];
  for (let depth = 0; depth < 3 && node; depth++) {
    const children: unknown[] = isMap(node) ? node.items.map((pair) => pair.value) : isSeq(node) ? node.items : [];
    node = (children as (Node | null)[]).find((child) => child?.range && child.range[0] <= offset && offset <= child.range[2]) ?? null;
    if (node?.range) start = node.range[0];
  }
  return start;
}

async function codeFile(absolute: string, display: string): Promise<LoadedFile> {
  let module: { default?: unknown };
  try {
    module = (await importFile(pathToFileURL(absolute).href)) as { default?: unknown };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new KsetError(
        `cannot load ${display}: Node.js ${process.version} cannot import TypeScript; ` +
          'compile it to .mjs, or use a YAML or JSON config',
        { file: display },
      );
    }
    throw new KsetError(`cannot load ${display}: ${firstLine((error as Error).message)}`, { file: display });
  }
  if (module.default === undefined) throw new KsetError(`${display} has no default export`, { file: display });
  return { value: module.default, file: display, absolute, kustomization: false };
}

/** A kustomization.yaml by its name, or by its kind, apiVersion or resources. */
function isKustomization(absolute: string, value: unknown): boolean {
  if (KUSTOMIZATION_NAMES.includes(path.basename(absolute))) return true;
  if (!isObject(value)) return false;
  const { kind, apiVersion } = value;
  return (
    kind === 'Kustomization' ||
    kind === 'Component' ||
    (typeof apiVersion === 'string' && apiVersion.startsWith('kustomize.config.k8s.io/')) ||
    'resources' in value ||
    'bases' in value ||
    'components' in value
  );
}

// ---------------------------------------------------------------------------------------------
// From the validated value to Config

interface RawImage {
  name?: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

interface RawPatch {
  patch?: string;
  path?: string;
  target?: PatchTarget;
  options?: PatchOptions;
}

interface RawConfig {
  images?: RawImage[];
  imageTags?: RawImage[];
  patches?: RawPatch[];
  patchesStrategicMerge?: string[];
  patchesJson6902?: RawPatch[];
  imageFields?: (string | ImageField)[];
  imagePolicies?: { policy: string; image: string }[];
  crds?: string[];
}

async function normalize(loaded: LoadedFile, context: Context): Promise<Config> {
  const config = emptyConfig();
  if (loaded.file !== undefined) config.file = loaded.file;
  if (loaded.value === null || loaded.value === undefined) return config;
  validation ??= await import('./validate.js');
  const value = asKustomizeReads(asConfigKeys(loaded.value, loaded), loaded.kustomization);
  validation.validateConfig(value, loaded);
  const raw = value as RawConfig;

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

function imageEntry(raw: RawImage, at: ConfigPath, context: Context): ImageEntry {
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

export const KSET_API_VERSION = 'kset.dev/v1';
export const KSET_KIND = 'Kset';

/**
 * A `Kset` object (apiVersion kset.dev/v1, kind Kset: what `kset fn` takes as its functionConfig, a
 * file kpt and kustomize can point to) is a config whose keys are its fields besides apiVersion, kind
 * and metadata; any other value is the config as it is.
 */
function asConfigKeys(value: unknown, where: ConfigLocation): unknown {
  if (!isObject(value) || value.kind !== KSET_KIND) return value;
  if (value.apiVersion !== KSET_API_VERSION) {
    const found = value.apiVersion === undefined ? 'none' : JSON.stringify(value.apiVersion);
    throw validation.configError(`a ${KSET_KIND} has apiVersion ${KSET_API_VERSION}, not ${found}`, [value.apiVersion === undefined ? 'kind' : 'apiVersion'], where);
  }
  const { apiVersion: _a, kind: _k, metadata: _m, ...keys } = value;
  return keys;
}

function imagePolicyEntry(raw: { policy: string; image: string }, at: ConfigPath, context: Context): ImagePolicyEntry {
  const ref = readPolicyImage(raw.image);
  if (typeof ref === 'string') throw validation.configError(`${validation.pathLabel([...at, 'image'])}: ${ref}`, [...at, 'image'], context.where);
  return { policy: raw.policy, image: raw.image, ref, origin: originAt(at, context) };
}

async function patchEntry(
  raw: RawPatch,
  at: ConfigPath,
  context: Context,
  type?: PatchEntry['type'],
): Promise<PatchEntry> {
  const entry: PatchEntry =
    raw.path !== undefined
      ? await patchFromFile(raw.path, [...at, 'path'], validation.pathLabel(at), context)
      : { text: raw.patch!, origin: originAt(at, context, [...at, 'patch']) };
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
  const entry = inline
    ? { text: value, origin: originAt(at, context, at) }
    : await patchFromFile(value, at, validation.pathLabel(at), context);
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
  const origin: Origin = { label: validation.pathLabel(at) };
  if (where.file !== undefined) origin.file = where.file;
  const line = validation.positionAt(where, at).line;
  if (line !== undefined) origin.line = line;
  const textLine = textAt ? literalBlockStart(where, textAt) : undefined;
  if (textLine !== undefined) origin.textLine = textLine;
  return origin;
}

function literalBlockStart(where: ConfigLocation, at: ConfigPath): number | undefined {
  const { node, exact } = validation.nodeAt(where, at);
  if (!exact || !yamlLib().isScalar(node) || node.type !== 'BLOCK_LITERAL') return undefined;
  // The block's header (`|`, `|-`, `|2+`…) ends its line; the text starts on the next one.
  const line = validation.positionAt(where, at).line;
  return line === undefined ? undefined : line + 1;
}

/**
 * Reads a file the entry `label` names (at `at` in the config), relative to the config's folder
 * and, unless the load restrictor is off, inside it (symbolic links resolved).
 */
async function readReferencedFile(
  file: string,
  at: ConfigPath,
  label: string,
  context: Context,
): Promise<{ display: string; text: string }> {
  const absolute = path.resolve(context.dir, file);
  const outside = () =>
    validation.configError(
      `${label}: path ${file} is outside the config folder ${context.dir}; use --load-restrictor none`,
      at,
      context.where,
    );
  if (context.restrict && !isInside(absolute, context.dir)) throw outside();

  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    throw validation.configError(`${label}: cannot read ${file}: no such file in ${context.dir}`, at, context.where);
  }
  if (context.restrict) {
    context.realDir ??= realpath(context.dir);
    if (!isInside(real, await context.realDir)) throw outside();
  }
  try {
    return { display: displayPath(absolute, context.cwd), text: await readFile(absolute, 'utf8') };
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw validation.configError(`${label}: cannot read ${file}: ${why}`, at, context.where);
  }
}

// ---------------------------------------------------------------------------------------------

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}

/** `file` relative to `cwd` when it is inside it, else absolute. */
function displayPath(file: string, cwd: string): string {
  if (file === cwd) return '.';
  return isInside(file, cwd) ? path.relative(cwd, file) : file;
}

function definedOnly<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
