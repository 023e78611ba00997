import { KsetError } from '../errors.js';
import type { Step } from '../pipeline.js';
import { trackSelection, type Selection } from '../select/selection.js';
import { podSpecPath, setImage, type ContainerImage } from '../transform/set-image.js';
import { kubectlName } from '../resource-id.js';

/** `kset set image`: kubectl's `set image` on the selected resources; every other document passes. */
export function setImageStep(selection: Selection, pairs: ContainerImage[]): Step {
  const tracker = trackSelection(selection);
  return {
    origin: { label: `set image ${pairs.map((p) => `${p.container}=${p.image}`).join(' ')}` },
    failsAtEnd: tracker.failsAtEnd,
    apply(resource) {
      const match = tracker.select(resource);
      if (!match) return resource;
      // `TYPE --all`/`-l` without a type of their own take only what has a pod template
      if (!match.named && !selection.types.length && !podSpecPath(resource)) return resource;
      const result = setImage(resource, pairs);
      if (result.missing.length) {
        throw new KsetError(`${kubectlName(resource)}: unable to find container named "${result.missing[0]}"`);
      }
      return result.value;
    },
    finish() {
      tracker.finish();
      return [];
    },
  };
}
