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
  return chainPreChecks([...patches, ...config.images.map((entry) => imageStep(entry, config.imageFields))]);
}

/**
 * A step's text pre-check (`mayTouch`) looks at the document as it was read; once an earlier step may
 * have changed it (renamed it, added a container), what selects it for a later step need not be in
 * that text. So a step is a candidate for a document when its own check or an earlier step's holds.
 * The checks run once per document text.
 */
export function chainPreChecks(steps: Step[]): Step[] {
  let lastText: string | undefined;
  let candidates: boolean[] = [];
  const candidatesFor = (text: string) => {
    if (text !== lastText) {
      lastText = text;
      let earlier = false;
      candidates = steps.map((step) => (earlier = earlier || !step.mayTouch || step.mayTouch(text)));
    }
    return candidates;
  };
  return steps.map((step, i) => (step.mayTouch ? { ...step, mayTouch: (text: string) => candidatesFor(text)[i]! } : step));
}
