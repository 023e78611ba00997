import { describe, expect, it } from 'vitest';
import { seededRandom } from './fixtures.mjs';
import { runSignalled, workspace, type Moment } from './kill-helpers.js';

// SIGINT (Ctrl-C), SIGTERM (a CI timeout, docker stop) and SIGHUP never leave a folder half written: a
// signal while kset writes its temp files stops it with nothing written and no temp file left; one while
// it renames them waits until all are renamed. Either way kset exits with 128 + the signal's number.

const FILES = 120;
const RUNS = 24;
const PARALLEL = 2;
const CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

describe('kset --write stopped by SIGINT, SIGTERM or SIGHUP', () => {
  const space = workspace(FILES, 8, (text) => text.replaceAll('acme/web:1.0', 'registry.example.com/web:2.0'));
  const args = ['--write', '--image', 'acme/web=registry.example.com/web:2.0', ...space.names];
  const all = (state: 'old' | 'new') => ({ files: space.names.map(() => state), strays: [] });

  it.each([
    ['staging', 'SIGINT', 'old'],
    ['staging', 'SIGTERM', 'old'],
    ['staged', 'SIGINT', 'old'],
    ['staged', 'SIGHUP', 'old'],
    ['renaming', 'SIGINT', 'new'],
    ['renaming', 'SIGTERM', 'new'],
    ['renamed', 'SIGTERM', 'new'],
  ] as const)('at %s, %s: the folder is wholly %s, no temp file left', async (pauseAt, signal, state) => {
    const dir = space.make();
    const ended = await runSignalled(args, dir, signal, { pauseAt });
    expect(ended.code, ended.stderr).toBe(CODES[signal]);
    expect(ended.stderr).toContain(
      state === 'old' ? `kset: interrupted by ${signal}: nothing was written\n` : `kset: interrupted by ${signal}: every file was written first (${FILES})\n`,
    );
    expect(space.states(dir)).toEqual(all(state));
  });

  it('at random moments: the folder is wholly old or wholly new, no temp file left, and some signals land while it writes', async () => {
    const random = seededRandom(20261205).next;
    const started = Date.now();
    const whole = await runSignalled(args, space.make(), 'SIGINT');
    expect(whole.code, whole.stderr).toBe(0);
    const duration = Date.now() - started;
    const moment = (i: number): Moment => (i % 2 ? { afterFirstWrite: Math.floor(random() * 20) } : { after: Math.round(random() * duration * 1.2) });
    let landed = 0;
    for (let batch = 0; batch < RUNS / PARALLEL; batch++) {
      const runs = Array.from({ length: PARALLEL }, (_, i) => {
        const n = batch * PARALLEL + i;
        return { dir: space.make(), signal: (n % 4 < 2 ? 'SIGINT' : 'SIGTERM') as NodeJS.Signals, moment: moment(n) };
      });
      const ended = await Promise.all(runs.map((run) => runSignalled(args, run.dir, run.signal, run.moment)));
      for (const [i, { dir, signal, moment }] of runs.entries()) {
        const { code, signal: killedBy, stderr } = ended[i]!;
        const states = space.states(dir);
        const what = `batch ${batch}, ${signal} at ${JSON.stringify(moment)}: exit ${code ?? killedBy}, ${stderr.trim()}`;
        expect(states.strays, what).toEqual([]);
        if (stderr.includes(`interrupted by ${signal}`)) {
          landed++;
          expect(code, what).toBe(CODES[signal]);
          expect(states, what).toEqual(all(stderr.includes('nothing was written') ? 'old' : 'new'));
        } else if (killedBy) {
          // before kset began to write (the signal's own action), or after it was done
          expect(killedBy, what).toBe(signal);
          expect([all('old'), all('new')], what).toContainEqual(states);
        } else {
          expect(code, what).toBe(0);
          expect(states, what).toEqual(all('new'));
        }
      }
    }
    expect(landed, 'signals that landed while kset wrote').toBeGreaterThan(0);
  }, 180_000);
});
