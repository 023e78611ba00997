import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, emptyDir } from './helpers.js';

const KSET = path.join(ROOT, 'bin/kset');
const FILES = 6;
const ITERATIONS = 40;
const PARALLEL = 2;

/** A manifest file of `n` Deployments, every one on image acme/web:1.0 (about 200 bytes each). */
function manifest(file: number, n: number): string {
  return Array.from({ length: n }, (_, i) =>
    [
      `# file ${file}, deployment ${i}`,
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: web-${file}-${i}`,
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        image: acme/web:1.0',
      '',
    ].join('\n'),
  ).join('---\n');
}

/** When to kill: `ms` after the start, or `ms` after kset creates its first temp file (it is writing then). */
type Moment = { after: number } | { afterFirstWrite: number };

/** Runs bin/kset and kills it with SIGKILL at `moment` (never, when it is undefined). */
function runKilled(args: string[], cwd: string, moment?: Moment): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(KSET, args, { cwd, stdio: 'ignore' });
    const kill = (delay: number) => setTimeout(() => child.kill('SIGKILL'), delay);
    let timer = moment && 'after' in moment ? kill(moment.after) : undefined;
    const watcher =
      moment && 'afterFirstWrite' in moment
        ? watch(cwd, (_, name) => {
            if (timer === undefined && String(name).endsWith('.kset-tmp')) timer = kill(moment.afterFirstWrite);
          })
        : undefined;
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    });
  });
}

describe('kset --write killed at random moments', () => {
  it('leaves every file wholly old or wholly new', async () => {
    const names = Array.from({ length: FILES }, (_, i) => `m${i}.yaml`);
    const old = names.map((_, i) => manifest(i, 60));
    const fresh = old.map((text) => text.replaceAll('acme/web:1.0', 'registry.example.com/web:2.0'));
    const args = ['--write', '--image', 'acme/web=registry.example.com/web:2.0', ...names];
    const workspace = () => {
      const dir = emptyDir();
      names.forEach((name, i) => writeFileSync(path.join(dir, name), old[i]));
      return dir;
    };

    // How long a whole run takes here (the slowest of a few, all running side by side as below).
    const timings = await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        const dir = workspace();
        const started = Date.now();
        await runKilled(args, dir);
        names.forEach((name, i) => expect(readFileSync(path.join(dir, name), 'utf8')).toBe(fresh[i]));
        return Date.now() - started;
      }),
    );
    const duration = Math.max(...timings);

    // Kill moments drawn from a seeded generator: half anywhere in the run (and a little past it),
    // half within 30 ms of kset's first temp file, while it writes and renames.
    const random = seeded(20260101);
    const moment = (i: number): Moment =>
      i % 2 ? { afterFirstWrite: Math.floor(random() * 30) } : { after: Math.round(random() * duration * 1.2) };
    for (let batch = 0; batch < ITERATIONS / PARALLEL; batch++) {
      const dirs = Array.from({ length: PARALLEL }, workspace);
      await Promise.all(dirs.map((dir, i) => runKilled(args, dir, moment(batch * PARALLEL + i))));
      for (const dir of dirs) {
        names.forEach((name, f) => {
          const text = readFileSync(path.join(dir, name), 'utf8');
          expect([old[f], fresh[f]], `batch ${batch}, ${name}`).toContain(text);
        });
        // a killed run may leave a temp file, never anything a later kset run would read
        for (const entry of readdirSync(dir)) expect(names.includes(entry) || /^\..*\.kset-tmp$/.test(entry), entry).toBe(true);
      }
    }
  }, 120_000); // about 40 runs of node: a few seconds on an idle machine, more under load
});

/** A small deterministic generator of numbers in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
