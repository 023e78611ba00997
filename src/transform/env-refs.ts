import { KsetError } from '../errors.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { parseQuantity, scaledValue, type Quantity } from '../util/quantity.js';
import { qualifiedNameProblems } from '../util/label-syntax.js';

/** Finds a ConfigMap or Secret by name (for the resource being listed); throws a KsetError naming it when there is none. */
export type ConfigLookup = (kind: 'ConfigMap' | 'Secret', name: string) => JsonObject;

/** kubectl's GetEnvVarRefString: what a `valueFrom` refers to, as `--list` prints it. */
export function refString(from: Json): string {
  const ref = isObject(from) ? from : {};
  const configMap = objectAt(ref, 'configMapKeyRef');
  if (configMap) return `configmap ${text(configMap.name)}, key ${text(configMap.key)}`;
  const secret = objectAt(ref, 'secretKeyRef');
  if (secret) return `secret ${text(secret.name)}, key ${text(secret.key)}`;
  const field = objectAt(ref, 'fieldRef');
  if (field) return `field path ${text(field.fieldPath)}`;
  const resource = objectAt(ref, 'resourceFieldRef');
  if (resource) {
    const container = text(resource.containerName);
    return `resource field ${container ? container + '/' : ''}${text(resource.resource)}`;
  }
  return 'invalid valueFrom';
}

/**
 * kubectl's GetEnvVarRefValue, for `--list --resolve`: the value a `valueFrom` gives in `container` of
 * `resource`. ConfigMaps and Secrets come from `lookup` (kubectl asks the cluster); a field path is read
 * from the resource itself (a Deployment's own name, as kubectl does); a resource field from the
 * container's resources, whatever container it names (as kubectl). Throws a KsetError with kubectl's
 * message when there is none.
 */
export function refValue(from: Json, resource: JsonObject, container: JsonObject, lookup: ConfigLookup): string {
  const ref = isObject(from) ? from : {};
  const secret = objectAt(ref, 'secretKeyRef');
  if (secret) return secretValue(lookup('Secret', text(secret.name)), text(secret.key));
  const configMap = objectAt(ref, 'configMapKeyRef');
  if (configMap) return configMapValue(lookup('ConfigMap', text(configMap.name)), text(configMap.key));
  const field = objectAt(ref, 'fieldRef');
  if (field) return fieldPathValue(resource, text(field.fieldPath));
  const resourceField = objectAt(ref, 'resourceFieldRef');
  if (resourceField) return resourceFieldValue(resourceField, container);
  throw new KsetError('invalid valueFrom');
}

/** A ConfigMap's `data` value for `key` (kubectl reads `data` alone, not `binaryData`). */
export function configMapValue(configMap: JsonObject, key: string): string {
  const data = objectAt(configMap, 'data');
  if (!data || !Object.hasOwn(data, key)) throw new KsetError(`key ${key} not found in config map ${nameOf(configMap)}`);
  const value = data[key];
  if (typeof value !== 'string') throw new KsetError(`config map ${nameOf(configMap)}: the value of key ${key} is not a string`);
  return value;
}

/** A Secret's value for `key`: its `stringData` one, else its `data` one decoded (the API server merges the two so). */
export function secretValue(secret: JsonObject, key: string): string {
  const stringData = objectAt(secret, 'stringData');
  if (stringData && Object.hasOwn(stringData, key) && typeof stringData[key] === 'string') return stringData[key] as string;
  const data = objectAt(secret, 'data');
  if (!data || !Object.hasOwn(data, key)) throw new KsetError(`key ${key} not found in secret ${nameOf(secret)}`);
  const encoded = data[key];
  const bytes = typeof encoded === 'string' ? decodeBase64(encoded) : undefined;
  if (!bytes) throw new KsetError(`secret ${nameOf(secret)}: the value of key ${key} is not base64`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KsetError(`secret ${nameOf(secret)}: the value of key ${key} is not UTF-8 text`);
  }
}

/** The keys a ConfigMap's or Secret's references can name: `data` (and a Secret's `stringData`), sorted as Go sorts strings. */
export function dataKeys(resource: JsonObject): string[] {
  const keys = new Set(Object.keys(objectAt(resource, 'data') ?? {}));
  if (resource.kind === 'Secret') for (const key of Object.keys(objectAt(resource, 'stringData') ?? {})) keys.add(key);
  return [...keys].sort(compareBytes);
}

