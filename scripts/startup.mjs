#!/usr/bin/env node
// Side-by-side start-up timings: each command once per round, rounds interleaved, so that a busy machine
// slows them all alike; prints each command's median wall time and its difference from the first.
//
//   node scripts/startup.mjs [--runs N] [--stdin FILE] -- 'node -e 0' 'node bin/kset --image a:b' ...
//
// Each command is split on spaces (no shell). `npm run bench` uses `interleaved` for its start-up section.

import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * `runs` rounds of the `commands` ({ argv, cwd?, stdin? (a file), status? }), each command once a round in
 * turn; the median wall seconds of each, in order.
 */
export function interleaved(commands, runs) {
  const samples = commands.map(() => []);
  for (let round = 0; round < runs; round++) {
    commands.forEach((command, i) => samples[i].push(timeOnce(command)));
  }
  return samples.map(median);
}

function timeOnce({ argv, cwd, stdin, status = 0 }) {
  const input = stdin ? openSync(stdin, 'r') : 'ignore';
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, stdio: [input, 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (typeof input === 'number') closeSync(input);
  if (result.status !== status) throw new Error(`${argv.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return seconds;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '21' }, stdin: { type: 'string' } }, allowPositionals: true });
  const argvs = positionals.map((c) => c.split(' ').map((word) => (word === 'node' ? process.execPath : word)));
  const medians = interleaved(
    argvs.map((argv) => ({ argv, stdin: values.stdin })),
    Number(values.runs),
  );
  const ms = (s) => (s * 1000).toFixed(1).padStart(7);
  positionals.forEach((c, i) => console.log(`${ms(medians[i])} ms  ${i ? `${ms(medians[i] - medians[0])} ms more  ` : ''.padEnd(19)}${c}`));
}
