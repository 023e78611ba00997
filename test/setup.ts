import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

// Run before each test file: the temp folders its tests made go when its tests are done.
afterAll(removeTempDirs);
