import { describe, expect, it } from 'vitest';
import { emptyConfig, type Config } from '../config/types.js';
import { transform } from '../index.js';
import type { Step } from '../pipeline.js';
import { chainPreChecks, stepsFromConfig } from './from-config.js';

const step = (word: string | undefined): Step => ({
  origin: { label: word ?? 'any' },
  ...(word === undefined ? {} : { mayTouch: (text: string) => text.includes(word) }),
  apply: (resource) => resource,
});

describe('chainPreChecks', () => {
  it.each([
    // [the steps' words, the document text, which steps are candidates]
    [['web2', 'web'], 'name: web', [false, true]],
    [['web', 'web2'], 'name: web', [true, true]],
    [['web', 'api', 'zzz'], 'name: api', [false, true, true]],
    [['zzz', 'yyy'], 'name: web', [false, false]],
    [[undefined, 'zzz'], 'name: web', [true, true]],
  ])('%j on %j → %j', (words, text, expected) => {
    const steps = chainPreChecks(words.map(step));
    expect(steps.map((s) => !s.mayTouch || s.mayTouch(text))).toEqual(expected);
  });
});

describe('stepsFromConfig', () => {
  const input = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: a\nspec:\n  replicas: 1\n';
  const patch = (text: string, target: object, options?: object) => ({ text, target, ...(options ? { options } : {}), origin: { label: 'p' } });

  it('lets a patch select a resource by the name an earlier patch gave it (checked with kubectl kustomize)', async () => {
    const config: Config = {
      ...emptyConfig(),
      patches: [
        patch('- {op: replace, path: /metadata/name, value: web2}', { kind: 'Deployment', name: 'web' }),
        patch('- {op: replace, path: /spec/replicas, value: 3}', { kind: 'Deployment', name: 'web2' }),
      ],
    };
    expect((await stepsFromConfig(config, { sources: () => [] })).length).toBe(3); // and dropEmptyAnnotations
    const { output } = await transform(input, config);
    expect(output).toContain('name: web2');
    expect(output).toContain('replicas: 3');
  });
});

describe('empty metadata.annotations, which kustomize never writes (checked with kubectl kustomize)', () => {
  const widget = (metadata: string) =>
    `apiVersion: example.test/v1\nkind: Widget\nmetadata:\n  name: w\n${metadata}spec:\n  containers:\n  - name: a\n    image: nginx:1\n`;
  const images = (name: string): Config => ({ ...emptyConfig(), images: [{ name, newTag: '2', origin: { label: 'images[0]' } }] });
  const unannotate: Config = {
    ...emptyConfig(),
    patches: [{ text: 'apiVersion: example.test/v1\nkind: Widget\nmetadata:\n  name: w\n  annotations:\n    a: null\n', origin: { label: 'patches[0]' } }],
  };

  it.each([
    ['an input annotations: {} goes, whatever the entries change', widget('  annotations: {}\n'), images('zzz'), widget('')],
    ['… also beside a change', widget('  annotations: {}\n'), images('nginx'), widget('').replace('nginx:1', 'nginx:2')],
    ['annotations a patch empties go', widget('  annotations:\n    a: b\n'), unannotate, widget('')],
    ['labels: {} stays', widget('  labels: {}\n'), images('zzz'), widget('  labels: {}\n')],
    ['a config without entries changes nothing', widget('  annotations: {}\n'), emptyConfig(), widget('  annotations: {}\n')],
  ])('%s', async (_name, input, config, expected) => {
    expect((await transform(input, config)).output).toBe(expected);
  });
});
