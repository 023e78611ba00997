import { describe, expect, it } from 'vitest';
import type { PatchTarget } from '../config/types.js';
import { KsetError } from '../errors.js';
import type { JsonObject, WritableJsonObject } from '../types.js';
import { isGoLiteral } from '../util/go-regexp.js';
import { compileTarget, matchesPatchId, matchesTarget, splitApiVersion } from './target.js';

function resource(
  apiVersion: string,
  kind: string,
  name: string,
  extra: { namespace?: string; labels?: JsonObject; annotations?: JsonObject } = {},
): JsonObject {
  const metadata: WritableJsonObject = { name };
  if (extra.namespace !== undefined) metadata.namespace = extra.namespace;
  if (extra.labels) metadata.labels = extra.labels;
  if (extra.annotations) metadata.annotations = extra.annotations;
  return { apiVersion, kind, metadata };
}

const stream = {
  web: resource('apps/v1', 'Deployment', 'web', { namespace: 'shop', labels: { tier: 'front', canary: 'true' } }),
  webWorker: resource('apps/v1', 'Deployment', 'web-worker', { namespace: 'shop', labels: { tier: 'back' } }),
  webService: resource('v1', 'Service', 'web', { namespace: 'shop', annotations: { 'example.com/owner': 'team-a' } }),
  plain: resource('v1', 'ConfigMap', 'plain'),
  inDefault: resource('v1', 'ConfigMap', 'in-default', { namespace: 'default' }),
  role: resource('rbac.authorization.k8s.io/v1', 'ClusterRole', 'reader'),
  roleWithNs: resource('rbac.authorization.k8s.io/v1', 'ClusterRole', 'odd', { namespace: 'shop' }),
  newFlowSchema: resource('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', 'fs'),
  widget: resource('example.com/v1alpha1', 'Widget', 'web', { namespace: 'shop', labels: { version: 1 as unknown as string } }),
  unnamed: { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'hook-' } } as JsonObject,
};
type Name = keyof typeof stream;
const REGEX_FIELDS = ['group', 'version', 'kind', 'name', 'namespace'] as const;

function selected(target: PatchTarget): Name[] {
  const matcher = compileTarget(target);
  return (Object.keys(stream) as Name[]).filter((name) => matchesTarget(matcher, stream[name]));
}

describe('matchesTarget', () => {
  // Each expectation checked against kubectl kustomize (v5.5) on a similar stream.
  const cases: { name: string; target: PatchTarget; want: Name[] }[] = [
    { name: 'an empty target selects everything', target: {}, want: Object.keys(stream) as Name[] },
    { name: 'empty strings are wildcards', target: { kind: '', name: '', namespace: '' }, want: Object.keys(stream) as Name[] },
    { name: 'kind', target: { kind: 'Deployment' }, want: ['web', 'webWorker'] },
    { name: 'kind is anchored', target: { kind: 'Deploy' }, want: [] },
    { name: 'name only selects every kind of that name', target: { name: 'web' }, want: ['web', 'webService', 'widget'] },
    { name: 'name regex', target: { kind: 'Deployment', name: 'web.*' }, want: ['web', 'webWorker'] },
    { name: 'alternation is anchored as a whole', target: { name: 'reader|plain' }, want: ['plain', 'role'] },
    { name: 'regexes are case-sensitive', target: { name: 'WEB' }, want: [] },
    { name: 'a leading (?i) flag', target: { name: '(?i)WEB' }, want: ['web', 'webService', 'widget'] },
    { name: 'Go named groups', target: { name: '(?P<n>web)-worker' }, want: ['webWorker'] },
    // kustomize splices the name into `^(?:…)$` and compiles the whole: `^(?:w)` or `(b)$`
    { name: 'a name whose parentheses close the anchoring group', target: { name: 'w)|(n' }, want: ['web', 'webWorker', 'webService', 'plain', 'widget'] },
    { name: 'group "" is a wildcard, not the core group', target: { group: '', kind: 'Service' }, want: ['webService'] },
    { name: 'group regex', target: { group: 'rbac.*' }, want: ['role', 'roleWithNs'] },
    { name: 'version', target: { version: 'v1alpha1' }, want: ['widget'] },
    { name: 'namespace', target: { namespace: 'shop' }, want: ['web', 'webWorker', 'webService', 'widget'] },
    {
      name: 'namespace default also selects namespaced resources without a namespace (not cluster-scoped ones)',
      target: { namespace: 'default' },
      want: ['plain', 'inDefault', 'newFlowSchema', 'unnamed'],
    },
    {
      name: 'cluster-scoped kinds sit in _non_namespaceable_, whatever their metadata says',
      target: { namespace: '_non_namespaceable_' },
      want: ['role', 'roleWithNs'],
    },
    { name: 'namespace .* selects cluster-scoped kinds too', target: { namespace: '.*' }, want: Object.keys(stream) as Name[] },
    { name: 'labelSelector', target: { labelSelector: 'tier in (front, back)' }, want: ['web', 'webWorker'] },
    { name: 'labelSelector with != on a missing label', target: { kind: 'Deployment', labelSelector: 'canary!=true' }, want: ['webWorker'] },
    { name: 'labelSelector reads a numeric label as text', target: { labelSelector: 'version=1' }, want: ['widget'] },
    { name: 'annotationSelector', target: { annotationSelector: 'example.com/owner=team-a' }, want: ['webService'] },
    {
      name: 'all fields together',
      target: { group: 'apps', version: 'v1', kind: 'Deployment', name: 'web', namespace: 'shop', labelSelector: 'tier' },
      want: ['web'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(selected(c.target)).toEqual(c.want);
    });
  }

  // a field without regex syntax is compared as text, without the engine: `(?:field)` means the same through it
  it.each(cases.filter((c) => REGEX_FIELDS.some((f) => c.target[f] && isGoLiteral(c.target[f]))))('$name: text comparison and engine agree', (c) => {
    const throughEngine = { ...c.target };
    for (const f of REGEX_FIELDS) if (c.target[f] && isGoLiteral(c.target[f])) throughEngine[f] = `(?:${c.target[f]})`;
    expect(selected(throughEngine)).toEqual(c.want);
  });

  it('names the field of a regex that does not compile', () => {
    expect(() => compileTarget({ name: 'pre(sent' })).toThrow(KsetError);
    // Go's message about the anchored pattern, as kustomize prints it
    expect(() => compileTarget({ name: 'pre(sent' })).toThrow(
      new KsetError('target name "pre(sent" is not a valid regular expression: error parsing regexp: missing closing ): `^(?:pre(sent)$`'),
    );
    expect(() => compileTarget({ kind: '[' })).toThrow(/^target kind "\[" is not a valid regular expression: error parsing regexp: missing closing \]/);
    expect(() => compileTarget({ name: '(?<=a)b' })).toThrow(/invalid named capture/);
  });

  it('names the selector that does not parse', () => {
    expect(() => compileTarget({ labelSelector: 'app in (a,b' })).toThrow(
      `target labelSelector: invalid selector "app in (a,b": unable to parse requirement: found '', expected: ',' or ')'`,
    );
    expect(() => compileTarget({ annotationSelector: 'a=-b' })).toThrow(/^target annotationSelector: invalid selector/);
  });
});

