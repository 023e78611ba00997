import { isMap, isSeq, type TreeNode } from '../yaml/tree.js';

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
  return new DocumentStyle(root, text);
}

class DocumentStyle implements Style {
  readonly indent: number;
  readonly indentSeq: boolean;
  readonly json: boolean;
  private quoteStyle?: Style['quote'];

  constructor(
    private readonly root: TreeNode | null,
    text: string,
  ) {
    const { indent, indentSeq } = layoutOf(root, text);
    this.indent = indent ?? DEFAULT_STYLE.indent;
    this.indentSeq = indentSeq ?? DEFAULT_STYLE.indentSeq;
    this.json = (isMap(root) || isSeq(root)) && root.flow;
  }

  /** Counting quotes walks the whole document: done the first time a string needs them. */
  get quote(): Style['quote'] {
    return (this.quoteStyle ??= quoteOf(this.root));
  }
}

/** The first nested block map's indentation and the first block sequence's, in document order. */
function layoutOf(root: TreeNode | null, text: string): { indent?: number; indentSeq?: boolean } {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const walk = (node: TreeNode | null): boolean => {
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
        if (indent !== undefined && indentSeq !== undefined) return true;
        if (walk(key) || walk(value)) return true;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (walk(item)) return true;
    }
    return false;
  };
  walk(root);
  return { indent, indentSeq };
}

/** Single quotes when the document quotes more strings that way than with double quotes. */
function quoteOf(root: TreeNode | null): Style['quote'] {
  let balance = 0;
  const walk = (node: TreeNode | null): void => {
    if (isMap(node)) {
      for (const { key, value } of node.items) {
        walk(key);
        walk(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (node?.kind === 'scalar') {
      if (node.type === 'QUOTE_DOUBLE') balance--;
      else if (node.type === 'QUOTE_SINGLE') balance++;
    }
  };
  walk(root);
  return balance > 0 ? 'single' : 'double';
}

/** 0-based column of a character offset. */
export function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
