import { isObject, type Json, type JsonObject } from '../types.js';
import type { CrdSchemas, FieldSchema, TypeSchema } from './patch-meta.js';

/**
 * Merge schemas of the custom kinds that CustomResourceDefinitions define, by `group/version/Kind`, read from
 * each version's `openAPIV3Schema`: `x-kubernetes-list-type: map` lists merge by their list-map keys,
 * `set` lists merge as sets, `x-kubernetes-patch-strategy`/`-merge-key` are honoured, and an atomic map
 * (`x-kubernetes-map-type: atomic`) is replaced. Objects that are not CRDs are ignored.
 */
export function crdSchemas(crds: readonly Json[]): CrdSchemas {
  const schemas = new Map<string, TypeSchema>();
  for (const crd of crds) {
    if (!isObject(crd) || crd.kind !== 'CustomResourceDefinition' || !isObject(crd.spec)) continue;
    if (typeof crd.apiVersion !== 'string' || !crd.apiVersion.startsWith('apiextensions.k8s.io/')) continue;
    const { group, names, versions, version, validation } = crd.spec;
    const kind = isObject(names) ? names.kind : undefined;
    if (typeof group !== 'string' || typeof kind !== 'string') continue;
    // v1beta1 CRDs may name a single `version` and share one `validation` schema between versions.
    const shared = isObject(validation) ? validation.openAPIV3Schema : undefined;
    const list: Json[] = Array.isArray(versions) ? versions : typeof version === 'string' ? [{ name: version }] : [];
    for (const v of list) {
      if (!isObject(v) || typeof v.name !== 'string') continue;
      const schema = (isObject(v.schema) ? v.schema.openAPIV3Schema : undefined) ?? shared;
      schemas.set(`${group ? group + '/' : ''}${v.name}/${kind}`, new CrdType(isObject(schema) ? schema : {}));
    }
  }
  return schemas;
}

/** A cursor on one object node of an OpenAPI v3 schema; fields are worked out when first asked for. */
class CrdType implements TypeSchema {
  private readonly fields = new Map<string, FieldSchema | undefined>();

  constructor(private readonly node: JsonObject) {}

  field(name: string): FieldSchema | undefined {
    if (this.fields.has(name)) return this.fields.get(name);
    const { properties, additionalProperties } = this.node;
    const prop =
      isObject(properties) && Object.hasOwn(properties, name) && isObject(properties[name])
        ? properties[name]
        : isObject(additionalProperties)
          ? additionalProperties
          : undefined;
    const field = prop && toField(prop);
    this.fields.set(name, field);
    return field;
  }
}

function toField(prop: JsonObject): FieldSchema {
  const text = (key: string) => (typeof prop[key] === 'string' ? (prop[key] as string) : undefined);
  let strategy = text('x-kubernetes-patch-strategy');
  let mergeKey = text('x-kubernetes-patch-merge-key');
  const listType = text('x-kubernetes-list-type');
  const rawKeys = prop['x-kubernetes-list-map-keys'];
  const listMapKeys = Array.isArray(rawKeys) ? rawKeys.filter((k): k is string => typeof k === 'string') : undefined;
  const items = isObject(prop.items) ? prop.items : undefined;

  if (listType === 'map' && listMapKeys?.length) {
    strategy ??= 'merge';
    mergeKey ??= listMapKeys[0];
  } else if (listType === 'set') {
    strategy ??= 'merge';
  } else if (!strategy && prop['x-kubernetes-map-type'] === 'atomic') {
    strategy = 'replace';
  }

  const node = items ?? prop;
  const typed = isObject(node.properties) || isObject(node.additionalProperties);
  return {
    strategy,
    mergeKey,
    listType,
    listMapKeys,
    identityKeys: listMapKeys,
    keyDefaults: listMapKeys && items ? keyDefaults(items, listMapKeys) : undefined,
    type: typed ? new CrdType(node) : undefined,
  };
}

/** The schema `default` of each list-map key that has one. */
function keyDefaults(items: JsonObject, keys: readonly string[]): Record<string, Json> | undefined {
  const properties = isObject(items.properties) ? items.properties : {};
  const defaults: Record<string, Json> = {};
  for (const key of keys) {
    const prop = properties[key];
    if (isObject(prop) && Object.hasOwn(prop, 'default') && prop.default !== undefined) defaults[key] = prop.default;
  }
  return Object.keys(defaults).length ? defaults : undefined;
}
