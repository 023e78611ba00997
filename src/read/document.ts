import type { Document as YamlDocument } from 'yaml';
import { KsetError, excerptAt, firstLine, lineColAt, quote } from '../errors.js';
import type { Json } from '../types.js';
import { yamlLib } from '../util/yaml-lib.js';
import { readBlock } from './block-reader.js';
import type { Chunk } from '../yaml/split.js';
import { EXACT_OPTIONS, MAX_ALIAS_COUNT, PARSE_OPTIONS } from '../yaml/schema.js';
import { fromYaml, type TreeNode } from '../yaml/tree.js';
import { holdsUnsafeInteger } from '../yaml/scalars.js';

/** One YAML document of a source: its text (with its `---` line) and, once parsed, its tree and value. */
export interface ManifestDocument {
  /** The source file, or null for stdin. */
  file: string | null;
  /** Position of this document among all documents read, from 0. */
  index: number;
  /** The chunk of the source text it came from. */
  chunk: Chunk;
  text: string;
}

export interface ParsedDocument {
  /** The root nodes of the chunk's YAML documents: one, or several where `...` ends one before the next `---`. */
  roots: (TreeNode | null)[];
  /** Their plain values, as kubectl reads them (YAML 1.1); null for an empty or comment-only document. */
  values: Json[];
  /** Where each document's text ends (after its `...` line); the last ends with the text. */
  ends: number[];
}

/**
 * Parses a document's text; malformed YAML is a KsetError pointing to its line and column in the file.
 * Block-style documents are read by the block reader; the `yaml` package reads the others (and finds the
 * errors). With `values: false` the text may only be checked, with no values built.
 */
export function parseDocument(doc: ManifestDocument, { values: wanted = true } = {}): ParsedDocument {
  const block = readBlock(doc.text);
  if (block) return { roots: [block.root], values: [block.value], ends: [doc.text.length] };
  const docs = yamlLib().parseAllDocuments(doc.text, PARSE_OPTIONS);
  if (!Array.isArray(docs)) return { roots: [], values: [], ends: [] }; // an empty stream
  // kset ends its output with a line break: a text without one must read with it too (at the very end
  // the yaml package takes `a: 'it''` for a closed quote, and `a: 'it''` + line break is an error)
  const closed = doc.text.endsWith('\n') ? docs : yamlLib().parseAllDocuments(doc.text + '\n', PARSE_OPTIONS);
  const unclosed = Array.isArray(closed) && closed !== docs ? closed.find((d) => d.errors.length)?.errors[0] : undefined;
  if (unclosed && !docs.some((d) => d.errors.length)) throw positioned(doc, firstLine(unclosed.message), Math.min(unclosed.pos[0], doc.text.length));
  for (const d of docs) {
    const error = d.errors[0];
    if (error?.code === 'DUPLICATE_KEY') throw duplicateKey(doc, d, error.pos[0]);
    if (error?.message.includes('call stack')) throw positioned(doc, 'the document nests too deeply to be read', error.pos[0]);
    if (error) throw positioned(doc, firstLine(error.message), error.pos[0]);
    const complex = collectionKey(d, doc.text);
    if (complex !== undefined)
      throw positioned(doc, 'a map key must be a string, a number or a boolean, not a collection (kubectl reads no other keys)', complex);
  }
  const roots = docs.map(fromYaml);
  const ends = docs.map((d, i) => (i === docs.length - 1 ? doc.text.length : d.range[2]));
  // aliases are expanded (within bounds: billion laughs is an error) even when no value is wanted
  if (!wanted && !doc.text.includes('*')) return { roots, values: [], ends };
  const values = docs.map((d) => {
    try {
      return (d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null) as Json;
    } catch (e) {
      throw positioned(doc, firstLine((e as Error).message), d.range[0]);
    }
  });
  return { roots, values, ends };
}

/**
 * The values of a document's text (as parseDocument read them) with every integer kubectl keeps exactly
 * where a double cannot (9007199254740993) as a bigint, for writers that keep them (`-o json`); the values
 * themselves when they hold none (a look at their numbers: only then is the text read again).
 */
export function exactValues(text: string, values: Json[]): unknown[] {
  if (!values.some(holdsUnsafeInteger)) return values;
  const docs = yamlLib().parseAllDocuments(text, EXACT_OPTIONS);
  return Array.isArray(docs) ? docs.map((d) => d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null) : values;
}

/**
 * kubectl's (go-yaml's) error for a key a map holds twice, at the second one, naming the line of the first:
 * the first repeated key at or after `offset` (where the yaml package reports it, up to the key's line).
 */
function duplicateKey(doc: ManifestDocument, parsed: YamlDocument, offset: number): KsetError {
  const { isScalar, visit } = yamlLib();
  let found: { key: string; first: number; second: number } | undefined;
  visit(parsed, {
    Map(_, map) {
      const seen = new Map<unknown, number>();
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range) continue;
        const first = seen.get(key.value);
        if (first === undefined) seen.set(key.value, key.range[0]);
        else if (key.range[0] >= offset && (!found || key.range[0] < found.second)) found = { key: String(key.value), first, second: key.range[0] };
      }
    },
  });
  if (!found) return positioned(doc, 'map keys must be unique', offset);
  const line = doc.chunk.line + lineColAt(doc.text, found.first).line - 1;
  return positioned(doc, `mapping key ${quote(found.key)} already defined at line ${line}`, found.second);
}

/** The offset of a map key that is a map or a list (`? [a, b]`), if the document has one. */
function collectionKey(parsed: YamlDocument, text: string): number | undefined {
  if (!/[?[{]/.test(text)) return undefined;
  const { isCollection, visit } = yamlLib();
  let offset: number | undefined;
  visit(parsed, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return undefined;
      offset = pair.key.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** A KsetError at `offset` within the document's text, reported in file coordinates. */
export function positioned(doc: ManifestDocument, message: string, offset: number): KsetError {
  const { line, col } = lineColAt(doc.text, offset);
  const fileLine = doc.chunk.line + line - 1;
  return new KsetError(
    message,
    { file: doc.file ?? '<stdin>', line: fileLine, col },
    excerptAt(SECRET_KIND.test(doc.text) ? maskSecretData(doc.text) : doc.text, line, col, fileLine),
  );
}

const SECRET_KIND = /\bkind["']?\s*:\s*["']?Secret\b/;

/**
 * A Secret's text, line for line, with what stands in its `data`/`stringData` maps replaced by `***` (keys
 * kept), for excerpts: an error in a Secret must not show its values. Read from the lines alone (the text
 * may not parse): a `data:` key starts the part to hide, which its deeper-indented lines continue.
 */
export function maskSecretData(text: string): string {
  let inside = -1; // the indentation of the data key, while in its value
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[ \t-]*/.exec(line)![0].length;
      if (inside >= 0 && (indent > inside || !line.trim()))
        return line.replace(/^([ \t-]*)(["']?[\w.-]+["']?\s*:)?.*?(\r?)$/, (_, lead, key, cr) => `${lead}${key ?? ''}${key ? ' ' : ''}***${cr}`);
      inside = -1;
      const data = /^([ \t-]*)(["']?(data|stringData)["']?\s*:)(.*?)(\r?)$/.exec(line);
      if (!data) return line.replace(/(["']?\b(data|stringData)["']?\s*:\s*)[{[].*?(\r?)$/, '$1***$3'); // a flow Secret on one line
      const [, lead = '', key = '', , value = '', cr = ''] = data;
      inside = lead.length;
      return /\S/.test(value) && !/^\s*#/.test(value) ? `${lead}${key} ***${cr}` : line;
    })
    .join('\n');
}
