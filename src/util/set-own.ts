import type { Json, WritableJsonObject } from '../types.js';

/** Plain assignment, except that a `__proto__` key stays data instead of reaching the prototype. */
export function setOwn(map: WritableJsonObject, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}
