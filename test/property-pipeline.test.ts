/**
 * Properties of whole runs over generated manifest streams (resources, Lists, other documents, comment-only
 * documents, Helm comments, every YAML style) and generated transformations (`images:` entries, strategic
 * merge and JSON patches): idempotence, determinism whatever the order of the config's keys and however
 * stdin arrives, byte-identical documents where nothing changes, semantic equality with the pure transforms,
 * and image edits that change only the lines holding the images.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { transform, transformStream } from '../src/api.js';
import { configFromObject } from '../src/config/load.js';
import { isList, type Step } from '../src/pipeline.js';
import { MAX_ALIAS_COUNT, PARSE_OPTIONS } from '../src/yaml/schema.js';
import { splitStream } from '../src/read/split.js';
import { stepsFromConfig } from '../src/steps/from-config.js';
import { isObject, type Json, type JsonObject } from '../src/types.js';
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

/** Strategic merge patches that give the same result applied twice. */
const strategicPatch = fc.oneof(
  fc.record({ target: workloadTarget, body: fc.record({ metadata: fc.record({ labels: fc.dictionary(fc.constantFrom('added', 'tier'), fc.constantFrom('yes', 'x', '0755')) }) }) }),
  fc.record({
    target: workloadTarget,
    body: fc.constantFrom<JsonObject>(
      { spec: { template: { spec: { containers: [{ name: 'app', resources: { requests: { memory: '250Mi' } } }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'extra', image: 'nginx:1.25' }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'MODE', value: 'on' }] }] } } } },
      { spec: { template: { spec: { restartPolicy: null } } } },
      { spec: { replicas: 3 } },
      { spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } },
    ),
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
    ...parts.strategic.map((p) => order({ target: p.target, patch: JSON.stringify(p.body) })),
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

describe('kset runs (property)', () => {
  it('are idempotent, deterministic whatever the config key order, and the same from stdin in pieces', async () => {
    await fc.assert(
      fc.asyncProperty(stream, configParts, fc.array(fc.nat(64), { maxLength: 8 }), async (input, parts, cuts) => {
        const out = await run(input, configOf(parts));
        if (out === null) return;
        expect(await run(input, configOf(parts, true)), 'config keys reordered').toBe(out);
        expect(await run(out, configOf(parts)), `idempotence\n${input}\n---- became\n${out}`).toBe(out);
        let streamed = '';
        const pieces = piecesOf(input, cuts);
        await transformStream((async function* () { yield* pieces; })(), (text) => (streamed += text), configOf(parts));
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
            expect(values(outs[i]), context).toEqual(expected);
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
          expect(swapsOnly(line, b[i], [...swaps.values()]), `line ${i + 1}: ${JSON.stringify(line)} → ${JSON.stringify(b[i])}`).toBe(true);
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
