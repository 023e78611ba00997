import type { Origin } from './config/types.js';
import { KsetError } from './errors.js';
import { controlCharacterAt, controlCharacterMessage } from './read/decode.js';
import { parseDocument, positioned, type ManifestDocument } from './read/document.js';
import { skipByteOrderMark, splitStream, type Chunk } from './yaml/split.js';
import type { TreeNode } from './yaml/tree.js';
import { reconcile } from './reconcile/reconcile.js';
import { splice, type Edit } from './render/splice.js';
import { resourceId } from './resource-id.js';
import type { Change, FileResult } from './results.js';
import { isObject, type Json, type JsonObject, type Source } from './types.js';
import { diffValues } from './util/diff-values.js';
import { at } from './util/at.js';
import { readsBackOnItsLine, verifyReadBack } from './read-back.js';

export type { Change, FileResult } from './results.js';

/** Where a resource is: its document, and its item index when it stands in a List. */
export interface ResourcePlace {
  document: ManifestDocument;
  /** Index in the List's `items`, when the resource is a List item. */
  item?: number;
  /** Offset of the resource's YAML document in the document text, for error positions. */
  offset: number;
}

/** What the steps know of the resource they transform, besides its current value: one per resource. */
export interface ResourceContext extends ResourcePlace {
  /** The resource as read, before any step. */
  readonly original: JsonObject;
  /**
   * The ids (apiVersion, kind, metadata name and namespace) the resource had before steps renamed it,
   * oldest first: kustomize's previous ids. A step that changes the id adds the one before.
   */
  readonly earlierIds: JsonObject[];
}

/** One transformation of the pipeline: a config entry, a flag, a verb. */
export interface Step {
  origin: Origin;
  /** A cheap look at a document's text: false when the step surely leaves it alone. */
  mayTouch?(text: string): boolean;
  /** The transformed resource (the same object when unchanged), or null to remove it. */
  apply(resource: JsonObject, context: ResourceContext): JsonObject | null;
  /** Called once after the whole input: throws what only the whole input shows, returns warnings. */
  finish?(): string[];
  /** The step reads definitions (CRDs) from all of the input: a stream is read to its end before its first document. */
  readsAhead?: boolean;
  /** finish() may throw: no output may be written before the end of the input. */
  failsAtEnd?: boolean;
}

export interface PipelineResult {
  files: FileResult[];
  changes: Change[];
  warnings: string[];
}

export interface PipelineOptions {
  /** Record every change (for --report and the library API). */
  report?: boolean;
  /** Rewrites each document's output: `--normalize` (render/normalize.ts) writes it in kset's canonical style. */
  normalize?: (text: string) => string;
}

/** Runs the steps over every resource of every source, in order, and writes each changed document back. */
export function runPipeline(sources: Source[], steps: Step[], options: PipelineOptions = {}): PipelineResult {
  const pipeline = new DocumentPipeline(steps, options);
  const files = sources.map((source) => {
    let output = '';
    const documentEnds: FileResult['documentEnds'] = [];
    for (const chunk of splitStream(source.text)) {
      output += pipeline.transform(source.path, chunk, source.text.slice(chunk.start, chunk.end));
      documentEnds.push({ input: chunk.end, output: output.length });
    }
    return { path: source.path, input: source.text, output, changed: output !== source.text, documentEnds };
  });
  const warnings = pipeline.finish();
  return { files, changes: pipeline.changes, warnings };
}

/** The pipeline one document at a time, in stream order: for whole sources, or for a stream as it is read. */
export class DocumentPipeline {
  readonly changes: Change[] = [];
  private index = 0;

  constructor(
    private readonly steps: Step[],
    private readonly options: PipelineOptions = {},
  ) {}

  /** The new text of a document: `text`, the `chunk` of `file` (null for stdin). */
  transform(file: string | null, chunk: Chunk, text: string): string {
    const unmarked = skipByteOrderMark(chunk, text);
    if (unmarked.mark) {
      // the yaml package would take a second mark for the first, and kset's output for a broken stream
      if (unmarked.text.charCodeAt(0) === 0xfeff)
        throw positioned({ file, index: this.index, chunk, text }, 'a second byte order mark (one may start the stream, not two)', 1);
      return unmarked.mark + this.transform(file, unmarked.chunk, unmarked.text);
    }
    const document: ManifestDocument = { file, index: this.index++, chunk, text };
    // every document, even one no step reads and that is written back as it came (go-yaml refuses them all)
    const control = controlCharacterAt(text);
    // no excerpt: the line would carry the control character (an escape sequence, say) to the terminal
    if (control !== -1) throw new KsetError(controlCharacterMessage(text, control), positioned(document, '', control).position);
    try {
      const output = transformDocument(document, this.steps, this.options.report ? this.changes : undefined);
      return this.options.normalize ? normalized(document, output, this.options.normalize) : output;
    } catch (e) {
      // reading and writing YAML recurse: a document nested thousands of levels deep overflows the stack
      if (e instanceof RangeError && /call stack/.test(e.message)) throw positioned(document, 'the document nests too deeply to be read', 0);
      throw e;
    }
  }

