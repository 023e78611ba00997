import { describe, expect, it } from 'vitest';
import { findMarkers, readMarkerComment } from './image-policy-markers.js';
import { parseDocument } from './document.js';

function markersOf(text: string) {
  const { roots } = parseDocument({ file: 'f.yaml', index: 0, chunk: { start: 0, end: text.length, line: 1 }, text }, { values: false });
  return findMarkers(text, roots);
}

describe('readMarkerComment', () => {
  const cases: [string, unknown][] = [
    ['# {"$imagepolicy": "flux-system:app"}', { policy: 'flux-system:app', field: 'image' }],
    ['#{"$imagepolicy":"flux-system:app:tag"}', { policy: 'flux-system:app', field: 'tag' }],
    ['## {"$imagepolicy": "ns:app:name"}  ', { policy: 'ns:app', field: 'name' }],
    ['# { "$imagepolicy" : "ns:app:digest" }', { policy: 'ns:app', field: 'digest' }],
    ['# {"$imagepolicy": "ns:app", "note": "kept"}', { policy: 'ns:app', field: 'image' }],
    // not markers at all: no brace first, or no marker word
    ['# set by {"$imagepolicy": "ns:app"}', undefined],
    ['# {"other": "x"}', undefined],
    ['# plain comment', undefined],
  ];
  it.each(cases)('%s', (comment, expected) => {
    expect(readMarkerComment(comment)).toEqual(expected);
  });

  const malformed: [string, RegExp][] = [
    ['# {"$imagepolicy": "ns:app"', /not a JSON object/],
    ['# {"$imagepolicy": "ns:app"} trailing', /not a JSON object/],
    ['# {"$imagepolicy": 3}', /must be a string/],
    ['# {"$imagepolicy": "ns:app", "n": 1}', /must be a string/],
    ['# {"$imagepolicy": "app"}', /names no policy/],
    ['# {"$imagepolicy": "ns:app:tag:x"}', /names no policy/],
    ['# {"$imagepolicy": "ns::tag"}', /names no policy/],
    ['# {"$imagepolicy": "ns:app:version"}', /unknown field "version"/],
    ['# {"$imagePolicy": "ns:app", "$imagepolicy2": "x"}', /no "\$imagepolicy" key/],
  ];
  it.each(malformed)('malformed: %s', (comment, message) => {
    expect(readMarkerComment(comment)).toMatch(message);
  });
});

describe('findMarkers', () => {
  it('finds line comments of scalar values, with their paths', () => {
    const text = [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'spec:',
      '  values:',
      '    image:',
      '      repository: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}',
      '      tag: "1.0.0" # {"$imagepolicy": "flux-system:app:tag"}',
      '    sidecars:',
      '      - ghcr.io/acme/side:1 # {"$imagepolicy": "flux-system:side"}',
      '',
    ].join('\n');
    const { markers, problems } = markersOf(text);
    expect(problems).toEqual([]);
    expect(markers.map(({ policy, field, path }) => ({ policy, field, path }))).toEqual([
      { policy: 'flux-system:app', field: 'name', path: ['spec', 'values', 'image', 'repository'] },
      { policy: 'flux-system:app', field: 'tag', path: ['spec', 'values', 'image', 'tag'] },
      { policy: 'flux-system:side', field: 'image', path: ['spec', 'values', 'sidecars', 0] },
    ]);
    expect(text.slice(markers[1]!.offset)).toMatch(/^# \{"\$imagepolicy": "flux-system:app:tag"\}/);
  });

  it('never takes text inside quoted or block scalars for a marker', () => {
    const text = [
      'a: "x # {\\"$imagepolicy\\": \\"ns:app\\"}"',
      'b: |',
      '  image: x # {"$imagepolicy": "ns:app"}',
      'c: \'y # {"$imagepolicy": "ns:app"}\'',
      '',
    ].join('\n');
    expect(markersOf(text)).toEqual({ markers: [], problems: [] });
  });

  it('reports markers that do not end a scalar value line, and malformed ones, at their comment', () => {
    const text = [
      'image: # {"$imagepolicy": "ns:key-line"}',
      '  x',
      '# {"$imagepolicy": "ns:own-line"}',
      'list: [a, b] # {"$imagepolicy": "ns:flow"}',
      'tag: 1 # {"$imagepolicy": "ns:app:version"}',
      '',
    ].join('\n');
    const { markers, problems } = markersOf(text);
    expect(markers).toEqual([]);
    expect(problems.map((p) => [text.slice(p.offset).split('\n')[0], p.message])).toEqual([
      ['# {"$imagepolicy": "ns:key-line"}', expect.stringMatching(/"ns:key-line" does not end the line of a scalar value/)],
      ['# {"$imagepolicy": "ns:own-line"}', expect.stringMatching(/does not end the line/)],
      ['# {"$imagepolicy": "ns:flow"}', expect.stringMatching(/does not end the line/)],
      ['# {"$imagepolicy": "ns:app:version"}', expect.stringMatching(/malformed \$imagepolicy marker: unknown field "version"/)],
    ]);
  });

  it('keys list items by index and numbers and booleans by their JSON key', () => {
    const text = ['items:', '- 1: a # {"$imagepolicy": "ns:one"}', '  yes: b # {"$imagepolicy": "ns:yes"}', ''].join('\n');
    const { markers } = markersOf(text);
    expect(markers.map((m) => m.path)).toEqual([
      ['items', 0, '1'],
      ['items', 0, 'true'],
    ]);
  });

  it('an alias of a marked scalar is marked too: it is the same node', () => {
    const text = 'other2: &other y\nbase: &img app:1 # {"$imagepolicy": "ns:app"}\nother: *img\nlist: [*img, x]\nelse: *other\n';
    expect(markersOf(text).markers.map((m) => m.path)).toEqual([['base'], ['other'], ['list', 0]]);
  });

  it('reads flow style and documents the block reader declines', () => {
    const text = '{spec: {image: "app:1"}} # {"$imagepolicy": "ns:whole"}\n';
    expect(markersOf(text).problems).toHaveLength(1);
    const flow = 'spec: {image: "app:1" } \nimage: &a app:1 # {"$imagepolicy": "ns:anchored"}\n';
    expect(markersOf(flow).markers.map((m) => m.path)).toEqual([['image']]);
  });
});
