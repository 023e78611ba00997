import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kubectlTags } from '../yaml/schema.js';
import { isPlainSafe, scalarSource } from './scalar.js';

/** The definition: the yaml package writes the string plain, and YAML 1.1 and 1.2 read it back as itself. */
function readsBackPlain(value: string): boolean {
  if (value === '' || value.includes('\n')) return false;
  if (/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/.test(value)) return false; // a YAML 1.1 date, which kset writes quoted
  if (stringify(value, { version: '1.1', customTags: kubectlTags, lineWidth: 0 }).trimEnd() !== value) return false;
  return parse(value, { version: '1.1', customTags: kubectlTags }) === value && parse(value) === value;
}

describe('isPlainSafe', () => {
  it.each(['1Gi', '500m', '0.1.2', '...', '...x', '8080', '0755', '1.20', '1e3', '2024-01-31', '0o17', '0x1F', '1_000', '.5', '._x', '_a', '.inf', '1.'])(
    '%j as the yaml package writes and reads it',
    (word) => {
      expect(isPlainSafe(word)).toBe(readsBackPlain(word));
    },
  );

  it('agrees with the yaml package on generated words that start with a digit, . or _', () => {
    const chars = fc.constantFrom(...'0123456789._-+/@eExXoObBGMikmi'.split(''));
    const first = fc.constantFrom(...'0123456789._'.split(''));
    fc.assert(
      fc.property(first, fc.array(chars, { maxLength: 10 }), (head, rest) => {
        const word = head + rest.join('');
        expect(isPlainSafe(word)).toBe(readsBackPlain(word));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('scalarSource and YAML 1.1 line breaks (U+0085, U+2028, U+2029)', () => {
  it.each([undefined, 'PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'] as const)('escapes them in double quotes, preferred %s', (preferred) => {
    for (const quote of ['single', 'double'] as const) {
      const style = { indent: 2, indentSeq: false, quote, json: false };
      expect(scalarSource('a\u2028b\u2029c\u0085d', preferred, style)).toBe('"a\\u2028b\\u2029c\\u0085d"');
    }
  });
});
