import { describe, expect, it } from 'vitest';
import { containerMatches } from '../util/container-glob.js';
import type { Json, JsonObject, WritableJsonObject } from '../types.js';
import type { EnvVar } from './env-args.js';
import { setEnv, type EnvUpdate } from './set-env.js';

// Each expected result was checked with `kubectl set env --local -f F ARGS -o yaml` (v1.32), its
// round-trip additions (creationTimestamp: null, resources: {}, status: {}) aside.

const env = (...pairs: [string, string?][]): Json[] => pairs.map(([name, value]): JsonObject => (value === undefined ? { name } : { name, value }));

function pod(containers: JsonObject[], initContainers?: JsonObject[]): JsonObject {
  const spec: WritableJsonObject = { containers };
  if (initContainers) spec.initContainers = initContainers;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec };
}

type Args = Partial<Omit<EnvUpdate, 'containers'>> & { set?: [string, string][]; containers?: string };

/** The update of kset set env's arguments: `containers` is a kubectl pattern. */
function update(args: Args): EnvUpdate {
  const vars: EnvVar[] = (args.set ?? []).map(([name, value]) => ({ name, value }));
  return {
    env: args.env ?? vars,
    remove: args.remove ?? [],
    containers: (name) => containerMatches(name, args.containers ?? '*'),
    overwrite: args.overwrite ?? true,
  };
}

const containersOf = (resource: JsonObject) => (resource.spec as JsonObject).containers as JsonObject[];

describe('setEnv: one container', () => {
  const rows: [string, Json[] | undefined, Args, Json[] | undefined][] = [
    ['appends a new variable', env(['A', '1']), { set: [['B', '2']] }, env(['A', '1'], ['B', '2'])],
    ['replaces a variable in place', env(['A', '1'], ['B', '2']), { set: [['A', 'x']] }, env(['A', 'x'], ['B', '2'])],
    ['adds env to a container without one', undefined, { set: [['A', '1']] }, env(['A', '1'])],
    ['writes NAME= without a value (Go omits an empty string)', env(['A', '1']), { set: [['A', '']] }, env(['A'])],
    ['keeps the value after the first =', undefined, { set: [['A', 'b=c']] }, env(['A', 'b=c'])],
    ['collapses duplicates of a set name into the first', env(['D', '1'], ['X', 'x'], ['D', '2']), { set: [['D', '3']] }, env(['D', '3'], ['X', 'x'])],
    ['keeps duplicates of names it does not touch', env(['D', '1'], ['D', '2']), { set: [['A', '1']] }, env(['D', '1'], ['D', '2'], ['A', '1'])],
    [
      'the first of two settings of one name wins',
      env(['A', 'old']),
      {
        set: [
          ['A', 'first'],
          ['A', 'second'],
        ],
      },
      env(['A', 'first']),
    ],
    [
      'a new name set twice: the first, once',
      undefined,
      {
        set: [
          ['A', 'first'],
          ['A', 'second'],
        ],
      },
      env(['A', 'first']),
    ],
    ['removes every variable of a name', env(['D', '1'], ['X', 'x'], ['D', '2']), { remove: ['D'] }, env(['X', 'x'])],
    ['removing the last variable removes env', env(['A', '1']), { remove: ['A'] }, undefined],
    ['a removal beats a set of the same name', env(['A', '1']), { set: [['A', '2']], remove: ['A'] }, undefined],
    ['a set variable replaces a reference', [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], { set: [['A', 'v']] }, env(['A', 'v'])],
  ];
  it.each(rows)('%s', (_, before, args, after) => {
    const container: WritableJsonObject = { name: 'app', image: 'a:1' };
    if (before) container.env = before;
    const { value } = setEnv(pod([container]), update(args));
    const [result] = containersOf(value);
    expect(result!.env).toEqual(after);
    expect(Object.keys(result!)).toEqual(after ? ['name', 'image', 'env'] : ['name', 'image']);
  });

  it('returns the same object when nothing changes: equal values, removal of what is not there', () => {
    const resource = pod([{ name: 'app', env: env(['A', '1'], ['E']) }]);
    expect(
      setEnv(
        resource,
        update({
          set: [
            ['A', '1'],
            ['E', ''],
          ],
        }),
      ).value,
    ).toBe(resource);
    expect(setEnv(resource, update({ remove: ['Z'] })).value).toBe(resource);
    const empty = pod([{ name: 'app', env: [] }]);
    expect(setEnv(empty, update({ remove: ['Z'] })).value).toBe(empty);
  });

  it('keeps the node of a variable set to the value it has, and of every variable it does not touch', () => {
    const a = { name: 'A', value: '1' };
    const b = { name: 'B', value: '2' };
    const { value } = setEnv(
      pod([{ name: 'app', env: [a, b] }]),
      update({
        set: [
          ['A', '1'],
          ['C', '3'],
        ],
      }),
    );
    const result = containersOf(value)[0]!.env as Json[];
    expect(result[0]).toBe(a);
    expect(result[1]).toBe(b);
  });

  it('writes a --from reference as kubectl does', () => {
    const from: EnvVar = { name: 'K', valueFrom: { configMapKeyRef: { key: 'k', name: 'cfg' } } };
    const { value } = setEnv(pod([{ name: 'app' }]), update({ env: [from] }));
    expect(containersOf(value)[0]!.env).toEqual([{ name: 'K', valueFrom: { configMapKeyRef: { key: 'k', name: 'cfg' } } }]);
    // the same reference again changes nothing
    const again = setEnv(value, update({ env: [from] }));
    expect(again.value).toBe(value);
  });

  it('does not mutate its input', () => {
    const resource = pod([{ name: 'app', env: env(['A', '1']) }], [{ name: 'init' }]);
    const copy = structuredClone(resource);
    setEnv(
      resource,
      update({
        set: [
          ['A', '2'],
          ['B', '1'],
        ],
      }),
    );
    expect(resource).toEqual(copy);
  });
});

