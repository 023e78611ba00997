import type { Config } from '../config/types.js';
import type { Step } from '../pipeline.js';
import { imageStep } from './images.js';
import { patchStep, type PatchContext } from './patch.js';

/** A config's steps in kustomize's order: patches in order, then images in order. */
export function stepsFromConfig(config: Config, context: PatchContext): Step[] {
  return [
    ...config.patches.map((entry) => patchStep(entry, context)),
    ...config.images.map((entry) => imageStep(entry, config.imageFields)),
  ];
}
