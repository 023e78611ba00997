import type { Document } from 'yaml';
import { yamlLib } from '../util/yaml-lib.js';
import type { PatchEntry } from '../config/types.js';
import { KsetError, excerptAt, firstLine, lineColAt, quote } from '../errors.js';
import { MAX_ALIAS_COUNT, YAML_11 } from '../yaml/schema.js';
import { exactInteger } from '../yaml/scalars.js';
import { toOperation, type Operation } from '../transform/json-patch.js';
import { isObject, type Json, type JsonObject, type Position } from '../types.js';

export type ParsedPatch = { type: 'json'; ops: Operation[] } | { type: 'strategic' | 'merge'; docs: JsonObject[] };

export interface ParseOptions {
  /**
   * `kustomize` (the default): a config `patches:` / `patchesStrategicMerge:` / `patchesJson6902:`
   * entry, with kustomize's rules: a strategic merge patch names its resource (kind and
   * metadata.name), a JSON 6902 patch has a target and at least one operation, several strategic
   * documents take no target, `kind: List` patches are unpacked.
   * `kubectl`: the text of `kset patch -p`/`--patch-file`, one document applied as `kubectl patch` does.
   */
  mode?: 'kustomize' | 'kubectl';
}

/**
 * Reads a patch entry's text (YAML 1.1 or JSON). Without a forced type, a list (of operations) is a
 * JSON 6902 patch and anything else strategic, as in kustomize. Throws KsetError with the position
 * in the config or patch file.
 */
export function parsePatch(entry: PatchEntry, options: ParseOptions = {}): ParsedPatch {
  const kustomize = options.mode !== 'kubectl';
  let docs = readDocuments(entry, kustomize);
  if (docs.length === 0) throw fail(entry, 'the patch is empty');
  const first = docs[0]!;
  const type = entry.type ?? (Array.isArray(first.value) ? 'json' : 'strategic');
  if (kustomize && type !== 'json') docs = readDocuments(entry, true, KYAML_TAGS);

  if (type === 'json') {
    // kustomize reads a JSON 6902 patch from the first document only.
    if (!kustomize && docs.length > 1) throw tooMany(entry, docs);
    if (!Array.isArray(first.value)) {
      throw fail(entry, `a JSON 6902 patch must be a list of operations, not ${kindOf(first.value, false)}`, first.offset);
    }
    const list = first.value;
    const ops = list.map((item, index) => at(entry, first.itemOffsets?.[index] ?? first.offset, () => toOperation(item, index)));
    if (kustomize && !entry.target) throw fail(entry, 'a JSON 6902 patch needs a target (kustomize applies it to the resources the target selects)');
    if (kustomize && ops.length === 0) throw fail(entry, 'the JSON 6902 patch has no operations', first.offset);
    return { type, ops };
  }

  if (!kustomize && docs.length > 1) throw tooMany(entry, docs);
  for (const doc of docs) {
    if (!isObject(doc.value)) {
      // a scalar patch is the whole text, maybe a file that is no patch at all: its contents are not quoted
      const what = Array.isArray(doc.value) ? 'a list (a list of operations is a JSON patch: use type json)' : kindOf(doc.value, false);
      throw fail(entry, `a ${type === 'merge' ? 'merge' : 'strategic merge'} patch must be a map, not ${what}`, doc.offset);
    }
  }
  if (!kustomize || type === 'merge') return { type, docs: docs.map((doc) => doc.value as JsonObject) };

  for (const doc of docs) checkNamed(entry, doc);
  const patches = unpackLists(entry, docs);
  if (patches.length === 0) throw fail(entry, 'the patch holds no strategic merge patch (only empty lists)');
  if (entry.target && patches.length > 1) {
    throw fail(entry, `a patch with a target must hold one strategic merge patch, not ${patches.length} (kustomize refuses several)`);
  }
  return { type, docs: patches };
}

interface ReadDocument {
  value: Json;
  /** Offset of the document's content in the text. */
  offset: number;
  /** Offsets of the items, when the document is a list. */
  itemOffsets?: number[];
}

/**
 * How kustomize reads a strategic merge patch: as a resource, with kyaml (go-yaml v3), where only
 * true and false are booleans: `yes`, `on`, `y`, `no` are strings (kubectl's go-yaml v2, and so
 * YAML_11, reads them as booleans; kustomize reads a JSON 6902 patch that way too).
 */
const KYAML_TAGS: typeof YAML_11.customTags = (tags) =>
  YAML_11.customTags(tags).map((tag) => {
    if (typeof tag === 'string' || !tag.tag.endsWith(':bool') || !(tag.test instanceof RegExp)) return tag;
    return { ...tag, test: tag.test.test('true') ? /^(?:[Tt]rue|TRUE)$/ : /^(?:[Ff]alse|FALSE)$/ };
  }) as ReturnType<typeof YAML_11.customTags>;

/**
 * The non-empty documents of the text, as plain values (YAML 1.1 scalars; timestamps stay strings, as in kubectl).
 * A repeated key is an error for kustomize; kubectl patch -p takes the last one.
 */
