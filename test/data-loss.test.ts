/**
 * kset never corrupts what it writes: each case here once exited 0 with output that lost or changed data
 * (project issues 10 and 15). Inputs are small and made here; the expected outputs were checked against
 * what kubectl reads (kubectl patch --local, in a harness outside the suite).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, kset } from './helpers.js';

const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${data}`;

describe('explicit keys (`? k` and `: v`)', () => {
  const input = configMap('  ? k\n  : b\n  z: y\n');

  it.each([
    ['a merge patch removing one', ['--type', 'merge', '-p', '{"data":{"k":null}}'], configMap('  z: y\n')],
    ['a strategic patch removing one', ['-p', '{"data":{"k":null}}'], configMap('  z: y\n')],
    ['a merge patch adding a key', ['--type', 'merge', '-p', '{"data":{"n":"v"}}'], configMap('  ? k\n  : b\n  z: y\n  "n": v\n')],
    ['a strategic patch adding a key', ['-p', '{"data":{"a":"v"}}'], configMap('  ? k\n  : b\n  z: y\n  a: v\n')],
  ])('survive %s', async (_name, args, expected) => {
    const result = await kset(['patch', 'cm/x', ...args], { stdin: input });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });

  it('survive a write back (-w)', async () => {
    const dir = folderWith({ 'ek.yaml': input });
    const result = await kset(['patch', 'cm/x', '--type', 'merge', '-p', '{"data":{"k":null}}', '-w', '-f', 'ek.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'ek.yaml'), 'utf8')).toBe(configMap('  z: y\n'));
  });
});

describe('kind: List', () => {
  const list = (items: string) => `apiVersion: v1\nkind: List\nitems:\n${items}`;
  const a = '- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n  data:\n    k: v\n';
  const b = (k: string) => `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n  data: {k: ${k}}\n`;

  it('keeps its null items when an item changes, and the changed item its style', async () => {
    const result = await kset(['patch', 'cm/b', '--type', 'merge', '-p', '{"data":{"k":"w"}}'], { stdin: list(`- null\n${b('v')}- ~\n`) });
    expect(result.stdout).toBe(list(`- null\n${b('w')}- ~\n`));
  });

  it('loses only the item a `$patch: delete` removes; the next one changes in its own style', async () => {
    const dir = folderWith({
      'kset.config.yaml':
        'patches:\n- patch: |\n    {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, $patch: delete}\n- patch: |\n    {apiVersion: v1, kind: ConfigMap, metadata: {name: b}, data: {k: w}}\n',
    });
    const result = await kset([], { cwd: dir, stdin: list(`${a}${b('v')}- null\n`) });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(list(`${b('w')}- null\n`));
  });
});

describe('documents that `...` ends, with no `---` between them', () => {
  const deployment =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx:1\n';
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
  const deleteA = '- patch: |\n    {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, $patch: delete}\n';
  const config = `images:\n- name: nginx\n  newTag: "2"\npatches:\n${deleteA}`;

  it.each([
    ['the first', `---\n${configMap}...\n${deployment}---\nkind: X\n`, `---\n${deployment.replace('nginx:1', 'nginx:2')}---\nkind: X\n`],
    ['the last', `${deployment}...\n${configMap}---\nkind: X\n`, `${deployment.replace('nginx:1', 'nginx:2')}...\n---\nkind: X\n`],
    [
      'the middle',
      `${deployment}...\n${configMap}...\n${deployment}`,
      `${deployment.replace('nginx:1', 'nginx:2')}...\n${deployment.replace('nginx:1', 'nginx:2')}`,
    ],
  ])('lose %s, removed, and keep the change to the others', async (_name, input, expected) => {
    const result = await kset([], { cwd: folderWith({ 'kset.config.yaml': config }), stdin: input });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });
});

describe('numbers and strings a re-written collection did not change', () => {
  const odd = '[9007199254740993, 1e400, 0x1F, 1.0, "\\u00e9"]';

  it('keep their text in a flow list that gains an item', async () => {
    const result = await kset(['patch', 'cm/x', '--type', 'json', '-p', '[{"op":"add","path":"/l/-","value":"z"}]'], {
      stdin: `${configMap('  a: b\n')}l: ${odd}\n`,
    });
    expect(result.stdout).toBe(`${configMap('  a: b\n')}l: ${odd.slice(0, -1)}, z]\n`);
  });

  it('keep their text in a JSON document that gains a key', async () => {
    const input = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "n": 9007199254740993, "f": 1e400}\n';
    const result = await kset(['patch', 'cm/x', '--type', 'merge', '-p', '{"z":"1"}'], { stdin: input });
    expect(result.stdout).toBe(input.replace('}\n', ', "z": "1"}\n'));
  });
});

describe('-o json and --normalize', () => {
  // kubectl keeps int64s exactly, and reads 1e400 (beyond a double) as a string: `kubectl patch --local -o json`
  const input = `${configMap('  a: b\n')}num: [9007199254740993, 0x20000000000001, 1e400, -9223372036854775808]\n`;

  it('-o json writes integers beyond a double exactly, and 1e400 as kubectl reads it', async () => {
    const result = await kset(['-o', 'json'], { stdin: input });
    expect(result.stdout.replace(/\s+/g, '')).toContain('"num":[9007199254740993,9007199254740993,"1e400",-9223372036854775808]');
  });

  it('--normalize writes integers beyond a double exactly', async () => {
    const result = await kset(['--normalize'], { stdin: input });
    expect(result.stdout).toContain('num:\n- 9007199254740993\n- 9007199254740993\n- "1e400"\n- -9223372036854775808\n');
  });
});

describe('U+0085, U+2028 and U+2029, which kubectl (YAML 1.1) reads as line breaks', () => {
  const raw = /[\u0085\u2028\u2029]/;
  const values = { n: 'a\u2028b', m: 'c\u2029d', o: 'e\u0085f', 'k\u2028': 'v', l: ['x\u2028y', { 'p\u2029': 'q\u0085' }] };

  it.each([
    ['a block document', configMap('  a: b\n'), []],
    ['a flow map', configMap('  {a: b}\n'), []],
    ['a JSON document', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"a": "b"}}\n', []],
    ['a JSON document, -o json', configMap('  a: b\n'), ['-o', 'json']],
  ])('are written escaped into %s, keys included', async (_name, input, extra) => {
    const result = await kset(['patch', 'cm/x', '--type', 'merge', '-p', JSON.stringify({ data: values }), ...extra], { stdin: input });
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(raw);
    const back = await kset(['patch', 'cm/x', '--type', 'merge', '-p', '{}', '-o', 'json'], { stdin: result.stdout });
    const items = JSON.parse(back.stdout).items;
    expect(items[0].data).toEqual({ a: 'b', ...values });
  });

  it('are written escaped by --normalize', async () => {
    const input = configMap('  "n": "a\\u2028b"\n  "k\\u2029": \'v\'\n  l: ["x\\Ny", {"p\\u2029": "q"}]\n');
    const result = await kset(['--normalize'], { stdin: input });
    expect(result.stdout).not.toMatch(raw);
    const back = await kset(['-o', 'json'], { stdin: result.stdout });
    expect(JSON.parse(back.stdout).items[0].data).toEqual({ n: 'a\u2028b', 'k\u2029': 'v', l: ['x\u0085y', { 'p\u2029': 'q' }] });
  });
});

describe('integers beyond 2^53 that a patch gives', () => {
  it('are written with their own digits when a double holds them (2^60)', async () => {
    const result = await kset(['patch', 'cm/x', '--type', 'merge', '-p', '{"num":1152921504606846976,"l":[-9223372036854775808]}'], {
      stdin: configMap('  a: b\n'),
    });
    expect(result.stdout).toBe(`${configMap('  a: b\n')}num: 1152921504606846976\nl:\n- -9223372036854775808\n`);
  });

  it('are an error when a double cannot hold them, as kubectl would write them exactly', async () => {
    const result = await kset(['patch', 'cm/x', '--type', 'merge', '-p', '{"n": 9007199254740993}'], { stdin: configMap('  a: b\n') });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'kset: kset patch -p: the number 9007199254740993 cannot be written exactly: kset holds numbers as doubles, which would make it 9007199254740992',
    );
  });
});
