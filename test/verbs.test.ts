import { describe, expect, it } from 'vitest';
import { webDeployment } from './fixtures.mjs';
import { expectError, folderWith, kset } from './helpers.js';

// Grammar and results of `kset set image` and `kset patch` where they once differed from kubectl
// (`kubectl set image --local -f DOC …` / `kubectl patch --local -f DOC …`, and kubectl's resource
// builder for the selection). Every expected result here was checked against kubectl v1.32.

const stream = `${webDeployment()}      - name: proxy
        image: envoy:1
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: acme/db:1
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

const deployment = stream.split('---\n')[0]!;
const statefulSet = stream.split('---\n')[1]!;
const configMap = stream.split('---\n')[2]!;

describe('kset set image: arguments as kubectl reads them', () => {
  const ok: [string, string[], string][] = [
    // kubectl's builder: TYPE1,TYPE2 NAME names NAME of each type
    ['deploy,sts web names both', ['deploy,sts', 'web', 'app=x:2'], stream.replace('acme/web:1', 'x:2').replace('acme/db:1', 'x:2')],
    // --all goes with a type alone; beside names kubectl ignores it
    ['--all beside a name is ignored', ['deploy', 'web', '--all', 'app=x:2'], stream.replace('acme/web:1', 'x:2')],
    ['--all beside TYPE/NAME is ignored', ['deploy/web', '--all', 'app=x:2'], stream.replace('acme/web:1', 'x:2')],
    // resource names in any case, kinds, TYPE.GROUP and TYPE.VERSION.GROUP
    ['DEPLOYMENTS/web', ['DEPLOYMENTS/web', 'app=x:2'], stream.replace('acme/web:1', 'x:2')],
    ['Deployment.apps/web', ['Deployment.apps/web', 'app=x:2'], stream.replace('acme/web:1', 'x:2')],
    ['deployment.v1.apps/web', ['deployment.v1.apps/web', 'app=x:2'], stream.replace('acme/web:1', 'x:2')],
    // an empty image: kubectl's Go round trip drops the empty string
    ['app= removes the image', ['deploy/web', 'app='], stream.replace('        image: acme/web:1\n', '')],
    // kset never talks to a cluster: --dry-run=client is what it always does
    ['--dry-run=client', ['deploy/web', 'app=x:2', '--dry-run=client'], stream.replace('acme/web:1', 'x:2')],
    ['--dry-run', ['--dry-run', 'deploy/web', 'app=x:2'], stream.replace('acme/web:1', 'x:2')],
    // kubectl --local -n NS takes a document without a namespace
    ['-n takes a document without namespace', ['sts/web', '-n', 'shop', 'app=x:2'], stream.replace('acme/db:1', 'x:2')],
    ['-f=… and -l=… forms', ['sts', '-l=!tier', 'app=x:2'], stream.replace('acme/db:1', 'x:2')],
    // pflag's boolean forms
    ['--all=true', ['sts', '--all=true', 'app=x:2'], stream.replace('acme/db:1', 'x:2')],
    ['--local=false', ['sts/web', '--local=false', 'app=x:2'], stream.replace('acme/db:1', 'x:2')],
  ];
  it.each(ok)('%s', async (_, args, expected) => {
    const result = await kset(['set', 'image', ...args], { stdin: stream });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  const errors: [string, string[], RegExp][] = [
    ['a resource after the pairs', ['deploy/web', 'app=x:2', 'sts/web'], /all resources must be specified before image changes: sts\/web/],
    ['NAME- (kubectl removal form)', ['deploy/web', 'app-'], /invalid image format: app-/],
    ['--all with -l', ['deploy', '--all', '-l', 'a=b', 'app=x:2'], /cannot set --all and --selector at the same time/],
    ['-l without a type', ['-l', 'a=b', 'app=x:2'], /at least one resource type must be specified to use a selector/],
    ['-l with names', ['deploy', 'web', '-l', 'a=b', 'app=x:2'], /name cannot be provided when a selector is specified/],
    ['two slashes', ['deploy/web/x', 'app=x:2'], /may not have more than one slash/],
    ['TYPE1,TYPE2/NAME', ['deploy,sts/web', 'app=x:2'], /must have a single resource and name/],
    ['TYPE/ without name', ['deploy/', 'app=x:2'], /must have a single resource and name/],
    // short names are matched as typed (the server doesn't have a resource type "DEPLOY")
    // kubectl: the server doesn't have a resource type "DEPLOY" (short names are matched as typed)
    ['DEPLOY/web', ['DEPLOY/web', 'app=x:2'], /^kset: unknown resource type "DEPLOY" \(did you mean deploy\?\)/],
    ['a misspelt type', ['deploymnt/web', 'app=x:2'], /^kset: unknown resource type "deploymnt" \(did you mean deployment\?\)/],
    ['a misspelt type with --all', ['deploymnt', '--all', 'app=x:2'], /^kset: unknown resource type "deploymnt" \(did you mean deployment\?\)/],
    ['a type far from any', ['gizmo/web', 'app=x:2'], /^kset: unknown resource type "gizmo": no built-in type and no kind of the input$/],
    [
      '-n NS excludes other namespaces',
      ['deploy/web', '-n', 'other', 'app=x:2'],
      /^kset: deploy "web" not found in namespace other \(nor without one\): the input has it in namespace shop$/,
    ],
    ['a name the input lacks', ['deploy/nosuch', 'app=x:2'], /^kset: deploy "nosuch" not found in the input$/],
    ['--dry-run=server', ['deploy/web', 'app=x:2', '--dry-run=server'], /--dry-run=server/],
    ['--dry-run=bogus', ['deploy/web', 'app=x:2', '--dry-run=bogus'], /invalid --dry-run value "bogus"/],
  ];
  it.each(errors)('%s is an error', async (_, args, pattern) => {
    expectError(await kset(['set', 'image', ...args], { stdin: stream }), pattern);
  });

  it.each([
    ['apps/v2', 'Deployment', 'deploy'],
    ['apps/v1beta1', 'DaemonSet', 'ds'],
    ['batch/v2alpha1', 'CronJob', 'cj'],
  ])('a %s %s is an error (no kind is registered for that version in kubectl)', async (apiVersion, kind, type) => {
    const input = deployment.replace('apps/v1', apiVersion).replace('Deployment', kind);
    expectError(await kset(['set', 'image', `${type}/web`, 'app=x:2'], { stdin: input }), /kubectl knows no kind/);
  });

  // kubectl set image --local -f F PAIRS sets the objects of F; kset passes the ones without pod template
  it.each([[['--local', '-f', 'in.yaml', 'app=x:2']], [['-f', 'in.yaml', 'app=x:2', '--local', '-o', 'yaml', '--dry-run=client']]])(
    '%j: every workload of the input',
    async (args) => {
      const result = await kset(['set', 'image', ...args], { cwd: folderWith({ 'in.yaml': stream }) });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(stream.replace('acme/web:1', 'x:2').replace('acme/db:1', 'x:2'));
    },
  );

  it('-f FILE -l SELECTOR without a type: the objects of the input the selector takes', async () => {
    const input = stream.replace('  name: web\n  namespace: shop\n', '  name: web\n  namespace: shop\n  labels: {tier: front}\n');
    const result = await kset(['set', 'image', '-f', 'in.yaml', '-l', 'tier=front', 'app=x:2'], { cwd: folderWith({ 'in.yaml': input }) });
    expect(result.stdout).toBe(input.replace('acme/web:1', 'x:2'));
  });

  it('sets the image of an extensions/v1beta1 Deployment, which kubectl still decodes', async () => {
    const input = deployment.replace('apps/v1', 'extensions/v1beta1');
    const result = await kset(['set', 'image', 'deploy/web', 'app=x:2'], { stdin: input });
    expect(result.stdout).toBe(input.replace('acme/web:1', 'x:2'));
  });
});

describe('kset patch: arguments and results as kubectl', () => {
  const ok: [string, string[], string, string][] = [
    ['--type is read in any case', ['cm/settings', '--type', 'Merge', '-p', '{"data":{"b":"2"}}'], configMap, configMap + '  b: "2"\n'],
    [
      '--type=JSON',
      ['cm/settings', '--type=JSON', '-p', '[{"op":"remove","path":"/data/mode"}]'],
      configMap,
      configMap.replace('  mode: fast\n', '  {}\n').replace('data:\n  {}', 'data: {}'),
    ],
    // a YAML JSON patch starts with a dash: kubectl takes it as -p's value all the same
    ['-p "- op: …"', ['cm/settings', '--type', 'json', '-p', '- op: add\n  path: /data/b\n  value: "2"\n'], configMap, configMap + '  b: "2"\n'],
    ['-p=…', ['cm/settings', '--type', 'merge', '-p={"data":{"b":"2"}}'], configMap, configMap + '  b: "2"\n'],
    [
      '--dry-run=client -o yaml',
      ['cm/settings', '--dry-run=client', '-o', 'yaml', '--type', 'merge', '-p', '{"data":{"b":"2"}}'],
      configMap,
      configMap + '  b: "2"\n',
    ],
    [
      '-n NS and a document without namespace',
      ['cm/settings', '-n', 'shop', '--type', 'merge', '-p', '{"data":{"b":"2"}}'],
      configMap,
      configMap + '  b: "2"\n',
    ],
    // kubectl writes a string that YAML 1.1 reads as a timestamp quoted (a plain one reads as a date there)
    [
      'a timestamp string is written quoted',
      ['cm/settings', '-p', '{"data":{"at":"2024-05-01T10:00:00Z","day":"2024-05-01"}}'],
      configMap,
      configMap + '  at: "2024-05-01T10:00:00Z"\n  day: "2024-05-01"\n',
    ],
    // sigs.k8s.io/yaml reads a repeated key as the last one
    ['a repeated key in -p: the last wins', ['cm/settings', '--type', 'merge', '-p', '{"data":{"b":"1","b":"2"}}'], configMap, configMap + '  b: "2"\n'],
    [
      'TYPE1,TYPE2 NAME',
      ['deploy,sts', 'web', '--type', 'merge', '-p', '{"spec":{"replicas":2}}'],
      deployment + '---\n' + statefulSet,
      deployment.replace('envoy:1\n', 'envoy:1\n  replicas: 2\n') + '---\n' + statefulSet.replace('acme/db:1\n', 'acme/db:1\n  replicas: 2\n'),
    ],
  ];
  it.each(ok)('%s', async (_, args, input, expected) => {
    const result = await kset(['patch', ...args], { stdin: input });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it('--local -f FILE without resources patches every object of the input, as kubectl patch --local -f', async () => {
    const result = await kset(['patch', '--local', '-f', 'in.yaml', '--type', 'merge', '-p', '{"metadata":{"labels":{"a":"b"}}}'], {
      cwd: folderWith({ 'in.yaml': deployment + '---\n' + configMap }),
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      deployment.replace('  namespace: shop\n', '  namespace: shop\n  labels:\n    a: b\n') +
        '---\n' +
        configMap.replace('  name: settings\n', '  name: settings\n  labels:\n    a: b\n'),
    );
  });

  it('merges an extensions/v1beta1 Deployment strategically, as kubectl still decodes it (containers by name)', async () => {
    const input = deployment.replace('apps/v1', 'extensions/v1beta1');
    const result = await kset(['patch', 'deploy/web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"proxy","image":"envoy:2"}]}}}}'], {
      stdin: input,
    });
    expect(result.stdout).toBe(input.replace('envoy:1', 'envoy:2'));
  });

  it.each([
    ['a CustomResourceDefinition', 'apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'crd'],
    ['an APIService', 'apiregistration.k8s.io/v1', 'APIService', 'apiservice'],
    ['a DaemonSet of apps/v1beta1 (a version that never had it)', 'apps/v1beta1', 'DaemonSet', 'ds'],
  ])('refuses a strategic merge on %s, as kubectl does', async (_, apiVersion, kind, type) => {
    const input = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;
    expectError(await kset(['patch', `${type}/x`, '-p', '{"metadata":{"labels":{"a":"b"}}}'], { stdin: input }), /strategic merge patch is not supported/);
  });

  const errors: [string, string[], RegExp][] = [
    // kubectl patch has no kustomize annotations map: add under a missing one fails
    [
      'json add under missing annotations',
      ['cm/settings', '--type', 'json', '-p', '[{"op":"add","path":"/metadata/annotations/a","value":"b"}]'],
      /annotations/,
    ],
    // kubectl decodes the patched object: Object 'Kind' is missing
    ['merge patch removing the kind', ['cm/settings', '--type', 'merge', '-p', '{"kind":null}'], /without a kind/],
    ['json patch emptying the kind', ['cm/settings', '--type', 'json', '-p', '[{"op":"replace","path":"/kind","value":""}]'], /without a kind/],
    ['--type apply', ['cm/settings', '--type', 'apply', '-p', '{}'], /--type must be strategic, merge or json/],
  ];
  it.each(errors)('%s is an error', async (_, args, pattern) => {
    expectError(await kset(['patch', ...args], { stdin: configMap }), pattern);
  });
});
