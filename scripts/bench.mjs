#!/usr/bin/env node
// `npm run bench`: whole-process timings of kset against two baselines on the same inputs: the `yaml`
// package parsing and re-printing the stream, and `kubectl kustomize` with the equivalent kustomization
// (when kubectl is installed, for the sizes it finishes in a minute). Not a test: it prints a table, checks
// the targets of SPEC.md §8 and writes the figures to bench/results.json. Run `npm run build` first.
//
//   node scripts/bench.mjs [--runs N] [--sizes 1000,10000,50000] [--only NAME,...] [--no-kustomize] [--no-yaml]
//
// A run of some workloads (--only) or sizes (--sizes) updates their rows in bench/results.json and keeps
// the others, listing itself under `updates`. The start-up section (--only start-up) times small runs
// side by side: node -e 0, and kset and kustomize on 1 to 500 documents.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IMAGES_AND_PATCHES as PATCHES, NEW_TAG, SIDECAR_IMAGE, helmStream } from './bench-data.mjs';
import { interleaved, median } from './startup.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KSET = path.join(ROOT, 'bin', 'kset');
const REAL = path.resolve(ROOT, '..', 'shared', 'corpus', 'real');
const KUSTOMIZE_LIMIT_S = 60;
const MB = 1e6;

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1000,10000,50000' },
    only: { type: 'string' },
    'no-kustomize': { type: 'boolean' },
    'no-yaml': { type: 'boolean' },
  },
});
const RUNS = Number(flags.runs);
const SIZES = flags.sizes.split(',').map(Number);
const PARTIAL = flags.only !== undefined || process.argv.some((arg) => arg === '--sizes' || arg.startsWith('--sizes='));

const IMAGES = `images:\n  - name: ${SIDECAR_IMAGE}\n    newTag: ${NEW_TAG}\n`;

/**
 * `(a+)+b` as a patch target name and an image name, against a resource and an image named with 5,000
 * a's: a backtracking engine takes about 2^n steps on it (seconds at 28 characters), RE2 one pass.
 */
