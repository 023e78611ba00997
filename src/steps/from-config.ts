import type { Config } from '../config/types.js';
import type { Step } from '../pipeline.js';
import { imageStep } from './images.js';

/** A config's steps in kustomize's order: patches in order, then images in order. */
export function stepsFromConfig(config: Config): Step[] {
  return [...config.images.map((entry) => imageStep(entry, config.imageFields))];
}
