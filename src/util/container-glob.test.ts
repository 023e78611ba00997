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

// Each row checked with `kubectl set env --local -f F -c PATTERN A=1 --list` (v1.32).
describe('containerMatches: the rows kubectl set env --list showed', () => {
  const rows: [string, string, boolean][] = [
    ['app', '*', true],
    ['app', 'app', true],
    ['app', 'ap', false],
    ['proxy', 'pro*', true],
    // the first part need not start the name
    ['xproxy', 'pro*', true],
    ['migrate', 'm*e', true],
    ['app', '*x*', false],
    ['xproxy', '*x*', true],
    // the last part is found at its first occurrence, which must end the name
    ['app', 'a*p', false],
    ['migrate', '*ra*e', false],
    ['migrate', '*ate', true],
    ['sidecar', '*car', true],
    ['sidecar', 'side*', true],
    ['sidecar', 'x*', false],
    ['a', '**', true],
  ];
  it.each(rows)('%j against %j: %s', (name, pattern, expected) => {
    expect(containerMatches(name, pattern)).toBe(expected);
  });

  it('counts UTF-8 bytes, as Go does', () => {
    // "é" is two bytes: the offset of "a" (2) exceeds that of "b" after it (1); in UTF-16 units it does not
    expect(containerMatches('éab', 'a*b*')).toBe(false);
    expect(containerMatches('xab', 'a*b*')).toBe(true);
  });
});