const CATASTROPHIC = `images:
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
const LONG_NAME = 'a'.repeat(5000);
const REAL_IMAGE = { name: 'quay.io/argoproj/argocd', newTag: 'v3.5.2' };

/**
 * The workloads: each names its kset arguments, the config file it needs (written beside the input) and the
 * kustomization body that does the same (null when kustomize cannot take the input).
 */
const ALL_WORKLOADS = [
  {
    name: 'images',
    sizes: SIZES,
    input: (n) => helmStream(n),
    args: ['--image', `${SIDECAR_IMAGE}:${NEW_TAG}`],
    kustomization: IMAGES,
    expect: (out, n) => count(out, `${SIDECAR_IMAGE}:${NEW_TAG}`) === Math.ceil(n / 2),
  },
  {
    name: 'images+patches',
    sizes: SIZES,
    input: (n) => helmStream(n),
    config: PATCHES,
    args: ['-c', 'kset.yaml'],
    kustomization: PATCHES,
    expect: (out, n) => count(out, `${SIDECAR_IMAGE}:${NEW_TAG}`) === Math.ceil(n / 2) && count(out, 'tier: backend') === Math.floor(n / 2),
  },
  {
    name: 'pass-through',
    sizes: SIZES,
    input: (n) => helmStream(n),
    config: '{}\n',
    args: ['-c', 'kset.yaml'],
    kustomization: '',
    expect: (out, n, input) => out === input,
  },
  // set env on every workload of the stream (the Services pass), within the time of set image (editingVerbs, below)
  {
    // as much work as set image: one value a Deployment (every app container has LOG_LEVEL)
    name: 'set env',
    sizes: [10000],
    input: (n) => helmStream(n),
    args: ['set', 'env', '--all', '-c', 'app', 'LOG_LEVEL=debug'],
    kustomization: null,
    expect: (out, n) => count(out, 'value: debug') === Math.ceil(n / 2),
  },
  {
    // six new variables a Deployment (two in each of its three containers): more to write
    name: 'set env new vars',
    sizes: [10000],
    input: (n) => helmStream(n),
    args: ['set', 'env', '--all', 'FEATURE_X=on', 'TIER=backend'],
    kustomization: null,
    expect: (out, n) => count(out, '- name: FEATURE_X') === 3 * Math.ceil(n / 2),
  },
  {
    name: 'real corpus',
    sizes: [null],
    input: () => realCorpus(),
    args: ['--image', `${REAL_IMAGE.name}:${REAL_IMAGE.newTag}`],
    kustomization: `images:\n  - name: ${REAL_IMAGE.name}\n    newTag: ${REAL_IMAGE.newTag}\n`,
    // kustomize refuses a stream that repeats a resource (two files ship the same CRDs): it gets each once
    kustomizeInput: (input) => firstOfEachId(input),
    expect: (out, n, input) => count(out, `${REAL_IMAGE.name}:${REAL_IMAGE.newTag}`) === count(input, `${REAL_IMAGE.name}:v3.5.1`),
  },
  // one 40 MB document (the shape of `kubectl get ... -o yaml | kset`), from stdin and from a file: stdin
  // arrives in 64 KB pieces, which must cost no more than the whole text at once
  {
    name: 'big document stdin',
    sizes: [null],
    input: () => bigDocument(),
    config: '{}\n',
    args: ['-c', 'kset.yaml'],
    kustomization: null,
    yamlTarget: false,
    expect: (out, n, input) => out === input,
  },
  {
    name: 'big document file',
    sizes: [null],
    input: () => bigDocument(),
    config: '{}\n',
    args: ['-c', 'kset.yaml', 'input.yaml'],
    kustomization: null,
    yamlTarget: false,
    expect: (out, n, input) => out === input,
  },
  // kubectl's editing verbs on the 10,000-document stream, each within set image's time (a target below)
  ...editingVerbs(),
  {
    name: 'catastrophic pattern',
    label: 'catastrophic pattern: (a+)+b vs 5,000-char name',
    sizes: [1],
    input: () => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${LONG_NAME}\nspec:\n  containers:\n  - name: app\n    image: ${LONG_NAME}\n`,
    config: CATASTROPHIC,
    args: ['-c', 'kset.yaml'],
    kustomization: CATASTROPHIC,
    expect: (out, n, input) => out === input,
    yamlTarget: false, // one small document: the row is about the pattern, not the stream
  },
  {
    // the diff of a stream whose every document changed (the diff package alone is quadratic in that)
    name: 'check',
    label: 'check: --check, every document changed',
    sizes: [2000, 16000],
    input: (n) => helmStream(n),
    config: PATCHES,
    args: ['--check', '-c', 'kset.yaml'],
    status: 1, // --check exits 1 when files would change
    kustomization: null,
    expect: (out, n) =>
      out.startsWith('--- <stdin>\n') &&
      count(out, '\n+    tier: backend') === Math.floor(n / 2) &&
      count(out, `${SIDECAR_IMAGE}:${NEW_TAG}`) === Math.ceil(n / 2),
    yamlTarget: false, // the baseline does not diff: the row is about the diff
  },
];
const WORKLOADS = ALL_WORKLOADS.filter((w) => !flags.only || flags.only.split(',').includes(w.name));
const STARTUP = !flags.only || flags.only.split(',').includes('start-up');
const STARTUP_SIZES = [1, 20, 100, 500];
const STARTUP_RUNS = 21;

/**
 * `kset set image` and the other editing verbs on every object of the stream (`--local`): half the
 * documents are Deployments, half Services. The stream has no RoleBindings: set subject passes it all.
 */
function editingVerbs() {
  const verb = (name, args, expect) => ({ name, sizes: [10000], input: (n) => helmStream(n), args, kustomization: null, expect });
  const deployments = (n) => Math.ceil(n / 2);
  return [
    verb(
      'set image',
      ['set', 'image', '--local', `proxy=${SIDECAR_IMAGE}:${NEW_TAG}`],
      (out, n) => count(out, `${SIDECAR_IMAGE}:${NEW_TAG}`) === deployments(n),
    ),
    verb('set resources', ['set', 'resources', '--local', '-c', 'proxy', '--limits=memory=0.25Gi'], (out, n) => count(out, 'memory: 256Mi') >= deployments(n)),
    verb('set serviceaccount', ['set', 'serviceaccount', '--local', 'robot'], (out, n) => count(out, 'serviceAccountName: robot') === deployments(n)),
    verb('set selector', ['set', 'selector', '--local', 'app=web,tier=api'], (out, n) => count(out, 'tier: api') === n - deployments(n)),
    verb('set subject', ['set', 'subject', '--local', '--user=bob'], (out, n, input) => out === input),
    verb('label', ['label', '--local', 'team=shop'], (out, n) => count(out, 'team: shop') === n),
    verb('annotate', ['annotate', '--local', 'owner=team-a'], (out, n) => count(out, 'owner: team-a') === n),
  ];
}

