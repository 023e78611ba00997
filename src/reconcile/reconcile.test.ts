import { describe, expect, it } from 'vitest';
import { parseDocument as yamlParse } from 'yaml';
import { parseDocument } from '../read/document.js';
import { PARSE_OPTIONS } from '../yaml/schema.js';
import type { TreeNode } from '../yaml/tree.js';
import { splice } from '../render/splice.js';
import type { Json } from '../types.js';
import { matchItems, reconcile } from './reconcile.js';

/** `text` read as the pipeline reads a document (the block reader, or the yaml package): its tree and value. */
function read(text: string): { root: TreeNode | null; value: Json } {
  const { roots, values } = parseDocument({ file: null, index: 0, chunk: { start: 0, end: text.length, line: 1 }, text });
  expect(roots.length, 'one document').toBeLessThanOrEqual(1);
  return { root: roots[0] ?? null, value: values[0] ?? null };
}

/** Reads `text`, changes its value with `change` (on a copy), and returns the reconciled text, checked to read as the new value. */
function edit(text: string, change: (value: any) => void): string {
  const { root, value: before } = read(text);
  const after = structuredClone(before);
  change(after);
  const out = splice(text, reconcile(root, text, before, after));
  expect(yamlParse(out, PARSE_OPTIONS).toJS()).toEqual(after);
  return out;
}

const deployment = `# Source: app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # the name
  labels:
    app: web
spec:
  template:
    spec:
      containers:
        # the main one
        - name: app
          image: "registry.example.com/app:1.0"
          args: [--port, "8080"]

        - name: sidecar
          image: 'envoy:1.2'
          env:
            - name: A
              value: x
`;

