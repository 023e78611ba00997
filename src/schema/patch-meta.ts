import type { Json } from '../types.js';
import { readPackageFile } from '../util/package-file.js';

/** How a field merges in a strategic merge patch, as the Kubernetes OpenAPI extensions say. */
export interface FieldSchema {
  /** `x-kubernetes-patch-strategy`: `merge`, `replace`, `retainKeys` or `merge,retainKeys`. */
  readonly strategy?: string;
  /** `x-kubernetes-patch-merge-key`: the key that identifies the items of a merged list of maps. */
  readonly mergeKey?: string;
  /** `x-kubernetes-list-type`: `atomic`, `set` or `map`. */
  readonly listType?: string;
  /** `x-kubernetes-list-map-keys`: every key that together identifies an item of a `map` list. */
  readonly listMapKeys?: readonly string[];
  /** Schema defaults of list-map keys, used when an item lacks one (CRDs only). */
  readonly keyDefaults?: Readonly<Record<string, Json>>;
  /** The keys that together tell the items of a merged list apart, when more than the merge key (CRD lists). */
  readonly identityKeys?: readonly string[];
  /**
   * Keys that tell items apart only where the merge key alone cannot: a ports list naming one port twice (53/UDP
   * and 53/TCP) is merged by port and protocol, kset's one departure from apimachinery, which compares the merge
   * key alone and mangles such a list. Every other built-in list, topologySpreadConstraints too, merges on its
   * merge key alone.
   */
  readonly disambiguatingKeys?: readonly string[];
  /** The type of the field's value (a map) or of its items (a list), when it holds anything that matters. */
  readonly type?: TypeSchema;
}

/** A cursor on an object type: what its fields are. */
export interface TypeSchema {
  /** The field `name` (or any key, for a map type), undefined when nothing about it matters for merging. */
  field(name: string): FieldSchema | undefined;
  /**
   * The type's name, when its fields are all known: kubectl (which merges through Go types) fails on a key the
   * type lacks wherever it must merge into it ("unable to find api field in struct NAME").
   */
  readonly strictName?: string;
  /** Whether `name` is a field of the type (or a key of a map type); asked only where strictName is set. */
  has?(name: string): boolean;
}

/** Schemas of custom resources, by `group/version/Kind` (core group: `v1/Kind`). */
export type CrdSchemas = ReadonlyMap<string, TypeSchema>;

/** The schema of a resource kind: built-in ones from the generated table, custom ones from `extra`. */
export function schemaForResource(apiVersion: string, kind: string, extra?: CrdSchemas): TypeSchema | undefined {
  const id = `${apiVersion}/${kind}`;
  const builtin = loadTable().kinds[id];
  if (builtin === undefined) return extra?.get(id);
  // "~": an old API version described by its successor, which may lack some of its fields.
  return builtin.startsWith('~') ? tableType(builtin.slice(1), false) : tableType(builtin, true);
}

/**
 * One field in schemas/patch-meta.json: a type name, or metadata with an optional type (`t`); the key "-" holds
 * the type's other field names, space-separated.
 */
type TableField = string | { t?: string; s?: string; k?: string; l?: string; m?: string[] };

interface Table {
  kinds: Record<string, string>;
  types: Record<string, Record<string, TableField>>;
}

let table: Table | undefined;
const types = new Map<string, TypeSchema>();
const lenientTypes = new Map<string, TypeSchema>();

function loadTable(): Table {
  table ??= JSON.parse(readPackageFile('schemas/patch-meta.json')) as Table;
  return table;
}

function tableType(name: string, strict: boolean): TypeSchema {
  const cache = strict ? types : lenientTypes;
  let type = cache.get(name);
  if (!type) {
    type = new TableType(name, loadTable().types[name] ?? {}, strict);
    cache.set(name, type);
  }
  return type;
}

class TableType implements TypeSchema {
  private readonly fields = new Map<string, FieldSchema | undefined>();
  private plain?: Set<string>;
  readonly strictName?: string;

  constructor(
    name: string,
    private readonly entry: Record<string, TableField>,
    private readonly strict: boolean,
  ) {
    // The Go type's name: the table's name without group, version and map[...] wrapping.
    if (strict)
      this.strictName = name
        .replace(/^map\[(.*)\]$/, '$1')
        .split('.')
        .pop();
  }

  field(name: string): FieldSchema | undefined {
    if (this.fields.has(name)) return this.fields.get(name);
    const raw = name !== '-' && Object.hasOwn(this.entry, name) ? this.entry[name] : this.entry['*'];
    const field = raw === undefined ? undefined : toField(raw, this.strict);
    this.fields.set(name, field);
    return field;
  }

  has(name: string): boolean {
    if (name !== '-' && (Object.hasOwn(this.entry, name) || Object.hasOwn(this.entry, '*'))) return true;
    const listed = this.entry['-'];
    this.plain ??= new Set(typeof listed === 'string' ? listed.split(' ') : []);
    return this.plain.has(name);
  }
}

function toField(raw: TableField, strict: boolean): FieldSchema {
  if (typeof raw === 'string') return { type: tableType(raw, strict) };
  const { s, k, l, m, t } = raw;
  const disambiguatingKeys = k !== undefined && m?.includes(k) && m.includes('protocol') ? m : undefined;
  return { strategy: s, mergeKey: k, listType: l, listMapKeys: m, disambiguatingKeys, type: t === undefined ? undefined : tableType(t, strict) };
}
