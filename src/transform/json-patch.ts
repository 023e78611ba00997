import type { Operation as LeafOperation } from 'fast-json-patch';
import { KsetError, quote } from '../errors.js';
import { effectiveNamespace } from '../schema/scope.js';
import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';
import { lazyPackage } from '../util/yaml-lib.js';
import { deepEqual } from '../util/equal.js';
import { escapeSegment, unescapeSegment } from '../util/json-pointer.js';
import { at as itemAt } from '../util/at.js';

/** fast-json-patch, loaded with the first JSON patch. */
const jsonpatch = lazyPackage<typeof import('fast-json-patch')>('fast-json-patch');

/**
 * RFC 6902 JSON patch with kustomize v5.5's reading of it (evanphx/json-patch v4 under the hood,
 * as in kubectl patch --type json):
 * - `replace` of a missing map key adds it; `add` never creates missing parents;
 * - list indices are read as Go's `strconv.Atoi` reads them (`+1`, `01`) and may be negative,
 *   counting from the end (`-1` is the last item; for `add`, `-1` appends);
 * - `test` of a missing map key against `null` passes; `add`/`replace` without `value` write null,
 *   and `copy` from a missing map key copies null;
 * - a path that does not start with `/` loses what comes before its first `/` (`spec/x` is `/x`);
 * - while kustomize patches, `metadata.annotations` holds its internal annotations
 *   (`internal.config.kubernetes.io/previousKinds`, `previousNames`, `previousNamespaces`): an operation
 *   under it works on a resource without annotations, a `test` of the whole map fails, and a `copy`
 *   of it takes them along. They leave `metadata.annotations` after the patch, and an annotations map
 *   left empty goes with them (`annotations: {}` or null included), as kustomize sets them anew.
 * `test` without `value` is an error (evanphx compares with null, or crashes on a missing key).
 */

export type OpName = 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';

export interface Operation {
  op: OpName;
  path: string;
  /** `move` and `copy` only. */
  from?: string;
  /** `add`, `replace` and `test` only. */
  value?: Json;
}

const OP_NAMES: readonly string[] = ['add', 'remove', 'replace', 'move', 'copy', 'test'];
const TAKES_VALUE = new Set(['add', 'replace', 'test']);
const NEEDS_FROM = new Set(['move', 'copy']);

/** Checks the shape of a parsed JSON patch (a list of operation maps) and returns it typed. */
export function toOperations(value: Json): Operation[] {
  if (!Array.isArray(value)) throw new KsetError('a JSON patch must be a list of operations');
  return value.map((item, index) => toOperation(item, index));
}

/** Checks one operation, `index` being its place in the patch (for messages). */
export function toOperation(item: Json, index: number): Operation {
  const at = `operation ${index}`;
  if (!isObject(item)) throw new KsetError(`${at}: must be a map with "op" and "path", not ${describe(item)}`);
  const { op, path, from } = item;
  if (op === undefined) throw new KsetError(`${at}: missing "op"`);
  if (typeof op !== 'string' || !OP_NAMES.includes(op)) {
    throw new KsetError(`${at}: unknown op ${typeof op === 'string' ? quote(op) : show(op)} (expected add, remove, replace, move, copy or test)`);
  }
  if (path === undefined) throw new KsetError(`${at} (${op}): missing "path"`);
  if (typeof path !== 'string') throw new KsetError(`${at} (${op}): "path" must be a string`);
  const head = `${at} (${op} ${showPath(path)})`;
  const operation: Operation = { op: op as OpName, path: pointerOf(path, `${head}: "path"`) };
  if (NEEDS_FROM.has(op)) {
    if (from === undefined) throw new KsetError(`${head}: missing "from"`);
    if (typeof from !== 'string') throw new KsetError(`${head}: "from" must be a string`);
    operation.from = pointerOf(from, `${head}: "from"`);
  }
  if (TAKES_VALUE.has(op)) {
    if (op === 'test' && !('value' in item)) throw new KsetError(`${head}: missing "value"`);
    operation.value = item.value ?? null;
  }
  return operation;
}

