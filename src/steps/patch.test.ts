import { describe, expect, it } from 'vitest';
import type { PatchEntry } from '../config/types.js';
import type { ResourceContext } from '../pipeline.js';
import type { JsonObject } from '../types.js';
import { patchStep } from './patch.js';

const context = { crds: () => new Map() };
const step = (entry: Omit<PatchEntry, 'origin'>) => patchStep({ ...entry, origin: { label: 'patches[0]' } }, context);

/** The context the pipeline gives the steps of one resource, read as `original`. */
function contextOf(original: JsonObject): ResourceContext {
  return { document: { file: null, index: 0, chunk: { start: 0, end: 0, line: 1 }, text: '' }, offset: 0, original, earlierIds: [] };
}

const SMP = 'kind: Any\nmetadata:\n  name: any\nspec:\n  replicas: 1\n';
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

describe('patchStep mayTouch: a cheap look at the text before reading it', () => {
  it.each([
    ['a target kind', { target: { kind: 'Deployment' }, text: '- op: remove\n  path: /spec/replicas\n' }, true, false],
    ['a target kind and name', { target: { kind: 'Deployment', name: 'shop' }, text: SMP }, false, false],
    ['a target kind regex: no pre-check', { target: { kind: 'Dep.*' }, text: SMP }, true, true],
    ['an untargeted strategic patch: its own kind and name', { text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n' }, false, true],
  ])('%s', (_name, entry, onDeployment, onService) => {
    const patch = step(entry);
    expect(patch.mayTouch!(deployment)).toBe(onDeployment);
    expect(patch.mayTouch!(service)).toBe(onService);
  });

  it('takes any text holding a backslash (an escape may spell the kind)', () => {
    const patch = step({ target: { kind: 'Deployment' }, text: SMP });
    expect(patch.mayTouch!('kind: "D\\x65ployment"\n')).toBe(true);
  });
});

describe('patchStep apply: what kustomize refuses after a JSON patch', () => {
  const resource = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'ops' }, spec: { replicas: 1 } };
  const json = (ops: string) => step({ target: { kind: 'Deployment' }, text: ops });
  const apply = (ops: string, input: object = resource) => {
    const copy = structuredClone(input) as JsonObject;
    return json(ops).apply(copy, contextOf(copy));
  };

  it.each([
    ['removes the kind', '- {op: remove, path: /kind}', /leaves Deployment web in namespace ops without kind/],
    ['removes metadata.name', '- {op: remove, path: /metadata/name}', /without metadata\.name/],
    ['empties metadata.name', '- {op: replace, path: /metadata/name, value: ""}', /without metadata\.name/],
    ['removes metadata', '- {op: remove, path: /metadata}', /without metadata\.name/],
  ])('fails when the patch %s', (_name, ops, message) => {
    expect(() => apply(ops)).toThrow(message);
  });

  it.each([
    ['a name that is a number', '- {op: replace, path: /metadata/name, value: 5}'],
    ['no apiVersion', '- {op: remove, path: /apiVersion}'],
  ])('accepts %s', (_name, ops) => {
    expect(() => apply(ops)).not.toThrow();
  });

  it('accepts a resource that had no name to begin with (generateName)', () => {
    const unnamed = { ...resource, metadata: { generateName: 'web-' } };
    expect(apply('- {op: add, path: /spec/paused, value: true}', unnamed)).toMatchObject({ spec: { paused: true } });
  });
});

describe('patchStep apply: the id of a patched resource, as kustomize keeps it', () => {
  const resource = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'a' }, spec: { replicas: 1 } };
  const patched = (text: string, options: PatchEntry['options']) =>
    patchStep({ text, target: { name: 'web' }, options, origin: { label: 'patches[0]' } }, context).apply(structuredClone(resource), contextOf(resource));
  const patch = 'apiVersion: apps/v2\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: other\nspec:\n  replicas: 2\n';

  // checked with kubectl kustomize: allowKindChange takes the kind, never the apiVersion; the namespace always stays
  it.each([
    [undefined, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'a' } }],
    [{ allowKindChange: true }, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'a' } }],
    [{ allowNameChange: true }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'db', namespace: 'a' } }],
    [
      { allowNameChange: true, allowKindChange: true },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'a' } },
    ],
  ])('options %j', (options, id) => {
    expect(patched(patch, options)).toMatchObject({ ...id, spec: { replicas: 2 } });
  });
});

describe('patchStep apply: a renamed resource keeps its previous ids, as in kustomize', () => {
  const resource = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'a' }, data: { k: 'v' } };
  const entry = (text: string, target?: object, options?: object): PatchEntry => ({
    text,
    ...(target ? { target } : {}),
    ...(options ? { options } : {}),
    origin: { label: 'p' },
  });
  const run = (...entries: PatchEntry[]) => {
    const shared = contextOf(resource); // one resource through every step: they share its context
    return entries.reduce<any>((current, e) => patchStep(e, context).apply(current, shared), structuredClone(resource));
  };
  const renameSmp = entry('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web2\n', { kind: 'Deployment', name: 'web' }, { allowNameChange: true });
  const renameJson = entry('- {op: replace, path: /metadata/name, value: web3}', { kind: 'Deployment', name: 'web' });
  const mark = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: a\n  annotations:\n    second: "yes"\n';

  // each checked with kubectl kustomize
  it.each([
    ['an untargeted patch naming the old name, after a strategic rename', [renameSmp, entry(mark)], 'web2'],
    ['an untargeted patch naming the old name, after a JSON rename', [renameJson, entry(mark)], 'web3'],
    ['a target with the old name', [renameSmp, entry(mark.replace('web', 'x'), { kind: 'Deployment', name: 'web' })], 'web2'],
    ['a target with the new name', [renameSmp, entry(mark.replace('web', 'x'), { kind: 'Deployment', name: 'web2' })], 'web2'],
  ])('%s', (_name, entries, name) => {
    expect(run(...entries).metadata).toMatchObject({ name, namespace: 'a', annotations: { second: 'yes' } });
  });

  it('a target with the old kind does not select a re-kinded resource (kustomize matches the current kind)', () => {
    const rekind = entry('apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n', { kind: 'Deployment' }, { allowKindChange: true });
    const result = run(rekind, entry('- {op: add, path: /data/x, value: "1"}', { kind: 'Deployment' }));
    expect(result.kind).toBe('StatefulSet');
    expect(result.data).toEqual({ k: 'v' });
  });
});
