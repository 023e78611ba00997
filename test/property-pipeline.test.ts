/**
 * Properties of whole runs over generated manifest streams (resources, Lists, other documents, comment-only
 * documents, Helm comments, every YAML style) and generated transformations (`images:` entries, strategic
 * merge and JSON patches): idempotence, determinism whatever the order of the config's keys and however
 * stdin arrives, byte-identical documents where nothing changes, semantic equality with the pure transforms,
 * image edits that change only the lines holding the images, and every reported change in the output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { transform, transformStream } from '../src/api.js';
import { configFromObject } from '../src/config/load.js';
import { DocumentPipeline, isList, type Change, type Step } from '../src/pipeline.js';
import { MAX_ALIAS_COUNT, PARSE_OPTIONS } from '../src/yaml/schema.js';
import { splitStream } from '../src/yaml/split.js';
import { stepsFromConfig } from '../src/steps/from-config.js';
import { isObject, type Json, type JsonObject } from '../src/types.js';
import { deepEqual } from '../src/util/equal.js';
import { at as itemAt } from '../src/util/at.js';
import { IMAGES, imageName, propertyParameters, renderStream, streamDocuments } from './property-gen.js';

const PARAMETERS = propertyParameters(150);

// ---- transformations ----

const imageEntry = fc
  .record(
    {
      name: fc.constantFrom(...IMAGES.map(imageName), 'not-in-the-input'),
      // a new name that no entry matches: renaming into another entry's name is a chain, not idempotent
      newName: fc.option(fc.constantFrom('mirror.example.com/x', 'localhost:5001/mirror/app'), { nil: undefined }),
      newTag: fc.option(fc.constantFrom('2.0', 'v1.2.3', '1.10'), { nil: undefined }),
      digest: fc.option(fc.constant('sha256:' + 'f'.repeat(64)), { nil: undefined }),
    },
    { requiredKeys: ['name'], noNullPrototype: true },
  )
  .map((entry) => JSON.parse(JSON.stringify(entry)) as Record<string, string>);

const workloadTarget = fc.record({ kind: fc.constantFrom('Deployment', 'StatefulSet', 'CronJob', 'Pod'), name: fc.constantFrom('web', 'api') });

/**
 * Strategic merge patches that give the same result applied twice, each on kinds whose schema has its
 * fields (a field a kind does not have is added once, then refused, as kubectl does).
 */
const templated = fc.record({ kind: fc.constantFrom('Deployment', 'StatefulSet'), name: fc.constantFrom('web', 'api') });
const strategicPatch = fc.oneof(
  fc.record({
    target: workloadTarget,
    body: fc.record({ metadata: fc.record({ labels: fc.dictionary(fc.constantFrom('added', 'tier'), fc.constantFrom('yes', 'x', '0755')) }) }),
  }),
  fc.record({
    target: templated,
    body: fc.constantFrom<JsonObject>(
      { spec: { template: { spec: { containers: [{ name: 'app', resources: { requests: { memory: '250Mi' } } }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'extra', image: 'nginx:1.25' }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'MODE', value: 'on' }] }] } } } },
      { spec: { template: { spec: { restartPolicy: null } } } },
      { spec: { replicas: 3 } },
    ),
  }),
  fc.record({
    target: fc.record({ kind: fc.constant('Pod'), name: fc.constantFrom('web', 'api') }),
    body: fc.constant<JsonObject>({ spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } }),
  }),
);

const jsonPatch = fc.record({
  target: fc.record({ kind: fc.constantFrom('Service', 'ConfigMap'), name: fc.constantFrom('web', 'api', 'db') }),
  ops: fc.constantFrom<Json[]>(
    [{ op: 'add', path: '/metadata/labels', value: { patched: 'true' } }],
    [{ op: 'add', path: '/metadata/annotations', value: { note: 'multi\nline' } }],
    [{ op: 'add', path: '/data', value: { key: 'yes' } }],
  ),
});

interface ConfigParts {
  images: Record<string, string>[];
  strategic: { target: JsonObject; body: JsonObject }[];
  json: { target: JsonObject; ops: Json[] }[];
}

const configParts: fc.Arbitrary<ConfigParts> = fc.record({
  images: fc.array(imageEntry, { maxLength: 3 }),
  strategic: fc.array(strategicPatch, { maxLength: 2 }),
  json: fc.array(jsonPatch, { maxLength: 1 }),
});

