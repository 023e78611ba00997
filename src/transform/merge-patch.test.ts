import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types.js';
import { applyMergePatch } from './merge-patch.js';

describe('applyMergePatch', () => {
  // The RFC 7386 appendix examples, then kubectl's (evanphx/json-patch) null pruning.
  const cases: { name: string; target: Json; patch: Json; want: Json }[] = [
    { name: 'replace a member', target: { a: 'b' }, patch: { a: 'c' }, want: { a: 'c' } },
    { name: 'add a member', target: { a: 'b' }, patch: { b: 'c' }, want: { a: 'b', b: 'c' } },
    { name: 'null deletes', target: { a: 'b' }, patch: { a: null }, want: {} },
    { name: 'null keeps the others', target: { a: 'b', b: 'c' }, patch: { a: null }, want: { b: 'c' } },
    { name: 'null on a missing member is a no-op', target: { a: 'b' }, patch: { x: null }, want: { a: 'b' } },
    { name: 'a list replaces a list', target: { a: ['b'] }, patch: { a: 'c' }, want: { a: 'c' } },
    { name: 'a scalar replaces a list', target: { a: 'c' }, patch: { a: ['b'] }, want: { a: ['b'] } },
    { name: 'maps merge deeply', target: { a: { b: 'c' } }, patch: { a: { b: 'd', c: null } }, want: { a: { b: 'd' } } },
    { name: 'lists replace, never merge', target: { a: [{ b: 'c' }] }, patch: { a: [1] }, want: { a: [1] } },
    { name: 'a non-map target becomes a map', target: ['a', 'b'], patch: { a: 'b' }, want: { a: 'b' } },
    { name: 'a non-map patch replaces the target', target: { a: 'foo' }, patch: 'bar', want: 'bar' },
    { name: 'an empty map patch changes nothing', target: { e: null }, patch: {}, want: { e: null } },
    { name: 'nulls are pruned from a new map', target: {}, patch: { a: { bb: { ccc: null } } }, want: { a: { bb: {} } } },
    { name: 'nulls are pruned where a scalar was', target: { s: 5 }, patch: { s: { a: null, b: 1 } }, want: { s: { b: 1 } } },
    {
      name: 'maps inside a list replacing a scalar are pruned; null items stay',
      target: { s: 5 },
      patch: { s: [{ a: null, b: 1 }, null] },
      want: { s: [{ b: 1 }, null] },
    },
    { name: 'a list replacing a map is taken as written (kubectl)', target: { m: { x: 1 } }, patch: { m: [{ a: null }] }, want: { m: [{ a: null }] } },
    { name: 'a top-level list patch is pruned', target: { a: 1 }, patch: [{ a: null, b: 2 }], want: [{ b: 2 }] },
    { name: 'null target member counts as missing', target: { a: null }, patch: { a: { b: null, c: 1 } }, want: { a: { c: 1 } } },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(applyMergePatch(c.target, c.patch)).toEqual(c.want);
    });
  }

  it('never changes its inputs and shares untouched subtrees', () => {
    const target: JsonObject = { spec: { replicas: 1, template: { x: [1] } }, metadata: { name: 'n' } };
    const patch: JsonObject = { spec: { replicas: 2, gone: null } };
    const targetBefore = structuredClone(target);
    const patchBefore = structuredClone(patch);
    const result = applyMergePatch(target, patch) as JsonObject;
    expect(result).toEqual({ spec: { replicas: 2, template: { x: [1] } }, metadata: { name: 'n' } });
    expect(target).toEqual(targetBefore);
    expect(patch).toEqual(patchBefore);
    expect(result.metadata).toBe(target.metadata);
    expect((result.spec as JsonObject).template).toBe((target.spec as JsonObject).template);
  });

  it('keeps a __proto__ key as data', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}}') as JsonObject;
    const result = applyMergePatch({}, patch) as JsonObject;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
