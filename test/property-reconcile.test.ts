/**
 * Properties of the read + reconcile + splice layers over generated documents and generated value changes:
 * kset's reader (the block reader, or the yaml package) reads what the yaml package reads (YAML 1.1, as
 * kubectl); the output reads back as exactly the new value; no change gives no edit; edits stay inside the
 * changed nodes; and the same holds changing the result back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { parseDocument as readDocument } from '../src/read/document.js';
import { MAX_ALIAS_COUNT, PARSE_OPTIONS } from '../src/yaml/schema.js';
import type { TreeNode } from '../src/yaml/tree.js';
import { matchItems, reconcile } from '../src/reconcile/reconcile.js';
import { splice } from '../src/render/splice.js';
import type { Json } from '../src/types.js';
import { diffValues } from '../src/util/diff-values.js';
import { at } from '../src/util/at.js';
import { applyChanges, changeSpecs, documentValue, jsonValue, propertyParameters, renderDocument } from './property-gen.js';

const PARAMETERS = propertyParameters(400);

/** The yaml package's reading of a document (the oracle): its tree and value. */
function parse(text: string): { doc: Document.Parsed; value: Json } {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length) throw new Error(`does not parse: ${doc.errors[0]?.message}\n${text}`);
  return { doc, value: (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null) as Json };
}

/** kset's reading of a document, checked against the yaml package's. */
function read(text: string): { root: TreeNode | null; value: Json } {
  const { roots, values } = readDocument({ file: null, index: 0, chunk: { start: 0, end: text.length, line: 1 }, text });
  const [root, value] = [at(roots, 0), at(values, 0)];
  expect(value, `kset reads it as the yaml package does\n${text}`).toEqual(parse(text).value);
  return { root, value };
}

/** The text reconcile + splice make of `text` for the value `after`, as the pipeline makes it. */
function write(text: string, after: Json): string {
  const { root, value } = read(text);
  return splice(text, reconcile(root, text, value, after));
}

/** 0-based line numbers of `text` that the nodes holding the changes may rewrite. */
function changeableLines(text: string, doc: Document.Parsed, before: Json, after: Json): Set<number> {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  const lines = new Set<number>();
  const own = (from: number, to: number) => {
    // the node's lines, its key's line, and the comment and blank lines just above
    let first = lineOf(from);
    const all = text.split('\n');
    while (first > 0 && /^\s*(#.*)?\r?$/.test(at(all, first - 1))) first--;
    for (let line = first; line <= lineOf(Math.max(from, to - 1)); line++) lines.add(line);
    if (lineOf(to) < all.length) lines.add(lineOf(to));
  };
  for (const change of diffValues(before, after)) {
    const segments = change.pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    // the collection holding the changed entry (the root for a change of the root), or a list above it whose
    // kept items changed order (it is written anew)
    let depth = segments.length - 1;
    for (let i = 0; i < segments.length; i++) {
      const [a, b] = [valueAt(before, segments.slice(0, i)), valueAt(after, segments.slice(0, i))];
      if (Array.isArray(a) && Array.isArray(b) && matchItems(a, b) === null) {
        depth = i;
        break;
      }
    }
    const { node, keyStart } = nodeAt(doc, segments.slice(0, depth));
    if (!node?.range) return new Set(text.split('\n').map((_, i) => i));
    let from = Math.min(keyStart ?? node.range[0], node.range[0]);
    if (keyStart === undefined && node !== doc.contents) {
      // an item may start below its dash (`- &a` on a line above): from the dash's line
      const all = text.split('\n');
      const first = lineOf(from);
      const col = from - (text.lastIndexOf('\n', from - 1) + 1);
      // a dash before the node: on its line before it, or on a line above
      const dash = (i: number) => /(^|\s)-(\s|$)/.test((i === first ? at(all, i).slice(0, col) : at(all, i)).replace(/(^|\s)#.*$/, ''));
      let line = first;
      while (line > 0 && !dash(line)) line--;
      from = all.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
    }
    own(from, node.range[1]);
  }
  // aliases of changed anchors may be written out
  visit(doc, {
    Alias(_, alias) {
      if (alias.range) own(alias.range[0], alias.range[1]);
    },
  });
  return lines;
}

function nodeAt(doc: Document.Parsed, segments: string[]): { node: Node | null; keyStart?: number } {
  let node = doc.contents as Node | null;
  let keyStart: number | undefined;
  for (const segment of segments) {
    if (isMap(node) && node.items.some((p) => isScalar(p.key) && typeof p.key.value === 'symbol')) {
      return { node, keyStart }; // a map with a merge key (`<<`) is written anew as a whole
    }
    if ((isMap(node) || isSeq(node)) && node.flow) return { node, keyStart }; // and so may be a flow collection
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value ?? '') === segment);
      if (!pair) return { node };
      keyStart = (pair.key as Node).range?.[0];
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)] as Node;
      keyStart = undefined;
    } else {
      return { node };
    }
    if (!node || isAlias(node)) return { node, keyStart };
  }
  return { node, keyStart };
}

