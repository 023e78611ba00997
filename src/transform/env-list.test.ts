import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import type { Json, JsonObject } from '../types.js';
import { listEnv } from './env-list.js';
import { dataKeys, refValue, secretValue, type ConfigLookup } from './env-refs.js';
import { setEnv } from './set-env.js';

// Outputs as `kubectl set env --local -f F --list [--resolve]` (v1.32) printed them for the same input.

const ref = (name: string, valueFrom: Json): JsonObject => ({ name, valueFrom });

const deployment: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'u-1', labels: { b: '2', a: 'x"y' }, annotations: { note: 'tab\there', 'Ex.com/K': 'v' } },
  spec: {
    template: {
      metadata: { labels: { pod: 'label' } },
      spec: {
        containers: [
          {
            name: 'app',
            resources: { requests: { cpu: '1.5', memory: '100M', 'hugepages-2Mi': '4Mi', 'ephemeral-storage': '1Gi' }, limits: { memory: '1Gi' } },
            env: [
              { name: 'PLAIN', value: 'x' },
              { name: 'EMPTY_VALUE' },
              ref('NAME', { fieldRef: { fieldPath: 'metadata.name' } }),
              ref('NS', { fieldRef: { fieldPath: 'metadata.namespace' } }),
              ref('UID', { fieldRef: { fieldPath: 'metadata.uid' } }),
              ref('LABELS', { fieldRef: { fieldPath: 'metadata.labels' } }),
              ref('ANNOTATIONS', { fieldRef: { fieldPath: 'metadata.annotations' } }),
              ref('ANN', { fieldRef: { fieldPath: "metadata.annotations['Ex.com/K']" } }),
              ref('LAB', { fieldRef: { fieldPath: "metadata.labels['a']" } }),
              ref('MISSING', { fieldRef: { fieldPath: "metadata.labels['zz']" } }),
              ref('BADSUB', { fieldRef: { fieldPath: "metadata.labels['a b']" } }),
              ref('SUBNO', { fieldRef: { fieldPath: "spec.x['a']" } }),
              ref('NODE', { fieldRef: { fieldPath: 'spec.nodeName' } }),
              ref('CPU', { resourceFieldRef: { resource: 'requests.cpu' } }),
              ref('CPUM', { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } }),
              ref('CPUL', { resourceFieldRef: { resource: 'limits.cpu' } }),
              ref('MEM', { resourceFieldRef: { resource: 'requests.memory', divisor: '1Mi' } }),
              ref('MEML', { resourceFieldRef: { containerName: 'other', resource: 'limits.memory' } }),
              ref('HP', { resourceFieldRef: { resource: 'requests.hugepages-2Mi', divisor: '1Mi' } }),
              ref('EPH', { resourceFieldRef: { resource: 'requests.ephemeral-storage', divisor: '1G' } }),
              ref('BADRES', { resourceFieldRef: { resource: 'requests.gpu' } }),
              ref('CM', { configMapKeyRef: { name: 'cfg', key: 'mode' } }),
              ref('CM2', { configMapKeyRef: { name: 'cfg', key: 'nope' } }),
              ref('SEC', { secretKeyRef: { name: 'creds', key: 'password' } }),
              ref('GONE', { configMapKeyRef: { name: 'gone', key: 'k' } }),
              ref('INVALID', {}),
            ],
          },
        ],
      },
    },
  },
};

const configs: Record<string, JsonObject> = {
  'ConfigMap/cfg': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { mode: 'fast' } },
  'Secret/creds': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { password: 'aHVudGVyMg==' } },
};
const lookup: ConfigLookup = (kind, name) => {
  const found = configs[`${kind}/${name}`];
  if (!found) throw new KsetError(`${kind.toLowerCase()} "${name}" not found in the input`);
  return found;
};

const listed = (lookupFn?: ConfigLookup) =>
  listEnv(deployment, setEnv(deployment, { env: [], remove: [], containers: () => true, overwrite: true }).containers, lookupFn);