describe('reconcile', () => {
  it('changes nothing when the value is the same', () => {
    expect(edit(deployment, () => {})).toBe(deployment);
  });

  it.each([
    [
      'a double-quoted scalar keeps its quotes',
      (v: any) => (v.spec.template.spec.containers[0].image = 'registry.example.com/app:2.0'),
      ['          image: "registry.example.com/app:1.0"', '          image: "registry.example.com/app:2.0"'],
    ],
    [
      'a single-quoted scalar keeps its quotes',
      (v: any) => (v.spec.template.spec.containers[1].image = "envoy:1.3'x"),
      ["          image: 'envoy:1.2'", "          image: 'envoy:1.3''x'"],
    ],
    ['a plain scalar keeps its trailing comment', (v: any) => (v.metadata.name = 'api'), ['  name: web   # the name', '  name: api   # the name']],
    ['a plain scalar that would read as a boolean is quoted', (v: any) => (v.metadata.labels.app = 'yes'), ['    app: web', '    app: "yes"']],
    [
      'a flow sequence item is rewritten in place',
      (v: any) => (v.spec.template.spec.containers[0].args[1] = '9090'),
      ['          args: [--port, "8080"]', '          args: [--port, "9090"]'],
    ],
  ] as [string, (v: any) => void, [string, string]][])('%s', (_name, change, [from, to]) => {
    expect(edit(deployment, change)).toBe(deployment.replace(from, to));
  });

  it('adds a key after its predecessor, in the map indentation', () => {
    const out = edit(deployment, (v) => (v.metadata.labels.tier = 'front'));
    expect(out).toBe(deployment.replace('    app: web\n', '    app: web\n    tier: front\n'));
  });

  it('adds a nested structure in the document style (indented sequences)', () => {
    const out = edit(deployment, (v) => {
      v.spec.template.spec.containers[0].resources = { requests: { memory: '250Mi' } };
      v.spec.template.spec.containers[0].ports = [{ containerPort: 80 }];
    });
    expect(out).toBe(
      deployment.replace(
        '          args: [--port, "8080"]\n',
        '          args: [--port, "8080"]\n' +
          '          resources:\n            requests:\n              memory: 250Mi\n' +
          '          ports:\n            - containerPort: 80\n',
      ),
    );
  });

  it('adds items to a flush sequence', () => {
    const text = 'spec:\n  containers:\n  - name: a\n    image: a\n';
    const out = edit(text, (v) => v.spec.containers.push({ name: 'b', image: 'b' }));
    expect(out).toBe(text + '  - name: b\n    image: b\n');
  });

  it('removes a pair with its comment lines and nothing else', () => {
    const text = 'a: 1\n# about b\nb: 2   # trailing\nc: 3\n';
    expect(edit(text, (v) => delete v.b)).toBe('a: 1\nc: 3\n');
  });

  it('removes the first pair of a sequence item map', () => {
    const text = 'l:\n- name: a\n  image: x\n- name: b\n';
    expect(edit(text, (v) => delete v.l[0].name)).toBe('l:\n- image: x\n- name: b\n');
  });

  it('removes a sequence item', () => {
    expect(edit(deployment, (v) => v.spec.template.spec.containers.splice(0, 1))).toBe(
      deployment.replace(
        '        # the main one\n        - name: app\n          image: "registry.example.com/app:1.0"\n          args: [--port, "8080"]\n',
        '',
      ),
    );
  });

  it('writes an emptied map and list in flow style', () => {
    const text = 'a:\n  b: 1\nl:\n- x\n';
    expect(edit(text, (v) => ((v.a = {}), (v.l = [])))).toBe('a: {}\nl: []\n');
  });

  it('turns an empty flow map into a block', () => {
    const text = 'resources: {}\nname: x\n';
    expect(edit(text, (v) => (v.resources = { limits: { cpu: '1' } }))).toBe('resources:\n  limits:\n    cpu: "1"\nname: x\n');
  });

  it('rewrites a reordered list as a whole', () => {
    const text = 'l:\n- name: a\n- name: b\n- name: c\n';
    expect(edit(text, (v) => v.l.reverse())).toBe('l:\n- name: c\n- name: b\n- name: a\n');
  });

  it('fills a key that had no value', () => {
    expect(edit('a:\nb: 1\n', (v) => (v.a = { c: 1 }))).toBe('a:\n  c: 1\nb: 1\n');
  });

  it('adds a key at the end of a text without a final newline', () => {
    expect(edit('a: 1', (v) => (v.b = 2))).toBe('a: 1\nb: 2\n');
  });

  it('keeps CRLF line endings', () => {
    expect(splice('a: 1\r\n', [{ start: 6, end: 6, text: 'b:\n  c: 2\n' }])).toBe('a: 1\r\nb:\r\n  c: 2\r\n');
  });

  it('writes JSON into a JSON document', () => {
    const text = '{\n  "a": {"b": 1},\n  "c": "x"\n}\n';
    expect(edit(text, (v) => (v.a.d = 'yes'))).toBe('{\n  "a": {"b": 1, "d": "yes"},\n  "c": "x"\n}\n');
  });
});

