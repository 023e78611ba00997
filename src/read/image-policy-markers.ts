import type { MarkerField } from '../transform/image-policy.js';
import { yamlLib } from '../util/yaml-lib.js';
import { isAlias, isMap, isScalar, isSeq, type TreeNode } from '../yaml/tree.js';

/** The word every Flux image-policy marker holds; documents without it have no marker. */
export const MARKER_WORD = '$imagepolicy';

/** A `# {"$imagepolicy": "NS:NAME[:FIELD]"}` comment at the end of a scalar's line. */
export interface Marker {
  /** `NS:NAME`, the policy it names. */
  policy: string;
  field: MarkerField;
  /** The root (of the chunk's YAML documents) the scalar is in: its start offset. */
  root: number;
  /** Map keys and list indexes from that root to the scalar. */
  path: (string | number)[];
  /** Offset of the comment in the document text. */
  offset: number;
}

/** A comment that looks like a marker but cannot be used, and why. */
export interface MarkerProblem {
  offset: number;
  message: string;
}

export interface FoundMarkers {
  markers: Marker[];
  problems: MarkerProblem[];
}

const FIELDS: Record<string, MarkerField> = { tag: 'tag', name: 'name', digest: 'digest' };
const USAGE = 'expected {"$imagepolicy": "NAMESPACE:POLICY"}, or ":tag", ":name" or ":digest" after it';

/**
 * What a comment says, read as kyaml reads a field's comment for Flux: the `#`s taken off, the rest a
 * JSON object of strings whose `$imagepolicy` names the setter. Undefined for a comment that is no
 * marker at all (it must start with `{` and hold the word); a string saying what is wrong with one
 * that tries to be.
 */
export function readMarkerComment(comment: string): { policy: string; field: MarkerField } | string | undefined {
  const body = comment.replace(/^#+/, '').trim();
  if (!body.startsWith('{') || !body.includes(MARKER_WORD)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return `not a JSON object: ${USAGE}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `not a JSON object: ${USAGE}`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.some(([, v]) => typeof v !== 'string')) return `every value must be a string: ${USAGE}`;
  const setter = (value as Record<string, string>)[MARKER_WORD];
  if (setter === undefined) return `no "${MARKER_WORD}" key: ${USAGE}`;
  const parts = setter.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '' || /\s/.test(part))) {
    return `${JSON.stringify(setter)} names no policy: ${USAGE}`;
  }
  if (parts.length === 2) return { policy: setter, field: 'image' };
  const field = FIELDS[parts[2]!];
  if (!field) return `unknown field ${JSON.stringify(parts[2])} in ${JSON.stringify(setter)}: ${USAGE}`;
  return { policy: `${parts[0]}:${parts[1]}`, field };
}

/**
 * The markers of a document: `text` and the trees of its roots. A marker is a comment that ends the
 * line of a scalar value (not a key, not a block scalar), as Flux takes a field's line comment; the
 * comments come from the yaml package's CST, so `#` inside quoted or block scalars is never one.
 */
export function findMarkers(text: string, roots: (TreeNode | null)[]): FoundMarkers {
  const found: FoundMarkers = { markers: [], problems: [] };
  const comments = markerComments(text);
  if (!comments.size) return found;
  const scalars = new Map<number, Place>();
  const aliases = new Map<string, Alias[]>();
  for (const root of roots) {
    if (root) collectScalars(root, [], root.range[0], text, { scalars, aliases });
  }
  for (const [offset, source] of comments) {
    const read = readMarkerComment(source);
    if (read === undefined) continue;
    if (typeof read === 'string') {
      found.problems.push({ offset, message: `malformed ${MARKER_WORD} marker: ${read}` });
      continue;
    }
    const scalar = scalars.get(offset);
    if (!scalar) {
      found.problems.push({ offset, message: `${MARKER_WORD} marker ${JSON.stringify(read.policy)} does not end the line of a scalar value: left alone` });
      continue;
    }
    found.markers.push({ ...read, root: scalar.root, path: scalar.path, offset });
    // an alias of the marked scalar is the same node (kyaml sets it through the alias too)
    for (const alias of scalar.anchor === undefined ? [] : (aliases.get(scalar.anchor) ?? [])) {
      if (alias.root === scalar.root && alias.offset > offset) found.markers.push({ ...read, root: alias.root, path: alias.path, offset });
    }
  }
  return found;
}

interface Place {
  root: number;
  path: (string | number)[];
  anchor?: string;
}

interface Alias extends Place {
  anchor: string;
  offset: number;
}

/** Every comment holding the marker word, by offset. */
function markerComments(text: string): Map<number, string> {
  const comments = new Map<number, string>();
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) {
      for (const item of token) visit(item);
      return;
    }
    if (token === null || typeof token !== 'object') return;
    const { type, offset, source } = token as { type?: string; offset?: number; source?: string };
    if (type === 'comment' && typeof source === 'string' && typeof offset === 'number') {
      if (source.includes(MARKER_WORD)) comments.set(offset, source);
      return;
    }
    for (const value of Object.values(token)) if (typeof value === 'object') visit(value);
  };
  for (const token of new (yamlLib().Parser)().parse(text)) visit(token);
  return comments;
}

/** Each scalar value followed on its line by a comment, by that comment's offset; and the aliases. */
function collectScalars(
  node: TreeNode,
  path: (string | number)[],
  root: number,
  text: string,
  into: { scalars: Map<number, Place>; aliases: Map<string, Alias[]> },
): void {
  if (isMap(node)) {
    for (const { key, value } of node.items) {
      if (value && isScalar(key)) collectScalars(value, [...path, keyString(key.value)], root, text, into);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => item && collectScalars(item, [...path, i], root, text, into));
  } else if (isAlias(node)) {
    const anchor = text.slice(node.range[0] + 1, node.range[1]);
    const alias = { root, path, anchor, offset: node.range[0] };
    const same = into.aliases.get(anchor);
    if (same) same.push(alias);
    else into.aliases.set(anchor, [alias]);
  } else if (isScalar(node) && node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') {
    const comment = lineCommentAfter(text, node.range[1]);
    if (comment !== undefined) into.scalars.set(comment, node.anchor === undefined ? { root, path } : { root, path, anchor: node.anchor });
  }
}

/** A map key as the value's JSON has it. */
function keyString(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The offset of a `#` that follows `at` on its line after blanks only. */
function lineCommentAfter(text: string, at: number): number | undefined {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '#' && i > at ? i : undefined;
}
