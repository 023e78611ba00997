import { KSET_SHAPE, KUSTOMIZATION_SHAPE } from './schema-shape.generated.js';

/**
 * A config value as kustomize reads a kustomization: sigs.k8s.io/yaml turns the YAML into a JSON
 * object (keys sorted), then Go's encoding/json decodes it into kustomize's types. What that means:
 * - a key matches a field whatever its case (`newtag`, `NEWTAG` are `newTag`; `Images` is `images`),
 *   and of several spellings of one field the one that sorts last wins (its value is decoded last);
 * - a null value is no value (`images:` with nothing after it, `newTag: ~`); a null string or
 *   boolean leaves the value an earlier spelling gave;
 * - a null item of `images` or `patches` is an empty entry (`{}`).
 * Keys that match no field are kept as written, for the schema to report.
 */

/** A map's fields: for each canonical key, what its value holds (undefined: a string or boolean). */
interface MapShape {
  readonly fields: Readonly<Record<string, Shape | undefined>>;
}
/** A list whose items have `item`'s shape (a null item being an empty map when `nullIsEmpty`). */
interface ListShape {
  readonly item: Shape;
  readonly nullIsEmpty?: boolean;
}
/** A value kset does not look into (a kustomize key it ignores): kept as it is, null or not. */
const OPAQUE = 'opaque';
type Shape = MapShape | ListShape | typeof OPAQUE;

// The shapes of a config and of a kustomization.yaml, generated from schemas/kset.schema.json.
const KSET: MapShape = KSET_SHAPE;
const KUSTOMIZATION: MapShape = KUSTOMIZATION_SHAPE;

/** The config `value` as kustomize would read it (see above); the input is not changed. */
export function asKustomizeReads(value: unknown, kustomization = false): unknown {
  return read(value, kustomization ? KUSTOMIZATION : KSET);
}

function read(value: unknown, shape: Shape | undefined): unknown {
  if (shape === undefined || shape === OPAQUE) return value;
  if ('item' in shape) {
    if (!Array.isArray(value)) return value;
    return value.map((item) => (item === null && shape.nullIsEmpty ? {} : read(item, shape.item)));
  }
  if (!isMap(value)) return value;
  return readMap(value, shape);
}

function readMap(value: Record<string, unknown>, shape: MapShape): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const byField = new Map<string, string[]>();
  const lowerToField = new Map(Object.keys(shape.fields).map((field) => [field.toLowerCase(), field]));
  for (const key of Object.keys(value)) {
    const field = lowerToField.get(key.toLowerCase());
    if (field === undefined) {
      result[key] = value[key]; // unknown: the schema says so
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), key]);
  }
  for (const [field, keys] of byField) {
    const fieldShape = shape.fields[field];
    // encoding/json decodes the sorted keys in turn: the last spelling wins, except that a null
    // leaves a string or boolean as it was
    const spellings = keys.sort(byBytes);
    let chosen: unknown = null;
    for (const key of spellings) {
      const next = value[key];
      if (next === null && fieldShape === undefined) continue;
      chosen = next;
    }
    if (chosen === null && fieldShape !== OPAQUE) continue;
    result[field] = read(chosen, fieldShape);
  }
  return result;
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