// ---------- measuring ----------

const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
const hasTimeout = spawnSync('timeout', ['1', 'true'], { stdio: 'ignore' }).status === 0;
const hasKubectl = !flags['no-kustomize'] && spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

/** One whole-process run: stdin from `inputFile`, stdout to `outFile` (or discarded). Wall seconds and peak RSS. */
function runOnce(command, args, { cwd, scratch, inputFile, outFile, timeoutS, status = 0 }) {
  const rssFile = path.join(scratch, '.rss');
  // a timed-out command is killed by `timeout` under /usr/bin/time: killing /usr/bin/time alone left it
  // running, and it slowed every measurement after it
  const limited = timeoutS && hasTimeout ? ['timeout', '-s', 'KILL', String(timeoutS), command, ...args] : [command, ...args];
  const argv = hasTime ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...limited] : limited;
  const stdin = openSync(inputFile, 'r');
  const stdout = outFile ? openSync(outFile, 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, stdio: [stdin, stdout, 'pipe'], timeout: timeoutS ? (timeoutS + 5) * 1000 : undefined });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(stdin);
  if (typeof stdout === 'number') closeSync(stdout);
  if (result.error?.code === 'ETIMEDOUT' || result.signal || (timeoutS && result.status === 137)) return { timedOut: true, seconds };
  if (result.status !== status) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  const rssKb = hasTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: (rssKb * 1024) / MB };
}

/** The median wall time of `runs` runs (the first checked by `check` on its output) and the largest peak RSS. */
function measure(command, args, { cwd, scratch = cwd, inputFile, runs, check, timeoutS, status }) {
  const outFile = path.join(scratch, '.out');
  const first = runOnce(command, args, { cwd, scratch, inputFile, outFile, timeoutS, status });
  if (first.timedOut) return { timedOut: true, seconds: first.seconds };
  if (check && !check(readFileSync(outFile, 'utf8'))) throw new Error(`${command} ${args.join(' ')}: unexpected output (see ${outFile})`);
  const samples = [first];
  // a slow command (kustomize) is not repeated as often
  const more = first.seconds > 10 ? 0 : first.seconds > 3 ? Math.min(2, runs - 1) : runs - 1;
  for (let i = 0; i < more; i++) samples.push(runOnce(command, args, { cwd, scratch, inputFile, timeoutS, status }));
  return { seconds: median(samples.map((s) => s.seconds)), rssMb: Math.max(...samples.map((s) => s.rssMb)), runs: samples.length };
}

/** The `yaml` package alone: parse the stream from stdin and print it again (the project's own copy). */
const YAML_BASELINE = [
  '-e',
  "const Y = require('yaml'); let s = ''; process.stdin.setEncoding('utf8');" +
    "process.stdin.on('data', (c) => (s += c)).on('end', () => process.stdout.write(Y.parseAllDocuments(s).map(String).join('')));",
];

// ---------- inputs ----------

function realCorpus() {
  const files = readdirSync(REAL)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files
    .map((f) => readFileSync(path.join(REAL, f), 'utf8'))
    .map((t) => (t.startsWith('---') ? t : '---\n' + t))
    .join('');
}

