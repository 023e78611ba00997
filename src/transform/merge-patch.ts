import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';
import { setOwn } from '../util/set-own.js';

/**
 * RFC 7386 JSON merge patch, as `kubectl patch --type merge` applies it (evanphx/json-patch v4):
 * a `null` member deletes, a map merges into a map, anything else replaces (lists included).
 * Like kubectl, nulls are pruned from a value that lands where there was no map to merge into
 * (so they never reach the output), but a non-map replacing a map is taken as written.
 * Pure: `target` is never changed; untouched subtrees are shared.
 */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return pruneNulls(patch);
  return mergeMaps(isObject(target) ? target : {}, patch);
}

function mergeMaps(target: JsonObject, patch: JsonObject): JsonObject {
  const result: WritableJsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
      continue;
    }
    const current = Object.hasOwn(target, key) ? target[key] : null;
    setOwn(result, key, isObject(current) ? (isObject(value) ? mergeMaps(current, value) : value) : pruneNulls(value));
  }
  return result;
}

/** Drops null members of maps at any depth; null items of lists stay. */
function pruneNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map((item) => (item === null ? null : pruneNulls(item)));
  if (!isObject(value)) return value;
  const result: WritableJsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== null) setOwn(result, key, pruneNulls(member));
  }
  return result;
}
