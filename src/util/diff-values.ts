import { isObject, type Json } from '../types.js';
import { deepEqual } from './equal.js';
import { escapeSegment } from './json-pointer.js';

/** One difference between two values: at a JSON pointer, what was there and what is there now. */
export interface ValueChange {
  pointer: string;
  /** Absent when the value was added. */
  old?: Json;
  /** Absent when the value was removed. */
  new?: Json;
}

/** The differences between two JSON values, as deep as both sides stay maps (lists compare item by item). */
export function diffValues(before: Json | undefined, after: Json | undefined, pointer = ''): ValueChange[] {
  if (before === after) return [];
  if (isObject(before) && isObject(after)) {
    const out: ValueChange[] = [];
    for (const key of Object.keys(before)) {
      if (!(key in after)) out.push({ pointer: `${pointer}/${escapeSegment(key)}`, old: before[key] });
      else out.push(...diffValues(before[key], after[key], `${pointer}/${escapeSegment(key)}`));
    }
    for (const key of Object.keys(after)) {
      if (!(key in before)) out.push({ pointer: `${pointer}/${escapeSegment(key)}`, new: after[key] });
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => diffValues(item, after[i], `${pointer}/${i}`));
  }
  if (deepEqual(before, after)) return [];
  const change: ValueChange = { pointer };
  if (before !== undefined) change.old = before;
  if (after !== undefined) change.new = after;
  return [change];
}
