import { isObject, type Json, type JsonObject } from '../types.js';

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
