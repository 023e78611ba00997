#!/usr/bin/env node
// Fuzzes the kset CLI (the built one, dist/) with mutated real manifests: the corpus in ../shared/corpus/real,
// the conformance inputs and the fixtures, each cut to a few documents and mutated (byte flips, truncation,
// tabs, duplicated lines and keys, broken indentation, invalid UTF-8, a BOM, CRLF, YAML indicators), then run
// with one of several command lines. Every run must end within the time limit with exit 0, or with exit 2 and
// a first stderr line `kset: …`: never a stack trace, an internal error, another exit code, a hang or an
// exhausted heap. Runs happen in a worker thread, replaced when a run hangs or dies.
//
//   npm run fuzz -- [--seed N] [--iterations N] [--minutes M] [--only I] [--save] [--quiet]
//
// Iteration I of seed S is always the same input and command line: `--seed S --only I` replays it.
// A clean run's output must read as YAML and, run through kset again the same way, come back unchanged.
// `--save` writes each new finding to fixtures/crashers/ (input and command line), which
// test/fuzz.test.ts replays on every `npm test`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { seededRandom } from '../test/fixtures.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
export const CRASHERS = path.join(ROOT, 'fixtures', 'crashers');

/** A run slower than this is a finding (the limit is 5 s; a run normally takes milliseconds). */
const TIME_LIMIT_MS = 5000;

// ---------------------------------------------------------------------------------------------
// Seeded randomness: iteration i of seed s draws from its own stream (test/fixtures.mjs's generator).

function iterationSeed(seed, i) {
  return Number(BigInt.asUintN(32, BigInt(seed) * 2654435761n + BigInt(i) * 40503n + 1n));
}

// ---------------------------------------------------------------------------------------------
// Inputs: real manifests, cut to a window of documents.

/** The seed texts: the real corpus, the conformance inputs, the fixtures. */
export function seedTexts() {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(name) && !file.startsWith(CRASHERS)) files.push(file);
    }
  };
  walk(path.join(SHARED, 'corpus', 'real'));
  walk(path.join(SHARED, 'conformance', 'cases'));
  walk(path.join(ROOT, 'fixtures'));
  return files.map((file) => ({ file: path.relative(path.dirname(ROOT), file), bytes: readFileSync(file) }));
}

/** A window of 1 to 8 documents of a text (sometimes all of it), as bytes. */
function window(bytes, rng) {
  const text = bytes.toString('latin1'); // byte offsets
  const starts = [0];
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 1)) starts.push(at + 1);
  if (starts.length === 1 || rng.chance(0.03)) return bytes;
  const first = rng.int(starts.length);
  const last = Math.min(starts.length, first + 1 + rng.int(8));
  return bytes.subarray(starts[first], last < starts.length ? starts[last] : bytes.length);
}

// ---------------------------------------------------------------------------------------------
// Mutations, on bytes.

const VALUES = [
  'yes',
  'on',
  '0755',
  '1.10',
  '1e3',
  '~',
  '""',
  '[]',
  '{}',
  '[a, {b: c}]',
  '{a: [1, 2]}',
  '"x: y"',
  "'it''s'",
  '!!str 12',
  '|-\n    multi\n    line',
  '>\n    folded',
  'null',
  '-1',
  '.nan',
  '"\\u0000"',
  'é',
  '"a\\nb"',
];
const INDICATORS = [
  '&a ',
  '*a',
  '!!binary ',
  '!thing ',
  '? ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ': ',
  '#',
  '---\n',
  '...\n',
  '"',
  "'",
  '|',
  '>',
  '<<: ',
  '%YAML 1.1\n',
  '\\',
  '\t',
  '\r',
  '\0',
  '~',
  '0x',
  '.inf',
];

function lineStarts(bytes) {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 && i + 1 < bytes.length) starts.push(i + 1);
  return starts;
}

function lineAt(bytes, starts, n) {
  const start = starts[n];
  const end = n + 1 < starts.length ? starts[n + 1] : bytes.length;
  return [start, end];
}

const splice = (bytes, start, end, insert) => Buffer.concat([bytes.subarray(0, start), Buffer.from(insert), bytes.subarray(end)]);

