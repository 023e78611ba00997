import { describe, expect, it } from 'vitest';
import type { ImageEntry } from '../config/types.js';
import { KsetError } from '../errors.js';
import type { JsonObject, WritableJsonObject } from '../types.js';
import { applyImages, rewriteImage } from './images.js';

function entry(fields: Omit<ImageEntry, 'origin'>, label = `images[${fields.name}]`): ImageEntry {
  return { ...fields, origin: { label } };
}

function pod(...images: (string | undefined)[]): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      containers: images.map((image, i): JsonObject => (image === undefined ? { name: `c${i}` } : { name: `c${i}`, image })),
    },
  };
}

function images(resource: JsonObject): unknown[] {
  return ((resource.spec as JsonObject).containers as JsonObject[]).map((c) => c.image);
}

describe('applyImages: rewriting one image', () => {
  // [input image, entry, expected image]; each checked against kubectl kustomize v5.5
  const cases: [string, Omit<ImageEntry, 'origin'>, string][] = [
    ['busybox:1.35', { name: 'busybox', newTag: '1.36' }, 'busybox:1.36'],
    ['busybox:1.35', { name: 'busybox', newName: 'mirror.test/busybox' }, 'mirror.test/busybox:1.35'],
    ['busybox:1.35', { name: 'busybox', digest: 'sha256:aa' }, 'busybox@sha256:aa'],
    ['busybox:1.35', { name: 'busybox', newTag: '1.36', digest: 'sha256:aa' }, 'busybox:1.36@sha256:aa'],
    ['busybox:1.35', { name: 'busybox', newName: 'm/b', newTag: '2', digest: 'sha256:aa' }, 'm/b:2@sha256:aa'],
    ['busybox', { name: 'busybox', newTag: '1.36' }, 'busybox:1.36'],
    // digest-only input
    ['team/app@sha256:aa', { name: 'team/app', newTag: '2' }, 'team/app:2'],
    ['team/app@sha256:aa', { name: 'team/app', digest: 'sha256:bb' }, 'team/app@sha256:bb'],
    ['team/app@sha256:aa', { name: 'team/app', newName: 'other/app' }, 'other/app@sha256:aa'],
    // tag+digest input
    ['team/app:1@sha256:aa', { name: 'team/app', newTag: '2' }, 'team/app:2'],
    ['team/app:1@sha256:aa', { name: 'team/app', digest: 'sha256:bb' }, 'team/app@sha256:bb'],
    ['team/app:1@sha256:aa', { name: 'team/app', newName: 'other/app' }, 'other/app:1@sha256:aa'],
    // registry host:port, with and without tag
    ['registry.test:5000/team/app:dev', { name: 'registry.test:5000/team/app', newTag: 'rc' }, 'registry.test:5000/team/app:rc'],
    ['registry.test:5000/team/app', { name: 'registry.test:5000/team/app', newTag: 'v2' }, 'registry.test:5000/team/app:v2'],
    ['registry.test:5000/team/app:1', { name: 'registry.test:5000/team/app', newName: 'other.test:443/app' }, 'other.test:443/app:1'],
    ['registry.test:5000/team/app', { name: 'registry.test', newTag: 'v2' }, 'registry.test:5000/team/app'],
    // entry name with a tag: only that tag matches, and it is replaced
    ['busybox:1.0', { name: 'busybox:1.0', newTag: '1.1' }, 'busybox:1.1'],
    ['busybox:2.0', { name: 'busybox:1.0', newTag: '1.1' }, 'busybox:2.0'],
    // newName holding a tag is used as the name, the old tag kept after it
    ['team/odd:1', { name: 'team/odd', newName: 'team/even:7' }, 'team/even:7:1'],
    // tagSuffix: appended to the tag (or becomes it), drops a digest; ignored beside newTag/digest.
    // A Pod's spec.containers get it twice (kustomize's two passes, see below).
    ['busybox:1.0', { name: 'busybox', tagSuffix: '-fips' }, 'busybox:1.0-fips-fips'],
    ['busybox', { name: 'busybox', tagSuffix: '-fips' }, 'busybox:-fips-fips'],
    ['busybox:1@sha256:aa', { name: 'busybox', tagSuffix: '-fips' }, 'busybox:1-fips-fips'],
    ['busybox:1.0', { name: 'busybox', newTag: '2', tagSuffix: '-fips' }, 'busybox:2'],
    ['busybox:1.0', { name: 'busybox', digest: 'sha256:aa', tagSuffix: '-fips' }, 'busybox@sha256:aa'],
    // kustomize rebuilds a matched reference from its parts: an empty tag disappears
    ['busybox:', { name: 'busybox', newName: 'other' }, 'other'],
    // docker.io forms are distinct names
    ['docker.io/library/busybox:1', { name: 'busybox', newTag: '2' }, 'docker.io/library/busybox:1'],
    ['busybox:1', { name: 'docker.io/busybox', newTag: '2' }, 'busybox:1'],
    // an entry without a name (kustomize accepts it) matches images that are only a tag or digest
    [':1', { name: '', newTag: '2' }, ':2'],
    ['', { name: '', newTag: '2' }, ':2'],
    ['@sha256:aa', { name: '', newTag: '2' }, ':2'],
    ['busybox:1', { name: '', newTag: '2' }, 'busybox:1'],
    // outside kustomize's tag charset or a non-sha256 digest: no match
    ['busybox:1+build', { name: 'busybox', newTag: '2' }, 'busybox:1+build'],
    ['busybox@sha512:aa', { name: 'busybox', newTag: '2' }, 'busybox@sha512:aa'],
  ];
  it.each(cases)('%s with %o → %s', (image, fields, expected) => {
    const { value } = applyImages(pod(image), [entry(fields)]);
    expect(images(value)).toEqual([expected]);
  });
});

