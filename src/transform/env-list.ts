import { KsetError } from '../errors.js';
import { isObject, type JsonObject } from '../types.js';
import { compareBytes, refString, refValue, type ConfigLookup } from './env-refs.js';
import { valueOf, type ContainerEnv } from './set-env.js';

export interface EnvListing {
  /** `# Deployment web, container app`, then `NAME=VALUE` or `# NAME from …` lines. */
  lines: string[];
  /** kubectl's `error retrieving reference for A, B: …` lines (it prints them on stderr). */
  errors: string[];
}

/**
 * `kubectl set env --list`: for each container, a heading, then each variable as `NAME=VALUE`, a reference
 * as `# NAME from configmap cfg, key k` (`secret …`, `field path …`, `resource field …`), or with `lookup`
 * (`--resolve`) its value. A reference that does not resolve is printed as a reference, and its error
 * is listed once per container with every variable it hit (sorted, as kubectl).
 */
export function listEnv(resource: JsonObject, containers: ContainerEnv[], lookup?: ConfigLookup): EnvListing {
  const meta = isObject(resource.metadata) ? resource.metadata : {};
  const lines: string[] = [];
  const errors: string[] = [];
  for (const { name, container, env } of containers) {
    lines.push(`# ${String(resource.kind)} ${String(meta.name ?? '')}, container ${name}`);
    const failed = new Map<string, string[]>();
    for (const entry of env) {
      const variable = isObject(entry) && typeof entry.name === 'string' ? entry.name : '';
      const from = isObject(entry) ? entry.valueFrom : undefined;
      if (from === undefined || from === null) {
        lines.push(`${variable}=${valueOf(entry)}`);
        continue;
      }
      if (lookup) {
        try {
          lines.push(`${variable}=${refValue(from, resource, container, lookup)}`);
          continue;
        } catch (e) {
          if (!(e instanceof KsetError)) throw e;
          failed.set(e.message, [...(failed.get(e.message) ?? []), variable]);
        }
      }
      lines.push(`# ${variable} from ${refString(from)}`);
    }
    const messages = [...failed].map(([message, names]) => `error retrieving reference for ${names.sort(compareBytes).join(', ')}: ${message}`);
    errors.push(...messages.sort(compareBytes));
  }
  return { lines, errors };
}
