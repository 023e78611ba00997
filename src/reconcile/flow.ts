import { isMap, isScalar, isSeq, type MapNode, type Pair, type SeqNode, type TreeNode } from '../yaml/tree.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { deepEqual } from '../util/equal.js';

/** What rewriting a flow collection needs from the reconciler: the text, and how it writes new values. */
export interface FlowSource {
  text: string;
  /** A JSON document: new items are written as JSON writes them. */
  json: boolean;
  /** Where a pair starts: its key, or the `?`, `&anchor` or `!tag` before it. */
  pairStart(pair: Pair): number;
  /** Where a node's own text ends (before a trailing comment). */
  end(node: TreeNode): number;
  /** A value written in flow style where `node` (if any) stood; a collection over lines starting at column `col`, if given (JSON). */
  write(node: TreeNode | undefined, value: Json, col?: number): string;
  /** A new key of a flow map. */
  key(key: string): string;
}

/** The layout of a flow collection: what stands after its opening bracket, between its items, before its closing one. */
interface Layout {
  open: string;
  separator: string;
  close: string;
  /** The column of its items when they stand on lines of their own. */
  col?: number;
}

/**
 * A flow collection written anew (keys added or removed, items moved), in its own layout (`[a, b]`, `[ a, b ]`,
 * one item a line in a JSON document), keeping the source text of every item whose value did not change, and
 * of every key: an untouched `0x1F`, `1.0`, `1e400`, `"\u00e9"` or integer beyond 2^53 stays as it was written,
 * where writing its value would change it. Nested flow collections that changed are rewritten the same way.
 * Undefined when the collection holds what cannot be kept apart (merge keys, keys that are not scalars).
 */
export function rewriteFlow(source: FlowSource, node: MapNode | SeqNode, before: Json, after: JsonObject | readonly Json[]): string | undefined {
  if (isMap(node) && isObject(before) && isObject(after)) return rewriteMap(source, node, before, after);
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) return rewriteSeq(source, node, before, after);
  return undefined;
}

