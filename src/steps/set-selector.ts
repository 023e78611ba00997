import type { Step } from '../pipeline.js';
import type { Selection } from '../select/selection.js';
import { setSelector, type SelectorArgument } from '../transform/set-selector.js';
import { verbStep } from './verb.js';

/** `kset set selector`: kubectl's `set selector` on the selected Services (any other object named is kubectl's error). */
export function setSelectorStep(selection: Selection, selector: SelectorArgument, text: string): Step {
  return verbStep({
    label: `set selector ${text === '' ? "''" : text}`,
    selection,
    mayHold: (text) => text.includes('Service') || text.includes('\\'), // an escape may spell the kind
    takes: (resource) => resource.kind === 'Service' && resource.apiVersion === 'v1',
    edit: (resource) => setSelector(resource, selector),
  });
}
