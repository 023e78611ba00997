import { kubectlTags } from '../yaml/schema.js';
import { resolvePlain } from '../yaml/scalars.js';
import { yamlLib } from '../util/yaml-lib.js';
import type { ScalarStyle } from '../yaml/tree.js';
import type { Style } from './style.js';
import { YAML_11_BREAKS, escapeBreaks } from './json.js';

/** Words that YAML 1.1 (kubectl) or 1.2 reads as booleans or null when plain. */
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
/** Starts with a letter or `/` and holds only characters that never start or end anything in YAML. */
const SIMPLE = /^[A-Za-z/][A-Za-z0-9_./@+-]*(?::[A-Za-z0-9_./@+-]+)*$/;
/** Starts with a digit, `.` or `_` (`1Gi`, `500m`, `0.1.2`) and holds no `:`: plain unless YAML types it. */
const WORD = /^[0-9._][A-Za-z0-9_./@+-]*$/;

/** Whether a string can be written plain and be read back as the same string by YAML 1.1 and 1.2 readers. */
export function isPlainSafe(value: string): boolean {
  if (SIMPLE.test(value)) return !RESERVED.has(value.toLowerCase());
  if (WORD.test(value)) return typedAsString(value) && !value.startsWith('...'); // `...` ends a document
  if (value === '' || value.includes('\n') || YAML_11_BREAKS.test(value)) return false;
  const { parse, stringify } = yamlLib();
  const written = stringify(value, { version: '1.1', customTags: kubectlTags, lineWidth: 0 }).trimEnd();
  if (written !== value) return false;
  return parse(value, { version: '1.1', customTags: kubectlTags }) === value && parse(value) === value;
}

/**
 * Whether YAML 1.1 (with its timestamps: the yaml package writes dates quoted) and YAML 1.2 read a word
 * without `:` as a string: `1Gi` yes, `1.20`, `0755`, `2024-01-31`, `0o17` no.
 */
export function typedAsString(word: string): boolean {
  return resolvePlain(word) === word && !/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/.test(word) && !YAML_12_NUMBER.test(word);
}

/** YAML 1.2's numbers, beyond the range where go-yaml (YAML 1.1) reads them as strings (`1e400`, `0x1FFFFFFFFFFFFFFFFF`) included. */
const YAML_12_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/** The source text of a scalar, in `preferred` style when the value allows it; `inFlow` inside a flow collection. */
export function scalarSource(value: unknown, preferred: ScalarStyle | undefined, style: Style, inFlow = false): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = String(value);
  if (preferred === 'QUOTE_SINGLE' && !ESCAPED.test(text)) return singleQuoted(text);
  if (preferred === 'QUOTE_DOUBLE') return escapeBreaks(JSON.stringify(text));
  if (isPlainSafe(text) && !style.json && !(inFlow && /[,[\]{}:#]/.test(text))) return text;
  return style.quote === 'single' && !ESCAPED.test(text) ? singleQuoted(text) : escapeBreaks(JSON.stringify(text));
}

/** Characters a single-quoted scalar cannot hold as they are: line breaks (YAML 1.1's too), tabs, controls. */
const ESCAPED = /[\n\r\t\\\x00-\x1f\u0085\u2028\u2029]/;

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