describe('reconcile + splice (property)', () => {
  it('generated documents parse, and an unchanged value gives no edit', () => {
    fc.assert(
      fc.property(jsonValue(4), fc.integer(), fc.boolean(), (value, seed, yamlFeatures) => {
        const { text } = renderDocument(value, seed, { yamlFeatures });
        const { root, value: before } = read(text);
        expect(reconcile(root, text, before, structuredClone(before)), text).toEqual([]);
      }),
      PARAMETERS,
    );
  });

  it('the output reads back as exactly the new value, and changing it back gives the old value', () => {
    fc.assert(
      fc.property(documentValue, fc.integer(), fc.boolean(), changeSpecs, (value, seed, yamlFeatures, changes) => {
        const { text } = renderDocument(value, seed, { yamlFeatures });
        const { value: before } = parse(text);
        const after = applyChanges(before, changes);
        const out = write(text, after);
        const context = `${text}\n---- became\n${out}`;
        expect(parse(out).value, context).toEqual(after);
        expect(write(out, after), context).toBe(out);
        const back = write(out, before);
        expect(parse(back).value, `${context}\n---- and back\n${back}`).toEqual(before);
      }),
      PARAMETERS,
    );
  });

  it('lines outside the changed collections are kept', () => {
    fc.assert(
      fc.property(documentValue, fc.integer(), fc.boolean(), changeSpecs, (value, seed, yamlFeatures, changes) => {
        const { text } = renderDocument(value, seed, { yamlFeatures });
        const { doc, value: before } = parse(text);
        const after = applyChanges(before, changes);
        const out = write(text, after);
        const allowed = changeableLines(text, doc, before, after);
        // the other lines are all in the output, in their order
        const lines = out.split('\n');
        let at = 0;
        text.split('\n').forEach((line, i) => {
          if (allowed.has(i)) return;
          while (at < lines.length && lines[at] !== line) at++;
          expect(at < lines.length, `line ${i + 1} ${JSON.stringify(line)} is lost\n${text}\n---- became\n${out}`).toBe(true);
          at++;
        });
      }),
      PARAMETERS,
    );
  });

  it('without a change in kind, a changed scalar keeps its line count and the other lines', () => {
    fc.assert(
      fc.property(documentValue, fc.integer(), fc.nat(), fc.constantFrom('x2', 'hello there', 'yes', '0755', '1.10', 42, true), (value, seed, pick, next) => {
        const { text } = renderDocument(value, seed, { yamlFeatures: false });
        const { doc, value: before } = parse(text);
        const scalars: { path: (string | number)[]; node: Node }[] = [];
        visit(doc, {
          Scalar(_, node, path) {
            const parent = path[path.length - 1];
            if (isPair(parent) && parent.key === node) return;
            if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return;
            scalars.push({ path: valuePath(path as readonly unknown[], node), node });
          },
        });
        if (!scalars.length) return;
        const { path } = at(scalars, pick % scalars.length);
        const after = structuredClone(before);
        if (!setIn(after, path, next)) return;
        const out = write(text, after);
        const context = `${text}\n---- became\n${out}`;
        expect(parse(out).value, context).toEqual(after);
        const a = text.split('\n');
        const b = out.split('\n');
        expect(b.length, context).toBe(a.length);
        expect(a.filter((l, i) => l !== b[i]).length, context).toBeLessThanOrEqual(1);
      }),
      PARAMETERS,
    );
  });
});

function valueAt(root: Json, segments: string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, Json>)[segment];
  }
  return node;
}

/** The value path of a node from the `visit` ancestry. */
function valuePath(ancestors: readonly unknown[], node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  const chain = [...ancestors.slice(1), node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent)) path.push(parent.items.indexOf(child as Node));
    else if (isPair(parent) && isScalar(parent.key)) path.push(String(parent.key.value ?? ''));
  }
  return path;
}

function setIn(root: Json, path: (string | number)[], value: Json): boolean {
  let node = root as any;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !(segment in node)) return false;
    node = node[segment];
  }
  const last = path.at(-1);
  if (last === undefined || node === null || typeof node !== 'object' || !(last in node)) return false;
  node[last] = value;
  return true;
}
