/**
 * Generators for the property tests: JSON values, YAML documents that write such values in many
 * styles (block and flow, indented and flush sequences, every quoting style, block scalars, comments
 * and blank lines everywhere, anchors, tags, CRLF), and value changes.
 *
 * A document is rendered from a value with a seeded random source choosing the style of every node,
 * so fast-check shrinks the value and the seed; the value a test works with is what the rendered
 * text parses to (YAML 1.1 reading included), never the generating value.
 */
import fc from 'fast-check';
import { isList, isObject, type Json, type JsonObject } from '../src/types.js';
import { at } from '../src/util/at.js';
import { seededRandom, type SeededRandom } from './fixtures.mjs';

// ---- values ----

/** Strings that YAML 1.1 or 1.2 would read as something else, or that need quoting or escaping. */
export const TRICKY_STRINGS = [
  'x',
  'web',
  'hello world',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'true',
  'null',
  'NULL',
  '~',
  '',
  ' ',
  ' lead',
  'trail ',
  '12',
  '0755',
  '0o17',
  '0x1F',
  '1.10',
  '1e3',
  '.5',
  '1_000',
  '.inf',
  '-.Inf',
  '.NaN',
  '2001-12-14',
  '1:20',
  '190:20:30',
  'a: b',
  'a #b',
  '#c',
  '- d',
  '-',
  ':',
  '[e]',
  '{f}',
  '*g',
  '&h',
  '!i',
  '%j',
  '@k',
  '`l',
  '"m"',
  "'n'",
  "it's",
  'a\\b',
  '? q',
  '|',
  '>',
  '---',
  '...',
  'multi\nline',
  'multi\nline\n',
  'two\n\nparagraphs\n',
  '\ttab',
  'tab\tinside',
  'ümlaut',
  'emoji 🚀',
  'k8s.io/name',
  'a,b',
  'bell\u0007',
  'registry.example.com:5000/app:1.0@sha256:0123456789abcdef',
  'cr\r\nlf',
  'x: |',
  '<<',
  '=',
  'key=value',
  'a longer line of text that goes on\nand on, past forty characters\n',
  '#!/bin/sh\nset -e\necho "started at $(date)"\n',
];

export const KEYS = ['name', 'image', 'a', 'b', 'c', 'spec', 'items', 'value', 'x y', 'on', 'yes', '1', 'true', 'null', '<<', '', 'a:b', '#k', '-k', 'k#', 'é'];

const scalar: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 3.25, 1e21, 123456789012, -7.5) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });

/** A JSON value at most `depth` collections deep. */
export function jsonValue(depth = 3): fc.Arbitrary<Json> {
  const { value } = fc.letrec<{ value: Json; object: JsonObject; array: Json[] }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: depth, withCrossShrink: true }, scalar, tie('object'), tie('array')),
    object: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }) as fc.Arbitrary<JsonObject>,
    array: fc.array(tie('value'), { maxLength: 4 }),
  }));
  return value;
}

/** A map holding maps and lists, as Kubernetes objects are. */
export const documentValue: fc.Arbitrary<JsonObject> = fc.dictionary(key, jsonValue(4), {
  minKeys: 1,
  maxKeys: 6,
  noNullPrototype: true,
}) as fc.Arbitrary<JsonObject>;

// ---- changes ----

export interface ChangeSpec {
  pick: number;
  op: number;
  index: number;
  key: string;
  value: Json;
}

export const changeSpecs: fc.Arbitrary<ChangeSpec[]> = fc.array(fc.record({ pick: fc.nat(), op: fc.nat(), index: fc.nat(), key, value: jsonValue(2) }), {
  minLength: 1,
  maxLength: 3,
});

/** `value` with the changes applied (on a copy): set, add and remove keys, insert, remove and reorder items, change types. */
export function applyChanges(value: Json, specs: ChangeSpec[]): Json {
  let root = structuredClone(value) as Tree;
  for (const spec of specs) root = applyChange(root, spec);
  return root;
}

