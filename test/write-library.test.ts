import { execFile } from 'node:child_process';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KsetError, buildReport, diffFiles, loadConfig, readFiles, transform, writeFiles } from '../src/index.js';
import { ROOT, folderWith, kset } from './helpers.js';

const run = promisify(execFile);

const web = (image: string) => `# the storefront
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: "${image}" # bumped by the bot
`;
const worker = (image: string) => `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: shop}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: job
            image: ${image}
`;
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
const OLD = new Date('2020-01-01T00:00:00Z');

function manifests(): string {
  const dir = folderWith({
    'apps/web.yaml': web('ghcr.io/acme/shop:1.4.0'),
    'apps/jobs/nightly.yml': worker('ghcr.io/acme/shop:1.4.0'),
    'apps/service.yaml': service,
  });
  utimesSync(path.join(dir, 'apps/service.yaml'), OLD, OLD);
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('library write-back: readFiles, transform, writeFiles, buildReport', () => {
  it('rewrites the changed files and reports what the CLI reports', async () => {
    const dir = manifests();
    const config = { images: [{ name: 'ghcr.io/acme/shop', newTag: '1.5.0' }] };
    const result = await transform(await readFiles(['apps'], { cwd: dir }), config);
    expect(result.files.map((f) => [f.path, f.changed])).toEqual([
      ['apps/jobs/nightly.yml', true],
      ['apps/service.yaml', false],
      ['apps/web.yaml', true],
    ]);
    expect(diffFiles(result.files)).toContain('--- a/apps/web.yaml\n+++ b/apps/web.yaml\n');
    expect(await writeFiles(result, { cwd: dir })).toEqual(['apps/jobs/nightly.yml', 'apps/web.yaml']);
    expect(read(dir, 'apps/web.yaml')).toBe(web('ghcr.io/acme/shop:1.5.0'));
    expect(read(dir, 'apps/jobs/nightly.yml')).toBe(worker('ghcr.io/acme/shop:1.5.0'));
    expect(statSync(path.join(dir, 'apps/service.yaml')).mtimeMs).toBe(OLD.getTime());

    const report = buildReport(result);
    expect(report.changes.map((c) => [c.file, c.document, c.resource.kind, c.pointer, c.old, c.new, c.origin.label])).toEqual([
      [
        'apps/jobs/nightly.yml',
        0,
        'CronJob',
        '/spec/jobTemplate/spec/template/spec/containers/0/image',
        'ghcr.io/acme/shop:1.4.0',
        'ghcr.io/acme/shop:1.5.0',
        'images[0]',
      ],
      ['apps/web.yaml', 0, 'Deployment', '/spec/template/spec/containers/0/image', 'ghcr.io/acme/shop:1.4.0', 'ghcr.io/acme/shop:1.5.0', 'images[0]'],
    ]);
  });

  it('builds the same report as kset --report', async () => {
    const config = 'images:\n  - name: ghcr.io/acme/shop\n    newTag: "1.5.0"\n';
    const [forCli, forLibrary] = [manifests(), manifests()];
    for (const dir of [forCli, forLibrary]) writeFileSync(path.join(dir, 'kset.yaml'), config);
    const cli = await kset(['--write', '--report', '-', '-c', 'kset.yaml', 'apps'], { cwd: forCli });
    const loaded = await loadConfig({ configFile: 'kset.yaml', cwd: forLibrary });
    const result = await transform(await readFiles(['apps'], { cwd: forLibrary }), loaded);
    await writeFiles(result, { cwd: forLibrary });
    expect(buildReport(result)).toEqual(JSON.parse(cli.stdout));
    expect(buildReport(result).changes[0]?.origin).toEqual({ label: 'images[0]', file: 'kset.yaml', line: 2 });
  });

  it('refuses to write back stdin, and writes nothing when nothing changed', async () => {
    const result = await transform(web('ghcr.io/acme/shop:1.4.0'), { images: [{ name: 'ghcr.io/acme/shop', newTag: '2' }] });
    await expect(writeFiles(result)).rejects.toThrow(KsetError);
    await expect(writeFiles(result)).rejects.toThrow('cannot write back stdin');
    const unchanged = await transform(web('x:1'), {});
    expect(await writeFiles(unchanged)).toEqual([]);
  });
});

describe('examples/bump-image.mjs (a GitOps bot)', () => {
  const script = path.join(ROOT, 'examples/bump-image.mjs');

  it('bumps the image across the folder, writes the files and prints a commit message from the report', async () => {
    const dir = manifests();
    const { stdout } = await run(process.execPath, [script, dir, 'ghcr.io/acme/shop', '1.5.0']);
    expect(stdout).toBe(
      [
        'Bump ghcr.io/acme/shop to 1.5.0',
        '',
        '2 image references in 2 files:',
        '- apps/jobs/nightly.yml: CronJob shop/nightly /spec/jobTemplate/spec/template/spec/containers/0/image: ghcr.io/acme/shop:1.4.0 -> ghcr.io/acme/shop:1.5.0',
        '- apps/web.yaml: Deployment shop/web /spec/template/spec/containers/0/image: ghcr.io/acme/shop:1.4.0 -> ghcr.io/acme/shop:1.5.0',
        '',
      ].join('\n'),
    );
    expect(read(dir, 'apps/web.yaml')).toBe(web('ghcr.io/acme/shop:1.5.0'));
    expect(read(dir, 'apps/jobs/nightly.yml')).toBe(worker('ghcr.io/acme/shop:1.5.0'));
    expect(statSync(path.join(dir, 'apps/service.yaml')).mtimeMs).toBe(OLD.getTime());

    const again = await run(process.execPath, [script, dir, 'ghcr.io/acme/shop', '1.5.0']);
    expect(again.stdout).toBe('');
  });

  it("exits 2 with kset's message on a bad manifest, writing nothing", async () => {
    const dir = manifests();
    writeFileSync(path.join(dir, 'apps/broken.yaml'), 'kind: X\nmetadata: [\n');
    const failure = await run(process.execPath, [script, dir, 'ghcr.io/acme/shop', '1.5.0']).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/^kset: apps\/broken\.yaml:\d+:\d+: /);
    expect(read(dir, 'apps/web.yaml')).toBe(web('ghcr.io/acme/shop:1.4.0'));
  });
});
