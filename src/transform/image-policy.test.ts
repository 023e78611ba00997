import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import type { PolicyRef } from '../config/types.js';
import { markerValue, setScalars, type MarkerField } from './image-policy.js';

describe('markerValue: what Flux writes for each marker form', () => {
  const plain: PolicyRef = { name: 'ghcr.io/acme/app', tag: '1.1.0' };
  const pinned: PolicyRef = { ...plain, digest: 'sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be' };
  const cases: [PolicyRef, MarkerField, string | undefined][] = [
    [plain, 'image', 'ghcr.io/acme/app:1.1.0'],
    [plain, 'name', 'ghcr.io/acme/app'],
    [plain, 'tag', '1.1.0'],
    [plain, 'digest', undefined],
    // the whole reference carries the digest after the tag (ImageRef.String: name:tag@digest)
    [pinned, 'image', `ghcr.io/acme/app:1.1.0@${pinned.digest}`],
    [pinned, 'tag', '1.1.0'],
    [pinned, 'digest', pinned.digest],
    [{ name: 'localhost:5000/app', tag: 'v2' }, 'name', 'localhost:5000/app'],
  ];
  it.each(cases)('%j %s → %s', (ref, field, expected) => {
    expect(markerValue(ref, field)).toBe(expected);
  });
});

describe('setScalars', () => {
  const values = (): JsonObject => ({ image: { repository: 'app', tag: 1.0 }, list: ['a', 'b'], nested: [{ x: 'y' }] });

  it('sets strings at map and list paths, copying only what changes', () => {
    const input = values();
    const output = setScalars(input, [
      { path: ['image', 'tag'], value: '1.1' },
      { path: ['list', 1], value: 'c' },
    ]);
    expect(output).toEqual({ image: { repository: 'app', tag: '1.1' }, list: ['a', 'c'], nested: [{ x: 'y' }] });
    expect(input).toEqual(values()); // not mutated
    expect(output.nested).toBe(input.nested);
  });

  it('returns the same object when every value is already set', () => {
    const input = values();
    expect(setScalars(input, [{ path: ['list', 0], value: 'a' }])).toBe(input);
  });

  it('skips paths that lead nowhere or to a collection', () => {
    const input = values();
    const sets = [
      { path: ['image', 'missing'], value: 'x' },
      { path: ['list', 5], value: 'x' },
      { path: ['list', 'a'], value: 'x' },
      { path: ['image'], value: 'x' },
      { path: ['nested', 0, 'x', 'deeper'], value: 'x' },
    ];
    expect(setScalars(input, sets)).toBe(input);
  });
});