function applyChange(root: Tree, { pick, op, index, key, value: shared }: ChangeSpec): Tree {
  const value = structuredClone(shared) as Tree; // fast-check reuses generated values
  const nodes = collect(root);
  const { node, replace } = at(nodes, pick % nodes.length);
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    const keys = Object.keys(node);
    switch (op % 6) {
      case 0: // set a key, new or old
        node[keys.length && index % 2 ? at(keys, index % keys.length) : key] = value;
        return root;
      case 1: {
        // add a key at a position
        if (key in node) return root;
        const entries = Object.entries(node);
        entries.splice(index % (entries.length + 1), 0, [key, value]);
        return replace(Object.fromEntries(entries));
      }
      case 2:
        if (keys.length) delete node[at(keys, index % keys.length)];
        return root;
      case 3:
        return replace({});
      case 4: // reorder keys (the value stays equal)
        return replace(Object.fromEntries(Object.entries(node).reverse()));
      default:
        return replace(value);
    }
  }
  if (Array.isArray(node)) {
    switch (op % 7) {
      case 0:
        if (node.length) node[index % node.length] = value;
        return root;
      case 1:
        node.splice(index % (node.length + 1), 0, value);
        return root;
      case 2:
        if (node.length) node.splice(index % node.length, 1);
        return root;
      case 3: {
        if (node.length < 2) return root;
        const i = index % node.length;
        const j = (i + 1) % node.length;
        [node[i], node[j]] = [at(node, j), at(node, i)];
        return root;
      }
      case 4:
        return replace([]);
      case 5:
        node.push(value);
        return root;
      default:
        return replace(value);
    }
  }
  return replace(value);
}

/** A JSON value this module owns and changes in place (a structured clone). */
type Tree = null | boolean | number | string | Tree[] | { [key: string]: Tree };

interface Place {
  node: Tree;
  /** Puts a new value in the node's place; returns the (new) root. */
  replace: (value: Tree) => Tree;
}

function collect(root: Tree): Place[] {
  const places: Place[] = [];
  const walk = (node: Tree, replace: (value: Tree) => Tree) => {
    places.push({ node, replace });
    if (Array.isArray(node)) {
      node.forEach((item, i) =>
        walk(item, (value) => {
          node[i] = value;
          return root;
        }),
      );
    } else if (node !== null && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) {
        walk(child, (value) => {
          node[k] = value;
          return root;
        });
      }
    }
  };
  walk(root, (value) => (root = value));
  return places;
}

// ---- rendering a value as YAML text in random styles ----

export interface RenderOptions {
  /** Anchors, aliases, merge keys and tags (off for tests about plain Kubernetes manifests). */
  yamlFeatures?: boolean;
  /** A document of a stream: no `---` line and no CRLF of its own (the stream chooses). */
  inStream?: boolean;
}

/**
 * Plain scalars whose values YAML 1.1 and 1.2 read differently. Not `.nan` and `.inf`: JSON and kubectl
 * have no such numbers (reconcile.test.ts checks that a document holding them is left alone).
 */
const PLAIN = [
  'x',
  'web',
  'hello world',
  'yes',
  'No',
  'on',
  'off',
  'y',
  'n',
  'true',
  'False',
  'null',
  '~',
  '12',
  '-3',
  '0755',
  '0o17',
  '0x1F',
  '1.10',
  '1e3',
  '.5',
  '1_000',
  '2001-12-14',
  '1:20',
  'a-b_c',
  'é',
  'x#y',
  '80',
  '3.0',
  'registry.example.com/app:1.0',
  'nginx:1.25',
  'k8s.io/name',
];
const COMMENTS = ['# c', '#', '# key: value', '# - item', '#  ---', '# Source: chart/templates/x.yaml', '#!/bin/sh'];

