/**
 * Characters YAML 1.1 (go-yaml, kubectl) reads as line breaks, which JSON and the yaml package write as they
 * are: a document holding one raw does not read back (or reads as another value) in kubectl.
 */
export const YAML_11_BREAKS = /[\u0085\u2028\u2029]/;

/** JSON (or YAML double-quoted) text with its raw YAML 1.1 line breaks escaped; they can only stand in strings. */
export function escapeBreaks(text: string): string {
  return YAML_11_BREAKS.test(text) ? text.replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

/**
 * JSON text as JSON.stringify writes it (`indent` spaces a level, or one line), with YAML 1.1's line breaks
 * escaped, and bigints (integers kset read exactly beyond a double) written as their digits.
 */
export function jsonText(value: unknown, indent = 0): string {
  if (!holdsBigInt(value)) return escapeBreaks(JSON.stringify(value, null, indent));
  const write = (v: unknown, pad: string): string => {
    if (typeof v === 'bigint') return v.toString();
    if (v === null || typeof v !== 'object') return escapeBreaks(JSON.stringify(v) ?? 'null');
    const inner = pad + ' '.repeat(indent);
    const items = Array.isArray(v)
      ? v.map((item) => write(item ?? null, inner))
      : Object.entries(v).flatMap(([k, item]) => (item === undefined ? [] : [`${escapeBreaks(JSON.stringify(k))}:${indent ? ' ' : ''}${write(item, inner)}`]));
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (!items.length) return open + close;
    return indent ? `${open}\n${inner}${items.join(`,\n${inner}`)}\n${pad}${close}` : open + items.join(',') + close;
  };
  return write(value, '');
}

function holdsBigInt(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (value === null || typeof value !== 'object') return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(holdsBigInt);
}