export const MUTATIONS = {
  flipByte(bytes, rng) {
    if (!bytes.length) return bytes;
    const out = Buffer.from(bytes);
    out[rng.int(out.length)] ^= 1 << rng.int(8);
    return out;
  },
  truncate: (bytes, rng) => bytes.subarray(0, rng.int(bytes.length + 1)),
  insertTab(bytes, rng) {
    const starts = lineStarts(bytes);
    const at = rng.chance(0.5) ? starts[rng.int(starts.length)] : rng.int(bytes.length + 1);
    return splice(bytes, at, at, '\t');
  },
  duplicateLine(bytes, rng) {
    const starts = lineStarts(bytes);
    const [start, end] = lineAt(bytes, starts, rng.int(starts.length));
    return splice(bytes, end, end, bytes.subarray(start, end));
  },
  breakIndentation(bytes, rng) {
    const starts = lineStarts(bytes);
    const [start] = lineAt(bytes, starts, rng.int(starts.length));
    if (rng.chance(0.5)) return splice(bytes, start, start, ' '.repeat(1 + rng.int(3)));
    let end = start;
    while (end < bytes.length && end - start < 1 + rng.int(3) && bytes[end] === 32) end++;
    return splice(bytes, start, end, '');
  },
  invalidUtf8(bytes, rng) {
    const at = rng.int(bytes.length + 1);
    return splice(bytes, at, at, rng.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf0, 0x9f], [0xc0, 0xaf]]));
  },
  bom: (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
  crlf(bytes, rng) {
    const all = rng.chance(0.7);
    const text = bytes.toString('latin1');
    return Buffer.from(all ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\n/g, () => (rng.chance(0.3) ? '\r\n' : '\n')), 'latin1');
  },
  insertIndicator(bytes, rng) {
    const at = rng.int(bytes.length + 1);
    return splice(bytes, at, at, rng.pick(INDICATORS));
  },
  deleteRange(bytes, rng) {
    const at = rng.int(bytes.length + 1);
    return splice(bytes, at, Math.min(bytes.length, at + 1 + rng.int(40)), '');
  },
  swapLines(bytes, rng) {
    const starts = lineStarts(bytes);
    if (starts.length < 2) return bytes;
    const lines = starts.map((_, n) => bytes.subarray(...lineAt(bytes, starts, n)));
    const i = rng.int(lines.length - 1);
    [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
    return Buffer.concat(lines);
  },
  replaceValue(bytes, rng) {
    // a value kept valid YAML but of another kind: the transforms and the writer see it, not only the reader
    const text = bytes.toString('utf8');
    const values = [...text.matchAll(/: (\S[^\n#]*)/g)];
    if (!values.length) return MUTATIONS.insertIndicator(bytes, rng);
    const m = rng.pick(values);
    const start = Buffer.byteLength(text.slice(0, m.index + 2));
    return splice(bytes, start, start + Buffer.byteLength(m[1]), rng.pick(VALUES));
  },
  anchorAndAlias(bytes, rng) {
    const text = bytes.toString('utf8');
    const values = [...text.matchAll(/: (\S[^\n#]*)/g)];
    if (values.length < 2) return MUTATIONS.insertIndicator(bytes, rng);
    const i = rng.int(values.length - 1);
    const [a, b] = [values[i], values[i + 1 + rng.int(values.length - i - 1)]];
    const at = (m) => Buffer.byteLength(text.slice(0, m.index + 2));
    const withAlias = splice(bytes, at(b), at(b) + Buffer.byteLength(b[1]), '*fz');
    return splice(withAlias, at(a), at(a), '&fz ');
  },
  repeatSegment(bytes, rng) {
    const at = rng.int(bytes.length + 1);
    const segment = bytes.subarray(at, Math.min(bytes.length, at + 1 + rng.int(200)));
    return splice(bytes, at, at, Buffer.concat(Array(1 + rng.int(20)).fill(segment)));
  },
};

function mutate(bytes, rng) {
  const applied = [];
  let out = bytes;
  const count = 1 + rng.int(4);
  for (let n = 0; n < count; n++) {
    const name = rng.pick(Object.keys(MUTATIONS));
    out = MUTATIONS[name](out, rng);
    applied.push(name);
  }
  return { bytes: out, applied };
}

// ---------------------------------------------------------------------------------------------
// Command lines.

const CONFIG = `images:
- name: nginx
  newTag: "1.27"
- name: registry.k8s.io/ingress-nginx/controller
  newName: mirror.example.com/controller
patches:
- target: {kind: Deployment}
  patch: |
    - op: add
      path: /metadata/labels/fuzzed
      value: "yes"
- patch: |
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: argocd-server}
    spec: {replicas: 2}
- target: {kind: ConfigMap}
  patch: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "any"}, "data": {"fuzz": "on"}}'
`;

function commandLine(text, rng) {
  const image = /image:\s*["']?([^\s"'#]+)/.exec(text)?.[1];
  const name = image ? image.replace(/@.*$/, '').replace(/:[^:/]*$/, '') : 'nginx';
  return rng.pick([
    [],
    ['--image', `${name}=registry.example.com/fuzz:1`],
    ['--image', `${name}@sha256:${'a'.repeat(64)}`],
    ['-c', 'kset.yaml'],
    ['-c', 'kset.yaml', '--strict'],
    ['set', 'image', 'deployment,statefulset,daemonset,cronjob,job,pod', '--all', '*=busybox:1.36'],
    ['patch', 'deployment', '--all', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"x","image":"x:1"}]}}}}'],
    ['patch', 'configmap', '--all', '--type', 'merge', '-p', '{"data":{"a":null,"b":"2"}}'],
    ['patch', 'service', '--all', '--type', 'json', '-p', '[{"op":"add","path":"/metadata/labels","value":{"a":"b"}}]'],
    ['-o', 'json'],
    ['--normalize'],
    ['images'],
  ]);
}

/** Iteration `i` of `seed`: its input bytes, command line and what made them. */
export function iteration(seed, i, seeds) {
  const rng = seededRandom(iterationSeed(seed, i));
  const from = rng.pick(seeds);
  const { bytes, applied } = mutate(window(from.bytes, rng), rng);
  const args = commandLine(bytes.toString('utf8'), rng);
  const cuts = Array.from({ length: rng.int(4) }, () => rng.int(bytes.length + 1)).sort((a, b) => a - b);
  return { bytes, args, cuts, from: from.file, applied };
}

// ---------------------------------------------------------------------------------------------
// Running kset: in a worker, replaced when a run hangs or dies.

/** What is wrong with a run's result, or null when it is one kset may give. */
export function verdict(result, limitMs = TIME_LIMIT_MS) {
  if (result.timeout) return `no answer within ${3 * limitMs} ms`;
  if (result.died) return `the run died: ${result.died}`;
  if (result.ms > limitMs) return `took ${Math.round(result.ms)} ms`;
  if (result.output) return result.output;
  if (result.code === 0) return /\n\s+at |internal error/.test(result.stderr) ? `exit 0 with ${firstLine(result.stderr)}` : null;
  if (result.code !== 2) return `exit ${result.code}: ${firstLine(result.stderr)}`;
  if (!result.stderr.startsWith('kset: ')) return `exit 2 without a kset: line: ${firstLine(result.stderr)}`;
  if (/internal error/.test(firstLine(result.stderr))) return firstLine(result.stderr);
  if (/\n\s+at /.test(result.stderr)) return 'a stack trace';
  return null;
}

function firstLine(text) {
  return text.split('\n')[0].slice(0, 300);
}

/** A finding's kind, without positions and names, to count findings of one kind once. */
function signature(problem) {
  return problem
    .replace(/<stdin>:\d+:\d+/g, '<stdin>')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+ ms/, 'N ms')
    .slice(0, 160);
}

export class Runner {
  /** `limitMs`: how long one run may take before it is a finding (its timeout is three times that). */
  constructor(limitMs = TIME_LIMIT_MS) {
    this.limitMs = limitMs;
    this.cwd = mkdtempSync(path.join(tmpdir(), 'kset-fuzz-'));
    writeFileSync(path.join(this.cwd, 'kset.yaml'), CONFIG);
    this.worker = undefined;
  }

  start() {
    this.worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { cli: pathToFileURL(path.join(ROOT, 'dist', 'cli.js')).href, cwd: this.cwd },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: true,
      stderr: true,
    });
    this.worker.unref();
    this.worker.stdout.resume(); // kset writes through its Io: nothing should come here
    this.worker.stderr.resume();
  }

  /** Runs kset with `args` on `bytes` as stdin (arriving in pieces at `cuts`). */
  run(bytes, args, cuts = []) {
    if (!this.worker) this.start();
    const worker = this.worker;
    return new Promise((resolve) => {
      const done = (result) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(result);
      };
      const replace = () => {
        if (this.worker === worker) this.worker = undefined;
        worker.terminate();
      };
      const onMessage = (result) => done(result);
      const onError = (e) => (replace(), done({ died: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : String(e.message).split('\n')[0] }));
      const onExit = (code) => (replace(), done({ died: `worker exited with ${code}` }));
      // the run, then reading its output and running kset on it again: three runs' time at most
      const timer = setTimeout(() => (replace(), done({ timeout: true })), 3 * this.limitMs + 1000);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ bytes, args, cuts });
    });
  }

  close() {
    this.worker?.terminate();
    this.worker = undefined;
    rmSync(this.cwd, { recursive: true, force: true });
  }
}