describe('applyImages: entries and changes', () => {
  it('leaves prefix overlaps alone (app vs app-sidecar)', () => {
    const { value, changes } = applyImages(pod('team/app:1', 'team/app-sidecar:1', 'team/app-metrics:1'), [entry({ name: 'team/app', newTag: '2' })]);
    expect(images(value)).toEqual(['team/app:2', 'team/app-sidecar:1', 'team/app-metrics:1']);
    expect(changes).toHaveLength(1);
  });

  it('applies entries in order, a later one seeing an earlier rename', () => {
    const first = entry({ name: 'busybox', newName: 'mirror.test/busybox' });
    const second = entry({ name: 'mirror.test/busybox', newTag: '1.36' });
    const { value, changes } = applyImages(pod('busybox:1.35'), [first, second]);
    expect(images(value)).toEqual(['mirror.test/busybox:1.36']);
    expect(changes).toEqual([
      { path: ['spec', 'containers', '0', 'image'], old: 'busybox:1.35', new: 'mirror.test/busybox:1.35', entry: first },
      { path: ['spec', 'containers', '0', 'image'], old: 'mirror.test/busybox:1.35', new: 'mirror.test/busybox:1.36', entry: second },
    ]);
  });

  it('lets the last of two entries with one name win', () => {
    const { value } = applyImages(pod('busybox:1'), [entry({ name: 'busybox', newTag: '2' }), entry({ name: 'busybox', newTag: '3' })]);
    expect(images(value)).toEqual(['busybox:3']);
  });

  it('records no change for an entry that rewrites an image to itself', () => {
    const input = pod('busybox:1');
    const result = applyImages(input, [entry({ name: 'busybox', newTag: '1' })]);
    expect(result.changes).toEqual([]);
    expect(result.value).toBe(input);
  });

  it('returns the same object when nothing matches or there are no entries', () => {
    const input = pod('busybox:1');
    expect(applyImages(input, [entry({ name: 'redis', newTag: '7' })]).value).toBe(input);
    expect(applyImages(input, []).value).toBe(input);
  });

  it('never mutates its input and shares untouched subtrees', () => {
    const input: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', labels: { app: 'd' } },
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'busybox:1' },
              { name: 'b', image: 'redis:7' },
            ],
          },
        },
      },
    };
    const before = structuredClone(input);
    const { value } = applyImages(input, [entry({ name: 'busybox', newTag: '2' })]);
    expect(input).toEqual(before);
    expect(value.metadata).toBe(input.metadata);
    const containers = (value as any).spec.template.spec.containers;
    expect(containers[0].image).toBe('busybox:2');
    expect(containers[1]).toBe((input as any).spec.template.spec.containers[1]);
  });

  it('skips containers without an image and images that are not strings', () => {
    const input: JsonObject = {
      apiVersion: 'example.test/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: {
        containers: [{ name: 'none' }, { name: 'null', image: null }, { name: 'map', image: { repo: 'busybox' } }, 'text', { name: 'ok', image: 'busybox:1' }],
      },
    };
    const { value, changes } = applyImages(input, [entry({ name: 'busybox', newTag: '2' })]);
    expect((value.spec as any).containers).toEqual([
      { name: 'none' },
      { name: 'null', image: null },
      { name: 'map', image: { repo: 'busybox' } },
      'text',
      { name: 'ok', image: 'busybox:2' },
    ]);
    expect(changes.map((c) => c.path)).toEqual([['spec', 'containers', '4', 'image']]);
  });

  it('throws a KsetError for an entry name that is not a regular expression', () => {
    expect(() => applyImages(pod('busybox:1'), [entry({ name: 'team/(app', newTag: '2' })])).toThrow(KsetError);
  });
});

