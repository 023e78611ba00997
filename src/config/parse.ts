import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document, Node } from 'yaml';
import { yamlLib } from '../util/yaml-lib.js';
import { importFile } from '../util/loader.js';
import { KsetError, excerptAt, firstLine, lineColAt } from '../errors.js';
import { isObject } from '../types.js';
import type { ConfigLocation } from './validate.js';
import { YAML_11 } from '../yaml/schema.js';

/**
 * A config's value as read, where it came from (for errors that point into its text), and whether
 * it is a kustomization.yaml (whose kustomize keys are then allowed).
 */
export interface ConfigValue extends ConfigLocation {
  value: unknown;
  kustomization: boolean;
}

/** A config read from a file; patch and CRD paths in it are relative to the file's folder. */
export interface ConfigFile extends ConfigValue {
  absolute: string;
}

/** The names kustomize gives a kustomization file, in its order of preference. */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** A YAML or JSON config file, read as kubectl reads YAML (1.1). */
export function parseDataFile(text: string, absolute: string, display: string): ConfigFile {
  const { doc, value } = parseYaml(text, display);
  const node = (doc?.contents as Node | null | undefined) ?? null;
  return { value, file: display, text, doc, node, absolute, kustomization: isKustomization(absolute, value) };
}

/** The `kset` key of a package.json, or undefined when it has none. */
export function parsePackageJson(text: string, absolute: string, display: string): ConfigFile | undefined {
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

/** A code-bearing config file (.js, .mjs, .ts…): its default export. Only ever for a file named by --config. */
export async function importCodeFile(absolute: string, display: string): Promise<ConfigFile> {
  let module: { default?: unknown };
  try {
    module = (await importFile(pathToFileURL(absolute).href)) as { default?: unknown };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new KsetError(
        `cannot load ${display}: Node.js ${process.version} cannot import TypeScript; ` + 'compile it to .mjs, or use a YAML or JSON config',
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
