import { KsetError, quote } from '../errors.js';
import type { FieldSchema, TypeSchema } from '../schema/patch-meta.js';
import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';
import { deepEqual } from '../util/equal.js';
import { setOwn } from '../util/set-own.js';

// Strategic merge patch as k8s.io/apimachinery `strategicpatch` applies it (`kubectl patch --type strategic`).
// Departures, all deliberate:
// - Directives never reach the output. apimachinery copies a patch value that has nothing to merge into
//   (a new field, a new list item, a replaced list) as written, with `$retainKeys`, `$setElementOrder/…`,
//   nulls and, inside new list items, `$patch` maps. Here such values are cleaned the way apimachinery cleans
//   a new field: null members dropped, maps holding `$patch` left out, the other directive keys removed.
// - A ports list (or its patch) that names one port twice (53/UDP and 53/TCP) is merged by port and protocol,
//   a missing `protocol` meaning TCP; apimachinery compares the port alone and mangles such a list. Every other
//   list, and a ports list naming each port once, merges on the merge key alone, as apimachinery does.
// - Where apimachinery's order of operations is Go's random map order (a `$deleteFromPrimitiveList/x` next
//   to `x`, both naming one item), the patch's keys apply in the order written: the order Go's map iteration
//   takes most often (7 times in 8 for two keys side by side in a small map).
// Without a schema (a kind the table does not know) the merge is kustomize's: maps merged, lists replaced,
// `$patch: delete` removes the map it is in, `$patch: replace` and `merge` keep its contents.

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder';
const DELETE_FROM = '$deleteFromPrimitiveList';

/** A list-map key's value when an item lacks it: a port without protocol is TCP, as the API defaults it. */
const KEY_DEFAULTS: Readonly<Record<string, Json>> = { protocol: 'TCP' };

/** What mergeMap returns for `$patch: delete`, and clean() for a value to leave out. */
const DROP = Symbol('drop');
type Dropped = typeof DROP;

interface Context {
  /** apimachinery's rules (the kind has a schema) or kustomize's (it has none). */
  known: boolean;
}

/**
 * Applies a strategic merge patch to `original` (never changed; untouched subtrees are shared) under `schema`,
 * or under kustomize's schema-less rules when it is undefined. Returns null when the patch deletes the whole
 * object (top-level `$patch: delete`). Throws KsetError, naming the field, on a patch apimachinery rejects.
 */
export function strategicMerge(original: JsonObject, patch: JsonObject, schema: TypeSchema | undefined): JsonObject | null {
  const merged = mergeMap(original, patch, schema, { known: schema !== undefined }, '');
  return merged === DROP ? null : merged;
}

function mergeMap(original: JsonObject, patch: JsonObject, type: TypeSchema | undefined, ctx: Context, path: string): JsonObject | Dropped {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE];
    if (directive === 'delete') return DROP;
    if (directive === 'replace') return cleanMap(without(patch, DIRECTIVE), ctx, path);
    if (directive !== 'merge' || ctx.known) throw fail(path, `unknown patch type ${showDirective(directive)} in map (expected "replace" or "delete")`);
    patch = without(patch, DIRECTIVE);
  }

  const result: WritableJsonObject = { ...original };
  const entries = Object.entries(patch);
  if (!entries.some(([key]) => key.startsWith('$'))) {
    for (const [key, value] of entries) mergeField(result, key, value, type, ctx, path);
    return result;
  }

  const done = new Set<string>();
  if (Object.hasOwn(patch, RETAIN_KEYS)) {
    retainKeys(result, patch, path);
    done.add(RETAIN_KEYS);
  }
  for (const [key] of entries) {
    if (key.startsWith(SET_ORDER)) setElementOrder(result, patch, key, type, ctx, path, done);
  }
  for (const [key, value] of entries) if (!done.has(key)) mergeField(result, key, value, type, ctx, path);
  return result;
}

