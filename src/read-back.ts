import { KsetError } from './errors.js';
import { exactValues, parseDocument, positioned, type ManifestDocument } from './read/document.js';
import { readBlock } from './read/block-reader.js';
import type { Edit } from './render/splice.js';
import { holdsUnsafeInteger } from './yaml/scalars.js';
import { isObject, type Json } from './types.js';
import { deepEqual } from './util/equal.js';
import { diffValues } from './util/diff-values.js';

/** A document's text before it was written anew, and its values. */
export interface Written {
  text: string;
  values: Json[];
}

/**
 * Verify after write: kset never writes a document it cannot read back as what it meant to write. `text` is
 * a changed document's new text, `expected` the values it must read as (one per YAML document it holds);
 * `old` its old text and values, whose integers beyond a double's (which kubectl keeps exactly) must keep
 * their digits where their values stay. Throws an internal error at `document` otherwise.
 */
export function verifyReadBack(document: ManifestDocument, text: string, expected: Json[], old: Written): void {
  let read: Json[];
  try {
    read = parseDocument({ ...document, text }).values;
  } catch (e) {
    if (e instanceof KsetError) throw notAsIntended(document, `it does not read as YAML: ${e.message}`);
    throw e;
  }
  if (read.length !== expected.length) throw notAsIntended(document, `it reads as ${read.length} documents, not ${expected.length}`);
  expected.forEach((value, i) => {
    if (deepEqual(read[i], value)) return;
    const difference = diffValues(value, read[i])[0];
    throw notAsIntended(document, `at ${difference?.pointer || 'its root'}: ${show(difference?.new)} where ${show(difference?.old)} was meant`);
  });
  if (old.values.some(holdsUnsafeInteger) && expected.some(holdsUnsafeInteger)) keepsExactIntegers(document, text, expected, old, read);
}

/**
 * Whether an edit of `text` writes a scalar in place of another on a single line that reads as the value it
 * must (Edit.scalar), read on that line alone: `key: ` or `- `, the new text and the rest of the line (a
 * comment). The rest of the document is as it was, so a document whose edits all read back so need not be
 * read again whole (the verification of every image change would take as long as reading the input).
 */
export function readsBackOnItsLine(text: string, edit: Edit): boolean {
  const { scalar } = edit;
  if (!scalar || edit.text.includes('\n') || text.slice(edit.start, edit.end).includes('\n')) return false;
  let lineEnd = text.indexOf('\n', edit.end);
  if (lineEnd < 0) lineEnd = text.length;
  const rest = text.slice(edit.end, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
  const read = readBlock(`${scalar.after === 'key' ? 'k: ' : '- '}${edit.text}${rest}\n`)?.value;
  const value =
    Array.isArray(read) && read.length === 1 && scalar.after === 'dash'
      ? read[0]
      : isObject(read) && Object.keys(read).length === 1 && scalar.after === 'key'
        ? read.k
        : undefined;
  return value !== undefined && deepEqual(value, scalar.value);
}

/**
 * Integers beyond 2^53 that the old text held exactly (as kubectl reads them: an int64) must be held exactly
 * by the new text wherever their values are: a double standing for one of them must read as one of them, or
 * as the double itself where the old text also had it so (`9223372036854775808`, a float for kubectl).
 */
function keepsExactIntegers(document: ManifestDocument, text: string, expected: Json[], written: Written, read: Json[]): void {
  const held = new Map<number, Set<bigint | 'double'>>();
  const hold = (value: number, as: bigint | 'double') => held.set(value, (held.get(value) ?? new Set()).add(as));
  const collect = (value: unknown): void => {
    if (typeof value === 'bigint') hold(Number(value), value);
    else if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) hold(value, 'double');
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  exactValues(written.text, written.values).forEach(collect);
  const walk = (value: Json, is: unknown, pointer: string): void => {
    if (typeof value === 'number') {
      const was = held.get(value);
      if (was && !was.has(typeof is === 'bigint' ? is : 'double')) {
        const meant = [...was].map((v) => (v === 'double' ? String(value) : String(v))).join(' or ');
        throw notAsIntended(
          document,
          `at ${pointer || 'its root'}: ${String(is)} where ${meant} was meant (kset holds numbers as doubles, and could not keep this one's digits)`,
        );
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, Array.isArray(is) ? is[i] : undefined, `${pointer}/${i}`));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, member(is, key), `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  const now = exactValues(text, read);
  expected.forEach((value, i) => walk(value, now[i], ''));
}

function member(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function notAsIntended(document: ManifestDocument, detail: string): KsetError {
  return positioned(document, `internal error: the edited document does not read back as intended (${detail}); it was not written (please report this)`, 0);
}

function show(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}