/** Command lines whose output kset, run again the same way, must give back unchanged. */
const idempotent = (args) => !args.includes('-o') && args[0] !== 'images' && !(args[0] === '--image' && args[1].includes('='));

async function workerMain() {
  const { run } = await import(workerData.cli);
  const { parseAllDocuments } = await import(pathToFileURL(path.join(ROOT, 'node_modules', 'yaml', 'dist', 'index.js')).href);
  const once = async (args, text) => {
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
      cwd: workerData.cwd,
      env: {},
      stdinIsTty: false,
      stdin: async () => text,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    return { code, stdout, stderr };
  };
  parentPort.on('message', async ({ bytes, args, cuts }) => {
    const buffer = Buffer.from(bytes);
    let stdout = '';
    let stderr = '';
    const pieces = [];
    let at = 0;
    for (const cut of [...cuts, buffer.length]) {
      pieces.push(buffer.subarray(at, Math.max(at, cut)));
      at = Math.max(at, cut);
    }
    const start = performance.now();
    const code = await run(args, {
      cwd: workerData.cwd,
      env: {},
      stdinIsTty: false,
      stdin: async () => buffer.toString('utf8'),
      stdinChunks: async function* () {
        const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keeps a BOM, as the CLI's stdin does
        for (const piece of pieces) yield decoder.decode(piece, { stream: true });
        yield decoder.decode();
      },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    }).catch((e) => {
      stderr += `run() threw: ${e?.stack ?? e}`;
      return -1;
    });
    const ms = performance.now() - start;
    // what a clean run wrote: YAML that reads, and (for most command lines) a fixed point of kset
    let output;
    if (code === 0 && args[0] !== 'images' && !args.includes('-o')) {
      // without the byte order mark kubectl skips (the yaml package misreads a block sequence after one)
      const broken = parseAllDocuments(stdout.replace(/^\ufeff/, ''), { version: '1.1', uniqueKeys: true }).find?.((doc) => doc.errors.length);
      if (broken) output = `the output does not parse: ${broken.errors[0].message.split('\n')[0]}`;
      else if (idempotent(args)) {
        const again = await once(args, stdout).catch((e) => ({ code: -1, stdout: '', stderr: String(e) }));
        if (again.code !== 0 || again.stdout !== stdout)
          output = `a second run changes the output (exit ${again.code}${again.code ? ': ' + again.stderr.split('\n')[0] : ''})`;
      }
    }
    parentPort.postMessage({ code, stdout: stdout.length, stderr: stderr.slice(0, 4000), ms, output });
  });
}

