import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { matches, parseSelector, type Requirement } from './label-selector.js';

describe('parseSelector', () => {
  const parsed: { text: string; want: Requirement[] }[] = [
    { text: '', want: [] },
    { text: '   ', want: [] },
    { text: 'a=b', want: [{ key: 'a', operator: '=', values: ['b'] }] },
    { text: 'a==b', want: [{ key: 'a', operator: '==', values: ['b'] }] },
    { text: 'a!=b', want: [{ key: 'a', operator: '!=', values: ['b'] }] },
    {
      text: ' a = b , c != d ',
      want: [
        { key: 'a', operator: '=', values: ['b'] },
        { key: 'c', operator: '!=', values: ['d'] },
      ],
    },
    { text: 'a=', want: [{ key: 'a', operator: '=', values: [''] }] },
    { text: 'a', want: [{ key: 'a', operator: 'exists', values: [] }] },
    { text: '!a', want: [{ key: 'a', operator: '!', values: [] }] },
    {
      text: '! a,b',
      want: [
        { key: 'a', operator: '!', values: [] },
        { key: 'b', operator: 'exists', values: [] },
      ],
    },
    { text: 'env in (prod, staging)', want: [{ key: 'env', operator: 'in', values: ['prod', 'staging'] }] },
    { text: 'env notin (qa)', want: [{ key: 'env', operator: 'notin', values: ['qa'] }] },
    { text: 'env in ()', want: [{ key: 'env', operator: 'in', values: [''] }] },
    { text: 'env in (,a)', want: [{ key: 'env', operator: 'in', values: ['', 'a'] }] },
    { text: 'env in (a,,b)', want: [{ key: 'env', operator: 'in', values: ['', 'a', 'b'] }] },
    { text: 'env in (b,a,b)', want: [{ key: 'env', operator: 'in', values: ['a', 'b'] }] },
    { text: 'in=notin', want: [{ key: 'in', operator: '=', values: ['notin'] }] },
    { text: 'a in (in,notin)', want: [{ key: 'a', operator: 'in', values: ['in', 'notin'] }] },
    {
      text: 'a>1,b<2',
      want: [
        { key: 'a', operator: 'gt', values: ['1'] },
        { key: 'b', operator: 'lt', values: ['2'] },
      ],
    },
    { text: 'example.com/team=a_b.c-d', want: [{ key: 'example.com/team', operator: '=', values: ['a_b.c-d'] }] },
    { text: 'A_b.C=x', want: [{ key: 'A_b.C', operator: '=', values: ['x'] }] },
  ];
  for (const c of parsed) {
    it(`parses ${JSON.stringify(c.text)}`, () => {
      expect(parseSelector(c.text).requirements).toEqual(c.want);
    });
  }

  // Messages as apimachinery's labels.Parse gives them (checked with kubectl kustomize).
  const invalid: { text: string; message: string }[] = [
    { text: 'app in (a,b', message: "unable to parse requirement: found '', expected: ',' or ')'" },
    { text: 'a b', message: "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', 'notin'" },
    { text: 'a,', message: "found '', expected: identifier after ','" },
    { text: ',a', message: "found ',', expected: !, identifier, or 'end of string'" },
    { text: 'a,,b', message: "found ',', expected: identifier after ','" },
    { text: 'a=b=c', message: "found '=', expected: ',' or 'end of string'" },
    { text: 'a=b c', message: "found 'c', expected: ',' or 'end of string'" },
    { text: '!a=b', message: "found '=', expected: ',' or 'end of string'" },
    { text: 'a in b', message: "unable to parse requirement: found 'b' expected: '('" },
    { text: 'a!b', message: "unable to parse requirement: found '!', expected: '=', '!=', '==', 'in', 'notin'" },
    { text: 'a<>1', message: "unable to parse requirement: found '>', expected: identifier" },
    { text: 'a=(', message: "unable to parse requirement: found '(', expected: identifier" },
    { text: 'a in (x=', message: "unable to parse requirement: found '=', expected: ',' or ')'" },
    { text: 'a in (=', message: "unable to parse requirement: found '=', expected: ',', ')' or identifier" },
    { text: 'a>x', message: "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer" },
    { text: 'a<-2', message: 'unable to parse requirement: invalid label value: "-2": at key: "a"' },
    { text: 'a>99999999999999999999', message: 'the value must be an integer' },
    { text: '-a', message: 'unable to parse requirement: invalid label key "-a": name part must consist of' },
    { text: 'x/y/z', message: 'invalid label key "x/y/z": a qualified name must consist of' },
    { text: 'Example.com/a=b', message: 'invalid label key "Example.com/a": prefix part a lowercase RFC 1123 subdomain' },
    { text: '/a', message: 'invalid label key "/a": prefix part must be non-empty' },
    { text: 'a/=b', message: 'invalid label key "a/": name part must be non-empty' },
    { text: `${'k'.repeat(64)}=v`, message: 'name part must be no more than 63 characters' },
    { text: 'a=-b', message: 'invalid label value: "-b": at key: "a": a valid label must be an empty string or consist of' },
    { text: 'a in (ok,bé)', message: 'invalid label value: "bé"' },
    { text: `a=${'v'.repeat(64)}`, message: 'must be no more than 63 characters' },
  ];
  for (const c of invalid) {
    it(`rejects ${JSON.stringify(c.text)}`, () => {
      expect(() => parseSelector(c.text)).toThrow(KsetError);
      expect(() => parseSelector(c.text)).toThrow(`invalid selector ${JSON.stringify(c.text)}: `);
      expect(() => parseSelector(c.text)).toThrow(c.message);
    });
  }
});

describe('matches', () => {
  const labels = { app: 'web', tier: 'backend', canary: 'true', replicas: '3', empty: '' };
  const cases: { selector: string; want: boolean; on?: Record<string, string> }[] = [
    { selector: '', want: true },
    { selector: '', want: true, on: {} },
    { selector: 'app=web', want: true },
    { selector: 'app==web', want: true },
    { selector: 'app=api', want: false },
    { selector: 'missing=x', want: false },
    { selector: 'app!=api', want: true },
    { selector: 'app!=web', want: false },
    { selector: 'missing!=x', want: true },
    { selector: 'app in (api, web)', want: true },
    { selector: 'app in (api)', want: false },
    { selector: 'missing in (x)', want: false },
    { selector: 'app notin (web)', want: false },
    { selector: 'app notin (api)', want: true },
    { selector: 'missing notin (x)', want: true },
    { selector: 'app', want: true },
    { selector: 'missing', want: false },
    { selector: '!app', want: false },
    { selector: '!missing', want: true },
    { selector: 'empty=', want: true },
    { selector: 'empty in ()', want: true },
    { selector: 'app=', want: false },
    { selector: 'tier=backend,canary!=true', want: false },
    { selector: 'tier=backend,canary=true', want: true },
    { selector: 'replicas>2', want: true },
    { selector: 'replicas>3', want: false },
    { selector: 'replicas<4', want: true },
    { selector: 'app>1', want: false },
    { selector: 'missing<1', want: false },
    { selector: 'app=web', want: false, on: undefined as unknown as Record<string, string> },
  ];
  for (const c of cases) {
    const on = 'on' in c ? c.on : labels;
    it(`${JSON.stringify(c.selector)} on ${JSON.stringify(on)} is ${c.want}`, () => {
      expect(matches(parseSelector(c.selector), on)).toBe(c.want);
    });
  }
});
