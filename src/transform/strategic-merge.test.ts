import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { schemaForResource } from '../schema/patch-meta.js';
import type { Json, JsonObject } from '../types.js';
import { strategicMerge } from './strategic-merge.js';

// Expected results were checked against `kubectl patch --local --type strategic` (v1.32), except where a
// case says it is one of kset's deliberate departures.

/** Merges `patch` into `doc` under the built-in schema of doc's kind (or none for unknown kinds). */
function merge(doc: JsonObject, patch: JsonObject): JsonObject | null {
  return strategicMerge(doc, patch, schemaForResource(doc.apiVersion as string, doc.kind as string));
}

const deployment = (podSpec: JsonObject, spec: JsonObject = {}): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { ...spec, template: { spec: podSpec } },
});
/** A patch reaching a Deployment's pod spec. */
const podPatch = (podSpec: JsonObject): JsonObject => ({ spec: { template: { spec: podSpec } } });
const podSpecOf = (doc: JsonObject | null): JsonObject => ((doc!.spec as JsonObject).template as JsonObject).spec as JsonObject;
const names = (list: Json | undefined): Json[] => (list as JsonObject[]).map((item) => item.name ?? item);

const abc = (): JsonObject[] => [
  { name: 'a', image: 'a:1' },
  { name: 'b', image: 'b:1' },
  { name: 'c', image: 'c:1' },
];

interface Case {
  name: string;
  doc: JsonObject;
  patch: JsonObject;
  /** The whole result, or a check of part of it. */
  want: JsonObject | null | ((result: JsonObject | null) => void);
}

function run(cases: Case[]): void {
  for (const { name, doc, patch, want } of cases) {
    it(name, () => {
      const result = merge(doc, patch);
      if (typeof want === 'function') want(result);
      else expect(result).toEqual(want);
    });
  }
}

describe('strategicMerge: maps', () => {
  const config = (data: JsonObject, meta: JsonObject = {}): JsonObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', ...meta },
    data,
  });
  run([
    {
      name: 'merges maps recursively and replaces scalars',
      doc: config({ mode: 'a', level: '1' }, { labels: { app: 'x' } }),
      patch: { metadata: { labels: { tier: 'web' } }, data: { mode: 'b' } },
      want: config({ mode: 'b', level: '1' }, { labels: { app: 'x', tier: 'web' } }),
    },
    {
      name: 'null deletes a field; a null for an absent field adds nothing',
      doc: config({ mode: 'a', level: '1' }),
      patch: { data: { level: null, missing: null } },
      want: config({ mode: 'a' }),
    },
    {
      name: 'drops nulls from a value that has nothing to merge into',
      doc: config({ mode: 'a' }),
      patch: { metadata: { annotations: { keep: 'yes', gone: null } } },
      want: config({ mode: 'a' }, { annotations: { keep: 'yes' } }),
    },
    {
      name: 'a value of another shape replaces the original one',
      doc: config({ mode: 'a' }, { labels: { app: 'x' } }),
      patch: { metadata: { labels: 'none' }, data: ['x'] },
      want: config(['x'] as unknown as JsonObject, { labels: 'none' } as JsonObject),
    },
    {
      name: 'merges into an original null as into nothing',
      doc: config({ mode: 'a' }, { labels: null } as JsonObject),
      patch: { metadata: { labels: { app: 'y', drop: null } } },
      want: config({ mode: 'a' }, { labels: { app: 'y' } }),
    },
  ]);
});

