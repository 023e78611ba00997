import type { DocumentOptions, SchemaOptions, ToStringOptions } from 'yaml';
import { kubectlTags } from '../yaml/schema.js';
import { isObject } from '../types.js';
import { yamlLib } from '../util/yaml-lib.js';
import { isPlainSafe, typedAsString } from './scalar.js';
import type { Style } from './style.js';
import { YAML_11_BREAKS, escapeBreaks, jsonText } from './json.js';

/**
 * Options that make the `yaml` package write what kubectl reads back unchanged (YAML 1.1 quoting), and no
 * anchors of its own for objects a value holds twice (the document's own anchors may have their names).
 */
function options(style: Style) {
  return {
    version: '1.1' as const,
    customTags: kubectlTags, // a string kubectl would read as a number is quoted
    aliasDuplicateObjects: false,
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: style.quote === 'single',
  };
}

/** A value written as block YAML starting at column `col`, every line indented, no final newline. */
export function renderBlock(value: unknown, col: number, style: Style): string {
  const text = style.json ? jsonText(value, style.indent) : (plainBlock(value, style) ?? toYaml(value, options(style)).replace(/\n$/, ''));
  return indentLines(text, col);
}

/**
 * What the `yaml` package writes for a value whose strings it would all write plain (most new values: names,
 * images, quantities), written without it; undefined for any other value.
 */
function plainBlock(value: unknown, style: Style): string | undefined {
  const inline = (v: unknown): string | undefined => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? '-0' : String(v)) : undefined;
    if (typeof v === 'bigint') return String(v);
    if (typeof v === 'string') return writesPlain(v) ? v : typedWord(v) ? quoted(v) : undefined;
    if (Array.isArray(v) && v.length === 0) return '[]';
    if (isObject(v) && Object.keys(v).length === 0) return '{}';
    return undefined;
  };
  // `first` is written after a `key:` or `- ` already on the line; the other lines start at `col`
  const map = (v: Record<string, unknown>, col: number): string | undefined => {
    const lines: string[] = [];
    for (const [key, item] of Object.entries(v)) {
      if (!writesPlain(key) || key === '<<') return undefined;
      const rest = after(item, col);
      if (rest === undefined) return undefined;
      lines.push(`${key}:${rest}`);
    }
    return lines.join('\n' + ' '.repeat(col));
  };
  const seq = (v: unknown[], col: number): string | undefined => {
    const lines: string[] = [];
    for (const item of v) {
      const text = inline(item) ?? (Array.isArray(item) ? seq(item, col + 2) : isObject(item) ? map(item, col + 2) : undefined);
      if (text === undefined) return undefined;
      lines.push(`- ${text}`);
    }
    return lines.join('\n' + ' '.repeat(col));
  };
  // the text after `key:`: the value on the same line, or a block on the next lines
  const after = (v: unknown, col: number): string | undefined => {
    const text = inline(v);
    if (text !== undefined) return ' ' + text;
    if (isObject(v)) return prefixed(map(v, col + style.indent), col + style.indent);
    // without indentSeq the `- ` counts as part of the indentation, where the indent has room for it
    const seqCol = col + (style.indentSeq || style.indent < 2 ? style.indent : style.indent - 2);
    if (Array.isArray(v)) return prefixed(seq(v, seqCol), seqCol);
    return undefined;
  };
  const quoted = (text: string) => (style.quote === 'single' ? `'${text}'` : `"${text}"`);
  const prefixed = (text: string | undefined, col: number) => (text === undefined ? undefined : '\n' + ' '.repeat(col) + text);
  if (isObject(value)) return Object.keys(value).length ? map(value, 0) : '{}';
  if (Array.isArray(value)) return value.length ? seq(value, 0) : '[]';
  return inline(value);
}

/** A word YAML reads as another type (`on`, `1`, `1.10`, `0755`) or the empty string: the `yaml` package quotes it. */
function typedWord(text: string): boolean {
  return text === '' || (/^[A-Za-z0-9_.+-]+$/.test(text) && !typedAsString(text));
}

/** Whether the `yaml` package writes a string plain (for a word this simple: when no YAML type reads it). */
function writesPlain(text: string): boolean {
  return /^[A-Za-z0-9/_.][A-Za-z0-9_./@+-]*$/.test(text) && isPlainSafe(text) && typedAsString(text);
}

/** A collection written on one line, in flow style (JSON in a JSON document). */
export function renderFlow(value: unknown, style: Style): string {
  if (style.json) return jsonText(value);
  // escapes, not folded lines, for line breaks in double-quoted strings: a flow value stays on its line
  return toYaml(value, { ...options(style), collectionStyle: 'flow', doubleQuotedAsJSON: true }).replace(/\n$/, '');
}

type Options = DocumentOptions & SchemaOptions & ToStringOptions;

/**
 * `stringify`, but a `<<` key is quoted (written plain, YAML 1.1 reads it as a merge key), in flow style
 * a string with a line break is double-quoted (the yaml package writes it plain over several lines, which
 * a flow collection in a block cannot hold at its key's indentation), and a string holding a character
 * YAML 1.1 reads as a line break (U+0085, U+2028, U+2029) is double-quoted with it escaped (the yaml
 * package writes it as it is, even in double quotes).
 */
function toYaml(value: unknown, options: Options): string {
  const { Document, isScalar, stringify, visit } = yamlLib();
  const flow = options.collectionStyle === 'flow';
  if (!needsNodeStyles(value, flow)) return stringify(value, options);
  const doc = new Document(value, { ...options, customTags: (tags) => kubectlTags(tags).filter((tag) => typeof tag === 'string' || tag.tag !== MERGE_TAG) });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') pair.key.type = 'QUOTE_DOUBLE';
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && ((flow && /[\n\r]/.test(node.value)) || YAML_11_BREAKS.test(node.value))) node.type = 'QUOTE_DOUBLE';
    },
  });
  // every string holding such a character is double-quoted now: they stand in nothing else
  return escapeBreaks(doc.toString(options));
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

function needsNodeStyles(value: unknown, flow: boolean): boolean {
  if (typeof value === 'string') return (flow && /[\n\r]/.test(value)) || YAML_11_BREAKS.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => needsNodeStyles(item, flow));
  return Object.entries(value).some(([key, item]) => key === '<<' || YAML_11_BREAKS.test(key) || needsNodeStyles(item, flow));
}

/** `text` with every non-empty line indented by `col` spaces. */
export function indentLines(text: string, col: number): string {
  if (col === 0) return text;
  const pad = ' '.repeat(col);
  return text.replace(/^(?=.)/gm, pad);
}
