import { createRequire } from 'node:module';

type YamlLib = typeof import('yaml');

let lib: YamlLib | undefined;

/**
 * The `yaml` package, loaded the first time it is needed. Loading it is most of kset's start-up time,
 * and the common path (block-style manifests, simple new values) does without it.
 */
export function yamlLib(): YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as YamlLib);
}
