import type { Step } from '../pipeline.js';
import { isObject, type JsonObject } from '../types.js';

/**
 * The annotation Helm 4 puts on every document it pipes to a post-renderer, to split the stream back
 * into its template files afterwards (helm pkg/action annotateAndMerge / splitAndDeannotate).
 */
export const POSTRENDER_FILENAME = 'postrenderer.helm.sh/postrender-filename';

/**
 * `steps` followed by one that gives a resource back the Helm post-render filename annotation it was
 * read with, whatever they did to its metadata: a patch that replaces or drops the annotations still
 * hands the resource back to Helm under its template file. Only documents some step may touch pay
 * for the check.
 */
export function keepPostrenderFilename(steps: Step[]): Step[] {
  if (!steps.length) return steps;
  const restore: Step = {
    origin: { label: `keep ${POSTRENDER_FILENAME}` },
    mayTouch: (text) => text.includes('postrender-filename') && steps.some((step) => !step.mayTouch || step.mayTouch(text)),
    apply(resource, context) {
      const filename = filenameOf(context.original);
      if (filename === undefined || filenameOf(resource) === filename) return resource;
      const metadata = isObject(resource.metadata) ? resource.metadata : {};
      const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
      return { ...resource, metadata: { ...metadata, annotations: { ...annotations, [POSTRENDER_FILENAME]: filename } } };
    },
  };
  return [...steps, restore];
}

function filenameOf(resource: JsonObject): string | undefined {
  const metadata = resource.metadata;
  const annotations = isObject(metadata) ? metadata.annotations : undefined;
  const filename = isObject(annotations) ? annotations[POSTRENDER_FILENAME] : undefined;
  return typeof filename === 'string' ? filename : undefined;
}