/** evanphx/json-patch splits a pointer on `/` and drops the first part: `spec/x` is `/x`. */
function pointerOf(pointer: string, what: string): string {
  if (pointer === '' || pointer.startsWith('/')) return pointer;
  const slash = pointer.indexOf('/');
  if (slash < 0) throw new KsetError(`${what} ${quote(pointer)} must start with "/"`);
  return pointer.slice(slash);
}

/**
 * Applies `ops` in order to a copy of `doc` (the input is never changed); throws KsetError on the first failing op.
 * `kubectl: true` (the patch verb) leaves out kustomize's internal annotations: kubectl patch fails on
 * `add /metadata/annotations/x` when there are no annotations.
 */
export function applyJsonPatch(doc: Json, ops: readonly Operation[], options: { kubectl?: boolean } = {}): Json {
  if (ops.length === 0) return doc;
  const work = new Working(doc, !options.kubectl);
  const secret = isObject(doc) && doc.kind === 'Secret';
  ops.forEach((raw, index) => {
    const op = toOperation(raw as unknown as Json, index);
    work.hideValues = secret && [op.path, op.from].some((p) => p !== undefined && /^\/(data|stringData)(\/|$)/.test(p));
    try {
      applyOne(work, op);
    } catch (error) {
      if (error instanceof PathError) throw new KsetError(`${describeOp(op, index)}: ${error.message}`);
      throw error;
    }
  });
  return work.finish();
}

class PathError extends Error {}

type Container = JsonObject | readonly Json[];
/** A container the patch made its own copy of: the only kind it changes. */
type Owned = WritableJsonObject | Json[];

const INTERNAL_ANNOTATIONS = ['previousKinds', 'previousNames', 'previousNamespaces'].map((name) => `internal.config.kubernetes.io/${name}`);

/** The document being patched: containers on written paths are copied once, the rest is shared. */
class Working {
  root: Json;
  private readonly owned = new WeakSet<object>();
  private readonly original: Json;
  private internalAnnotations = false;
  /** While an operation on a Secret's data runs: its error messages show no values. */
  hideValues = false;

  constructor(doc: Json, kustomize: boolean) {
    this.root = doc;
    this.original = doc;
    if (kustomize) this.addInternalAnnotations();
  }

  own(container: JsonObject): WritableJsonObject;
  own(container: Container): Owned;
  own(container: Container): Owned {
    if (this.owned.has(container)) return container as Owned;
    const copy: Owned = isList(container) ? container.slice() : { ...container };
    this.owned.add(copy);
    return copy;
  }

  /** kustomize stores the resource's id in metadata.annotations before it patches (StorePreviousId). */
  private addInternalAnnotations(): void {
    if (!isObject(this.root) || !isObject(this.root.metadata)) return;
    const existing = this.root.metadata.annotations;
    if (existing !== undefined && existing !== null && !isObject(existing)) return;
    const root = (this.root = this.own(this.root));
    const metadata = (root.metadata = this.own(this.root.metadata as JsonObject));
    const [kinds, names, namespaces] = INTERNAL_ANNOTATIONS as [string, string, string];
    const annotations: WritableJsonObject = {
      ...(existing ?? {}),
      [kinds]: typeof root.kind === 'string' ? root.kind : '',
      [names]: typeof metadata.name === 'string' ? metadata.name : '',
      [namespaces]: effectiveNamespace(root),
    };
    this.owned.add(annotations);
    metadata.annotations = annotations;
    this.internalAnnotations = true;
  }

