import { KsetError } from '../errors.js';
import type { JsonObject } from '../types.js';
import { ANNOTATIONS_SIZE_LIMIT, annotationKeyProblems, annotationsSize } from '../util/label-syntax.js';
import { checkStringMaps, conflicting, editMap, sorted, type MetadataEdit } from './label.js';

/** kubectl's rollout-history annotation, which kubectl annotate overwrites without --overwrite. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/**
 * kubectl annotate's arguments (cmdutil.ParsePairs): `KEY=VALUE` splits at the first `=` (the value
 * is any text), `KEY-` removes; a later value for a key wins. Keys are checked as the API server
 * checks annotation keys (kubectl --local does not).
 */
export function parseAnnotateArgs(pairs: string[], overwrite = false): MetadataEdit {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=') && !pair.startsWith('=')) {
      const at = pair.indexOf('=');
      set.set(pair.slice(0, at), pair.slice(at + 1));
    } else if (pair.endsWith('-') && pair !== '-') {
      remove.push(pair.slice(0, -1));
    } else {
      invalid.push(pair);
    }
  }
  if (invalid.length) throw new KsetError(`invalid annotation format: ${invalid.join(', ')}`);
  for (const key of set.keys()) {
    const problems = annotationKeyProblems(key);
    if (problems.length) throw new KsetError(`invalid annotation key ${JSON.stringify(key)}: ${problems.join('; ')}`);
  }
  const both = remove.filter((key) => set.has(key));
  if (both.length) throw new KsetError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return { set: sorted(set), remove, overwrite };
}

/**
 * `kubectl annotate` on one object of any kind: sets and removes `metadata.annotations` keys, as
 * `label` does labels; without --overwrite a key with another value is an error (but for
 * kubernetes.io/change-cause). The result must stay within the API server's 256 KiB for annotations.
 */
export function annotate(resource: JsonObject, edit: MetadataEdit): JsonObject {
  checkStringMaps(resource);
  if (!edit.overwrite) {
    const conflicts = conflicting(resource, 'annotations', edit.set, CHANGE_CAUSE);
    if (conflicts.length) {
      const found = conflicts.map(([key, current]) => `'${key}' already has a value (${current})`).join('; ');
      throw new KsetError(`--overwrite is false but found the following declared annotation(s): ${found}`);
    }
  }
  const result = editMap(resource, 'annotations', edit);
  if (result !== resource) {
    const size = annotationsSize((result.metadata as JsonObject).annotations as Record<string, string>);
    if (size > ANNOTATIONS_SIZE_LIMIT) {
      throw new KsetError(`metadata.annotations: Too long: must have at most ${ANNOTATIONS_SIZE_LIMIT} bytes (these annotations have ${size})`);
    }
  }
  return result;
}
