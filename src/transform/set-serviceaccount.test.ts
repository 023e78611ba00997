import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.js';
import { setServiceAccount } from './set-serviceaccount.js';

// As kubectl v1.32 set serviceaccount --local -f F NAME -o yaml (round-trip noise aside).

const withSpec = (spec?: JsonObject): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: spec === undefined ? { replicas: 1 } : { template: { spec } },
});
const podSpec = (resource: JsonObject) => ((resource.spec as JsonObject).template as JsonObject).spec;

describe('setServiceAccount', () => {
  const cases: [string, JsonObject | undefined, string, JsonObject][] = [
    ['sets it after the other fields', { containers: [] }, 'robot', { containers: [], serviceAccountName: 'robot' }],
    ['changes it in place', { serviceAccountName: 'old', containers: [] }, 'robot', { serviceAccountName: 'robot', containers: [] }],
    // kubectl sets serviceAccountName only: the deprecated serviceAccount stays
    ['leaves serviceAccount', { serviceAccount: 'old', serviceAccountName: 'old' }, 'robot', { serviceAccount: 'old', serviceAccountName: 'robot' }],
    // the Go round trip drops an empty string
    ['an empty name removes it', { serviceAccount: 'old', serviceAccountName: 'old' }, '', { serviceAccount: 'old' }],
    // kubectl does not check the name
    ['takes any name', {}, 'Bad Name!', { serviceAccountName: 'Bad Name!' }],
  ];
  it.each(cases)('%s', (_, spec, name, expected) => {
    const input = withSpec(spec);
    const before = JSON.stringify(input);
    expect(podSpec(setServiceAccount(input, name))).toEqual(expected);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('creates the pod template where there is none, as kubectl Go types have one', () => {
    expect(setServiceAccount(withSpec(), 'robot').spec).toEqual({ replicas: 1, template: { spec: { serviceAccountName: 'robot' } } });
  });

  it('returns the resource itself when nothing changes', () => {
    const input = withSpec({ serviceAccountName: 'robot' });
    expect(setServiceAccount(input, 'robot')).toBe(input);
    const none = withSpec();
    expect(setServiceAccount(none, '')).toBe(none);
  });

  it('sets a Pod and a CronJob', () => {
    const pod: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } };
    expect(setServiceAccount(pod, 'robot').spec).toEqual({ containers: [], serviceAccountName: 'robot' });
    const cronJob: JsonObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { spec: { template: { spec: {} } } } },
    };
    expect(setServiceAccount(cronJob, 'robot').spec).toEqual({ jobTemplate: { spec: { template: { spec: { serviceAccountName: 'robot' } } } } });
  });

  it('refuses an object without pod spec', () => {
    expect(() => setServiceAccount({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, 'robot')).toThrow(/not a pod/);
  });
});
