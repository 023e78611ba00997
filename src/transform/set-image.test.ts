import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import type { JsonObject } from '../types.js';
import { podSpecPath, setImage } from './set-image.js';

const podSpec = (): JsonObject => ({
  initContainers: [{ name: 'migrate', image: 'team/app:1' }],
  containers: [
    { name: 'app', image: 'team/app:1', ports: [{ containerPort: 8080 }] },
    { name: 'proxy', image: 'envoy:1.29' },
  ],
  ephemeralContainers: [{ name: 'debug', image: 'busybox:1' }],
});

function workload(kind: string, apiVersion: string): JsonObject {
  const metadata = { name: 'w' };
  if (kind === 'Pod') return { apiVersion, kind, metadata, spec: podSpec() };
  if (kind === 'CronJob') {
    return { apiVersion, kind, metadata, spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: podSpec() } } } } };
  }
  return { apiVersion, kind, metadata, spec: { replicas: 2, template: { metadata: { labels: { a: 'b' } }, spec: podSpec() } } };
}

function at(value: unknown, path: string[]): any {
  return path.reduce((node: any, key) => node?.[key], value);
}

describe('setImage: kinds', () => {
  const kinds: [string, string, string[]][] = [
    ['Pod', 'v1', ['spec']],
    ['ReplicationController', 'v1', ['spec', 'template', 'spec']],
    ['Deployment', 'apps/v1', ['spec', 'template', 'spec']],
    ['Deployment', 'extensions/v1beta1', ['spec', 'template', 'spec']],
    ['DaemonSet', 'apps/v1', ['spec', 'template', 'spec']],
    ['ReplicaSet', 'apps/v1', ['spec', 'template', 'spec']],
    ['StatefulSet', 'apps/v1', ['spec', 'template', 'spec']],
    ['Job', 'batch/v1', ['spec', 'template', 'spec']],
    ['CronJob', 'batch/v1', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
    // older versions kubectl's scheme still decodes
    ['Deployment', 'apps/v1beta1', ['spec', 'template', 'spec']],
    ['Deployment', 'apps/v1beta2', ['spec', 'template', 'spec']],
    ['DaemonSet', 'extensions/v1beta1', ['spec', 'template', 'spec']],
    ['ReplicaSet', 'apps/v1beta2', ['spec', 'template', 'spec']],
    ['StatefulSet', 'apps/v1beta1', ['spec', 'template', 'spec']],
    ['CronJob', 'batch/v1beta1', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
  ];
  it.each(kinds)('%s (%s) has its pod spec at %j', (kind, apiVersion, path) => {
    const resource = workload(kind, apiVersion);
    expect(podSpecPath(resource)).toEqual(path);
    const { value, missing } = setImage(resource, [{ container: 'proxy', image: 'envoy:1.30' }]);
    expect(missing).toEqual([]);
    expect(at(value, [...path, 'containers', '1', 'image'])).toBe('envoy:1.30');
  });

  it.each([
    ['Service', 'v1'],
    ['Deployment', 'example.test/v1'],
    ['Widget', 'example.test/v1'],
    // versions kubectl's scheme does not decode (no kind "X" is registered for version "Y")
    ['Deployment', 'apps/v2'],
    ['DaemonSet', 'apps/v1beta1'],
    ['StatefulSet', 'extensions/v1beta1'],
    ['CronJob', 'batch/v2alpha1'],
    ['Job', 'batch/v1beta1'],
    ['Pod', 'apps/v1'],
    ['constructor', 'v1'],
  ])('throws a KsetError for %s (%s)', (kind, apiVersion) => {
    const resource: JsonObject = { apiVersion, kind, metadata: { name: 'frontend' }, spec: { template: { spec: podSpec() } } };
    expect(podSpecPath(resource)).toBeUndefined();
    expect(() => setImage(resource, [{ container: 'app', image: 'x' }])).toThrow(KsetError);
    expect(() => setImage(resource, [{ container: 'app', image: 'x' }])).toThrow(`${kind.toLowerCase()}/frontend`);
  });
});

describe('setImage: containers', () => {
  const deployment = workload('Deployment', 'apps/v1');
  const spec = ['spec', 'template', 'spec'];

  it('sets a container and an init container of the same name, not an ephemeral one', () => {
    const { value, changes } = setImage(deployment, [
      { container: 'app', image: 'team/app:2' },
      { container: 'migrate', image: 'team/app:2' },
      { container: 'debug', image: 'busybox:2' },
    ]);
    expect(at(value, [...spec, 'containers', '0'])).toEqual({ name: 'app', image: 'team/app:2', ports: [{ containerPort: 8080 }] });
    expect(at(value, [...spec, 'initContainers', '0', 'image'])).toBe('team/app:2');
    expect(at(value, [...spec, 'ephemeralContainers', '0', 'image'])).toBe('busybox:1');
    expect(changes).toEqual([
      { path: [...spec, 'containers', '0', 'image'], container: 'app', old: 'team/app:1', new: 'team/app:2' },
      { path: [...spec, 'initContainers', '0', 'image'], container: 'migrate', old: 'team/app:1', new: 'team/app:2' },
    ]);
  });

  it('reports a container found nowhere, ephemeral ones included', () => {
    const { missing, value } = setImage(deployment, [
      { container: 'sidecar', image: 'x:1' },
      { container: 'app', image: 'team/app:2' },
      { container: 'debug', image: 'busybox:2' },
    ]);
    expect(missing).toEqual(['sidecar', 'debug']);
    expect(at(value, [...spec, 'containers', '0', 'image'])).toBe('team/app:2');
  });

  it('sets every container and init container for *', () => {
    const { value, changes, missing } = setImage(deployment, [{ container: '*', image: 'team/mono:3' }]);
    expect(missing).toEqual([]);
    expect(at(value, [...spec, 'initContainers']).map((c: JsonObject) => c.image)).toEqual(['team/mono:3']);
    expect(at(value, [...spec, 'containers']).map((c: JsonObject) => c.image)).toEqual(['team/mono:3', 'team/mono:3']);
    expect(at(value, [...spec, 'ephemeralContainers', '0', 'image'])).toBe('busybox:1');
    expect(changes).toHaveLength(3);
  });

  it('reports * as missing when the pod spec has no containers, and adds nothing', () => {
    const empty: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: {} };
    const result = setImage(empty, [{ container: '*', image: 'x:1' }]);
    expect(result).toEqual({ value: empty, missing: ['*'], changes: [] });
    expect(result.value).toBe(empty);
  });

  it('adds the image to a matching container that has none', () => {
    const pod: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }] } };
    const { value, changes } = setImage(pod, [{ container: 'a', image: 'busybox:1' }]);
    expect(value.spec).toEqual({ containers: [{ name: 'a', image: 'busybox:1' }] });
    expect(changes).toEqual([{ path: ['spec', 'containers', '0', 'image'], container: 'a', new: 'busybox:1' }]);
  });

  it('returns the same object when the image is already set, and never mutates its input', () => {
    const before = structuredClone(deployment);
    expect(setImage(deployment, [{ container: 'proxy', image: 'envoy:1.29' }]).value).toBe(deployment);
    const { value } = setImage(deployment, [{ container: 'proxy', image: 'envoy:1.30' }]);
    expect(deployment).toEqual(before);
    expect(value.metadata).toBe(deployment.metadata);
    expect(at(value, [...spec, 'containers', '0'])).toBe(at(deployment, [...spec, 'containers', '0']));
  });

  it('takes the last of two pairs for one container, as kubectl does', () => {
    const { value } = setImage(deployment, [
      { container: 'proxy', image: 'envoy:1.30' },
      { container: 'proxy', image: 'envoy:1.31' },
    ]);
    expect(at(value, [...spec, 'containers', '1', 'image'])).toBe('envoy:1.31');
  });

  it('rejects no pairs, and * beside other pairs, with kubectl messages', () => {
    expect(() => setImage(deployment, [])).toThrow('at least one image update is required');
    expect(() =>
      setImage(deployment, [
        { container: '*', image: 'a:1' },
        { container: 'app', image: 'b:1' },
      ]),
    ).toThrow('all containers are already specified by *');
    expect(
      setImage(deployment, [
        { container: '*', image: 'a:1' },
        { container: '*', image: 'b:1' },
      ]).missing,
    ).toEqual([]);
  });
});

describe('setImage: an empty IMAGE', () => {
  it('removes the image field, as kubectl (its Go round trip drops an empty string)', () => {
    const resource = workload('Deployment', 'apps/v1');
    const { value, missing } = setImage(resource, [{ container: 'proxy', image: '' }]);
    expect(missing).toEqual([]);
    const containers = at(value, ['spec', 'template', 'spec', 'containers']);
    expect(containers[1]).toEqual({ name: 'proxy' });
    expect(containers[0].image).toBe('team/app:1');
    expect(at(resource, ['spec', 'template', 'spec', 'containers', '1', 'image'])).toBe('envoy:1.29'); // input untouched
  });
});
