import type { Json, WritableJsonObject } from '../types.js';
import { resolvePlain } from '../yaml/scalars.js';
import type { MapNode, Pair, Range, ScalarNode, ScalarStyle, SeqNode, TreeNode } from '../yaml/tree.js';

/** A document read by the block reader: its root node (null when it holds none) and its plain value. */
export interface BlockDocument {
  root: TreeNode | null;
  value: Json;
}

/**
 * Reads one YAML document written in the block style that Helm, kustomize, kubectl and most people write:
 * block maps and sequences, plain, quoted and literal scalars, one-line flow collections, comments.
 * It returns undefined for anything else — anchors, tags, folded scalars, multi-line flow collections,
 * tabs, CRLF, and every malformed document — which the `yaml` package then reads (and reports). Where it
 * answers, it answers as the `yaml` package does (values, YAML 1.1 types, node ranges); its tests check that.
 * One line scan, no token stream: about twenty times faster than the `yaml` package on manifests.
 */
export function readBlock(text: string): BlockDocument | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new BlockReader(text).document();
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

/** Characters the block reader leaves to the `yaml` package. */
const UNSUPPORTED = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]/;

/** Thrown (and caught by readBlock) where the text leaves what the reader reads. */
const DECLINE = { decline: true };

function decline(): never {
  throw DECLINE;
}

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** Characters a plain scalar cannot start with (`-` can, when a non-space follows). */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');
/** Characters that end a plain scalar in a flow collection. */
const FLOW_ENDS = new Set(',[]{}');
/** Double-quoted escapes with a one-character meaning. */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

interface Read {
  node: TreeNode;
  value: Json;
}

/** An implicit key: its node, its text, and the offset of the `:` after it. */
interface Key {
  node: ScalarNode;
  text: string;
  colon: number;
}

/** A line holding content. */
interface ContentLine {
  start: number;
  indent: number;
  /** Offset of its first character after the indentation. */
  content: number;
}

/** What follows the reader's position: the next content line (null at the end) and the comments before it. */
interface Ahead {
  line: ContentLine | null;
  /** The largest indentation among the comment lines before it, or -1. */
  commentIndent: number;
}

class BlockReader {
  /** The start of the first line not yet read. */
  private pos = 0;
  private peeked: Ahead & { from: number } = { from: -1, line: null, commentIndent: -1 };
  private indentLine = -1;
  private indent = 0;

  constructor(private readonly text: string) {}

  document(): BlockDocument {
    const afterMarker = this.documentStart();
    const { line: first, commentIndent } = this.ahead();
    if (!first) {
      // after `---` the `yaml` package sees an empty value, whose range holds any comments up to the end
      if (afterMarker < 0) return { root: null, value: null };
      const end = commentIndent >= 0 || this.text.charCodeAt(afterMarker) === HASH ? this.text.length : afterMarker;
      return { root: scalarNode('PLAIN', null, '', [afterMarker, afterMarker, end]), value: null };
    }
    const root = this.blockNode(first.content, first.indent, -1);
    if (root.node.kind === 'scalar' || root.node.kind === 'alias' || root.node.flow || this.ahead().line) decline();
    return { root: root.node, value: root.value };
  }

  /** Reads a `---` line (with at most a comment after it); the offset after the marker and its spaces, or -1. */
  private documentStart(): number {
    const { text } = this;
    if (!text.startsWith('---')) return -1;
    const after = this.skipSpaces(3);
    if (after === 3 && !this.atLineEnd(3)) decline();
    if (!this.atLineEnd(after) && text.charCodeAt(after) !== HASH) decline();
    this.pos = this.nextLine(after);
    return after;
  }

  // ---- block collections ----

  /** A block node starting at `at` (column `col`): a map, a sequence, or a scalar whose parent is at `parent`. */
  private blockNode(at: number, col: number, parent: number): Read {
    const { text } = this;
    if (text.charCodeAt(at) === DASH && this.isBlankOrEnd(at + 1)) return this.blockSeq(at, col);
    const key = this.keyAt(at);
    if (key) return this.blockMap(key, col);
    const ch = text[at];
    if (ch === '|' || ch === '>') decline(); // a block scalar not after `key:` or `- `
    return this.inlineValue(at, parent);
  }

