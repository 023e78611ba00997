import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import type { Json } from '../types.js';
import { readBlock } from './block-reader.js';
import { MAX_ALIAS_COUNT, PARSE_OPTIONS } from '../yaml/schema.js';
import { splitStream } from '../yaml/split.js';
import { fromYaml, type TreeNode } from '../yaml/tree.js';

/**
 * What the `yaml` package reads in `text` (one document), as the block reader gives it; undefined when the
 * package finds an error or more than one document.
 */
function yamlReads(text: string): { root: TreeNode | null; value: Json } | undefined {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  if (!Array.isArray(docs) || docs.length === 0) return { root: null, value: null }; // nothing, or only comments
  const [doc] = docs;
  if (docs.length !== 1 || !doc || doc.errors.length) return undefined;
  return { root: fromYaml(doc), value: (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null) as Json };
}

/** The block reader declines `text`, or reads it exactly as the `yaml` package does (key order included). */
function expectAgreement(text: string): 'read' | 'declined' {
  const read = readBlock(text);
  if (!read) return 'declined';
  const expected = yamlReads(text);
  expect(expected, `the block reader read what yaml rejects:\n${text}`).toBeDefined();
  expect(read.value, text).toEqual(expected!.value);
  expect(JSON.stringify(read.value), text).toBe(JSON.stringify(expected!.value));
  expect(read.root, text).toEqual(expected!.root);
  return 'read';
}

const chunks = (text: string) => splitStream(text).map((c) => text.slice(c.start, c.end));

describe('readBlock', () => {
  it.each([
    ['block map and sequences', 'a: 1\nb:\n  - x\n  - k: z\n    w: 2\nc:\n- flush\n'],
    ['document start and comments', '---\n# Source: chart/x.yaml\na: 1 # trailing\n# between\nb: 2\n'],
    ['comment lines given to the node above', 'a:\n  b: 1\n    # deeper: the scalar\n  # level: the map\n\nc: 2\n'],
    ['comments after the last item', 'a:\n  - x\n  # after\n\n'],
    ['quoted scalars and keys', `"a b": "c\\"d\\u00e9\\n"\n'e': 'it''s'\nf: "x" # c\n`],
    ['multi-line plain and quoted scalars', 'd: first\n  second\n\n  third\ne: \'one\n  two\'\nf: "a\n\n  b"\n'],
    ['literal block scalars', 'a: |\n  line\n    more\n\n  last\nb: |-\n  x\nc: |+\n  y\n\nd: 1\n'],
    ['one-line flow collections', 'a: []\nb: {}\nc: [x, "y", 1]\nd: {k: v, l: [1, 2]}\ne: [ a , b ]\n'],
    ['YAML 1.1 scalars', 'a: yes\nb: off\nc: 0755\nd: 1_000\ne: 0x1F\nf: 1e3\ng: .inf\nh: ~\ni:\nj: 12:30\nk: 2001-12-14\nl: 1.20\nm: -.5\n'],
    ['compact maps and nested sequences in sequences', '- a: 1\n  b: 2\n- - x\n  - y\n-   c: 3\n- \n  d: 4\n'],
    ['empty values', 'a:\nb:\n  - \n  -\nc: 1\n'],
    ['a sequence as the root', '- a\n- b\n'],
    ['a comment-only document after ---', '---\n# nothing here\n'],
    ['an empty text', ''],
    ['no final line break', 'a: 1\nb: x'],
  ])('reads %s as the yaml package does', (_name, text) => {
    expect(expectAgreement(text)).toBe('read');
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['folded block scalars', 'a: >\n  x\n'],
    ['multi-line flow collections', 'a: [x,\n  y]\n'],
    ['tabs', 'a:\t1\n'],
    ['CRLF line breaks', 'a: 1\r\nb: 2\r\n'],
    ['keys YAML reads as other types', 'y: 1\n1: a\n'],
    ['merge keys', 'a: {x: 1}\nb:\n  <<: {y: 2}\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a nested map on one line', 'a: b: c\n'],
    ['an unterminated quote', 'a: "x\n'],
    ['a comment without a space', 'a: "x"#c\n'],
    ['a scalar root', 'just text\n'],
    ['a flow root', '{"a": 1}\n'],
    ['two documents', 'a: 1\n...\n---\nb: 2\n'],
    ['an empty value with a comment', 'a: # why\nb: 1\n'],
    ['unknown escapes', 'a: "\\q"\n'],
    ['__proto__ keys', '__proto__: 1\n'],
  ])('leaves %s to the yaml package', (_name, text) => {
    expect(readBlock(text)).toBeUndefined();
  });
});

