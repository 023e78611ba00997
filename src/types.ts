/** A plain JSON value, as transforms see a Kubernetes object. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
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