  private blockMap(firstKey: Key, col: number): Read {
    const items: Pair[] = [];
    const value: WritableJsonObject = {};
    const first = firstKey.node.range[0];
    let key = firstKey;
    let end = first;
    for (;;) {
      if (key.text === '__proto__' || Object.prototype.hasOwnProperty.call(value, key.text)) decline();
      const read = this.valueAfterIndicator(key.colon + 1, col, 'map');
      items.push({ key: key.node, value: read.node });
      value[key.text] = read.value;
      end = read.node.range[2];
      const next = this.ahead().line;
      if (!next || next.indent < col) break;
      if (next.indent > col || this.isDash(next.content)) decline();
      key = this.keyAt(next.content) ?? decline();
    }
    const node: MapNode = { kind: 'map', flow: false, items, range: [first, end, this.collectionEnd(col, end)] };
    return { node, value };
  }

  private blockSeq(first: number, col: number): Read {
    const items: TreeNode[] = [];
    const value: Json[] = [];
    let dash = first;
    let end = first;
    for (;;) {
      const read = this.valueAfterIndicator(dash + 1, col, 'seq');
      items.push(read.node);
      value.push(read.value);
      end = read.node.range[2];
      const next = this.ahead().line;
      if (!next || next.indent < col) break;
      if (next.indent === col && !this.isDash(next.content)) break; // the next key of the map this sequence is the value of
      if (next.indent > col) decline();
      dash = next.content;
    }
    const node: SeqNode = { kind: 'seq', flow: false, items, range: [first, end, this.collectionEnd(col, end)] };
    return { node, value };
  }

  /**
   * Where a collection at `col` that ended at `end` ends with its trailing comments: the `yaml` package gives
   * the blank and comment lines after a collection to it when one of the comments is at least as indented
   * as the collection (and the collection is not at column 0), up to the next content.
   */
  private collectionEnd(col: number, end: number): number {
    const { line, commentIndent } = this.ahead();
    if (col === 0 || commentIndent < col) return end;
    this.pos = line ? line.start : this.text.length;
    return line ? line.content : this.text.length;
  }

  /** The value after a `key:` or a `- ` whose `:` or `-` ends at `at`, in a collection at column `col`. */
  private valueAfterIndicator(at: number, col: number, within: 'map' | 'seq'): Read {
    const { text } = this;
    const p = this.skipSpaces(at);
    if (this.atLineEnd(p) || text.charCodeAt(p) === HASH) {
      this.pos = this.nextLine(p);
      const { line: next, commentIndent } = this.ahead();
      if (next && (next.indent > col || (within === 'map' && next.indent === col && this.isDash(next.content)))) {
        return this.blockNode(next.content, next.indent, col);
      }
      // an empty value; comments around it are left to the `yaml` package
      if (text.charCodeAt(p) === HASH || commentIndent >= 0) decline();
      return { node: scalarNode('PLAIN', null, '', [p, p, p]), value: null };
    }
    const ch = text[p];
    if (ch === '|') return this.literal(p, col);
    if (within === 'seq' && text.charCodeAt(p) === DASH && this.isBlankOrEnd(p + 1)) return this.blockSeq(p, this.column(p));
    const key = within === 'seq' ? this.keyAt(p) : null;
    if (key) return this.blockMap(key, this.column(p));
    return this.inlineValue(p, col);
  }

  // ---- keys ----

