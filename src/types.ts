/**
 * A plain JSON value, as transforms see a Kubernetes object. Read-only all the way down: transforms share
 * untouched subtrees with their input and kset finds what changed by identity, so an edit in place (which
 * would be silently not written) must not compile. Code building a new value uses WritableJsonObject or Json[].
 */
export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: Json;
}

/** An object being built: its own keys may be set; the values it holds may be shared, so stay read-only. */
export interface WritableJsonObject {
  [key: string]: Json;
}

/** One input: a file (or stdin when `path` is null) and its text. */
export interface Source {
  path: string | null;
  text: string;
}

/** Where something is in a source: 1-based line and column. */
export interface Position {
  file?: string;
  line?: number;
  col?: number;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Array.isArray for JSON values: its guard does not narrow read-only lists out of a union. */
export function isList(value: Json | undefined): value is readonly Json[] {
  return Array.isArray(value);
}
