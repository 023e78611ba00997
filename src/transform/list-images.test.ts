import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import type { JsonObject } from '../types.js';
import { groupOf, listImages, parseFieldPath } from './list-images.js';

const statefulSet: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', annotations: { image: 'not/this:1' } },
  spec: {
    template: {
      spec: {
        initContainers: [{ name: 'perms', image: 'busybox:1.36' }],
        containers: [{ name: 'db', image: 'postgres:16' }, { name: 'noimage' }],
        ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }],
        volumes: [
          { name: 'seed', image: { reference: 'registry.test/seed:3' } },
          { name: 'tmp', emptyDir: {} },
        ],
      },
    },
  },
};

describe('listImages', () => {
  it('lists containers, initContainers and image volumes with their names and paths', () => {
    expect(listImages(statefulSet)).toEqual([
      { path: ['spec', 'template', 'spec', 'initContainers', '0', 'image'], container: 'perms', image: 'busybox:1.36' },
      { path: ['spec', 'template', 'spec', 'containers', '0', 'image'], container: 'db', image: 'postgres:16' },
      { path: ['spec', 'template', 'spec', 'volumes', '0', 'image', 'reference'], volume: 'seed', image: 'registry.test/seed:3' },
    ]);
  });

  it('finds image volumes of a Pod and of a CronJob', () => {
    const podVolume = { volumes: [{ name: 'v', image: { reference: 'a:1' } }] };
    const pod: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: podVolume };
    const cronJob: JsonObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { spec: { template: { spec: podVolume } } } },
    };
    expect(listImages(pod).map((l) => l.path.join('/'))).toEqual(['spec/volumes/0/image/reference']);
    expect(listImages(cronJob).map((l) => l.path.join('/'))).toEqual(['spec/jobTemplate/spec/template/spec/volumes/0/image/reference']);
  });

  it('finds nothing in a CustomResourceDefinition', () => {
    const crd: JsonObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'x.example.test' },
      spec: { example: { containers: [{ name: 'a', image: 'a:1' }] } },
    };
    expect(listImages(crd)).toEqual([]);
  });

  it('adds image fields matching kind and group, once per location', () => {
    const task: JsonObject = {
      apiVersion: 'tekton.dev/v1',
      kind: 'Task',
      metadata: { name: 't' },
      spec: {
        steps: [
          { name: 'a', image: 'a:1' },
          { name: 'b', image: 7 },
        ],
        sidecarImages: ['s:1', 's:2'],
        containers: [{ name: 'c', image: 'c:1' }],
      },
    };
    const found = listImages(task, [
      { path: 'spec.steps[].image', kind: 'Task', group: 'tekton.dev' },
      { path: 'spec.sidecarImages[]' },
      { path: 'spec.containers[].image' },
      { path: 'spec.steps[].image', kind: 'Pipeline' },
      { path: 'spec.steps[].image', group: 'other.test' },
      { path: 'spec.missing[].image' },
      { path: 'spec.steps.image' },
    ]);
    expect(found).toEqual([
      { path: ['spec', 'containers', '0', 'image'], container: 'c', image: 'c:1' },
      { path: ['spec', 'steps', '0', 'image'], image: 'a:1' },
      { path: ['spec', 'sidecarImages', '0'], image: 's:1' },
      { path: ['spec', 'sidecarImages', '1'], image: 's:2' },
    ]);
  });
});

describe('parseFieldPath', () => {
  it('reads dot-separated keys with [] for lists', () => {
    expect(parseFieldPath('spec.steps[].image')).toEqual([
      { key: 'spec', each: false },
      { key: 'steps', each: true },
      { key: 'image', each: false },
    ]);
  });

  it.each(['', 'spec..image', 'spec.[]', 'spec.steps[0].image', '.spec'])('rejects %j', (path) => {
    expect(() => parseFieldPath(path)).toThrow(KsetError);
  });
});

describe('groupOf', () => {
  it.each([
    ['apps/v1', 'apps'],
    ['v1', ''],
    ['monitoring.coreos.com/v1', 'monitoring.coreos.com'],
    [undefined, ''],
  ])('%s → %j', (apiVersion, group) => {
    expect(groupOf(apiVersion)).toBe(group);
  });
});
