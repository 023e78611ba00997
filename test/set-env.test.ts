import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectError, folderWith, kset } from './helpers.js';

// kset set env at the CLI. Where kubectl can run it (`kubectl set env --local -f DOC ARGS -o yaml`,
// v1.32) the results were checked against it; --from needs a cluster in kubectl (with --local it
// refuses every input), so its results follow kubectl's source (pkg/cmd/set/set_env.go).

const web = `# Source: shop/web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: m:1
      containers:
        - name: app
          image: a:1
          env:
            - name: MODE
              value: prod   # the default
            - name: LOG
              value: info
        - name: proxy
          image: p:1
`;
const service = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  ports:
    - port: 80
`;
const settings = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  log-level: debug
  REGION: eu
`;
const creds = `apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: shop
data:
  password: aHVudGVyMg==
`;
const stream = [web, service, settings].join('---\n');

/** `web` with the lines of `env` (at the app container's env indentation) after LOG's. */
function withAppEnv(lines: string, base = web): string {
  return base.replace('              value: info\n', `              value: info\n${lines}`);
}

describe('kset set env: changes', () => {
  const ok: [string, string[], string][] = [
    [
      'sets in every container and init container; the other documents pass',
      ['deploy/web', 'MODE=dev', 'NEW=on'],
      [
        web
          .replace('value: prod   # the default', 'value: dev   # the default')
          .replace('              value: info\n', '              value: info\n            - name: NEW\n              value: "on"\n')
          .replace(
            '          image: m:1\n',
            '          image: m:1\n          env:\n            - name: MODE\n              value: dev\n            - name: NEW\n              value: "on"\n',
          )
          .replace(
            '          image: p:1\n',
            '          image: p:1\n          env:\n            - name: MODE\n              value: dev\n            - name: NEW\n              value: "on"\n',
          ),
        service,
        settings,
      ].join('---\n'),
    ],
    [
      '-c names an init container',
      ['deploy/web', '-c', 'migrate', 'A=1'],
      stream.replace('          image: m:1\n', '          image: m:1\n          env:\n            - name: A\n              value: "1"\n'),
    ],
    // kubectl's pattern: the first part need not start the name
    [
      '-c rox* matches proxy',
      ['deploy/web', '-c', 'rox*', 'A=1'],
      stream.replace('          image: p:1\n', '          image: p:1\n          env:\n            - name: A\n              value: "1"\n'),
    ],
    ['NAME- removes; the last one removes env', ['deploy/web', '-c', 'app', 'MODE-', 'LOG-'], stream.replace(/ {10}env:\n( {12}.*\n)+/, '')],
    [
      '--prefix names the set variables',
      ['deploy/web', '-c', 'app', '--prefix', 'X_', 'MODE=dev'],
      stream.replace('              value: info\n', '              value: info\n            - name: X_MODE\n              value: dev\n'),
    ],
    [
      '-e comes before the arguments',
      ['deploy/web', '-c', 'app', 'B=2', '-e', 'A=1'],
      withAppEnv('            - name: A\n              value: "1"\n            - name: B\n              value: "2"\n', web) +
        '---\n' +
        service +
        '---\n' +
        settings,
    ],
    ['an equal value changes nothing', ['deploy/web', '-c', 'app', 'MODE=prod'], stream],
    [
      '--overwrite=false adds a new variable',
      ['deploy/web', '-c', 'app', '--overwrite=false', 'MODE=prod', 'NEW=1'],
      withAppEnv('            - name: NEW\n              value: "1"\n') + '---\n' + service + '---\n' + settings,
    ],
    [
      '--overwrite=False is pflag false too',
      ['deploy/web', '-c', 'app', '--overwrite=False', 'NEW=1'],
      withAppEnv('            - name: NEW\n              value: "1"\n') + '---\n' + service + '---\n' + settings,
    ],
    [
      '--overwrite=false then --overwrite: the last wins',
      ['deploy/web', '-c', 'app', '--overwrite=false', '--overwrite', 'MODE=dev'],
      stream.replace('value: prod', 'value: dev'),
    ],
    // with names, kubectl's builder takes the resources: the rest of the stream passes
    [
      '--all sets every workload, passes the rest',
      ['--all', '-c', 'app', 'A=b-'],
      withAppEnv('            - name: A\n              value: b-\n') + '---\n' + service + '---\n' + settings,
    ],
  ];
  it.each(ok)('%s', async (_, args, expected) => {
    const result = await kset(['set', 'env', ...args], { stdin: stream });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it('-f FILE without resources: every workload of the input', async () => {
    const dir = folderWith({ 'in.yaml': stream });
    const result = await kset(['set', 'env', '--local', '-f', 'in.yaml', '-c', 'app', 'MODE=dev'], { cwd: dir });
    expect(result.stdout).toBe(stream.replace('value: prod', 'value: dev'));
  });

  it('a container pattern that matches nothing: a warning, as kubectl, and no change', async () => {
    const result = await kset(['set', 'env', 'deploy/web', '-c', 'nosuch', 'A=1'], { stdin: stream });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(stream);
    expect(result.stderr).toBe('kset: warning: deployment/web in namespace shop does not have any containers matching "nosuch"\n');
  });

  it('sets the items of a List', async () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
`;
    const result = await kset(['set', 'env', 'pod/p', 'A=1'], { stdin: list });
    expect(result.stdout).toBe(list + '          env:\n            - name: A\n              value: "1"\n');
  });

  it('-e - reads NAME=VALUE lines from stdin, the manifests from -f', async () => {
    const dir = folderWith({ 'in.yaml': web });
    let stdin = 'A=1 # comment\nB=2\n';
    const result = await kset(['set', 'env', '-f', 'in.yaml', '-c', 'app', '-e', '-'], { cwd: dir, stdin });
    expect(result.stdout).toBe(withAppEnv('            - name: A\n              value: "1 "\n            - name: B\n              value: "2"\n'));
    stdin = 'A=1\n';
    expectError(await kset(['set', 'env', 'deploy/web', '-e', '-'], { stdin }), '-e - reads the variables from stdin: name the manifests with -f FILE');
  });

  it('--write, --check, --diff and --report work as with set image', async () => {
    const dir = folderWith({ 'in.yaml': stream });
    const args = ['set', 'env', 'deploy/web', '-c', 'app', 'MODE=dev', '-f', 'in.yaml'];
    const check = await kset([...args, '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('-              value: prod   # the default\n+              value: dev   # the default');
    const diff = await kset([...args, '--diff'], { cwd: dir });
    expect(diff.stdout).toBe(check.stdout);
    const report = await kset([...args, '--write', '--report', '-'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(readFileSync(path.join(dir, 'in.yaml'), 'utf8')).toBe(stream.replace('value: prod', 'value: dev'));
    const { changes } = JSON.parse(report.stdout);
    expect(changes).toMatchObject([{ pointer: '/spec/template/spec/containers/0/env/0/value', old: 'prod', new: 'dev', origin: { label: 'set env MODE=…' } }]);
  });
});

describe('kset set env: errors', () => {
  const errors: [string, string[], string | RegExp][] = [
    [
      '--overwrite=false on another value (kubectl: the object, then its message)',
      ['deploy/web', '--overwrite=false', 'MODE=dev'],
      /^kset: <stdin>:2:1: set env MODE=…: deployment\/web in namespace shop: 'MODE' already has a value \(prod\), and --overwrite is false$/,
    ],
    ['--overwrite=maybe', ['deploy/web', '--overwrite=maybe', 'A=1'], 'invalid argument "maybe" for "--overwrite" flag'],
    ['an invalid name', ['deploy/web', '1A=x'], '"1A" is not a valid key name: a valid environment variable name must consist of'],
    ['set and remove one name', ['deploy/web', 'A=1', 'A-'], 'can not both modify and remove the same environment variable in the same command'],
    ['a resource after the environment', ['A=1', 'deploy/web'], 'all resources must be specified before environment changes: A=1 deploy/web'],
    ['a named resource missing', ['deploy/api', 'A=1'], 'deploy "api" not found in the input'],
    ['a named resource without pod template', ['svc/web', 'A=1'], 'service/web is not a pod and has no pod template'],
    ['--keys without --from', ['deploy/web', '--keys', 'a'], 'when specifying --keys, a configmap or secret must be provided with --from'],
    ['--list with --output', ['deploy/web', '--list', '-o', 'yaml'], '--list and --output may not be specified together'],
    ['--list with --check', ['deploy/web', '--list', '--check'], '--list prints the variables and writes no manifest'],
    // kubectl --list skips such an object silently and exits 0
    [
      '--list and --overwrite=false on another value',
      ['deploy/web', '--list', '--overwrite=false', 'MODE=dev'],
      "'MODE' already has a value (prod), and --overwrite is false",
    ],
    ['--from another kind', ['deploy/web', '--from=deployment/web'], 'unsupported resource specified in --from: deployment/web'],
    ['--from without a name', ['deploy/web', '--from=configmap'], '--from must be configmap/NAME or secret/NAME, not "configmap"'],
    [
      '--from a ConfigMap the input lacks',
      ['deploy/web', '--from=configmap/nope'],
      'deployment/web in namespace shop: configmap "nope" not found in the input (in namespace shop or without one)',
    ],
  ];
  it.each(errors)('%s', async (_, args, message) => {
    expectError(await kset(['set', 'env', ...args], { stdin: stream }), message);
  });
});

describe('kset set env --from: the ConfigMap or Secret of the input', () => {
  const input = [web, service, settings, creds].join('---\n');
  const run = (...args: string[]) => kset(['set', 'env', 'deploy/web', '-c', 'app', ...args], { stdin: input });
  const appEnv = (lines: string) => [withAppEnv(lines), service, settings, creds].join('---\n');

  it('adds a reference per key, keys in Go string order, names upper-cased with _ for other characters', async () => {
    const result = await run('--from=configmap/settings');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      appEnv(`            - name: REGION
              valueFrom:
                configMapKeyRef:
                  key: REGION
                  name: settings
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  key: log-level
                  name: settings
`),
    );
    expect(result.stderr).toBe('kset: warning: key log-level transferred to LOG_LEVEL\n');
  });

  it("--keys takes some keys, --prefix goes before every name, kubectl's type names work (cm, secrets)", async () => {
    const result = await run('--from', 'cm/settings', '--keys', 'REGION', '--prefix', 'APP_', 'X=1');
    expect(result.stdout).toBe(
      appEnv(`            - name: APP_X
              value: "1"
            - name: APP_REGION
              valueFrom:
                configMapKeyRef:
                  key: REGION
                  name: settings
`),
    );
    const secret = await run('--from=secrets/creds');
    expect(secret.stdout).toBe(
      appEnv(
        '            - name: PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  key: password\n                  name: creds\n',
      ),
    );
  });

  it('--resolve writes the values', async () => {
    const result = await run('--from=secret/creds', '--resolve');
    expect(result.stdout).toBe(appEnv('            - name: PASSWORD\n              value: hunter2\n'));
  });

  it('a removal beats a key of --from, as in kubectl', async () => {
    const result = await run('--from=configmap/settings', 'LOG_LEVEL-', 'LOG-');
    expect(result.stdout).toBe(
      [
        web.replace(
          '            - name: LOG\n              value: info\n',
          '            - name: REGION\n              valueFrom:\n                configMapKeyRef:\n                  key: REGION\n                  name: settings\n',
        ),
        service,
        settings,
        creds,
      ].join('---\n'),
    );
  });

  it("takes the one in the workload's namespace, and a file's ConfigMap for another file's workload", async () => {
    const other = settings.replace('namespace: shop', 'namespace: other').replace('REGION: eu', 'ZONE: a');
    const dir = folderWith({ 'a.yaml': web, 'b.yaml': [other, settings].join('---\n') });
    const result = await kset(['set', 'env', 'deploy/web', '-c', 'app', '--from=configmap/settings', '--keys=REGION,ZONE', '-f', 'a.yaml', '-f', 'b.yaml'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        withAppEnv(
          '            - name: REGION\n              valueFrom:\n                configMapKeyRef:\n                  key: REGION\n                  name: settings\n',
        ),
        other,
        settings,
      ].join('---\n'),
    );
  });

  it('a workload without namespace and the ConfigMap in two namespaces: an error asking for one', async () => {
    const both = [web.replace('  namespace: shop\n', ''), settings, settings.replace('namespace: shop', 'namespace: other')].join('---\n');
    expectError(
      await kset(['set', 'env', 'deploy/web', '--from=configmap/settings'], { stdin: both }),
      'configmap "settings" is in the input in namespaces shop, other',
    );
    const chosen = await kset(['set', 'env', 'deploy/web', '-n', 'other', '-c', 'app', '--from=configmap/settings', '--keys=REGION'], { stdin: both });
    expect(chosen.code).toBe(0);
  });
});

describe('kset set env --list', () => {
  const input = [
    withAppEnv('            - name: PASSWORD\n              valueFrom:\n                secretKeyRef: {name: creds, key: password}\n'),
    service,
    settings,
    creds,
  ].join('---\n');

  it("prints each container's variables after the changes, and no stream", async () => {
    const result = await kset(['set', 'env', 'deploy/web', '--list', 'NEW=1', '-c', '*p*'], { stdin: input });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `# Deployment web, container app
MODE=prod
LOG=info
# PASSWORD from secret creds, key password
NEW=1
# Deployment web, container proxy
NEW=1
`,
    });
  });

  it('--resolve reads referenced values from the input; one it cannot is a warning, as kubectl prints it', async () => {
    const result = await kset(['set', 'env', 'deploy/web', '--list', '--resolve', '-c', 'app'], { stdin: input });
    expect(result.stdout).toBe('# Deployment web, container app\nMODE=prod\nLOG=info\nPASSWORD=hunter2\n');
    const without = await kset(['set', 'env', 'deploy/web', '--list', '--resolve', '-c', 'app'], { stdin: input.replace(creds, '') });
    expect(without.code).toBe(0);
    expect(without.stdout).toBe('# Deployment web, container app\nMODE=prod\nLOG=info\n# PASSWORD from secret creds, key password\n');
    expect(without.stderr).toBe(
      'kset: warning: deployment/web in namespace shop: error retrieving reference for PASSWORD: secret "creds" not found in the input (in namespace shop or without one)\n',
    );
  });
});