describe('strategicMerge: lists merged by key', () => {
  run([
    {
      name: 'merges containers by name, keeping the original order',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ containers: [{ name: 'b', image: 'b:2' }] }),
      want: deployment({
        containers: [
          { name: 'a', image: 'a:1' },
          { name: 'b', image: 'b:2' },
          { name: 'c', image: 'c:1' },
        ],
      }),
    },
    {
      name: 'appends a new item that the patch lists after a merged one',
      doc: deployment({ containers: abc() }),
      patch: podPatch({
        containers: [
          { name: 'b', image: 'b:2' },
          { name: 'd', image: 'd:1' },
        ],
      }),
      want: (r) => expect(names(podSpecOf(r).containers)).toEqual(['a', 'b', 'd', 'c']),
    },
    {
      name: 'puts a new item that the patch lists first before the merged ones (apimachinery interleaving)',
      doc: deployment({ containers: abc() }),
      patch: podPatch({
        containers: [
          { name: 'd', image: 'd:1' },
          { name: 'b', image: 'b:2' },
        ],
      }),
      want: (r) => expect(names(podSpecOf(r).containers)).toEqual(['d', 'a', 'b', 'c']),
    },
    {
      name: 'patched items follow the patch order, an unpatched item goes before the patched ones it preceded',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ containers: [{ name: 'c', image: 'c:2' }, { name: 'x' }, { name: 'a', image: 'a:2' }, { name: 'y' }] }),
      want: (r) => expect(names(podSpecOf(r).containers)).toEqual(['b', 'c', 'x', 'a', 'y']),
    },
    {
      name: 'merges nested keyed lists (env by name, volumeMounts by mountPath)',
      doc: deployment({
        containers: [
          {
            name: 'app',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
      }),
      patch: podPatch({
        containers: [
          {
            name: 'app',
            env: [
              { name: 'B', value: null, valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'C', value: '3' },
            ],
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          },
        ],
      }),
      want: deployment({
        containers: [
          {
            name: 'app',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'C', value: '3' },
            ],
            // a new item the patch lists before every merged one goes first
            volumeMounts: [
              { name: 'tmp', mountPath: '/tmp' },
              { name: 'data', mountPath: '/data' },
            ],
          },
        ],
      }),
    },
    {
      name: 'a second patch item with a new key merges into the first one',
      doc: deployment({ containers: abc() }),
      patch: podPatch({
        containers: [
          { name: 'n', image: 'n:1' },
          { name: 'n', args: ['x'] },
        ],
      }),
      want: (r) => expect(podSpecOf(r).containers).toContainEqual({ name: 'n', image: 'n:1', args: ['x'] }),
    },
    {
      name: 'merges into the first of two original items with the same key',
      doc: deployment({
        containers: [
          { name: 'a', image: '1' },
          { name: 'a', image: '2' },
        ],
      }),
      patch: podPatch({ containers: [{ name: 'a', image: '3' }] }),
      want: (r) =>
        expect(podSpecOf(r).containers).toEqual([
          { name: 'a', image: '3' },
          { name: 'a', image: '2' },
        ]),
    },
    {
      name: 'merge keys compare by type: "80" is not 80',
      doc: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } },
      patch: { spec: { ports: [{ port: '80', name: 'x' }] } },
      want: (r) => expect((r!.spec as JsonObject).ports).toEqual([{ port: '80', name: 'x' }, { port: 80 }]),
    },
    {
      name: 'merges ownerReferences by uid',
      doc: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', ownerReferences: [{ uid: 'u1', name: 'a' }] } },
      patch: { metadata: { ownerReferences: [{ uid: 'u1', name: 'b' }] } },
      want: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', ownerReferences: [{ uid: 'u1', name: 'b' }] } },
    },
    {
      name: 'an empty patch list leaves the list alone',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ containers: [] }),
      want: deployment({ containers: abc() }),
    },
  ]);
});

describe('strategicMerge: primitive and atomic lists', () => {
  const pod = (meta: JsonObject, spec: JsonObject = { containers: [{ name: 'app' }] }): JsonObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...meta },
    spec,
  });
  run([
    {
      name: 'merges a primitive list with merge strategy as a set (finalizers), new values first',
      doc: pod({ finalizers: ['x/a'] }),
      patch: { metadata: { finalizers: ['x/b', 'x/a'] } },
      want: pod({ finalizers: ['x/b', 'x/a'] }),
    },
    {
      name: 'interleaves a primitive set as apimachinery does',
      doc: pod({ finalizers: ['a', 'b', 'c'] }),
      patch: { metadata: { finalizers: ['d', 'b', 'e', 'd'] } },
      want: pod({ finalizers: ['d', 'a', 'b', 'e', 'c'] }),
    },
    {
      name: 'replaces a list without merge strategy (args)',
      doc: pod({}, { containers: [{ name: 'app', args: ['--a', '--b'] }] }),
      patch: { spec: { containers: [{ name: 'app', args: ['--c'] }] } },
      want: pod({}, { containers: [{ name: 'app', args: ['--c'] }] }),
    },
    {
      name: 'replaces an atomic list of maps (tolerations)',
      doc: pod({}, { containers: [{ name: 'app' }], tolerations: [{ key: 'a', operator: 'Exists' }] }),
      patch: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } },
      want: pod({}, { containers: [{ name: 'app' }], tolerations: [{ key: 'b', operator: 'Exists' }] }),
    },
    {
      name: 'replaces a map with replace strategy (PodDisruptionBudget selector)',
      doc: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: { selector: { matchLabels: { a: '1' } } } },
      patch: { spec: { selector: { matchLabels: { b: '2' } } } },
      want: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: { selector: { matchLabels: { b: '2' } } } },
    },
  ]);
});