describe('applyImages: where images are', () => {
  const bump = [entry({ name: 'busybox', newTag: '2' })];

  it('rewrites containers and initContainers of a CronJob', () => {
    const cronJob: JsonObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'cj' },
      spec: {
        schedule: '@daily',
        jobTemplate: {
          spec: {
            template: {
              spec: {
                initContainers: [{ name: 'i', image: 'busybox:1' }],
                containers: [{ name: 'c', image: 'busybox:1' }],
              },
            },
          },
        },
      },
    };
    const { changes } = applyImages(cronJob, bump);
    expect(changes.map((c) => c.path.join('/'))).toEqual([
      'spec/jobTemplate/spec/template/spec/initContainers/0/image',
      'spec/jobTemplate/spec/template/spec/containers/0/image',
    ]);
  });

  it('rewrites containers lists at any depth of a custom resource, inside list items too', () => {
    const pipeline: JsonObject = {
      apiVersion: 'example.test/v1',
      kind: 'Pipeline',
      metadata: { name: 'p' },
      spec: {
        stages: [{ name: 's', runner: { pod: { containers: [{ name: 'a', image: 'busybox:1' }] } } }],
        defaults: { initContainers: [{ name: 'b', image: 'busybox:1' }] },
      },
    };
    const { value } = applyImages(pipeline, bump);
    expect((value as any).spec.stages[0].runner.pod.containers[0].image).toBe('busybox:2');
    expect((value as any).spec.defaults.initContainers[0].image).toBe('busybox:2');
  });

  it('leaves ephemeralContainers, a singular container: and a bare image: alone', () => {
    const input: JsonObject = {
      apiVersion: 'example.test/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: {
        image: 'busybox:1',
        container: { name: 'c', image: 'busybox:1' },
        ephemeralContainers: [{ name: 'e', image: 'busybox:1' }],
        sidecars: [{ name: 's', image: 'busybox:1' }],
      },
    };
    expect(applyImages(input, bump).value).toBe(input);
  });

  it('leaves a CustomResourceDefinition alone', () => {
    const crd: JsonObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.test' },
      spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: { example: { containers: [{ image: 'busybox:1' }] } } } }] },
    };
    expect(applyImages(crd, bump).value).toBe(crd);
  });

  it('rewrites image volumes under pod specs', () => {
    const deployment: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        template: {
          spec: {
            containers: [{ name: 'c', image: 'redis:7' }],
            volumes: [
              { name: 'data', emptyDir: {} },
              { name: 'tools', image: { reference: 'busybox:1', pullPolicy: 'IfNotPresent' } },
            ],
          },
        },
      },
    };
    const { value, changes } = applyImages(deployment, bump);
    expect((value as any).spec.template.spec.volumes[1].image).toEqual({ reference: 'busybox:2', pullPolicy: 'IfNotPresent' });
    expect((value as any).spec.template.spec.volumes[0]).toBe((deployment as any).spec.template.spec.volumes[0]);
    expect(changes.map((c) => c.path.join('/'))).toEqual(['spec/template/spec/volumes/1/image/reference']);
  });

  it('rewrites the image fields of the config for the kinds they name', () => {
    const prometheus: JsonObject = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'Prometheus',
      metadata: { name: 'main' },
      spec: { image: 'busybox:1' },
    };
    const task: JsonObject = {
      apiVersion: 'tekton.dev/v1',
      kind: 'Task',
      metadata: { name: 't' },
      spec: { image: 'busybox:1', steps: [{ name: 'a', image: 'busybox:1' }, { name: 'b' }, { name: 'c', image: 'busybox:1' }] },
    };
    const fields = [{ path: 'spec.image', kind: 'Prometheus' }, { path: 'spec.steps[].image' }];
    expect((applyImages(prometheus, bump, fields).value as any).spec.image).toBe('busybox:2');
    const { value, changes } = applyImages(task, bump, fields);
    expect((value as any).spec.image).toBe('busybox:1');
    expect(changes.map((c) => c.path.join('/'))).toEqual(['spec/steps/0/image', 'spec/steps/2/image']);
  });
});

