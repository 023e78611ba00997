/**
 * Input fidelity: kset reads what kubectl's YAML reader reads, and refuses the rest with a position rather
 * than rewrite it (invalid UTF-8 once came out as U+FFFD, control characters passed through).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transform } from '../src/api.js';
import { emptyDir, kset, type RunResult } from './helpers.js';

const configMap = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: ${value}\n`;
const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.25\n`;
/** A ConfigMap whose value holds a Latin-1 é (0xE9), as `printf 'caf\xe9'` writes it. */
const latin1 = Buffer.concat([Buffer.from(configMap('"caf').trimEnd()), Buffer.from([0xe9]), Buffer.from('"\n')]);
/** Latin-1 in the second document, after a Deployment that --image changes. */
const latin1Later = Buffer.concat([Buffer.from(deployment + '---\n'), latin1]);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string | Buffer>): string {
  const dir = emptyDir();
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Exit 2, exactly `line` as the first line on stderr, nothing on stdout. */
function expectRefused(result: RunResult, line: string) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')[0]).toBe(line);
}

const RUNS: [string, string[]][] = [
  ['no step (documents pass through untouched)', []],
  ['--image', ['--image', 'nginx=nginx:2']],
  ['-o json', ['-o', 'json']],
  ['kset patch', ['patch', 'configmap/c', '-p', '{"data":{"x":"1"}}']],
];

describe('invalid UTF-8 is an error at its byte, not U+FFFD', () => {
  it.each(RUNS)('on stdin, %s', async (_name, args) => {
    expectRefused(await kset(args, { stdin: latin1 }), 'kset: <stdin>:6:10: invalid UTF-8 (byte 0xE9)');
  });

  it.each(RUNS)('in a later document on stdin, %s: nothing is written', async (_name, args) => {
    expectRefused(await kset(args, { stdin: latin1Later }), 'kset: <stdin>:17:10: invalid UTF-8 (byte 0xE9)');
  });

  it.each([
    ['a file', ['-f', 'm.yaml']],
    ['a folder', ['-f', '.']],
    ['a glob', ['-f', '*.yaml']],
    ['a file named as an argument', ['m.yaml']],
  ])('in %s', async (_name, inputs) => {
    const cwd = folder({ 'm.yaml': latin1 });
    for (const [, args] of RUNS) {
      if (inputs[0] !== '-f' && args[0] === 'patch') continue; // kset patch takes files with -f only
      expectRefused(await kset([...args, ...inputs], { cwd }), 'kset: m.yaml:6:10: invalid UTF-8 (byte 0xE9)');
    }
  });

  it('with --write, no file is written, the good one beside it neither', async () => {
    const cwd = folder({ 'a.yaml': deployment, 'm.yaml': latin1Later });
    expectRefused(await kset(['--image', 'nginx=nginx:2', '-w', '.'], { cwd }), 'kset: m.yaml:17:10: invalid UTF-8 (byte 0xE9)');
    expect(readFileSync(path.join(cwd, 'a.yaml'), 'utf8')).toBe(deployment);
    expect(readFileSync(path.join(cwd, 'm.yaml')).equals(latin1Later)).toBe(true);
  });

  it('in a --patch file', async () => {
    const cwd = folder({ 'p.yaml': Buffer.concat([Buffer.from('data:\n  k: caf'), Buffer.from([0xe9]), Buffer.from('\n')]) });
    expectRefused(
      await kset(['patch', 'configmap/c', '--patch-file', 'p.yaml'], { cwd, stdin: configMap('x') }),
      'kset: p.yaml:2:9: invalid UTF-8 (byte 0xE9)',
    );
  });

  it('kset images refuses it too', async () => {
    expectRefused(await kset(['images'], { stdin: latin1 }), 'kset: <stdin>:6:10: invalid UTF-8 (byte 0xE9)');
  });

  it('valid UTF-8 goes through byte for byte', async () => {
    const input = configMap('"café ✓ 😀 中文"');
    const result = await kset(['--image', 'nginx=nginx:2'], { stdin: Buffer.from(input) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(input);
  });
});

describe('UTF-16 input is refused, naming its encoding', () => {
  // kubectl decodes UTF-16 with a byte order mark; kset does not write UTF-16 back, so it says so rather
  // than read the bytes as UTF-8 (--normalize -w once rewrote such a file into garbage)
  const utf16 = (order: 'le' | 'be') => {
    const le = Buffer.from('\ufeff' + configMap('x'), 'utf16le');
    return order === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]!));
  };

  it.each([
    ['LE', utf16('le'), 'FF FE'],
    ['BE', utf16('be'), 'FE FF'],
  ])('UTF-16 %s, in a file and on stdin; the file is left alone', async (_name, bytes, mark) => {
    const cwd = folder({ 'u.yaml': bytes });
    const message = `UTF-16 input (byte order mark ${mark}) is not supported: convert it to UTF-8`;
    expectRefused(await kset(['--normalize', '-w', 'u.yaml'], { cwd }), `kset: u.yaml: ${message}`);
    expect(readFileSync(path.join(cwd, 'u.yaml')).equals(bytes)).toBe(true);
    expectRefused(await kset([], { stdin: bytes }), `kset: <stdin>: ${message}`);
  });

  it('UTF-16 without a mark holds NUL bytes: a control character', async () => {
    expectRefused(await kset([], { stdin: Buffer.from(configMap('x'), 'utf16le') }), 'kset: <stdin>:1:2: control characters are not allowed (U+0000)');
  });
});

