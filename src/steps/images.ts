import type { ImageEntry, ImageField } from '../config/types.js';
import type { Step } from '../pipeline.js';
import { applyImages } from '../transform/images.js';

/** One kustomize `images:` entry as a pipeline step (entries run in order, each seeing the ones before). */
export function imageStep(entry: ImageEntry, fields: ImageField[]): Step {
  const keys = ['image', ...fields.map((f) => f.path.split('.').pop()!.replace(/\[\]$/, ''))];
  return {
    origin: entry.origin,
    mayTouch: (text) => keys.some((key) => text.includes(key)),
    apply: (resource) => applyImages(resource, [entry], fields).value,
  };
}
