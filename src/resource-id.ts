import { isObject, type Json, type JsonObject } from './types.js';

/** What identifies a resource: apiVersion, kind, namespace and name, where they are strings. */
export interface ResourceId {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
}

export function resourceId(resource: JsonObject): ResourceId {
  const meta = isObject(resource.metadata) ? resource.metadata : {};
  return {
    apiVersion: stringOf(resource.apiVersion),
    kind: stringOf(resource.kind),
    namespace: stringOf(meta.namespace),
    name: stringOf(meta.name),
  };
}

/** A resource for messages: `Deployment web in namespace shop`, `Deployment web (no namespace)`. */
export function describeResource(resource: JsonObject): string {
  const { kind, namespace, name } = resourceId(resource);
  const where = namespace ? ` in namespace ${namespace}` : ' (no namespace)';
  return `${kind || '(no kind)'} ${name || '(no name)'}${where}`;
}

/** A resource as kubectl names it in messages: `deployment/web in namespace shop`. */
export function kubectlName(resource: JsonObject): string {
  const { kind, namespace, name } = resourceId(resource);
  return `${String(kind).toLowerCase()}/${String(name)}${namespace !== undefined ? ` in namespace ${namespace}` : ''}`;
}

function stringOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