  /** An implicit key at `at` followed by `:` and a space or the line's end; null when the line holds none. */
  private keyAt(at: number): Key | null {
    const { text } = this;
    const ch = text[at];
    let node: ScalarNode;
    let colon: number;
    if (ch === '"' || ch === "'") {
      const quoted = this.quoted(at, null);
      if (!quoted) return null;
      colon = this.skipSpaces(quoted.end);
      if (text.charCodeAt(colon) !== COLON || !this.isBlankOrEnd(colon + 1)) return null;
      node = scalarNode(ch === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', quoted.value, quoted.value, [at, quoted.end, quoted.end]);
    } else {
      if (!this.plainStart(at)) return null;
      colon = this.keyColon(at);
      if (colon < 0) return null;
      let end = colon;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      const source = text.slice(at, end);
      node = scalarNode('PLAIN', resolvePlain(source) ?? decline(), source, [at, end, end]);
    }
    if (typeof node.value !== 'string' || colon - at > 1024) decline(); // keys kubectl reads as other types
    return { node, text: node.value, colon };
  }

  /** The `:` ending a plain key that starts at `at`, or -1 when the line has none before a comment. */
  private keyColon(at: number): number {
    const { text } = this;
    const end = this.lineEnd(at);
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON && this.isBlankOrEnd(i + 1)) return i;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  // ---- scalars ----

  /** A scalar or flow collection starting at `at` on its line, whose parent collection is at column `parent`. */
  private inlineValue(at: number, parent: number): Read {
    const ch = this.text[at];
    if (ch === '"' || ch === "'") {
      const { value, end } = this.quoted(at, parent) ?? decline();
      this.lineRestIsComment(end);
      return { node: scalarNode(ch === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', value, value, this.flowRange(at, end, parent)), value };
    }
    if (ch === '[' || ch === '{') return this.flow(at, parent);
    if (!this.plainStart(at)) decline();
    return this.plain(at, parent);
  }

  /** Whether a plain scalar can start at `at` (in a flow collection, `-` must not be followed by `,[]{}`). */
  private plainStart(at: number, inFlow = false): boolean {
    const ch = this.text[at];
    if (ch === undefined || ch === ' ' || ch === '\n') return false;
    if (!INDICATORS.has(ch)) return true;
    return ch === '-' && !this.isBlankOrEnd(at + 1) && !(inFlow && FLOW_ENDS.has(this.text.charAt(at + 1)));
  }

  /** A plain scalar, on one line or folded over several more indented than its parent. */
  private plain(start: number, parent: number): Read {
    const { text } = this;
    let end = this.plainLineEnd(start);
    let source = text.slice(start, end);
    let lineStart = this.nextLine(start);
    let breaks = 0;
    // continuation lines: more indented than the parent, not comments, after any blank lines
    while (text.charCodeAt(this.skipSpaces(end)) !== HASH && lineStart < text.length) {
      const indent = this.indentAt(lineStart);
      const content = lineStart + indent;
      if (this.atLineEnd(content)) {
        breaks++;
        lineStart = this.nextLine(content);
        continue;
      }
      if (indent <= parent || text.charCodeAt(content) === HASH) break;
      end = this.plainLineEnd(content);
      source += (breaks ? '\n'.repeat(breaks) : ' ') + text.slice(content, end);
      breaks = 0;
      lineStart = this.nextLine(content);
    }
    const value = resolvePlain(source);
    if (value === undefined) decline();
    return { node: scalarNode('PLAIN', value, source, this.flowRange(start, end, parent)), value };
  }

  /** The end of a plain scalar's text on the line of `at` (before a comment and trailing spaces). */
  private plainLineEnd(at: number): number {
    const { text } = this;
    const end = this.lineEnd(at);
    let i = at;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON && this.isBlankOrEnd(i + 1)) decline(); // a key where a value was expected
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
    }
    while (text.charCodeAt(i - 1) === SPACE) i--;
    return i;
  }

  /**
   * A single- or double-quoted scalar starting at `at`: its value and the offset after its closing quote.
   * A value may fold over lines more indented than its parent collection at column `parent`; with `parent`
   * null (a key, a flow item) it must close on its own line, and null says it does not. Null, too, at the
   * end of the text.
   */
  private quoted(at: number, parent: number | null): { value: string; end: number } | null {
    const { text } = this;
    const double = text[at] === '"';
    let value = '';
    let i = at + 1;
    let chunkStart = i;
    for (;;) {
      const c = text[i];
      if (c === undefined) return null;
      if (double && c === '\\') {
        value += text.slice(chunkStart, i) + this.escape(i);
        i += 2 + (HEX_ESCAPES[text.charAt(i + 1)] ?? 0);
        chunkStart = i;
      } else if (c === (double ? '"' : "'")) {
        if (!double && text[i + 1] === "'") {
          value += text.slice(chunkStart, i + 1);
          i += 2;
          chunkStart = i;
          continue;
        }
        return { value: value + text.slice(chunkStart, i), end: i + 1 };
      } else if (c === '\n') {
        if (parent === null) return null;
        // fold: trailing spaces go (escaped ones are left to `yaml`), a line break is a space, blank lines are line breaks
        let trimmed = i;
        while (text.charCodeAt(trimmed - 1) === SPACE) trimmed--;
        if (trimmed < chunkStart) decline();
        value += text.slice(chunkStart, trimmed);
        let lineBreaks = 0;
        let next = i + 1;
        for (;;) {
          const indent = this.indentAt(next);
          if (text[next + indent] !== '\n') {
            if (indent <= parent || next + indent >= text.length) decline();
            i = next + indent;
            break;
          }
          lineBreaks++;
          next = next + indent + 1;
        }
        value += lineBreaks ? '\n'.repeat(lineBreaks) : ' ';
        chunkStart = i;
      } else {
        i++;
      }
    }
  }

  /** The text of the escape sequence at `at` (a backslash) in a double-quoted scalar. */
  private escape(at: number): string {
    const { text } = this;
    const code = text.charAt(at + 1);
    const escaped = ESCAPES[code];
    if (escaped !== undefined) return escaped;
    const length = HEX_ESCAPES[code];
    if (!length) decline(); // unknown escapes, escaped line breaks
    const hex = text.slice(at + 2, at + 2 + length);
    if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) decline();
    const point = parseInt(hex, 16);
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) decline();
    return String.fromCodePoint(point);
  }

  /** A literal block scalar (`|`, `|-`, `|+`) whose header is at `at`, below a parent at column `parent`. */
  private literal(at: number, parent: number): Read {
    const { text } = this;
    let h = at + 1;
    const chomp = text[h] === '-' || text[h] === '+' ? text[h++] : '';
    const afterHeader = this.skipSpaces(h);
    if (!this.atLineEnd(afterHeader) && (afterHeader === h || text.charCodeAt(afterHeader) !== HASH)) decline();
    const lines: string[] = [];
    let indent = -1;
    let leadingSpaces = 0;
    let trailingBlanks = 0;
    let lineStart = this.nextLine(afterHeader);
    let contentEnd = lineStart;
    while (lineStart < text.length) {
      const spaces = this.indentAt(lineStart);
      const lineEnd = this.lineEnd(lineStart);
      if (lineStart + spaces === lineEnd) {
        // a blank line; one with more spaces than the content's indentation holds content, left to `yaml`
        if (indent < 0) leadingSpaces = Math.max(leadingSpaces, spaces);
        else if (spaces > indent) decline();
        if (lineEnd === text.length) decline();
        lines.push('');
        trailingBlanks++;
        lineStart = lineEnd + 1;
        continue;
      }
      if (indent < 0) {
        if (spaces <= parent || leadingSpaces > spaces) decline(); // empty, or malformed
        indent = spaces;
      }
      if (spaces < indent) break;
      if (lineEnd === text.length) decline(); // no final line break
      lines.push(text.slice(lineStart + indent, lineEnd));
      trailingBlanks = 0;
      lineStart = lineEnd + 1;
      contentEnd = lineStart;
    }
    if (indent < 0) decline();
    const body = lines.slice(0, lines.length - trailingBlanks).join('\n');
    const value = chomp === '-' ? body : chomp === '+' ? body + '\n'.repeat(trailingBlanks + 1) : body + '\n';
    const end = chomp === '+' ? lineStart : contentEnd;
    this.pos = end;
    return { node: scalarNode('BLOCK_LITERAL', value, value, [at, end, end]), value };
  }

  // ---- flow collections (on one line) ----

  private flow(at: number, parent: number): Read {
    const { read, end } = this.flowNode(at);
    this.lineRestIsComment(end);
    read.node.range = this.flowRange(at, end, parent);
    return read;
  }

  /** A flow collection or flow scalar at `at`; the offset after it. */
  private flowNode(at: number): { read: Read; end: number } {
    const { text } = this;
    const ch = text[at];
    if (ch === '[' || ch === '{') {
      const map = ch === '{';
      const items: (Pair | TreeNode)[] = [];
      const value: Json[] | WritableJsonObject = map ? {} : [];
      let i = this.skipSpaces(at + 1);
      while (text[i] !== (map ? '}' : ']')) {
        if (items.length) {
          if (text[i] !== ',') decline();
          i = this.skipSpaces(i + 1);
        }
        const item = this.flowNode(i);
        i = this.skipSpaces(item.end);
        item.read.node.range[2] = i;
        if (map) {
          const key = item.read;
          if (key.node.kind !== 'scalar' || typeof key.value !== 'string' || text[i] !== ':' || text[i + 1] !== ' ') decline();
          if (key.value === '__proto__' || Object.prototype.hasOwnProperty.call(value, key.value)) decline();
          key.node.range[2] = key.node.range[1];
          const val = this.flowNode(this.skipSpaces(i + 1));
          i = this.skipSpaces(val.end);
          val.read.node.range[2] = i;
          items.push({ key: key.node, value: val.read.node });
          (value as WritableJsonObject)[key.value] = val.read.value;
        } else {
          items.push(item.read.node);
          (value as Json[]).push(item.read.value);
        }
      }
      const end = i + 1;
      const range: Range = [at, end, end];
      const node: TreeNode = map ? { kind: 'map', flow: true, items: items as Pair[], range } : { kind: 'seq', flow: true, items: items as TreeNode[], range };
      return { read: { node, value }, end };
    }
    if (ch === '"' || ch === "'") {
      const quoted = this.quoted(at, null) ?? decline();
      const type: ScalarStyle = ch === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
      return { read: { node: scalarNode(type, quoted.value, quoted.value, [at, quoted.end, quoted.end]), value: quoted.value }, end: quoted.end };
    }
    if (!this.plainStart(at, true)) decline();
    let i = at;
    for (; ; i++) {
      const c = text[i];
      if (c === undefined || c === '\n' || FLOW_ENDS.has(c)) break;
      if (c === ':' || (c === '#' && text[i - 1] === ' ')) break;
    }
    let end = i;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    const source = text.slice(at, end);
    const value = resolvePlain(source);
    if (value === undefined || source === '') decline();
    return { read: { node: scalarNode('PLAIN', value, source, [at, end, end]), value }, end };
  }

  // ---- ranges and lines ----

  /**
   * The range of a scalar or flow collection from `start` to `end`: its node end is the end of its line (with
   * any comment), extended over the comment lines below that are more indented than its parent, which the
   * `yaml` package gives to the node. The reader moves past them.
   */
  private flowRange(start: number, end: number, parent: number): Range {
    const { text } = this;
    let nodeEnd = this.nextLine(end);
    for (let lineStart = nodeEnd; lineStart < text.length;) {
      const indent = this.indentAt(lineStart);
      const content = lineStart + indent;
      lineStart = this.nextLine(content);
      if (this.atLineEnd(content)) continue;
      if (text.charCodeAt(content) !== HASH || indent <= parent) break;
      nodeEnd = lineStart;
    }
    this.pos = nodeEnd;
    return [start, end, nodeEnd];
  }

  /** The next content line from the reader's position, and the comment lines before it. */
  private ahead(): Ahead {
    if (this.peeked.from === this.pos) return this.peeked;
    const { text } = this;
    let commentIndent = -1;
    let line: ContentLine | null = null;
    for (let lineStart = this.pos; lineStart < text.length;) {
      const indent = this.indentAt(lineStart);
      const content = lineStart + indent;
      if (this.atLineEnd(content) || text.charCodeAt(content) === HASH) {
        if (!this.atLineEnd(content)) commentIndent = Math.max(commentIndent, indent);
        lineStart = this.nextLine(content);
        continue;
      }
      // a document marker inside a chunk (after `...`, or in text that was not split) is left to `yaml`
      if (indent === 0 && (text.startsWith('---', content) || text.startsWith('...', content)) && this.isBlankOrEnd(content + 3)) decline();
      line = { start: lineStart, indent, content };
      break;
    }
    this.peeked = { from: this.pos, line, commentIndent };
    return this.peeked;
  }

  /** Declines unless the line goes on from `at` with nothing but spaces and a comment after a space. */
  private lineRestIsComment(at: number): void {
    const after = this.skipSpaces(at);
    if (this.atLineEnd(after)) return;
    if (this.text.charCodeAt(after) !== HASH || after === at) decline();
  }

  private isDash(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && this.isBlankOrEnd(at + 1);
  }

  private isBlankOrEnd(at: number): boolean {
    const c = this.text.charCodeAt(at);
    return c === SPACE || c === NEWLINE || Number.isNaN(c);
  }

  private atLineEnd(at: number): boolean {
    const c = this.text.charCodeAt(at);
    return c === NEWLINE || Number.isNaN(c);
  }

  private skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** The indentation of the line starting at `lineStart` (lines are looked at several times: the last is kept). */
  private indentAt(lineStart: number): number {
    if (lineStart !== this.indentLine) {
      this.indentLine = lineStart;
      this.indent = this.skipSpaces(lineStart) - lineStart;
    }
    return this.indent;
  }

  private lineEnd(at: number): number {
    const end = this.text.indexOf('\n', at);
    return end === -1 ? this.text.length : end;
  }

  /** The start of the line after the one holding `at` (the text's length on the last line). */
  private nextLine(at: number): number {
    const end = this.text.indexOf('\n', at);
    return end === -1 ? this.text.length : end + 1;
  }

  private column(at: number): number {
    return at - (this.text.lastIndexOf('\n', at - 1) + 1);
  }
}

function scalarNode(type: ScalarStyle, value: Json, source: string, range: Range): ScalarNode {
  return { kind: 'scalar', type, value, source, range };
}