describe('strategicMerge: $patch', () => {
  run([
    {
      name: 'delete removes list items by merge key',
      doc: deployment({ containers: abc() }),
      patch: podPatch({
        containers: [
          { name: 'b', $patch: 'delete' },
          { name: 'z', $patch: 'delete' },
        ],
      }),
      want: deployment({
        containers: [
          { name: 'a', image: 'a:1' },
          { name: 'c', image: 'c:1' },
        ],
      }),
    },
    {
      name: 'delete on a map leaves it empty (apimachinery)',
      doc: deployment({ containers: [{ name: 'a', resources: { limits: { cpu: '1' } } }] }),
      patch: podPatch({ containers: [{ name: 'a', resources: { $patch: 'delete' } }] }),
      want: deployment({ containers: [{ name: 'a', resources: {} }] }),
    },
    {
      name: 'replace on a map takes the patch map',
      doc: deployment({ containers: [{ name: 'a', resources: { limits: { cpu: '1' }, requests: { cpu: '1' } } }] }),
      patch: podPatch({ containers: [{ name: 'a', resources: { $patch: 'replace', limits: { memory: '1Gi' } } }] }),
      want: deployment({ containers: [{ name: 'a', resources: { limits: { memory: '1Gi' } } }] }),
    },
    {
      name: 'a replace item in a list makes the patch list the list',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ containers: [{ name: 'z', image: 'z:1' }, { $patch: 'replace' }] }),
      want: deployment({ containers: [{ name: 'z', image: 'z:1' }] }),
    },
    {
      name: 'top-level delete deletes the object',
      doc: deployment({ containers: abc() }),
      patch: { $patch: 'delete' },
      want: null,
    },
    {
      name: 'top-level replace replaces the object',
      doc: deployment({ containers: abc() }),
      patch: { $patch: 'replace', apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
      want: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
    },
  ]);
});

describe('strategicMerge: $retainKeys', () => {
  const daemonSet = (updateStrategy: JsonObject): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: { updateStrategy },
  });
  run([
    {
      name: 'clears the keys it does not list, even where the schema has no retainKeys strategy',
      doc: daemonSet({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }),
      patch: { spec: { updateStrategy: { $retainKeys: ['type'], type: 'OnDelete' } } },
      want: daemonSet({ type: 'OnDelete' }),
    },
    {
      name: 'switches a volume source',
      doc: deployment({
        containers: [{ name: 'a' }],
        volumes: [
          { name: 'v', configMap: { name: 'cm' } },
          { name: 'w', emptyDir: {} },
        ],
      }),
      patch: podPatch({ volumes: [{ name: 'v', $retainKeys: ['name', 'secret'], secret: { secretName: 's' } }] }),
      want: deployment({
        containers: [{ name: 'a' }],
        volumes: [
          { name: 'v', secret: { secretName: 's' } },
          { name: 'w', emptyDir: {} },
        ],
      }),
    },
    {
      name: 'a null for an unlisted key is allowed',
      doc: daemonSet({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }),
      patch: { spec: { updateStrategy: { $retainKeys: ['type'], rollingUpdate: null } } },
      want: daemonSet({ type: 'RollingUpdate' }),
    },
  ]);
});