function bigDocument() {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: ${'x'.repeat(40 * MB)}\n`;
}

/** The stream with each group/kind/name kept once (the first), for kustomize. */
function firstOfEachId(text) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const { parseAllDocuments } = require('yaml');
  const seen = new Set();
  return parseAllDocuments(text, { version: '1.1' })
    .filter((doc) => {
      const v = doc.toJS();
      if (!v || typeof v !== 'object') return false;
      // kustomize ignores the namespace of cluster-scoped kinds, and the corpus sets it on some: ids without it
      const id = JSON.stringify([String(v.apiVersion).split('/')[0], v.kind, v.metadata?.name]);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .map((doc) => '---\n' + String(doc))
    .join('');
}

function count(text, word) {
  let n = 0;
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

function documents(text) {
  return count('\n' + text, '\n---') || 1;
}

// ---------- the run ----------

const work = mkdtempSync(path.join(os.tmpdir(), 'kset-bench-'));
const rows = [];
let startup;

try {
  for (const workload of WORKLOADS) {
    let kustomizeTooSlowFrom = Infinity; // the size from which kustomize would not finish in a minute
    for (const size of workload.sizes) {
      const dir = path.join(work, `${workload.name.replace(/\W+/g, '-')}-${size ?? 'all'}`);
      mkdirSync(dir);
      const input = workload.input(size);
      const inputFile = path.join(dir, 'input.yaml');
      writeFileSync(inputFile, input);
      if (workload.config) writeFileSync(path.join(dir, 'kset.yaml'), workload.config);
      const docs = size ?? documents(input);
      const mb = Buffer.byteLength(input) / MB;
      const label = `${workload.name} ${docs}`;
      process.stderr.write(`${label}: kset`);
      const check = (out) => workload.expect(out, docs, input);
      const kset = measure(process.execPath, [KSET, ...workload.args], { cwd: dir, inputFile, runs: RUNS, check, status: workload.status });
      process.stderr.write(` ${kset.seconds.toFixed(3)}s, yaml`);
      const yaml = flags['no-yaml'] ? null : measure(process.execPath, YAML_BASELINE, { cwd: ROOT, scratch: dir, inputFile, runs: RUNS });
      process.stderr.write(yaml ? ` ${yaml.seconds.toFixed(3)}s` : ' skipped');
      let kustomize = null;
      if (hasKubectl && workload.kustomization !== null && docs < kustomizeTooSlowFrom) {
        kustomize = runKustomize(dir, workload.kustomization, inputFile, workload.kustomizeInput);
        // kustomize grows faster than linearly: 10× the documents take more than 10× its time
        if (kustomize.timedOut) kustomizeTooSlowFrom = docs;
        else if (kustomize.seconds * 10 > KUSTOMIZE_LIMIT_S) kustomizeTooSlowFrom = docs * 10;
        process.stderr.write(`, kustomize ${kustomize.error ? 'error' : kustomize.timedOut ? 'timeout' : kustomize.seconds.toFixed(3) + 's'}`);
      } else if (hasKubectl && workload.kustomization !== null) {
        kustomize = { skipped: `more than ${KUSTOMIZE_LIMIT_S} s (${kustomizeTooSlowFrom} documents did not finish or would not)` };
      }
      process.stderr.write('\n');
      rows.push({
        workload: workload.label ?? workload.name,
        documents: docs,
        mb: round(mb, 2),
        kset: { seconds: round(kset.seconds, 3), mbPerS: round(mb / kset.seconds, 1), rssMb: round(kset.rssMb, 1), runs: kset.runs },
        yaml: yaml && { seconds: round(yaml.seconds, 3), rssMb: round(yaml.rssMb, 1), runs: yaml.runs },
        kustomize,
        ratios: {
          yamlOverKset: yaml && round(yaml.seconds / kset.seconds, 2),
          kustomizeOverKset: kustomize?.seconds !== undefined ? round(kustomize.seconds / kset.seconds, 1) : null,
          // kustomize took more than a minute: at least this many times kset's time
          kustomizeOverKsetAtLeast: kustomize?.timedOut || kustomize?.skipped ? round(KUSTOMIZE_LIMIT_S / kset.seconds, 0) : null,
        },
      });
    }
  }
  if (STARTUP) startup = measureStartup();
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * The start-up section: `node -e 0`, and kset and `kubectl kustomize` with the images+patches config on
 * 1 to 500 documents, all once a round, `STARTUP_RUNS` rounds in turn, so that a busy machine slows them
 * alike. kset's own share is its median minus node -e 0's.
 */
function measureStartup() {
  const workload = ALL_WORKLOADS.find((w) => w.name === 'images+patches');
  const commands = [{ argv: [process.execPath, '-e', '0'] }];
  for (const size of STARTUP_SIZES) {
    const dir = path.join(work, `start-up-${size}`);
    mkdirSync(dir);
    const input = workload.input(size);
    const inputFile = path.join(dir, 'input.yaml');
    writeFileSync(inputFile, input);
    writeFileSync(path.join(dir, 'kset.yaml'), workload.config);
    const args = [KSET, ...workload.args];
    measure(process.execPath, args, { cwd: dir, inputFile, runs: 1, check: (out) => workload.expect(out, size, input) });
    commands.push({ argv: [process.execPath, ...args], cwd: dir, stdin: inputFile });
    if (hasKubectl) {
      const kdir = path.join(dir, 'kustomize');
      mkdirSync(kdir);
      writeFileSync(path.join(kdir, 'input.yaml'), input);
      writeFileSync(path.join(kdir, 'kustomization.yaml'), `resources:\n  - input.yaml\n${workload.kustomization}`);
      commands.push({ argv: ['kubectl', 'kustomize', '.'], cwd: kdir });
    }
  }
  process.stderr.write(`start-up: ${commands.length} commands, ${STARTUP_RUNS} rounds\n`);
  const [node, ...medians] = interleaved(commands, STARTUP_RUNS);
  const step = hasKubectl ? 2 : 1;
  return {
    workload: workload.name,
    runs: STARTUP_RUNS,
    codeCache: codeCacheState(),
    node: { seconds: round(node, 4) },
    rows: STARTUP_SIZES.map((documents, i) => {
      const [kset, kustomize] = medians.slice(i * step, i * step + step);
      return {
        documents,
        kset: { seconds: round(kset, 4), ownSeconds: round(kset - node, 4) },
        kustomize: kustomize === undefined ? null : { seconds: round(kustomize, 4) },
        ratios: { kustomizeOverKset: kustomize === undefined ? null : round(kustomize / kset, 2) },
      };
    }),
  };
}

/** Whether this Node accepts bin/kset's code cache (`npm run build` makes it): without it start-up is slower. */
function codeCacheState() {
  const probe = `const { readFileSync } = require('node:fs'); const cache = readFileSync(${JSON.stringify(path.join(ROOT, 'dist', 'bin', 'kset.cjs.cache'))});
process.stdout.write(require(${JSON.stringify(KSET)}).load(cache).script.cachedDataRejected ? 'rejected' : 'accepted');`;
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : 'missing';
}

/** `kubectl kustomize` on a folder whose kustomization takes the input as its one resource. */
function runKustomize(dir, body, inputFile, prepare = (input) => input) {
  const kdir = path.join(dir, 'kustomize');
  mkdirSync(kdir);
  writeFileSync(path.join(kdir, 'input.yaml'), prepare(readFileSync(inputFile, 'utf8')));
  writeFileSync(path.join(kdir, 'kustomization.yaml'), `resources:\n  - input.yaml\n${body}`);
  try {
    const result = measure('kubectl', ['kustomize', '.'], { cwd: kdir, inputFile, runs: 3, timeoutS: KUSTOMIZE_LIMIT_S });
    return result.timedOut
      ? { timedOut: true, limitS: KUSTOMIZE_LIMIT_S }
      : { seconds: round(result.seconds, 3), rssMb: round(result.rssMb, 1), runs: result.runs };
  } catch (e) {
    const message =
      /err="(.*?)(?:': must build|"$)/m.exec(e.message)?.[1] ??
      e.message
        .split('\n')
        .find((line) => /error/i.test(line))
        ?.trim();
    return { error: message ?? 'failed' };
  }
}

function round(x, digits) {
  return Number.isFinite(x) ? Number(x.toFixed(digits)) : null;
}

// ---------- targets (SPEC.md §8) ----------

/** The targets the rows and the start-up section meet or miss. */
function targetsOf(rows, startup) {
  const targets = [];
  const find = (name, docs) => rows.find((r) => r.workload === name && r.documents === docs);
  for (const name of new Set(rows.map((r) => r.workload))) {
    const sized = rows.filter((r) => r.workload === name).sort((a, b) => a.documents - b.documents);
    for (let i = 1; i < sized.length; i++) {
      const [small, large] = [sized[i - 1], sized[i]];
      const docsRatio = large.documents / small.documents;
      const timeRatio = large.kset.seconds / small.kset.seconds;
      targets.push({
        target: `linear: ${name} ${small.documents} → ${large.documents} (${docsRatio}× documents) costs ≤ ${round(docsRatio * 1.2, 1)}× the time`,
        value: `${round(timeRatio, 2)}×`,
        met: timeRatio <= docsRatio * 1.2,
      });
    }
    if (ALL_WORKLOADS.find((w) => (w.label ?? w.name) === name)?.yamlTarget === false) continue;
    for (const row of sized.filter((r) => r.yaml)) {
      targets.push({
        target: `faster than the yaml baseline: ${name} ${row.documents}`,
        value: `${row.ratios.yamlOverKset}× faster`,
        met: row.kset.seconds < row.yaml.seconds,
      });
    }
  }
  const patches10k = find('images+patches', 10000);
  if (patches10k) targets.push({ target: 'images+patches 10000 under 2 s', value: `${patches10k.kset.seconds} s`, met: patches10k.kset.seconds < 2 });
  const catastrophic = rows.find((r) => r.workload.startsWith('catastrophic pattern'));
  if (catastrophic) {
    targets.push({
      target: `${catastrophic.workload} under 1 s`,
      value: `${round(catastrophic.kset.seconds * 1000, 0)} ms`,
      met: catastrophic.kset.seconds < 1,
    });
  }
  if (startup) {
    const ms = (seconds) => `${round(seconds * 1000, 1)} ms`;
    const one = startup.rows.find((r) => r.documents === 1);
    targets.push({
      target: "start-up: kset's own share of a one-document run (its time minus node -e 0's) at most 40 ms",
      value: `${ms(one.kset.ownSeconds)} (kset ${ms(one.kset.seconds)}, node -e 0 ${ms(startup.node.seconds)})`,
      met: one.kset.ownSeconds <= 0.04,
    });
    for (const row of startup.rows.filter((r) => r.kustomize)) {
      targets.push({
        target: `start-up: faster than kustomize on ${row.documents} document${row.documents > 1 ? 's' : ''} (images+patches)`,
        value: `kset ${ms(row.kset.seconds)}, kustomize ${ms(row.kustomize.seconds)}`,
        met: row.kset.seconds < row.kustomize.seconds,
      });
    }
    targets.push({ target: "start-up: this Node accepts bin/kset's code cache", value: startup.codeCache, met: startup.codeCache === 'accepted' });
  }
  for (const row of rows.filter((r) => r.workload === 'images+patches' && r.kustomize && !r.kustomize.error)) {
    targets.push({
      target: `faster than kustomize: images+patches ${row.documents}`,
      value: row.kustomize.seconds !== undefined ? `${row.ratios.kustomizeOverKset}×` : `kustomize over ${KUSTOMIZE_LIMIT_S} s`,
      met: row.kustomize.seconds === undefined || row.kustomize.seconds > row.kset.seconds,
    });
  }
  const [bigStdin, bigFile] = [find('big document stdin', 1), find('big document file', 1)];
  if (bigStdin && bigFile) {
    const ratio = bigStdin.kset.seconds / bigFile.kset.seconds;
    targets.push({ target: 'a 40 MB document from stdin costs at most twice the time it costs from a file', value: `${round(ratio, 2)}×`, met: ratio <= 2 });
  }
  const setImage10k = find('set image', 10000);
  const verbs = [
    'set env',
    ...editingVerbs()
      .map((v) => v.name)
      .filter((name) => name !== 'set image'),
  ];
  for (const row of setImage10k ? rows.filter((r) => r.documents === 10000 && verbs.includes(r.workload)) : []) {
    // within set image's time, give or take the 10 % two runs of one command differ by here
    targets.push({
      target: `${row.workload} 10000 within set image's time (${setImage10k.kset.seconds} s, +10 %)`,
      value: `${row.kset.seconds} s`,
      met: row.kset.seconds <= setImage10k.kset.seconds * 1.1,
    });
  }
  for (const row of rows.filter((r) => r.documents === 50000)) {
    const limit = 4 * row.mb + 80;
    targets.push({
      target: `memory: ${row.workload} 50000 under 4 × ${row.mb} MB + 80 MB = ${round(limit, 0)} MB`,
      value: `${row.kset.rssMb} MB`,
      met: row.kset.rssMb < limit,
    });
  }
  return targets;
}

