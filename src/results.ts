import type { Origin } from './config/types.js';
import type { ResourceId } from './resource-id.js';
import type { ValueChange } from './util/diff-values.js';

// What a run of the pipeline produces, as the write-back stage and the library's users read it.

/** One change to one value, with the document it is in and the step that made it. */
export interface Change extends ValueChange {
  file: string | null;
  document: number;
  resource: ResourceId;
  origin: Origin;
}

export interface FileResult {
  /** The source path, or null for stdin. */
  path: string | null;
  input: string;
  output: string;
  changed: boolean;
  /**
   * Where each input document ends in `input`, and where what it became ends in `output` (empty when
   * it was deleted): the write-back diff compares document by document. Absent on a result made by hand.
   */
  documentEnds?: { input: number; output: number }[];
}