describe('strategicMerge: $setElementOrder', () => {
  const env = (...list: string[]) => list.map((name) => ({ name, value: name.toLowerCase() }));
  run([
    {
      name: 'orders the list without changing it',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ '$setElementOrder/containers': [{ name: 'c' }, { name: 'b' }, { name: 'a' }] }),
      want: (r) => expect(names(podSpecOf(r).containers)).toEqual(['c', 'b', 'a']),
    },
    {
      name: 'items it does not name keep their place before the named ones they preceded',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }] }),
      want: (r) => expect(names(podSpecOf(r).containers)).toEqual(['b', 'c', 'a']),
    },
    {
      name: 'places new items where it says, and ignores deleted ones',
      doc: deployment({ containers: abc() }),
      patch: podPatch({
        '$setElementOrder/containers': [{ name: 'c' }, { name: 'n' }, { name: 'a' }],
        containers: [
          { name: 'b', $patch: 'delete' },
          { name: 'n', image: 'n:1' },
        ],
      }),
      want: (r) => expect(names(podSpecOf(r).containers)).toEqual(['c', 'n', 'a']),
    },
    {
      name: 'orders a nested env list while merging it',
      doc: deployment({ containers: [{ name: 'app', env: env('A', 'B', 'C') }] }),
      patch: podPatch({
        containers: [{ name: 'app', '$setElementOrder/env': [{ name: 'C' }, { name: 'N' }, { name: 'A' }, { name: 'B' }], env: [{ name: 'N', value: 'n' }] }],
      }),
      want: deployment({ containers: [{ name: 'app', env: env('C', 'N', 'A', 'B') }] }),
    },
    {
      name: 'orders a primitive list',
      doc: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', finalizers: ['a', 'b', 'c'] } },
      patch: { metadata: { '$setElementOrder/finalizers': ['c', 'z', 'a'], finalizers: ['z'] } },
      want: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', finalizers: ['b', 'c', 'z', 'a'] } },
    },
    {
      name: 'orders a replaced list',
      doc: deployment({ containers: [{ name: 'app', args: ['1', '2', '3'] }] }),
      patch: podPatch({ containers: [{ name: 'app', '$setElementOrder/args': ['3', '1', '2'] }] }),
      want: deployment({ containers: [{ name: 'app', args: ['3', '1', '2'] }] }),
    },
  ]);
});

describe('strategicMerge: $deleteFromPrimitiveList', () => {
  const pod = (finalizers?: string[], args?: string[]): JsonObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...(finalizers && { finalizers }) },
    spec: { containers: [{ name: 'app', ...(args && { args }) }] },
  });
  run([
    {
      name: 'removes every occurrence of the values',
      doc: pod(['a', 'b', 'c', 'b']),
      patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'zz'] } },
      want: pod(['a', 'c']),
    },
    {
      name: 'works on a list without merge strategy too',
      doc: pod(undefined, ['-v', '--x', '-v']),
      patch: { spec: { containers: [{ name: 'app', '$deleteFromPrimitiveList/args': ['-v'] }] } },
      want: pod(undefined, ['--x']),
    },
    {
      name: 'does nothing to an absent list',
      doc: pod(),
      patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
      want: pod(),
    },
    // Go visits the two keys in random order, most often in the order written (15 runs in 16 here).
    {
      name: 'a deletion written before the list deletes before the list adds',
      doc: pod(['a', 'b', 'c']),
      patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], finalizers: ['b', 'z'] } },
      want: pod(['b', 'z', 'a', 'c']),
    },
    {
      name: 'a deletion written after the list deletes what the list added',
      doc: pod(['a', 'b', 'c']),
      patch: { metadata: { finalizers: ['b', 'z'], '$deleteFromPrimitiveList/finalizers': ['b'] } },
      want: pod(['a', 'z', 'c']),
    },
  ]);
});

describe('strategicMerge: directives never reach the output (kset departure from kubectl)', () => {
  run([
    {
      name: 'in a new list item',
      doc: deployment({ containers: abc() }),
      patch: podPatch({
        containers: [{ name: 'n', image: 'n:1', '$setElementOrder/env': [{ name: 'X' }], env: [{ name: 'X', value: null }], resources: { $patch: 'replace' } }],
      }),
      want: (r) => expect(podSpecOf(r).containers).toContainEqual({ name: 'n', image: 'n:1', env: [{ name: 'X' }] }),
    },
    {
      name: 'in a new field ($patch maps are left out, as apimachinery does)',
      doc: deployment({ containers: [{ name: 'a' }] }, {}),
      patch: {
        spec: {
          strategy: { $retainKeys: ['type'], type: 'Recreate' },
          template: { spec: { containers: [{ name: 'a', resources: { limits: { $patch: 'replace', cpu: '1' } } }] } },
        },
      },
      want: deployment({ containers: [{ name: 'a', resources: {} }] }, { strategy: { type: 'Recreate' } }),
    },
    {
      name: 'in a replaced list',
      doc: deployment({ containers: [{ name: 'a', args: ['x'] }] }),
      patch: podPatch({ containers: [{ name: 'a', args: [{ $patch: 'replace' }, 'y'] as Json[] }] }),
      want: deployment({ containers: [{ name: 'a', args: ['y'] }] }),
    },
  ]);
});

