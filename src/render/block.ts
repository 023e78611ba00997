import { Document, isScalar, stringify, visit, type DocumentOptions, type SchemaOptions, type ToStringOptions } from 'yaml';
import type { Style } from './style.js';

/** Options that make the `yaml` package write what kubectl reads back unchanged (YAML 1.1 quoting). */
function options(style: Style) {
  return {
    version: '1.1' as const,
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: style.quote === 'single',
  };
}

/** A value written as block YAML starting at column `col`, every line indented, no final newline. */
export function renderBlock(value: unknown, col: number, style: Style): string {
  const text = style.json ? JSON.stringify(value, null, style.indent) : toYaml(value, options(style));
  return indentLines(text.replace(/\n$/, ''), col);
}

/** A collection written on one line, in flow style (JSON in a JSON document). */
export function renderFlow(value: unknown, style: Style): string {
  if (style.json) return JSON.stringify(value);
  return toYaml(value, { ...options(style), collectionStyle: 'flow' }).replace(/\n$/, '');
}

type Options = DocumentOptions & SchemaOptions & ToStringOptions;

/**
 * `stringify`, but a `<<` key is quoted (written plain, YAML 1.1 reads it as a merge key), and in flow style
 * a string with a line break is double-quoted (the yaml package writes it plain over several lines, which
 * a flow collection in a block cannot hold at its key's indentation).
 */
function toYaml(value: unknown, options: Options): string {
  const flow = options.collectionStyle === 'flow';
  if (!needsNodeStyles(value, flow)) return stringify(value, options);
  const doc = new Document(value, { ...options, customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || tag.tag !== MERGE_TAG) });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') pair.key.type = 'QUOTE_DOUBLE';
    },
    Scalar(_, node) {
      if (flow && typeof node.value === 'string' && /[\n\r]/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(options);
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

function needsNodeStyles(value: unknown, flow: boolean): boolean {
  if (typeof value === 'string') return flow && /[\n\r]/.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => needsNodeStyles(item, flow));
  return Object.entries(value).some(([key, item]) => key === '<<' || needsNodeStyles(item, flow));
}

/** `text` with every non-empty line indented by `col` spaces. */
export function indentLines(text: string, col: number): string {
  if (col === 0) return text;
  const pad = ' '.repeat(col);
  return text.replace(/^(?=.)/gm, pad);
}
