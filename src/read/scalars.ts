import type { Json } from '../types.js';

/**
 * Plain scalars typed as kubectl reads them: the `yaml` package's YAML 1.1 schema in its order, without the
 * timestamp and base-60 types (see YAML_11 in document.ts), so that the block reader and the `yaml` package
 * read every document alike. `<<` (a merge key) is not a value: undefined.
 */
const TYPES: [RegExp, (text: string) => Json][] = [
  [/^(?:~|[Nn]ull|NULL)?$/, () => null],
  [/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, () => true],
  [/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, () => false],
  [/^[-+]?0b[0-1_]+$/, (text) => integer(text, 2, 2)],
  [/^[-+]?0[0-7_]+$/, (text) => integer(text, 1, 8)],
  [/^[-+]?[0-9][0-9_]*$/, (text) => integer(text, 0, 10)],
  [/^[-+]?0x[0-9a-fA-F_]+$/, (text) => integer(text, 2, 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity)],
  [/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, (text) => parseFloat(text.replace(/_/g, ''))],
  [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, (text) => parseFloat(text.replace(/_/g, ''))],
];

/** Strings that start with none of these characters are strings unless they are one of the words above. */
const MAY_BE_TYPED = /^[-+.0-9~nNyYtTfFoOeE<]|^$/;

export function resolvePlain(text: string): Json | undefined {
  if (!MAY_BE_TYPED.test(text)) return text;
  if (text === '<<') return undefined;
  for (const [test, resolve] of TYPES) if (test.test(text)) return resolve(text);
  return text;
}

function integer(text: string, prefix: number, radix: number): number {
  const sign = text[0];
  const digits = text.substring(sign === '-' || sign === '+' ? prefix + 1 : prefix).replace(/_/g, '');
  const n = parseInt(digits, radix);
  return sign === '-' ? -1 * n : n;
}