describe('control characters are an error, as in kubectl (go-yaml)', () => {
  it.each([
    ['U+0001', '"a\x01b"', 8],
    ['U+001B (ESC), plain', 'a\x1bb', 7],
    ['U+007F (DEL)', 'a\x7fb', 7],
    ['U+0080 (C1)', 'a\x80b', 7],
    ['U+009F (C1)', 'a\x9fb', 7],
    ['U+FFFE', 'a\ufffeb', 7],
  ])('%s', async (name, value, col) => {
    const code = name.slice(0, 6);
    for (const [, args] of RUNS) {
      expectRefused(await kset(args, { stdin: Buffer.from(configMap(value)) }), `kset: <stdin>:6:${col}: control characters are not allowed (${code})`);
    }
  });

  it('in a comment, in a document no step reads, after documents that changed: nothing is written', async () => {
    const input = `${deployment}---\n# a comment \x07\n${configMap('x')}`;
    expectRefused(await kset(['--image', 'nginx=nginx:2'], { stdin: input }), 'kset: <stdin>:12:13: control characters are not allowed (U+0007)');
  });

  it('shows no excerpt: the line would carry an escape sequence to the terminal', async () => {
    const result = await kset([], { stdin: configMap('"\x1b]0;title\x07"') });
    expect(result.stderr).toBe('kset: <stdin>:6:7: control characters are not allowed (U+001B)\n');
  });

  it('tab, NEL, no-break space and U+FEFF inside a value are allowed, as in kubectl', async () => {
    const input = configMap('"a\tb \x85 \xa0 \ufeff"');
    const result = await kset([], { stdin: input });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(input);
  });

  it.each([
    ['/dev/zero-like input (NUL bytes)', Buffer.alloc(70_000)],
    ['random bytes', Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24))],
  ])('binary garbage on stdin exits 2 (%s)', async (_name, bytes) => {
    const result = await kset([], { stdin: bytes });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kset: <stdin>:1:\d+: (invalid UTF-8|control characters)/);
  });

  it('the library refuses them in the text it is given, a lone surrogate too', async () => {
    await expect(transform(configMap('"a\x01"'))).rejects.toThrow(/control characters are not allowed \(U\+0001\)/);
    await expect(transform(configMap('"a\udcff"'))).rejects.toThrow(/control characters are not allowed \(a lone surrogate\)/);
  });
});

describe('-o json takes objects only, as kubectl', () => {
  it.each([
    ['a number', `${deployment}---\n42\n`, 'kset: <stdin>:12:1: -o json takes objects (Kubernetes resources), and this document is a number'],
    ['a flow list', `${deployment}---\n[a, b]\n`, 'kset: <stdin>:12:1: -o json takes objects (Kubernetes resources), and this document is a list'],
    ['a block list', `${deployment}---\n- a\n- b\n`, 'kset: <stdin>:12:1: -o json takes objects (Kubernetes resources), and this document is a list'],
    ['a string', `just a scalar\n`, 'kset: <stdin>:1:1: -o json takes objects (Kubernetes resources), and this document is a string'],
    [
      'a List item',
      `apiVersion: v1\nkind: List\nitems:\n- ${configMap('x').replace(/\n(?=.)/g, '\n  ')}- 42\n`,
      'kset: <stdin>:1:1: -o json takes objects (Kubernetes resources), and item 1 of this List is a number',
    ],
  ])('%s is an error at its place', async (_name, input, line) => {
    expectRefused(await kset(['-o', 'json'], { stdin: input }), line);
  });

  it('at its place in the input, though the documents before it changed', async () => {
    const cwd = folder({ 'a.yaml': deployment, 'b.yaml': `${deployment}---\n42\n` });
    const result = await kset(['patch', 'deployment/web', '-p', '{"metadata":{"labels":{"a":"b","c":"d"}}}', '-o', 'json', '-f', '.'], { cwd });
    expectRefused(result, 'kset: b.yaml:12:1: -o json takes objects (Kubernetes resources), and this document is a number');
  });

  it('skips null and empty documents, as kubectl', async () => {
    const result = await kset(['-o', 'json'], { stdin: `${configMap('x')}---\nnull\n---\n~\n---\n# only a comment\n---\n` });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).items).toHaveLength(1);
  });

  it('the YAML stream still passes such documents through', async () => {
    const input = `${deployment}---\n42\n---\n- a\n`;
    const result = await kset(['--image', 'nginx=nginx:2'], { stdin: input });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(input.replace('nginx:1.25', 'nginx:2'));
  });
});
