/**
 * A Kubernetes resource quantity (`250m`, `1Gi`, `1.5`, `2e3`) as an exact fraction, and the rounded-up
 * integer scalings apimachinery's Quantity gives (`Value()`, `MilliValue()`).
 */
export interface Quantity {
  numerator: bigint;
  denominator: bigint;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const NUMBER = /^([+-]?)([0-9]*)(?:\.([0-9]*))?/;
const EXPONENT = /^[eE]([+-]?[0-9]+)$/;

/** The quantity `text` stands for, or undefined when it is none (apimachinery's ParseQuantity grammar). */
export function parseQuantity(text: string): Quantity | undefined {
  const number = NUMBER.exec(text)!;
  const [whole, sign, integer = '', fraction = ''] = number;
  if (integer === '' && fraction === '') return undefined;
  const suffix = text.slice(whole.length);
  let numerator = BigInt(integer + fraction || '0') * (sign === '-' ? -1n : 1n);
  let denominator = 10n ** BigInt(fraction.length);
  const exponent = EXPONENT.exec(suffix);
  let power10 = 0;
  if (Object.hasOwn(DECIMAL, suffix)) power10 = DECIMAL[suffix]!;
  else if (Object.hasOwn(BINARY, suffix)) numerator *= 2n ** BigInt(BINARY[suffix]!);
  else if (exponent && Math.abs(Number(exponent[1])) <= 1000) power10 = Number(exponent[1]);
  else return undefined;
  if (power10 >= 0) numerator *= 10n ** BigInt(power10);
  else denominator *= 10n ** BigInt(-power10);
  return { numerator, denominator };
}

/** ceil(q × 10^scale), as apimachinery's ScaledValue rounds (Value: scale 0, MilliValue: scale 3). */
export function scaledValue(q: Quantity, scale: number): bigint {
  const numerator = q.numerator * 10n ** BigInt(scale);
  const quotient = numerator / q.denominator;
  return numerator % q.denominator > 0n ? quotient + 1n : quotient;
}
