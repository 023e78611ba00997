import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';

/**
 * A copy of `root` whose value at `path` is `update(value)`: only the maps and lists on the path are
 * copied, missing maps (or ones that are not maps) are created, and `undefined` deletes the key.
 * `root` itself when nothing changes, so that an unchanged resource stays the same object.
 */
export function updateAt(root: JsonObject, path: string[], update: (value: Json | undefined) => Json | undefined): JsonObject {
  return (updateNode(root, path, 0, update) ?? {}) as JsonObject;
}

function updateNode(node: Json | undefined, path: string[], depth: number, update: (value: Json | undefined) => Json | undefined): Json | undefined {
  if (depth === path.length) return update(node);
  const key = path[depth]!;
  const container = isObject(node) || Array.isArray(node) ? node : undefined;
  const child = container && Object.hasOwn(container, key) ? (container as Record<string, Json>)[key] : undefined;
  const next = updateNode(child, path, depth + 1, update);
  if (next === child) return node;
  const copy: Record<string, Json> = Array.isArray(container) ? ([...container] as unknown as Record<string, Json>) : { ...container };
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy as Json;
}

export interface PathValue {
  /** JSON pointer segments; every segment but the last must exist. */
  path: string[];
  /** The new value; undefined removes the key. */
  value: Json | undefined;
}

/**
 * A copy of `root` with each value set (or removed) at its path: the maps and lists on the paths are
 * copied once each, everything else is shared.
 */
export function replaceAt(root: JsonObject, updates: PathValue[]): JsonObject {
  const copies = new WeakSet<object>();
  // lists are written through string keys too ("0"), as JSON pointers name their items
  const own = (node: Json | undefined): WritableJsonObject => {
    if (node === null || typeof node !== 'object') throw new Error('internal error: an update path runs through a scalar');
    if (copies.has(node)) return node as WritableJsonObject;
    const copy = (Array.isArray(node) ? [...node] : { ...node }) as WritableJsonObject;
    copies.add(copy);
    return copy;
  };
  const result = own(root);
  for (const { path, value } of updates) {
    let node = result;
    for (const key of path.slice(0, -1)) {
      const child = own(node[key]);
      node[key] = child;
      node = child;
    }
    const last = path.at(-1);
    if (last === undefined) throw new Error('internal error: an empty update path');
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return result;
}
