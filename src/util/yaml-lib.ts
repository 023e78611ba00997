import { requirePackage } from './loader.js';

/**
 * A package loaded the first time it is needed: start-up then pays only for what a run uses (the `yaml`
 * package alone costs more than the rest of a one-document run).
 */
export function lazyPackage<T>(name: string): () => T {
  let lib: T | undefined;
  return () => (lib ??= requirePackage(name) as T);
}

/** The `yaml` package: kset's block reader and writer do without it for most documents. */
export const yamlLib = lazyPackage<typeof import('yaml')>('yaml');
