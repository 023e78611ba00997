import type { Step } from '../pipeline.js';
import type { Selection } from '../select/selection.js';
import { notAWorkload, podSpecPath } from '../transform/set-image.js';
import { setServiceAccount } from '../transform/set-serviceaccount.js';
import { verbStep } from './verb.js';

/** `kset set serviceaccount`: kubectl's `set serviceaccount` on the selected objects with a pod spec. */
export function setServiceAccountStep(selection: Selection, name: string): Step {
  return verbStep({
    label: `set serviceaccount ${name === '' ? "''" : name}`,
    selection,
    takes: (resource) => podSpecPath(resource) !== undefined,
    refusal: notAWorkload,
    edit: (resource) => setServiceAccount(resource, name),
  });
}
