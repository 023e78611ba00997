import { fromYaml, isMap, isScalar, isSeq, type MapNode, type Pair, type SeqNode, type TreeNode } from '../yaml/tree.js';
import { renderBlock, renderFlow } from '../render/block.js';
import type { Edit } from '../render/splice.js';
import { keepAliases } from './aliases.js';
import { rewriteFlow, type FlowSource } from './flow.js';
import { withExactIntegers } from './exact.js';
import { scalarSource } from '../render/scalar.js';
import { column, detectStyle, type Style } from '../render/style.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { at } from '../util/at.js';
import { deepEqual } from '../util/equal.js';

/** Where a node stands: it decides how a new value is written in its place. */
type Place = { at: 'root' } | { at: 'value'; pair: Pair; keyCol: number; inFlow?: boolean } | { at: 'item'; dashCol: number; inFlow?: boolean };

/**
 * The edits that turn a document's text, whose tree is `root` and value `before`, into text whose value is `after`.
 * Only nodes whose value changed are touched: a changed scalar is rewritten in its own style, removed pairs and
 * items leave with their own lines and comments, new ones are written in the document's own style.
 * Aliases of changed anchored nodes are written out with the values they stood for.
 * `root` is the document's root node as the read stage gives it (null for an empty document).
 */
export function reconcile(root: TreeNode | null, text: string, before: Json, after: Json): Edit[] {
  after = withExactIntegers(root, after);
  const edits = new Reconciler(root, text).run(before, after);
  return keepAliases(text, edits, (expanded, again) => new Reconciler(fromYaml(again), expanded).run(before, after));
}

class Reconciler {
  private readonly edits: Edit[] = [];
  private cachedStyle?: Style;
  private cachedFlowSource?: FlowSource;

  constructor(
    private readonly root: TreeNode | null,
    private readonly text: string,
  ) {}

  run(before: Json, after: Json): Edit[] {
    const { root } = this;
    if (root) this.update(root, before, after, { at: 'root' });
    else this.edits.push({ start: this.text.length, end: this.text.length, text: renderBlock(after, 0, this.style) + '\n' });
    return this.edits;
  }

  private get style(): Style {
    return (this.cachedStyle ??= detectStyle(this.root, this.text));
  }

  private update(node: TreeNode, before: Json, after: Json, place: Place): void {
    if (before === after) return;
    // collections are compared key by key and item by item (equal ones get no edit): a deepEqual first
    // would walk each level of the changed path again
    if (isMap(node) && isObject(before) && isObject(after) && this.updateMap(node, before, after, place)) return;
    if (isSeq(node) && Array.isArray(before) && Array.isArray(after) && this.updateSeq(node, before, after, place)) return;
    if (deepEqual(before, after)) return;
    this.replace(node, after, place, before);
  }

  // ---- maps ----

  /** Edits a map pair by pair; false when it must be written anew instead. */
  private updateMap(node: MapNode, before: JsonObject, after: JsonObject, place: Place): boolean {
    const pairs = new Map<string, Pair>();
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (key === undefined || pairs.has(key)) return false; // merge keys, complex keys
      if (!pair.value && !this.colonFollows(pair)) return false; // `{a}`, `? a`: no `:` to write after
      pairs.set(key, pair);
    }
    const afterKeys = Object.keys(after);
    if (afterKeys.length === 0) return false;
    const kept = afterKeys.flatMap((k) => pairs.get(k) ?? []);
    if (node.flow && (kept.length !== afterKeys.length || kept.length !== pairs.size)) return false;
    const [firstKept] = kept;
    if (!firstKept) return false; // no pair kept: the map is written anew