function rewriteMap(source: FlowSource, node: MapNode, before: JsonObject, after: JsonObject): string | undefined {
  const { text } = source;
  const pairs = new Map<string, Pair>();
  for (const pair of node.items) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value === 'symbol' || (key.value as unknown) === '<<' || key.tag || key.anchor) return undefined;
    const name = key.value === null ? '' : String(key.value);
    if (pairs.has(name)) return undefined;
    pairs.set(name, pair);
  }
  const layout = layoutOf(
    source,
    node,
    node.items.map((pair) => [source.pairStart(pair), source.end(pair.value ?? pair.key)]),
  );
  const colon = colonOf(source, node);
  const items = Object.entries(after).map(([name, value]) => {
    const pair = pairs.get(name);
    if (!pair) {
      const key = source.key(name);
      return key + (/["']$/.test(key) ? colon : ': ') + source.write(undefined, value, layout.col);
    }
    const keyEnd = pair.key.range[1];
    const head = text.slice(source.pairStart(pair), keyEnd);
    const old = pair.value;
    const same = name in before && deepEqual(before[name], value);
    if (same && !old) return head; // `{a}`
    if (same && old && keepable(source, old)) return text.slice(source.pairStart(pair), source.end(old));
    // the `: ` as it was, without the old value's `&anchor` or `!tag`, which may not fit the new one
    const between = old ? text.slice(keyEnd, old.range[0]) : '';
    const separator = /^[ \t]*:[ \t]*$/.test(between) ? between : ': ';
    return head + separator + changed(source, old ?? undefined, before[name], value, layout.col);
  });
  return join(layout, items, '{', '}');
}

function rewriteSeq(source: FlowSource, node: SeqNode, before: Json[], after: Json[]): string {
  const nodes = node.items;
  const layout = layoutOf(
    source,
    node,
    nodes.map((item) => [item.range[0], source.end(item)]),
  );
  const used = new Set<number>();
  // an item whose value is unchanged keeps its text, wherever it went; the others take the place of old ones in order
  const kept = after.map((value, j): TreeNode | undefined => {
    const same = (i: number) => {
      const item = nodes[i];
      return !used.has(i) && item != null && deepEqual(before[i], value) && keepable(source, item);
    };
    const i = j < before.length && same(j) ? j : before.findIndex((_, i) => same(i));
    if (i < 0) return undefined;
    used.add(i);
    return nodes[i] ?? undefined;
  });
  let next = 0;
  const items = after.map((value, j) => {
    const keep = kept[j];
    if (keep) return source.text.slice(keep.range[0], source.end(keep));
    while (next < before.length && used.has(next)) next++;
    const old = next < before.length ? nodes[next] : null;
    if (old) used.add(next);
    return changed(source, old ?? undefined, old ? before[next] : undefined, value, layout.col);
  });
  return join(layout, items, '[', ']');
}

/** A changed value in the place of `old`: a flow collection rewritten within, anything else written anew. */
function changed(source: FlowSource, old: TreeNode | undefined, before: Json | undefined, value: Json, col: number | undefined): string {
  if (
    old &&
    before !== undefined &&
    (isMap(old) || isSeq(old)) &&
    old.flow &&
    old.items.length &&
    value !== null &&
    typeof value === 'object' &&
    !old.tag &&
    !old.anchor
  ) {
    const rewritten = rewriteFlow(source, old, before, value);
    if (rewritten !== undefined) return rewritten;
  }
  return source.write(old, value, col);
}

/**
 * Whether a node's text can be written again elsewhere as it is: not an alias, and holding no anchor, alias or tag
 * (whose text would not say the same there; a conservative look at the characters).
 */
function keepable(source: FlowSource, node: TreeNode): boolean {
  if (node.kind === 'alias' || (node as { tag?: string }).tag || (node as { anchor?: string }).anchor) return false;
  const text = source.text.slice(node.range[0], source.end(node));
  return !/[*&!]/.test(text) || (isScalar(node) && node.type !== 'PLAIN');
}

/** The collection's own spacing, read from its text; an item a line when it spans lines. */
function layoutOf(source: FlowSource, node: MapNode | SeqNode, items: [start: number, end: number][]): Layout {
  const { text } = source;
  const start = node.range[0];
  const end = source.end(node) - 1; // the closing bracket
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^ */.exec(text.slice(lineStart))![0].length;
  const multiLine = text.slice(start, end).includes('\n');
  const blank = (s: string) => /^\s*$/.test(s);
  const [first, second] = items;
  const last = items.at(-1);
  if (!first || !last) return { open: '', separator: ', ', close: '' };
  const [firstStart, firstEnd] = first;
  const [, lastEnd] = last;
  const open = text.slice(start + 1, firstStart);
  const close = text.slice(lastEnd, end);
  const col = firstStart - (text.lastIndexOf('\n', firstStart - 1) + 1);
  const between = second ? text.slice(firstEnd, second[0]) : undefined;
  // compact JSON (`{"a":1}`) stays compact
  const fallback = multiLine ? ',\n' + ' '.repeat(col) : source.json && !/[,:] /.test(text.slice(start, end)) ? ',' : ', ';
  const separator = between !== undefined && /^\s*,\s*$/.test(between) && between.includes('\n') === multiLine ? between.trimStart() : fallback;
  return {
    open: blank(open) && open.includes('\n') === multiLine ? open : multiLine ? '\n' + ' '.repeat(col) : open.startsWith(' ') ? ' ' : '',
    separator,
    close: blank(close) && close.includes('\n') === multiLine ? close : multiLine ? '\n' + ' '.repeat(indent) : close.endsWith(' ') ? ' ' : '',
    col: multiLine ? col : undefined,
  };
}

/** The text between a key and its value in the map (`: `, or `:` in compact JSON), for new pairs. */
function colonOf(source: FlowSource, node: MapNode): string {
  const pair = node.items.find((p) => p.key && p.value);
  if (!pair) return ': ';
  const between = source.text.slice(pair.key!.range[1], pair.value!.range[0]);
  return /^[ \t]*:[ \t]*$/.test(between) ? between.trimStart() : ': ';
}

function join(layout: Layout, items: string[], open: string, close: string): string {
  if (!items.length) return open + close;
  return open + layout.open + items.join(layout.separator) + layout.close + close;
}