describe('matchItems', () => {
  it.each([
    ['unchanged', [1, 2], [1, 2], [0, 1]],
    ['appended', [{ name: 'a' }], [{ name: 'a' }, { name: 'b' }], [0, -1]],
    ['edited by name', [{ name: 'a', v: 1 }, { name: 'b' }], [{ name: 'a', v: 2 }, { name: 'b' }], [0, 1]],
    ['scalar edited in place', ['x', 'y', 'z'], ['x', 'q', 'z'], [0, 1, 2]],
    ['reordered', [{ name: 'a' }, { name: 'b' }], [{ name: 'b' }, { name: 'a' }], null],
    ['ports by port and protocol', [{ port: 53, protocol: 'UDP' }], [{ port: 53 }], [0]],
    [
      'resources by kind, name and namespace',
      [
        { kind: 'A', metadata: { name: 'a' } },
        { kind: 'A', metadata: { name: 'b' } },
      ],
      [{ kind: 'A', metadata: { name: 'b' }, x: 1 }],
      [1],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(matchItems(before as Json[], after as Json[])).toEqual(expected);
  });
});

describe('reconcile: removals that meet', () => {
  it('removes several pairs of a sequence item map, the first on the dash line', () => {
    const text = 'l:\n- effect: NoSchedule\n  key: a\n  operator: Exists\n- effect: x\n';
    expect(edit(text, (v) => (v.l = [{ operator: 'Exists' }]))).toBe('l:\n- operator: Exists\n');
  });
});

describe('reconcile: regressions found by the property tests', () => {
  it('leaves a document holding .nan alone when its value is unchanged', () => {
    const text = 'a: .nan\nb: [.NaN]\n';
    const { root, value } = read(text);
    expect(reconcile(root, text, value, structuredClone(value))).toEqual([]);
  });
});

describe('reconcile: a list whose items are all new', () => {
  it('writes the list anew when no item is kept', () => {
    expect(edit('l:\n- \n', (v) => (v.l = [{ a: 1 }]))).toBe('l:\n- a: 1\n');
    expect(edit('l:\n- x\n- y\n', (v) => (v.l = [['z']]))).toBe('l:\n- - z\n');
  });
});

describe('reconcile: empty values', () => {
  it.each([
    ['a quoted key', '"name":\nb: 1\n', (v: any) => (v.name = 'x'), '"name": x\nb: 1\n'],
    ['a comment after the colon', 'a:   # c\nb: 1\n', (v: any) => (v.a = 'x'), 'a: x   # c\nb: 1\n'],
    ['a block below the comment', 'a:   # c\nb: 1\n', (v: any) => (v.a = { k: 1 }), 'a:   # c\n  k: 1\nb: 1\n'],
    ['an empty item', 'l:\n-\n- y\n', (v: any) => (v.l[0] = 'x'), 'l:\n- x\n- y\n'],
    ['an empty item with a comment', 'l:\n- # c\n- y\n', (v: any) => (v.l[0] = 'x'), 'l:\n- x # c\n- y\n'],
    ['an anchored empty value', 'a: &x\nb: 1\n', (v: any) => (v.a = 'x'), 'a: &x x\nb: 1\n'],
    ['a flow map key without value', 'm: {a, b: 1}\n', (v: any) => (v.m.a = 'x'), 'm: {a: x, b: 1}\n'],
    ['an explicit key without value', '? a\nb: 1\n', (v: any) => (v.a = 'x'), 'a: x\nb: 1\n'],
  ])('gives a value to %s', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: keys as the value reads them', () => {
  it('writes a map with a merge key anew, the merged keys included', () => {
    const text = 'base: &b {x: 1}\nm:\n  <<: *b\n  z: 2\n';
    expect(edit(text, (v) => (v.m.z = 3))).toBe('base: &b {x: 1}\nm:\n  x: 1\n  z: 3\n');
  });

  it('edits a map with a quoted "<<" key (a plain key, not a merge) pair by pair', () => {
    expect(edit('"<<": 1\nb: 2\n', (v) => (v.b = 3))).toBe('"<<": 1\nb: 3\n');
  });

  it('quotes a new "<<" key, which would be a merge key plain', () => {
    expect(edit('a: 1\n', (v) => (v['<<'] = { x: 1 }))).toBe('a: 1\n"<<":\n  x: 1\n');
    expect(edit('a: 1\n', (v) => (v.a = [{ '<<': 'x' }]))).toBe('a:\n- "<<": x\n');
  });

  it('edits a map with a null key (read as "") pair by pair', () => {
    expect(edit('~: 1\nb: 2\n', (v) => (v.b = 3))).toBe('~: 1\nb: 3\n');
  });
});

describe('reconcile: inside flow collections', () => {
  it.each([
    ['a value that becomes a list', 'm: {a: {}, b: 1}\n', (v: any) => (v.m.a = [0]), 'm: {a: [ 0 ], b: 1}\n'],
    ['a value that becomes a map', 'm: {a: [y], b: 1}\n', (v: any) => (v.m.a = { k: 'v' }), 'm: {a: { k: v }, b: 1}\n'],
    ['an empty value', 'm: {a: , b: 1}\n', (v: any) => (v.m.a = { k: 1 }), 'm: {a: { k: 1 } , b: 1}\n'],
    ['a string holding a comma', 'l: [a, b]\n', (v: any) => (v.l[0] = 'x,y'), 'l: ["x,y", b]\n'],
    ['a string holding a brace', 'm: {a: b}\n', (v: any) => (v.m.a = '}'), 'm: {a: "}"}\n'],
  ])('writes %s in flow style', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: anchors and aliases', () => {
  it.each([
    ['an alias keeps its value when its anchored scalar changes', 'a: &x 1\nb: *x\n', (v: any) => (v.a = 2), 'a: &x 2\nb: 1\n'],
    ['an alias keeps its value when its anchored pair goes', 'a: &x {k: 1}\nb: *x\n', (v: any) => delete v.a, 'b: { k: 1 }\n'],
    [
      'a merge keeps its keys when the merged map changes',
      'base: &b {x: 1}\nm:\n  <<: *b\n  z: 2\n',
      (v: any) => (v.base.x = 5),
      'base: &b {x: 5}\nm:\n  <<: { x: 1 }\n  z: 2\n',
    ],
    ['an alias of an untouched anchor stays', 'a: &x 1\nb: *x\nc: 3\n', (v: any) => (v.c = 4), 'a: &x 1\nb: *x\nc: 4\n'],
    ['an alias changed with its anchor stays', 'a: &x 1\nb: *x\n', (v: any) => ((v.a = 2), (v.b = 2)), 'a: &x 2\nb: 2\n'],
  ])('%s', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: empty items before comment lines', () => {
  it('removes an empty item without touching the next one', () => {
    expect(edit('l:\n  -\n  # c\n  - x\n', (v) => v.l.splice(0, 1))).toBe('l:\n  # c\n  - x\n');
  });

  it('replaces an empty item and keeps the next one', () => {
    expect(edit('l:\n  -\n  # c\n  - x\n', (v) => (v.l[0] = []))).toBe('l:\n  # c\n  - []\n  - x\n');
  });

  it('adds an item after an empty one', () => {
    expect(edit('l:\n  -\n  # c\n  - x\n', (v) => v.l.splice(1, 0, 'z'))).toBe('l:\n  -\n  - z\n  # c\n  - x\n');
  });
});

describe('reconcile: tagged nodes', () => {
  it.each([
    ['a custom tag that would read a number as a string goes', 'a: !custom x\n', (v: any) => (v.a = 0.5), 'a: 0.5\n'],
    ['a custom tag stays on a string', 'a: !custom x\n', (v: any) => (v.a = 'z'), 'a: !custom z\n'],
    ['!!str stays on a string', 'a: !!str 12\n', (v: any) => (v.a = '13'), 'a: !!str "13"\n'],
    ['!!str goes for a number', 'a: !!str 12\n', (v: any) => (v.a = 13), 'a: 13\n'],
    ['!!int goes for a string', 'l:\n- !!int "7"\n- z\n', (v: any) => (v.l[0] = 'seven'), 'l:\n- seven\n- z\n'],
    ['a tagged item with a dash in its tag', 'l:\n- !a-b x\n- z\n', (v: any) => (v.l[0] = 5), 'l:\n- 5\n- z\n'],
    ['!!map goes for a list', 'a: !!map\n  k: v\n', (v: any) => (v.a = ['x']), 'a:\n- x\n'],
    ['an empty !!null value', 'a: !!null\nb: 1\n', (v: any) => (v.a = 'x'), 'a: x\nb: 1\n'],
  ])('%s', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: comment lines between items belong to the item below', () => {
  it('replaces an item after an empty one, with the comment line above it', () => {
    expect(edit('l:\n- -\n  #\n  - 0.5\n', (v) => (v.l[0][1] = {}))).toBe('l:\n- -\n  - {}\n');
  });

  it('replaces a map item whose range takes in the comment line below, which stays', () => {
    const text = 'l:\n- name:   # c\n#\n- 0.5\n';
    expect(edit(text, (v) => (v.l[0] = null))).toBe('l:\n#\n- null\n- 0.5\n');
  });

  it('adds a pair after one whose trailing comment lines stay below it', () => {
    expect(edit('a: 1\n  # about a\nb: 2\n', (v) => ((v.z = 3), delete v.b))).toBe('a: 1\nz: 3\n  # about a\n');
  });
});

describe('reconcile: a list nested on its parent item line', () => {
  it.each([
    ['the first item', 'l:\n- - a\n  - b\n- c\n', (v: any) => v.l[0].splice(0, 1), 'l:\n- - b\n- c\n'],
    ['the first two items', 'l:\n- - a\n  # about b\n  - b\n  - d\n', (v: any) => v.l[0].splice(0, 2), 'l:\n- - d\n'],
    ['a later item', 'l:\n- - a\n  - b\n', (v: any) => v.l[0].splice(1, 1), 'l:\n- - a\n'],
  ])('removes %s', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: multi-line strings in flow collections', () => {
  it('writes them double-quoted on one line', () => {
    expect(edit('a: 1\nm: {x: []}\n', (v) => (v.m.x = [['multi\nline']]))).toBe('a: 1\nm: {x: [ [ "multi\\nline" ] ]}\n');
    expect(edit('l: [a]\n', (v) => (v.l = [{ k: 'x\ny' }]))).toBe('l: [{ k: "x\\ny" }]\n');
  });
});

describe('reconcile: a block written before a trailing comment', () => {
  it('puts the comment on a line of its own, out of a block scalar', () => {
    const text = 'a:\n- x   # c\n';
    expect(edit(text, (v) => (v.a = [{ name: 'multi\nline' }]))).toBe('a:\n- name: |-\n    multi\n    line\n# c\n');
    expect(edit('k:\n  a: x  # c\n', (v) => (v.k.a = ['multi\nline\n']))).toBe('k:\n  a:\n  - |\n    multi\n    line\n  # c\n');
    expect(edit('a: x\t# c\n', (v) => (v.a = ['multi\nline\n']))).toBe('a:\n- |\n  multi\n  line\n# c\n');
  });

  it('drops spaces after the value, which a block scalar would take in', () => {
    expect(edit('k:\n  a: x   \n', (v) => (v.k.a = ['keep\n\n']))).toBe('k:\n  a:\n  - |+\n    keep\n\n');
  });

  it('keeps the comment on the line of a single-line value', () => {
    expect(edit('a: [x]   # c\n', (v) => (v.a = 'z'))).toBe('a: z   # c\n');
  });
});

describe('reconcile: a collection ending with an empty value before a comment', () => {
  it('is replaced up to the value, the comment kept apart', () => {
    expect(edit('l:\n- x\n-  # c\n', (v) => (v.l = 'z'))).toBe('l: z # c\n');
    expect(edit('a: 1\nb:   # c\n', (v) => ((v.a = 2), delete v.b))).toBe('a: 2\n');
  });
});

describe('reconcile: the dash of an item that starts below it', () => {
  it('is not a dash in a comment line between them', () => {
    const text = 'l:\n-\n  # - note\n  - 0\n- x\n';
    expect(edit(text, (v) => v.l.splice(0, 1))).toBe('l:\n- x\n');
    expect(edit(text, (v) => (v.l[0] = 'z'))).toBe('l:\n- z\n- x\n');
  });
});

describe('reconcile: an anchored or tagged item becoming a block', () => {
  it.each([
    ['an anchored empty list', 'l:\n- &a []\n- z\n', (v: any) => (v.l[0] = [1, 2]), 'l:\n- - 1\n  - 2\n- z\n'],
    ['a tagged empty map', 'l:\n- !thing {}\n- z\n', (v: any) => (v.l[0] = { k: 'v', j: 'w' }), 'l:\n- k: v\n  j: w\n- z\n'],
    ['an anchored empty list with an alias', 'l:\n- &a []\n- *a\n', (v: any) => (v.l[0] = [1]), 'l:\n- - 1\n- []\n'],
  ])('writes %s after its dash', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: a new value holding one object twice', () => {
  it('is written out twice, without anchors that could take the names of the document', () => {
    const shared = { k: 'on' };
    const out = edit('a: &a1 {k: w}\nb: *a1\nc: 1\n', (v) => (v.c = { p: shared, q: shared }));
    expect(out).toBe('a: &a1 {k: w}\nb: *a1\nc:\n  p:\n    k: "on"\n  q:\n    k: "on"\n');
  });
});

describe('reconcile: a long flow value holding multi-line strings', () => {
  it('stays on one line', () => {
    const value = { a: 'multi\nline\n# more than forty characters in all\n', b: ['x'.repeat(50)], c: { d: 'two\n\nparagraphs' } };
    const out = edit('l: [a]\n', (v) => (v.l = [value]));
    expect(out.split('\n').length).toBe(2);
  });
});

describe('reconcile: keys with an anchor or a tag', () => {
  it('writes the root anew from its anchored first key', () => {
    const text = '&k a: 1\n';
    const { root, value } = read(text);
    const out = splice(text, reconcile(root, text, value, ['x']));
    expect(out).toBe('- x\n');
  });

  it.each([
    [
      'adds a pair in the column of an anchored first key',
      't:\n  &a metadata:\n    k: v\n',
      (v: any) => (v.t.spec = 1),
      't:\n  &a metadata:\n    k: v\n  spec: 1\n',
    ],
    ['adds a pair before a tagged key', 't:\n  !!str b: 1\n', (v: any) => (v.t = { a: 0, b: 1 }), 't:\n  a: 0\n  !!str b: 1\n'],
    ['removes an anchored key with its anchor', 't:\n  &a x: 1\n  y: 2\n', (v: any) => delete v.t.x, 't:\n  y: 2\n'],
    ['removes the anchored first key of an item', 'l:\n- &a x: 1\n  y: 2\n', (v: any) => delete v.l[0].x, 'l:\n- y: 2\n'],
    ['writes a map anew from its anchored first key', 'm:\n  &k a: 1\n  <<: {b: 2}\n', (v: any) => (v.m.a = 3), 'm:\n  a: 3\n  b: 2\n'],
  ])('%s', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: explicit keys (`? k` and `: v` on lines of their own)', () => {
  const text = 'data:\n  ? k\n  : b\n  z: y\nl:\n  - ? a\n    : b\n    c: d\n';
  it.each([
    ['removes an explicit pair with both its lines', (v: any) => delete v.data.k, 'data:\n  z: y\nl:\n  - ? a\n    : b\n    c: d\n'],
    ['removes the pair after one', (v: any) => delete v.data.z, 'data:\n  ? k\n  : b\nl:\n  - ? a\n    : b\n    c: d\n'],
    ['adds a pair in the column of the `?`', (v: any) => (v.data.n = 'v'), 'data:\n  ? k\n  : b\n  z: y\n  "n": v\nl:\n  - ? a\n    : b\n    c: d\n'],
    ['adds a pair before it', (v: any) => (v.data = { x: 1, ...v.data }), 'data:\n  x: 1\n  ? k\n  : b\n  z: y\nl:\n  - ? a\n    : b\n    c: d\n'],
    ['changes its value', (v: any) => (v.data.k = 'c'), text.replace(': b\n  z', ': c\n  z')],
    ['writes a block value below its `:`', (v: any) => (v.data.k = { x: 1 }), 'data:\n  ? k\n  :\n    x: 1\n  z: y\nl:\n  - ? a\n    : b\n    c: d\n'],
    ['removes one that starts on a `- ` line', (v: any) => delete v.l[0].a, 'data:\n  ? k\n  : b\n  z: y\nl:\n  - c: d\n'],
  ])('%s', (_name, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: a flow collection written anew keeps the text of what did not change', () => {
  const odd = '[9007199254740993, 1e400, 0x1F, 1.0, "\\u00e9"]';
  it.each([
    ['an appended item', `l: ${odd}\n`, (v: any) => v.l.push('z'), `l: ${odd.slice(0, -1)}, z]\n`],
    ['a removed item', 'l: [a, 0x1F, 1.0]\n', (v: any) => v.l.splice(0, 1), 'l: [0x1F, 1.0]\n'],
    ['moved items', 'l: [ 0x1F, 1.0, "\\u00e9" ]\n', (v: any) => v.l.reverse(), 'l: [ "\\u00e9", 1.0, 0x1F ]\n'],
    ['an added key', 'm: {a: 0x1F, b: "\\u00e9"}\n', (v: any) => (v.m.c = 1), 'm: {a: 0x1F, b: "\\u00e9", c: 1}\n'],
    ['a removed key', 'm: {a: 0x1F, b: "\\u00e9", c: 1.0}\n', (v: any) => delete v.m.b, 'm: {a: 0x1F, c: 1.0}\n'],
    [
      'a nested change',
      'm: {a: {x: 0x1F}, b: [1.0]}\n',
      (v: any) => ((v.m.a.w = 2), v.m.b.push(3), (v.m.c = 1)),
      'm: {a: {x: 0x1F, w: 2}, b: [1.0, 3], c: 1}\n',
    ],
    ['a changed item', 'l: [0x1F, "a", 1.0]\n', (v: any) => ((v.l[1] = 'b'), v.l.push(4)), 'l: [0x1F, "b", 1.0, 4]\n'],
  ])('%s', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });

  it('keeps a JSON document JSON, its numbers as written', () => {
    const text = '{\n  "n": 9007199254740993,\n  "f": 1e400,\n  "a": {"b": 0x1F},\n  "l": [\n    1.0\n  ]\n}\n';
    expect(edit(text, (v) => (v.z = 'x'))).toBe(text.replace('\n  ]\n}', '\n  ],\n  "z": "x"\n}'));
    expect(edit(text, (v) => delete v.f)).toBe(text.replace('  "f": 1e400,\n', ''));
    expect(edit(text, (v) => (v.l.push({ k: 1 }), (v.z = [1])))).toBe(
      '{\n  "n": 9007199254740993,\n  "f": 1e400,\n  "a": {"b": 0x1F},\n  "l": [\n    1.0,\n    {\n      "k": 1\n    }\n  ],\n  "z": [\n    1\n  ]\n}\n',
    );
  });

  it('writes anew what holds an anchor, an alias or a tag', () => {
    expect(edit('l: [&a 1, *a, !!str 5]\n', (v) => v.l.push(2))).toBe('l: [1, 1, "5", 2]\n');
  });
});

describe('reconcile: a new "<<" key in a flow map written anew', () => {
  it('is quoted, not a merge key', () => {
    expect(edit('m: {a: 1}\n', (v) => ((v.m = { '<<': 0 }), (v.m.a = 1)))).toBe('m: {"<<": 0, a: 1}\n');
  });
});

describe('reconcile: integers beyond a double that the document writes exactly', () => {
  it.each([
    ['a block list written anew', 'l:\n- 9223372036854775807\n- a\n', (v: any) => v.l.reverse(), 'l:\n- a\n- 9223372036854775807\n'],
    [
      'a value written anew as a block',
      'a: 9007199254740993\nb: x\n',
      (v: any) => (v.b = { c: [v.a] }),
      'a: 9007199254740993\nb:\n  c:\n  - 9007199254740993\n',
    ],
    ['a JSON document written anew', '{"l": [1152921504606846976, 2]}\n', (v: any) => v.l.reverse(), '{"l": [2, 1152921504606846976]}\n'],
  ])('keeps their digits in %s', (_name, text, change, expected) => {
    expect(edit(text, change)).toBe(expected);
  });
});

describe('reconcile: an alias of a number written out', () => {
  it('keeps the number as the document writes it', () => {
    expect(edit('a: &x 9007199254740993\nb: *x\nc: &y 0x1F\nd: *y\n', (v) => delete v.a)).toBe('b: 9007199254740993\nc: &y 0x1F\nd: *y\n');
  });
});