describe('listEnv (--list)', () => {
  it('prints values and references', () => {
    expect(listed().lines).toEqual([
      '# Deployment web, container app',
      'PLAIN=x',
      'EMPTY_VALUE=',
      '# NAME from field path metadata.name',
      '# NS from field path metadata.namespace',
      '# UID from field path metadata.uid',
      '# LABELS from field path metadata.labels',
      '# ANNOTATIONS from field path metadata.annotations',
      "# ANN from field path metadata.annotations['Ex.com/K']",
      "# LAB from field path metadata.labels['a']",
      "# MISSING from field path metadata.labels['zz']",
      "# BADSUB from field path metadata.labels['a b']",
      "# SUBNO from field path spec.x['a']",
      '# NODE from field path spec.nodeName',
      '# CPU from resource field requests.cpu',
      '# CPUM from resource field requests.cpu',
      '# CPUL from resource field limits.cpu',
      '# MEM from resource field requests.memory',
      '# MEML from resource field other/limits.memory',
      '# HP from resource field requests.hugepages-2Mi',
      '# EPH from resource field requests.ephemeral-storage',
      '# BADRES from resource field requests.gpu',
      '# CM from configmap cfg, key mode',
      '# CM2 from configmap cfg, key nope',
      '# SEC from secret creds, key password',
      '# GONE from configmap gone, key k',
      '# INVALID from invalid valueFrom',
    ]);
    expect(listed().errors).toEqual([]);
  });

  it('--resolve: the values, field paths read on the workload itself, resources on the container', () => {
    const { lines, errors } = listed(lookup);
    expect(lines.slice(3, 22)).toEqual([
      'NAME=web',
      'NS=shop',
      'UID=u-1',
      'LABELS=a="x\\"y"\nb="2"',
      'ANNOTATIONS=Ex.com/K="v"\nnote="tab\\there"',
      'ANN=v',
      'LAB=x"y',
      'MISSING=',
      "# BADSUB from field path metadata.labels['a b']",
      "# SUBNO from field path spec.x['a']",
      '# NODE from field path spec.nodeName',
      'CPU=2',
      'CPUM=1500',
      'CPUL=0',
      'MEM=96',
      'MEML=1073741824',
      'HP=4',
      'EPH=2',
      '# BADRES from resource field requests.gpu',
    ]);
    expect(lines.slice(22)).toEqual([
      'CM=fast',
      '# CM2 from configmap cfg, key nope',
      'SEC=hunter2',
      '# GONE from configmap gone, key k',
      '# INVALID from invalid valueFrom',
    ]);
    expect(errors).toEqual([
      'error retrieving reference for BADRES: Unsupported container resource : requests.gpu',
      expect.stringMatching(
        /^error retrieving reference for BADSUB: invalid key subscript in metadata.labels\['a b'\]: name part must consist of alphanumeric/,
      ),
      'error retrieving reference for CM2: key nope not found in config map cfg',
      'error retrieving reference for GONE: configmap "gone" not found in the input',
      'error retrieving reference for INVALID: invalid valueFrom',
      'error retrieving reference for NODE: unsupported fieldPath: spec.nodeName',
      `error retrieving reference for SUBNO: fieldPath "spec.x['a']" does not support subscript`,
    ]);
  });

  it('names every variable an error hit, sorted, once per container', () => {
    const resource: JsonObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: ['a', 'b'].map((name) => ({ name, env: [ref('Z', { fieldRef: { fieldPath: 'x' } }), ref('Y', { fieldRef: { fieldPath: 'x' } })] })) },
    };
    const { errors } = listEnv(resource, setEnv(resource, { env: [], remove: [], containers: () => true, overwrite: true }).containers, lookup);
    expect(errors).toEqual(['error retrieving reference for Y, Z: unsupported fieldPath: x', 'error retrieving reference for Y, Z: unsupported fieldPath: x']);
  });
});

describe('ConfigMap and Secret values', () => {
  it("a Secret's stringData wins over its data, as the API server merges them", () => {
    const secret: JsonObject = { kind: 'Secret', metadata: { name: 's' }, data: { k: 'ZGF0YQ==', only: 'b25seQ==' }, stringData: { k: 'plain' } };
    expect(secretValue(secret, 'k')).toBe('plain');
    expect(secretValue(secret, 'only')).toBe('only');
    expect(dataKeys(secret)).toEqual(['k', 'only']);
  });

  it('refuses data that is not base64 or not text, without showing it', () => {
    const secret: JsonObject = { kind: 'Secret', metadata: { name: 's' }, data: { bad: 'not base64!', bin: '/w==' } };
    expect(() => secretValue(secret, 'bad')).toThrow('secret s: the value of key bad is not base64');
    expect(() => secretValue(secret, 'bin')).toThrow('secret s: the value of key bin is not UTF-8 text');
  });

  it('reads data keys in Go string order; a ConfigMap has no stringData', () => {
    const configMap: JsonObject = { kind: 'ConfigMap', data: { b: '', B: '', a: '' }, stringData: { z: '' } };
    expect(dataKeys(configMap)).toEqual(['B', 'a', 'b']);
  });

  it('a reference to a missing key fails with kubectl message', () => {
    expect(() => refValue({ secretKeyRef: { name: 'creds', key: 'x' } }, deployment, {}, lookup)).toThrow('key x not found in secret creds');
  });
});
