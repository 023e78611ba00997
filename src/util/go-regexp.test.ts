import { describe, expect, it } from 'vitest';
import { compileGoRegExp, GoRegExpError, isGoLiteral } from './go-regexp.js';

const NAMES = ['web', 'Web', 'web-1', 'a.b', 'a-b', 'x{2}', 'ab{', 'w]', 'a@b', 'αβ', 'w_1', 'ee', 'webweb', 'a b'];

/** The names a pattern selects as a kustomize patch target name (anchored as kustomize anchors it). */
function matching(pattern: string): string[] {
  const regexp = compileGoRegExp(`^(?:${pattern})$`);
  return NAMES.filter((name) => regexp.test(name));
}

describe('compileGoRegExp: Go syntax', () => {
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
    // flags anywhere, and (?U) (ungreedy), as Go takes them
    ['w(?i)EB', ['web']],
    ['(?U)we+b', ['web']],
  ];
  it.each(cases)('%s', (pattern, names) => {
    expect(matching(pattern)).toEqual(names);
  });

  it('reads text as Go does: `.` stops at a line feed only, `\\s` is [\\t\\n\\f\\r ], \\w and \\d are ASCII', () => {
    const full = (pattern: string, text: string) => compileGoRegExp(`^(?:${pattern})$`).test(text);
    expect(full('a.b', 'a\nb')).toBe(false);
    expect(full('a.b', 'a\rb')).toBe(true);
    expect(full('(?s)a.b', 'a\nb')).toBe(true);
    expect(full('a\\sb', 'a\fb')).toBe(true);
    expect(full('a\\sb', 'a\vb')).toBe(false);
    expect(full('a\\sb', 'a\u00a0b')).toBe(false);
    expect(full('\\w', 'é')).toBe(false);
    expect(full('\\d', '٣')).toBe(false);
    expect(full('.', '😀')).toBe(true); // code points, not UTF-16 halves
    expect(full('web', 'web\n')).toBe(false); // `$` is the end of the text
  });
});

describe('compileGoRegExp: what Go refuses, in Go words', () => {
  // each message as kubectl kustomize prints it for a target name (anchored `^(?:…)$`)
  it.each([
    ['(?=w)web', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['(?!x)web', 'error parsing regexp: invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=a)b', 'error parsing regexp: invalid named capture: `(?<=a)b)$`'],
    ['w(e)\\1?b', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['e{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
    ['app\\', 'error parsing regexp: missing closing ): `^(?:app\\)$`'],
    ['pre(sent', 'error parsing regexp: missing closing ): `^(?:pre(sent)$`'],
    ['w\\e', 'error parsing regexp: invalid escape sequence: `\\e`'],
    ['[a', 'error parsing regexp: missing closing ]: `[a)$`'],
    ['[[:foo:]]', 'error parsing regexp: invalid character class range: `[:foo:]`'],
    ['\\p{Nope}', 'error parsing regexp: invalid character class range: `\\p{Nope}`'],
    ['(?x)a', 'error parsing regexp: invalid or unsupported Perl syntax: `(?x`'],
  ])('refuses %s', (pattern, message) => {
    const compile = () => compileGoRegExp(`^(?:${pattern})$`);
    expect(compile).toThrow(GoRegExpError);
    expect(compile).toThrow(new GoRegExpError(message));
  });
});

describe('compileGoRegExp: linear time', () => {
  // a backtracking engine takes about 2^n steps here (seconds at 28 characters): RE2 takes one pass
  it('matches (a+)+b against 5,000 a’s (no b) without backtracking', () => {
    expect(compileGoRegExp('^(?:(a+)+b)$').test('a'.repeat(5000))).toBe(false);
    expect(compileGoRegExp('^(?:(a+)+b)$').test('a'.repeat(5000) + 'ba')).toBe(false);
    expect(compileGoRegExp('^(?:(a+)+b)$').test('a'.repeat(5000) + 'b')).toBe(true);
  });
});

describe('compileGoRegExp: compiled once', () => {
  it('returns the same compiled pattern for the same text', () => {
    expect(compileGoRegExp('^web$')).toBe(compileGoRegExp('^web$'));
  });
});

describe('isGoLiteral', () => {
  it.each(['web', 'team/app:1', 'a b#c,d=e~f!g<h>i@j%k&l"m\'n', 'αβ-😀', ''])('%s is its own text to Go', (text) => {
    expect(isGoLiteral(text)).toBe(true);
    expect(compileGoRegExp(`^(?:${text})$`).test(text)).toBe(true);
    expect(compileGoRegExp(`^(?:${text})$`).test(text + 'x')).toBe(false);
  });

  it.each([...'\\.+*?()|[]{}^$'].map((c) => `a${c}b`))('%s holds syntax', (text) => {
    expect(isGoLiteral(text)).toBe(false);
  });
});
