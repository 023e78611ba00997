import { parseDocument } from '../read/document.js';
import { skipByteOrderMark, splitStream } from '../yaml/split.js';
import { crdSchemas } from '../schema/crd.js';
import type { CrdSchemas } from '../schema/patch-meta.js';
import { isObject, type Json, type Source } from '../types.js';

/** The CustomResourceDefinitions among the sources (List items included), as merge schemas. */
export function crdsIn(sources: Source[]): CrdSchemas {
  const crds: Json[] = [];
  let index = 0;
  for (const source of sources) {
    for (const whole of splitStream(source.text)) {
      const { chunk, text } = skipByteOrderMark(whole, source.text.slice(whole.start, whole.end));
      if (!text.includes('CustomResourceDefinition')) continue;
      for (const value of parseDocument({ file: source.path, index: index++, chunk, text }).values) {
        if (isObject(value) && Array.isArray(value.items)) crds.push(...value.items);
        else crds.push(value);
      }
    }
  }
  return crdSchemas(crds);
}

/** Works `make` out once, the first time it is asked for. */
export function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}
