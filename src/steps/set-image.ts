import { KsetError } from '../errors.js';
import type { Step } from '../pipeline.js';
import { notFound, selects, type Selection } from '../select/selection.js';
import { podSpecPath, setImage, type ContainerImage } from '../transform/set-image.js';
import type { JsonObject } from '../types.js';

/** `kset set image`: kubectl's `set image` on the selected resources; every other document passes. */
export function setImageStep(selection: Selection, pairs: ContainerImage[]): Step {
  const found = new Set<number>();
  return {
    origin: { label: `set image ${pairs.map((p) => `${p.container}=${p.image}`).join(' ')}` },
    failsAtEnd: selection.named.length > 0, // a named resource missing from the input
    apply(resource) {
      const match = selects(selection, resource);
      if (!match) return resource;
      for (const index of match.named ?? []) found.add(index);
      // `TYPE --all`/`-l` without a type of their own take only what has a pod template
      if (!match.named && !selection.types.length && !podSpecPath(resource)) return resource;
      const result = setImage(resource, pairs);
      if (result.missing.length) {
        throw new KsetError(`${describe(resource)}: unable to find container named "${result.missing[0]}"`);
      }
      return result.value;
    },
    finish() {
      const missing = selection.named.findIndex((_, i) => !found.has(i));
      if (missing >= 0) throw notFound(selection.named[missing], selection.namespace);
      return [];
    },
  };
}

/** `deployment/web` (with its namespace) for messages. */
export function describe(resource: JsonObject): string {
  const meta = (resource.metadata ?? {}) as JsonObject;
  const ns = typeof meta.namespace === 'string' ? ` in namespace ${meta.namespace}` : '';
  return `${String(resource.kind).toLowerCase()}/${String(meta.name)}${ns}`;
}
