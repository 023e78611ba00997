import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { ROOT, emptyDir, folderWith, kset } from './helpers.js';

/** Files that hold every byte-level feature --write must keep: comments, blank lines, quoting, CRLF... */
const crlf = [
  '---',
  '# Source: shop/templates/deployment.yaml',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web # the storefront',
  'spec:',
  '',
  '  template:',
  '    spec:',
  '      containers:',
  "        - name: 'app'",
  '          image: "acme/web:1.0"   # pinned by the release',
  '---',
  '# only a comment: a document without a resource',
  '',
].join('\r\n');

const noFinalNewline = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
    containers:
    -   name: shell
        image: 'acme/web:1.0'
        args: [ "sleep",  "1d" ]`;

const flowAndAnchors = `# a hand-written job
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, labels: &labels {app: shop}}
spec:
  template:
    metadata: {labels: *labels}
    spec:
      restartPolicy: Never
      initContainers:
      - {name: wait, image: busybox:1.36}
      containers:
      - name: migrate
        image: acme/web:1.0


        command: ["./migrate"]
`;

const untouched = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`;

const manifests = { 'a-crlf.yaml': crlf, 'b-nonl.yml': noFinalNewline, 'c/flow.yaml': flowAndAnchors, 'd-svc.yaml': untouched };
const bump = ['--image', 'acme/web=registry.example.com/web:2.0'];
const bumped = (text: string) => text.replaceAll('acme/web:1.0', 'registry.example.com/web:2.0');

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');
const OLD = new Date('2020-01-01T00:00:00Z');

/** A folder holding the manifests, every file dated 2020 so a write shows in its mtime. */
function workspace(files: Record<string, string> = manifests): string {
  const dir = folderWith(files);
  for (const name of Object.keys(files)) utimesSync(path.join(dir, name), OLD, OLD);
  return dir;
}

function expectUntouched(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    expect(read(dir, name), name).toBe(text);
    expect(statSync(path.join(dir, name)).mtimeMs, name).toBe(OLD.getTime());
  }
  expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('kset-tmp'))).toEqual([]);
}

