import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, emptyDir } from './helpers.js';

// Runs of bin/kset --write that a signal stops, for the tests of what a stopped run leaves behind.

const KSET = path.join(ROOT, 'bin/kset');

/**
 * When to signal kset: `ms` after the start; `ms` after kset creates its first temp file (it is
 * writing then); or as soon as it says it paused at a phase of the write (KSET_TEST_PAUSE_AT).
 */
export type Moment = { after: number } | { afterFirstWrite: number } | { pauseAt: 'staging' | 'staged' | 'renaming' | 'renamed' };

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs bin/kset with `args` in `cwd` and sends it `signal` at `moment` (never, without one). */
export function runSignalled(args: string[], cwd: string, signal: NodeJS.Signals, moment?: Moment): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(moment && 'pauseAt' in moment ? { KSET_TEST_PAUSE_AT: moment.pauseAt } : {}) };
    const child = spawn(KSET, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const send = (delay: number) => setTimeout(() => child.kill(signal), delay);
    if (moment && 'after' in moment) timer = send(moment.after);
    const watcher =
      moment && 'afterFirstWrite' in moment
        ? watch(cwd, (_, name) => {
            if (timer === undefined && String(name).endsWith('.kset-tmp')) timer = send(moment.afterFirstWrite);
          })
        : undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      if (moment && 'pauseAt' in moment && timer === undefined && stderr.includes(`kset: test pause at ${moment.pauseAt}\n`)) timer = send(0);
    });
    child.on('error', reject);
    child.on('close', (code, signalled) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ code, signal: signalled, stderr });
    });
  });
}

/** A folder of manifest files: each name → its old text; `fresh` is each file's text once rewritten. */
export interface Workspace {
  names: string[];
  old: string[];
  fresh: string[];
  make(): string;
  /** Each file's state in `dir`: 'old', 'new' or 'other', and the names that are none of the files. */
  states(dir: string): { files: ('old' | 'new' | 'other')[]; strays: string[] };
}

export function workspace(files: number, documents: number, rewrite: (text: string) => string): Workspace {
  const names = Array.from({ length: files }, (_, i) => `m${String(i).padStart(4, '0')}.yaml`);
  const old = names.map((_, i) => manifest(i, documents));
  const fresh = old.map(rewrite);
  return {
    names,
    old,
    fresh,
    make() {
      const dir = emptyDir();
      names.forEach((name, i) => writeFileSync(path.join(dir, name), old[i]!));
      return dir;
    },
    states(dir) {
      const files = names.map((name, i) => {
        const text = readFileSync(path.join(dir, name), 'utf8');
        return text === old[i] ? 'old' : text === fresh[i] ? 'new' : 'other';
      });
      return { files, strays: readdirSync(dir).filter((entry) => !names.includes(entry)) };
    },
  };
}

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