/** The config object, its keys (and each entry's keys) in the order `reversed` says. */
function configOf(parts: ConfigParts, reversed = false): Record<string, unknown> {
  const order = <T extends object>(entry: T): T => (reversed ? (Object.fromEntries(Object.entries(entry).reverse()) as T) : entry);
  const patches = [
    // kustomize takes a strategic merge patch only with a kind and a name (the target chooses the resources)
    ...parts.strategic.map((p) => order({ target: p.target, patch: JSON.stringify(named(p.body, p.target)) })),
    ...parts.json.map((p) => order({ target: p.target, patch: JSON.stringify(p.ops) })),
  ];
  const config: Record<string, unknown> = {};
  const keys = reversed ? (['patches', 'images'] as const) : (['images', 'patches'] as const);
  for (const key of keys) {
    if (key === 'images' && parts.images.length) config.images = parts.images.map(order);
    if (key === 'patches' && patches.length) config.patches = patches;
  }
  return config;
}

/** A strategic merge patch body with the kind and name kustomize asks of one. */
function named(body: JsonObject, target: JsonObject): JsonObject {
  const metadata = isObject(body.metadata) ? body.metadata : {};
  return { kind: target.kind as string, ...body, metadata: { name: target.name as string, ...metadata } };
}

// ---- the pure transforms ----

async function pureSteps(config: Record<string, unknown>, input: string): Promise<Step[]> {
  const loaded = await configFromObject(config, { dir: process.cwd() });
  return stepsFromConfig(loaded, { sources: () => [{ path: null, text: input }] });
}

/** What the steps make of one document's value, as the pipeline applies them (each List item on its own). */
function applySteps(value: Json, steps: Step[]): Json {
  if (!isObject(value)) return value;
  const one = (resource: JsonObject): JsonObject | null => {
    const context = { document: { file: null, index: 0, chunk: { start: 0, end: 0, line: 1 }, text: '' }, offset: 0, original: resource, earlierIds: [] };
    let current: JsonObject | null = resource;
    for (const step of steps) if (current) current = step.apply(current, context);
    return current;
  };
  // an item the steps remove leaves the list; a null item stays
  if (isList(value)) return { ...value, items: (value.items as Json[]).flatMap((item) => (isObject(item) ? (one(item) ?? []) : [item])) };
  return one(value);
}

function values(text: string): Json[] {
  return parseAllDocuments(text, PARSE_OPTIONS).map((doc) => (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null) as Json);
}

function chunks(text: string): string[] {
  return splitStream(text).map((chunk) => text.slice(chunk.start, chunk.end));
}

/** The run's output, or null when the run is an error (a JSON patch on a document without the path). */
async function run(input: string, config: Record<string, unknown>): Promise<string | null> {
  try {
    return (await transform(input, config)).output;
  } catch (e) {
    if ((e as Error).name === 'KsetError') return null;
    throw e;
  }
}

const stream = fc.tuple(streamDocuments, fc.integer(), fc.boolean()).map(([docs, seed, yamlFeatures]) => renderStream(docs, seed, { yamlFeatures }));
const plainStream = fc.tuple(streamDocuments, fc.integer()).map(([docs, seed]) => renderStream(docs, seed, { yamlFeatures: false }));

/** Patches that remove whole resources (ConfigMaps, which never stand in a List). */
const deletePatch = fc.constantFrom('web', 'api', 'db').map((name) => ({
  target: { kind: 'ConfigMap', name },
  body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, $patch: 'delete' } as JsonObject,
}));

const anySteps = fc
  .tuple(configParts, fc.array(deletePatch, { maxLength: 2 }), fc.nat(3))
  .map(([parts, deletes, at]) => ({ ...parts, strategic: [...parts.strategic.slice(0, at), ...deletes, ...parts.strategic.slice(at)] }));

