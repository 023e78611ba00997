import { KsetError } from '../errors.js';
import { parseDocument } from '../read/document.js';
import { skipByteOrderMark, splitStream } from '../yaml/split.js';
import { isObject, type Json, type JsonObject, type Source } from '../types.js';

type ConfigKind = 'ConfigMap' | 'Secret';

interface Found {
  kind: ConfigKind;
  name: string;
  namespace?: string;
  value: JsonObject;
}

/**
 * The ConfigMaps and Secrets of the input (List items too), where `kset set env --from` and `--resolve`
 * find what kubectl would get from the cluster. Read once, on the first lookup.
 */
export class ConfigObjects {
  private found?: Found[];

  constructor(private readonly sources: () => Source[]) {}

  /**
   * The `kind` named `name` that a resource in `namespace` refers to: one in that namespace, else one
   * without a namespace (or any, when the resource has none). Not found, or found in several namespaces
   * the resource does not choose between, is a KsetError naming it.
   */
  find(kind: ConfigKind, name: string, namespace: string | undefined): JsonObject {
    const named = this.all().filter((f) => f.kind === kind && f.name === name);
    const exact = named.filter((f) => f.namespace === namespace);
    const candidates = exact.length ? exact : named.filter((f) => f.namespace === undefined || namespace === undefined);
    const type = kind.toLowerCase();
    if (!candidates.length) {
      throw new KsetError(`${type} "${name}" not found in the input${namespace === undefined ? '' : ` (in namespace ${namespace} or without one)`}`);
    }
    const namespaces = [...new Set(candidates.map((f) => f.namespace ?? '(none)'))];
    if (namespaces.length > 1) {
      throw new KsetError(`${type} "${name}" is in the input in namespaces ${namespaces.join(', ')}: give the resource a namespace, or -n`);
    }
    return candidates[0]!.value;
  }

  private all(): Found[] {
    return (this.found ??= read(this.sources()));
  }
}

function read(sources: Source[]): Found[] {
  const found: Found[] = [];
  let index = 0;
  for (const source of sources) {
    for (const whole of splitStream(source.text)) {
      const { chunk, text } = skipByteOrderMark(whole, source.text.slice(whole.start, whole.end));
      index++;
      if (!text.includes('ConfigMap') && !text.includes('Secret')) continue;
      for (const value of parseDocument({ file: source.path, index, chunk, text }).values) {
        const items: Json[] = isObject(value) && Array.isArray(value.items) ? value.items : [value];
        for (const item of items) {
          const entry = configObject(item);
          if (entry) found.push(entry);
        }
      }
    }
  }
  return found;
}

function configObject(value: Json): Found | undefined {
  if (!isObject(value) || value.apiVersion !== 'v1' || (value.kind !== 'ConfigMap' && value.kind !== 'Secret')) return undefined;
  const meta = isObject(value.metadata) ? value.metadata : {};
  if (typeof meta.name !== 'string') return undefined;
  const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  return { kind: value.kind, name: meta.name, namespace, value };
}
