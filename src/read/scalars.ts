import type { Json } from '../types.js';

/**
 * Plain scalars typed as kubectl reads them: the `yaml` package's YAML 1.1 schema in its order, without the
 * timestamp and base-60 types (see YAML_11 in document.ts), so that the block reader and the `yaml` package
 * read every document alike. `<<` (a merge key) is not a value: undefined.
 */
export function resolvePlain(text: string): Json | undefined {
  const first = text.charCodeAt(0);
  // most scalars start with a letter: they are strings unless they are one of a few words
  if ((first >= 97 && first <= 122) || (first >= 65 && first <= 90)) {
    const word = text.length <= 5 ? WORDS.get(text) : undefined; // `false` is the longest word
    if (word !== undefined) return word;
    return (first === 101 || first === 69) && EXP.test(text) ? parseFloat(text) : text; // e3, E-5
  }
  if (text === '' || text === '~') return null;
  if (text === '<<') return undefined;
  for (const [test, resolve] of NUMBERS) if (test.test(text)) return resolve(text);
  return text;
}

/** The null and boolean words of YAML 1.1. */
const WORDS = new Map<string, Json>([
  ...['null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['Y', 'y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['N', 'n', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
]);

const EXP = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;

/** The number types of YAML 1.1, in the `yaml` package's order. */
const NUMBERS: [RegExp, (text: string) => Json][] = [
  [/^[-+]?0b[0-1_]+$/, (text) => integer(text, 2, 2)],
  [/^[-+]?0[0-7_]+$/, (text) => integer(text, 1, 8)],
  [/^[-+]?[0-9][0-9_]*$/, (text) => integer(text, 0, 10)],
  [/^[-+]?0x[0-9a-fA-F_]+$/, (text) => integer(text, 2, 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity)],
  [EXP, (text) => parseFloat(text.replace(/_/g, ''))],
  [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, (text) => parseFloat(text.replace(/_/g, ''))],
];

function integer(text: string, prefix: number, radix: number): number {
  const sign = text[0];
  const digits = text.substring(sign === '-' || sign === '+' ? prefix + 1 : prefix).replace(/_/g, '');
  const n = parseInt(digits, radix);
  return sign === '-' ? -1 * n : n;
}
