import type { ImageEntry, ImageField } from '../config/types.js';
import { KsetError } from '../errors.js';
import type { Step } from '../pipeline.js';
import { applyImages } from '../transform/images.js';

/**
 * One kustomize `images:` entry as a pipeline step (entries run in order, each seeing the ones before).
 * An entry whose name matches no image of the input is a warning (`--image app=...` with a container's
 * name in place of an image's is the usual mistake), an error with `strict`.
 */
export function imageStep(entry: ImageEntry, fields: ImageField[], strict = false): Step {
  const keys = ['image', ...fields.map((f) => f.path.split('.').pop()!.replace(/\[\]$/, ''))];
  let matched = false;
  return {
    origin: entry.origin,
    failsAtEnd: strict,
    mayTouch: (text) => keys.some((key) => text.includes(key)),
    apply(resource) {
      const result = applyImages(resource, [entry], fields);
      matched ||= result.matched.size > 0;
      return result.value;
    },
    finish() {
      if (matched) return [];
      const message = `${entry.origin.label}: image ${JSON.stringify(entry.name)} matched no image`;
      if (strict) throw new KsetError(message, { file: entry.origin.file, line: entry.origin.line });
      return [message];
    },
  };
}
