import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import type { Json, JsonObject } from '../types.js';
import { applyJsonPatch, toOperations, type Operation } from './json-patch.js';

function configMap(): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', labels: { tier: 'web' } },
    data: { mode: 'fast', level: '3' },
    list: ['a', 'b', 'c'],
    nested: { items: [{ key: 1 }, { key: 2 }] },
  };
}

function apply(ops: Json): Json {
  return applyJsonPatch(configMap(), toOperations(ops));
}

describe('applyJsonPatch', () => {
  const cases: { name: string; ops: Json; expect: (doc: JsonObject) => unknown; want: Json }[] = [
    { name: 'add a new map key', ops: [{ op: 'add', path: '/data/extra', value: 'x' }], expect: (d) => d.data, want: { mode: 'fast', level: '3', extra: 'x' } },
    {
      name: 'add on an existing key replaces it',
      ops: [{ op: 'add', path: '/data/mode', value: 'slow' }],
      expect: (d) => d.data,
      want: { mode: 'slow', level: '3' },
    },
    { name: 'add at index 0 inserts before', ops: [{ op: 'add', path: '/list/0', value: 'z' }], expect: (d) => d.list, want: ['z', 'a', 'b', 'c'] },
    { name: 'add at index = length appends', ops: [{ op: 'add', path: '/list/3', value: 'z' }], expect: (d) => d.list, want: ['a', 'b', 'c', 'z'] },
    { name: 'add at - appends', ops: [{ op: 'add', path: '/list/-', value: 'z' }], expect: (d) => d.list, want: ['a', 'b', 'c', 'z'] },
    { name: 'add at -1 appends (Go negative index)', ops: [{ op: 'add', path: '/list/-1', value: 'z' }], expect: (d) => d.list, want: ['a', 'b', 'c', 'z'] },
    { name: 'add at -4 inserts first', ops: [{ op: 'add', path: '/list/-4', value: 'z' }], expect: (d) => d.list, want: ['z', 'a', 'b', 'c'] },
    {
      name: 'add at +1 / 01 reads as 1 (strconv.Atoi)',
      ops: [
        { op: 'add', path: '/list/+1', value: 'y' },
        { op: 'add', path: '/list/01', value: 'x' },
      ],
      expect: (d) => d.list,
      want: ['a', 'x', 'y', 'b', 'c'],
    },
    {
      name: 'add a key named - to a map',
      ops: [{ op: 'add', path: '/data/-', value: 'dash' }],
      expect: (d) => d.data,
      want: { mode: 'fast', level: '3', '-': 'dash' },
    },
    {
      name: '~1 and ~0 escapes',
      ops: [{ op: 'add', path: '/metadata/labels/example.com~1a~0b', value: 'v' }],
      expect: (d) => d.metadata,
      want: { name: 'settings', labels: { tier: 'web', 'example.com/a~b': 'v' } },
    },
    {
      name: 'add with a null value',
      ops: [{ op: 'add', path: '/data/empty', value: null }],
      expect: (d) => d.data,
      want: { mode: 'fast', level: '3', empty: null },
    },
    { name: 'remove a key', ops: [{ op: 'remove', path: '/data/mode' }], expect: (d) => d.data, want: { level: '3' } },
    { name: 'remove an item', ops: [{ op: 'remove', path: '/list/1' }], expect: (d) => d.list, want: ['a', 'c'] },
    { name: 'remove the last item with -1', ops: [{ op: 'remove', path: '/list/-1' }], expect: (d) => d.list, want: ['a', 'b'] },
    { name: 'replace a key', ops: [{ op: 'replace', path: '/data/level', value: '9' }], expect: (d) => d.data, want: { mode: 'fast', level: '9' } },
    {
      name: 'replace a missing map key adds it (kustomize)',
      ops: [{ op: 'replace', path: '/data/new', value: 'n' }],
      expect: (d) => d.data,
      want: { mode: 'fast', level: '3', new: 'n' },
    },
    { name: 'replace an item through a negative index', ops: [{ op: 'replace', path: '/list/-1', value: 'z' }], expect: (d) => d.list, want: ['a', 'b', 'z'] },
    { name: 'replace a whole list', ops: [{ op: 'replace', path: '/list', value: [1] }], expect: (d) => d.list, want: [1] },
    {
      name: 'walk through a list item',
      ops: [{ op: 'add', path: '/nested/items/1/extra', value: true }],
      expect: (d) => d.nested,
      want: { items: [{ key: 1 }, { key: 2, extra: true }] },
    },
    {
      name: 'walk through a negative index',
      ops: [{ op: 'add', path: '/nested/items/-1/extra', value: true }],
      expect: (d) => d.nested,
      want: { items: [{ key: 1 }, { key: 2, extra: true }] },
    },
    { name: 'move a key', ops: [{ op: 'move', from: '/data/mode', path: '/data/speed' }], expect: (d) => d.data, want: { level: '3', speed: 'fast' } },
    {
      name: 'move an item later: the index counts after removal',
      ops: [{ op: 'move', from: '/list/0', path: '/list/-1' }],
      expect: (d) => d.list,
      want: ['b', 'c', 'a'],
    },
    {
      name: 'move onto itself is a no-op',
      ops: [{ op: 'move', from: '/data/mode', path: '/data/mode' }],
      expect: (d) => d.data,
      want: { mode: 'fast', level: '3' },
    },
    {
      name: 'copy a subtree',
      ops: [{ op: 'copy', from: '/nested/items/0', path: '/nested/items/-' }],
      expect: (d) => d.nested,
      want: { items: [{ key: 1 }, { key: 2 }, { key: 1 }] },
    },
    {
      name: 'test passes, then replace',
      ops: [
        { op: 'test', path: '/data/level', value: '3' },
        { op: 'replace', path: '/data/level', value: '4' },
      ],
      expect: (d) => d.data,
      want: { mode: 'fast', level: '4' },
    },
    {
      name: 'test compares maps deeply, key order ignored',
      ops: [{ op: 'test', path: '/data', value: { level: '3', mode: 'fast' } }],
      expect: (d) => d.data,
      want: { mode: 'fast', level: '3' },
    },
    {
      name: 'test null on a missing key passes (kustomize)',
      ops: [{ op: 'test', path: '/data/absent', value: null }],
      expect: (d) => d.data,
      want: { mode: 'fast', level: '3' },
    },
    {
      name: 'ops apply in order',
      ops: [
        { op: 'add', path: '/data/a', value: '1' },
        { op: 'move', from: '/data/a', path: '/data/b' },
        { op: 'remove', path: '/data/mode' },
      ],
      expect: (d) => d.data,
      want: { level: '3', b: '1' },
    },
    { name: 'replace "" replaces the document', ops: [{ op: 'replace', path: '', value: { kind: 'Other' } }], expect: (d) => d, want: { kind: 'Other' } },
    {
      name: 'add under missing metadata.annotations creates it (kustomize keeps internal annotations there)',
      ops: [{ op: 'add', path: '/metadata/annotations/note', value: 'hi' }],
      expect: (d) => d.metadata,
      want: { name: 'settings', labels: { tier: 'web' }, annotations: { note: 'hi' } },
    },
    {
      name: 'replace under missing annotations too',
      ops: [{ op: 'replace', path: '/metadata/annotations/note', value: 'hi' }],
      expect: (d) => d.metadata,
      want: { name: 'settings', labels: { tier: 'web' }, annotations: { note: 'hi' } },
    },
    {
      name: 'an annotations map created and emptied again is dropped',
      ops: [
        { op: 'add', path: '/metadata/annotations/note', value: 'hi' },
        { op: 'remove', path: '/metadata/annotations/note' },
      ],
      expect: (d) => d.metadata,
      want: { name: 'settings', labels: { tier: 'web' } },
    },
    {
      name: 'remove /metadata/annotations when absent succeeds (kustomize)',
      ops: [{ op: 'remove', path: '/metadata/annotations' }],
      expect: (d) => d.metadata,
      want: { name: 'settings', labels: { tier: 'web' } },
    },
    // evanphx/json-patch, in kustomize as in kubectl patch --type json
    {
      name: 'copy from a missing map key copies null',
      ops: [{ op: 'copy', from: '/data/missing', path: '/data/b' }],
      expect: (d) => d.data,
      want: { mode: 'fast', level: '3', b: null },
    },
    { name: 'add without value adds null', ops: [{ op: 'add', path: '/data/b' }], expect: (d) => d.data, want: { mode: 'fast', level: '3', b: null } },
    { name: 'replace without value writes null', ops: [{ op: 'replace', path: '/data/mode' }], expect: (d) => d.data, want: { mode: null, level: '3' } },
    { name: 'a path without leading slash loses its first part', ops: [{ op: 'add', path: 'data/x', value: '1' }], expect: (d) => d.x, want: '1' },
    { name: 'a from without leading slash too', ops: [{ op: 'copy', from: 'x/list', path: '/copied' }], expect: (d) => d.copied, want: ['a', 'b', 'c'] },
    // kustomize's internal annotations, there while it patches
    {
      name: "a copy of metadata.annotations takes kustomize's internal annotations along",
      ops: [{ op: 'copy', from: '/metadata/annotations', path: '/data/copied' }],
      expect: (d) => [d.metadata, (d.data as JsonObject).copied],
      want: [
        { name: 'settings', labels: { tier: 'web' } },
        {
          'internal.config.kubernetes.io/previousKinds': 'ConfigMap',
          'internal.config.kubernetes.io/previousNames': 'settings',
          'internal.config.kubernetes.io/previousNamespaces': 'default',
        },
      ],
    },
    {
      name: 'internal annotations can be tested',
      ops: [{ op: 'test', path: '/metadata/annotations/internal.config.kubernetes.io~1previousNames', value: 'settings' }],
      expect: (d) => d.metadata,
      want: { name: 'settings', labels: { tier: 'web' } },
    },
    {
      name: 'internal annotations go whatever the patch did to them',
      ops: [{ op: 'replace', path: '/metadata/annotations/internal.config.kubernetes.io~1previousKinds', value: 'x' }],
      expect: (d) => d.metadata,
      want: { name: 'settings', labels: { tier: 'web' } },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(c.expect(apply(c.ops) as JsonObject)).toEqual(c.want);
    });
  }

  const failures: { name: string; ops: Json; message: string | RegExp }[] = [
    {
      name: 'remove a missing key',
      ops: [
        { op: 'add', path: '/data/x', value: 1 },
        { op: 'remove', path: '/spec/foo' },
      ],
      message: 'operation 1 (remove /spec/foo): path not found: /spec does not exist',
    },
    {
      name: 'remove a missing leaf key',
      ops: [{ op: 'remove', path: '/data/absent' }],
      message: 'operation 0 (remove /data/absent): path /data/absent not found',
    },
    {
      name: 'remove an index out of range',
      ops: [{ op: 'remove', path: '/list/3' }],
      message: 'operation 0 (remove /list/3): index 3 is out of range: /list has 3 items',
    },
    {
      name: 'remove with - (no item there)',
      ops: [{ op: 'remove', path: '/list/-' }],
      message: 'operation 0 (remove /list/-): path not found: /list is a list and "-" is not a list index',
    },
    { name: 'add past the end of a list', ops: [{ op: 'add', path: '/list/5', value: 1 }], message: /index 5 is out of range: \/list has 3 items/ },
    { name: 'add before -(n+1)', ops: [{ op: 'add', path: '/list/-5', value: 1 }], message: /index -5 is out of range/ },
    {
      name: 'add does not create missing parents',
      ops: [{ op: 'add', path: '/spec/template/x', value: 1 }],
      message: 'operation 0 (add /spec/template/x): path not found: /spec does not exist',
    },
    {
      name: 'add under missing labels (only annotations are special)',
      ops: [{ op: 'add', path: '/spec/labels/x', value: 1 }],
      message: /\/spec does not exist/,
    },
    {
      name: 'add through a scalar',
      ops: [{ op: 'add', path: '/data/mode/x', value: 1 }],
      message: 'operation 0 (add /data/mode/x): path not found: /data/mode is a string ("fast"), not a map or list',
    },
    { name: 'add at the root', ops: [{ op: 'add', path: '', value: {} }], message: /operation 0 \(add ""\): the document root cannot be added/ },
    { name: 'replace a missing index', ops: [{ op: 'replace', path: '/list/3', value: 1 }], message: /out of range/ },
    { name: 'replace below a missing parent', ops: [{ op: 'replace', path: '/nope/x', value: 1 }], message: /path not found: \/nope does not exist/ },
    { name: 'a non-numeric list index', ops: [{ op: 'replace', path: '/list/x', value: 1 }], message: /\/list is a list and "x" is not a list index/ },
    {
      name: 'test fails',
      ops: [{ op: 'test', path: '/data/level', value: '5' }],
      message: 'operation 0 (test /data/level): test failed: value is "3", expected "5"',
    },
    { name: 'test of a missing key against a value', ops: [{ op: 'test', path: '/data/absent', value: 'x' }], message: /test failed: no value, expected "x"/ },
    { name: 'test below a missing parent', ops: [{ op: 'test', path: '/nope/x', value: null }], message: /path not found/ },
    { name: 'test an index out of range', ops: [{ op: 'test', path: '/list/9', value: null }], message: /out of range/ },
    {
      name: 'an index out of range on the way',
      ops: [{ op: 'add', path: '/nested/items/2/key', value: 3 }],
      message: 'operation 0 (add /nested/items/2/key): index 2 is out of range: /nested/items has 2 items',
    },
    {
      name: 'move from a missing key',
      ops: [{ op: 'move', from: '/data/missing', path: '/data/b' }],
      message: 'operation 0 (move /data/b from /data/missing): from path /data/missing not found',
    },
    { name: 'move into its own child', ops: [{ op: 'move', from: '/nested', path: '/nested/inner' }], message: /path not found: \/nested does not exist/ },
    { name: 'copy from a missing parent', ops: [{ op: 'copy', from: '/nope/x', path: '/data/b' }], message: /from path not found: \/nope does not exist/ },
    {
      name: "test of the whole annotations map (kustomize's internal ones are in it)",
      ops: [{ op: 'test', path: '/metadata/annotations', value: {} }],
      message: /test failed/,
    },
    { name: 'test of a missing key without value', ops: [{ op: 'test', path: '/data/absent' }], message: /missing "value"/ },
    { name: 'a __proto__ path', ops: [{ op: 'add', path: '/__proto__/polluted', value: 1 }], message: /__proto__/ },
  ];

  for (const c of failures) {
    it(`fails: ${c.name}`, () => {
      const run = () => apply(c.ops);
      expect(run).toThrow(KsetError);
      expect(run).toThrow(c.message);
    });
  }

  it('never changes its input and shares untouched subtrees', () => {
    const input = configMap();
    const before = structuredClone(input);
    const output = applyJsonPatch(
      input,
      toOperations([
        { op: 'add', path: '/data/x', value: '1' },
        { op: 'remove', path: '/list/0' },
        { op: 'move', from: '/nested/items/0', path: '/moved' },
        { op: 'add', path: '/metadata/annotations/a', value: 'b' },
      ]),
    ) as JsonObject;
    expect(input).toEqual(before);
    expect(output.data).toEqual({ mode: 'fast', level: '3', x: '1' });
    expect((output.metadata as JsonObject).labels).toBe(input.metadata && (input.metadata as JsonObject).labels);
  });

  it('does not share operation values between results', () => {
    const ops = toOperations([{ op: 'add', path: '/data/obj', value: { a: 1 } }]);
    const one = applyJsonPatch(configMap(), ops) as JsonObject;
    const two = applyJsonPatch(configMap(), ops) as JsonObject;
    expect((one.data as JsonObject).obj).not.toBe((two.data as JsonObject).obj);
    expect((one.data as JsonObject).obj).not.toBe(ops[0]!.value);
  });

  it('keeps a failing patch from changing anything', () => {
    const input = configMap();
    const before = structuredClone(input);
    expect(() =>
      applyJsonPatch(
        input,
        toOperations([
          { op: 'add', path: '/data/x', value: 1 },
          { op: 'remove', path: '/gone' },
        ]),
      ),
    ).toThrow(KsetError);
    expect(input).toEqual(before);
  });

  it('gives a namespaced resource its namespace in the internal annotations, a cluster-scoped one none', () => {
    const copy = toOperations([{ op: 'copy', from: '/metadata/annotations', path: '/copied' }]);
    const namespaced = { ...configMap(), metadata: { name: 'settings', namespace: 'prod', annotations: { a: 'b' } } };
    expect((applyJsonPatch(namespaced, copy) as JsonObject).copied).toMatchObject({ a: 'b', 'internal.config.kubernetes.io/previousNamespaces': 'prod' });
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } };
    expect((applyJsonPatch(role, copy) as JsonObject).copied).toMatchObject({ 'internal.config.kubernetes.io/previousNamespaces': '_non_namespaceable_' });
  });

  it('keeps the annotations map of a resource whose annotations the patch does not change', () => {
    const input = { ...configMap(), metadata: { name: 'settings', annotations: { a: 'b' } } };
    const output = applyJsonPatch(input, toOperations([{ op: 'add', path: '/data/x', value: '1' }])) as JsonObject;
    expect((output.metadata as JsonObject).annotations).toBe(input.metadata.annotations);
  });

  it.each([
    ['an empty annotations map', {}, [{ op: 'add', path: '/data/x', value: '1' }]],
    ['null annotations', null, [{ op: 'add', path: '/data/x', value: '1' }]],
    ['annotations the patch empties', { a: 'b' }, [{ op: 'remove', path: '/metadata/annotations/a' }]],
  ])('drops %s, as kustomize (checked with kubectl kustomize)', (_name, annotations, ops) => {
    const input = { ...configMap(), metadata: { name: 'settings', annotations } } as JsonObject;
    expect((applyJsonPatch(input, toOperations(ops as Json)) as JsonObject).metadata).toEqual({ name: 'settings' });
  });

  it('adds no internal annotations for kubectl patch', () => {
    const copy = toOperations([{ op: 'copy', from: '/metadata', path: '/copied' }]);
    expect((applyJsonPatch(configMap(), copy, { kubectl: true }) as JsonObject).copied).toEqual({ name: 'settings', labels: { tier: 'web' } });
  });

  it('returns the input itself when there are no operations', () => {
    const input = configMap();
    expect(applyJsonPatch(input, [])).toBe(input);
  });

  it('validates operations handed to it directly', () => {
    const bad = [{ op: 'frob', path: '/x' }] as unknown as Operation[];
    expect(() => applyJsonPatch(configMap(), bad)).toThrow('operation 0: unknown op "frob"');
  });
});

