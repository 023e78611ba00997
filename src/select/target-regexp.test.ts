import { describe, expect, it } from 'vitest';
import { fromGoRegExp, GoRegExpError } from './target-regexp.js';

const NAMES = ['web', 'Web', 'web-1', 'a.b', 'a-b', 'x{2}', 'ab{', 'w]', 'a@b', 'αβ', 'w_1', 'ee', 'webweb', 'a b'];

function matching(pattern: string): string[] {
  const { source, flags } = fromGoRegExp(pattern);
  const regexp = new RegExp(`^(?:${source})$`, flags);
  return NAMES.filter((name) => regexp.test(name));
}

describe('fromGoRegExp', () => {
  // [Go pattern, the names it selects as a kustomize patch target name]; each checked with kubectl kustomize
  const cases: [string, string[]][] = [
    ['[[:alpha:]]+', ['web', 'Web', 'ee', 'webweb']],
    ['[[:^alpha:]]+', ['αβ']],
    ['[^[:digit:]]+', ['web', 'Web', 'a.b', 'a-b', 'ab{', 'w]', 'a@b', 'αβ', 'ee', 'webweb', 'a b']],
    ['w[[:word:]]+', ['web', 'w_1', 'webweb']],
    ['\\pL+', ['web', 'Web', 'αβ', 'ee', 'webweb']],
    ['\\p{Greek}+', ['αβ']],
    ['\\p{^L}+', []],
    ['\\Qa.b\\E', ['a.b']],
    ['\\Aweb\\z', ['web']],
    ['(?P<n>web)', ['web']],
    ['(?<n>web)', ['web']],
    ['\\x{77}eb', ['web']],
    ['a\\-b', ['a-b']],
    ['a\\@b', ['a@b']],
    ['a\\ b', ['a b']],
    ['x\\{2\\}', ['x{2}']],
    ['ab{', ['ab{']],
    ['x{2}', []],
    ['e{2}', ['ee']],
    ['{x}', []],
    ['e{,2}', []],
    ['w]', ['w]']],
    ['[]w]+', ['w]']],
    ['[a-]+b', ['a-b']],
    ['a.b', ['a.b', 'a-b', 'a@b', 'a b']],
    ['(?i)web', ['web', 'Web']],
    ['(?s).*', NAMES],
    ['a\\sb', ['a b']],
    ['a\\Sb', ['a.b', 'a-b', 'a@b']],
    ['(web){2}', ['webweb']],
    ['web|', ['web']],
    ['\\bweb\\b', ['web']],
  ];
  it.each(cases)('%s', (pattern, names) => {
    expect(matching(pattern)).toEqual(names);
  });

  // what Go's regexp refuses (kustomize fails the build)
  it.each([
    ['(?=w)web', /invalid or unsupported Perl syntax: \(\?=/],
    ['(?!x)web', /invalid or unsupported Perl syntax: \(\?!/],
    ['(?<=a)b', /invalid or unsupported Perl syntax: \(\?<=/],
    ['w(e)\\1?b', /backreferences/],
    ['e{1001}', /invalid repeat count/],
    ['web\\', /trailing backslash/],
    ['w\\e', /invalid escape sequence: \\e/],
    ['\\C', /invalid escape sequence: \\C/],
    ['[a', /missing closing \]/],
    ['\\p{Nope}', /invalid character class range/],
  ])('refuses %s', (pattern, message) => {
    expect(() => fromGoRegExp(pattern)).toThrow(GoRegExpError);
    expect(() => fromGoRegExp(pattern)).toThrow(message);
  });

  it('takes leading flags as JavaScript flags, with u always', () => {
    expect(fromGoRegExp('(?is)a.b').flags).toBe('isu');
    expect(fromGoRegExp('web').flags).toBe('u');
    expect(() => fromGoRegExp('(?U)web')).toThrow(/not supported/);
  });
});
