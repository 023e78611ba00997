import type { Step } from '../pipeline.js';
import type { Selection } from '../select/selection.js';
import { annotate } from '../transform/annotate.js';
import { label, type MetadataEdit } from '../transform/label.js';
import type { JsonObject } from '../types.js';
import { verbStep } from './verb.js';

/**
 * `kset label` / `kset annotate`: kubectl's verbs on every selected object, of any kind.
 * `listed` receives each selected object after the edit (for --list).
 */
export function metadataStep(verb: 'label' | 'annotate', selection: Selection, edit: MetadataEdit, listed?: (resource: JsonObject) => void): Step {
  const change = verb === 'label' ? label : annotate;
  return verbStep({
    // annotation values may be long or span lines: their keys name them
    label: [verb, ...[...edit.set].map(([key, value]) => (verb === 'label' ? `${key}=${value}` : `${key}=…`)), ...edit.remove.map((key) => `${key}-`)].join(
      ' ',
    ),
    selection,
    takes: () => true,
    edit(resource) {
      const result = change(resource, edit);
      listed?.(result);
      return result;
    },
  });
}