describe('toOperations', () => {
  const invalid: { name: string; ops: Json; message: string | RegExp }[] = [
    { name: 'not a list', ops: { op: 'add' }, message: 'a JSON patch must be a list of operations' },
    { name: 'an item that is not a map', ops: ['add'], message: /operation 0: must be a map with "op" and "path", not a string/ },
    { name: 'missing op', ops: [{ path: '/x', value: 1 }], message: 'operation 0: missing "op"' },
    {
      name: 'unknown op',
      ops: [
        { op: 'add', path: '/a', value: 1 },
        { op: 'merge', path: '/x' },
      ],
      message: 'operation 1: unknown op "merge" (expected add, remove, replace, move, copy or test)',
    },
    { name: 'missing path', ops: [{ op: 'add', value: 1 }], message: 'operation 0 (add): missing "path"' },
    { name: 'path not a string', ops: [{ op: 'remove', path: 3 }], message: 'operation 0 (remove): "path" must be a string' },
    { name: 'path without a slash', ops: [{ op: 'add', path: 'spec', value: 1 }], message: 'operation 0 (add spec): "path" "spec" must start with "/"' },
    { name: 'missing value on test', ops: [{ op: 'test', path: '/x' }], message: 'operation 0 (test /x): missing "value"' },
    { name: 'missing from', ops: [{ op: 'copy', path: '/x' }], message: 'operation 0 (copy /x): missing "from"' },
    { name: 'from without leading slash', ops: [{ op: 'move', from: 'a', path: '/x' }], message: /"from" "a" must start with "\/"/ },
  ];
  for (const c of invalid) {
    it(`rejects ${c.name}`, () => {
      expect(() => toOperations(c.ops)).toThrow(KsetError);
      expect(() => toOperations(c.ops)).toThrow(c.message);
    });
  }

  it('keeps only the fields an operation uses', () => {
    expect(
      toOperations([
        { op: 'remove', path: '/a', value: 1, from: '/b', comment: 'x' },
        { op: 'move', from: '/a', path: '/b', value: 2 },
        { op: 'add', path: '/c', value: null },
      ]),
    ).toEqual([
      { op: 'remove', path: '/a' },
      { op: 'move', path: '/b', from: '/a' },
      { op: 'add', path: '/c', value: null },
    ]);
  });
});