describe('strategicMerge: a port named twice is told apart by protocol (kset departure from apimachinery)', () => {
  const coredns = (ports: JsonObject[]) => deployment({ containers: [{ name: 'dns', ports }] });
  const portsOf = (r: JsonObject | null) => (podSpecOf(r).containers as JsonObject[])[0]?.ports;
  const service = (ports: JsonObject[]): JsonObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports } });
  run([
    {
      name: 'a TCP patch item merges into the TCP item, not the UDP one with the same port',
      doc: coredns([
        { containerPort: 53, protocol: 'UDP', name: 'dns' },
        { containerPort: 53, protocol: 'TCP', name: 'dns-tcp' },
      ]),
      patch: podPatch({ containers: [{ name: 'dns', ports: [{ containerPort: 53, protocol: 'TCP', hostPort: 53 }] }] }),
      want: (r) =>
        expect(portsOf(r)).toEqual([
          { containerPort: 53, protocol: 'UDP', name: 'dns' },
          { containerPort: 53, protocol: 'TCP', name: 'dns-tcp', hostPort: 53 },
        ]),
    },
    {
      name: 'a UDP patch item merges into the UDP item',
      doc: coredns([
        { containerPort: 53, protocol: 'TCP' },
        { containerPort: 53, protocol: 'UDP' },
      ]),
      patch: podPatch({ containers: [{ name: 'dns', ports: [{ containerPort: 53, protocol: 'UDP', name: 'u' }] }] }),
      want: (r) =>
        expect(portsOf(r)).toEqual([
          { containerPort: 53, protocol: 'TCP' },
          { containerPort: 53, protocol: 'UDP', name: 'u' },
        ]),
    },
    {
      name: 'a patch item without protocol merges into the protocol-less (TCP) item',
      doc: coredns([{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53 }]),
      patch: podPatch({ containers: [{ name: 'dns', ports: [{ containerPort: 53, name: 'tcp' }] }] }),
      want: (r) =>
        expect(portsOf(r)).toEqual([
          { containerPort: 53, protocol: 'UDP' },
          { containerPort: 53, name: 'tcp' },
        ]),
    },
    // A port named once merges by port alone, whatever the protocols, as kubectl does.
    {
      name: 'a patch item without protocol merges into the UDP item of its port',
      doc: coredns([{ containerPort: 53, protocol: 'UDP' }]),
      patch: podPatch({ containers: [{ name: 'dns', ports: [{ containerPort: 53, name: 'tcp' }] }] }),
      want: (r) => expect(portsOf(r)).toEqual([{ containerPort: 53, protocol: 'UDP', name: 'tcp' }]),
    },
    {
      name: 'a TCP patch item changes the protocol of the UDP item of its port',
      doc: coredns([{ containerPort: 53, protocol: 'UDP' }]),
      patch: podPatch({ containers: [{ name: 'dns', ports: [{ containerPort: 53, protocol: 'TCP', name: 't' }] }] }),
      want: (r) => expect(portsOf(r)).toEqual([{ containerPort: 53, protocol: 'TCP', name: 't' }]),
    },
    {
      name: 'a UDP delete item deletes the TCP item of its port',
      doc: service([{ port: 80, protocol: 'TCP', name: 'a' }, { port: 81 }]),
      patch: { spec: { ports: [{ port: 80, protocol: 'UDP', $patch: 'delete' }] } },
      want: service([{ port: 81 }]),
    },
    {
      name: 'a patch naming a port twice adds its second protocol (kubectl would merge both into one item)',
      doc: service([{ port: 80, protocol: 'TCP', name: 'a' }, { port: 81 }]),
      patch: {
        spec: {
          ports: [
            { port: 80, protocol: 'TCP', name: 't' },
            { port: 80, protocol: 'UDP', name: 'u' },
          ],
        },
      },
      want: service([{ port: 80, protocol: 'TCP', name: 't' }, { port: 80, protocol: 'UDP', name: 'u' }, { port: 81 }]),
    },
    {
      name: 'Service ports without protocol anywhere merge by port',
      doc: service([
        { port: 80, targetPort: 8080 },
        { port: 9000, targetPort: 9000 },
      ]),
      patch: { spec: { ports: [{ port: 9000, targetPort: 9443 }] } },
      want: service([
        { port: 80, targetPort: 8080 },
        { port: 9000, targetPort: 9443 },
      ]),
    },
    {
      name: 'deleting a Service port by port deletes only its TCP item',
      doc: service([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 80 }]),
      patch: { spec: { ports: [{ port: 53, $patch: 'delete' }] } },
      want: service([{ port: 53, protocol: 'UDP' }, { port: 80 }]),
    },
    {
      name: 'a missing list-map key other than protocol matches any value (topologySpreadConstraints)',
      doc: deployment({ containers: [], topologySpreadConstraints: [{ topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', maxSkew: 1 }] }),
      patch: podPatch({
        topologySpreadConstraints: [
          { topologyKey: 'zone', maxSkew: 2 },
          { topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 1 },
        ],
      }),
      want: (r) =>
        expect(podSpecOf(r).topologySpreadConstraints).toEqual([
          { topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', maxSkew: 2 },
          { topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 1 },
        ]),
    },
  ]);
});

describe('strategicMerge: kinds without a schema (kustomize merge)', () => {
  const widget = (spec: JsonObject): JsonObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
  run([
    {
      name: 'merges maps, replaces lists, null deletes',
      doc: widget({ retention: '15d', selector: { a: '1' }, containers: [{ name: 'x', args: ['1'] }, { name: 'y' }], drop: 1 }),
      patch: { spec: { retention: '30d', selector: { b: '2' }, containers: [{ name: 'x', args: ['2'] }], drop: null } },
      want: widget({ retention: '30d', selector: { a: '1', b: '2' }, containers: [{ name: 'x', args: ['2'] }] }),
    },
    {
      name: '$patch: delete removes the map, replace and merge keep its contents',
      doc: widget({ a: { x: 1 }, b: { x: 1 }, c: { x: 1 } }),
      patch: { spec: { a: { $patch: 'delete' }, b: { $patch: 'replace', y: 2 }, c: { $patch: 'merge', y: 2 }, d: { $patch: 'replace', z: 3 } } },
      want: widget({ b: { y: 2 }, c: { x: 1, y: 2 }, d: { z: 3 } }),
    },
    {
      name: 'leaves directives and nulls out of replaced lists and new values',
      doc: widget({ list: [{ name: 'a' }] }),
      patch: {
        spec: {
          list: [
            { name: 'a', $patch: 'delete' },
            { name: 'b', v: null, w: { $patch: 'delete' } },
          ],
          n: { p: null, q: 1 },
        },
      },
      want: widget({ list: [{ name: 'b' }], n: { q: 1 } }),
    },
    {
      name: 'applies $retainKeys, $setElementOrder and $deleteFromPrimitiveList',
      doc: widget({ strategy: { type: 'A', a: { x: 1 } }, order: ['1', '2', '3'], tags: ['x', 'y'] }),
      patch: { spec: { strategy: { $retainKeys: ['type'], type: 'B' }, '$setElementOrder/order': ['3', '2', '1'], '$deleteFromPrimitiveList/tags': ['x'] } },
      want: widget({ strategy: { type: 'B' }, order: ['3', '2', '1'], tags: ['y'] }),
    },
    {
      name: 'top-level delete deletes the object',
      doc: widget({}),
      patch: { $patch: 'delete' },
      want: null,
    },
  ]);
});

describe('strategicMerge: apimachinery quirks, checked against kubectl', () => {
  const pod = (spec: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
  const env = (...list: string[]) => list.map((name) => ({ name, value: '1' }));
  run([
    {
      name: 'topologySpreadConstraints merge on topologyKey alone, though whenUnsatisfiable is a list-map key',
      doc: pod({
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
          { maxSkew: 1, topologyKey: 'host', whenUnsatisfiable: 'DoNotSchedule' },
        ],
      }),
      patch: { spec: { topologySpreadConstraints: [{ topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 4 }] } },
      want: pod({
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
          { maxSkew: 4, topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway' },
        ],
      }),
    },
    {
      // Go shifts Q and R left over the deleted P and appends N into the freed slot of the original array,
      // which $setElementOrder then reads as the original order: Q, R, N. So Q stays before N.
      name: '$setElementOrder after a deletion sees new items appended where deleted ones were',
      doc: pod({ containers: [{ name: 'c', env: env('P', 'Q', 'R') }] }),
      patch: {
        spec: {
          containers: [
            {
              name: 'c',
              env: [
                { name: 'P', $patch: 'delete' },
                { name: 'N', value: '2' },
              ],
              '$setElementOrder/env': [{ name: 'N' }, { name: 'R' }],
            },
          ],
        },
      },
      want: pod({ containers: [{ name: 'c', env: [...env('Q'), { name: 'N', value: '2' }, ...env('R')] }] }),
    },
    {
      // kubectl keeps the item with `name: null` (its order differs: kubectl puts it first).
      name: 'a patch item whose merge key is null has the key: it is added, without the null',
      doc: pod({ containers: [{ name: 'a', image: 'a:1' }] }),
      patch: { spec: { containers: [{ name: null, image: 'x' }] } },
      want: (r) => expect((r!.spec as JsonObject).containers).toContainEqual({ image: 'x' }),
    },
  ]);
});

describe("strategicMerge: fields kubectl's Go types lack", () => {
  const pod = (container: JsonObject): JsonObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', ...container }] },
  });
  const containerPatch = (container: JsonObject): JsonObject => ({ spec: { containers: [{ name: 'c', ...container }] } });
  run([
    {
      name: 'a scalar, or a value with nothing to merge into, is set whatever the field',
      doc: pod({ securityContext: { bogus: 'x' } }),
      patch: containerPatch({ securityContext: { bogus: 'y', extra: { a: [1] } } }),
      want: pod({ securityContext: { bogus: 'y', extra: { a: [1] } } }),
    },
    {
      name: 'an old API version may hold fields its successor lacks (extensions/v1beta1 Ingress backend)',
      doc: { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'i' }, spec: { backend: { serviceName: 's', servicePort: 80 } } },
      patch: { spec: { backend: { servicePort: 81 } } },
      want: { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'i' }, spec: { backend: { serviceName: 's', servicePort: 81 } } },
    },
  ]);
  const failing: { name: string; doc: JsonObject; patch: JsonObject; message: string }[] = [
    {
      name: 'a map merged into a field the type lacks',
      doc: pod({ securityContext: { bogus: { a: 1 } } }),
      patch: containerPatch({ securityContext: { bogus: { b: 2 } } }),
      message: 'unable to find api field in struct SecurityContext for the json field "bogus"',
    },
    {
      name: 'a status merged into a ConfigMap',
      doc: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, status: { a: 1 } },
      patch: { status: { b: 1 } },
      message: 'unable to find api field in struct ConfigMap for the json field "status"',
    },
    {
      name: 'a $setElementOrder for a field the type lacks, even with no such list',
      doc: pod({}),
      patch: { spec: { '$setElementOrder/sidecars': [{ name: 'a' }] } },
      message: 'spec: unable to find api field in struct PodSpec for the json field "sidecars"',
    },
  ];
  for (const { name, doc, patch, message } of failing) {
    it(`fails on ${name}, as kubectl does`, () => {
      expect(() => merge(doc, patch)).toThrow(KsetError);
      expect(() => merge(doc, patch)).toThrow(message);
    });
  }
});

