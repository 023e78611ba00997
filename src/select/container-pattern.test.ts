import { describe, expect, it } from 'vitest';
import { matchesContainerPattern } from './container-pattern.js';

// Each row checked with `kubectl set env --local -f F -c PATTERN A=1 --list` (v1.32).
describe('matchesContainerPattern: kubectl selectString, quirks included', () => {
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
    expect(matchesContainerPattern(name, pattern)).toBe(expected);
  });

  it('counts UTF-8 bytes, as Go does', () => {
    // "é" is two bytes: the offset of "a" (2) exceeds that of "b" after it (1); in UTF-16 units it does not
    expect(matchesContainerPattern('éab', 'a*b*')).toBe(false);
    expect(matchesContainerPattern('xab', 'a*b*')).toBe(true);
  });
});
