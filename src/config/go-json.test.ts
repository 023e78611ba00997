import { describe, expect, it } from 'vitest';
import { asKustomizeReads } from './go-json.js';

describe('asKustomizeReads', () => {
  // [config value, what kustomize v5.5 decodes it to]; each config checked with kubectl kustomize
  const cases: [string, unknown, unknown][] = [
    ['a key in another case is the field', { Images: [{ NAME: 'a', newtag: '2' }] }, { images: [{ name: 'a', newTag: '2' }] }],
    ['of two spellings the one that sorts last wins', { images: [{ name: 'a', newtag: '3', newTag: '2' }] }, { images: [{ name: 'a', newTag: '3' }] }],
    ['… whatever their order in the file', { images: [{ name: 'a', newTag: '2', NEWTAG: '3' }] }, { images: [{ name: 'a', newTag: '2' }] }],
    ['… at the top too', { Images: [{ name: 'b' }], images: [{ name: 'a' }] }, { images: [{ name: 'a' }] }],
    ['a null list is no list', { images: null, patches: null }, {}],
    ['a null string is no string', { images: [{ name: 'a', newTag: null, newName: 'b' }] }, { images: [{ name: 'a', newName: 'b' }] }],
    ['a null string leaves an earlier spelling', { images: [{ name: 'a', newTag: '2', newtag: null }] }, { images: [{ name: 'a', newTag: '2' }] }],
    ['a null image is an empty entry', { images: [null] }, { images: [{}] }],
    ['a null patch is an empty entry', { patches: [null] }, { patches: [{}] }],
    [
      'patch targets and options',
      { patches: [{ Patch: 'x', TARGET: { Kind: 'Deployment', labelselector: 'a=b', name: null }, options: { allownamechange: true } }] },
      { patches: [{ patch: 'x', target: { kind: 'Deployment', labelSelector: 'a=b' }, options: { allowNameChange: true } }] },
    ],
    [
      'unknown keys are kept for the schema to report',
      { image: [{ name: 'a' }], images: [{ name: 'b', tag: '1' }] },
      { image: [{ name: 'a' }], images: [{ name: 'b', tag: '1' }] },
    ],
    ['values of the wrong type are kept for the schema', { images: { name: 'a' }, patches: ['x'] }, { images: { name: 'a' }, patches: ['x'] }],
    ['a null strategic merge patch list is no list', { patchesStrategicMerge: null }, {}],
  ];
  it.each(cases)('%s', (_, value, expected) => {
    expect(asKustomizeReads(value)).toEqual(expected);
  });

  it("takes kustomize's own keys in a kustomization only", () => {
    expect(asKustomizeReads({ NamePrefix: 'p-', resources: null }, true)).toEqual({ namePrefix: 'p-', resources: null });
    expect(asKustomizeReads({ NamePrefix: 'p-' })).toEqual({ NamePrefix: 'p-' });
  });

  it('does not change its input', () => {
    const value = { Images: [{ name: 'a', newTag: null }] };
    asKustomizeReads(value);
    expect(value).toEqual({ Images: [{ name: 'a', newTag: null }] });
  });
});
