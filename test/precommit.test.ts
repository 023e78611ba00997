import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, emptyDir, folderWith } from './helpers.js';

/**
 * The real pre-commit framework (Debian package `pre-commit`; .ci/run installs it) runs the hooks of
 * .pre-commit-hooks.yaml with `pre-commit try-repo`, against a temporary git repository holding
 * manifests and a config. Installing the hook environment (npm install, npm pack, npm install -g)
 * takes a while, once.
 */
const precommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const available = precommit.status === 0 && existsSync(path.join(ROOT, '.git'));
if (!available) console.warn('precommit.test.ts: skipped, the pre-commit framework is not installed (apt-get install pre-commit)');

const config = `images:
  - name: ghcr.io/acme/shop
    newTag: "1.5.0"
`;

const app = [
  '# Source: shop/templates/deployment.yaml',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: shop',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  "          image: 'ghcr.io/acme/shop:1.4.0' # the release",
  '',
].join('\r\n');

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  ports:\n  - port: 80\n';
const OLD = new Date('2020-01-01T00:00:00Z');

function git(args: string[], cwd: string): string {
  const result = spawnSync('git', ['-c', 'user.name=kset test', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

describe.skipIf(!available)('pre-commit hooks (.pre-commit-hooks.yaml, real pre-commit try-repo)', () => {
  let hooks: string;
  let rev: string;
  const home = emptyDir();

  beforeAll(() => {
    // A committed snapshot of this working tree: try-repo installs the hooks from a revision.
    hooks = emptyDir();
    const files = git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT).split('\0');
    for (const file of files.filter((f) => f && existsSync(path.join(ROOT, f)))) {
      mkdirSync(path.dirname(path.join(hooks, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(hooks, file));
    }
    git(['init', '-q'], hooks);
    git(['add', '-A'], hooks);
    git(['commit', '-q', '-m', 'snapshot'], hooks);
    rev = git(['rev-parse', 'HEAD'], hooks);
  });

  /** A git repository with the config and two manifests, all staged, dated 2020. */
  function target(): string {
    const dir = folderWith({ '.ksetrc.yaml': config, 'deploy/app.yaml': app, 'deploy/service.yaml': service });
    git(['init', '-q'], dir);
    git(['add', '-A'], dir);
    for (const file of ['deploy/app.yaml', 'deploy/service.yaml']) utimesSync(path.join(dir, file), OLD, OLD);
    return dir;
  }

  /** Runs a hook on every tracked file (asynchronously: the first run installs for a minute or more). */
  function tryRepo(hook: string, cwd: string): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn('pre-commit', ['try-repo', hooks, hook, '--ref', rev, '--all-files'], {
        cwd,
        env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
  }

  const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
  const mtime = (dir: string, file: string) => statSync(path.join(dir, file)).mtimeMs;

  it('kset-check fails with a diff and writes nothing; kset rewrites the file; then both pass', async () => {
    const dir = target();

    const check = await tryRepo('kset-check', dir);
    expect(check.code, check.output).toBe(1);
    expect(check.output).toContain("-          image: 'ghcr.io/acme/shop:1.4.0' # the release");
    expect(check.output).toContain("+          image: 'ghcr.io/acme/shop:1.5.0' # the release");
    expect(check.output).toContain('kset: would change deploy/app.yaml');
    expect(read(dir, 'deploy/app.yaml')).toBe(app);
    expect(mtime(dir, 'deploy/app.yaml')).toBe(OLD.getTime());

    const write = await tryRepo('kset', dir);
    expect(write.code, write.output).toBe(1); // pre-commit fails a hook that modified files
    expect(write.output).toContain('files were modified by this hook');
    expect(read(dir, 'deploy/app.yaml')).toBe(app.replace('shop:1.4.0', 'shop:1.5.0'));
    expect(read(dir, 'deploy/service.yaml')).toBe(service);
    expect(mtime(dir, 'deploy/service.yaml')).toBe(OLD.getTime());
    expect(read(dir, '.ksetrc.yaml')).toBe(config);

    git(['add', '-A'], dir);
    const again = await tryRepo('kset', dir);
    expect(again.code, again.output).toBe(0);
    const checked = await tryRepo('kset-check', dir);
    expect(checked.code, checked.output).toBe(0);
    expect(read(dir, 'deploy/app.yaml')).toBe(app.replace('shop:1.4.0', 'shop:1.5.0'));
  }, 600_000);
});