// ---------------------------------------------------------------------------------------------
// The fuzzing loop.

/**
 * Runs iterations from 0 (or only `only`) until `iterations` or `minutes` run out; returns how many ran and
 * the findings, one per kind, with the first iteration that showed it.
 */
export async function fuzz({ seed = 1, iterations = Infinity, minutes = Infinity, only, save = false, log = () => {}, limitMs = TIME_LIMIT_MS } = {}) {
  const seeds = seedTexts();
  const runner = new Runner(limitMs);
  const deadline = Date.now() + minutes * 60_000;
  const findings = new Map();
  let count = 0;
  let slowest = { ms: 0 };
  try {
    for (let i = only ?? 0; only === undefined ? i < iterations && Date.now() < deadline : i === only; i++) {
      const it = iteration(seed, i, seeds);
      const result = await runner.run(it.bytes, it.args, it.cuts);
      count++;
      if (result.ms > slowest.ms) slowest = { ms: result.ms, i, from: it.from, args: it.args };
      const problem = verdict(result, limitMs);
      if (problem) {
        const kind = signature(problem);
        if (!findings.has(kind)) {
          const finding = { problem, iteration: i, seed, from: it.from, applied: it.applied, args: it.args };
          findings.set(kind, finding);
          log(`iteration ${i}: ${problem}\n  from ${it.from}, ${it.applied.join(', ')}; kset ${it.args.join(' ')}`);
          if (save) finding.saved = saveCrasher(it, problem, seed, i);
        }
      }
      if (count % 500 === 0) log(`${count} runs, ${findings.size} kinds of finding, slowest ${Math.round(slowest.ms)} ms`);
    }
  } finally {
    runner.close();
  }
  return { seed, runs: count, findings: [...findings.values()], slowest };
}

