import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { parseSelectorArgument, setSelector } from './set-selector.js';

// As kubectl v1.32 set selector --local -f F EXPRESSIONS -o yaml (round-trip noise aside).

const service = (selector?: JsonObject | null): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { ...(selector === undefined ? {} : { selector }), ports: [{ port: 80 }] },
});
const selectorOf = (resource: JsonObject) => (resource.spec as JsonObject).selector;

describe('parseSelectorArgument', () => {
  it('reads = and == terms as labels, a later key winning', () => {
    expect([...parseSelectorArgument('app=web, tier==fe,app=x').labels]).toEqual([['app', 'x'], ['tier', 'fe']]);
    expect(parseSelectorArgument('').labels.size).toBe(0);
  });

  it('keeps other terms as expressions, named as kubectl names them', () => {
    expect(parseSelectorArgument('a in (y,x),b,!c,d notin (z)').expressions).toEqual(['{a In [x y]}', '{b Exists []}', '{c DoesNotExist []}', '{d NotIn [z]}']);
    // sorted by key, as labels.Parse sorts them
    expect(parseSelectorArgument('app=v1,d notin (z),!b,a in (x,y),!b').expressions).toEqual(['{a In [x y]}', '{b DoesNotExist []}', '{b DoesNotExist []}', '{d NotIn [z]}']);
  });

  it.each([
    ['a!=b', /^"!=" is not a valid label selector operator$/],
    ['a>1', /^"gt" isn't supported in label selectors$/],
    ['a<1', /^"lt" isn't supported in label selectors$/],
    ['Example.com/a=b', /^couldn't parse the selector string "Example.com\/a=b": unable to parse requirement: invalid label key "Example.com\/a": prefix part a lowercase RFC 1123 subdomain/],
    ['a=b c', /^couldn't parse the selector string "a=b c"/],
    [`a=${'v'.repeat(64)}`, /must be no more than 63 characters/],
  ])('%j is an error', (text, message) => expect(() => parseSelectorArgument(text)).toThrow(message));
});

describe('setSelector', () => {
  const cases: [string, JsonObject | null | undefined, string, JsonObject | undefined][] = [
    ['replaces the selector', { app: 'web', tier: 'fe' }, 'app=web2,zone=a', { app: 'web2', zone: 'a' }],
    ['keeps the order of kept keys, new ones in Go order after them', { tier: 'fe', app: 'web' }, 'zone=a,app=web,b=1', { app: 'web', b: '1', zone: 'a' }],
    ['creates one', undefined, 'app=web', { app: 'web' }],
    ['fills a null one', null, 'app=web', { app: 'web' }],
    // the Go round trip drops an empty map
    ['an empty selector removes it', { app: 'web' }, '', undefined],
  ];
  it.each(cases)('%s', (_, current, text, expected) => {
    const input = service(current);
    const result = setSelector(input, parseSelectorArgument(text));
    expect(selectorOf(result)).toEqual(expected);
    if (expected) expect(Object.keys(selectorOf(result) as JsonObject)).toEqual(Object.keys(expected));
    expect(selectorOf(input)).toEqual(current);
  });

  it('returns the Service itself when the selector is the same (in any order)', () => {
    const input = service({ tier: 'fe', app: 'web' });
    expect(setSelector(input, parseSelectorArgument('app=web,tier=fe'))).toBe(input);
    const empty = service({});
    expect(setSelector(empty, parseSelectorArgument(''))).toBe(empty);
    const none = service();
    expect(setSelector(none, parseSelectorArgument(''))).toBe(none);
  });

  it('refuses expressions, which a Service cannot hold', () => {
    expect(() => setSelector(service(), parseSelectorArgument('a in (x)'))).toThrow('match expression [{a In [x]}] not supported on this object');
  });

  it.each([
    ['a Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }],
    ['a Service of another version', { apiVersion: 'v2', kind: 'Service', metadata: { name: 'web' } }],
  ])('refuses %s', (_, resource) => {
    expect(() => setSelector(resource, parseSelectorArgument('app=x'))).toThrow('setting a selector is only supported for Services');
  });
});