/** Merges one patch member into `result` (a copy of the original map). */
function mergeField(result: WritableJsonObject, key: string, value: Json, type: TypeSchema | undefined, ctx: Context, path: string): void {
  const deleteList = key.startsWith(DELETE_FROM);
  const name = deleteList ? directiveTarget(key, DELETE_FROM, path) : key;
  if (name === '') return;
  const here = join(path, name);

  if (value === null) {
    delete result[name];
    return;
  }
  const current = Object.hasOwn(result, name) ? result[name] : undefined;
  if (current === undefined || shapeOf(current) !== shapeOf(value)) {
    if (!deleteList) setCleaned(result, name, value, ctx, here);
    return;
  }

  if (typeof current === 'object') requireField(type, name, path); // a map or a list: scalars are set unchecked
  const field = type?.field(name);
  if (isObject(current)) {
    const patchMap = value as JsonObject;
    if (strategyOf(field) === 'replace') return setCleaned(result, name, patchMap, ctx, here);
    const merged = mergeMap(current, patchMap, field?.type, ctx, here);
    if (merged !== DROP) setOwn(result, name, merged);
    else if (ctx.known) setOwn(result, name, {});
    else delete result[name];
  } else if (Array.isArray(current)) {
    setOwn(result, name, mergeList(current, value as Json[], field, deleteList, ctx, here));
  } else {
    setOwn(result, name, value);
  }
}

/** kubectl merges through Go types and fails on a field its type lacks, where it must merge into the field. */
function requireField(type: TypeSchema | undefined, name: string, path: string): void {
  if (type?.strictName !== undefined && type.has && !type.has(name)) {
    throw fail(path, `unable to find api field in struct ${type.strictName} for the json field "${name}"`);
  }
}

/** `$retainKeys`: every key the patch sets must be listed; keys of the original that are not are cleared. */
function retainKeys(result: WritableJsonObject, patch: JsonObject, path: string): void {
  const list = patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw fail(path, `${RETAIN_KEYS} must be a list of field names`);
  const retained = new Set(list.filter((k): k is string => typeof k === 'string'));
  for (const [key, value] of Object.entries(patch)) {
    if (key === RETAIN_KEYS || value === null || key.startsWith(DELETE_FROM) || key.startsWith(SET_ORDER)) continue;
    if (!retained.has(key)) throw fail(path, `the patch sets "${key}", which ${RETAIN_KEYS} does not list`);
  }
  for (const key of Object.keys(result)) if (!retained.has(key)) delete result[key];
}

/**
 * `$setElementOrder/<list>`: merges the list (if the patch has it) and orders the result: items the directive
 * names in its order, the others where they were, as apimachinery interleaves them.
 */
function setElementOrder(
  result: WritableJsonObject,
  patch: JsonObject,
  key: string,
  type: TypeSchema | undefined,
  ctx: Context,
  path: string,
  done: Set<string>,
): void {
  done.add(key);
  const name = directiveTarget(key, SET_ORDER, path);
  requireField(type, name, path);
  const order = patch[key];
  if (!Array.isArray(order)) throw fail(path, `${key} must be a list`);
  const here = join(path, name);
  const original = Object.hasOwn(result, name) ? result[name] : undefined;
  const patchList = Object.hasOwn(patch, name) ? patch[name] : undefined;
  if (original !== undefined && !Array.isArray(original)) throw fail(here, `${key} applies to a list, but the resource holds a ${shapeOf(original)}`);
  if (patchList !== undefined && !Array.isArray(patchList)) throw fail(here, `${key} applies to a list, but the patch holds a ${shapeOf(patchList)}`);

  const field = type?.field(name);
  const identity = identityOf(field, [original ?? [], patchList ?? []]);
  checkOrderMatchesPatch(patchList ?? [], order, field, identity, here, key);

  let merged: Json[];
  let serverOrder = original ?? [];
  if (original && patchList) {
    const trace: ListTrace = { deleted: [], appended: [] };
    merged = mergeList(original, patchList, field, false, ctx, here, trace);
    serverOrder = aliasedOriginal(original, trace, identity);
  } else if (patchList) merged = cleanList(patchList, ctx, here);
  else if (original) merged = original;
  else return;
  done.add(name);

  const kind = itemShape([original ?? [], patchList ?? []], here);
  const mergeKey = field?.mergeKey;
  if (kind === 'map' && !mergeKey) throw fail(here, `${key} needs a list merged by key, or a list of scalars`);
  if (kind === 'map') {
    requireMergeKey(order, mergeKey!, here, key);
    // Checked on the lists as written: a patch item whose merge key is null has it (apimachinery keeps it).
    requireMergeKey(original ?? patchList ?? [], mergeKey!, here, 'the merged list');
  }
  const orderAt = identity.indexIn(order);
  const named = (item: Json) => orderAt(item) >= 0;
  setOwn(
    result,
    name,
    interleave(
      merged.filter(named),
      order,
      merged.filter((item) => !named(item)),
      serverOrder,
      identity,
    ),
  );
}

