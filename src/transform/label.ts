import { KsetError } from '../errors.js';
import { isObject, type JsonObject, type WritableJsonObject } from '../types.js';
import { labelValueProblems, qualifiedNameProblems } from '../util/label-syntax.js';

/** The `KEY=VALUE` and `KEY-` arguments of `kubectl label` / `kubectl annotate`, checked. */
export interface MetadataEdit {
  /** Keys to set, in Go's order (sorted): kubectl writes new keys so. */
  set: Map<string, string>;
  remove: string[];
  /** `--overwrite`: without it a key that has another value is an error. */
  overwrite: boolean;
}

/**
 * kubectl label's parseLabels: `KEY=VALUE` (one `=` only) sets, `KEY-` removes; a later value for a
 * key wins; values are checked as label values (kubectl's own check) and keys as the API server
 * checks them (kubectl --local does not: kset refuses what a cluster would).
 */
export function parseLabelArgs(pairs: string[], overwrite = false): MetadataEdit {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts = pair.split('=');
      if (parts.length !== 2) throw new KsetError(`invalid label spec: ${pair}`);
      const [key, value] = parts as [string, string];
      const valueProblems = labelValueProblems(value);
      if (valueProblems.length) throw new KsetError(`invalid label value: ${JSON.stringify(pair)}: ${valueProblems.join('; ')}`);
      const keyProblems = qualifiedNameProblems(key);
      if (keyProblems.length) throw new KsetError(`invalid label key ${JSON.stringify(key)}: ${keyProblems.join('; ')}`);
      set.set(key, value);
    } else if (pair.endsWith('-')) {
      remove.push(pair.slice(0, -1));
    } else {
      throw new KsetError(`unknown label spec: ${pair}`);
    }
  }
  if (remove.some((key) => set.has(key))) throw new KsetError('can not both modify and remove a label in the same command');
  return { set: sorted(set), remove, overwrite };
}

/**
 * `kubectl label` on one object of any kind: sets and removes `metadata.labels` keys. Existing keys
 * keep their place, new ones follow; removing a key that is not there does nothing (kubectl --local
 * says nothing either), and no `labels: {}` is added where there were no labels.
 */
export function label(resource: JsonObject, edit: MetadataEdit): JsonObject {
  checkStringMaps(resource);
  if (!edit.overwrite) {
    const conflicts = conflicting(resource, 'labels', edit.set).map(([key, current]) => `'${key}' already has a value (${current}), and --overwrite is false`);
    // Go's aggregate of errors: the one alone, several in brackets
    if (conflicts.length === 1) throw new KsetError(conflicts[0]!);
    if (conflicts.length > 1) throw new KsetError(`[${conflicts.join(', ')}]`);
  }
  return editMap(resource, 'labels', edit);
}

/** The current values of the keys `set` would change (the conflicts without --overwrite). */
export function conflicting(resource: JsonObject, field: 'labels' | 'annotations', set: Map<string, string>, skip?: string): [string, string][] {
  const current = metadataMap(resource, field);
  if (!current) return [];
  return [...set].flatMap(([key, value]) =>
    key !== skip && Object.hasOwn(current, key) && current[key] !== value ? [[key, String(current[key])] as [string, string]] : [],
  );
}

/** `metadata[field]` with `edit` applied: the same object when nothing changes. */
export function editMap(resource: JsonObject, field: 'labels' | 'annotations', edit: MetadataEdit): JsonObject {
  const metadata = isObject(resource.metadata) ? resource.metadata : undefined;
  const current = metadataMap(resource, field);
  let next: JsonObject | undefined = current;
  for (const [key, value] of edit.set) {
    if (next?.[key] === value && Object.hasOwn(next, key)) continue;
    next = { ...next, [key]: value };
  }
  for (const key of edit.remove) {
    if (!next || !Object.hasOwn(next, key)) continue;
    const copy: WritableJsonObject = { ...next };
    delete copy[key];
    next = copy;
  }
  if (next === current || next === undefined) return resource;
  return { ...resource, metadata: { ...metadata, [field]: next } };
}

/** kubectl reads labels and annotations as maps of strings: any other value fails its decoding. */
export function checkStringMaps(resource: JsonObject): void {
  const metadata = isObject(resource.metadata) ? resource.metadata : {};
  for (const field of ['labels', 'annotations']) {
    const map = metadata[field];
    if (map === undefined || map === null) continue;
    if (!isObject(map)) throw new KsetError(`metadata.${field} is not a map: kubectl cannot read the object`);
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== 'string' && value !== null) {
        throw new KsetError(`metadata.${field}.${key} is ${JSON.stringify(value)}, not a string: kubectl cannot read the object (quote the value)`);
      }
    }
  }
}

function metadataMap(resource: JsonObject, field: 'labels' | 'annotations'): JsonObject | undefined {
  const metadata = isObject(resource.metadata) ? resource.metadata : undefined;
  const map = metadata?.[field];
  return isObject(map) ? map : undefined;
}

/** A map with Go's key order (byte order). */
export function sorted(map: Map<string, string>): Map<string, string> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
