import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { annotate, parseAnnotateArgs } from './annotate.js';

// As kubectl v1.32 annotate --local -f F … -o yaml; key checks are the API server's.

const object = (annotations?: JsonObject): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', ...(annotations === undefined ? {} : { annotations }) },
});
const annotationsOf = (resource: JsonObject) => (resource.metadata as JsonObject).annotations;

describe('parseAnnotateArgs', () => {
  it('splits at the first =: the value is any text', () => {
    const edit = parseAnnotateArgs(['note=served by: envoy', 'a=b=c', 'empty=', 'old-']);
    expect([...edit.set]).toEqual([
      ['a', 'b=c'],
      ['empty', ''],
      ['note', 'served by: envoy'],
    ]);
    expect(edit.remove).toEqual(['old']);
  });

  it('takes keys in any case, as the API server checks them in lower case', () => {
    expect([...parseAnnotateArgs(['Example.com/Owner=x']).set]).toEqual([['Example.com/Owner', 'x']]);
  });

  it.each([
    [['a', '=b', '-'], /^invalid annotation format: a, =b, -$/],
    [['a=1', 'b=2', 'a-', 'b-'], /^can not both modify and remove the following annotation\(s\) in the same command: a, b$/],
    [['bad key=x'], /^invalid annotation key "bad key": name part must consist of/],
    [['a/b/c=x'], /^invalid annotation key "a\/b\/c": a qualified name/],
  ])('%j is an error', (pairs, message) => expect(() => parseAnnotateArgs(pairs)).toThrow(message));
});

describe('annotate', () => {
  it('adds, changes with --overwrite, and removes', () => {
    const input = object({ owner: 'team-a', keep: 'x' });
    const result = annotate(input, parseAnnotateArgs(['owner=team-b', 'keep-', 'note=multi\nline'], true));
    expect(annotationsOf(result)).toEqual({ owner: 'team-b', note: 'multi\nline' });
    expect(annotationsOf(input)).toEqual({ owner: 'team-a', keep: 'x' });
  });

  it('refuses another value without --overwrite, naming each', () => {
    expect(() => annotate(object({ owner: 'team-a', b: '1' }), parseAnnotateArgs(['owner=team-b', 'b=2']))).toThrow(
      /^--overwrite is false but found the following declared annotation\(s\): 'b' already has a value \(1\); 'owner' already has a value \(team-a\)$/,
    );
  });

  it('overwrites kubernetes.io/change-cause without --overwrite, as kubectl', () => {
    const result = annotate(object({ 'kubernetes.io/change-cause': 'old' }), parseAnnotateArgs(['kubernetes.io/change-cause=new']));
    expect(annotationsOf(result)).toEqual({ 'kubernetes.io/change-cause': 'new' });
  });

  it('adds nothing where a missing key is removed', () => {
    const input = object();
    expect(annotate(input, parseAnnotateArgs(['nope-']))).toBe(input);
  });

  it('refuses annotations over the API server limit of 256 KiB', () => {
    expect(() => annotate(object({ big: 'x'.repeat(262_000) }), parseAnnotateArgs(['more=' + 'y'.repeat(200)]))).toThrow(
      /Too long: must have at most 262144 bytes/,
    );
  });
});
