import { describe, expect, it } from 'vitest';
import { closest } from './suggest.js';

describe('closest', () => {
  const names = ['deployment', 'deployments', 'deploy', 'statefulset', 'service', 'svc'];
  it.each([
    ['deploymnt', 'deployment'],
    ['deploymets', 'deployments'],
    ['statfulset', 'statefulset'],
    ['servce', 'service'],
  ])('%s → %s', (word, expected) => expect(closest(word, names)).toBe(expected));

  it('suggests nothing far away, or for long words', () => {
    expect(closest('configmap', names)).toBeUndefined();
    expect(closest('x'.repeat(100), ['x'.repeat(100)])).toBeUndefined();
  });
});
