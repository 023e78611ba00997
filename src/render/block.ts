import { stringify } from 'yaml';
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
  const text = style.json ? JSON.stringify(value, null, style.indent) : stringify(value, options(style));
  return indentLines(text.replace(/\n$/, ''), col);
}

/** A collection written on one line, in flow style (JSON in a JSON document). */
export function renderFlow(value: unknown, style: Style): string {
  if (style.json) return JSON.stringify(value);
  return stringify(value, { ...options(style), collectionStyle: 'flow' }).replace(/\n$/, '');
}

/** `text` with every non-empty line indented by `col` spaces. */
export function indentLines(text: string, col: number): string {
  if (col === 0) return text;
  const pad = ' '.repeat(col);
  return text.replace(/^(?=.)/gm, pad);
}