/** What merging a list of maps did to the original list: the items deleted and those appended, in order. */
interface ListTrace {
  deleted: JsonObject[];
  appended: Json[];
}

/**
 * The original list as apimachinery's `$setElementOrder` sees it after merging: Go deletes list items by
 * shifting the rest left in the same array and appends new items into the room that leaves, so the slice it
 * kept of the original list (its length unchanged) shows the remaining items followed by the first items
 * appended (then stale leftovers). That view is the "server order" the directive interleaves by: a new item
 * that landed in it counts as coming after the original items.
 */
function aliasedOriginal(original: Json[], trace: ListTrace, identity: Identity): Json[] {
  if (!trace.deleted.length) return original;
  const backing = [...original];
  let length = backing.length;
  for (const gone of trace.deleted) {
    for (let at = backing.findIndex((item, i) => i < length && identity.same(item, gone)); at >= 0;) {
      backing.copyWithin(at, at + 1, length);
      length--;
      at = backing.findIndex((item, i) => i < length && identity.same(item, gone));
    }
  }
  for (const item of trace.appended) {
    if (length >= backing.length) break;
    backing[length++] = item;
  }
  return backing;
}

/** apimachinery's check that the patch list names its items in the order `$setElementOrder` gives. */
function checkOrderMatchesPatch(patchList: Json[], order: Json[], field: FieldSchema | undefined, identity: Identity, path: string, key: string): void {
  if (!order.length || !patchList.length) return;
  const mergeKey = field?.mergeKey;
  let items = patchList;
  if (mergeKey) {
    items = patchList.filter((item, i) => {
      if (!isObject(item)) throw fail(`${path}[${i}]`, `list item is a ${shapeOf(item)}, not a map`);
      return item[DIRECTIVE] !== 'delete';
    });
    requireMergeKey(order, mergeKey, path, key);
    requireMergeKey(
      items.filter((item) => !hasDirective(item)),
      mergeKey,
      path,
      'the patch',
    );
  }
  let p = 0;
  let o = 0;
  for (let item = items[p], named = order[o]; item !== undefined && named !== undefined; item = items[p], named = order[o]) {
    if (hasDirective(item)) {
      p++;
      continue;
    }
    if (identity.same(item, named)) p++;
    o++;
  }
  if (p < items.length && o >= order.length) {
    throw fail(path, `the patch list does not follow the order of ${key} (or holds items it does not name)`);
  }
}

