import { describe, expect, it } from 'vitest';
import { seededRandom } from './fixtures.mjs';
import { runSignalled, workspace, type Moment } from './kill-helpers.js';

const FILES = 24;
const ITERATIONS = 40;
const PARALLEL = 2;
const TEMP = /^\..*\.kset-tmp$/;

describe('kset --write killed (SIGKILL) at random moments', () => {
  const space = workspace(FILES, 40, (text) => text.replaceAll('acme/web:1.0', 'registry.example.com/web:2.0'));
  const args = ['--write', '--image', 'acme/web=registry.example.com/web:2.0', ...space.names];

  it('stopped at a precise moment of the write: temp files left, every file wholly old or wholly new', async () => {
    // while the temp files are written: all files old, the temp files written so far left behind
    const staging = space.make();
    expect((await runSignalled(args, staging, 'SIGKILL', { pauseAt: 'staging' })).signal).toBe('SIGKILL');
    const first = space.states(staging);
    expect(first.files).toEqual(space.names.map(() => 'old'));
    expect(first.strays.length).toBeGreaterThan(0);
    expect(
      first.strays.every((name) => TEMP.test(name)),
      first.strays.join(', '),
    ).toBe(true);

    // between two renames: the first file new, the others old, their temp files left behind
    const renaming = space.make();
    expect((await runSignalled(args, renaming, 'SIGKILL', { pauseAt: 'renaming' })).signal).toBe('SIGKILL');
    const second = space.states(renaming);
    expect(second.files).toEqual(space.names.map((_, i) => (i === 0 ? 'new' : 'old')));
    expect(second.strays.filter((name) => TEMP.test(name))).toHaveLength(FILES - 1);
  });

  it('leaves every file wholly old or wholly new, and some kills land while it writes', async () => {
    // How long a whole run takes here (the slowest of a few, all running side by side as below).
    const timings = await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        const dir = space.make();
        const started = Date.now();
        const ended = await runSignalled(args, dir, 'SIGKILL');
        expect(ended.code, ended.stderr).toBe(0);
        expect(space.states(dir)).toEqual({ files: space.names.map(() => 'new'), strays: [] });
        return Date.now() - started;
      }),
    );
    const duration = Math.max(...timings);

    // Kill moments drawn from a seeded generator: half anywhere in the run (and a little past it),
    // half within 20 ms of kset's first temp file, while it writes and renames.
    const random = seededRandom(20260101).next;
    const moment = (i: number): Moment => (i % 2 ? { afterFirstWrite: Math.floor(random() * 20) } : { after: Math.round(random() * duration * 1.2) });
    let landed = 0;
    for (let batch = 0; batch < ITERATIONS / PARALLEL; batch++) {
      const dirs = Array.from({ length: PARALLEL }, () => space.make());
      await Promise.all(dirs.map((dir, i) => runSignalled(args, dir, 'SIGKILL', moment(batch * PARALLEL + i))));
      for (const dir of dirs) {
        const { files, strays } = space.states(dir);
        expect(files.includes('other'), `batch ${batch}: ${files.join(' ')}`).toBe(false);
        // a killed run may leave temp files, never anything a later kset run would read
        expect(
          strays.every((name) => TEMP.test(name)),
          strays.join(', '),
        ).toBe(true);
        if (strays.length > 0 || (files.includes('old') && files.includes('new'))) landed++;
      }
    }
    // a run of kills that all came before or after the write would test nothing
    expect(landed, 'kills that landed while kset wrote').toBeGreaterThan(0);
  }, 180_000); // about 40 runs of node: a few seconds on an idle machine, more under load
});
