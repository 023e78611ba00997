import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectError, folderWith, kset } from './helpers.js';

// kset set resources, set serviceaccount, set selector, set subject, label and annotate at the CLI:
// kubectl's results (kubectl VERB --local -f DOC … -o yaml, checked with kubectl v1.32), written into
// the stream with only the changed nodes changed, and kset's selection grammar.

const deployment = `# the web app
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web, tier: frontend}
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: acme/web:1
      containers:
        - name: app
          image: acme/web:1 # pinned
          resources:
            limits:
              cpu: "1"
        - name: proxy
          image: envoy:1
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  annotations:
    owner: team-a
spec:
  selector:
    app: web # the pods
  ports:
    - port: 80
`;

const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: readers
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
subjects:
  - kind: User
    apiGroup: rbac.authorization.k8s.io
    name: alice
`;

const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

const stream = [deployment, service, binding, configMap].join('---\n');

/** The stream with one document replaced. */
function withDocument(index: number, text: string): string {
  return [deployment, service, binding, configMap].map((doc, i) => (i === index ? text : doc)).join('---\n');
}

async function ok(args: string[], input = stream) {
  const result = await kset(args, { stdin: input });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('kset set resources', () => {
  // a changed scalar keeps its quotes ("1" → "500m")
  it('sets limits and requests on every container, creating resources where missing', async () => {
    const out = await ok(['set', 'resources', 'deploy/web', '--limits=cpu=0.5,memory=512Mi', '--requests=memory=256Mi']);
    expect(out).toBe(
      withDocument(
        0,
        deployment
          .replace(
            '          image: acme/web:1\n      containers',
            '          image: acme/web:1\n          resources:\n            limits:\n              cpu: 500m\n              memory: 512Mi\n            requests:\n              memory: 256Mi\n      containers',
          )
          .replace('              cpu: "1"\n', '              cpu: "500m"\n              memory: 512Mi\n            requests:\n              memory: 256Mi\n')
          .replace(
            '          image: envoy:1\n',
            '          image: envoy:1\n          resources:\n            limits:\n              cpu: 500m\n              memory: 512Mi\n            requests:\n              memory: 256Mi\n',
          ),
      ),
    );
  });

  it('-c takes the containers its pattern takes; a quantity equal to the one there leaves the document alone', async () => {
    expect(await ok(['set', 'resources', 'deploy/web', '-c', 'app', '--limits=cpu=1000m'])).toBe(stream);
    const out = await ok(['set', 'resources', 'deploy/web', '-c', 'pro*', '--requests=cpu=100m']);
    expect(out).toBe(
      withDocument(
        0,
        deployment.replace('          image: envoy:1\n', '          image: envoy:1\n          resources:\n            requests:\n              cpu: 100m\n'),
      ),
    );
  });

  it('-f FILE without resources takes the workloads of the input and passes the rest', async () => {
    const dir = folderWith({ 'in.yaml': stream });
    const result = await kset(['set', 'resources', '-f', 'in.yaml', '-c', 'app', '--limits=cpu=2'], { cwd: dir });
    expect(result.stdout).toBe(stream.replace('cpu: "1"', 'cpu: "2"'));
  });

  it.each([
    [['deploy/web', '-c', 'nope', '--limits=cpu=1'], /deployment\/web in namespace shop: unable to find container named "nope"/],
    [['deploy/web', '--limits=cpu=lots'], /"lots": quantities must match the regular expression/],
    [['deploy/web', '--limits=cpu=1,'], /Invalid argument syntax , expected <resource>=<value>/],
    [['deploy/web'], /you must specify an update to requests or limits/],
    [['svc/web', '--limits=cpu=1'], /service\/web is not a pod and has no pod template/],
    [['deploy/nope', '--limits=cpu=1'], /deploy "nope" not found in the input/],
  ])('%j is an error', async (args, pattern) => {
    expectError(await kset(['set', 'resources', ...args], { stdin: stream }), pattern);
  });
});

describe('kset set serviceaccount', () => {
  it('sets the pod spec service account; set sa is the same verb', async () => {
    const expected = withDocument(
      0,
      deployment
        .replace('    spec:\n      initContainers', '    spec:\n      initContainers')
        .replace('          image: envoy:1\n', '          image: envoy:1\n      serviceAccountName: robot\n'),
    );
    expect(await ok(['set', 'serviceaccount', 'deploy/web', 'robot'])).toBe(expected);
    expect(await ok(['set', 'sa', '--all', 'robot'])).toBe(expected);
  });

  it('an empty name removes it', async () => {
    const input = withDocument(0, deployment.replace('          image: envoy:1\n', '          image: envoy:1\n      serviceAccountName: robot\n'));
    expect(await ok(['set', 'sa', 'deploy/web', ''], input)).toBe(stream);
  });

  it.each([
    [['set', 'sa'], /serviceaccount is required/],
    [['set', 'sa', 'cm/settings', 'robot'], /configmap\/settings is not a pod and has no pod template/],
  ])('%j is an error', async (args, pattern) => {
    expectError(await kset(args, { stdin: stream }), pattern);
  });
});

describe('kset set selector', () => {
  it("replaces a Service's selector (kept keys keep their place and comment)", async () => {
    const out = await ok(['set', 'selector', 'svc/web', 'app=web,tier=frontend']);
    expect(out).toBe(withDocument(1, service.replace('    app: web # the pods\n', '    app: web # the pods\n    tier: frontend\n')));
  });

  it('--all takes the Services alone; --resource-version is accepted and ignored', async () => {
    const out = await ok(['set', 'selector', '--all', 'app=web2', '--resource-version=123']);
    expect(out).toBe(withDocument(1, service.replace('app: web # the pods', 'app: web2 # the pods')));
  });

  it.each([
    [['deploy/web', 'app=x'], /deployment\/web in namespace shop: setting a selector is only supported for Services/],
    [['svc/web', 'app in (x)'], /match expression \[\{app In \[x\]\}\] not supported on this object/],
    [['svc/web', 'a!=b'], /"!=" is not a valid label selector operator/],
    [['svc/web', 'Bad Key=x'], /couldn't parse the selector string "Bad Key=x"/],
    [[], /one selector is required/],
  ])('%j is an error', async (args, pattern) => {
    expectError(await kset(['set', 'selector', ...args], { stdin: stream }), pattern);
  });
});

describe('kset set subject', () => {
  it('adds the subjects the binding lacks, users, groups then service accounts, each sorted', async () => {
    const out = await ok([
      'set',
      'subject',
      'rolebinding/readers',
      '--user=bob',
      '--user=alice',
      '--group=devs',
      '--serviceaccount=shop:ci',
      '--serviceaccount=:deployer',
    ]);
    expect(out).toBe(
      withDocument(
        2,
        binding +
          '  - kind: User\n    apiGroup: rbac.authorization.k8s.io\n    name: bob\n' +
          '  - kind: Group\n    apiGroup: rbac.authorization.k8s.io\n    name: devs\n' +
          '  - kind: ServiceAccount\n    name: deployer\n    namespace: default\n' +
          '  - kind: ServiceAccount\n    name: ci\n    namespace: shop\n',
      ),
    );
  });

  it('-n gives :NAME its namespace; a subject already there leaves the document alone', async () => {
    expect(await ok(['set', 'subject', 'rolebinding/readers', '--user=alice'])).toBe(stream);
    const out = await ok(['set', 'subject', '--all', '-n', 'shop', '--serviceaccount=:ci']);
    expect(out).toBe(withDocument(2, binding + '  - kind: ServiceAccount\n    name: ci\n    namespace: shop\n'));
  });

  it.each([
    [['rolebinding/readers'], /you must specify at least one value of user, group or serviceaccount/],
    [['rolebinding/readers', '--serviceaccount=ci'], /serviceaccount must be <namespace>:<name>/],
    [['deploy/web', '--user=bob'], /setting subjects is only supported for RoleBinding\/ClusterRoleBinding/],
  ])('%j is an error', async (args, pattern) => {
    expectError(await kset(['set', 'subject', ...args], { stdin: stream }), pattern);
  });

  it('refuses :NAME for a ClusterRoleBinding', async () => {
    const input = binding.replace('kind: RoleBinding', 'kind: ClusterRoleBinding').replace('  namespace: shop\n', '');
    expectError(await kset(['set', 'subject', '--local', '--serviceaccount=:ci'], { stdin: input }), /namespace must be specified/);
  });
});

describe('kset label', () => {
  it('adds, changes with --overwrite and removes labels of any kind, in place', async () => {
    const out = await ok(['label', 'deploy/web', 'tier=backend', 'team=shop', 'app-', '--overwrite']);
    expect(out).toBe(withDocument(0, deployment.replace('  labels: {app: web, tier: frontend}', '  labels: {tier: backend, team: shop}')));
  });

  it('-f FILE without resources labels every object; the same value needs no --overwrite', async () => {
    const dir = folderWith({ 'in.yaml': deployment + '---\n' + configMap });
    const result = await kset(['label', '-f', 'in.yaml', 'tier=frontend'], { cwd: dir });
    expect(result.stdout).toBe(deployment + '---\n' + configMap.replace('  name: settings\n', '  name: settings\n  labels:\n    tier: frontend\n'));
  });

  it('labels the items of a List', async () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n`;
    expect(await ok(['label', 'cm/a', 'x=z'], list)).toBe(list + '      labels:\n        x: z\n');
  });

  // kubectl's label values are strings: one YAML 1.1 reads otherwise is quoted
  it('quotes a value YAML would read as a boolean or number', async () => {
    expect(await ok(['label', 'cm/settings', 'a=y', 'b=true', 'c=1'], configMap)).toBe(
      configMap.replace('  name: settings\n', '  name: settings\n  labels:\n    a: "y"\n    b: "true"\n    c: "1"\n'),
    );
  });

  it('removing a label that is not there changes nothing, and adds no labels map', async () => {
    expect(await ok(['label', '--all', 'nope-'])).toBe(stream);
  });

  it('removing the last label leaves an empty map, as kubectl', async () => {
    expect(await ok(['label', 'cm/settings', 'a-'], configMap.replace('  name: settings\n', '  name: settings\n  labels:\n    a: b\n'))).toBe(
      configMap.replace('  name: settings\n', '  name: settings\n  labels: {}\n'),
    );
  });

  it('--list prints the labels after the changes, with a line per object when there are several', async () => {
    expect(await ok(['label', 'deploy/web', '--list'])).toBe('app=web\ntier=frontend\n');
    expect(await ok(['label', '--local', 'x=1', '--list'])).toBe(
      'Listing labels for Deployment.apps/web:\n app=web\n tier=frontend\n x=1\nListing labels for Service./web:\n x=1\n' +
        'Listing labels for RoleBinding.rbac.authorization.k8s.io/readers:\n x=1\nListing labels for ConfigMap./settings:\n x=1\n',
    );
  });

  it.each([
    [['deploy/web', 'tier=backend'], /deployment\/web in namespace shop: 'tier' already has a value \(frontend\), and --overwrite is false/],
    [['deploy/web', 'Bad Key=x'], /invalid label key "Bad Key": name part must consist/],
    [['deploy/web', 'x=bad value'], /invalid label value: "x=bad value"/],
    [['deploy/web', 'x=1', 'x-'], /can not both modify and remove a label in the same command/],
    [['deploy/web', 'x=1', 'cm/settings'], /all resources must be specified before label changes: cm\/settings/],
    [['deploy/web'], /at least one label update is required/],
    [['deploy/web', '--list', '-o', 'yaml'], /--list and --output may not be specified together/],
  ])('%j is an error', async (args, pattern) => {
    expectError(await kset(['label', ...args], { stdin: stream }), pattern);
  });

  it('refuses a label value that is not a string, as kubectl cannot decode the object', async () => {
    const input = configMap.replace('  name: settings\n', '  name: settings\n  labels:\n    version: 1\n');
    expectError(await kset(['label', 'cm/settings', 'a=b'], { stdin: input }), /metadata\.labels\.version is 1, not a string/);
  });
});

