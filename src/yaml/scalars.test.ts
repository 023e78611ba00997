import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { YAML_11 } from './schema.js';
import { exactInteger, resolvePlain } from './scalars.js';

/** What the `yaml` package makes of a plain scalar, read as kset reads input. */
const yamlReads = (text: string) => parse(`- ${text}\n`, YAML_11)[0];

describe('resolvePlain', () => {
  it.each([
    '',
    '~',
    'null',
    'Null',
    'NULL',
    'nul',
    'y',
    'Y',
    'yes',
    'Yes',
    'YES',
    'yEs',
    'n',
    'no',
    'on',
    'On',
    'ON',
    'off',
    'true',
    'True',
    'TRUE',
    'tRUE',
    'false',
    'FALSE',
    '0',
    '-0',
    '+12',
    '0755',
    '0758',
    '08',
    '0b101',
    '-0b1_0',
    '0x1F',
    '0x_f',
    '1_000',
    '12',
    '1.5',
    '1.',
    '.5',
    '-.5',
    '1.20',
    '1e3',
    '1E-3',
    '-1.5e+3',
    '.inf',
    '-.Inf',
    '+.INF',
    '.nan',
    '.NaN',
    '12:30',
    '1:20:30.5',
    '2001-12-14',
    '2001-12-14t21:59:43.10-05:00',
    'nginx:1.25',
    'a b',
    '-x',
    '--flag',
    '+x',
    '.x',
    '0.0.1',
    '1.2.3',
    'v1',
  ])('%j as the yaml package reads it', (text) => {
    expect(resolvePlain(text)).toEqual(yamlReads(text));
  });

  it('leaves << (a merge key) undecided', () => {
    expect(resolvePlain('<<')).toBeUndefined();
  });

  it('agrees with the yaml package on generated number-like and word-like scalars', () => {
    const chars = fc.constantFrom(...'0123456789+-._:eExXbBoOnNaAiIfFyYtTrRuUlL~'.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
        (text) => {
          if (/^[-:~]|[:#]$|: |^<<$/.test(text)) return; // not plain scalars, or not a value
          expect(resolvePlain(text)).toEqual(yamlReads(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('numbers as kubectl (go-yaml) reads them', () => {
  // checked with kubectl 1.32: `kubectl patch --local -f x.yaml -p '{}' -o json`
  it.each([
    ['.', '.'],
    ['.e1', '.e1'],
    ['e5', 'e5'],
    ['E0', 'E0'],
    ['1e', '1e'],
    ['1.2.3', '1.2.3'],
    ['2001-12-14', '2001-12-14'],
    ['0o17', 15],
    ['1e3', 1000],
    ['.5', 0.5],
    ['0755', 493],
    ['1_000', 1000],
    ['0x1F', 31],
    ['0x_1F', 31],
    ['-0', 0],
    ['08', 8],
    ['+12', 12],
    ['0b11', 3],
    ['1.', 1],
    ['1.10', 1.1],
    ['012_3', 83],
    ['1__0', 10],
    ['0_7', 7],
    // beyond a double or 64 bits: a float beyond a double is a string, as is a non-decimal integer beyond 64 bits
    ['1e400', '1e400'],
    ['-1e400', '-1e400'],
    ['1e-400', 0],
    ['0x1FFFFFFFFFFFFFFFFF', '0x1FFFFFFFFFFFFFFFFF'],
    ['9223372036854775808', 9223372036854775808],
    ['18446744073709551616', 18446744073709551616],
    ['-9223372036854775809', -(2 ** 63)],
    ['01777777777777777777777', 2 ** 64],
    ['12345678901234567890123', 1.2345678901234568e22],
    ['9007199254740993', 9007199254740992],
  ])('%j is %j', (text, value) => {
    expect(resolvePlain(text)).toEqual(value);
    expect(yamlReads(text)).toEqual(value);
  });

  it('explicit tags still type a quoted scalar', () => {
    expect(parse('- !!int "7"\n- !!float "0.5"\n', YAML_11)).toEqual([7, 0.5]);
  });
});

describe('exactInteger', () => {
  // kubectl keeps int64 values exactly (`kubectl patch --local -o json` writes 9007199254740993 and -9223372036854775808)
  it.each([
    ['9007199254740993', 9007199254740993n],
    ['-9007199254740993', -9007199254740993n],
    ['0x20000000000001', 9007199254740993n],
    ['1_000_000_000_000_000_001', 1000000000000000001n],
    ['9223372036854775807', 9223372036854775807n],
    ['1152921504606846976', 1152921504606846976n],
    ['-9223372036854775808', -9223372036854775808n],
    ['9007199254740991', undefined],
    ['9223372036854775808', undefined],
    ['12', undefined],
    ['1e17', undefined],
    ['x', undefined],
  ])('%s is %s', (text, value) => {
    expect(exactInteger(text)).toBe(value);
  });
});
