import { KsetError } from '../errors.js';
import type { Step } from '../pipeline.js';
import { kubectlName } from '../resource-id.js';
import { containerMatches } from '../util/container-glob.js';
import { notFound, selects, type Selection } from '../select/selection.js';
import { keyToEnvName, type EnvVar } from '../transform/env-args.js';
import { listEnv } from '../transform/env-list.js';
import { configMapValue, dataKeys, secretValue } from '../transform/env-refs.js';
import { setEnv } from '../transform/set-env.js';
import { notAWorkload, podSpecPath } from '../transform/set-image.js';
import { isObject, type JsonObject, type Source } from '../types.js';
import { ConfigObjects } from './config-objects.js';
import { at } from '../util/at.js';

export interface SetEnvOptions {
  /** The variables of `-e` then of `NAME=VALUE` arguments, before `--prefix`. */
  env: EnvVar[];
  remove: string[];
  /** `--containers` (kubectl's pattern; `*` by default). */
  containers: string;
  overwrite: boolean;
  /** `--prefix`, put before every set variable's name (those of `--from` too), as in kubectl. */
  prefix: string;
  /** `--from=configmap/NAME|secret/NAME` and `--keys`: one variable per key (every key without `--keys`). */
  from?: { kind: 'ConfigMap' | 'Secret'; name: string; keys: string[] };
  /** `--resolve`: `--from` writes the values rather than references, `--list` prints referenced values. */
  resolve: boolean;
  /** `--list`: the listing is collected in `listing` (the resources still change, as in kubectl). */
  list: boolean;
  /** `-n`: the namespace of a selected resource that has none. */
  namespace?: string;
  /** The origin label (`set env NAME=…`): values stay out of messages and reports. */
  label: string;
}

export interface SetEnvStep extends Step {
  /** `--list` output lines, in stream order. */
  readonly listing: string[];
}

/**
 * `kset set env`: kubectl's `set env` on the selected resources; every other document passes. ConfigMaps
 * and Secrets of `--from` and `--resolve` are found in `sources()`, the whole input.
 */
export function setEnvStep(selection: Selection, options: SetEnvOptions, sources: () => Source[]): SetEnvStep {
  const found = new Set<number>();
  const warnings: string[] = [];
  const transferred = new Set<string>(); // kubectl names a renamed key once (it reads --from once)
  const listing: string[] = [];
  const configs = new ConfigObjects(sources);
  const envByNamespace = new Map<string | undefined, EnvVar[]>();
  const containers = (name: string) => containerMatches(name, options.containers);

  /** The variables for a resource in `namespace`: the arguments', then `--from`'s, prefixed. */
  function envFor(namespace: string | undefined): EnvVar[] {
    if (!options.from && !options.prefix) return options.env;
    let env = envByNamespace.get(namespace);
    if (!env) {
      env = [...options.env, ...fromEnv(namespace)].map((e) => ({ ...e, name: options.prefix + e.name }));
      envByNamespace.set(namespace, env);
    }
    return env;
  }

  function fromEnv(namespace: string | undefined): EnvVar[] {
    if (!options.from) return [];
    const { kind, name, keys } = options.from;
    const source = configs.find(kind, name, namespace);
    const ref = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
    return dataKeys(source)
      .filter((key) => keys.length === 0 || keys.includes(key))
      .map((key) => {
        const variable = keyToEnvName(key);
        if (variable !== key && !transferred.has(key)) {
          transferred.add(key);
          warnings.push(`key ${key} transferred to ${variable}`);
        }
        if (!options.resolve) return { name: variable, valueFrom: { [ref]: { key, name } } } as EnvVar;
        return { name: variable, value: kind === 'ConfigMap' ? configMapValue(source, key) : secretValue(source, key) };
      });
  }

  return {
    origin: { label: options.label },
    failsAtEnd: selection.named.length > 0, // a named resource missing from the input
    listing,
    apply(resource) {
      const match = selects(selection, resource);
      if (!match) return resource;
      for (const index of match.named ?? []) found.add(index);
      if (!podSpecPath(resource)) {
        // `TYPE --all`/`-l` without a type of their own take only what has a pod template
        if (!match.named && !selection.types.length) return resource;
        throw new KsetError(notAWorkload(resource));
      }
      const namespace = namespaceOf(resource) ?? options.namespace;
      try {
        const result = setEnv(resource, { env: envFor(namespace), remove: options.remove, containers, overwrite: options.overwrite });
        if (!result.containers.length) {
          warnings.push(`${kubectlName(resource)} does not have any containers matching ${JSON.stringify(options.containers)}`);
        }
        if (options.list) {
          const lookup = options.resolve ? (kind: 'ConfigMap' | 'Secret', name: string) => configs.find(kind, name, namespace) : undefined;
          const { lines, errors } = listEnv(result.value, result.containers, lookup);
          listing.push(...lines);
          for (const error of errors) warnings.push(`${kubectlName(resource)}: ${error}`);
        }
        return result.value;
      } catch (e) {
        if (e instanceof KsetError && !e.position.file) throw new KsetError(`${kubectlName(resource)}: ${e.message}`);
        throw e;
      }
    },
    finish() {
      const missing = selection.named.findIndex((_, i) => !found.has(i));
      if (missing >= 0) throw notFound(at(selection.named, missing), selection.namespace);
      return warnings;
    },
  };
}

function namespaceOf(resource: JsonObject): string | undefined {
  const meta = isObject(resource.metadata) ? resource.metadata : {};
  return typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
}