function readDocuments(entry: PatchEntry, uniqueKeys: boolean, customTags = YAML_11.customTags): ReadDocument[] {
  const parsed = yamlLib().parseAllDocuments(entry.text, { ...YAML_11, uniqueKeys, customTags });
  const docs = Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [];
  const result: ReadDocument[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    const offset = doc.contents?.range?.[0] ?? doc.range[0];
    // reading YAML recurses: a patch nested thousands of levels deep overflows the stack where it gets too deep
    if (error?.message.includes('call stack')) throw fail(entry, TOO_DEEP, offset);
    if (error) throw fail(entry, `the patch is not valid YAML: ${firstLine(error.message)}`, error.pos[0]);
    if (doc.contents === null) continue;
    let value: Json;
    try {
      value = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null) as Json;
    } catch (error) {
      if (error instanceof RangeError && error.message.includes('call stack')) throw fail(entry, TOO_DEEP, offset);
      throw fail(entry, `the patch cannot be read: ${firstLine((error as Error).message)}`, offset);
    }
    if (value === null) continue;
    refuseInexactIntegers(entry, doc);
    const itemOffsets = yamlLib().isSeq(doc.contents) ? doc.contents.items.map((item) => item.range[0]) : undefined;
    result.push(itemOffsets ? { value, offset, itemOffsets } : { value, offset });
  }
  return result;
}

/**
 * An integer the patch gives that a double cannot hold (9007199254740993, read as ...992) is an error: kubectl
 * would write it exactly, kset would write another number (an int64 kubectl keeps exactly, as written).
 */
function refuseInexactIntegers(entry: PatchEntry, doc: Document.Parsed): void {
  if (!/[0-9a-fA-F_]{14}/.test(entry.text.slice(doc.range[0], doc.range[2]))) return; // no integer that long
  yamlLib().visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'number' || Number.isSafeInteger(node.value)) return;
      const exact = exactInteger((node as { source?: string }).source ?? '');
      if (exact === undefined || BigInt(node.value) === exact) return;
      throw fail(
        entry,
        `the number ${exact} cannot be written exactly: kset holds numbers as doubles, which would make it ${BigInt(node.value)}`,
        node.range?.[0],
      );
    },
  });
}

const TOO_DEEP = 'the patch nests too deeply to be read (it starts here)';

/** kustomize loads strategic merge patches as resources: each needs a kind, and a name unless it is a List. */
function checkNamed(entry: PatchEntry, doc: ReadDocument): void {
  const patch = doc.value as JsonObject;
  const kind = patch.kind;
  if (typeof kind !== 'string' || kind === '') {
    throw fail(entry, 'a strategic merge patch needs a kind (and metadata.name), as in kustomize', doc.offset);
  }
  if (kind.endsWith('List')) return;
  const metadata = patch.metadata;
  const name = isObject(metadata) ? metadata.name : undefined;
  if (typeof name !== 'string' || name === '') {
    throw fail(entry, 'a strategic merge patch needs metadata.name, as in kustomize (a target, if any, still chooses the resources)', doc.offset);
  }
}

/** A `kind: …List` patch stands for its items, which kustomize queues after the other documents. */
function unpackLists(entry: PatchEntry, docs: ReadDocument[]): JsonObject[] {
  const queue: { value: JsonObject; offset: number }[] = docs.map((doc) => ({ value: doc.value as JsonObject, offset: doc.offset }));
  const result: JsonObject[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { value, offset } = next;
    const kind = value.kind;
    if (typeof kind !== 'string' || !kind.endsWith('List')) {
      result.push(value);
      continue;
    }
    const items = value.items;
    if (items === undefined || items === null) continue;
    if (!Array.isArray(items)) throw fail(entry, `the items of the ${kind} patch must be a list, not ${kindOf(items)}`, offset);
    for (const item of items) {
      if (!isObject(item)) throw fail(entry, `every item of the ${kind} patch must be a map, not ${kindOf(item)}`, offset);
      queue.push({ value: item, offset });
    }
  }
  return result;
}

function tooMany(entry: PatchEntry, docs: ReadDocument[]): KsetError {
  return fail(entry, `the patch must be one document, not ${docs.length}`, docs[1]!.offset);
}

/** Runs `read`, placing a KsetError it throws at `offset` of the patch text. */
function at<T>(entry: PatchEntry, offset: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof KsetError) throw fail(entry, error.message, offset);
    throw error;
  }
}

/**
 * A KsetError naming the entry, placed in the file that holds the text: at the line (and, for a
 * whole patch file, the column) of `offset` when the text is copied line for line from the file,
 * else at the entry itself.
 */
function fail(entry: PatchEntry, message: string, offset?: number): KsetError {
  const { label, file, line: entryLine, textLine } = entry.origin;
  const position: Position = {};
  if (file !== undefined) position.file = file;
  if (entryLine !== undefined) position.line = entryLine;
  let excerpt: string | undefined;
  if (offset !== undefined) {
    const { line, col } = lineColAt(entry.text, offset);
    if (textLine !== undefined) {
      position.line = textLine + line - 1;
      if (textLine === 1) position.col = col;
      excerpt = excerptAt(entry.text, line, col, position.line);
    } else {
      excerpt = excerptAt(entry.text, line, col);
    }
  }
  return new KsetError(`${label}: ${message}`, position, excerpt || undefined);
}

function kindOf(value: Json, quoted = true): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (!quoted) return `a ${typeof value}`;
  return `a ${typeof value} (${typeof value === 'string' ? quote(value) : JSON.stringify(value)})`;
}