const targets = targetsOf(rows, startup);

// ---------- report ----------

const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` };
const header = ['workload', 'docs', 'MB', 'kset s', 'MB/s', 'RSS MB', 'yaml s', 'yaml/kset', 'kustomize s', 'kustomize/kset'];
const table = rows.map((r) => [
  r.workload,
  String(r.documents),
  r.mb.toFixed(2),
  r.kset.seconds.toFixed(3),
  r.kset.mbPerS.toFixed(1),
  r.kset.rssMb.toFixed(0),
  r.yaml ? r.yaml.seconds.toFixed(3) : '–',
  r.yaml ? `${r.ratios.yamlOverKset.toFixed(2)}×` : '–',
  r.kustomize === null
    ? '–'
    : r.kustomize.error
      ? 'fails'
      : r.kustomize.timedOut || r.kustomize.skipped
        ? `> ${KUSTOMIZE_LIMIT_S}`
        : r.kustomize.seconds.toFixed(2),
  r.ratios.kustomizeOverKset !== null
    ? `${r.ratios.kustomizeOverKset}×`
    : r.ratios.kustomizeOverKsetAtLeast !== null
      ? `> ${r.ratios.kustomizeOverKsetAtLeast}×`
      : '–',
]);
console.log(`kset benchmark: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; median of ${RUNS} runs (wall, whole process)\n`);
if (rows.length) console.log(markdownTable(header, table) + '\n');
if (startup) {
  const ms = (seconds) => (seconds * 1000).toFixed(1);
  const startupHeader = ['start-up', 'docs', 'kset ms', 'kset − node ms', 'kustomize ms', 'kustomize/kset'];
  const startupTable = [
    ['node -e 0', '–', ms(startup.node.seconds), '–', '–', '–'],
    ...startup.rows.map((r) => [
      startup.workload,
      String(r.documents),
      ms(r.kset.seconds),
      ms(r.kset.ownSeconds),
      r.kustomize ? ms(r.kustomize.seconds) : '–',
      r.kustomize ? `${r.ratios.kustomizeOverKset.toFixed(2)}×` : '–',
    ]),
  ];
  console.log(`Start-up: medians of ${startup.runs} interleaved rounds; code cache ${startup.codeCache}\n`);
  console.log(markdownTable(startupHeader, startupTable));
  console.log('');
}
for (const t of targets) console.log(`${t.met ? 'met    ' : 'MISSED '} ${t.target}: ${t.value}`);
const notes = rows.filter((r) => r.kustomize?.error).map((r) => `kustomize fails on ${r.workload}: ${r.kustomize.error}`);
for (const note of notes) console.log(`note: ${note}`);

const command = `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;
const resultsFile = path.join(ROOT, 'bench', 'results.json');
mkdirSync(path.dirname(resultsFile), { recursive: true });
writeFileSync(
  resultsFile,
  JSON.stringify(PARTIAL ? updatedResults(readResults(), command) : { command, machine, runs: RUNS, rows, startup, targets }, null, 2) + '\n',
);
process.exitCode = targets.every((t) => t.met) ? 0 : 1;

/** The results of the last run, or undefined when there are none. */
function readResults() {
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * A partial run's rows in place of the same workload and size in `previous`, the other rows kept (and its
 * start-up section, if it ran one); the targets of them all.
 */
function updatedResults(previous, command) {
  if (!previous) return { command, machine, runs: RUNS, rows, startup, targets };
  const key = (row) => `${row.workload}\n${row.documents}`;
  const fresh = new Map(rows.map((row) => [key(row), row]));
  const merged = previous.rows.map((row) => fresh.get(key(row)) ?? row);
  const known = new Set(previous.rows.map(key));
  merged.push(...rows.filter((row) => !known.has(key(row))));
  const update = {
    command,
    date: new Date().toISOString().slice(0, 10),
    machine,
    runs: RUNS,
    rows: [...rows.map((row) => `${row.workload} ${row.documents}`), ...(startup ? ['start-up'] : [])],
  };
  const latestStartup = startup ?? previous.startup;
  return { ...previous, rows: merged, startup: latestStartup, targets: targetsOf(merged, latestStartup), updates: [...(previous.updates ?? []), update] };
}

function markdownTable(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`;
  return [line(head), rule, ...body.map(line)].join('\n');
}