class Renderer {
  private anchors: { name: string; map: boolean }[] = [];
  private anchorCount = 0;

  constructor(
    private readonly rng: SeededRandom,
    private readonly indent: number,
    private readonly flush: boolean,
    private readonly features: boolean,
  ) {}

  /** Lines of a block map at column `col`. */
  map(value: JsonObject, col: number, compact = false): string[] {
    const pad = ' '.repeat(col);
    const lines: string[] = [];
    const entries = Object.entries(value);
    if (this.features && this.anchors.some((a) => a.map) && this.rng.chance(0.15) && !('<<' in value)) {
      entries.splice(this.rng.int(entries.length + 1), 0, ['<<', null]);
    }
    entries.forEach(([k, v], i) => {
      const first = i === 0 && compact;
      if (!first && this.rng.chance(0.1)) lines.push('');
      if (!first && this.rng.chance(0.15)) lines.push(' '.repeat(this.rng.chance(0.7) ? col : this.rng.int(col + 3)) + this.comment());
      if (k === '<<' && v === null && this.anchors.some((a) => a.map)) {
        const anchor = this.rng.pick(this.anchors.filter((a) => a.map));
        lines.push(`${pad}<<: *${anchor.name}`);
        return;
      }
      lines.push(...this.pair(k, v, col));
    });
    if (this.rng.chance(0.05)) lines.push(' '.repeat(this.rng.int(col + 2)) + this.comment());
    return lines;
  }

  private pair(k: string, v: Json, col: number): string[] {
    // now and then the key itself has an anchor (no alias may name a key: kubectl reads no map keys) or a tag
    const props = this.features && this.rng.chance(0.05) ? this.rng.pick([`&k${++this.anchorCount} `, '!!str ']) : '';
    const head = ' '.repeat(col) + props + this.key(k) + ':';
    return this.valueAfter(head, v, col, true);
  }

