import type { Document, Node as YamlNode } from 'yaml';
import { yamlLib } from '../util/yaml-lib.js';

/**
 * A YAML document's nodes with their places in the text: what the reconciler needs to write a change back.
 * Ranges are the `yaml` package's: [start, end of the value, end of the node with its trailing comments].
 */
export type Range = [start: number, valueEnd: number, nodeEnd: number];

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface ScalarNode {
  kind: 'scalar';
  type: ScalarStyle;
  /** The value as read (a key's value is what its string is read as, `y` being true). */
  value: unknown;
  /** The scalar's string before YAML typed it: '' for an empty value (`key:`). */
  source: string;
  range: Range;
  tag?: string;
  anchor?: string;
}

export interface MapNode {
  kind: 'map';
  flow: boolean;
  items: Pair[];
  range: Range;
  tag?: string;
  anchor?: string;
}

export interface SeqNode {
  kind: 'seq';
  flow: boolean;
  /** An empty item (`-` alone) is an empty scalar. */
  items: TreeNode[];
  range: Range;
  tag?: string;
  anchor?: string;
}

export interface AliasNode {
  kind: 'alias';
  range: Range;
}

export interface Pair {
  /** An empty key is an empty scalar. */
  key: TreeNode;
  /** Null where no `:` follows the key (`{a}`, `? a`); an empty value after a `:` is an empty scalar. */
  value: TreeNode | null;
  /** The offset of the `?` of an explicit key (`? k` and `: v` on lines of their own). */
  explicit?: number;
}

export type TreeNode = ScalarNode | MapNode | SeqNode | AliasNode;

export const isMap = (node: TreeNode | null | undefined): node is MapNode => node?.kind === 'map';
export const isSeq = (node: TreeNode | null | undefined): node is SeqNode => node?.kind === 'seq';
export const isScalar = (node: TreeNode | null | undefined): node is ScalarNode => node?.kind === 'scalar';
export const isAlias = (node: TreeNode | null | undefined): node is AliasNode => node?.kind === 'alias';

/** The tree of a document the `yaml` package parsed (documents outside what the block reader reads). */
export function fromYaml(doc: Document.Parsed): TreeNode | null {
  return convert(doc.contents as YamlNode | null);
}

function convert(node: YamlNode | null): TreeNode | null {
  if (!node) return null;
  const yaml = yamlLib();
  const range = [...node.range!] as Range;
  const props = { ...(node.tag ? { tag: node.tag } : {}), ...(node.anchor ? { anchor: node.anchor } : {}) };
  if (yaml.isMap(node)) {
    const items = node.items.map((pair): Pair => {
      const converted: Pair = { key: present(convert(pair.key as YamlNode | null), 'a map key'), value: convert(pair.value as YamlNode | null) };
      const explicit = explicitKeyIndicator(pair);
      return explicit === undefined ? converted : { ...converted, explicit };
    });
    return { kind: 'map', flow: Boolean(node.flow), items, range, ...props };
  }
  if (yaml.isSeq(node)) {
    return {
      kind: 'seq',
      flow: Boolean(node.flow),
      items: node.items.map((item) => present(convert(item as YamlNode | null), 'a sequence item')),
      range,
      ...props,
    };
  }
  if (yaml.isAlias(node)) return { kind: 'alias', range };
  const scalar = node as import('yaml').Scalar & { source?: string };
  return { kind: 'scalar', type: (scalar.type ?? 'PLAIN') as ScalarStyle, value: scalar.value, source: scalar.source ?? '', range, ...props };
}

/** A key or an item, which the yaml package always gives a node (an empty scalar where the text has none). */
function present(node: TreeNode | null, what: string): TreeNode {
  if (!node) throw new Error(`the yaml package read ${what} as no node at all`);
  return node;
}

/** The offset of a pair's `?`, from the source tokens the yaml package keeps (PARSE_OPTIONS.keepSourceTokens). */
function explicitKeyIndicator(pair: unknown): number | undefined {
  const start = (pair as { srcToken?: { start?: { type: string; offset: number }[] } }).srcToken?.start;
  return start?.find((token) => token.type === 'explicit-key-ind')?.offset;
}
