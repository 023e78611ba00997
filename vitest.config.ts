import { defineConfig } from 'vitest/config';

/**
 * The tests that start processes (kset, helm, pre-commit, git), fuzz, or run over the whole real corpus:
 * minutes on a 2-core machine. A new such test is named *.slow.test.ts.
 */
const SLOW = [
  'test/write-kill.test.ts',
  'test/fuzz.test.ts',
  'test/helm.test.ts',
  'test/hostile.test.ts',
  'test/precommit.test.ts',
  'test/corpus.test.ts',
  'test/write-corpus.test.ts',
  '**/*.slow.test.ts',
];

/** Tests that replace modules (vi.mock) or spy on them: they run isolated. */
export const MOCKING = ['test/read-back.test.ts', 'src/write/diff.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // `npm test` runs both projects; `npm run test:fast` the fast one alone
    projects: [
      // test:fast runs this project with --no-isolate (shared module caches halve it); tests that mock modules need fresh ones
      { extends: true, test: { name: 'fast', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...SLOW, ...MOCKING] } },
      { extends: true, test: { name: 'fast-mocking', include: MOCKING } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
