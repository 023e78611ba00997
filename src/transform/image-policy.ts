import type { PolicyRef } from '../config/types.js';
import { isObject, type Json, type JsonObject } from '../types.js';

/**
 * What a Flux `$imagepolicy` marker asks for: the whole reference (`NS:NAME`), or one of its parts
 * (`NS:NAME:tag`, `NS:NAME:name`, `NS:NAME:digest`).
 */
export type MarkerField = 'image' | 'tag' | 'name' | 'digest';

/**
 * The text a marker of `field` gets, as Flux's image-automation setters write it: the whole
 * reference is `name:tag`, with `@digest` when the policy has one (ImageRef.String); the parts are
 * written as they are. Undefined for a digest the policy does not have.
 */
export function markerValue(ref: PolicyRef, field: MarkerField): string | undefined {
  switch (field) {
    case 'image':
      return `${ref.name}:${ref.tag}${ref.digest ? '@' + ref.digest : ''}`;
    case 'name':
      return ref.name;
    case 'tag':
      return ref.tag;
    case 'digest':
      return ref.digest;
  }
}

/** A scalar to set: where it is (map keys and list indexes from the resource's root) and its new text. */
export interface ScalarSet {
  path: (string | number)[];
  value: string;
}

/**
 * `resource` with each scalar at a path set to its new string. A path that no longer leads to a
 * scalar (an earlier step moved things) is skipped. The same object comes back when nothing changes;
 * the input is never modified.
 */
export function setScalars(resource: JsonObject, sets: ScalarSet[]): JsonObject {
  let result: Json = resource;
  for (const { path, value } of sets) result = setAt(result, path, 0, value);
  return result as JsonObject;
}

function setAt(node: Json, path: (string | number)[], i: number, value: string): Json {
  if (i === path.length) return node === value || isObject(node) || Array.isArray(node) ? node : value;
  const key = path[i]!;
  if (Array.isArray(node)) {
    if (typeof key !== 'number' || key >= node.length) return node;
    const next = setAt(node[key]!, path, i + 1, value);
    if (next === node[key]) return node;
    const copy = node.slice();
    copy[key] = next;
    return copy;
  }
  if (!isObject(node) || typeof key !== 'string' || !Object.hasOwn(node, key)) return node;
  const next = setAt(node[key]!, path, i + 1, value);
  return next === node[key] ? node : { ...node, [key]: next };
}
