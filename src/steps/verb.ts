import { KsetError } from '../errors.js';
import type { Step } from '../pipeline.js';
import { notFound, selects, type Selection } from '../select/selection.js';
import type { JsonObject } from '../types.js';
import { kubectlName } from '../resource-id.js';

export interface VerbStepOptions {
  /** The step's name in messages and reports (`set resources`, `label`…). */
  label: string;
  selection: Selection;
  /** Whether the verb applies to an object that `--all`, `-f`/`--local` or `-l` without a type of its own takes. */
  takes(resource: JsonObject): boolean;
  /**
   * A cheap look at a document's text: false when it surely holds no object `takes` accepts. Used
   * only when the selection names no object and no type (a named one must reach `refusal`).
   */
  mayHold?(text: string): boolean;
  /** kubectl's whole error for a selected object the verb cannot edit (by default, that `takes` refuses it). */
  refusal?(resource: JsonObject): string;
  /** The verb on one selected object: the same object when unchanged; a KsetError where kubectl fails on it. */
  edit(resource: JsonObject): JsonObject;
}

/**
 * A kubectl editing verb as a Step, as `kset set image`: it edits the objects the selection names
 * (an object named, or of a type named, that the verb cannot edit is kubectl's error on it), passes
 * every other document, and fails at the end for a named object the input does not hold.
 */
export function verbStep({ label, selection, takes, mayHold, refusal, edit }: VerbStepOptions): Step {
  const found = new Set<number>();
  const untyped = !selection.named.length && !selection.types.length;
  return {
    origin: { label },
    ...(mayHold && untyped ? { mayTouch: mayHold } : {}),
    failsAtEnd: selection.named.length > 0,
    apply(resource) {
      const match = selects(selection, resource);
      if (!match) return resource;
      for (const index of match.named ?? []) found.add(index);
      const fits = takes(resource);
      if (!match.named && !selection.types.length && !fits) return resource;
      if (!fits && refusal) throw new KsetError(refusal(resource));
      try {
        return edit(resource);
      } catch (e) {
        if (e instanceof KsetError && !e.position.file) throw new KsetError(`${kubectlName(resource)}: ${e.message}`);
        throw e;
      }
    },
    finish() {
      const missing = selection.named.findIndex((_, i) => !found.has(i));
      if (missing >= 0) throw notFound(selection.named[missing]!, selection.namespace);
      return [];
    },
  };
}
