import { KsetError } from '../errors.js';
import type { Step } from '../pipeline.js';
import type { Selection } from '../select/selection.js';
import { notAWorkload, podSpecPath } from '../transform/set-image.js';
import { setResources, type ResourcesEdit } from '../transform/set-resources.js';
import { verbStep } from './verb.js';

/** `kset set resources`: kubectl's `set resources` on the selected objects with a pod spec. */
export function setResourcesStep(selection: Selection, edit: ResourcesEdit): Step {
  return verbStep({
    label: ['set resources', ...(edit.containers === '*' ? [] : [`-c ${edit.containers}`]), list('limits', edit.limits), list('requests', edit.requests)]
      .filter(Boolean)
      .join(' '),
    selection,
    takes: (resource) => podSpecPath(resource) !== undefined,
    refusal: notAWorkload,
    edit(resource) {
      const result = setResources(resource, edit);
      if (!result.matched) throw new KsetError(`unable to find container named "${edit.containers}"`);
      return result.value;
    },
  });
}

function list(flag: string, quantities: Map<string, string> | undefined): string {
  return quantities ? `--${flag}=${[...quantities].map(([name, quantity]) => `${name}=${quantity}`).join(',')}` : '';
}
