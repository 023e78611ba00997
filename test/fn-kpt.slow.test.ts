import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, emptyDir } from './helpers.js';
import { readmeExample, writeExampleFiles } from './readme-examples.js';

// The README's kpt and kustomize examples, run as written with bin/kset first on PATH (slow: each
// spawns kpt, which spawns kset). kpt 1.0.0-beta is on these machines; where it is missing the kpt
// tests are skipped. kustomize (with --enable-exec; kubectl kustomize has no such flag) runs where it
// is installed; elsewhere the example's script is handed the ResourceList kustomize would send.

const has = (command: string) => spawnSync(command, ['version'], { encoding: 'utf8' }).status === 0;
const kpt = has('kpt');
const kustomize = has('kustomize');
if (!kustomize) console.warn('fn-kpt.slow.test.ts: the real kustomize run is skipped, kustomize is not installed (kubectl kustomize has no --enable-exec)');
if (!kpt) console.warn('fn-kpt.slow.test.ts: kpt tests skipped, kpt is not installed (the kpt 1.0.0-beta binary, /usr/bin/kpt on these machines)');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a README command with `sh -c` in `cwd`, bin/kset first on PATH. */
function sh(command: string, cwd: string, stdin = ''): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PATH: `${path.join(ROOT, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` };
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A fresh folder holding the files the README shows before the example `name`, and its command. */
function workspace(name: string): { dir: string; command: string; files: Record<string, string> } {
  const { files, command } = readmeExample(name);
  const dir = emptyDir();
  writeExampleFiles(dir, files);
  return { dir, command, files };
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe.skipIf(!kpt)('kset fn under kpt (slow: spawns kpt and kset)', () => {
  it('README: kpt fn eval --exec "kset fn" DIR -- image-policy=… image=…', async () => {
    const { dir, command, files } = workspace('kpt-eval');
    const ran = await sh(command, dir);
    expect(ran.code, ran.stderr).toBe(0);
    // kpt writes the file back itself: with its comments, the marked values and the nginx image changed
    expect(read(dir, 'deploy/app.yaml')).toBe(
      files['deploy/app.yaml']!.replace('ghcr.io/acme/app:1.0.0 #', 'ghcr.io/acme/app:1.2.0 #')
        .replace('image: nginx:1.25', 'image: nginx:1.27')
        .replace('tag: 1.0.0 #', 'tag: 1.2.0 #'),
    );
  });

  it('README: a Kptfile pipeline run by kpt fn render --allow-exec', async () => {
    const { dir, command, files } = workspace('kpt-render');
    const ran = await sh(command, dir);
    expect(ran.code, ran.stderr).toBe(0);
    const [deployment, release] = parseAllDocuments(read(dir, 'deploy/app.yaml')).map((doc) => doc.toJS());
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers[0].image).toBe('ghcr.io/acme/app:1.2.0');
    expect(release.spec.values.image.tag).toBe('1.2.0');
    expect(read(dir, 'deploy/app.yaml')).toContain('image: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "flux-system:app"}');
    expect(parse(read(dir, 'deploy/kset.yaml'))).toEqual(parse(files['deploy/kset.yaml']!));
  });

  it('kpt shows an error result and fails the run; the files stay', async () => {
    const { dir, files } = workspace('kpt-eval');
    const ran = await sh(`kpt fn eval --exec "kset fn" deploy/ -- image-policy=flux-system:app=ghcr.io/acme/app`, dir);
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toContain('[error]: functionConfig: data.image-policy: --image-policy flux-system:app=ghcr.io/acme/app: "ghcr.io/acme/app" has no tag');
    expect(read(dir, 'deploy/app.yaml')).toBe(files['deploy/app.yaml']);
  });

  it('kpt shows warnings with the resource they are about', async () => {
    const { dir } = workspace('kpt-eval');
    const ran = await sh(`kpt fn eval --exec "kset fn" deploy/ -- image-policy=flux-system:app=ghcr.io/acme/app:1.2.0`, dir);
    expect(ran.code, ran.stderr).toBe(0);
    const bad = await sh(
      `sed -i 's/flux-system:app:tag/flux-system:app:version/' deploy/app.yaml && kpt fn eval --exec "kset fn" deploy/ -- image-policy=flux-system:app=ghcr.io/acme/app:1.3.0`,
      dir,
    );
    expect(bad.code, bad.stderr).toBe(0);
    expect(bad.stderr).toMatch(/\[warning\] helm\.toolkit\.fluxcd\.io\/v2\/HelmRelease\/worker: malformed \$imagepolicy marker: unknown field "version"/);
  });
});

describe("kset fn under kustomize (slow: spawns the example's script)", () => {
  it.skipIf(!kustomize)('README: kustomize build --enable-alpha-plugins --enable-exec', async () => {
    const { dir, command } = workspace('kustomize');
    const ran = await sh(command, dir);
    expect(ran.code, ran.stderr).toBe(0);
    const [deployment] = parseAllDocuments(ran.stdout).map((doc) => doc.toJS());
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    expect(deployment.spec.template.spec.containers[0]).toEqual({ name: 'app', image: 'ghcr.io/acme/app:1.2.0' });
  });

  it('README: the exec script, handed the ResourceList kustomize sends', async () => {
    const { dir, files } = workspace('kustomize');
    // kustomize's fnplugin: the resources (comments dropped) with their id annotations as items, the
    // transformer's config (marked local-config) as functionConfig; the script runs in the kustomization's folder
    const config = parse(files['overlay/kset.yaml']!);
    config.metadata.annotations['config.kubernetes.io/local-config'] = 'true';
    const item = parse(files['overlay/app.yaml']!);
    item.metadata.annotations = { 'config.k8s.io/id': '1', 'internal.config.kubernetes.io/annotations-migration-resource-id': '0' };
    const input = JSON.stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items: [item], functionConfig: config });
    const ran = await sh('./kset-fn.sh', path.join(dir, 'overlay'), input);
    expect(ran.code, ran.stderr).toBe(0);
    const output = parse(ran.stdout);
    expect(output.results).toBeUndefined();
    expect(output.items).toEqual([
      {
        ...item,
        spec: { strategy: { type: 'Recreate' }, template: { spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.2.0' }] } } },
      },
    ]);
  });
});
