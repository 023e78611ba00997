/**
 * A short run of the fuzzer (`npm run fuzz` runs longer), and the inputs it once found wrong
 * (fixtures/crashers/), each of which must now end with exit 0, or exit 2 and a `kset:` line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types
import { CRASHERS, MUTATIONS, Runner, fuzz, verdict } from '../scripts/fuzz.mjs';

const crashers = existsSync(CRASHERS) ? readdirSync(CRASHERS).filter((f: string) => f.endsWith('.json')) : [];

describe('fuzzing', () => {
  // a run is a finding when it takes over 5 s in `npm run fuzz`; here, on a machine busy with the rest of
  // the suite, only a run that takes a minute is: speed is the benchmark's business, hangs are this test's
  it('300 runs of mutated real manifests end cleanly', async () => {
    const report = await fuzz({ seed: 20261126, iterations: 300, limitMs: 60_000 });
    expect(report.runs).toBe(300);
    expect(report.findings).toEqual([]);
  });

  it('knows a bad run when it sees one', () => {
    expect(verdict({ code: 0, stderr: '', ms: 3 })).toBeNull();
    expect(verdict({ code: 2, stderr: 'kset: <stdin>:1:1: bad\n  1 | x\n', ms: 3 })).toBeNull();
    expect(verdict({ code: 1, stderr: '', ms: 3 })).toMatch(/exit 1/);
    expect(verdict({ code: 2, stderr: 'kset: internal error: x is undefined', ms: 3 })).toMatch(/internal error/);
    expect(verdict({ code: 2, stderr: 'kset: bad\n    at f (file.js:1:1)\n', ms: 3 })).toMatch(/stack trace/);
    expect(verdict({ code: 2, stderr: 'Error: bad', ms: 3 })).toMatch(/without a kset: line/);
    expect(verdict({ code: 0, stderr: '', ms: 6000 })).toMatch(/took/);
    expect(verdict({ code: 0, stderr: '', ms: 6000 }, 60_000)).toBeNull();
    expect(verdict({ timeout: true })).toMatch(/no answer/);
    expect(verdict({ code: 0, stderr: '', ms: 3, output: 'a second run changes the output' })).toMatch(/second run/);
  });

  it('has mutations that change their input', () => {
    const input = Buffer.from('a: 1\nb:\n  - c\n  - d\n');
    const rng = { next: () => 0.5, int: (n: number) => Math.floor(n / 2), pick: <T>(items: T[]) => items[0], chance: () => true };
    for (const [name, mutation] of Object.entries(MUTATIONS as Record<string, (b: Buffer, r: typeof rng) => Buffer>)) {
      expect(mutation(input, rng).equals(input), name).toBe(false);
    }
  });
});

describe.skipIf(!crashers.length)('inputs the fuzzer found (fixtures/crashers)', () => {
  it.each(crashers)('%s ends cleanly', async (name: string) => {
    const meta = JSON.parse(readFileSync(path.join(CRASHERS, name), 'utf8'));
    const bytes = readFileSync(path.join(CRASHERS, name.replace(/\.json$/, '.input')));
    const runner = new Runner(60_000);
    try {
      expect(verdict(await runner.run(bytes, meta.args, meta.cuts), 60_000)).toBeNull();
    } finally {
      runner.close();
    }
  });
});
