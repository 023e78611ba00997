/**
 * Hostile and odd input: kset runs on pull requests from strangers, so every one of these ends quickly with
 * exit 0 and the right output, or exit 2 and one `kset:` error line; never a stack trace, a hang or an
 * exhausted memory.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webDeployment } from './fixtures.mjs';
import { expectError, folderWith, kset, type RunResult } from './helpers.js';

const deployment = (extra = '') => webDeployment({ namespace: null, image: 'nginx:1.25' }) + extra;

/** The three ways a run may read a document: not at all (no step), for images, for a patch. */
const RUNS: [string, string[]][] = [
  ['no step', []],
  ['--image', ['--image', 'nginx=nginx:2']],
  ['a patch', ['patch', 'deployment/web', '-p', '{"spec":{"replicas":2}}']],
];

async function timed(args: string[], stdin: string): Promise<RunResult & { ms: number }> {
  const start = performance.now();
  const result = await kset(args, { stdin });
  return { ...result, ms: performance.now() - start };
}

describe('billion laughs (aliases expanding exponentially)', () => {
  const laughs = ['lol: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++)
    laughs.push(
      `l${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  const input = deployment(laughs.join('\n') + '\n');

  it.each(RUNS)('is rejected quickly with %s', async (_name, args) => {
    const result = await timed(args, input);
    expectError(result, /alias/i);
    expect(result.ms).toBeLessThan(5000);
  });
});

describe('deep nesting', () => {
  const levels = 10_000;
  const flow = deployment(`x: ${'['.repeat(levels)}${']'.repeat(levels)}\n`);
  const block = deployment('x:\n' + Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('') + `${' '.repeat(levels + 1)}1\n`);
  const seq = deployment('x:\n' + Array.from({ length: levels }, (_, i) => `${' '.repeat(2 * i)}-\n`).join('') + `${' '.repeat(2 * levels)}1\n`);

  const cases = { flow, 'block maps': block, 'block lists': seq, 'flow, CRLF': flow.replace(/\n/g, '\r\n'), 'block maps, CRLF': block.replace(/\n/g, '\r\n') };
  it.each(RUNS.flatMap(([name, args]) => Object.entries(cases).map(([shape, input]) => [`${shape}, ${name}`, args, input] as const)))(
    '10,000 levels (%s) are an error, not a crash',
    async (_name, args, input) => {
      expectError(await kset([...args], { stdin: input }), /nest|deep/i);
    },
  );

  const deepPatch = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  it.each([
    [
      'kset patch -p',
      () => kset(['patch', 'deploy/web', '--type', 'merge', '-p', deepPatch], { stdin: deployment() }),
      /^kset: kset patch -p: the patch nests too deeply to be read \(it starts here\)$/,
    ],
    [
      '--patch-file',
      () => kset(['patch', 'deploy/web', '--patch-file', 'p.json'], { stdin: deployment(), cwd: folderWith({ 'p.json': deepPatch }) }),
      /^kset: p\.json:1:1: kset patch --patch-file p\.json: the patch nests too deeply/,
    ],
    [
      '--patch FILE',
      () => kset(['--patch', 'p.json', '--target', 'Deployment'], { stdin: deployment(), cwd: folderWith({ 'p.json': deepPatch }) }),
      /^kset: p\.json:1:1: --patch p\.json: the patch nests too deeply/,
    ],
    [
      'a config patch',
      () =>
        kset(['-c', 'k.yaml'], {
          stdin: deployment(),
          cwd: folderWith({ 'k.yaml': `patches:\n- target: {kind: Deployment}\n  patch: |\n    ${deepPatch}\n` }),
        }),
      /^kset: k\.yaml:4: patches\[0\]: the patch nests too deeply/,
    ],
    [
      'a config file',
      () => kset(['-c', 'k.yaml'], { stdin: deployment(), cwd: folderWith({ 'k.yaml': `patches:\n- target: {kind: Deployment}\n  patch: ${deepPatch}\n` }) }),
      /^kset: k\.yaml:3:10: the config nests too deeply to be read/,
    ],
  ])('a patch of 10,000 levels (%s) nests too deeply, said where it starts', async (_name, run, message) => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(message);
  });

  it('100 levels are fine', async () => {
    const input = deployment(`x: ${'['.repeat(100)}1${']'.repeat(100)}\n`);
    const result = await kset(['--image', 'nginx=nginx:2'], { stdin: input });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(input.replace('nginx:1.25', 'nginx:2'));
  });
});

describe('big input', () => {
  it('a 50 MB scalar passes through, and a document beside it is transformed', async () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: ${'x'.repeat(50 * 1024 * 1024)}\n`;
    const input = `${big}---\n${deployment()}`;
    const result = await kset(['--image', 'nginx=nginx:2'], { stdin: input });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.length).toBe(input.length - 'nginx:1.25'.length + 'nginx:2'.length);
    expect(result.stdout.startsWith(big)).toBe(true);
    expect(result.stdout.endsWith('image: nginx:2\n')).toBe(true);
  });

  it('a stream of 100,000 tiny documents passes through byte for byte', async () => {
    const input = Array.from({ length: 100_000 }, (_, i) => `---\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('');
    const result = await kset(['--image', 'nginx=nginx:2'], { stdin: input });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout === input).toBe(true);
  });
});

describe('duplicate keys', () => {
  it.each(RUNS)('are an error naming both lines (%s)', async (_name, args) => {
    const input = deployment('metadata:\n  name: other\n');
    const result = await kset(args, { stdin: input });
    expectError(result, /<stdin>:11:1: mapping key "metadata" already defined at line 3/);
  });

  it('with an empty value before the repeated key', async () => {
    const input = deployment('  labels:\n  labels:\n    a: b\n').replace('image: nginx:1.25\n', 'image: nginx:1.25\nmetadata2:\n');
    expectError(await kset([], { stdin: input }), /<stdin>:13:3: mapping key "labels" already defined at line 12/);
  });

  it('deeper in a document, in a later document', async () => {
    const input = `kind: A\n---\n${deployment()}  annotations:\n    a: 1\n    b: 2\n    a: 3\n`;
    expectError(await kset([], { stdin: input }), /<stdin>:16:5: mapping key "a" already defined at line 14/);
  });
});

describe('documents that are not maps', () => {
  const input = `just a scalar\n---\n- a\n- image: nginx:1.25\n---\n42\n---\n${deployment()}`;

  it.each(RUNS)('pass through untouched (%s)', async (_name, args) => {
    const result = await kset(args, { stdin: input });
    expect(result.code, result.stderr).toBe(0);
    const [scalar, list, number] = result.stdout.split('---\n');
    expect([scalar, list, number]).toEqual(['just a scalar\n', '- a\n- image: nginx:1.25\n', '42\n']);
  });
});

describe('keys that are not strings', () => {
  const keys = `apiVersion: v1
kind: ConfigMap
metadata:
  name: keys
data:
  1: one
  true: yes
  1.5: f
  ~: nothing
`;
  const withDeployment = `${keys}---\n${deployment()}`;

  it.each(RUNS)('pass through untouched (%s)', async (_name, args) => {
    const result = await kset(args, { stdin: withDeployment });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.startsWith(keys)).toBe(true);
  });

  it('are read as strings, as kubectl reads them, when the document changes', async () => {
    const result = await kset(['patch', 'configmap/keys', '-p', '{"data":{"z":"2"}}', '-o', 'json'], { stdin: keys });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).items[0].data).toEqual({ '1': 'one', true: true, '1.5': 'f', '': 'nothing', z: '2' });
  });

  it.each([
    ['a map key', '  ? {x: 1}\n  : d\n'],
    ['a list key', '  ? [a, b]\n  : d\n'],
  ])('%s is an error, as in kubectl', async (_name, extra) => {
    for (const [, args] of RUNS) {
      const result = await kset(args, { stdin: keys + extra + `---\n${deployment()}` });
      expectError(result, /<stdin>:10:5: .*key/);
    }
  });
});

describe('YAML tags', () => {
  const tagged = `apiVersion: v1
kind: Secret
metadata:
  name: tagged
data:
  bin: !!binary aGVsbG8=
  custom: !thing value
  str: !!str 123
  set: !!set {a, b}
`;
  const withDeployment = `${tagged}---\n${deployment()}`;

  it.each(RUNS)('pass through untouched (%s)', async (_name, args) => {
    const result = await kset(args, { stdin: withDeployment });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.startsWith(tagged)).toBe(true);
  });

  it('keep their text when the document changes, and read as the JSON values kubectl sends', async () => {
    const result = await kset(['patch', 'secret/tagged', '-p', '{"metadata":{"labels":{"a":"b"}}}'], { stdin: tagged });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(tagged.replace('  name: tagged\n', '  name: tagged\n  labels:\n    a: b\n'));
    const json = await kset(['-o', 'json'], { stdin: result.stdout });
    expect(JSON.parse(json.stdout).items[0].data).toEqual({ bin: 'aGVsbG8=', custom: 'value', str: '123', set: { a: null, b: null } });
  });
});

describe('other odd input', () => {
  /** What each run makes of deployment(): the same, the image set, replicas added. */
  const transformed: Record<string, string> = {
    'no step': deployment(),
    '--image': deployment().replace('nginx:1.25', 'nginx:2'),
    'a patch': deployment() + '  replicas: 2\n',
  };

  it.each([
    ['a BOM (kept)', '\ufeff' + deployment(), (out: string) => '\ufeff' + out],
    ['CRLF line ends (kept)', deployment().replace(/\n/g, '\r\n'), (out: string) => out.replace(/\n/g, '\r\n')],
    ['no final newline (added)', deployment().trimEnd(), (out: string) => out],
    ['a document end marker (kept)', deployment() + '...\n', (out: string) => out + '...\n'],
  ])('%s', async (_name, input, expected) => {
    for (const [name, args] of RUNS) {
      const result = await kset(args, { stdin: input });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(expected(transformed[name]!));
    }
  });

  it.each([
    ['only comments', '# nothing\n---\n# here\n'],
    ['empty documents', '---\n---\n\n---\n'],
  ])('%s pass through; a patch naming a resource finds none, as in kubectl', async (_name, input) => {
    for (const args of [[], ['--image', 'nginx=nginx:2']]) {
      const result = await kset(args, { stdin: input });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(input);
    }
    expectError(await kset(RUNS[2]![1], { stdin: input }), /^kset: deployment "web" not found in the input$/);
  });

  it('an unclosed quote at the very end, without a final line break, is an error', async () => {
    // kset adds the line break, and the yaml package reads `'it''` + line break as unclosed (found by npm run fuzz)
    for (const [, args] of RUNS) {
      expectError(await kset(args, { stdin: deployment() + "x: 'it''" }), /<stdin>:11:\d+: Missing closing 'quote/);
    }
  });
});

describe('catastrophic regular expressions', () => {
  // `(a+)+b` against a run of a's takes a backtracking engine 2^n steps (seconds at 28 characters): target
  // and image names are matched by RE2, in time linear in the name
  const long = 'a'.repeat(5000);
  const input = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${long}\nspec:\n  containers:\n  - name: app\n    image: ${long}\n`;
  const config = `images:
  - name: (a+)+b
    newTag: "2"
patches:
  - target:
      name: (a+)+b
    patch: |-
      - op: add
        path: /metadata/labels
        value: {hit: "yes"}
`;

  it('(a+)+b as a patch target name and an image name, against 5,000-character names, selects nothing', async () => {
    const dir = folderWith({ 'kset.yaml': config });
    try {
      const result = await kset(['-c', 'kset.yaml'], { cwd: dir, stdin: input });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(input);
      expect(result.stderr).toBe(
        'kset: warning: patches[0]: the target {"name":"(a+)+b"} matches no resource\nkset: warning: images[0]: image "(a+)+b" matched no image\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('__proto__ keys', () => {
  const input = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  __proto__: {polluted: yes}\n  a: "1"\n`;

  it.each([
    ['a strategic merge patch', ['patch', 'configmap/web', '-p', '{"data":{"__proto__":{"polluted":"yes"},"b":"2"}}'], 0],
    ['a merge patch', ['patch', 'configmap/web', '--type', 'merge', '-p', '{"__proto__":{"polluted":"yes"},"data":{"__proto__":{"x":1}}}'], 0],
    ['a JSON patch', ['patch', 'configmap/web', '--type', 'json', '-p', '[{"op":"add","path":"/__proto__/polluted","value":"yes"}]'], 2],
    ['no step', [], 0],
  ])('pollute no prototype (%s)', async (_name, args, code) => {
    const result = await kset(args, { stdin: input });
    if (code === 2) expectError(result, /a path through "__proto__" is not supported/);
    else expect(result.code, result.stderr).toBe(0);
    if (args.length === 0) expect(result.stdout).toBe(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('x');
  });
});