/** Merges a patch list into a list: by key or as a set under the merge strategy, else the patch replaces it. */
function mergeList(
  original: Json[],
  patch: Json[],
  field: FieldSchema | undefined,
  deleteList: boolean,
  ctx: Context,
  path: string,
  trace?: ListTrace,
): Json[] {
  if (strategyOf(field) !== 'merge' && !deleteList) return cleanList(patch, ctx, path);
  if (!original.length && !patch.length) return original;

  if (itemShape([original, patch], path) !== 'map') {
    const inPatch = new Set(patch);
    if (deleteList) return original.filter((item) => !inPatch.has(item));
    const merged = [...new Set([...original, ...patch])];
    return interleave(
      merged.filter((v) => inPatch.has(v)),
      patch,
      merged.filter((v) => !inPatch.has(v)),
      original,
      SCALARS,
    );
  }

  const mergeKey = field?.mergeKey;
  if (!mergeKey) throw fail(path, 'cannot merge a list of maps without a merge key');
  const identity = identityOf(field, [original, patch]);
  let base = original;
  let items: { item: JsonObject; at: string }[] = [];
  let replace = false;
  patch.forEach((value, i) => {
    const item = value as JsonObject;
    const at = `${path}[${i}]`;
    if (!hasDirective(item)) {
      items.push({ item, at });
      return;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(at, mergeKey);
      base = base.filter((o) => !identity.same(o, item));
      trace?.deleted.push(item);
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw fail(at, 'merging lists cannot yet be specified in the patch ($patch: merge in a list)');
    } else {
      throw fail(at, `unknown patch type ${showDirective(directive)} in list item (expected "delete" or "replace")`);
    }
  });
  let written = base;
  if (replace) {
    written = items.map(({ item }) => item);
    base = cleanList(written, ctx, path);
    items = [];
  }

  const merged = [...base];
  for (const { item, at } of items) {
    if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(at, mergeKey);
    const index = merged.findIndex((o) => identity.same(o, item));
    if (index < 0) {
      const cleaned = cleanMap(item, ctx, at);
      if (cleaned !== DROP) merged.push(cleaned);
      if (!replace) trace?.appended.push(item);
    } else {
      merged[index] = mergeMap(merged[index] as JsonObject, item, field?.type, ctx, at) as JsonObject;
    }
  }
  requireMergeKey(written, mergeKey, path, 'the merged list');
  const patched = items.map(({ item }) => item);
  const patchedAt = identity.indexIn(patched);
  const inPatch = (v: Json) => patchedAt(v) >= 0;
  return interleave(
    merged.filter(inPatch),
    patched,
    merged.filter((v) => !inPatch(v)),
    base,
    identity,
  );
}

/**
 * apimachinery's list order: the patched items sorted by `patchOrder`, the others by `serverOrder`, then
 * interleaved: an item that was not patched goes before a patched one when it came before it in the original.
 */
function interleave(patched: Json[], patchOrder: Json[], others: Json[], serverOrder: Json[], identity: Identity): Json[] {
  const right = sortByIndex(patched, identity.indexIn(patchOrder));
  if (!others.length) return right;
  const serverAt = identity.indexIn(serverOrder);
  const left = sortByIndex(others, serverAt);
  if (!right.length) return left;
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  const leftAt = left.map(serverAt);
  const rightAt = right.map(serverAt);
  for (let l = left[i], r = right[j]; l !== undefined && r !== undefined; l = left[i], r = right[j]) {
    const lAt = leftAt[i] ?? -1;
    const rAt = rightAt[j] ?? -1;
    if (lAt >= 0 && rAt >= 0 && lAt < rAt) {
      out.push(l);
      i++;
    } else {
      out.push(r);
      j++;
    }
  }
  return out.concat(left.slice(i), right.slice(j));
}

/** A stable sort of `items` by their index in some order; items it lacks go last. */
function sortByIndex(items: Json[], indexOf: (item: Json) => number): Json[] {
  if (items.length < 2) return items;
  const entries = items.map((item) => {
    const at = indexOf(item);
    return { item, at: at < 0 ? Number.MAX_SAFE_INTEGER : at };
  });
  if (entries.every((entry, i) => i === 0 || (entries[i - 1]?.at ?? 0) <= entry.at)) return items;
  return entries.sort((a, b) => a.at - b.at).map(({ item }) => item);
}

/**
 * How the items of a list are told apart: by merge key, or by all list-map keys where the schema has them
 * (a missing key taking its default, protocol's being TCP; a missing key without default matching any value);
 * by plain equality in lists without a merge key.
 */
class Identity {
  constructor(
    private readonly mergeKey?: string,
    private readonly keys: readonly string[] = [],
    private readonly defaults: Readonly<Record<string, Json>> = {},
  ) {}

