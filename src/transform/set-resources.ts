import { KsetError } from '../errors.js';
import { containerMatches } from '../util/container-glob.js';
import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';
import { canonicalQuantity } from '../util/quantity.js';
import { podSpecPath } from './set-image.js';
import { updateAt } from './update-at.js';

/** What `kubectl set resources` sets: each list maps a resource name to the quantity as kubectl prints it. */
export interface ResourcesEdit {
  /** `-c`: kubectl's container pattern, `*` for all. */
  containers: string;
  limits?: Map<string, string>;
  requests?: Map<string, string>;
}

export interface SetResourcesResult {
  value: JsonObject;
  /** False when no container or init container matched the pattern (kubectl: unable to find container named …). */
  matched: boolean;
}

/**
 * kubectl's `--limits`/`--requests` value (populateResourceListV1): `NAME=QUANTITY,...`, names as
 * written (not checked), quantities parsed as the API does and kept as kubectl prints them
 * (`0.5` → `500m`); a later name wins; names in Go's order (sorted), as kubectl writes a new map.
 * Undefined for an empty value, which kubectl ignores.
 */
export function parseResourceList(spec: string): Map<string, string> | undefined {
  if (spec === '') return undefined;
  const list = new Map<string, string>();
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new KsetError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const quantity = canonicalQuantity(parts[1]!);
    if ('error' in quantity) throw new KsetError(`${JSON.stringify(parts[1])}: ${quantity.error}`);
    list.set(parts[0]!, quantity.text);
  }
  return new Map([...list].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * `kubectl set resources` on one resource with a pod spec (podSpecPath): sets each limit and request
 * on every container and init container the pattern takes (not ephemeral containers, as kubectl),
 * creating `resources` and its maps where missing. A quantity equal to the one there (as kubectl
 * prints both: `1000m` and `1`) is left as written, as kubectl's patch then has no change for it.
 */
export function setResources(resource: JsonObject, edit: ResourcesEdit): SetResourcesResult {
  const specPath = podSpecPath(resource);
  if (!specPath) throw new KsetError('the object is not a pod and has no pod template');
  const spec = specPath.reduce<Json | undefined>((node, key) => (isObject(node) ? node[key] : undefined), resource);
  if (!isObject(spec)) return { value: resource, matched: false };
  let matched = false;
  let nextSpec: JsonObject | undefined;
  for (const list of ['containers', 'initContainers']) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    let next: Json[] | undefined;
    containers.forEach((container, index) => {
      if (!isObject(container) || !containerMatches(typeof container.name === 'string' ? container.name : '', edit.containers)) return;
      matched = true;
      const updated = setContainerResources(container, edit, [...specPath, list, String(index)]);
      if (updated === container) return;
      next ??= [...containers];
      next[index] = updated;
    });
    if (next) nextSpec = { ...(nextSpec ?? spec), [list]: next };
  }
  return { value: nextSpec ? updateAt(resource, specPath, () => nextSpec) : resource, matched };
}

function setContainerResources(container: JsonObject, edit: ResourcesEdit, path: string[]): JsonObject {
  const resources = isObject(container.resources) ? container.resources : {};
  let next: JsonObject | undefined;
  for (const field of ['limits', 'requests'] as const) {
    const wanted = edit[field];
    if (!wanted) continue;
    const current = resources[field];
    const list = current === null || current === undefined ? {} : current;
    if (!isObject(list)) throw new KsetError(`${[...path, 'resources', field].join('.')} is not a map of quantities`);
    let nextList: WritableJsonObject | undefined;
    for (const [name, quantity] of wanted) {
      if (Object.hasOwn(list, name) && printed(list[name]!, [...path, 'resources', field, name]) === quantity) continue;
      nextList ??= { ...list };
      nextList[name] = quantity;
    }
    if (nextList) next = { ...(next ?? resources), [field]: nextList };
  }
  return next ? { ...container, resources: next } : container;
}

/** The quantity there as kubectl prints it (a YAML number is read as its JSON text, as Go reads it). */
function printed(value: Json, path: string[]): string {
  const text = typeof value === 'number' ? String(value) : value;
  const quantity = typeof text === 'string' ? canonicalQuantity(text.trim()) : { error: 'not a quantity' };
  if ('error' in quantity) throw new KsetError(`${path.join('.')}: ${JSON.stringify(value)} is not a quantity (${quantity.error})`);
  return quantity.text;
}
