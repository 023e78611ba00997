import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globbySync } from 'globby';
import { describe, expect, it } from 'vitest';
import { MOCKING } from '../vitest.config.js';
import { ROOT } from './helpers.js';

describe('test projects', () => {
  it('every test that mocks or spies on a module runs isolated (the fast project shares module caches)', () => {
    const files = globbySync(['src/**/*.test.ts', 'test/**/*.test.ts'], { cwd: ROOT });
    const mocking = files.filter((file) => /\bvi\.(mock|doMock|spyOn|stubGlobal)\(/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(mocking.filter((file) => file !== 'test/test-projects.test.ts').sort()).toEqual([...MOCKING].sort());
  });
});
