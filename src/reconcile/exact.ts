import { isMap, isScalar, isSeq, type TreeNode } from '../yaml/tree.js';
import { exactInteger, holdsUnsafeInteger } from '../yaml/scalars.js';
import { isObject, type Json } from '../types.js';

/**
 * `after` with each integer beyond 2^53 within an int64 (which kubectl keeps exactly) as a bigint, which the
 * renderers write as its digits: the digits the document writes for it (9007199254740993: a value that
 * moves, or whose collection is written anew, keeps them, where its double would write ...992), or else the
 * double's own (2^60 is 1152921504606846976, where JavaScript writes 1152921504606847000, another int64 for
 * kubectl). An integer the document writes two ways for one double takes the double's. `after` itself when
 * it holds no such integer.
 */
export function withExactIntegers(root: TreeNode | null, after: Json): Json {
  if (!holdsUnsafeInteger(after)) return after;
  // the digits of each double's integer as the document writes it: null where it writes two (or an int64
  // and a float beyond one, `9223372036854775807` and `9223372036854775808`, both 2^63 as doubles)
  const exact = new Map<number, bigint | 'double' | null>();
  const walk = (node: TreeNode | null): void => {
    if (isMap(node)) {
      for (const pair of node.items) walk(pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
      const value = exactInteger(node.source) ?? 'double';
      const seen = exact.get(node.value);
      exact.set(node.value, seen === undefined || seen === value ? value : null);
    }
  };
  walk(root);
  // a new object only where something was replaced: untouched collections stay the same objects
  const replace = (value: Json): Json => {
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || Number.isSafeInteger(value) || Math.abs(value) > INT64) return value;
      const digits = exact.get(value);
      return (typeof digits === 'bigint' ? digits : BigInt(value)) as unknown as Json;
    }
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

/** 2^63, which an int64 stops short of (a double beyond it is a float for kubectl too). */
const INT64 = 2 ** 63;