describe('kset annotate', () => {
  it('writes any text as the value, and removes annotations', async () => {
    const out = await ok(['annotate', 'svc/web', 'note=served by: envoy', 'owner-']);
    expect(out).toBe(withDocument(1, service.replace('    owner: team-a\n', '    note: "served by: envoy"\n')));
  });

  it.each([
    [['svc/web', 'owner=team-b'], /--overwrite is false but found the following declared annotation\(s\): 'owner' already has a value \(team-a\)/],
    [['svc/web', 'bad key=x'], /invalid annotation key "bad key"/],
    [['svc/web', 'a=1', 'a-'], /can not both modify and remove the following annotation\(s\) in the same command: a/],
  ])('%j is an error', async (args, pattern) => {
    expectError(await kset(['annotate', ...args], { stdin: stream }), pattern);
  });

  it('--overwrite changes a value', async () => {
    expect(await ok(['annotate', 'svc/web', 'owner=team-b', '--overwrite'])).toBe(withDocument(1, service.replace('owner: team-a', 'owner: team-b')));
  });
});

describe('the write-back flags with the verbs', () => {
  it('-w rewrites the file, --check and --diff show the change, --report lists it', async () => {
    const dir = folderWith({ 'app.yaml': stream });
    const check = await kset(['label', 'svc/web', 'team=shop', '--check', '-f', 'app.yaml'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('+    team: shop');
    const diff = await kset(['set', 'sa', 'deploy/web', 'robot', '--diff', '-f', 'app.yaml'], { cwd: dir });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('+      serviceAccountName: robot');
    const write = await kset(['annotate', 'svc/web', 'note=x', '-w', '--report', '-', '-f', 'app.yaml'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(JSON.parse(write.stdout).changes[0]).toMatchObject({ pointer: '/metadata/annotations/note', new: 'x' });
    expect(readFileSync(path.join(dir, 'app.yaml'), 'utf8')).toBe(withDocument(1, service.replace('    owner: team-a\n', '    owner: team-a\n    note: x\n')));
  });
});
