import type { Config } from '../config/types.js';
import type { Step } from '../pipeline.js';
import { isObject, type Source } from '../types.js';
import { imageStep } from './images.js';

export interface ConfigContext {
  /** The input, for the CRDs it holds (read when a patch first needs them). */
  sources: () => Source[];
  /** Unmatched patches, targets and image entries are errors, not warnings. */
  strict?: boolean;
}

/**
 * A config's steps: Flux image policies first (their markers are found where the input has them),
 * then kustomize's order: patches in order, then images in order. The patch and policy modules load
 * only for a config with such entries: most of a one-image run's start-up would be theirs.
 */
export async function stepsFromConfig(config: Config, context: ConfigContext): Promise<Step[]> {
  const patches: Step[] = [];
  if (config.patches.length) {
    const [{ patchStep }, { crdsIn, lazy }] = await Promise.all([import('./patch.js'), import('./crds.js')]);
    const crds = lazy(() => crdsIn([...config.crds, ...context.sources()]));
    patches.push(...config.patches.map((entry) => patchStep(entry, { crds, strict: context.strict })));
  }
  const images = config.images.map((entry) => imageStep(entry, config.imageFields, context.strict));
  const kustomize = [...patches, ...images];
  const policies = config.imagePolicies?.length ? (await import('./image-policy.js')).imagePolicySteps(config.imagePolicies, context.strict) : [];
  return chainPreChecks([...policies, ...kustomize, ...(kustomize.length > 0 ? [dropEmptyAnnotations] : [])]);
}

const EMPTY_ANNOTATIONS = /annotations["']?\s*:\s*\{\s*\}/;

/**
 * kustomize writes no empty `metadata.annotations` (it sets them anew on every resource when it
 * takes its internal ones out): an `annotations: {}` in the input goes, and so do annotations a patch
 * empties. An empty `labels: {}` stays. Runs after the config's entries.
 */
export const dropEmptyAnnotations: Step = {
  origin: { label: 'kustomize: no empty metadata.annotations' },
  mayTouch: (text) => EMPTY_ANNOTATIONS.test(text),
  apply(resource) {
    const metadata = resource.metadata;
    if (!isObject(metadata) || !isObject(metadata.annotations) || Object.keys(metadata.annotations).length > 0) return resource;
    const { annotations: _, ...rest } = metadata;
    return { ...resource, metadata: rest };
  },
};

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