/** Writes an input and its command line to fixtures/crashers/, named by their hash. */
function saveCrasher(it, problem, seed, i) {
  mkdirSync(CRASHERS, { recursive: true });
  const id = createHash('sha256').update(it.bytes).update(JSON.stringify(it.args)).digest('hex').slice(0, 12);
  writeFileSync(path.join(CRASHERS, `${id}.input`), it.bytes);
  const meta = { args: it.args, cuts: it.cuts, found: `npm run fuzz -- --seed ${seed} --only ${i}`, problem, from: it.from, mutations: it.applied };
  writeFileSync(path.join(CRASHERS, `${id}.json`), JSON.stringify(meta, null, 2) + '\n');
  return id;
}

function parseArgs(argv) {
  const options = { seed: 1, iterations: Infinity, minutes: Infinity, save: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${flag} needs a number`);
      return v;
    };
    if (flag === '--seed') options.seed = value();
    else if (flag === '--iterations') options.iterations = value();
    else if (flag === '--minutes') options.minutes = value();
    else if (flag === '--only') options.only = value();
    else if (flag === '--save') options.save = true;
    else if (flag === '--quiet') options.quiet = true;
    else throw new Error(`unknown option ${flag} (--seed N, --iterations N, --minutes M, --only I, --save, --quiet)`);
  }
  if (options.iterations === Infinity && options.minutes === Infinity && options.only === undefined) options.iterations = 2000;
  return options;
}

if (!isMainThread && workerData?.cli) {
  await workerMain();
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`fuzz: ${e.message}`);
    process.exit(2);
  }
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
    console.error('fuzz: run `npm run build` first');
    process.exit(2);
  }
  const started = Date.now();
  const report = await fuzz({ ...options, log: options.quiet ? () => {} : (line) => console.log(line) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: seed ${report.seed}, ${report.runs} runs in ${seconds} s, slowest ${Math.round(report.slowest.ms)} ms` +
      (report.slowest.i !== undefined ? ` (iteration ${report.slowest.i}, ${report.slowest.from}, kset ${report.slowest.args.join(' ')})` : ''),
  );
  if (report.findings.length) {
    console.log(`fuzz: ${report.findings.length} kinds of finding:`);
    for (const f of report.findings)
      console.log(`  ${f.problem}\n    npm run fuzz -- --seed ${f.seed} --only ${f.iteration}${f.saved ? `  (fixtures/crashers/${f.saved})` : ''}`);
    process.exit(1);
  }
  console.log('fuzz: no findings');
}
