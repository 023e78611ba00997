/**
 * Kubernetes resource quantities (apimachinery's resource.Quantity, v0.32): ParseQuantity's rules
 * and errors, and the text kubectl prints for a parsed quantity (Quantity.String): the text as
 * written where Go keeps it (`1Gi`, `500m`, `1e3`, `+1`), else its canonical form (`0.5` → `500m`,
 * `1.5Gi` → `1536Mi`, `2048Mi` → `2Gi`, `1000m` → `1`, `0.0001` → `100u`).
 * Values are exact decimals (BigInt), where Go mixes int64 and inf.Dec: the results are the same.
 */

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

export interface Quantity {
  /** The value is unscaled × 10^-scale. */
  unscaled: bigint;
  scale: number;
  format: QuantityFormat;
  /** The text as written, when Go keeps it: then it is what kubectl prints. */
  text?: string;
}

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`;
const NUMERIC = 'unable to parse numeric part of quantity';
const SUFFIX = "unable to parse quantity's suffix";

const MAX_INT64_FACTORS = 18;
const MAX_INT64 = (1n << 63n) - 1n;
const NANO = -9;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** resource.ParseQuantity: the quantity, or the message Go's error has. */
export function parseQuantity(text: string): Quantity | { error: string } {
  if (text === '') return { error: FORMAT_WRONG };
  if (text === '0') return { unscaled: 0n, scale: 0, format: 'DecimalSI', text };
  const parts = splitQuantity(text);
  if (!parts) return { error: FORMAT_WRONG };
  const { positive, value, num, denom, suffix } = parts;
  const interpreted = interpretSuffix(suffix);
  if (!interpreted) return { error: SUFFIX };
  const { base, exponent } = interpreted;
  let format = interpreted.format;

  // Go's fast path: few enough digits for an int64
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num.length - (exponent * 3) / 10 - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= NANO) {
      const shifted = num + denom;
      const digits = BigInt(shifted);
      const product = digits * mantissa;
      if (product <= MAX_INT64) {
        const unscaled = positive ? product : -product;
        const quantity: Quantity = { unscaled, scale: -scale, format };
        const keeps = format === 'BinarySI' ? exponent % 10 === 0 && (digits & 7n) !== 0n : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        if (keeps) quantity.text = text;
        return quantity;
      }
    }
  }

  const decimal = parseDecimal(value);
  if (!decimal) return { error: NUMERIC };
  let { unscaled, scale: decimalScale } = decimal;
  if (base === 10) decimalScale -= exponent;
  else unscaled *= 1n << BigInt(exponent);
  const negative = unscaled < 0n;
  if (negative) unscaled = -unscaled;
  if (unscaled !== 0n && decimalScale > -NANO) {
    // inf.Dec Round to nanos, RoundUp: away from zero (1n for anything smaller, whatever its exponent)
    const shift = decimalScale + NANO;
    if (shift > unscaled.toString().length) unscaled = 1n;
    else {
      const divisor = 10n ** BigInt(shift);
      const rounded = unscaled / divisor;
      unscaled = rounded * divisor === unscaled ? rounded : rounded + 1n;
    }
    decimalScale = -NANO;
  }
  if (format === 'BinarySI' && compare(unscaled, decimalScale, MAX_INT64) > 0) {
    unscaled = MAX_INT64;
    decimalScale = 0;
  }
  if (format === 'BinarySI' && unscaled > 0n && compare(unscaled, decimalScale, 1n) < 0) format = 'DecimalSI';
  return { unscaled: negative ? -unscaled : unscaled, scale: decimalScale, format };
}

/** Quantity.String(): what kubectl prints for it. */
export function quantityText(quantity: Quantity): string {
  if (quantity.text !== undefined) return quantity.text;
  const { unscaled, scale } = quantity;
  if (unscaled === 0n) return '0';
  let format = quantity.format;
  if (format === 'BinarySI') {
    const fractional = scale > 0 && unscaled % 10n ** BigInt(scale) !== 0n;
    if ((compare(unscaled, scale, -1024n) > 0 && compare(unscaled, scale, 1024n) < 0) || fractional) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = scale >= 0 ? unscaled / 10n ** BigInt(scale) : unscaled * 10n ** BigInt(-scale);
    let times = 0;
    while (amount % 1024n === 0n && amount !== 0n) {
      amount /= 1024n;
      times++;
    }
    const suffix = Object.keys(BINARY_SUFFIXES).find((key) => BINARY_SUFFIXES[key] === times * 10) ?? '';
    return `${amount}${suffix}`;
  }
  let amount = unscaled;
  let exponent = -scale;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = Object.keys(DECIMAL_SUFFIXES).find((key) => DECIMAL_SUFFIXES[key] === exponent) ?? '';
  return `${amount}${suffix}`;
}

/**
 * What kubectl prints for the text of a quantity; an error message for an invalid one. Remembered
 * (a few thousand texts at most): a stream repeats the same few quantities in every workload.
 */
export function canonicalQuantity(text: string): { text: string } | { error: string } {
  let result = remembered.get(text);
  if (result === undefined) {
    const parsed = parseQuantity(text);
    result = 'error' in parsed ? parsed : { text: quantityText(parsed) };
    if (remembered.size >= 4096) remembered.clear();
    remembered.set(text, result);
  }
  return result;
}

const remembered = new Map<string, { text: string } | { error: string }>();

interface QuantityParts {
  positive: boolean;
  /** The number as written (sign, digits, point), without the suffix. */
  value: string;
  /** The integer digits without leading zeros ("0" for none) and the fraction digits. */
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString, step by step as in Go (a lone sign or point is a zero; "1." keeps its point). */
function splitQuantity(text: string): QuantityParts | undefined {
  const end = text.length;
  let positive = true;
  let pos = 0;
  if (text[0] === '-') {
    positive = false;
    pos++;
  } else if (text[0] === '+') {
    pos++;
  }
  while (pos < end && text[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(text[i]!)) i++;
  let num = text.slice(pos, i);
  if (i >= end) return { positive, value: text, num, denom: '', suffix: '' };
  pos = i;
  if (num === '') num = '0';
  let denom = '';
  if (text[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(text[i]!)) i++;
    denom = text.slice(pos, i);
    if (i >= end) return { positive, value: text, num, denom, suffix: '' };
    pos = i;
  }
  const value = text.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(text[pos]!)) pos++;
  if (pos < end && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (pos < end && isDigit(text[pos]!)) pos++;
  if (pos < end) return undefined;
  return { positive, value, num, denom, suffix: text.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { base: number; exponent: number; format: QuantityFormat } | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix]!, format: 'DecimalSI' };
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const exponent = parseInt32(suffix.slice(1));
    if (exponent !== undefined) return { base: 10, exponent, format: 'DecimalExponent' };
  }
  return undefined;
}

/** strconv.ParseInt(s, 10, 64), then Go's int32 conversion (which wraps). */
function parseInt32(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  if (value > MAX_INT64 || value < -MAX_INT64 - 1n) return undefined;
  return Number(BigInt.asIntN(32, value));
}

/** inf.Dec SetString: an optional sign, digits with at most one point, at least one digit. */
function parseDecimal(text: string): { unscaled: bigint; scale: number } | undefined {
  const match = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(text);
  if (!match || match[2]! + (match[3] ?? '') === '') return undefined;
  const digits = match[2]! + (match[3] ?? '');
  const unscaled = BigInt(digits);
  return { unscaled: match[1] === '-' ? -unscaled : unscaled, scale: (match[3] ?? '').length };
}

/** Compares unscaled × 10^-scale with an integer. */
function compare(unscaled: bigint, scale: number, integer: bigint): number {
  const left = scale >= 0 ? unscaled : unscaled * 10n ** BigInt(-scale);
  const right = scale >= 0 ? integer * 10n ** BigInt(scale) : integer;
  return left < right ? -1 : left > right ? 1 : 0;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/** ceil(q × 10^digits), as apimachinery's ScaledValue rounds (Value: digits 0, MilliValue: digits 3). */
export function scaledValue(quantity: Quantity, digits: number): bigint {
  const shift = digits - quantity.scale;
  if (shift >= 0) return quantity.unscaled * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = quantity.unscaled / divisor;
  return quantity.unscaled % divisor > 0n ? quotient + 1n : quotient;
}