  /** A value after `head` (`key:` or `-`), on the same line or on the lines below. */
  private valueAfter(head: string, v: Json, col: number, isPair: boolean): string[] {
    if (this.features && this.anchors.length && this.rng.chance(0.08)) {
      return [`${head} *${this.rng.pick(this.anchors).name}${this.trailing()}`];
    }
    const anchor = this.features && v !== null && this.rng.chance(0.1) ? `&a${++this.anchorCount}` : '';
    const props = anchor ? ` ${anchor}` : '';
    const done = (lines: string[]) => {
      if (anchor) this.anchors.push({ name: anchor.slice(1), map: v !== null && typeof v === 'object' && !Array.isArray(v) });
      return lines;
    };
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'string' && /\n/.test(v) && !/\r/.test(v) && this.rng.chance(0.5)) {
        const block = this.blockScalar(v, col + this.indent);
        if (block) return done([`${head}${props} ${block[0]}${this.trailing()}`, ...block.slice(1)]);
      }
      if (v === null && !props && this.rng.chance(0.3)) return [head + this.trailing()];
      return done([`${head}${props} ${this.tagged(v)}${this.trailing()}`]);
    }
    const empty = isList(v) ? v.length === 0 : Object.keys(v).length === 0;
    if (empty || this.rng.chance(0.15)) return done([`${head}${props} ${this.flow(v)}${this.trailing()}`]);
    if (isList(v)) {
      const itemCol = isPair ? col + (this.rng.chance(0.85) ? (this.flush ? 0 : this.indent) : this.flush ? this.indent : 0) : col + 2;
      if (!isPair && !props && this.rng.chance(0.6)) return done(this.compact(head, props, this.seq(v, itemCol, true), itemCol));
      return done([head + props + this.trailing(), ...this.seq(v, itemCol)]);
    }
    const mapCol = col + (isPair ? (this.rng.chance(0.9) ? this.indent : this.indent + 1) : 2);
    if (!isPair && !props && this.rng.chance(0.7)) return done(this.compact(head, props, this.map(v, mapCol, true), mapCol));
    return done([head + props + this.trailing(), ...this.map(v, mapCol)]);
  }

  /** `- ` followed by the first line of a nested block on the same line. */
  private compact(head: string, props: string, lines: string[], col: number): string[] {
    const [first = '', ...rest] = lines;
    return [head + props + ' '.repeat(col - head.length - props.length) + first.slice(col), ...rest];
  }

  /** Lines of a block sequence whose dashes stand at column `col`. */
  seq(value: readonly Json[], col: number, compact = false): string[] {
    const pad = ' '.repeat(col);
    const lines: string[] = [];
    value.forEach((item, i) => {
      const first = i === 0 && compact;
      if (!first && this.rng.chance(0.1)) lines.push('');
      if (!first && this.rng.chance(0.15)) lines.push(' '.repeat(this.rng.chance(0.7) ? col : this.rng.int(col + 3)) + this.comment());
      lines.push(...this.valueAfter(pad + '-', item, col, false));
    });
    return lines;
  }

  private blockScalar(v: string, col: number): string[] | undefined {
    if (/^[ \t]|[\u0000-\u0008\u000b-\u001f\u007f]|[ \t]\n|\n[ \t]/.test(v) || v === '') return undefined;
    const trailing = /\n*$/.exec(v)![0].length;
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
    const body = trailing ? v.slice(0, -trailing) : v;
    if (body === '') return undefined;
    const pad = ' '.repeat(col);
    const lines = body.split('\n').map((line) => (line ? pad + line : ''));
    for (let i = 1; i < trailing; i++) lines.push('');
    return [`|${chomp}`, ...lines];
  }

  private trailing(): string {
    if (!this.rng.chance(0.12)) return '';
    return (this.rng.chance(0.8) ? ' '.repeat(1 + this.rng.int(3)) : '\t') + this.comment();
  }

  private comment(): string {
    return this.rng.pick(COMMENTS);
  }

  private key(k: string): string {
    if (k === '<<' || !/^[A-Za-z][\w./-]*( \w+)?$/.test(k) || PLAIN.includes(k) || /^(y|n|yes|no|on|off|true|false|null)$/i.test(k)) {
      return this.rng.chance(0.5) || /[\u0000-\u001f']/.test(k) ? JSON.stringify(k) : `'${k}'`;
    }
    return this.rng.chance(0.1) ? JSON.stringify(k) : k;
  }

  /** A scalar, sometimes with a tag that does not change its value. */
  private tagged(v: Json): string {
    const text = this.scalar(v);
    if (this.features && typeof v === 'string' && this.rng.chance(0.08)) {
      return (this.rng.chance(0.5) ? '!!str ' : '!custom ') + (/^[A-Za-z][\w.-]*$/.test(v) ? v : JSON.stringify(v));
    }
    return text;
  }

  /** A scalar in flow-safe form: plain when plain reads back as the value, else quoted. */
  scalar(v: Json): string {
    if (typeof v === 'string') {
      if (/^[A-Za-z][\w./-]*$/.test(v) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(v) && this.rng.chance(0.6)) return v;
      if (!/[\u0000-\u001f\u007f]/.test(v) && this.rng.chance(0.4)) return `'${v.replace(/'/g, "''")}'`;
      return JSON.stringify(v);
    }
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) {
      if (this.rng.chance(0.2)) return this.rng.pick(PLAIN); // some other scalar, in YAML 1.1's reading
      return v === null && this.rng.chance(0.5) ? '~' : String(v);
    }
    return this.flow(v);
  }

  /** A collection on one line in flow style. */
  flow(v: Json): string {
    if (v === null || typeof v !== 'object') return this.scalar(v);
    const space = this.rng.chance(0.3) ? ' ' : '';
    if (Array.isArray(v)) return `[${space}${v.map((item) => this.flow(item)).join(', ')}${space}]`;
    const pairs = Object.entries(v).map(([k, item]) => `${JSON.stringify(k)}: ${this.flow(item)}`);
    return `{${space}${pairs.join(', ')}${space}}`;
  }
}

