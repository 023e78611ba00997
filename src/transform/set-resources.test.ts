import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { parseResourceList, setResources, type ResourcesEdit } from './set-resources.js';

// Expected results as kubectl v1.32 set resources --local -f F … -o yaml prints them (round-trip noise aside).

const deployment = (containers: JsonObject[], initContainers?: JsonObject[]): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { template: { spec: { ...(initContainers ? { initContainers } : {}), containers, ephemeralContainers: [{ name: 'debug' }] } } },
});

const containersOf = (resource: JsonObject, list = 'containers') => (((resource.spec as JsonObject).template as JsonObject).spec as JsonObject)[list];
const edit = (limits?: string, requests?: string, containers = '*'): ResourcesEdit => ({
  containers,
  limits: limits === undefined ? undefined : parseResourceList(limits),
  requests: requests === undefined ? undefined : parseResourceList(requests),
});

describe('parseResourceList', () => {
  it.each([
    [
      'cpu=200m,memory=512Mi',
      [
        ['cpu', '200m'],
        ['memory', '512Mi'],
      ],
    ],
    // kubectl prints the quantity it parsed: 0.5 is 500m, 1.5Gi is 1536Mi, 1000m is 1
    [
      'cpu=0.5,memory=1.5Gi',
      [
        ['cpu', '500m'],
        ['memory', '1536Mi'],
      ],
    ],
    ['cpu=1000m', [['cpu', '1']]],
    // names as written, in Go's order; a later one wins
    [
      'memory=1Gi,CPU=2,cpu=1,cpu=3',
      [
        ['CPU', '2'],
        ['cpu', '3'],
        ['memory', '1Gi'],
      ],
    ],
    ['nvidia.com/gpu=1', [['nvidia.com/gpu', '1']]],
  ])('%j', (spec, expected) => expect([...parseResourceList(spec)!]).toEqual(expected));

  it('is undefined for an empty value, which kubectl ignores', () => expect(parseResourceList('')).toBeUndefined());

  it.each([
    ['cpu=1,', /^Invalid argument syntax , expected <resource>=<value>$/],
    ['cpu', /^Invalid argument syntax cpu, expected/],
    ['cpu=1=2', /^Invalid argument syntax cpu=1=2, expected/],
    ['cpu=lots', /quantities must match the regular expression/],
    ['cpu=1kk', /unable to parse quantity's suffix/],
    ['cpu=', /quantities must match the regular expression/],
  ])('%j is an error', (spec, message) => expect(() => parseResourceList(spec)).toThrow(message));
});

describe('setResources', () => {
  it('sets limits and requests on every container and init container, not on ephemeral containers', () => {
    const input = deployment([{ name: 'app' }, { name: 'proxy', resources: {} }], [{ name: 'init' }]);
    const { value, matched } = setResources(input, edit('cpu=200m', 'memory=256Mi'));
    expect(matched).toBe(true);
    const wanted = { limits: { cpu: '200m' }, requests: { memory: '256Mi' } };
    expect(containersOf(value)).toEqual([
      { name: 'app', resources: wanted },
      { name: 'proxy', resources: wanted },
    ]);
    expect(containersOf(value, 'initContainers')).toEqual([{ name: 'init', resources: wanted }]);
    expect(containersOf(value, 'ephemeralContainers')).toEqual([{ name: 'debug' }]);
    expect(containersOf(input)).toEqual([{ name: 'app' }, { name: 'proxy', resources: {} }]);
  });

  it('takes the containers the -c pattern takes', () => {
    const input = deployment([{ name: 'app' }, { name: 'side-a' }, { name: 'side-b' }], [{ name: 'side-init' }]);
    const { value } = setResources(input, edit('cpu=1', undefined, 'side*'));
    expect(containersOf(value)).toEqual([
      { name: 'app' },
      { name: 'side-a', resources: { limits: { cpu: '1' } } },
      { name: 'side-b', resources: { limits: { cpu: '1' } } },
    ]);
    expect(containersOf(value, 'initContainers')).toEqual([{ name: 'side-init', resources: { limits: { cpu: '1' } } }]);
  });

  it('changes a value in place and adds new names after the others, in Go order', () => {
    const input = deployment([{ name: 'app', resources: { limits: { memory: '1Gi', cpu: '1' } } }]);
    const { value } = setResources(input, edit('nvidia.com/gpu=1,cpu=2,ephemeral-storage=1Gi'));
    const limits = (containersOf(value) as JsonObject[])[0]!.resources as JsonObject;
    expect(Object.entries(limits.limits as JsonObject)).toEqual([
      ['memory', '1Gi'],
      ['cpu', '2'],
      ['ephemeral-storage', '1Gi'],
      ['nvidia.com/gpu', '1'],
    ]);
  });

  it.each([
    ['1000m', 'cpu=1'],
    ['1', 'cpu=1000m'],
    [0.5, 'cpu=500m'],
    [1, 'cpu=1'],
    [' 2Gi ', 'cpu=2Gi'],
  ] as const)('leaves %j as written where --limits=%s gives the same quantity (kubectl: no change)', (current, spec) => {
    const input = deployment([{ name: 'app', resources: { limits: { cpu: current } } }]);
    const result = setResources(input, edit(spec));
    expect(result.matched).toBe(true);
    expect(result.value).toBe(input);
  });

  it('writes a quantity written otherwise as kubectl prints it (1e3 and 1k differ for kubectl)', () => {
    const input = deployment([{ name: 'app', resources: { limits: { memory: '1e3' } } }]);
    const { value } = setResources(input, edit('memory=1k'));
    expect(containersOf(value)).toEqual([{ name: 'app', resources: { limits: { memory: '1k' } } }]);
  });

  it('fills a null or empty map', () => {
    const input = deployment([{ name: 'app', resources: { limits: null, requests: {} } }]);
    const { value } = setResources(input, edit('cpu=1', 'cpu=1'));
    expect(containersOf(value)).toEqual([{ name: 'app', resources: { limits: { cpu: '1' }, requests: { cpu: '1' } } }]);
  });

  it('matches nothing: the resource as it was', () => {
    const input = deployment([{ name: 'app' }]);
    expect(setResources(input, edit('cpu=1', undefined, 'nope'))).toEqual({ value: input, matched: false });
    const empty: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} };
    expect(setResources(empty, edit('cpu=1')).matched).toBe(false);
  });

  it('refuses a quantity there that kubectl cannot read', () => {
    const input = deployment([{ name: 'app', resources: { limits: { cpu: 'lots' } } }]);
    expect(() => setResources(input, edit('cpu=1'))).toThrow(/containers\.0\.resources\.limits\.cpu: "lots" is not a quantity/);
  });

  it('sets a Pod, a CronJob and a ReplicationController', () => {
    const pod: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } };
    expect(setResources(pod, edit('cpu=1')).value.spec).toEqual({ containers: [{ name: 'c', resources: { limits: { cpu: '1' } } }] });
    const job = { template: { spec: { containers: [{ name: 'c' }] } } };
    const cronJob: JsonObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: job } } };
    expect(JSON.stringify(setResources(cronJob, edit('cpu=1')).value)).toContain('"resources":{"limits":{"cpu":"1"}}');
    const rc: JsonObject = { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'r' }, spec: job };
    expect(JSON.stringify(setResources(rc, edit('cpu=1')).value)).toContain('"resources":{"limits":{"cpu":"1"}}');
  });
});