/** Go's string order (by UTF-8 bytes). */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function decodeBase64(text: string): Buffer | undefined {
  const compact = text.replace(/[\r\n]/g, ''); // Go's base64 decoder skips line breaks
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** kubectl's extractFieldPathAsString on the resource: metadata name, namespace, uid, labels and annotations. */
function fieldPathValue(resource: JsonObject, fieldPath: string): string {
  const meta = objectAt(resource, 'metadata') ?? {};
  const subscripted = splitSubscript(fieldPath);
  if (subscripted) {
    const [path, subscript] = subscripted;
    if (path !== 'metadata.annotations' && path !== 'metadata.labels') {
      throw new KsetError(`fieldPath ${goQuote(fieldPath)} does not support subscript`);
    }
    const problems = qualifiedNameProblems(path === 'metadata.annotations' ? subscript.toLowerCase() : subscript);
    if (problems.length) throw new KsetError(`invalid key subscript in ${fieldPath}: ${problems.join(';')}`);
    const map = objectAt(meta, path.slice('metadata.'.length));
    return map && typeof map[subscript] === 'string' ? (map[subscript] as string) : '';
  }
  switch (fieldPath) {
    case 'metadata.annotations':
    case 'metadata.labels':
      return formatMap(objectAt(meta, fieldPath.slice('metadata.'.length)) ?? {});
    case 'metadata.name':
    case 'metadata.namespace':
    case 'metadata.uid':
      return text(meta[fieldPath.slice('metadata.'.length)]);
  }
  throw new KsetError(`unsupported fieldPath: ${fieldPath}`);
}

/** kubectl's splitMaybeSubscriptedPath: `metadata.annotations['key']` → [path, key]. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const at = inner.indexOf("['");
  if (at <= 0) return undefined;
  return [inner.slice(0, at), inner.slice(at + 2)];
}

/** `key="value"` lines in key order, values quoted as Go's %q quotes them. */
function formatMap(map: JsonObject): string {
  return Object.keys(map)
    .sort(compareBytes)
    .map((key) => `${key}=${goQuote(text(map[key]))}`)
    .join('\n');
}

/** kubectl's extractContainerResourceValue: a limit or request of the container, divided by the divisor (default 1), rounded up. */
function resourceFieldValue(selector: JsonObject, container: JsonObject): string {
  const divisor = quantityOf(selector.divisor);
  const scale = divisor && divisor.unscaled !== 0n ? divisor : ONE;
  const resource = text(selector.resource);
  const [kind, name = ''] = splitOnce(resource, '.');
  const known = ['cpu', 'memory', 'ephemeral-storage'].includes(name) || name.startsWith('hugepages-');
  if ((kind !== 'limits' && kind !== 'requests') || !known) throw new KsetError(`Unsupported container resource : ${resource}`);
  const amounts = objectAt(objectAt(container, 'resources') ?? {}, kind) ?? {};
  const amount = quantityOf(amounts[name] ?? '0') ?? ZERO;
  const digits = name === 'cpu' ? 3 : 0; // cpu in thousandths (MilliValue), the rest in units (Value)
  return String(Math.ceil(Number(scaledValue(amount, digits)) / Number(scaledValue(scale, digits))));
}

const ONE: Quantity = { unscaled: 1n, scale: 0, format: 'DecimalSI' };
const ZERO: Quantity = { unscaled: 0n, scale: 0, format: 'DecimalSI' };

function quantityOf(value: Json | undefined): Quantity | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const quantity = parseQuantity(String(value));
  if ('error' in quantity) throw new KsetError(`${quantity.error}: ${value}`);
  return quantity;
}

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/** Go's %q: a double-quoted string with Go's escapes. */
function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (Object.hasOwn(GO_ESCAPES, ch)) out += GO_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}

function objectAt(node: JsonObject, key: string): JsonObject | undefined {
  const value = node[key];
  return isObject(value) ? value : undefined;
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function nameOf(resource: JsonObject): string {
  return text(objectAt(resource, 'metadata')?.name);
}
