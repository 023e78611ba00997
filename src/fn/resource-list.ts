import { KsetError, lineColAt } from '../errors.js';
import { parseDocument, type ManifestDocument } from '../read/document.js';
import { skipByteOrderMark, splitStream } from '../yaml/split.js';
import { reconcile } from '../reconcile/reconcile.js';
import { splice } from '../render/splice.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { isMap, isScalar, isSeq, type TreeNode } from '../yaml/tree.js';

export const RESOURCE_LIST = 'ResourceList';

/** The list a function reads (a ResourceList, or any `*List` the spec also allows), where it stands in the input. */
export interface ListDocument {
  document: ManifestDocument;
  root: TreeNode | null;
  value: JsonObject;
  /** Each item's first and last line in the whole input, and its value. */
  items: { first: number; last: number; value: Json }[];
}

/**
 * The one document of a function's input: a `config.kubernetes.io/v1` ResourceList (or a `v1 List`,
 * which the spec also asks functions to take). Anything else is a KsetError.
 */
export function readList(text: string): ListDocument {
  const found: ListDocument[] = [];
  let index = 0;
  for (const whole of splitStream(text)) {
    const { chunk, text: own } = skipByteOrderMark(whole, text.slice(whole.start, whole.end));
    const document: ManifestDocument = { file: null, index: index++, chunk, text: own };
    const { roots, values } = parseDocument(document);
    values.forEach((value, i) => {
      if (value !== null) found.push({ document, root: roots[i] ?? null, value: value as JsonObject, items: [] });
    });
  }
  const list = found[0];
  if (found.length !== 1 || !isObject(list!.value) || !isList(list!.value)) {
    throw new KsetError(`kset fn reads one ResourceList (apiVersion: config.kubernetes.io/v1, kind: ResourceList, items: [...]) on stdin`);
  }
  list!.items = itemLines(list!);
  return list!;
}

export function isResourceList(value: JsonObject): boolean {
  return value.kind === RESOURCE_LIST;
}

function isList(value: JsonObject): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && (Array.isArray(value.items) || value.items === undefined || value.items === null);
}

function itemLines({ document, root, value }: ListDocument): ListDocument['items'] {
  if (!isMap(root) || !Array.isArray(value.items)) return [];
  const pair = root.items.find(({ key }) => isScalar(key) && key.value === 'items');
  if (!isSeq(pair?.value)) return [];
  const line = (offset: number) => document.chunk.line + lineColAt(document.text, offset).line - 1;
  const values = value.items;
  return pair.value.items.flatMap((node, i) => (node ? [{ first: line(node.range[0]), last: line(node.range[1]), value: values[i] ?? null }] : []));
}

/** One entry of a ResourceList's `results` (kpt's fnresult ResultItem). */
export interface FunctionResult {
  message: string;
  severity: 'error' | 'warning' | 'info';
  resourceRef?: { apiVersion?: string; kind?: string; name?: string; namespace?: string };
  file?: { path: string; index?: number };
}

/**
 * A result for `message`, tied to the item at `line` of the input when there is one: its resource
 * and the file the host read it from (the host's path and index annotations).
 */
export function resultAt(list: ListDocument, severity: FunctionResult['severity'], message: string, line?: number): FunctionResult {
  const result: FunctionResult = { message, severity };
  const item = line === undefined ? undefined : list.items.find(({ first, last }) => first <= line && line <= last)?.value;
  if (!isObject(item)) return result;
  const metadata = isObject(item.metadata) ? item.metadata : {};
  const ref: NonNullable<FunctionResult['resourceRef']> = {};
  if (typeof item.apiVersion === 'string') ref.apiVersion = item.apiVersion;
  if (typeof item.kind === 'string') ref.kind = item.kind;
  if (typeof metadata.name === 'string') ref.name = metadata.name;
  if (typeof metadata.namespace === 'string') ref.namespace = metadata.namespace;
  if (Object.keys(ref).length) result.resourceRef = ref;
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  const path = annotations['internal.config.kubernetes.io/path'] ?? annotations['config.kubernetes.io/path'];
  const index = Number(annotations['internal.config.kubernetes.io/index'] ?? annotations['config.kubernetes.io/index']);
  if (typeof path === 'string') result.file = Number.isInteger(index) ? { path, index } : { path };
  return result;
}

/**
 * `text` (a function's output, holding the list) with `results` appended to the ResourceList's
 * `results`: written by the reconciler, in the document's style; every other byte stays.
 */
export function withResults(text: string, results: FunctionResult[]): string {
  if (!results.length) return text;
  const list = readList(text);
  if (!isResourceList(list.value)) return text;
  const before = list.value;
  const earlier = Array.isArray(before.results) ? before.results : [];
  const after = { ...before, results: [...earlier, ...(results as unknown as Json[])] };
  const { chunk } = list.document;
  const written = splice(list.document.text, reconcile(list.root, list.document.text, before, after));
  return text.slice(0, chunk.start) + written + text.slice(chunk.end);
}