describe('setEnv: which containers', () => {
  const resource = () => pod([{ name: 'app' }, { name: 'xproxy' }], [{ name: 'migrate' }]);
  const names = (value: JsonObject) => {
    const spec = value.spec as JsonObject;
    return [...(spec.containers as JsonObject[]), ...((spec.initContainers as JsonObject[]) ?? [])].filter((c) => c.env).map((c) => c.name);
  };

  it.each([
    ['*', ['app', 'xproxy', 'migrate']],
    ['migrate', ['migrate']],
    // kubectl's pattern: pro* matches xproxy
    ['pro*', ['xproxy']],
    ['m*e', ['migrate']],
  ])('-c %s sets %j (init containers too)', (pattern, expected) => {
    const { value } = setEnv(resource(), update({ containers: pattern, set: [['A', '1']] }));
    expect(names(value)).toEqual(expected);
  });

  it('lists the selected containers, then the init containers, as kubectl prints them', () => {
    const spec = { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] };
    const resource: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec };
    expect(setEnv(resource, update({ set: [['A', '1']] })).containers.map((c) => c.name)).toEqual(['app', 'init']);
  });

  it('leaves ephemeral containers alone', () => {
    const plain = pod([{ name: 'app' }]);
    const value = { ...plain, spec: { ...(plain.spec as JsonObject), ephemeralContainers: [{ name: 'debug' }] } };
    const result = setEnv(value, update({ set: [['A', '1']] })).value;
    expect((result.spec as JsonObject).ephemeralContainers).toEqual([{ name: 'debug' }]);
  });

  it('a pattern matching nothing changes nothing and lists no container', () => {
    const before = resource();
    const result = setEnv(before, update({ containers: 'nosuch', set: [['A', '1']] }));
    expect(result.value).toBe(before);
    expect(result.containers).toEqual([]);
  });

  it('finds the pod spec of every kind kubectl knows', () => {
    const spec = { containers: [{ name: 'app' }] };
    const cronJob: JsonObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec } } } } };
    const result = setEnv(cronJob, update({ set: [['A', '1']] })).value as any;
    expect(result.spec.jobTemplate.spec.template.spec.containers[0].env).toEqual(env(['A', '1']));
    expect(spec.containers[0]).toEqual({ name: 'app' });
  });

  it('refuses a kind without a pod spec', () => {
    const service: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: {} };
    expect(() => setEnv(service, update({ set: [['A', '1']] }))).toThrow('service/s is not a pod and has no pod template');
  });
});

describe('setEnv: --overwrite=false', () => {
  const resource = () =>
    pod([
      {
        name: 'app',
        env: [
          { name: 'MODE', value: 'prod' },
          { name: 'REF', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        ],
      },
    ]);

  it('refuses another value, with kubectl message', () => {
    expect(() => setEnv(resource(), update({ overwrite: false, set: [['MODE', 'dev']] }))).toThrow(
      "'MODE' already has a value (prod), and --overwrite is false",
    );
  });

  it('accepts the same value and new names', () => {
    const { value } = setEnv(
      resource(),
      update({
        overwrite: false,
        set: [
          ['MODE', 'prod'],
          ['NEW', '1'],
        ],
      }),
    );
    expect((containersOf(value)[0]!.env as JsonObject[]).map((e) => e.name)).toEqual(['MODE', 'REF', 'NEW']);
  });

  it('checks every setting of a name, not only the one that wins', () => {
    expect(() =>
      setEnv(
        resource(),
        update({
          overwrite: false,
          set: [
            ['MODE', 'prod'],
            ['MODE', 'dev'],
          ],
        }),
      ),
    ).toThrow("'MODE' already has a value (prod)");
  });

  it("takes a reference's value as empty, as kubectl does", () => {
    expect(() => setEnv(resource(), update({ overwrite: false, set: [['REF', 'x']] }))).toThrow("'REF' already has a value (), and --overwrite is false");
    const { value } = setEnv(resource(), update({ overwrite: false, set: [['REF', '']] }));
    expect((containersOf(value)[0]!.env as JsonObject[])[1]).toEqual({ name: 'REF' });
  });
});