  same(a: Json, b: Json): boolean {
    const { mergeKey } = this;
    if (mergeKey === undefined) return a === b || (typeof a === 'object' && deepEqual(a, b));
    if (!isObject(a) || !isObject(b) || !Object.hasOwn(a, mergeKey) || !Object.hasOwn(b, mergeKey)) return false;
    return this.keys.every((key) => {
      const x = this.valueOf(a, key);
      const y = this.valueOf(b, key);
      if (x === undefined || y === undefined) return key !== mergeKey;
      return x === y || (typeof x === 'object' && deepEqual(x, y));
    });
  }

  /** A lookup of the first index in `list` of an item the same as the one asked for, -1 when there is none. */
  indexIn(list: Json[]): (item: Json) => number {
    const first = new Map<unknown, number>();
    let exhaustive = false;
    list.forEach((value, i) => {
      const id = this.id(value);
      if (id === undefined) exhaustive = true;
      else if (!first.has(id)) first.set(id, i);
    });
    return (item) => {
      const id = exhaustive ? undefined : this.id(item);
      if (id !== undefined) return first.get(id) ?? -1;
      return list.findIndex((value) => this.same(value, item));
    };
  }

  /** A hashable id of an item; undefined when it can only be compared one by one (a key missing or not a scalar). */
  private id(item: Json): unknown {
    const { mergeKey, keys } = this;
    if (mergeKey === undefined) return typeof item === 'object' && item !== null ? undefined : item;
    if (!isObject(item) || !Object.hasOwn(item, mergeKey)) return undefined;
    if (keys.length === 1) return scalarOrUndefined(item[mergeKey]);
    const values = keys.map((key) => scalarOrUndefined(this.valueOf(item, key)));
    return values.includes(undefined) ? undefined : JSON.stringify(values);
  }

  private valueOf(item: JsonObject, key: string): Json | undefined {
    return Object.hasOwn(item, key) ? item[key] : (this.defaults[key] ?? KEY_DEFAULTS[key]);
  }
}

function scalarOrUndefined(value: Json | undefined): Json | undefined {
  return typeof value === 'object' && value !== null ? undefined : value;
}

const SCALARS = new Identity();
const byMergeKey = new WeakMap<FieldSchema, Identity>();
const byAllKeys = new WeakMap<FieldSchema, Identity>();

/** How the items of the field's lists (the original and the patch list) are told apart. */
function identityOf(field: FieldSchema | undefined, lists: Json[][]): Identity {
  const mergeKey = field?.mergeKey;
  if (!field || !mergeKey) return SCALARS;
  let keys = field.identityKeys;
  if (!keys && field.disambiguatingKeys && lists.some((list) => repeatsKey(list, mergeKey))) keys = field.disambiguatingKeys;
  const all = keys !== undefined && keys.includes(mergeKey) && keys.length > 1;
  const cache = all ? byAllKeys : byMergeKey;
  let identity = cache.get(field);
  if (!identity) {
    identity = new Identity(mergeKey, all ? keys : [mergeKey], field.keyDefaults);
    cache.set(field, identity);
  }
  return identity;
}

/** Whether two items of the list (directives aside) share a merge key value. */
function repeatsKey(list: Json[], mergeKey: string): boolean {
  const seen = new Set<Json | undefined>();
  for (const item of list) {
    if (!isObject(item) || hasDirective(item) || !Object.hasOwn(item, mergeKey)) continue;
    const value = item[mergeKey];
    if (seen.has(value)) return true;
    seen.add(value);
  }
  return false;
}

/** The patch strategy that decides merging: `merge`, `replace` or undefined (the default for the shape). */
function strategyOf(field: FieldSchema | undefined): 'merge' | 'replace' | undefined {
  const strategies = field?.strategy?.split(',') ?? [];
  if (strategies.includes('replace')) return 'replace';
  return strategies.includes('merge') ? 'merge' : undefined;
}