describe('strategicMerge: errors', () => {
  const cases: { name: string; doc: JsonObject; patch: JsonObject; message: RegExp }[] = [
    {
      name: 'a merged list item without its merge key',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ containers: [{ name: 'a' }, { image: 'x' }] }),
      message: /spec\.template\.spec\.containers\[1\]: .*merge key "name"/,
    },
    {
      name: 'a delete item without its merge key',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ containers: [{ $patch: 'delete' }] }),
      message: /spec\.template\.spec\.containers\[0\]: .*merge key "name"/,
    },
    {
      name: 'an original item without the merge key',
      doc: deployment({ containers: [{ image: 'x' }] }),
      patch: podPatch({ containers: [{ name: 'a' }] }),
      message: /spec\.template\.spec\.containers: .*merge key "name"/,
    },
    {
      name: 'an unknown $patch value on a map',
      doc: deployment({ containers: abc() }),
      patch: { spec: { template: { $patch: 'bogus' } } },
      message: /spec\.template: unknown patch type "bogus"/,
    },
    {
      name: '$patch: merge on a map of a known kind',
      doc: deployment({ containers: abc() }),
      patch: { spec: { $patch: 'merge' } },
      message: /spec: unknown patch type "merge"/,
    },
    {
      name: 'an unknown $patch value in a list',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ containers: [{ name: 'a', $patch: 'bogus' }] }),
      message: /containers\[0\]: unknown patch type "bogus"/,
    },
    {
      name: '$patch: merge in a list',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ containers: [{ $patch: 'merge' }] }),
      message: /containers\[0\]: merging lists cannot yet be specified/,
    },
    {
      name: '$retainKeys that is not a list',
      doc: deployment({ containers: [] }, { strategy: { type: 'Recreate' } }),
      patch: { spec: { strategy: { $retainKeys: 'type' } } },
      message: /spec\.strategy: \$retainKeys must be a list/,
    },
    {
      name: 'a patch key that $retainKeys does not list',
      doc: deployment({ containers: [] }, { strategy: { type: 'Recreate' } }),
      patch: { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: { maxSurge: 1 } } } },
      message: /spec\.strategy: the patch sets "rollingUpdate"/,
    },
    {
      name: 'a patch list out of $setElementOrder order',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }], containers: [{ name: 'a' }, { name: 'c' }] }),
      message: /containers: the patch list does not follow the order/,
    },
    {
      name: 'a $setElementOrder item without the merge key',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ '$setElementOrder/containers': [{ image: 'c:1' }] }),
      message: /containers: an item of \$setElementOrder\/containers does not contain the merge key "name"/,
    },
    {
      name: 'a $setElementOrder that is not a list',
      doc: deployment({ containers: abc() }),
      patch: podPatch({ '$setElementOrder/containers': { name: 'c' } }),
      message: /\$setElementOrder\/containers must be a list/,
    },
    {
      name: 'a malformed directive key',
      doc: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', finalizers: ['a'] } },
      patch: { metadata: { $deleteFromPrimitiveListfinalizers: ['a'] } },
      message: /metadata: invalid directive key/,
    },
    {
      name: 'a merged list mixing types',
      doc: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', finalizers: ['a'] } },
      patch: { metadata: { finalizers: [1] } },
      message: /metadata\.finalizers: list items are not all of one type/,
    },
  ];
  for (const { name, doc, patch, message } of cases) {
    it(name, () => {
      expect(() => merge(doc, patch)).toThrow(KsetError);
      expect(() => merge(doc, patch)).toThrow(message);
    });
  }
});

describe('strategicMerge: purity', () => {
  it('changes neither input and shares untouched subtrees', () => {
    const doc = deepFreeze(deployment({ containers: abc(), volumes: [{ name: 'v', emptyDir: {} }] }, { selector: { matchLabels: { a: '1' } } }));
    const patch = deepFreeze(
      podPatch({
        containers: [
          { name: 'b', image: 'b:2' },
          { name: 'n', env: [{ name: 'X', value: null }] },
        ],
      }),
    );
    const before = JSON.stringify([doc, patch]);
    const result = merge(doc, patch)!;
    expect(JSON.stringify([doc, patch])).toBe(before);
    expect((result.spec as JsonObject).selector).toBe((doc.spec as JsonObject).selector);
    expect(podSpecOf(result).volumes).toBe(podSpecOf(doc).volumes);
    expect((podSpecOf(result).containers as Json[])[0]).toBe((podSpecOf(doc).containers as Json[])[0]);
  });

  it('keeps a __proto__ key as data', () => {
    const doc: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: {} };
    const patch = JSON.parse('{"data": {"__proto__": {"polluted": "yes"}}}') as JsonObject;
    const result = merge(doc, patch)!;
    expect(Object.hasOwn(result.data as JsonObject, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
