import { describe, expect, it } from 'vitest';
import { parseSelectorArgument } from './selector-argument.js';

// As kubectl v1.32 set selector --local reads its argument (messages checked with kubectl).

describe('parseSelectorArgument', () => {
  it('reads = and == terms as labels, a later key winning', () => {
    expect([...parseSelectorArgument('app=web, tier==fe,app=x').labels]).toEqual([
      ['app', 'x'],
      ['tier', 'fe'],
    ]);
    expect(parseSelectorArgument('').labels.size).toBe(0);
  });

  it('keeps other terms as expressions, named as kubectl names them', () => {
    expect(parseSelectorArgument('a in (y,x),b,!c,d notin (z)').expressions).toEqual(['{a In [x y]}', '{b Exists []}', '{c DoesNotExist []}', '{d NotIn [z]}']);
    // sorted by key, as labels.Parse sorts them
    expect(parseSelectorArgument('app=v1,d notin (z),!b,a in (x,y),!b').expressions).toEqual([
      '{a In [x y]}',
      '{b DoesNotExist []}',
      '{b DoesNotExist []}',
      '{d NotIn [z]}',
    ]);
  });

  it.each([
    ['a!=b', /^"!=" is not a valid label selector operator$/],
    ['a>1', /^"gt" isn't supported in label selectors$/],
    ['a<1', /^"lt" isn't supported in label selectors$/],
    [
      'Example.com/a=b',
      /^couldn't parse the selector string "Example.com\/a=b": unable to parse requirement: invalid label key "Example.com\/a": prefix part a lowercase RFC 1123 subdomain/,
    ],
    ['a=b c', /^couldn't parse the selector string "a=b c"/],
    [`a=${'v'.repeat(64)}`, /must be no more than 63 characters/],
  ])('%j is an error', (text, message) => expect(() => parseSelectorArgument(text)).toThrow(message));
});