export interface RenderedDocument {
  text: string;
  /** The style choices, for messages. */
  indent: number;
  flush: boolean;
  crlf: boolean;
}

/** `value` written as one YAML document in styles chosen by `seed`. */
export function renderDocument(value: Json, seed: number, options: RenderOptions = {}): RenderedDocument {
  const rng = seededRandom(seed);
  const indent = rng.pick([2, 2, 2, 4, 3]);
  const flush = rng.chance(0.5);
  const crlf = !options.inStream && rng.chance(0.1);
  const renderer = new Renderer(rng, indent, flush, options.yamlFeatures ?? true);
  const lines: string[] = [];
  if (rng.chance(0.3)) lines.push('# Source: chart/templates/thing.yaml');
  if (!options.inStream && rng.chance(0.3)) lines.push(rng.chance(0.8) ? '---' : '--- # doc');
  let body: string[];
  if (value !== null && typeof value === 'object' && rng.chance(0.08)) {
    body = JSON.stringify(value, null, rng.pick([2, 4])).split('\n'); // a JSON document
  } else if (isList(value) && value.length) {
    body = renderer.seq(value, 0);
  } else if (isObject(value) && Object.keys(value).length) {
    body = renderer.map(value, 0);
  } else {
    body = [renderer.flow(value)];
  }
  lines.push(...body);
  if (rng.chance(0.1)) lines.push('');
  if (rng.chance(0.1)) lines.push('# the end');
  let text = lines.join('\n') + (options.inStream || rng.chance(0.9) ? '\n' : '');
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return { text, indent, flush, crlf };
}

// ---- Kubernetes streams ----

export const IMAGES = [
  'nginx:1.25',
  'nginx',
  'registry.example.com/app:1.0',
  'registry.example.com:5000/team/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  'ghcr.io/acme/shop:1.4.0',
  'busybox:1.36',
  'localhost:5000/tool:2',
];

/** The name part of an image reference, as `images:` entries match it. */
export function imageName(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
}

const container = (names: string[]) => fc.record({ name: fc.constantFrom(...names), image: fc.constantFrom(...IMAGES) }, { noNullPrototype: true });
const containers = (names: string[]) => fc.uniqueArray(container(names), { minLength: 1, maxLength: 3, selector: (c) => c.name });

const metadata = fc.record(
  {
    name: fc.constantFrom('web', 'api', 'worker', 'db'),
    namespace: fc.option(fc.constantFrom('shop', 'ops'), { nil: undefined }),
    labels: fc.option(fc.dictionary(fc.constantFrom('app', 'tier', 'team'), fc.constantFrom('web', 'yes', '1.10', 'x')), { nil: undefined }),
  },
  { requiredKeys: ['name'], noNullPrototype: true },
);

const podSpec = fc.record(
  {
    containers: containers(['app', 'sidecar', 'proxy']),
    initContainers: fc.option(containers(['init', 'migrate']), { nil: undefined }),
    restartPolicy: fc.option(fc.constantFrom('Always', 'Never'), { nil: undefined }),
  },
  { requiredKeys: ['containers'], noNullPrototype: true },
);

const defined = <T extends object>(value: T): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

const workload: fc.Arbitrary<JsonObject> = fc
  .tuple(fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'), metadata, podSpec, fc.option(fc.nat(5), { nil: undefined }))
  .map(([kind, meta, spec, replicas]) => {
    const apiVersion = kind === 'Pod' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
    const template = { metadata: { labels: { app: meta.name } }, spec };
    const body =
      kind === 'Pod'
        ? { spec }
        : kind === 'CronJob'
          ? { spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } } }
          : { spec: { ...(replicas === undefined || kind === 'Job' || kind === 'DaemonSet' ? {} : { replicas }), template } };
    return defined({ apiVersion, kind, metadata: meta, ...body });
  });

