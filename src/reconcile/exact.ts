import { isMap, isScalar, isSeq, type TreeNode } from '../yaml/tree.js';
import { exactInteger, holdsUnsafeInteger } from '../yaml/scalars.js';
import { isObject, type Json } from '../types.js';

/**
 * `after` with each integer beyond 2^53 that the document writes as an int64 kubectl keeps exactly
 * (9007199254740993, 2^60) as that exact value (a bigint, which the renderers write as its digits): a value
 * that moves, or whose collection is written anew, keeps its digits, where its double would write others.
 * Integers the document writes two ways for one double stay doubles. `after` itself when it holds none.
 */
export function withExactIntegers(root: TreeNode | null, after: Json): Json {
  if (!holdsUnsafeInteger(after)) return after;
  const exact = new Map<number, bigint | null>();
  const walk = (node: TreeNode | null): void => {
    if (isMap(node)) {
      for (const pair of node.items) walk(pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isScalar(node) && typeof node.value === 'number' && !Number.isSafeInteger(node.value)) {
      const value = exactInteger(node.source);
      if (value === undefined) return;
      const seen = exact.get(node.value);
      exact.set(node.value, seen === undefined || seen === value ? value : null);
    }
  };
  walk(root);
  if (!exact.size) return after;
  // a new object only where something was replaced: untouched collections stay the same objects
  const replace = (value: Json): Json => {
    if (typeof value === 'number') return (exact.get(value) ?? value) as Json;
    if (Array.isArray(value)) {
      const items = value.map(replace);
      return items.some((item, i) => item !== value[i]) ? items : value;
    }
    if (!isObject(value)) return value;
    const entries = Object.entries(value).map(([k, v]) => [k, replace(v)] as const);
    return entries.some(([k, v]) => v !== value[k]) ? Object.fromEntries(entries) : value;
  };
  return replace(after);
}