describe("applyImages: kustomize's two passes", () => {
  // kustomize v5.5 runs each entry over every containers/initContainers list, then again over its
  // field specs (spec.containers, spec.initContainers, spec.template.spec.…), matching anew each
  // time. [path to a containers list, entry, input image, expected image], checked with kubectl kustomize.
  const suffix = { name: 'busybox', tagSuffix: '-s' };
  const cases: [string, Omit<ImageEntry, 'origin'>, string, string][] = [
    ['spec.containers', suffix, 'busybox:1', 'busybox:1-s-s'],
    ['spec.initContainers', suffix, 'busybox', 'busybox:-s-s'],
    ['spec.template.spec.containers', suffix, 'busybox:1', 'busybox:1-s-s'],
    ['spec.template.spec.initContainers', suffix, 'busybox:1', 'busybox:1-s-s'],
    ['spec.jobTemplate.spec.template.spec.containers', suffix, 'busybox:1', 'busybox:1-s'],
    ['spec.deep.x.initContainers', suffix, 'busybox:1', 'busybox:1-s'],
    ['spec.template.containers', suffix, 'busybox:1', 'busybox:1-s'],
    // a name pattern that matches its own rewrite again
    ['spec.template.spec.containers', { name: '.*', newName: 'x:7' }, 'busybox:1', 'x:7:7:1'],
    ['spec.initContainers', { name: '.*', newName: 'x:7' }, 'busybox', 'x:7:7'],
    ['spec.jobTemplate.spec.template.spec.containers', { name: '.*', newName: 'x:7' }, 'busybox:1', 'x:7:1'],
    // the second pass of an ordinary entry changes nothing
    ['spec.template.spec.containers', { name: 'busybox', newName: 'r/busybox', newTag: '2' }, 'busybox:1', 'r/busybox:2'],
  ];
  it.each(cases)('%s with %o: %s → %s', (listPath, fields, image, expected) => {
    const keys = listPath.split('.');
    const resource: WritableJsonObject = { apiVersion: 'example.test/v1', kind: 'Widget', metadata: { name: 'w' } };
    let node = resource;
    for (const key of keys.slice(0, -1)) node = node[key] = {};
    node[keys[keys.length - 1]!] = [{ name: 'c', image }];
    const { value, changes } = applyImages(resource, [entry(fields)]);
    let list: any = value;
    for (const key of keys) list = list[key];
    expect(list[0].image).toBe(expected);
    expect(changes).toEqual([{ path: [...keys, '0', 'image'], old: image, new: expected, entry: entry(fields) }]);
  });
});

describe('rewriteImage', () => {
  it('appends a tagSuffix to the tag, or makes it the tag, dropping a digest', () => {
    expect(rewriteImage('busybox:1.0', { tagSuffix: '-fips' })).toBe('busybox:1.0-fips');
    expect(rewriteImage('busybox', { tagSuffix: '-fips' })).toBe('busybox:-fips');
    expect(rewriteImage('busybox:1@sha256:aa', { tagSuffix: '-fips' })).toBe('busybox:1-fips');
  });

  it('rebuilds the reference even when the entry changes nothing', () => {
    expect(rewriteImage('busybox:1', {})).toBe('busybox:1');
    expect(rewriteImage('busybox@', {})).toBe('busybox');
  });
});

describe('applyImages: which entries matched', () => {
  it.each([
    ['a name that matches', { name: 'busybox', newTag: '2' }, true],
    ['a match that changes nothing', { name: 'busybox', newTag: '1' }, true],
    ['a container name, not an image name', { name: 'app', newName: 'busybox', newTag: '2' }, false],
    ['an entry whose result the image is already', { name: 'docker.io/busybox', newName: 'busybox', newTag: '1' }, true],
    ['a rename whose tag differs', { name: 'docker.io/busybox', newName: 'busybox', newTag: '2' }, false],
  ])('%s', (_, fields, expected) => {
    const one = entry(fields);
    expect(applyImages(pod('busybox:1'), [one]).matched.has(one)).toBe(expected);
  });
});