describe('matchesPatchId', () => {
  const patch = (apiVersion: string | undefined, kind: string, name: string, namespace?: string): JsonObject => {
    const { apiVersion: _, ...doc } = resource(apiVersion ?? '', kind, name, namespace === undefined ? {} : { namespace });
    return apiVersion === undefined ? doc : { apiVersion, ...doc };
  };
  // Checked with kubectl kustomize: an untargeted patch needs its resource's exact id.
  const cases: { name: string; patch: JsonObject; target: JsonObject; want: boolean }[] = [
    { name: 'same id', patch: patch('apps/v1', 'Deployment', 'web', 'shop'), target: stream.web, want: true },
    { name: 'no namespace on the patch, one on the resource', patch: patch('apps/v1', 'Deployment', 'web'), target: stream.web, want: false },
    { name: 'another namespace', patch: patch('apps/v1', 'Deployment', 'web', 'prod'), target: stream.web, want: false },
    { name: 'no namespace matches namespace default', patch: patch('v1', 'ConfigMap', 'in-default'), target: stream.inDefault, want: true },
    { name: 'namespace default matches no namespace', patch: patch('v1', 'ConfigMap', 'plain', 'default'), target: stream.plain, want: true },
    {
      name: 'cluster-scoped: the namespace does not count',
      patch: patch('rbac.authorization.k8s.io/v1', 'ClusterRole', 'reader', 'shop'),
      target: stream.role,
      want: true,
    },
    {
      name: 'cluster-scoped with a stray namespace on the resource',
      patch: patch('rbac.authorization.k8s.io/v1', 'ClusterRole', 'odd'),
      target: stream.roleWithNs,
      want: true,
    },
    { name: 'another kind of the same name', patch: patch('apps/v1', 'Deployment', 'web', 'shop'), target: stream.webService, want: false },
    { name: 'another version', patch: patch('apps/v1beta1', 'Deployment', 'web', 'shop'), target: stream.web, want: false },
    { name: 'another group', patch: patch('extensions/v1', 'Deployment', 'web', 'shop'), target: stream.web, want: false },
    { name: 'no apiVersion on the patch', patch: patch(undefined, 'ConfigMap', 'plain'), target: stream.plain, want: false },
    { name: 'another name', patch: patch('v1', 'ConfigMap', 'other'), target: stream.plain, want: false },
    { name: 'names are not regexes here', patch: patch('apps/v1', 'Deployment', 'web.*', 'shop'), target: stream.webWorker, want: false },
    {
      name: 'a patch without name never matches an unnamed resource',
      patch: { apiVersion: 'batch/v1', kind: 'Job', metadata: {} },
      target: stream.unnamed,
      want: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(matchesPatchId(c.patch, c.target)).toBe(c.want);
    });
  }
});

describe('resource ids', () => {
  it('splits apiVersion into group and version', () => {
    expect(splitApiVersion('apps/v1')).toEqual({ group: 'apps', version: 'v1' });
    expect(splitApiVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(splitApiVersion(undefined)).toEqual({ group: '', version: '' });
  });
});
