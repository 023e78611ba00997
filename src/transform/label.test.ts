import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { label, parseLabelArgs } from './label.js';

// As kubectl v1.32 label --local -f F … -o yaml; key checks are the API server's.

const object = (labels?: JsonObject | null, extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w', ...(labels === undefined ? {} : { labels }), ...extra },
});
const labelsOf = (resource: JsonObject) => (resource.metadata as JsonObject).labels;

describe('parseLabelArgs', () => {
  it('reads sets and removals; a later value wins; keys in Go order', () => {
    const edit = parseLabelArgs(['b=1', 'a=2', 'old-', 'b=3']);
    expect([...edit.set]).toEqual([
      ['a', '2'],
      ['b', '3'],
    ]);
    expect(edit.remove).toEqual(['old']);
    expect(parseLabelArgs(['a='], true)).toEqual({ set: new Map([['a', '']]), remove: [], overwrite: true });
  });

  it.each([
    [['a=b=c'], /^invalid label spec: a=b=c$/],
    [['a'], /^unknown label spec: a$/],
    [['x=bad value'], /^invalid label value: "x=bad value": a valid label must be an empty string or consist of alphanumeric characters/],
    [[`x=${'v'.repeat(64)}`], /^invalid label value: .*: must be no more than 63 characters$/],
    [['a=1', 'a-'], /^can not both modify and remove a label in the same command$/],
    // kubectl --local writes such keys; the API server refuses them, and so does kset
    [['Bad Key!=x'], /^invalid label key "Bad Key!": name part must consist of/],
    [['a/b/c=v'], /^invalid label key "a\/b\/c": a qualified name must consist/],
    [[`${'k'.repeat(64)}=v`], /^invalid label key .*: name part must be no more than 63 characters$/],
    [['Example.com/a=v'], /^invalid label key "Example.com\/a": prefix part a lowercase RFC 1123 subdomain/],
  ])('%j is an error', (pairs, message) => expect(() => parseLabelArgs(pairs)).toThrow(message));
});

describe('label', () => {
  const cases: [string, JsonObject | null | undefined, string[], boolean, JsonObject | null | undefined][] = [
    ['adds after the others, in Go order', { app: 'web' }, ['z=1', 'b=2'], false, { app: 'web', b: '2', z: '1' }],
    ['creates the map', undefined, ['a=b'], false, { a: 'b' }],
    ['fills a null map', null, ['a=b'], false, { a: 'b' }],
    ['changes a value in place with --overwrite', { tier: 'fe', app: 'web' }, ['tier=be'], true, { tier: 'be', app: 'web' }],
    ['the same value needs no --overwrite', { tier: 'fe' }, ['tier=fe'], false, { tier: 'fe' }],
    ['removes a key', { app: 'web', tier: 'fe' }, ['app-'], false, { tier: 'fe' }],
    // kubectl writes the emptied map
    ['removing the last key leaves an empty map', { app: 'web' }, ['app-'], false, {}],
    ['removing a missing key does nothing', { app: 'web' }, ['nope-'], false, { app: 'web' }],
    // kubectl adds labels: {} here; kset adds nothing the input did not have
    ['removing from no labels adds nothing', undefined, ['nope-'], false, undefined],
  ];
  it.each(cases)('%s', (_, labels, pairs, overwrite, expected) => {
    const input = object(labels);
    const before = JSON.stringify(input);
    const result = label(input, parseLabelArgs(pairs, overwrite));
    expect(labelsOf(result)).toEqual(expected);
    if (expected) expect(Object.keys(labelsOf(result) as JsonObject)).toEqual(Object.keys(expected));
    expect(JSON.stringify(input)).toBe(before);
  });

  it('returns the object itself when nothing changes', () => {
    const input = object({ app: 'web' });
    expect(label(input, parseLabelArgs(['app=web', 'x-']))).toBe(input);
  });

  it('creates metadata where there is none', () => {
    expect(label({ apiVersion: 'v1', kind: 'ConfigMap' }, parseLabelArgs(['a=b']))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { labels: { a: 'b' } },
    });
  });

  it('refuses another value without --overwrite, with the value there', () => {
    expect(() => label(object({ tier: 'frontend' }), parseLabelArgs(['tier=backend']))).toThrow(
      /^'tier' already has a value \(frontend\), and --overwrite is false$/,
    );
    expect(() => label(object({ a: '1', b: '1' }), parseLabelArgs(['a=2', 'b=2']))).toThrow(
      /^\['a' already has a value \(1\), and --overwrite is false, 'b' already has a value \(1\), and --overwrite is false\]$/,
    );
  });

  it.each([
    ['a number label', { labels: { version: 1 } }, /metadata\.labels\.version is 1, not a string/],
    ['a boolean annotation', { annotations: { enabled: true } }, /metadata\.annotations\.enabled is true, not a string/],
    ['a list of labels', { labels: ['a'] }, /metadata\.labels is not a map/],
  ])('refuses %s, which kubectl cannot decode', (_, metadata, message) => {
    expect(() => label({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', ...metadata } }, parseLabelArgs(['a=b']))).toThrow(message);
  });
});
