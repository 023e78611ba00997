import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_SIZE_LIMIT, annotationKeyProblems, annotationsSize, labelValueProblems, qualifiedNameProblems } from './label-syntax.js';

// Valid and invalid keys as kubectl v1.32 set selector --local reads them (apimachinery's IsQualifiedName).
describe('qualifiedNameProblems', () => {
  const valid = ['a', '1', 'A.b-c_d', 'example.com/a', 'k'.repeat(63), `${'p'.repeat(253)}/a`, 'a.b-c/D_e'];
  it.each(valid)('%j is valid', (key) => expect(qualifiedNameProblems(key)).toEqual([]));

  const invalid: [string, RegExp][] = [
    ['', /^name part must be non-empty$/],
    ['a-', /^name part must consist of alphanumeric characters/],
    ['_a', /^name part must consist/],
    ['é', /^name part must consist/],
    ['k'.repeat(64), /^name part must be no more than 63 characters$/],
    ['Example.com/a', /^prefix part a lowercase RFC 1123 subdomain must consist/],
    ['a_b.c/d', /^prefix part a lowercase RFC 1123 subdomain/],
    ['a..b/c', /^prefix part a lowercase RFC 1123 subdomain/],
    [`${'p'.repeat(254)}/a`, /^prefix part must be no more than 253 characters$/],
    ['/a', /^prefix part must be non-empty$/],
    ['a/b/c', /^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/'/],
  ];
  it.each(invalid)('%j is invalid', (key, first) => expect(qualifiedNameProblems(key)[0]).toMatch(first));

  it('names every problem, as apimachinery does', () => {
    expect(qualifiedNameProblems('a/')).toEqual(['name part must be non-empty']);
    expect(qualifiedNameProblems(`${'P'.repeat(254)}/-`)).toHaveLength(3);
  });

  it('counts UTF-8 bytes, as Go does', () => {
    expect(qualifiedNameProblems(`${'a'.repeat(62)}é`)).toContain('name part must be no more than 63 characters');
  });
});

// As kubectl v1.32 label --local checks values (IsValidLabelValue).
describe('labelValueProblems', () => {
  it.each(['', 'a', 'MyValue', 'my_value', '12345', 'a.b-c', 'v'.repeat(63)])('%j is valid', (value) => {
    expect(labelValueProblems(value)).toEqual([]);
  });
  it.each([
    ['bad value', /^a valid label must be an empty string or consist of alphanumeric characters/],
    ['-a', /^a valid label/],
    ['a.', /^a valid label/],
    ['a/b', /^a valid label/],
    ['v'.repeat(64), /^must be no more than 63 characters$/],
  ])('%j is invalid', (value, first) => expect(labelValueProblems(value)[0]).toMatch(first));
});

describe('annotation keys and size', () => {
  it('checks an annotation key in lower case: any case is valid', () => {
    expect(annotationKeyProblems('Example.com/Owner')).toEqual([]);
    expect(annotationKeyProblems('bad key')[0]).toMatch(/^name part must consist/);
  });
  it('counts keys and values in bytes', () => {
    expect(annotationsSize({ a: 'bc', é: '' })).toBe(5);
    expect(ANNOTATIONS_SIZE_LIMIT).toBe(262144);
  });
});
