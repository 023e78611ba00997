import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { CORPUS, ROOT, corpusFiles, emptyDir, folderWith, kset } from './helpers.js';

/**
 * Runs the CLI with stdin arriving in `pieces`; returns what it wrote and, for each write to stdout,
 * how many pieces had been read by then.
 */
async function streamed(args: string[], pieces: (string | Uint8Array)[], cwd = emptyDir()) {
  const writes: { text: string; read: number }[] = [];
  let read = 0;
  let stderr = '';
  const code = await run(args, {
    cwd,
    env: {},
    stdinIsTty: false,
    stdin: async () => Buffer.concat(pieces.map((piece) => Buffer.from(piece))),
    stdinChunks: async function* () {
      for (const piece of pieces) {
        read++;
        yield piece;
      }
    },
    stdout: (text) => writes.push({ text: typeof text === 'string' ? text : Buffer.from(text).toString(), read }),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout: writes.map((w) => w.text).join(''), writes, stderr };
}

const deployment = (name: string) =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.25\n`;

describe('stdin as a stream', () => {
  it('writes nothing before the whole input succeeded', async () => {
    const result = await streamed(['--image', 'nginx:1.27'], [deployment('a'), deployment('b'), deployment('c')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe([deployment('a'), deployment('b'), deployment('c')].join('').replaceAll('nginx:1.25', 'nginx:1.27'));
    expect(result.writes.every((write) => write.read === 3)).toBe(true);
  });

  it('with --stream, writes each document as soon as the next one starts, before the rest of stdin is read', async () => {
    const result = await streamed(['--image', 'nginx:1.27', '--stream'], [deployment('a'), deployment('b'), deployment('c')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe([deployment('a'), deployment('b'), deployment('c')].join('').replaceAll('nginx:1.25', 'nginx:1.27'));
    expect(result.writes[0]?.read).toBe(2); // document a, once document b began
  });

  it.each([
    ['kset', ['--stream']],
    ['kset set image', ['set', 'image', '--all', 'app=x:1', '--stream']],
    ['kset patch', ['patch', 'deployment/a', '-p', '{"spec":{"replicas":2}}', '--stream']],
  ])('%s takes --stream', async (_name, args) => {
    const result = await streamed(args, [deployment('a'), deployment('b')]);
    expect(result.code, result.stderr).toBe(0);
  });

  it.each([
    ['-o json', ['-o', 'json']],
    ['--diff', ['--diff']],
    ['--check', ['--check']],
    ['--report', ['--report', 'r.json']],
    ['a file input', ['-f', 'm.yaml']],
    ['stdin and a file', ['-', 'm.yaml']],
  ])('--stream with %s is a usage error', async (_name, args) => {
    const dir = folderWith({ 'm.yaml': deployment('a') });
    const result = await streamed(['--stream', ...args], [deployment('a')], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kset: --stream writes the YAML stream on stdout as stdin arrives: .* \(see kset --help\)\n$/);
  });

  it('decodes a character cut between two pieces', async () => {
    const bytes = Buffer.from('a: café\n');
    const result = await streamed([], [bytes.subarray(0, 7), bytes.subarray(7)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('a: café\n');
  });

  it('gives the output of the whole input, however stdin is cut', async () => {
    const text = readFileSync(path.join(ROOT, 'fixtures/helm-app/rendered.yaml'), 'utf8');
    const whole = await kset(['--image', 'nginx=nginx:1.27', '-f', path.join(ROOT, 'fixtures/helm-app/rendered.yaml')]);
    for (const size of [1, 7, 64, 1000]) {
      const pieces = text.match(new RegExp(`[^]{1,${size}}`, 'g'))!;
      const result = await streamed(['--image', 'nginx=nginx:1.27'], pieces);
      expect(result.stdout).toBe(whole.stdout);
    }
  });

  it('reads stdin to its end first for a strategic patch (the stream may hold CRDs)', async () => {
    const dir = folderWith({
      'kset.yaml':
        'patches:\n- target:\n    kind: Deployment\n  patch: |\n    kind: Deployment\n    metadata:\n      name: any\n    spec:\n      replicas: 2\n',
    });
    const result = await streamed(['-c', 'kset.yaml'], [deployment('a'), deployment('b')], dir);
    expect(result.code).toBe(0);
    expect(result.writes.every((write) => write.read === 2)).toBe(true);
    expect(result.stdout.match(/replicas: 2/g)).toHaveLength(2);
  });

  it('writes nothing when an error only the end shows (a named resource is missing)', async () => {
    const result = await streamed(['set', 'image', 'deployment/a', 'deployment/nope', 'app=x:1'], [deployment('a'), deployment('b'), deployment('c')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"nope" not found/);
    expect(result.stdout).toBe('');
  });

  it('holds the output until the end when such an error is possible, and writes it then', async () => {
    const result = await streamed(['set', 'image', 'deployment/a', 'app=x:1'], [deployment('a'), deployment('b'), deployment('c')]);
    expect(result.code).toBe(0);
    expect(result.writes.every((write) => write.read === 3)).toBe(true);
    expect(result.stdout.match(/image: x:1/g)).toHaveLength(1);
  });

  it('writes nothing when a later document is malformed, exit 2', async () => {
    // `kset | kubectl apply -f -` must not apply the documents before the bad one
    const result = await streamed(['--image', 'nginx:1.27'], [deployment('a'), '---\nkind: [\n', deployment('c')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kset: <stdin>:14:1: /); // the end of the unclosed flow sequence
    expect(result.stdout).toBe('');
  });

  it('with --stream, stops at a malformed document: those before it are written, exit 2', async () => {
    const result = await streamed(['--image', 'nginx:1.27', '--stream'], [deployment('a'), '---\nkind: [\n', deployment('c')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kset: <stdin>:14:1: /);
    expect(result.stdout).toBe(deployment('a').replace('nginx:1.25', 'nginx:1.27'));
  });

  it('writes nothing when a later document is not UTF-8, exit 2', async () => {
    const bad = Buffer.concat([Buffer.from('---\nkind: ConfigMap\ndata:\n  k: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const result = await streamed(['--image', 'nginx:1.27'], [deployment('a'), bad, deployment('c')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kset: <stdin>:15:9: invalid UTF-8 (byte 0xE9)\n');
    expect(result.stdout).toBe('');
  });

  it('writes nothing for white space only, and a final newline', async () => {
    expect((await streamed([], ['\n', '  \n'])).stdout).toBe('');
    expect((await streamed([], ['a: 1'])).stdout).toBe('a: 1\n');
  });

  it('is an error, with nothing written, when every document is deleted', async () => {
    const dir = folderWith({
      'kset.yaml': 'patches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: a\n    $patch: delete\n',
    });
    const result = await streamed(['-c', 'kset.yaml'], [deployment('a')], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

const corpus = CORPUS;
const corpusNames = corpusFiles('stream.test.ts');

describe.skipIf(!corpusNames.length)('stdin as a stream on the real corpus', () => {
  it('gives byte for byte what the whole input gives', async () => {
    const text = readdirSync(corpus)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(path.join(corpus, f), 'utf8'))
      .join('---\n');
    const args = ['--image', 'quay.io/argoproj/argocd:v9'];
    const whole = await kset(args, { stdin: text });
    const pieces = text.match(/[^]{1,65536}/g)!;
    const result = await streamed([...args, '--stream'], pieces);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(whole.stdout);
    expect(result.writes.length).toBeGreaterThan(20);
    expect(result.writes[0]?.read).toBeLessThan(pieces.length / 10);
  });
});
