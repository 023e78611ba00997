import { isMap, isSeq, type TreeNode } from '../read/tree.js';

/** How a document is written, so that new structure can be written the same way. */
export interface Style {
  /** Spaces per nesting level of maps. */
  indent: number;
  /** Whether a sequence under a key is indented (`key:\n  - a`) or flush (`key:\n- a`). */
  indentSeq: boolean;
  /** The quotes the document uses when a string needs them. */
  quote: 'double' | 'single';
  /** A JSON document: new collections are written as JSON. */
  json: boolean;
}

export const DEFAULT_STYLE: Style = { indent: 2, indentSeq: false, quote: 'double', json: false };

/** Reads the indentation, sequence style and quote style a document uses; defaults where it shows none. */
export function detectStyle(root: TreeNode | null, text: string): Style {
  const style = { ...DEFAULT_STYLE };
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  let doubles = 0;
  let singles = 0;
  const walk = (node: TreeNode | null): void => {
    if (isMap(node)) {
      for (const { key, value } of node.items) {
        if (key && value) {
          if (indent === undefined && isMap(value) && !value.flow && value.items.length) {
            const col = column(text, value.range[0]);
            const keyCol = column(text, key.range[0]);
            if (col > keyCol) indent = col - keyCol;
          }
          if (indentSeq === undefined && isSeq(value) && !value.flow && value.items.length) {
            indentSeq = column(text, value.range[0]) > column(text, key.range[0]);
          }
        }
        walk(key);
        walk(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (node?.kind === 'scalar') {
      if (node.type === 'QUOTE_DOUBLE') doubles++;
      else if (node.type === 'QUOTE_SINGLE') singles++;
    }
  };
  walk(root);
  if (indent !== undefined) style.indent = indent;
  if (indentSeq !== undefined) style.indentSeq = indentSeq;
  if (singles > doubles) style.quote = 'single';
  style.json = (isMap(root) || isSeq(root)) && root.flow;
  return style;
}

/** 0-based column of a character offset. */
export function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
