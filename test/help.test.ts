import { describe, expect, it } from 'vitest';
import { kset } from './helpers.js';

// Each command prints its own help, listing its own flags; `kset set --help` lists the set verbs.

describe('help', () => {
  it('kset --help lists the commands and the main flags', async () => {
    const { code, stdout } = await kset(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^kset \d+\.\d+\.\d+: transform rendered Kubernetes manifests offline/);
    for (const text of ['kset set image SELECTION', 'kset patch SELECTION', 'kset images', 'kset fn', '--image NAME', '--strict', '--write']) {
      expect(stdout).toContain(text);
    }
  });

  const own: [string[], string, string[], string[]][] = [
    // command, title, flags it lists, flags of other commands it does not
    [
      ['set', 'image'],
      'kset set image: kubectl set image',
      ['--selector', '--all', '--namespace', '--write', '--local'],
      ['--patch-file', '--image NAME', '--strict'],
    ],
    [
      ['set', 'env'],
      'kset set env: kubectl set env',
      ['--containers PATTERN', '--from configmap/NAME', '--keys', '--prefix', '--list', '--resolve', '--overwrite=false', '--selector', '--write'],
      ['--patch-file', '--image NAME', '--strict'],
    ],
    [
      ['patch'],
      'kset patch: kubectl patch --local',
      ['-p, --patch PATCH', '--patch-file FILE', '--type TYPE', '--selector', '--write'],
      ['--image NAME', '--strict'],
    ],
    [['images'], 'kset images: list every image reference', ['-o, --output table|json', '--config'], ['--write', '--patch', '--selector']],
    [['fn'], 'kset fn: kset as a KRM function', ['functionConfig', 'image-policy', '-h, --help'], ['--write', '--selector', '--image NAME']],
  ];
  it.each(own)('kset %j --help prints its own help', async (words, title, listed, absent) => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout } = await kset([...words, flag]);
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toContain(title);
      for (const text of listed) expect(stdout).toContain(text);
      for (const text of absent) expect(stdout).not.toContain(text);
    }
  });

  it('kset set --help lists the set verbs, each with its help', async () => {
    const { code, stdout } = await kset(['set', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('kset set image SELECTION CONTAINER=IMAGE...');
    expect(stdout).toContain('kset set image --help');
    expect(stdout).toContain('kset set env SELECTION');
    expect(stdout).toContain('kset set env --help');
    expect(stdout).not.toContain('kset patch');
    expect((await kset(['set'])).stdout).toBe(stdout);
  });

  it('an unknown set verb names the ones kset has', async () => {
    const { code, stdout, stderr } = await kset(['set', 'imag', 'deploy/web', 'a=b']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^kset: unknown command "set imag": kset has "set image".* \(see kset set --help\)\n$/);
  });

  it("a verb's usage error points to the verb's help", async () => {
    const { code, stderr } = await kset(['patch', 'deploy/web', '--type', 'nope', '-p', '{}'], { stdin: '' });
    expect(code).toBe(2);
    expect(stderr).toBe('kset: --type must be strategic, merge or json, not "nope" (see kset patch --help)\n');
  });

  it('kset images refuses an output format it does not write', async () => {
    const { code, stderr } = await kset(['images', '-o', 'yaml'], { stdin: 'a: 1\n' });
    expect(code).toBe(2);
    expect(stderr).toBe('kset: --output must be table or json, not "yaml" (see kset images --help)\n');
  });
});