/** Every item of `items` (from `whose`: the patch, the merged list, a directive) must be a map with the merge key. */
function requireMergeKey(items: Json[], mergeKey: string, path: string, whose: string): void {
  for (const item of items) {
    if (!isObject(item)) throw fail(path, `an item of ${whose} is a ${shapeOf(item)}, not a map with the merge key "${mergeKey}"`);
    if (!Object.hasOwn(item, mergeKey))
      throw fail(path, `an item of ${whose} does not contain the merge key "${mergeKey}": ${quote(JSON.stringify(item), 120)}`);
  }
}

function noMergeKey(path: string, mergeKey: string): KsetError {
  return fail(path, `list item does not contain the merge key "${mergeKey}"`);
}

function hasDirective(item: Json): boolean {
  return isObject(item) && Object.hasOwn(item, DIRECTIVE);
}

/** The one shape of all items of the lists (`map`, `string`, …); apimachinery rejects mixed lists and lists of lists. */
function itemShape(lists: Json[][], path: string): string {
  let shape: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      const s = shapeOf(item);
      if (s === 'list') throw fail(path, 'lists of lists cannot be merged');
      if (shape !== undefined && s !== shape) throw fail(path, `list items are not all of one type (${shape} and ${s})`);
      shape = s;
    }
  }
  if (shape === undefined) throw fail(path, 'no items in the list nor in the patch to order');
  return shape;
}

function shapeOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return isObject(value) ? 'map' : typeof value;
}

/** The list a `$setElementOrder/x` or `$deleteFromPrimitiveList/x` key is about. */
function directiveTarget(key: string, prefix: string, path: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) throw fail(path, `invalid directive key "${key}" (expected ${prefix}/<list>)`);
  return key.slice(slash + 1);
}

function setCleaned(result: WritableJsonObject, name: string, value: Json, ctx: Context, path: string): void {
  const cleaned = clean(value, ctx, path);
  if (cleaned === DROP) delete result[name];
  else setOwn(result, name, cleaned);
}

/** A patch value with nothing to merge into, as it lands in the output: without nulls and directives. */
function clean(value: Json, ctx: Context, path: string): Json | Dropped {
  if (Array.isArray(value)) return cleanList(value, ctx, path);
  return isObject(value) ? cleanMap(value, ctx, path) : value;
}

function cleanList(list: Json[], ctx: Context, path: string): Json[] {
  let changed = false;
  const out: Json[] = [];
  list.forEach((item, i) => {
    // In a list, a map holding `$patch` is a directive (an item to delete, the replace marker), never an item.
    const cleaned = hasDirective(item) ? DROP : clean(item, ctx, `${path}[${i}]`);
    if (cleaned !== item) changed = true;
    if (cleaned !== DROP) out.push(cleaned);
  });
  return changed ? out : list;
}

function cleanMap(map: JsonObject, ctx: Context, path: string): JsonObject | Dropped {
  let source = map;
  if (Object.hasOwn(map, DIRECTIVE)) {
    // apimachinery leaves out a new map that holds a directive; kustomize applies it.
    const directive = map[DIRECTIVE];
    if (ctx.known || directive === 'delete') return DROP;
    if (directive !== 'replace' && directive !== 'merge') throw fail(path, `unknown patch type ${showDirective(directive)} in map`);
    source = without(map, DIRECTIVE);
  }
  let changed = source !== map;
  const out: WritableJsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === null || key === RETAIN_KEYS || key.startsWith(SET_ORDER) || key.startsWith(DELETE_FROM)) {
      changed = true;
      continue;
    }
    const cleaned = clean(value, ctx, join(path, key));
    if (cleaned !== value) changed = true;
    if (cleaned !== DROP) setOwn(out, key, cleaned);
  }
  return changed ? out : map;
}

function without(map: JsonObject, key: string): JsonObject {
  const copy = { ...map };
  delete copy[key];
  return copy;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function fail(path: string, message: string): KsetError {
  return new KsetError(path ? `strategic merge patch: ${path}: ${message}` : `strategic merge patch: ${message}`);
}

/** A `$patch` value as an error quotes it. */
function showDirective(directive: Json | undefined): string {
  return typeof directive === 'string' ? quote(directive) : quote(JSON.stringify(directive) ?? 'undefined');
}
