import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, emptyDir, folderWith } from './helpers.js';

const KSET = path.join(ROOT, 'bin/kset');
const fixtures = path.join(ROOT, 'fixtures/helm-post-render');
const helm3Stdin = readFileSync(path.join(fixtures, 'helm3-stdin.yaml'), 'utf8');
const helm4Stdin = readFileSync(path.join(fixtures, 'helm4-stdin.yaml'), 'utf8');
const FILENAME = 'postrenderer.helm.sh/postrender-filename';

interface Run {
  cwd: string;
  env?: Record<string, string>;
}

/**
 * What Helm's post-render code does with the command: spawn it with the args, copy the manifests to
 * its stdin and close it, collect stdout and stderr, and fail on a non-zero exit, putting stderr in
 * the error (Helm 3 pkg/postrender execRender.Run; Helm 4 internal/plugin runPostrenderer runs the
 * plugin command the same way), or on an output with nothing but white space.
 */
function postRender(command: string, args: string[], manifests: string, { cwd, env = {} }: Run): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`error while running command ${command}. error output:\n${stderr}: exit status ${code}`));
      else if (!stdout.trim()) reject(new Error(`post-renderer ${JSON.stringify(command)} produced empty output`));
      else resolve(stdout);
    });
    child.stdin.on('error', () => undefined); // Helm ignores a failed copy (a command that exits early) too
    child.stdin.end(manifests);
  });
}

/** Helm 4's plugin loading for a postrenderer/v1 subprocess plugin: check plugin.yaml, pick and expand the command. */
function helm4Plugin(pluginDir: string, extraArgs: string[] = []): { command: string; args: string[]; env: Record<string, string> } {
  const metadata = parseYaml(readFileSync(path.join(pluginDir, 'plugin.yaml'), 'utf8'));
  // internal/plugin MetadataV1.Validate, and the type and runtime a post-renderer needs
  expect(metadata.apiVersion).toBe('v1');
  expect(metadata.name).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(metadata.version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/);
  expect(metadata.type).toBe('postrenderer/v1');
  expect(metadata.runtime).toBe('subprocess');
  // getPlatformCommand: an os+arch match, else an os match, else the first entry without os and arch
  const goos = process.platform === 'win32' ? 'windows' : process.platform;
  const commands: { os?: string; arch?: string; command: string; args?: string[] }[] = metadata.runtimeConfig.platformCommand;
  const chosen = commands.find((c) => c.os === goos && !c.arch) ?? commands.find((c) => !c.os && !c.arch);
  expect(chosen).toBeDefined();
  const env = { HELM_PLUGIN_NAME: metadata.name as string, HELM_PLUGIN_DIR: pluginDir };
  const expand = (text: string) => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => env[(a ?? b) as keyof typeof env] ?? '');
  const [main = '', ...rest] = chosen!.command.split(' ');
  return { command: expand(main), args: [...rest, ...(chosen!.args ?? [])].map(expand).concat(extraArgs), env };
}

/** The documents of a stream and the post-render filename annotation of each (what splitAndDeannotate reads). */
function filenames(stream: string): (string | undefined)[] {
  return parseAllDocuments(stream).map((doc) => (doc.toJS() as { metadata?: { annotations?: Record<string, string> } })?.metadata?.annotations?.[FILENAME]);
}

/** The text of the document holding `marker` (documents as split on --- lines). */
function documentWith(stream: string, marker: string): string {
  return stream.split(/^---$/m).find((doc) => doc.includes(marker))!;
}

const expectedHelm3 = helm3Stdin
  .replace('          image: busybox:1.36', '          image: registry.example.com/mirror/busybox:1.36')
  .replace('          image: "ghcr.io/acme/shop:1.4.0"\n', '          image: "ghcr.io/acme/shop:1.5.0"\n')
  .replace(
    '              containerPort: 8080\n',
    '              containerPort: 8080\n          resources:\n            requests:\n              memory: 128Mi\n',
  )
  .replace('  image: busybox:1.36\n', '  image: registry.example.com/mirror/busybox:1.36\n');

