import type { Json } from '../types.js';

/**
 * Plain scalars typed as kubectl reads them: YAML 1.1's null and boolean words, and numbers as go-yaml reads
 * them (resolveNumber); timestamps and base-60 numbers stay strings (see YAML_11 in document.ts, which makes
 * the `yaml` package read alike). `<<` (a merge key) is not a value: undefined.
 */
export function resolvePlain(text: string): Json | undefined {
  const first = text.charCodeAt(0);
  // most scalars start with a letter: they are strings unless they are one of a few words
  if ((first >= 97 && first <= 122) || (first >= 65 && first <= 90)) {
    const word = text.length <= 5 ? WORDS.get(text) : undefined; // `false` is the longest word
    return word !== undefined ? word : text;
  }
  if (text === '' || text === '~') return null;
  if (text === '<<') return undefined;
  return NUMBER_LIKE.test(text) ? resolveNumber(text) : text;
}

const INFINITY_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Scalars go-yaml may read as a number: they start with a digit, a sign or a dot, and hold no space or `:`. */
export const NUMBER_LIKE = /^[-+.0-9][-+.0-9a-zA-Z_]*$/;

/** Whether go-yaml reads a plain scalar as a number. */
export function isGoNumber(text: string): boolean {
  return NUMBER_LIKE.test(text) && typeof resolveNumber(text) === 'number';
}

/**
 * A number-like scalar as go-yaml (kubectl's YAML) reads it, or the text itself: underscores dropped, an
 * integer as Go's ParseInt reads it with base prefixes (`0x1F`, `0o17`, `0b11`, `0755` octal, a sign), else
 * a float of YAML's form (`1.5`, `.5`, `1.`, `1e3`, `.inf`, `.nan`); `e3`, `.`, `.e3`, `1e` and `1.2.3` are strings.
 * Out of range: an integer beyond 64 bits is a float when decimal, a string when not (`0x1FFFFFFFFFFFFFFFFF`);
 * a float beyond a double (`1e400`) is a string, as ParseFloat fails.
 */
export function resolveNumber(text: string): Json {
  if (INFINITY_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
  if (text[0] === '.') return /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(text) ? float(text, text) : text;
  const plain = text.replace(/_/g, '');
  const int = goInteger(plain);
  if (int) {
    const n = Number(int.value);
    if (int.value >= INT64_MIN && int.value <= UINT64_MAX) return n === 0 ? 0 : n; // a uint64 beyond int64 is a float for kubectl: the same double
    if (int.radix !== 10 && int.radix !== 0) return text;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(plain)) return float(plain, text);
  return text;
}

/**
 * An integer kubectl keeps exactly and a double does not: the scalar's value when go-yaml reads it as an int64
 * beyond 2^53 (`9007199254740993`, `0x20000000000001`; a double would change it, or write other digits for
 * it: 2^60 is 1152921504606846976 for kubectl, 1152921504606847000 for JavaScript), else undefined.
 */
export function exactInteger(text: string): bigint | undefined {
  if (!NUMBER_LIKE.test(text)) return undefined;
  const int = goInteger(text.replace(/_/g, ''));
  if (!int || int.value < INT64_MIN || int.value > INT64_MAX) return undefined;
  return Number.isSafeInteger(Number(int.value)) ? undefined : int.value;
}

/** Whether a value holds an integer beyond 2^53 (which kubectl may hold exactly, and a double not). */
export function holdsUnsafeInteger(value: Json): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value === null || typeof value !== 'object') return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(holdsUnsafeInteger);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** An integer as Go's ParseInt reads it with base 0 (radix 0: a leading-zero octal, which is decimal beyond 64 bits). */
function goInteger(plain: string): { value: bigint; radix: number } | undefined {
  const int = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]+)|([0-9]+))$/.exec(plain);
  if (!int || (int[6] && int[6].length > 1 && int[6][0] === '0')) return undefined;
  const [, sign, hex, oct, bin, leadingZero, dec] = int;
  const radix = hex ? 16 : oct ? 8 : bin ? 2 : leadingZero ? 0 : 10;
  const digits = hex ?? oct ?? bin ?? leadingZero ?? dec ?? '';
  const small = parseInt(digits, radix || 8);
  const magnitude = Number.isSafeInteger(small) ? BigInt(small) : BigInt((radix === 16 ? '0x' : radix === 2 ? '0b' : radix === 10 ? '' : '0o') + digits);
  return { value: sign === '-' ? -magnitude : magnitude, radix };
}

/** A float as Go's ParseFloat reads it: the text itself when it is beyond a double (ParseFloat fails; go-yaml keeps the string). */
function float(plain: string, text: string): Json {
  const n = parseFloat(plain);
  return Number.isFinite(n) ? n : text;
}

/** The null and boolean words of YAML 1.1. */
const WORDS = new Map<string, Json>([
  ...['null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['Y', 'y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['N', 'n', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
]);