  /** The patched document, kustomize's internal annotations taken out of metadata.annotations again. */
  finish(): Json {
    if (!this.internalAnnotations || !isObject(this.root)) return this.root;
    const metadata = this.root.metadata;
    if (!isObject(metadata) || !isObject(metadata.annotations)) return this.root;
    const annotations: WritableJsonObject = { ...metadata.annotations };
    for (const key of INTERNAL_ANNOTATIONS) delete annotations[key];
    const before = isObject(this.original) && isObject(this.original.metadata) ? this.original.metadata.annotations : undefined;
    const rest: WritableJsonObject = { ...metadata };
    delete rest.annotations;
    // kustomize sets the annotations anew after the patch: an empty map goes (`annotations: {}` or null too)
    if (isObject(before) && equalMaps(annotations, before) && Object.keys(before).length > 0) rest.annotations = before;
    else if (Object.keys(annotations).length > 0) rest.annotations = annotations;
    return { ...this.root, metadata: rest };
  }
}

function equalMaps(a: JsonObject, b: JsonObject): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key, i) => Object.keys(b)[i] === key && a[key] === b[key]);
}

function applyOne(work: Working, op: Operation): void {
  switch (op.op) {
    case 'add':
      return add(work, op.path, structuredClone(op.value ?? null));
    case 'remove':
      remove(work, op.path);
      return;
    case 'replace':
      return replace(work, op.path, structuredClone(op.value ?? null));
    case 'move': {
      const value = remove(work, op.from!, 'from ');
      return add(work, op.path, value);
    }
    case 'copy': {
      if (op.from === '') throw new PathError('the document root cannot be copied');
      const value = get(work, op.from!, 'from ');
      return add(work, op.path, structuredClone(value ?? null));
    }
    case 'test':
      return test(work, op.path, op.value ?? null);
  }
}

function add(work: Working, path: string, value: Json): void {
  if (path === '') throw new PathError('the document root cannot be added; use replace');
  const { parent, key } = parentFor(work, path);
  const leaf = Array.isArray(parent) ? addIndex(parent, key, parentOf(path)) : key;
  leafOperation(parent, { op: 'add', path: leafPath(leaf), value });
}

function remove(work: Working, path: string, role = ''): Json {
  if (path === '') throw new PathError(`the document root cannot be ${role ? 'moved' : 'removed'}`);
  const { parent, key } = parentFor(work, path, role);
  let leaf = key;
  if (Array.isArray(parent)) leaf = String(itemIndex(parent, key, parentOf(path)));
  else if (!Object.hasOwn(parent, key)) throw new PathError(`${role}path ${path} not found`);
  return leafOperation(parent, { op: 'remove', path: leafPath(leaf) }) as Json;
}

function replace(work: Working, path: string, value: Json): void {
  if (path === '') {
    work.root = value;
    return;
  }
  const { parent, key } = parentFor(work, path);
  const leaf = Array.isArray(parent) ? String(itemIndex(parent, key, parentOf(path))) : key;
  leafOperation(parent, { op: 'replace', path: leafPath(leaf), value });
}

function test(work: Working, path: string, expected: Json): void {
  const actual = get(work, path);
  if (actual === undefined) {
    if (expected === null) return;
    throw new PathError(`test failed: no value, expected ${show(expected, work.hideValues)}`);
  }
  if (!deepEqual(actual, expected)) {
    throw new PathError(`test failed: value is ${show(actual, work.hideValues)}, expected ${show(expected, work.hideValues)}`);
  }
}

/** fast-json-patch makes the change on the (already copied) parent container. */
function leafOperation(parent: Owned, operation: LeafOperation): Json | undefined {
  return jsonpatch().applyOperation(parent, operation, false, true).removed as Json | undefined;
}

function leafPath(key: string): string {
  return '/' + escapeSegment(key);
}

function segmentsOf(path: string): string[] {
  const segments = path
    .slice(1)
    .split('/')
    .map((segment) => unescapeSegment(segment));
  if (segments.includes('__proto__')) throw new PathError('a path through "__proto__" is not supported');
  return segments;
}

