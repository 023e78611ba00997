import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { parseSelectorArgument } from '../select/selector-argument.js';
import { setSelector } from './set-selector.js';

// As kubectl v1.32 set selector --local -f F EXPRESSIONS -o yaml (round-trip noise aside).

const service = (selector?: JsonObject | null): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { ...(selector === undefined ? {} : { selector }), ports: [{ port: 80 }] },
});
const selectorOf = (resource: JsonObject) => (resource.spec as JsonObject).selector;

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
