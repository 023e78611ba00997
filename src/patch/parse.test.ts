import { describe, expect, it } from 'vitest';
import type { Origin, PatchEntry } from '../config/types.js';
import { KsetError } from '../errors.js';
import { parsePatch, type ParseOptions, type ParsedPatch } from './parse.js';

const inline: Origin = { label: 'patches[0]', file: 'kset.yaml', line: 3, textLine: 5 };

function entry(text: string, extra: Partial<PatchEntry> = {}): PatchEntry {
  return { text, origin: inline, ...extra };
}

const target = { kind: 'Deployment' };

describe('parsePatch', () => {
  const cases: { name: string; entry: PatchEntry; options?: ParseOptions; want: ParsedPatch }[] = [
    {
      name: 'a YAML list of operations is a JSON 6902 patch',
      entry: entry('- op: add\n  path: /spec/replicas\n  value: 3\n', { target }),
      want: { type: 'json', ops: [{ op: 'add', path: '/spec/replicas', value: 3 }] },
    },
    {
      name: 'a JSON list of operations too',
      entry: entry('[{"op": "remove", "path": "/spec/paused"}]', { target }),
      want: { type: 'json', ops: [{ op: 'remove', path: '/spec/paused' }] },
    },
    {
      name: 'comments before a JSON patch',
      entry: entry('# scale\n- {op: replace, path: /spec/replicas, value: 10}', { target }),
      want: { type: 'json', ops: [{ op: 'replace', path: '/spec/replicas', value: 10 }] },
    },
    {
      name: 'documents after a JSON 6902 patch are ignored, as kustomize does',
      entry: entry('- {op: remove, path: /a}\n---\nkind: X\nmetadata: {name: y}\n', { target }),
      want: { type: 'json', ops: [{ op: 'remove', path: '/a' }] },
    },
    {
      name: 'a map is a strategic merge patch',
      entry: entry('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n'),
      want: { type: 'strategic', docs: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2 } }] },
    },
    {
      name: 'a JSON map too',
      entry: entry('{"kind": "Service", "metadata": {"name": "web"}}', { target }),
      want: { type: 'strategic', docs: [{ kind: 'Service', metadata: { name: 'web' } }] },
    },
    {
      name: 'several documents, empty ones skipped',
      entry: entry('---\nkind: A\nmetadata: {name: a}\n---\n# nothing\n---\nkind: B\nmetadata: {name: b}\n...\n'),
      want: {
        type: 'strategic',
        docs: [
          { kind: 'A', metadata: { name: 'a' } },
          { kind: 'B', metadata: { name: 'b' } },
        ],
      },
    },
    {
      name: 'scalars as kyaml reads them: on and yes are strings; octal, timestamps and base-60 as go-yaml',
      entry: entry('kind: A\nmetadata: {name: a}\ndata: {on: yes, mode: 0755, at: 12:30, day: 2024-01-02, num: 1_000}\n'),
      want: { type: 'strategic', docs: [{ kind: 'A', metadata: { name: 'a' }, data: { on: 'yes', mode: 493, at: '12:30', day: '2024-01-02', num: 1000 } }] },
    },
    {
      name: 'a kind: List patch stands for its items, queued after the other documents',
      entry: entry(
        'apiVersion: v1\nkind: List\nitems:\n- {kind: A, metadata: {name: a}}\n- {kind: B, metadata: {name: b}}\n---\nkind: C\nmetadata: {name: c}\n',
      ),
      want: {
        type: 'strategic',
        docs: [
          { kind: 'C', metadata: { name: 'c' } },
          { kind: 'A', metadata: { name: 'a' } },
          { kind: 'B', metadata: { name: 'b' } },
        ],
      },
    },
    {
      name: 'type strategic forced (patchesStrategicMerge)',
      entry: entry('kind: A\nmetadata: {name: a}\n', { type: 'strategic' }),
      want: { type: 'strategic', docs: [{ kind: 'A', metadata: { name: 'a' } }] },
    },
    {
      name: 'type json forced reads a YAML list',
      entry: entry('- {op: test, path: /a, value: 1}', { type: 'json', target }),
      want: { type: 'json', ops: [{ op: 'test', path: '/a', value: 1 }] },
    },
    {
      name: 'a merge patch needs no kind or name',
      entry: entry('spec: {replicas: null}', { type: 'merge' }),
      want: { type: 'merge', docs: [{ spec: { replicas: null } }] },
    },
    {
      name: 'kubectl mode: a strategic patch without kind or name',
      entry: entry('{"spec":{"replicas":3}}', { type: 'strategic' }),
      options: { mode: 'kubectl' },
      want: { type: 'strategic', docs: [{ spec: { replicas: 3 } }] },
    },
    {
      name: 'kubectl mode: a JSON patch needs no target and may be empty',
      entry: entry('[]', { type: 'json' }),
      options: { mode: 'kubectl' },
      want: { type: 'json', ops: [] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parsePatch(c.entry, c.options)).toEqual(c.want);
    });
  }

  const failures: { name: string; entry: PatchEntry; options?: ParseOptions; message: string | RegExp }[] = [
    {
      name: 'invalid YAML',
      entry: entry('kind: Deployment\nmetadata:\n  name: present\n    namespace: [ops\n'),
      message: /^patches\[0\]: the patch is not valid YAML: /,
    },
    { name: 'an empty text', entry: entry('  \n'), message: 'patches[0]: the patch is empty' },
    { name: 'only comments and separators', entry: entry('# nothing\n---\n'), message: 'the patch is empty' },
    { name: 'a JSON 6902 patch without target', entry: entry('- {op: add, path: /a, value: 1}'), message: 'patches[0]: a JSON 6902 patch needs a target' },
    { name: 'patchesJson6902 without target', entry: entry('- {op: add, path: /a, value: 1}', { type: 'json' }), message: 'needs a target' },
    { name: 'a JSON 6902 patch with no operations', entry: entry('[]', { target }), message: 'the JSON 6902 patch has no operations' },
    {
      name: 'an invalid operation',
      entry: entry('- {op: add, path: /a, value: 1}\n- {op: frob, path: /b}', { target }),
      message: 'patches[0]: operation 1: unknown op "frob"',
    },
    { name: 'a list of scalars', entry: entry('[1, 2]', { target }), message: 'operation 0: must be a map with "op" and "path", not a number' },
    {
      name: 'type json forced on a map',
      entry: entry('kind: A\nmetadata: {name: a}', { type: 'json', target }),
      message: 'a JSON 6902 patch must be a list of operations, not a map',
    },
    { name: 'a scalar', entry: entry('hello'), message: /^patches\[0\]: a strategic merge patch must be a map, not a string$/ },
    { name: 'a later document that is not a map', entry: entry('kind: A\nmetadata: {name: a}\n---\n- x\n'), message: 'must be a map, not a list' },
    {
      name: 'a list when strategic is forced',
      entry: entry('- {op: add, path: /a, value: 1}', { type: 'strategic' }),
      message: 'must be a map, not a list (a list of operations is a JSON patch',
    },
    {
      name: 'a strategic patch without kind, even with a target',
      entry: entry('spec:\n  replicas: 2\n', { target }),
      message: 'a strategic merge patch needs a kind (and metadata.name)',
    },
    {
      name: 'a strategic patch without name',
      entry: entry('kind: ConfigMap\nmetadata: {labels: {a: b}}'),
      message: 'a strategic merge patch needs metadata.name',
    },
    {
      name: 'several strategic documents with a target',
      entry: entry('kind: A\nmetadata: {name: a}\n---\nkind: B\nmetadata: {name: b}\n', { target }),
      message: 'a patch with a target must hold one strategic merge patch, not 2',
    },
    { name: 'a List with nothing in it', entry: entry('kind: ConfigMapList\nitems: []\n'), message: 'the patch holds no strategic merge patch' },
    {
      name: 'a List whose items are not a list',
      entry: entry('kind: List\nitems: {a: 1}\n'),
      message: 'the items of the List patch must be a list, not a map',
    },
    { name: 'duplicate keys', entry: entry('kind: A\nkind: B\nmetadata: {name: a}\n'), message: /not valid YAML: .*[Uu]nique/ },
    {
      name: 'kubectl mode: several documents',
      entry: entry('spec: {a: 1}\n---\nspec: {b: 2}\n', { type: 'merge' }),
      options: { mode: 'kubectl' },
      message: 'the patch must be one document, not 2',
    },
    {
      name: 'kubectl mode: a merge patch that is a list',
      entry: entry('[1]', { type: 'merge' }),
      options: { mode: 'kubectl' },
      message: 'a merge patch must be a map, not a list',
    },
  ];
  for (const c of failures) {
    it(`fails: ${c.name}`, () => {
      const run = () => parsePatch(c.entry, c.options);
      expect(run).toThrow(KsetError);
      expect(run).toThrow(c.message);
    });
  }

  function caught(run: () => unknown): KsetError {
    try {
      run();
    } catch (error) {
      if (error instanceof KsetError) return error;
      throw error;
    }
    throw new Error('expected a KsetError');
  }

  it('places a YAML error of an inline block at its line in the config file', () => {
    const error = caught(() => parsePatch(entry('kind: A\nmetadata:\n  name: a\n    bad: [x\n')));
    expect(error.position.file).toBe('kset.yaml');
    expect(error.position.line).toBe(7); // line 3 of a text that starts at line 5
    expect(error.position.col).toBeUndefined(); // an inline block's columns are shifted by its indentation
    expect(error.excerpt).toMatch(/^ {2}7 \| {3}name: a\n/);
  });

  it('places an operation error in a patch file at that operation', () => {
    const fromFile: Origin = { label: 'patches[1] (ops.yaml)', file: 'ops.yaml', line: 1, textLine: 1 };
    const error = caught(() => parsePatch({ text: '- {op: add, path: /a, value: 1}\n- {op: nope, path: /b}\n', origin: fromFile, target }));
    expect(error.message).toBe('patches[1] (ops.yaml): operation 1: unknown op "nope" (expected add, remove, replace, move, copy or test)');
    expect(error.position).toEqual({ file: 'ops.yaml', line: 2, col: 3 });
  });

  it('places a document error at the document', () => {
    const fromFile: Origin = { label: 'patches[0]', file: 'p.yaml', line: 1, textLine: 1 };
    const error = caught(() => parsePatch({ text: 'kind: A\nmetadata: {name: a}\n---\nkind: B\n', origin: fromFile }));
    expect(error.message).toMatch(/needs metadata\.name/);
    expect(error.position).toEqual({ file: 'p.yaml', line: 4, col: 1 });
    expect(error.excerpt).toBe('  4 | kind: B\n      ^');
  });

  it.each([
    ['flow', `\n  ${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}\n`],
    ['block', `\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`],
  ])('says a patch nested too deeply (%s) nests too deeply, where it starts', (_name, text) => {
    const fromFile: Origin = { label: '--patch deep.json', file: 'deep.json', line: 1, textLine: 1 };
    for (const mode of ['kustomize', 'kubectl'] as const) {
      const error = caught(() => parsePatch({ text, origin: fromFile, type: 'merge' }, { mode }));
      expect(error.message).toBe('--patch deep.json: the patch nests too deeply to be read (it starts here)');
      expect(error.position).toEqual({ file: 'deep.json', line: 2, col: text.startsWith('\n  ') ? 3 : 1 });
    }
  });

  it('places errors at the entry when the text is not copied line for line', () => {
    const quoted: Origin = { label: 'patches[2]', file: 'kset.yaml', line: 9 };
    const error = caught(() => parsePatch({ text: 'hello', origin: quoted }));
    expect(error.position).toEqual({ file: 'kset.yaml', line: 9 });
  });
});