    const col = column(this.text, this.keyStart(at(node.items, 0)));
    this.removePairs(
      node,
      [...pairs].filter(([key]) => !(key in after)).map(([, pair]) => pair),
    );
    const inFlow = node.flow || (place.at !== 'root' && place.inFlow);
    let previous: Pair | undefined;
    for (const [key, next] of Object.entries(after)) {
      const pair = pairs.get(key);
      if (pair && before[key] === next) {
        previous = pair; // the same value: nothing to look at
      } else if (pair) {
        const value = pair.value;
        const keyCol = column(this.text, this.keyStart(pair));
        const old = before[key];
        if (old === undefined) invariant('a key of the map has no value before');
        if (value) this.update(value, old, next, { at: 'value', pair, keyCol, inFlow });
        else if (next !== null) this.fillEmpty(this.colonEnd(pair), next, { at: 'value', pair, keyCol, inFlow });
        previous = pair;
      } else {
        this.insertPair(previous ?? firstKept, !previous, key, next, col);
      }
    }
    return true;
  }

  /** Inserts a pair after `neighbour`, or before it when `before` (a new key that comes first). */
  private insertPair(neighbour: Pair, before: boolean, key: string, value: Json, col: number): void {
    const rendered = renderBlock({ [key]: value }, col, this.style);
    if (before) {
      this.insert(this.keyStart(neighbour), rendered.slice(col) + '\n' + ' '.repeat(col));
    } else {
      const at = this.lineEnd(pairEnd(neighbour, this.text));
      this.insert(at, this.breakBefore(at) + rendered + '\n');
    }
  }

  private removePairs(node: MapNode, removed: Pair[]): void {
    const [first] = node.items;
    if (!first) return; // an empty map: no pair to remove
    const firstStart = this.keyStart(first);
    let covered = 0;
    if (removed.includes(first) && !this.onlySpaceBefore(firstStart)) {
      // the first pair stands on a `- ` line: the first kept pair moves up to take its place
      const kept = node.items.find((pair) => !removed.includes(pair)) ?? invariant('a map that keeps no pair is edited pair by pair');
      covered = node.items.indexOf(kept);
      this.edits.push({ start: firstStart, end: this.keyStart(kept), text: '' });
    }
    for (const pair of removed) {
      if (node.items.indexOf(pair) < covered) continue;
      const start = this.keyStart(pair);
      const from = this.commentLinesAbove(this.lineStart(start), column(this.text, start));
      this.edits.push({ start: from, end: this.lineEnd(pairEnd(pair, this.text)), text: '' });
    }
  }

  /**
   * `key:` or `-` with no value gets one, written after `at` (the end of the indicator or of the node's
   * anchor): a scalar or flow collection on that line, before any comment; a block on the lines below.
   */
  private fillEmpty(at: number, value: Json, place: Place & { at: 'value' | 'item' }): void {
    const text = this.afterIndicator(value, place);
    this.insert(text.startsWith('\n') ? this.lineBreak(at) : at, text);
  }

  /** A value as written after its `:` or `-`: ` scalar` or ` flow` on that line, or a block below. */
  private afterIndicator(value: Json, place: Place & { at: 'value' | 'item' }): string {
    if (place.inFlow) return ' ' + this.inline(undefined, value, true);
    if (place.at === 'value') return this.valueAfterColon(value, place.keyCol);
    if (!isCollection(value) || isEmpty(value)) return ' ' + this.inline(undefined, value);
    return renderBlock([value], place.dashCol, this.style).slice(place.dashCol + 1);
  }

  /** Whether a pair's key is followed by its `:` (not so in `{a}` or `? a`). */
  private colonFollows(pair: Pair): boolean {
    const end = pair.key.range[1];
    return /^[ \t]*:/.test(this.text.slice(end, end + 100));
  }

  // ---- sequences ----

  /** Edits a sequence item by item; false when it must be written anew instead. */
  private updateSeq(node: SeqNode, before: Json[], after: Json[], place: Place): boolean {
    if (after.length === 0 || node.items.length !== before.length) return false;
    const match = matchItems(before, after);
    const firstKept = match?.find((i) => i >= 0);
    if (!match || firstKept === undefined) return false; // no item kept: the list is written anew
    if (node.flow && (after.length !== before.length || match.some((m, j) => m !== j))) return false;

    const dashCol = column(this.text, node.range[0]);
    const matched = new Set(match.filter((m) => m >= 0));
    const inFlow = node.flow || (place.at !== 'root' && place.inFlow);
    this.removeItems(
      node,
      before.flatMap((_, i) => (matched.has(i) ? [] : [i])),
    );
    let previous: TreeNode | undefined;
    after.forEach((value, j) => {
      const i = at(match, j);
      if (i >= 0) {
        const item = at(node.items, i);
        this.update(item, at(before, i), value, { at: 'item', dashCol, inFlow });
        previous = item;
      } else if (previous) {
        const at = this.lineEnd(nodeEnd(previous, this.text));
        this.insert(at, this.breakBefore(at) + renderBlock([value], dashCol, this.style) + '\n');
      } else {
        const dash = this.dashBefore(at(node.items, firstKept));
        this.insert(dash, renderBlock([value], dashCol, this.style).slice(dashCol) + '\n' + ' '.repeat(dashCol));
      }
    });
    return true;
  }

  private removeItems(node: SeqNode, removed: number[]): void {
    const [first] = node.items;
    if (!first) return; // an empty list: no item to remove
    let covered = 0;
    const firstDash = this.dashBefore(first);
    if (removed.includes(0) && !this.onlySpaceBefore(firstDash)) {
      // the first item stands on its parent's `- ` line (`- - a`): the first kept item moves up to take its place
      covered = node.items.findIndex((_, i) => !removed.includes(i));
      const kept = node.items[covered] ?? invariant('a list that keeps no item is edited item by item');
      this.edits.push({ start: firstDash, end: this.dashBefore(kept), text: '' });
    }
    for (const i of removed) if (i >= covered) this.removeItem(node, i);
  }

  private removeItem(node: SeqNode, index: number): void {
    const item = at(node.items, index);
    const dash = this.dashBefore(item);
    const from = this.commentLinesAbove(this.lineStart(dash), column(this.text, dash));
    this.edits.push({ start: from, end: this.lineEnd(nodeEnd(item, this.text)), text: '' });
  }

  // ---- writing a node anew ----

  /** Writes `after` in place of `node` (whose value was `before`), inline when it is a scalar or flow, else as a block below its key. */
  private replace(node: TreeNode, after: Json, place: Place, before?: Json): void {
    const empty = isScalar(node) && node.source === '' && node.range[0] === node.range[1];
    const tag = node.kind === 'alias' ? undefined : node.tag;
    if (place.at !== 'root' && tag && (empty || !tagFits(tag, node, after))) {
      // `!!int 5` becoming a string, `!custom x` a number: the value is written anew, without the tag
      const from = place.at === 'value' ? this.colonEnd(place.pair) : this.dashBefore(node) + 1;
      return this.rewrite(from, contentEnd(node, this.text), this.afterIndicator(after, place));
    }
    if (place.at !== 'root' && empty) {
      // an empty value (`key:`, `-`): its range starts after any spaces and before a comment
      const indicator = place.at === 'value' ? this.colonEnd(place.pair) : this.dashBefore(node) + 1;
      let at = node.range[0];
      while (at > indicator && (this.text[at - 1] === ' ' || this.text[at - 1] === '\t')) at--;
      return this.fillEmpty(at, after, place);
    }
    if (place.at !== 'root' && place.inFlow) {
      // inside a flow collection a new value stays where the old one was, in flow style
      this.edits.push({ start: node.range[0], end: contentEnd(node, this.text), text: this.inline(node, after, true, before) });
      return;
    }
    // a block map starts with its first key's `&anchor` or `!tag`, if it has one
    const firstPair = isMap(node) && !node.flow ? node.items[0] : undefined;
    const start = firstPair ? Math.min(node.range[0], this.keyStart(firstPair)) : node.range[0];
    const end = contentEnd(node, this.text);
    const block = (isMap(node) || isSeq(node)) && !node.flow;
    const inline = !isCollection(after) || isEmpty(after) || (!block && isNonEmptyFlow(node));

    if (place.at === 'value' && (block ? !(inline || Array.isArray(after) !== isSeq(node)) : inline)) {
      // same line as the key and staying there, or a block staying a block of the same kind
      const col = column(this.text, start);
      const text = inline ? this.inline(node, after, false, before) : renderBlock(after, col, this.style).slice(col);
      this.rewrite(start, end, text, this.scalarOnItsLine(node, after, 'key'));
    } else if (place.at === 'value') {
      this.rewrite(this.colonEnd(place.pair), end, this.valueAfterColon(after, place.keyCol));
    } else if (inline) {
      this.rewrite(start, end, this.inline(node, after, false, before), place.at === 'item' ? this.scalarOnItsLine(node, after, 'dash') : undefined);
    } else {
      const col = place.at === 'item' ? place.dashCol + 2 : column(this.text, start);
      // an item's `&anchor` or `!tag` cannot stand before a block on its line: the block is written after the dash
      const props = place.at === 'item' && Boolean((node.kind !== 'alias' && node.anchor) || tag);
      const from = props ? this.dashBefore(node) + 1 : start;
      this.rewrite(from, end, (props ? ' ' : '') + renderBlock(after, col, this.style).slice(col));
    }
  }

  /**
   * Replaces text[start, end) in block context. What follows on the line (a trailing comment) goes to a line
   * of its own after a block, at the indentation of the line the block starts on, for the block's last line
   * may be a block scalar's, which would take it in; and it stays apart from a value (an empty value's range
   * ends right before a comment).
   */
  private rewrite(start: number, end: number, text: string, scalar?: Edit['scalar']): void {
    const lineBreak = this.lineBreak(end);
    const rest = this.text.slice(end, lineBreak);
    if (text.includes('\n') && rest !== '') {
      const comment = rest.trim();
      if (comment) text += '\n' + ' '.repeat(this.indentation(start)) + comment;
      end = lineBreak;
    } else if (rest.startsWith('#')) {
      text += ' ';
    }
    this.edits.push(scalar && !text.includes('\n') ? { start, end, text, scalar } : { start, end, text });
  }

  /** What an untagged single-line scalar written as a scalar must read as after its `key: ` or `- ` (see Edit). */
  private scalarOnItsLine(node: TreeNode, value: Json, after: 'key' | 'dash'): Edit['scalar'] {
    if (!isScalar(node) || node.tag || isCollection(value) || this.text.slice(node.range[0], node.range[1]).includes('\n')) return undefined;
    return { after, value };
  }

  /** The number of spaces that start the line of `offset`. */
  private indentation(offset: number): number {
    const start = this.lineStart(offset);
    let end = start;
    while (end < offset && this.text[end] === ' ') end++;
    return end - start;
  }

  /** The text after `key:` for a value: ` scalar` on the same line, or a block on the lines below. */
  private valueAfterColon(value: Json, keyCol: number): string {
    if (!isCollection(value) || isEmpty(value)) return ' ' + this.inline(undefined, value);
    const col = keyCol + (Array.isArray(value) && !this.style.indentSeq ? 0 : this.style.indent);
    return '\n' + renderBlock(value, col, this.style);
  }

  /** A value on one line, or a flow collection; a flow collection that was `before` keeps the text of what did not change. */
  private inline(node: TreeNode | undefined, value: Json, inFlow = false, before?: Json): string {
    if (value !== null && typeof value === 'object') {
      if (before !== undefined && isNonEmptyFlow(node)) {
        const kept = rewriteFlow(this.flowSource, node, before, value);
        if (kept !== undefined) return kept;
      }
      if (this.style.json && node && this.text.slice(node.range[0], node.range[1]).includes('\n')) {
        const col = column(this.text, node.range[0]);
        return renderBlock(value, col, this.style).slice(col);
      }
      return renderFlow(value, this.style);
    }
    const type = isScalar(node) ? node.type : undefined;
    const preferred = type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED' ? undefined : type;
    return scalarSource(value, preferred, this.style, inFlow);
  }

  private get flowSource(): FlowSource {
    return (this.cachedFlowSource ??= {
      text: this.text,
      json: this.style.json,
      pairStart: (pair) => this.keyStart(pair),
      end: (node) => contentEnd(node, this.text),
      write: (node, value, col) => {
        if (col !== undefined && this.style.json && value !== null && typeof value === 'object') return renderBlock(value, col, this.style).slice(col);
        return this.inline(node, value, true);
      },
      // `<<` plain is a merge key
      key: (key) => scalarSource(key, this.style.json || key === '<<' ? 'QUOTE_DOUBLE' : undefined, this.style, true),
    });
  }

  // ---- positions ----

  private insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }

  /** A newline to put before text inserted at `at`, when the line there has none (end of text). */
  private breakBefore(at: number): string {
    return at > 0 && this.text[at - 1] !== '\n' ? '\n' : '';
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset of the line break (`\n` or `\r\n`) ending the line of `offset`, or the text's end. */
  private lineBreak(offset: number): number {
    const eol = this.text.indexOf('\n', offset);
    if (eol === -1) return this.text.length;
    return this.text[eol - 1] === '\r' ? eol - 1 : eol;
  }

  /** The start of the next line after `offset`, or the text's end. */
  private lineEnd(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    const eol = this.text.indexOf('\n', offset);
    return eol === -1 ? this.text.length : eol + 1;
  }

  private onlySpaceBefore(offset: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  /** Extends a line start upward over the comment lines just above it that stand at column `col`. */
  private commentLinesAbove(lineStart: number, col: number): number {
    const own = new RegExp(`^ {${col}}#`);
    let start = lineStart;
    while (start > 0) {
      const previous = this.lineStart(start - 1);
      if (!own.test(this.text.slice(previous, start))) break;
      start = previous;
    }
    return start;
  }

  /**
   * The offset of the `-` that introduces a sequence item: the last one before it standing alone, on its
   * line or a line above (an item may start below its dash), not one inside a comment, `&anchor` or `!tag`.
   */
  private dashBefore(item: TreeNode): number {
    let end = item.range[0];
    while (end > 0) {
      const start = this.lineStart(end);
      const line = this.text.slice(start, end).replace(/(^|[ \t])#.*$/s, '$1');
      for (let i = line.length - 1; i >= 0; i--) {
        if (line[i] === '-' && (i === 0 || /\s/.test(line.charAt(i - 1))) && (i + 1 === line.length || /\s/.test(line.charAt(i + 1)))) return start + i;
      }
      end = start - 1; // the line above, without its line break
    }
    return -1;
  }

  /** Where a pair starts: its key, the `&anchor` or `!tag` before the key, or the `?` of an explicit key. */
  private keyStart(pair: Pair): number {
    if (pair.explicit !== undefined) return pair.explicit;
    const key = pair.key;
    const start = key.range[0];
    if (key.kind === 'alias' || (!key.anchor && !key.tag)) return start;
    const props = /(?:[&!]\S*[ \t]+)+$/.exec(this.text.slice(this.lineStart(start), start));
    return props ? start - props[0].length : start;
  }

  /** The offset just after the `:` of a pair. */
  private colonEnd(pair: Pair): number {
    const colon = this.text.indexOf(':', pair.key.range[1]);
    return colon + 1;
  }
}

/** A broken invariant of the reconciler: a bug, never the input's doing (the pipeline reports it at the document). */
function invariant(message: string): never {
  throw new Error(`reconcile: ${message}`);
}

const CORE_TAG = 'tag:yaml.org,2002:';

/** Whether a node's tag reads `value` as itself: `!!str` a string, a tag YAML does not know a string or the node's kind. */
function tagFits(tag: string, node: TreeNode, value: Json): boolean {
  if (tag === CORE_TAG + 'str') return typeof value === 'string';
  if (tag === CORE_TAG + 'map') return isObject(value);
  if (tag === CORE_TAG + 'seq') return Array.isArray(value);
  if (tag.startsWith(CORE_TAG)) return false;
  if (isMap(node)) return isObject(value);
  if (isSeq(node)) return Array.isArray(value);
  return typeof value === 'string';
}

function isCollection(value: Json): value is Json[] | JsonObject {
  return value !== null && typeof value === 'object';
}

function isEmpty(value: Json[] | JsonObject): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** A flow collection with items (an empty `{}`/`[]` grows into a block instead). */
function isNonEmptyFlow(node: TreeNode | undefined): node is MapNode | SeqNode {
  return (isMap(node) || isSeq(node)) && node.flow === true && node.items.length > 0;
}

/** A pair's key as the map's value holds it (null is ''); undefined for a merge key (`<<`) or a collection. */
function keyOf(pair: Pair): string | undefined {
  const key = pair.key;
  if (!isScalar(key) || typeof key.value === 'symbol') return undefined;
  return key.value === null ? '' : String(key.value);
}

function pairEnd(pair: Pair, text: string): number {
  return nodeEnd(pair.value ?? pair.key, text);
}

/**
 * Where a node ends for removing it or writing after it: the end of its last value, so that the rest of that
 * line (a trailing comment) goes with it, and the comment lines below go with what follows, as the comment
 * lines above a node go with it. (The yaml package's ranges take them in, and after an empty value even the
 * next line's indentation.) A block scalar ends after its kept blank lines (`|+`).
 */
function nodeEnd(node: TreeNode, text: string): number {
  const last = lastInBlock(node);
  if (last) return nodeEnd(last, text);
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) return node.range[1];
  return contentEnd(node, text);
}

/** Where a node's own text ends: its last scalar's value, without trailing comment or line break. */
function contentEnd(node: TreeNode, text: string): number {
  const last = lastInBlock(node);
  if (last) return contentEnd(last, text);
  let end = node.range[1];
  while (end > node.range[0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

/** What a block collection's text ends with: its last item, or its last pair's value (its key, without one); none for another node. */
function lastInBlock(node: TreeNode): TreeNode | undefined {
  if (isSeq(node) && !node.flow) return node.items.at(-1);
  if (!isMap(node) || node.flow) return undefined;
  const pair = node.items.at(-1);
  return pair && (pair.value ?? pair.key);
}

/** Item keys that name a list item, in the order they are tried, for lists whose items changed. */
const ITEM_KEYS = ['name', 'mountPath', 'devicePath', 'containerPort', 'port', 'ip', 'key', 'topologyKey'];

/**
 * For each item of `after`, the index of the item of `before` it continues, or -1 for a new item;
 * null when the kept items changed order (the list is then written anew).
 */
export function matchItems(before: Json[], after: Json[]): number[] | null {
  const match = after.map(() => -1);
  const used = new Set<number>();
  const take = (j: number, i: number) => {
    match[j] = i;
    used.add(i);
  };
  after.forEach((value, j) => {
    if (j < before.length && !used.has(j) && deepEqual(before[j], value)) take(j, j);
  });
  after.forEach((value, j) => {
    if (at(match, j) >= 0) return;
    const i = before.findIndex((old, i) => !used.has(i) && deepEqual(old, value));
    if (i >= 0) take(j, i);
  });
  after.forEach((value, j) => {
    if (at(match, j) >= 0 || !isObject(value)) return;
    const i = before.findIndex((old, i) => !used.has(i) && isObject(old) && sameItem(old, value));
    if (i >= 0) take(j, i);
  });
  // what is left pairs up in order where both sides are alike (a scalar edited, a map edited in place)
  after.forEach((value, j) => {
    if (at(match, j) >= 0) return;
    const low = Math.max(-1, ...match.slice(0, j));
    const high = Math.min(before.length, ...match.slice(j + 1).filter((i) => i >= 0));
    for (let i = low + 1; i < high; i++) {
      if (used.has(i)) continue;
      if (isObject(before[i]) === isObject(value) && Array.isArray(before[i]) === Array.isArray(value)) take(j, i);
      break;
    }
  });
  let last = -1;
  for (const i of match) {
    if (i < 0) continue;
    if (i < last) return null;
    last = i;
  }
  return match;
}

function sameItem(a: JsonObject, b: JsonObject): boolean {
  for (const key of ITEM_KEYS) {
    if (key in a || key in b) {
      if (!deepEqual(a[key], b[key])) return false;
      if ((a.protocol ?? 'TCP') !== (b.protocol ?? 'TCP') && (key === 'port' || key === 'containerPort')) return false;
      return true;
    }
  }
  return sameResource(a, b);
}

/** Resources (a List's items, a StatefulSet's volumeClaimTemplates) are the same by kind, name and namespace. */
function sameResource(a: JsonObject, b: JsonObject): boolean {
  if (!isObject(a.metadata) || !isObject(b.metadata) || a.metadata.name === undefined) return false;
  return a.kind === b.kind && a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;
}