describe('Helm 3: kset as the --post-renderer executable', () => {
  it('transforms the stream with the config found in the working folder, every other byte kept', async () => {
    const output = await postRender(KSET, [], helm3Stdin, { cwd: fixtures });
    expect(output).toBe(expectedHelm3);
    expect(documentWith(output, 'kind: CustomResourceDefinition')).toBe(documentWith(helm3Stdin, 'kind: CustomResourceDefinition'));
    expect(output.match(/^# Source: .*$/gm)).toEqual(helm3Stdin.match(/^# Source: .*$/gm));
  });

  it('takes the config from --post-renderer-args', async () => {
    const args = ['-c', path.join(fixtures, '.ksetrc.yaml')]; // --post-renderer-args -c --post-renderer-args FILE
    expect(await postRender(KSET, args, helm3Stdin, { cwd: emptyDir() })).toBe(expectedHelm3);
  });

  it("fails the release with kset's message on stderr when the config is wrong", async () => {
    const cwd = folderWith({ '.ksetrc.yaml': 'images:\n  - name: busybox\n    newTag: 1.20\n' });
    const error = await postRender(KSET, [], helm3Stdin, { cwd }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^error while running command .*bin\/kset\. error output:\nkset: \.ksetrc\.yaml:3:\d+: .*quote/);
    expect((error as Error).message).toMatch(/: exit status 2$/);
    expect((error as Error).message).not.toMatch(/\n\s+at /);
  });

  it('never answers with an empty stream: deleting every document is an error', async () => {
    const cwd = folderWith({ 'delete.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: only\n$patch: delete\n' });
    const error = await postRender(KSET, ['--patch', 'delete.yaml'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: only\n', { cwd }).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toMatch(/error output:\nkset: every document was deleted/);
  });
});

describe('Helm 4: the postrenderer/v1 plugin (plugin.yaml)', () => {
  it("is a valid subprocess post-renderer plugin whose version is kset's", () => {
    const metadata = parseYaml(readFileSync(path.join(ROOT, 'plugin.yaml'), 'utf8'));
    expect(metadata.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(helm4Plugin(ROOT).command).toBe(path.join(ROOT, 'scripts/helm-post-renderer.sh'));
  });

  it('transforms hooks, templates and custom resources, keeps every postrender-filename annotation and the CRD', async () => {
    const { command, args, env } = helm4Plugin(ROOT);
    const output = await postRender(command, args, helm4Stdin, { cwd: fixtures, env });
    const names = filenames(helm4Stdin);
    expect(names.every((name) => typeof name === 'string')).toBe(true);
    expect(filenames(output)).toEqual(names);
    expect(output.match(/^ {4}postrenderer\.helm\.sh\/postrender-filename: '.*'$/gm)).toEqual(
      helm4Stdin.match(/^ {4}postrenderer\.helm\.sh\/postrender-filename: '.*'$/gm),
    );
    expect(documentWith(output, 'kind: CustomResourceDefinition')).toBe(documentWith(helm4Stdin, 'kind: CustomResourceDefinition'));
    expect(documentWith(output, 'helm.sh/hook: pre-install')).toContain('image: "ghcr.io/acme/shop:1.5.0" # same image, runs the migrations');
    expect(documentWith(output, 'helm.sh/hook: test')).toContain('image: registry.example.com/mirror/busybox:1.36');
    expect(documentWith(output, 'name: shop-widget')).toContain('image: registry.example.com/mirror/busybox:1.36');
    expect(documentWith(output, 'kind: Deployment')).toContain('        resources:\n          requests:\n            memory: 128Mi\n');
    expect(documentWith(output, 'kind: ConfigMap')).toBe(documentWith(helm4Stdin, 'kind: ConfigMap'));
  });

  it('passes --post-renderer-args to kset', async () => {
    const { command, args, env } = helm4Plugin(ROOT, ['-c', path.join(fixtures, '.ksetrc.yaml')]);
    const fromArgs = await postRender(command, args, helm4Stdin, { cwd: emptyDir(), env });
    const plugin = helm4Plugin(ROOT);
    expect(fromArgs).toBe(await postRender(plugin.command, plugin.args, helm4Stdin, { cwd: fixtures, env: plugin.env }));
  });

  it('keeps the annotation even when a patch replaces the annotations', async () => {
    const cwd = folderWith({
      '.ksetrc.yaml':
        'patches:\n  - target: {kind: ConfigMap}\n    patch: |-\n      - op: replace\n        path: /metadata/annotations\n        value: {team: shop}\n',
    });
    const { command, args, env } = helm4Plugin(ROOT);
    const output = await postRender(command, args, helm4Stdin, { cwd, env });
    expect(filenames(output)).toEqual(filenames(helm4Stdin));
    expect(documentWith(output, 'kind: ConfigMap')).toContain('    team: shop\n');
  });

  it('runs kset from PATH when the plugin folder is not built, and says what to do when there is none', async () => {
    const plugin = emptyDir();
    mkdirSync(path.join(plugin, 'scripts'));
    writeFileSync(path.join(plugin, 'plugin.yaml'), readFileSync(path.join(ROOT, 'plugin.yaml')));
    writeFileSync(path.join(plugin, 'scripts/helm-post-renderer.sh'), readFileSync(path.join(ROOT, 'scripts/helm-post-renderer.sh')));
    chmodSync(path.join(plugin, 'scripts/helm-post-renderer.sh'), 0o755);
    const bin = emptyDir();
    writeFileSync(path.join(bin, 'kset'), `#!/bin/sh\nexec "${process.execPath}" "${KSET}" "$@"\n`);
    chmodSync(path.join(bin, 'kset'), 0o755);
    const { command, args, env } = helm4Plugin(plugin);
    const output = await postRender(command, args, helm4Stdin, { cwd: fixtures, env: { ...env, PATH: `${bin}:/usr/bin:/bin` } });
    expect(filenames(output)).toEqual(filenames(helm4Stdin));
    expect(output).toContain('ghcr.io/acme/shop:1.5.0');
    const error = await postRender(command, args, helm4Stdin, { cwd: fixtures, env: { ...env, PATH: '/usr/bin:/bin' } }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(
      /kset: the Helm plugin in .* is not built: run npm ci there, or put kset on PATH \(README: Install\)\n: exit status 2$/,
    );
  });
});
