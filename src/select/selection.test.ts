import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import type { JsonObject } from '../types.js';
import { parseSelection, selects } from './selection.js';

// kubectl's resource builder (ResourceTypeOrNameArgs and its visitors) as kset reads a verb's resources.
describe('parseSelection', () => {
  const ok: [
    string,
    string[],
    { all?: boolean; selector?: string; fromInput?: boolean },
    { named: { type: string; name: string }[]; types: string[]; all: boolean },
  ][] = [
    [
      'TYPE/NAME…',
      ['deploy/a', 'sts/b'],
      {},
      {
        named: [
          { type: 'deploy', name: 'a' },
          { type: 'sts', name: 'b' },
        ],
        types: [],
        all: false,
      },
    ],
    [
      'TYPE NAME…',
      ['deploy', 'a', 'b'],
      {},
      {
        named: [
          { type: 'deploy', name: 'a' },
          { type: 'deploy', name: 'b' },
        ],
        types: [],
        all: false,
      },
    ],
    [
      'TYPE1,TYPE2 NAME: each name of each type',
      ['deploy,sts', 'a'],
      {},
      {
        named: [
          { type: 'deploy', name: 'a' },
          { type: 'sts', name: 'a' },
        ],
        types: [],
        all: false,
      },
    ],
    ['repeated and empty types dropped', ['deploy,,deploy', 'a'], {}, { named: [{ type: 'deploy', name: 'a' }], types: [], all: false }],
    ['TYPE --all', ['deploy,sts'], { all: true }, { named: [], types: ['deploy', 'sts'], all: true }],
    ['--all beside names is ignored', ['deploy', 'a'], { all: true }, { named: [{ type: 'deploy', name: 'a' }], types: [], all: false }],
    ['--all alone (every workload)', [], { all: true }, { named: [], types: [], all: true }],
    ['TYPE -l', ['deploy'], { selector: 'a=b' }, { named: [], types: ['deploy'], all: false }],
    // kubectl set image --local -f F PAIRS: the objects of the input
    ['-f or --local without resources', [], { fromInput: true }, { named: [], types: [], all: true }],
    ['-f -l without a type', [], { fromInput: true, selector: 'a=b' }, { named: [], types: [], all: false }],
  ];
  it.each(ok)('%s', (_, args, flags, expected) => {
    expect(parseSelection(args, flags)).toMatchObject(expected);
  });

  const errors: [string, string[], { all?: boolean; selector?: string }, RegExp][] = [
    ['TYPE/NAME beside TYPE NAME', ['deploy/a', 'deploy', 'b'], {}, /no need to specify a resource type as a separate argument/],
    ['two slashes', ['deploy/a/b'], {}, /more than one slash/],
    ['two types before a slash', ['deploy,sts/a'], {}, /single resource and name/],
    ['no name after the slash', ['deploy/'], {}, /single resource and name/],
    ['no type before the slash', ['/a'], {}, /single resource and name/],
    ['--all and -l', ['deploy'], { all: true, selector: 'a=b' }, /cannot set --all and --selector/],
    ['-l and names', ['deploy', 'a'], { selector: 'a=b' }, /name cannot be provided when a selector is specified/],
    ['-l and TYPE/NAME', ['deploy/a'], { selector: 'a=b' }, /selectors cannot be used/],
    ['-l without a type', [], { selector: 'a=b' }, /at least one resource type/],
    ['a type alone', ['deploy'], {}, /no name was specified/],
    ['nothing', [], {}, /you must specify the resources/],
  ];
  it.each(errors)('%s is an error', (_, args, flags, pattern) => {
    expect(() => parseSelection(args, flags)).toThrow(KsetError);
    expect(() => parseSelection(args, flags)).toThrow(pattern);
  });
});

describe('selects', () => {
  const cm = (namespace?: string): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: namespace ? { name: 'a', namespace } : { name: 'a' } });
  const cases: [string, string[], { namespace?: string }, JsonObject, boolean][] = [
    ['same namespace', ['cm/a'], { namespace: 'shop' }, cm('shop'), true],
    ['other namespace', ['cm/a'], { namespace: 'shop' }, cm('other'), false],
    // kubectl --local -n NS accepts a document without a namespace
    ['no namespace', ['cm/a'], { namespace: 'shop' }, cm(), true],
    ['no -n: every namespace', ['cm/a'], {}, cm('other'), true],
    ['short names as typed', ['CM/a'], {}, cm(), false],
    ['resource names in any case', ['ConfigMaps/a'], {}, cm(), true],
  ];
  it.each(cases)('%s', (_, args, flags, resource, expected) => {
    expect(selects(parseSelection(args, flags), resource) !== undefined).toBe(expected);
  });

  it('reports every named entry a resource matches', () => {
    expect(selects(parseSelection(['cm/a', 'configmap/a', 'cm/b'], {}), cm())).toEqual({ named: [0, 1] });
  });
});
