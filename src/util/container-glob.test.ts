import { describe, expect, it } from 'vitest';
import { containerMatches } from './container-glob.js';

// Every expected result was checked with kubectl v1.32 set resources --local -c PATTERN.
describe('containerMatches: kubectl set -c patterns', () => {
  const cases: [string, string, boolean][] = [
    ['app', '*', true],
    ['', '*', true],
    ['app', 'app', true],
    ['app', 'ap', false],
    ['app-1', 'app*', true],
    // kubectl checks the first part's position before it moves there: a leading part may start anywhere
    ['my-app', 'app*', true],
    ['my-app', '*app', true],
    ['my-app-1', '*app*', true],
    ['sidecar', 's*r', true],
    ['sidecar', 's*x', false],
    ['ab', 'a**b', true],
    // kubectl's matcher compares an index in the rest of the name with a position in the whole name
    ['axbxc', 'a*b*c', false],
    ['abc', 'a*b*c', false],
    ['aXa', 'a*a', false],
    ['xyab', 'xy*ab', true],
    ['xab', 'x*a*b', false],
    // the last part must end the name, where the index is taken in the rest of it
    ['abab', '*ab', false],
    ['ab', '*ab', true],
    ['ééa', '*a', true],
  ];
  it.each(cases)('%j against %j: %s', (name, pattern, expected) => {
    expect(containerMatches(name, pattern)).toBe(expected);
  });
});