/** The value at a JSON pointer, or undefined. */
function at(value: Json | undefined, pointer: string): Json | undefined {
  for (const segment of pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isObject(value) && Object.prototype.hasOwnProperty.call(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

/** The changes no later change of the same document overrides (at the same place, above it or within it). */
function lasting(changes: Change[]): Change[] {
  const related = (a: string, b: string) => a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
  return changes.filter((c, i) => !changes.slice(i + 1).some((later) => later.document === c.document && related(later.pointer, c.pointer)));
}

describe('kset runs (property)', () => {
  it('hold every change they report: each read back at its place in its document (documents `...` ends included)', async () => {
    const streams = fc
      .tuple(streamDocuments, fc.integer(), fc.boolean())
      .map(([docs, seed, yamlFeatures]) => renderStream(docs, seed, { yamlFeatures, documentEnds: true }));
    await fc.assert(
      fc.asyncProperty(streams, anySteps, async (input, parts) => {
        let pipeline: DocumentPipeline;
        let outputs: string[];
        try {
          pipeline = new DocumentPipeline(await pureSteps(configOf(parts), input), { report: true });
          outputs = splitStream(input).map((chunk) => pipeline.transform(null, chunk, input.slice(chunk.start, chunk.end)));
        } catch (e) {
          if ((e as Error).name === 'KsetError') return; // a patch without kind, a JSON patch on a document without the path
          throw e;
        }
        for (const change of lasting(pipeline.changes)) {
          const roots = values(itemAt(outputs, change.document));
          const context = `change ${JSON.stringify(change)}\n${input}\n---- became\n${outputs.join('')}`;
          if (change.pointer === '' && change.new === undefined) {
            expect(
              roots.some((root) => deepEqual(root, change.old ?? null)),
              `removed: ${context}`,
            ).toBe(false);
          } else {
            expect(
              roots.some((root) => deepEqual(at(root, change.pointer), change.new)),
              context,
            ).toBe(true);
          }
        }
      }),
      PARAMETERS,
    );
  });

  it('are idempotent, deterministic whatever the config key order, and the same from stdin in pieces', async () => {
    await fc.assert(
      fc.asyncProperty(stream, configParts, fc.array(fc.nat(64), { maxLength: 8 }), async (input, parts, cuts) => {
        const out = await run(input, configOf(parts));
        if (out === null) return;
        expect(await run(input, configOf(parts, true)), 'config keys reordered').toBe(out);
        expect(await run(out, configOf(parts)), `idempotence\n${input}\n---- became\n${out}`).toBe(out);
        let streamed = '';
        const pieces = piecesOf(input, cuts);
        await transformStream(
          (async function* () {
            yield* pieces;
          })(),
          (text) => (streamed += text),
          configOf(parts),
        );
        expect(streamed, 'stdin in pieces').toBe(out);
      }),
      PARAMETERS,
    );
  });

  it('read back as the pure transforms of the input, and leave untouched documents byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(stream, configParts, async (input, parts) => {
        const config = configOf(parts);
        const out = await run(input, config);
        if (out === null) return;
        const steps = await pureSteps(config, input);
        const ins = chunks(input);
        const outs = chunks(out);
        expect(outs.length, `${input}\n---- became\n${out}`).toBe(ins.length);
        ins.forEach((chunk, i) => {
          const before = values(chunk);
          const expected = before.map((value) => applySteps(value, steps));
          const context = `document ${i}\n${chunk}\n---- became\n${outs[i]}`;
          if (expected.every((value, j) => JSON.stringify(value) === JSON.stringify(before[j]))) {
            expect(outs[i], context).toBe(chunk);
          } else {
            expect(values(itemAt(outs, i)), context).toEqual(expected);
          }
        });
      }),
      PARAMETERS,
    );
  });

  it('with only images: change just the lines holding them, each old image for its new one', async () => {
    await fc.assert(
      // manifests without merge keys (`<<: *base`), whose maps are written anew when anything in them changes
      fc.asyncProperty(plainStream, fc.array(imageEntry, { minLength: 1, maxLength: 3 }), async (input, images) => {
        const result = await transform(input, { images });
        const a = input.split('\n');
        const b = result.output.split('\n');
        expect(b.length).toBe(a.length);
        // each image from what it was to what the last entry made of it
        const swaps = new Map<string, { old: string; new: string }>();
        for (const c of result.changes) {
          const key = `${c.document} ${c.pointer}`;
          swaps.set(key, { old: swaps.get(key)?.old ?? (c.old as string), new: c.new as string });
        }
        a.forEach((line, i) => {
          if (line === b[i]) return;
          expect(swapsOnly(line, itemAt(b, i), [...swaps.values()]), `line ${i + 1}: ${JSON.stringify(line)} → ${JSON.stringify(b[i])}`).toBe(true);
        });
      }),
      PARAMETERS,
    );
  });
});

/**
 * Whether `after` is `before` with some images swapped for their new ones, and nothing else changed but
 * quotes (inside a flow collection `localhost:5000/x` is quoted).
 */
function swapsOnly(before: string, after: string, swaps: { old: string; new: string }[]): boolean {
  const a = before.replace(/["']/g, '');
  const b = after.replace(/["']/g, '');
  const walk = (i: number, j: number, swapped: boolean): boolean => {
    if (i === a.length || j === b.length) return i === a.length && j === b.length && swapped;
    for (const swap of swaps) {
      if (a.startsWith(swap.old, i) && b.startsWith(swap.new, j) && walk(i + swap.old.length, j + swap.new.length, true)) return true;
    }
    return a[i] === b[j] && walk(i + 1, j + 1, swapped);
  };
  return walk(0, 0, false);
}

/** `text` cut into pieces at the given distances (UTF-16 units; a cut may split a line or a `---`). */
function piecesOf(text: string, cuts: number[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    if (at >= text.length) break;
    pieces.push(text.slice(at, at + cut));
    at += cut;
  }
  pieces.push(text.slice(at));
  return pieces.filter((p) => p !== '');
}
