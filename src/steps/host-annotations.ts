import type { Step } from '../pipeline.js';
import { isObject, type JsonObject } from '../types.js';

/**
 * The annotations a KRM function host puts on every item it passes (kpt and kustomize: the file and
 * index a resource came from, its id for matching it up afterwards, the sequence indentation to write
 * it back with): `config.kubernetes.io/…`, `internal.config.kubernetes.io/…`, `config.k8s.io/…`.
 */
export function isHostAnnotation(key: string): boolean {
  return key.startsWith('config.kubernetes.io/') || key.startsWith('internal.config.kubernetes.io/') || key.startsWith('config.k8s.io/');
}

/**
 * `steps` followed by one that gives an item back the host's annotations it was read with (from the
 * context's original), whatever they did to its metadata: a patch that replaces or drops the
 * annotations must not cut a resource loose from its file. An annotation a step sets to another value
 * keeps that value (the spec lets functions change them); only removed ones come back.
 */
export function keepHostAnnotations(steps: Step[]): Step[] {
  if (!steps.length) return steps;
  const restore: Step = {
    origin: { label: 'keep the KRM function host annotations' },
    mayTouch: (text) => steps.some((step) => !step.mayTouch || step.mayTouch(text)),
    apply(resource, context) {
      const host = hostAnnotations(context.original);
      const metadata = isObject(resource.metadata) ? resource.metadata : {};
      const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
      const missing = Object.keys(host).filter((key) => !Object.hasOwn(annotations, key));
      if (!missing.length) return resource;
      const restored = { ...annotations, ...Object.fromEntries(missing.map((key) => [key, host[key]!])) };
      return { ...resource, metadata: { ...metadata, annotations: restored } };
    },
  };
  return [...steps, restore];
}

function hostAnnotations(resource: JsonObject): JsonObject {
  const metadata = resource.metadata;
  const annotations = isObject(metadata) && isObject(metadata.annotations) ? metadata.annotations : {};
  return Object.fromEntries(Object.entries(annotations).filter(([key]) => isHostAnnotation(key)));
}
