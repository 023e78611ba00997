#!/usr/bin/env node
// The second half of `npm run build`, after tsc: the command line in one file, dist/bin/kset.cjs (esbuild:
// dist/cli.js and all it imports, the packages included), and V8's code cache of it, dist/bin/kset.cjs.cache,
// which bin/kset compiles it from. One file and no compiling is most of kset's start-up time saved.
//
// The cache is made by running the bundle on a small input, as bin/kset runs it: the functions that run
// compiled then are in the cache too. A Node other than this one (or other V8 flags) rejects the cache,
// and bin/kset compiles the bundle as usual.

import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMAGES_AND_PATCHES, helmStream } from './bench-data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'bin', 'kset.cjs');

/** The packages loaded on first use: every `lazyPackage('name')` of the compiled code (src/util/yaml-lib.ts). */
const LAZY_PACKAGES = lazyPackagesIn(path.join(ROOT, 'dist'));

/**
 * dist/util/loader.js in the bundle: its packages by require calls that name them, which esbuild bundles
 * (each still run on first use), in place of a `require` esbuild cannot follow; and JavaScript config files
 * by bin/kset's import() (`importModule`, an argument of the bundle: a script of node:vm cannot import()
 * without an experimental option, and with a code cache not at all).
 */
const bundledLoader = {
  name: 'bundled-loader',
  setup(esbuild) {
    const cases = LAZY_PACKAGES.map((name) => `    case ${JSON.stringify(name)}: return require(${JSON.stringify(name)});\n`).join('');
    const contents = `export function requirePackage(name) {
  switch (name) {
${cases}  }
  throw new Error(name + " is not bundled: load it with lazyPackage('" + name + "'), its name a literal");
}
export const importFile = (url) => importModule(url);
`;
    esbuild.onLoad({ filter: /[\\/]dist[\\/]util[\\/]loader\.js$/ }, () => ({ contents, loader: 'js', resolveDir: ROOT }));
  },
};

function lazyPackagesIn(dist) {
  const names = new Set();
  for (const file of readdirSync(dist, { recursive: true })) {
    if (!file.endsWith('.js')) continue;
    for (const [, name] of readFileSync(path.join(dist, file), 'utf8').matchAll(/\blazyPackage\('([^']+)'\)/g)) names.add(name);
  }
  if (!names.has('yaml')) throw new Error(`no lazyPackage('yaml') found under ${dist}: has tsc run?`);
  return [...names].sort();
}

await build({
  entryPoints: [path.join(ROOT, 'dist', 'cli.js')],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  // CommonJS has no import.meta: the bundle's own URL in its place (src/util/package-file.ts counts on it)
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [bundledLoader],
  logLevel: 'warning',
});

// ---------- the code cache ----------

/**
 * The runs the cache is made from: the command line's arguments, and a check of the output. More runs
 * make a larger cache, which every run reads: training on regex patterns too (re2js) saved 7 ms on such
 * runs and cost plain ones 2-3 ms.
 */
const TRAINING = [{ argv: ['-c', 'kset.yaml'], expect: (out) => out.includes('envoyproxy/envoy:v1.31.0') && out.includes('tier: backend') }];

const { load } = createRequire(import.meta.url)('../bin/kset');
const { cli, script } = load();
const work = mkdtempSync(path.join(os.tmpdir(), 'kset-build-'));
try {
  writeFileSync(path.join(work, 'kset.yaml'), IMAGES_AND_PATCHES);
  // a failure here is a broken bundle: the build fails
  for (const { argv, expect } of TRAINING) await train(cli, argv, work, helmStream(4), expect);
} finally {
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(`${BUNDLE}.cache`, script.createCachedData());

/** One run of the bundle's CLI with `stdin`, in memory; throws unless it succeeds with an output `expect` accepts. */
async function train(cli, argv, cwd, stdin, expect) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd,
    env: {},
    stdin: async () => Buffer.from(stdin),
    stdinChunks: async function* () {
      yield Buffer.from(stdin);
    },
    stdinIsTty: false,
    stdoutIsTty: false,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  };
  const code = await cli.run(argv, io);
  if (code !== 0 || !expect(stdout))
    throw new Error(`the bundled CLI failed on kset ${argv.join(' ')} (exit code ${code}):\n${stderr}${stdout.slice(0, 2000)}`);
}