describe('kset --write', () => {
  it('rewrites only the changed files, keeping every other byte (CRLF, comments, quotes, no final newline)', async () => {
    const dir = workspace();
    const result = await kset(['--write', ...bump, '.'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'kset: wrote a-crlf.yaml\nkset: wrote b-nonl.yml\nkset: wrote c/flow.yaml\n' });
    expect(read(dir, 'a-crlf.yaml')).toBe(bumped(crlf));
    expect(read(dir, 'b-nonl.yml')).toBe(bumped(noFinalNewline));
    expect(read(dir, 'c/flow.yaml')).toBe(bumped(flowAndAnchors));
    expectUntouched(dir, { 'd-svc.yaml': untouched });
  });

  it("writes added structure in each file's own style and line ends", async () => {
    const dir = workspace();
    const patch = '{"spec": {"template": {"spec": {"containers": [{"name": "app", "resources": {"limits": {"cpu": "1"}}}]}}}}';
    const result = await kset(['patch', 'deploy/web', '-p', patch, '-f', 'a-crlf.yaml', '-w'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(dir, 'a-crlf.yaml')).toBe(
      crlf.replace('pinned by the release\r\n', 'pinned by the release\r\n          resources:\r\n            limits:\r\n              cpu: "1"\r\n'),
    );
  });

  it('a second run writes nothing and --check then passes', async () => {
    const dir = workspace();
    await kset(['-w', ...bump, '.'], { cwd: dir });
    const after = Object.fromEntries(Object.keys(manifests).map((name) => [name, read(dir, name)]));
    for (const name of Object.keys(manifests)) utimesSync(path.join(dir, name), OLD, OLD);
    expect(await kset(['-w', ...bump, '.'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expectUntouched(dir, after);
    expect(await kset(['--check', ...bump, '.'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it("keeps each file's mode", async () => {
    const dir = workspace();
    chmodSync(path.join(dir, 'a-crlf.yaml'), 0o600);
    chmodSync(path.join(dir, 'b-nonl.yml'), 0o755);
    await kset(['-w', ...bump, '.'], { cwd: dir });
    expect(statSync(path.join(dir, 'a-crlf.yaml')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'b-nonl.yml')).mode & 0o777).toBe(0o755);
  });

  it('follows a symlink: the target is rewritten, the link stays a link', async () => {
    const dir = workspace();
    symlinkSync('a-crlf.yaml', path.join(dir, 'link.yaml'));
    expect((await kset(['-w', ...bump, 'link.yaml'], { cwd: dir })).code).toBe(0);
    expect(lstatSync(path.join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'a-crlf.yaml')).toBe(bumped(crlf));
  });

  it('also rewrites files for the verbs', async () => {
    const dir = workspace();
    const result = await kset(['set', 'image', 'deploy/web', 'app=acme/web:1.1', '-f', '.', '--write'], { cwd: dir });
    expect(result.stderr).toBe('kset: wrote a-crlf.yaml\n');
    expect(read(dir, 'a-crlf.yaml')).toBe(crlf.replace('acme/web:1.0', 'acme/web:1.1'));
    expectUntouched(dir, { 'b-nonl.yml': noFinalNewline, 'c/flow.yaml': flowAndAnchors });
  });
});

describe('kset --write: nothing is written when anything fails', () => {
  it('a file that fails to parse in a folder: exit 2, no file written', async () => {
    const files = { ...manifests, 'e/7-broken.yaml': 'kind: ConfigMap\nmetadata:\n  name: [broken\n' };
    const dir = workspace(files);
    const result = await kset(['--write', ...bump, '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kset: e\/7-broken\.yaml:\d+:\d+: /);
    expectUntouched(dir, files);
  });

  it('a read-only file: exit 2 naming it, no file written', async () => {
    const dir = workspace();
    chmodSync(path.join(dir, 'b-nonl.yml'), 0o444);
    const result = await kset(['--write', ...bump, '.'], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'kset: b-nonl.yml: read-only file: nothing was written\n' });
    expectUntouched(dir, manifests);
  });

  it.each([
    { name: 'stdin', args: ['-'], stdin: crlf },
    { name: 'stdin by default', args: [], stdin: crlf },
    { name: 'no input at all', args: [], stdin: undefined },
  ])('--write with $name: a usage error, exit 2', async ({ args, stdin }) => {
    const result = await kset(['--write', ...bump, ...args], { stdin });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('kset: --write rewrites files in place: name the files, stdin cannot be written back (see kset --help)\n');
  });

  it.each([
    { args: ['--write', '--check'], message: /--write and --check exclude each other/ },
    { args: ['--write', '-o', 'json'], message: /--output goes with the stream on stdout/ },
    { args: ['--check', '--report', '-'], message: /--report - writes to stdout/ },
    { args: ['--report', '-'], message: /--report - writes to stdout/ },
  ])('$args: a usage error', async ({ args, message }) => {
    const dir = workspace();
    const result = await kset([...args, ...bump, '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expectUntouched(dir, manifests);
  });
});

describe('kset --check and --diff', () => {
  it('--check: exit 1, the diff on stdout, the files on stderr, nothing written', async () => {
    const dir = workspace();
    const result = await kset(['--check', ...bump, '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'kset: would change a-crlf.yaml\nkset: would change b-nonl.yml\nkset: would change c/flow.yaml\nkset: 3 of 4 files would change\n',
    );
    expect(result.stdout.match(/^(---|\+\+\+) .*$/gm)).toEqual([
      '--- a/a-crlf.yaml',
      '+++ b/a-crlf.yaml',
      '--- a/b-nonl.yml',
      '+++ b/b-nonl.yml',
      '--- a/c/flow.yaml',
      '+++ b/c/flow.yaml',
    ]);
    expect(result.stdout).toContain(
      '-          image: "acme/web:1.0"   # pinned by the release\r\n+          image: "registry.example.com/web:2.0"   # pinned by the release\r\n',
    );
    expect(result.stdout).not.toMatch(/\x1b\[/);
    expectUntouched(dir, manifests);
  });

  it('--check on stdin names it <stdin>', async () => {
    const result = await kset(['--check', ...bump], { stdin: noFinalNewline });
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('--- <stdin>\n+++ <stdin>\n@@ ')).toBe(true);
    expect(result.stderr).toBe('kset: would change <stdin>\nkset: 1 of 1 file would change\n');
  });

  it('--diff prints a patch that git apply turns into what --write writes', async () => {
    const dir = workspace();
    const diff = await kset(['--diff', ...bump, '.'], { cwd: dir });
    expect(diff.code).toBe(0);
    expectUntouched(dir, manifests);
    writeFileSync(path.join(dir, 'changes.patch'), diff.stdout);
    execFileSync('git', ['apply', '--unsafe-paths', 'changes.patch'], { cwd: dir });
    const written = workspace();
    await kset(['--write', ...bump, '.'], { cwd: written });
    for (const name of Object.keys(manifests)) expect(read(dir, name), name).toBe(read(written, name));
  });

  it('--diff --write writes and shows the diff', async () => {
    const dir = workspace();
    const result = await kset(['--diff', '--write', ...bump, 'b-nonl.yml'], { cwd: dir });
    expect(result.stdout).toMatch(/^--- a\/b-nonl\.yml\n/);
    expect(read(dir, 'b-nonl.yml')).toBe(bumped(noFinalNewline));
  });

  it('masks Secret data and stringData values in the diff', async () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: c2VjcmV0\nstringData:\n  user: admin\n';
    const dir = workspace({ 's.yaml': secret });
    const patch = '[{"op": "replace", "path": "/data/password", "value": "bmV3LXNlY3JldA=="}]';
    const result = await kset(['patch', 'secret/db', '--type', 'json', '-p', patch, '-f', 's.yaml', '--check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      '--- a/s.yaml\n+++ b/s.yaml\n@@ -3,6 +3,6 @@\n metadata:\n   name: db\n data:\n-  password: *** (before)\n+  password: *** (after)\n stringData:\n   user: ***\n',
    );
  });

  it.each([
    { tty: true, env: {}, colored: true },
    { tty: true, env: { NO_COLOR: '1' }, colored: false },
    { tty: false, env: {}, colored: false },
  ])('colours the diff when stdout is a terminal ($tty) unless NO_COLOR ($env)', async ({ tty, env, colored }) => {
    const dir = workspace();
    let stdout = '';
    const code = await run(['--diff', ...bump, 'b-nonl.yml'], {
      cwd: dir,
      env,
      stdin: async () => '',
      stdinIsTty: true,
      stdoutIsTty: tty,
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect(stdout.includes("\x1b[31m-        image: 'acme/web:1.0'\x1b[0m")).toBe(colored);
    expect(stdout.includes("\x1b[32m+        image: 'registry.example.com/web:2.0'\x1b[0m")).toBe(colored);
    expect(/\x1b\[/.test(stdout)).toBe(colored);
  });
});

describe('kset --report', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/report.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('writes every change with its file, document, resource, pointer, values and origin', async () => {
    const dir = workspace({ ...manifests, '.ksetrc.yaml': 'images:\n  - name: busybox\n    newTag: "1.37"\n' });
    const result = await kset(['--write', '--report', 'report.json', ...bump, '.'], { cwd: dir });
    expect(result.code).toBe(0);
    const report = JSON.parse(read(dir, 'report.json'));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.files).toEqual([
      { path: 'a-crlf.yaml', changed: true, changes: 1 },
      { path: 'b-nonl.yml', changed: true, changes: 1 },
      { path: 'c/flow.yaml', changed: true, changes: 2 },
      { path: 'd-svc.yaml', changed: false, changes: 0 },
    ]);
    expect(report.changes[0]).toEqual({
      file: 'a-crlf.yaml',
      document: 0,
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      pointer: '/spec/template/spec/containers/0/image',
      op: 'replace',
      old: 'acme/web:1.0',
      new: 'registry.example.com/web:2.0',
      origin: { label: '--image acme/web=registry.example.com/web:2.0' },
    });
    expect(report.changes[2]).toMatchObject({
      file: 'c/flow.yaml',
      pointer: '/spec/template/spec/initContainers/0/image',
      old: 'busybox:1.36',
      new: 'busybox:1.37',
      origin: { label: 'images[0]', file: '.ksetrc.yaml', line: 2 },
    });
  });

  it('counts documents per file', async () => {
    const dir = workspace();
    const result = await kset(['--write', '--report', '-', ...bump, 'd-svc.yaml', 'a-crlf.yaml'], { cwd: dir });
    expect(JSON.parse(result.stdout).changes.map((c: { file: string; document: number }) => [c.file, c.document])).toEqual([['a-crlf.yaml', 0]]);
  });

  it('goes to a file beside --check (which writes no manifest) and beside the stream on stdout', async () => {
    const dir = workspace();
    const check = await kset(['--check', '--report', 'check.json', ...bump, '.'], { cwd: dir });
    expect(check.code).toBe(1);
    expectUntouched(dir, manifests);
    expect(JSON.parse(read(dir, 'check.json')).changes).toHaveLength(3);
    const stream = await kset(['--report', 'stream.json', ...bump], { cwd: dir, stdin: noFinalNewline });
    expect(stream.stdout).toBe(bumped(noFinalNewline) + '\n');
    const report = JSON.parse(read(dir, 'stream.json'));
    expect(validate(report)).toBe(true);
    expect(report.files).toEqual([{ path: null, changed: true, changes: 1 }]);
  });

  it('masks Secret values', async () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: c2VjcmV0\n';
    const patch = '[{"op": "replace", "path": "/data/password", "value": "bmV3"}]';
    const dir = emptyDir();
    const result = await kset(['patch', 'secret/db', '--type', 'json', '-p', patch, '--report', 'r.json'], { cwd: dir, stdin: secret });
    expect(result.code).toBe(0);
    const [change] = JSON.parse(read(dir, 'r.json')).changes;
    expect(change).toMatchObject({ pointer: '/data/password', old: '***', new: '***', masked: true });
    expect(read(dir, 'r.json')).not.toMatch(/c2VjcmV0|bmV3/);
  });
});

describe('a folder copy of the repository fixtures', () => {
  it('rewrites the helm-app example in place like the stream on stdout', async () => {
    const dir = emptyDir();
    cpSync(path.join(ROOT, 'fixtures/helm-app'), dir, { recursive: true });
    const stdout = (await kset(['rendered.yaml'], { cwd: dir })).stdout;
    expect((await kset(['-w', 'rendered.yaml'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'rendered.yaml')).toBe(stdout);
  });
});