const service: fc.Arbitrary<JsonObject> = fc
  .tuple(
    metadata,
    fc.uniqueArray(fc.record({ port: fc.constantFrom(53, 80, 443), protocol: fc.option(fc.constantFrom('TCP', 'UDP'), { nil: undefined }) }), {
      minLength: 1,
      maxLength: 2,
      selector: (p) => `${p.port}/${p.protocol ?? 'TCP'}`,
    }),
  )
  .map(([meta, ports]) => defined({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { selector: { app: meta.name }, ports } }));

const configMap: fc.Arbitrary<JsonObject> = fc
  .tuple(
    metadata,
    fc.dictionary(fc.constantFrom('a', 'b.conf', 'run.sh', 'x-y'), fc.constantFrom(...TRICKY_STRINGS.filter((s) => !/[\u0000-\u0008\u000b-\u001f]/.test(s))), {
      maxKeys: 3,
    }),
  )
  .map(([meta, data]) => defined({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data }));

const list: fc.Arbitrary<JsonObject> = fc
  .array(fc.oneof(workload, service), { minLength: 1, maxLength: 2 })
  .map((items) => ({ apiVersion: 'v1', kind: 'List', items }));

/** One document of a stream: a resource, a List, something else, or nothing but a comment. */
export type StreamDocument = { value: Json; seed: number } | { comment: string };

export const streamDocuments: fc.Arbitrary<StreamDocument[]> = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ value: workload, seed: fc.integer() }) },
    { weight: 2, arbitrary: fc.record({ value: service, seed: fc.integer() }) },
    { weight: 2, arbitrary: fc.record({ value: configMap, seed: fc.integer() }) },
    { weight: 1, arbitrary: fc.record({ value: list, seed: fc.integer() }) },
    { weight: 1, arbitrary: fc.record({ value: jsonValue(3), seed: fc.integer() }) },
    { weight: 1, arbitrary: fc.record({ comment: fc.constantFrom('# Source: chart/templates/empty.yaml\n', '', '# only a comment\n# and another\n') }) },
  ),
  { minLength: 1, maxLength: 6 },
);

/**
 * A stream of the documents, separated by `---` lines in several spellings, with LF or CRLF line ends; with
 * `documentEnds`, some by a `...` line alone (the documents then share a chunk, as kset splits on `---`).
 */
export function renderStream(docs: StreamDocument[], seed: number, options: { yamlFeatures?: boolean; documentEnds?: boolean } = {}): string {
  const rng = seededRandom(seed);
  const parts = docs.map((doc) =>
    'comment' in doc ? doc.comment : renderDocument(doc.value, doc.seed, { yamlFeatures: options.yamlFeatures, inStream: true }).text,
  );
  const separator = (i: number) => (options.documentEnds && i > 0 && rng.chance(0.4) ? '...\n' : rng.pick(['---\n', '---\n', '--- # next\n', '---  \n']));
  let text = parts.map((part, i) => (i === 0 && rng.chance(0.5) ? '' : separator(i)) + part).join('');
  if (rng.chance(0.1)) text = text.replace(/\n/g, '\r\n');
  return text;
}

/**
 * fast-check parameters: a few hundred runs from a fixed seed, so that `npm test` is the same on every run;
 * KSET_PROPERTY_RUNS and KSET_PROPERTY_SEED (a number, or `random`) explore further.
 */
export function propertyParameters(runs: number): { numRuns: number; seed?: number } {
  const numRuns = Number(process.env.KSET_PROPERTY_RUNS ?? runs);
  const seed = process.env.KSET_PROPERTY_SEED ?? '20261126';
  return seed === 'random' ? { numRuns } : { numRuns, seed: Number(seed) };
}