  /** After the last document: throws what only the whole input shows, returns the warnings. */
  finish(): string[] {
    return this.steps.flatMap((step) => step.finish?.() ?? []);
  }
}

function transformDocument(document: ManifestDocument, steps: Step[], changes: Change[] | undefined): string {
  const active = steps.filter((step) => !step.mayTouch || step.mayTouch(document.text));
  const { roots, values, ends } = parseDocument(document, { values: active.length > 0 });
  if (active.length === 0) return document.text;
  const edits: Edit[] = [];
  const removed: number[] = [];
  const expected: Json[] = [];
  roots.forEach((root, i) => {
    const before = at(values, i);
    const after = transformValue(before, { document, offset: root?.range[0] ?? 0 }, active, changes);
    if (after !== null) expected.push(after);
    if (after === before) return;
    // a `$patch: delete` removes the document
    if (after === null) removed.push(i);
    else edits.push(...reconcileOrFail(document, root, before, after));
  });
  if (removed.length && removed.length === roots.length) return '';
  for (const i of removed) edits.push(documentRemoval(document.text, ends, i));
  if (!edits.length) return document.text;
  const output = splice(document.text, edits);
  // a scalar written in place of another on its line is read back there; anything else, with the whole document
  if (!edits.every((edit) => readsBackOnItsLine(document.text, edit))) verifyReadBack(document, output, expected, { text: document.text, values });
  return output;
}

/** A document's output written in the canonical style (`--normalize`), checked to read as before. */
function normalized(document: ManifestDocument, output: string, normalize: (text: string) => string): string {
  const text = normalize(output);
  if (text === output) return text;
  const { values } = parseDocument({ ...document, text: output });
  verifyReadBack(document, text, values, { text: output, values });
  return text;
}

/**
 * The edit that removes the i-th of the YAML documents a chunk holds (`...` ends one before the next):
 * its text up to the end of its `...` line, from the end of the one before; the chunk's own `---` line stays.
 */
function documentRemoval(text: string, ends: number[], i: number): Edit {
  const end = at(ends, i);
  if (i > 0) return { start: at(ends, i - 1), end, text: '' };
  return /^---(?=\s|$)/.test(text) ? { start: 3, end, text: '\n' } : { start: 0, end, text: '' };
}

function reconcileOrFail(document: ManifestDocument, root: TreeNode | null, before: Json, after: Json): Edit[] {
  try {
    return reconcile(root, document.text, before, after);
  } catch (e) {
    if (e instanceof KsetError) throw e;
    throw positioned(document, `cannot write the change back: ${(e as Error).message}`, 0);
  }
}

/** A document's new value: its resource transformed, or each item of a List. */
function transformValue(value: Json, place: ResourcePlace, steps: Step[], changes: Change[] | undefined): Json {
  if (!isObject(value)) return value;
  if (isList(value)) {
    // an item a step removes leaves the list; items that were null (or not resources) stay
    const items = value.items as Json[];
    const next: Json[] = [];
    let changed = false;
    items.forEach((item, i) => {
      const result = isObject(item) ? transformResource(item, { ...place, item: i }, steps, changes) : item;
      if (result !== item) changed = true;
      if (result !== null || item === null) next.push(result);
    });
    return changed ? { ...value, items: next } : value;
  }
  return transformResource(value, place, steps, changes);
}

function transformResource(resource: JsonObject, place: ResourcePlace, steps: Step[], changes: Change[] | undefined): JsonObject | null {
  const context: ResourceContext = { ...place, original: resource, earlierIds: [] };
  let current: JsonObject | null = resource;
  for (const step of steps) {
    if (current === null) break;
    const next = applyStep(step, current, context);
    if (changes && next !== current) record(changes, current, next, context, step.origin);
    current = next;
  }
  return current;
}

/** A step's result; its errors get the document's position when they have none of their own. */
function applyStep(step: Step, resource: JsonObject, context: ResourceContext): JsonObject | null {
  try {
    return step.apply(resource, context);
  } catch (e) {
    if (e instanceof KsetError && !e.position.file) {
      throw positioned(context.document, `${step.origin.label}: ${e.message}`, context.offset);
    }
    throw e;
  }
}

function record(changes: Change[], before: JsonObject, after: JsonObject | null, context: ResourceContext, origin: Origin) {
  const resource = resourceId(before);
  const prefix = context.item === undefined ? '' : `/items/${context.item}`;
  for (const change of diffValues(before, after ?? undefined)) {
    changes.push({
      file: context.document.file,
      document: context.document.index,
      resource,
      ...change,
      pointer: prefix + change.pointer,
      origin,
    });
  }
}

/** `kind: List` and `kind: *List` documents with `items` are containers of resources. */
export function isList(value: JsonObject): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}