describe('parsePatch: scalars as kustomize reads them (checked with kubectl kustomize)', () => {
  const smp = 'apiVersion: example.test/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  v: VALUE\n  y: 1\n';
  // kyaml reads a strategic merge patch: only true/false are booleans; a JSON 6902 patch is read as YAML 1.1
  it.each([
    ['yes', 'yes'],
    ['on', 'on'],
    ['NO', 'NO'],
    ['true', true],
    ['False', false],
    ['0755', 493],
  ])('strategic: %s', (text, value) => {
    const parsed = parsePatch(entry(smp.replace('VALUE', text)));
    expect(parsed.type === 'strategic' && parsed.docs[0]!.spec).toEqual({ v: value, y: 1 });
  });

  it('reads JSON 6902 values as YAML 1.1 (yes is true)', () => {
    const parsed = parsePatch(entry('- {op: add, path: /spec/v, value: yes}', { target }));
    expect(parsed.type === 'json' && parsed.ops[0]!.value).toBe(true);
  });

  it('reads kset patch -p text as kubectl does (yes is true)', () => {
    const parsed = parsePatch(entry('spec:\n  v: yes\n'), { mode: 'kubectl' });
    expect(parsed.type === 'strategic' && parsed.docs[0]!.spec).toEqual({ v: true });
  });
});