/** Walks to the parent of `path`, copying every container on the way, and returns it with the last key. */
function parentFor(work: Working, path: string, role = ''): { parent: Owned; key: string } {
  const segments = segmentsOf(path);
  const key = segments.pop()!;
  if (!isContainer(work.root)) throw new PathError(`${role}path not found: the document is ${describe(work.root, work.hideValues)}`);
  let parent: Owned = (work.root = work.own(work.root));
  let at = '';
  for (const segment of segments) {
    const child = step(parent, segment, at, role);
    at += '/' + escapeSegment(segment);
    if (!isContainer(child)) throw new PathError(`${role}path not found: ${at} is ${describe(child, work.hideValues)}, not a map or list`);
    const owned = work.own(child);
    setChild(parent, segment, owned);
    parent = owned;
  }
  return { parent, key };
}

/** The value at `path`, or undefined when its last key is missing from an existing map. */
function get(work: Working, path: string, role = ''): Json | undefined {
  const root = work.root;
  if (path === '') return root;
  const segments = segmentsOf(path);
  const key = segments.pop()!;
  let parent: Json = root;
  let at = '';
  for (const segment of segments) {
    if (!isContainer(parent)) break;
    parent = step(parent, segment, at, role);
    at += '/' + escapeSegment(segment);
  }
  if (!isContainer(parent)) {
    throw new PathError(`${role}path not found: ${at || 'the document'} is ${describe(parent, work.hideValues)}, not a map or list`);
  }
  if (isList(parent)) return itemAt(parent, itemIndex(parent, key, parentOf(path)));
  return Object.hasOwn(parent, key) ? parent[key] : undefined;
}

function step(parent: Container, segment: string, at: string, role: string): Json {
  if (isList(parent)) return itemAt(parent, itemIndex(parent, segment, at));
  const value = Object.hasOwn(parent, segment) ? parent[segment] : undefined;
  if (value === undefined) throw new PathError(`${role}path not found: ${at}/${escapeSegment(segment)} does not exist`);
  return value;
}

function setChild(parent: Owned, segment: string, child: Owned): void {
  if (Array.isArray(parent)) parent[itemIndex(parent, segment, '')] = child;
  else parent[segment] = child;
}

/** Index of an existing item: 0..n-1, or -n..-1 counting from the end. */
function itemIndex(list: readonly Json[], segment: string, listPath: string): number {
  const index = parseIndex(segment, listPath);
  if (index >= list.length || index < -list.length) throw outOfRange(segment, list.length, listPath);
  return index < 0 ? index + list.length : index;
}

/** Insert position: 0..n, `-` or -(n+1)..-1 (so `-1` appends). */
function addIndex(list: readonly Json[], segment: string, listPath: string): string {
  if (segment === '-') return '-';
  const index = parseIndex(segment, listPath);
  if (index > list.length || index < -(list.length + 1)) throw outOfRange(segment, list.length, listPath);
  return String(index < 0 ? index + list.length + 1 : index);
}

/** Go's strconv.Atoi, as evanphx/json-patch reads list indices. */
function parseIndex(segment: string, listPath: string): number {
  if (!/^[+-]?\d+$/.test(segment)) {
    throw new PathError(`path not found: ${showList(listPath)} is a list and ${quote(segment)} is not a list index`);
  }
  return Number(segment);
}

function outOfRange(segment: string, length: number, listPath: string): PathError {
  return new PathError(`index ${segment} is out of range: ${showList(listPath)} has ${length} item${length === 1 ? '' : 's'}`);
}

function showList(listPath: string): string {
  return listPath === '' ? 'the document' : listPath;
}

/** The pointer of the container holding `path`'s last key (escapes kept). */
function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function isContainer(value: Json | undefined): value is Container {
  return value !== null && typeof value === 'object';
}

function isList(value: Container): value is readonly Json[] {
  return Array.isArray(value);
}

function describeOp(op: Operation, index: number): string {
  const from = op.from !== undefined ? ` from ${showPath(op.from)}` : '';
  return `operation ${index} (${op.op} ${showPath(op.path)}${from})`;
}

function showPath(path: string): string {
  return path === '' ? '""' : path;
}

function describe(value: Json | undefined, hide = false): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `a ${typeof value} (${show(value, hide)})`;
}

function show(value: Json, hide = false): string {
  if (hide) return '***';
  const text = JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}
