import { describe, expect, it } from 'vitest';
import { isList, isObject, type Json, type JsonObject, type WritableJsonObject } from './types.js';

// `npm run typecheck` checks these: an edit in place of a value a step was given must not compile.
function editsInPlace(resource: JsonObject, list: readonly Json[]): void {
  // @ts-expect-error a step's input is read-only
  resource.kind = 'Other';
  // @ts-expect-error nested maps too
  if (isObject(resource.metadata)) resource.metadata.name = 'other';
  // @ts-expect-error and lists
  list.push(null);
}

describe('Json types', () => {
  it('let a new object be built, and read-only values be shared into it', () => {
    const input: JsonObject = { kind: 'A', spec: { replicas: 1 } };
    const built: WritableJsonObject = { ...input };
    built.kind = 'B';
    expect(built).toEqual({ kind: 'B', spec: { replicas: 1 } });
    expect(built.spec).toBe(input.spec);
    expect(editsInPlace).toBeTypeOf('function');
  });

  it('isList and isObject tell lists from maps', () => {
    expect([isList([]), isList({}), isList(null)]).toEqual([true, false, false]);
    expect([isObject([]), isObject({}), isObject(null)]).toEqual([false, true, false]);
  });
});
