import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kubectlTags } from '../yaml/schema.js';
import { indentLines, renderBlock, renderFlow } from './block.js';
import type { Style } from './style.js';

/** What the `yaml` package writes for a value in a style: what renderBlock must give. */
function yamlWrites(value: unknown, col: number, style: Style): string {
  const text = stringify(value, {
    version: '1.1',
    customTags: kubectlTags,
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: style.quote === 'single',
  });
  return indentLines(text.replace(/\n$/, ''), col);
}

const styles = fc.record({
  indent: fc.constantFrom(1, 2, 3, 4, 5),
  indentSeq: fc.boolean(),
  quote: fc.constantFrom('double' as const, 'single' as const),
  json: fc.constant(false),
});
const strings = fc.constantFrom(
  'web',
  'us-east-2',
  '1Gi',
  '500m',
  '8080',
  '0755',
  '1.20',
  '2024-01-31',
  'e3',
  'yes',
  'Off',
  'null',
  '',
  'a b',
  'x:y',
  'http://h:80/p',
  '-x',
  '.',
  '_a',
  'v1.2.3',
  'ünï',
  'two\nlines',
  'on',
  'Y',
  '1',
  '-1',
  '+.5',
  '.inf',
  '1e3',
  '0x1F',
  '1_000',
  '-',
  '...',
  '0o17',
);
const values = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    strings,
    fc.integer({ min: -10, max: 100000 }),
    fc.constantFrom(0.5, -0, 1e21, 1.5e-7, true, false, null),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(strings, tie('node'), { maxKeys: 3 }),
  ),
})).node;

describe('renderBlock', () => {
  it.each([
    ['a map with a list of maps', { env: [{ name: 'REGION', value: 'us-east-2' }], resources: { limits: { memory: '1Gi' } } }],
    ['nested lists and empty collections', [[1, [2]], {}, [], null, { a: [] }]],
    ['strings YAML would read as other types', { a: '0755', b: 'yes', c: '1.20', d: 'x: y' }],
    // quoted without the yaml package (a fast path: new env values are often such words)
    [
      'words YAML would read as other types',
      {
        env: [
          { name: 'A', value: 'on' },
          { name: 'B', value: '1' },
          { name: 'C', value: '' },
          { name: 'D', value: '-1' },
        ],
      },
    ],
  ])('writes %s as the yaml package does', (_name, value) => {
    for (const style of [
      { indent: 2, indentSeq: false },
      { indent: 4, indentSeq: true },
    ]) {
      const full = { ...style, quote: 'double' as const, json: false };
      expect(renderBlock(value, 6, full)).toBe(yamlWrites(value, 6, full));
    }
  });

  it('writes any value as the yaml package does, in any style', () => {
    fc.assert(
      fc.property(values, styles, fc.nat(8), (value, style, col) => {
        expect(renderBlock(value, col, style)).toBe(yamlWrites(value, col, style));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('renderBlock and renderFlow and YAML 1.1 line breaks (U+0085, U+2028, U+2029)', () => {
  const value = { 'k\u2028': ['x\u2029y', { a: 'multi\nline\u0085' }], '<<': 'm' };
  it.each([
    ['block', (style: Style) => renderBlock(value, 2, style)],
    ['flow', (style: Style) => renderFlow(value, style)],
  ])('%s: escaped, keys included, and read back as written', (_name, render) => {
    for (const json of [false, true]) {
      const text = render({ indent: 2, indentSeq: false, quote: 'single', json });
      expect(text).not.toMatch(/[\u0085\u2028\u2029]/);
      expect(parse(text, { version: '1.1' })).toEqual(value);
    }
  });
});