const SHARED = path.resolve(__dirname, '../../../shared');
const realCorpus = path.join(SHARED, 'corpus/real');
const cases = path.join(SHARED, 'conformance/cases');

describe.skipIf(!existsSync(realCorpus))('readBlock on the real corpus', () => {
  it('reads nearly every document, each exactly as the yaml package does', () => {
    let read = 0;
    let declined = 0;
    for (const file of readdirSync(realCorpus).filter((f) => f.endsWith('.yaml'))) {
      for (const chunk of chunks(readFileSync(path.join(realCorpus, file), 'utf8'))) {
        if (expectAgreement(chunk) === 'read') read++;
        else declined++;
      }
    }
    expect(declined / (read + declined)).toBeLessThan(0.02);
  });
});

describe.skipIf(!existsSync(cases))('readBlock on the conformance inputs', () => {
  it('agrees with the yaml package on every document it reads', () => {
    let read = 0;
    for (const name of readdirSync(cases)) {
      for (const file of readdirSync(path.join(cases, name)).filter((f) => /\.ya?ml$/.test(f))) {
        for (const chunk of chunks(readFileSync(path.join(cases, name, file), 'utf8'))) {
          if (expectAgreement(chunk) === 'read') read++;
        }
      }
    }
    expect(read).toBeGreaterThan(500);
  });
});

// ---- generated documents: every style the yaml package writes, with comments, blank lines and damage ----

const words = fc.constantFrom(
  'a',
  'name',
  'b c',
  'app.kubernetes.io/name',
  'yes',
  'on',
  'null',
  '~',
  '1',
  '0755',
  '1.20',
  '1e3',
  '-1',
  '.5',
  '0x1F',
  '1_000',
  '.inf',
  'true',
  'Y',
  '12:30',
  '2001-12-14',
  '',
  ' lead',
  'trail ',
  'a: b',
  'a #b',
  '#x',
  '- x',
  '"q"',
  "it's",
  'multi\nline',
  'two\n\nbreaks',
  'ünï',
  '*x',
  '[a]',
  '{b}',
  'a,b',
  '?',
  '-',
  '--flag',
  '<<',
  'http://x:80/y',
  'key:',
  'x\n',
);
const scalar = fc.oneof(words, fc.integer({ min: -500, max: 5000 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, min: -100, max: 100 }));
const value = fc.letrec<{ node: Json }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(words, tie('node'), { maxKeys: 4 }),
  ),
})).node;
const renderOptions = fc.record({
  indent: fc.constantFrom(2, 4, 3),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 40),
  defaultStringType: fc.constantFrom('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'),
  singleQuote: fc.boolean(),
  version: fc.constantFrom('1.1', '1.2'),
});
const damage = fc.record({
  at: fc.nat(),
  what: fc.constantFrom('', 'delete', ' ', '\n', ':', '-', '#', '"', "'", '  ', '\n  ', '- ', ': ', '[', '|', '\\'),
});

function sprinkle(text: string, seeds: number[]): string {
  return text
    .split('\n')
    .flatMap((line, i) => {
      const s = seeds[i % seeds.length] ?? 0;
      if (s % 11 === 0) return [' '.repeat(s % 7) + '# c', line];
      if (s % 13 === 0) return [' '.repeat(s % 5), line];
      if (s % 17 === 0 && line.trim()) return [line + ' # t'];
      return [line];
    })
    .join('\n');
}

describe('readBlock on generated documents', () => {
  it('declines, or reads as the yaml package does', () => {
    fc.assert(
      fc.property(
        fc.dictionary(words, value, { minKeys: 1, maxKeys: 5 }),
        renderOptions,
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        damage,
        (doc, options, seeds, marker, hit) => {
          let text = sprinkle(stringify(doc, { ...options, minContentWidth: 0 } as never), seeds);
          if (marker) text = '---\n' + text;
          const at = hit.at % (text.length + 1);
          if (hit.what === 'delete') text = text.slice(0, at) + text.slice(at + 1);
          else text = text.slice(0, at) + hit.what + text.slice(at);
          expectAgreement(text);
        },
      ),
      { numRuns: Number(process.env.KSET_PROPERTY_RUNS ?? 400) },
    );
  });
});
