import type { Config } from '../config/types.js';
import type { Step } from '../pipeline.js';
import type { Source } from '../types.js';
import { imageStep } from './images.js';

export interface ConfigContext {
  /** The input, for the CRDs it holds (read when a patch first needs them). */
  sources: () => Source[];
  /** Unmatched patches and targets are errors, not warnings. */
  strict?: boolean;
}

/**
 * A config's steps in kustomize's order: patches in order, then images in order. The patch modules
 * load only for a config with patches: most of a one-image run's start-up would be theirs.
 */
export async function stepsFromConfig(config: Config, context: ConfigContext): Promise<Step[]> {
  const patches: Step[] = [];
  if (config.patches.length) {
    const [{ patchStep }, { crdsIn, lazy }] = await Promise.all([import('./patch.js'), import('./crds.js')]);
    const crds = lazy(() => crdsIn([...config.crds, ...context.sources()]));
    patches.push(...config.patches.map((entry) => patchStep(entry, { crds, strict: context.strict })));
  }
  return [...patches, ...config.images.map((entry) => imageStep(entry, config.imageFields))];
}
