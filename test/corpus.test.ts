import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { isSeq, parseAllDocuments } from 'yaml';
import { findImages } from '../src/steps/list-images.js';
import { CORPUS, corpusFiles, changedLines, folderWith, kset } from './helpers.js';

const corpus = CORPUS;
const files = corpusFiles('corpus.test.ts');

describe.skipIf(!files.length)('real corpus (../shared/corpus/real)', () => {
  it.each(files)('%s: an empty config reproduces the file byte for byte', async (file) => {
    const text = readFileSync(path.join(corpus, file), 'utf8');
    const result = await kset([path.join(corpus, file)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(text);
  });

  it.each(files)('%s: --image changes exactly the lines holding that image, and a second run nothing', async (file) => {
    const text = readFileSync(path.join(corpus, file), 'utf8');
    const old = findImages([{ path: file, text }], [])[0]?.image;
    if (old === undefined) throw new Error(`${file}: no image`);
    const replacement = 'registry.example.com/x:9';
    const result = await kset(['--image', `${old.replace(/[:@].*$/, '')}=${replacement}`], { stdin: text });
    expect(result.code).toBe(0);
    const lines = changedLines(text, result.stdout);
    expect(lines.length).toBeGreaterThan(0);
    for (const [before, after] of lines) {
      expect(before).toContain(old.replace(/[:@].*$/, ''));
      expect(after).toBe(before.replace(old, replacement));
    }
    const again = await kset(['--image', `${old.replace(/[:@].*$/, '')}=${replacement}`], { stdin: result.stdout });
    expect(again.stdout).toBe(result.stdout);
  });
});

describe.skipIf(!files.length)('real corpus: a strategic patch on one container', () => {
  it.each(files)('%s: changes only lines inside that container, keeps comments, is idempotent', async (file) => {
    const text = readFileSync(path.join(corpus, file), 'utf8');
    const found = firstContainer(text);
    if (!found) return; // no workload in this file
    const {
      resource,
      container,
      lines: [first, last],
    } = found;
    const meta = resource.metadata;
    const patch = {
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      metadata: meta.namespace ? { name: meta.name, namespace: meta.namespace } : { name: meta.name },
      spec: { template: { spec: { containers: [{ name: container, resources: { requests: { memory: '123Mi' } } }] } } },
    };
    const dir = folderWith({ 'kset.yaml': `patches:\n- patch: '${JSON.stringify(patch)}'\n` });
    const result = await kset(['-c', 'kset.yaml'], { cwd: dir, stdin: text });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('memory: 123Mi');
    let line = 0;
    for (const part of diffLines(text, result.stdout)) {
      if (part.added || part.removed) {
        expect(line).toBeGreaterThanOrEqual(first);
        expect(line).toBeLessThanOrEqual(last);
      }
      if (!part.added) line += part.count ?? 0;
    }
    expect(commentLines(result.stdout)).toEqual(commentLines(text));
    const again = await kset(['-c', 'kset.yaml'], { cwd: dir, stdin: result.stdout });
    expect(again.stdout).toBe(result.stdout);
  });
});

/** The first workload's first container: the resource, the container's name and its 0-based line range. */
function firstContainer(text: string) {
  for (const doc of parseAllDocuments(text, { version: '1.1' })) {
    const value = doc.toJS();
    const containers = doc.getIn(['spec', 'template', 'spec', 'containers']);
    if (value?.kind && ['Deployment', 'DaemonSet', 'StatefulSet'].includes(value.kind) && isSeq(containers)) {
      const item = containers.items[0] as { range: [number, number, number] };
      const startLine = text.slice(0, item.range[0]).split('\n').length - 1;
      const endLine = text.slice(0, item.range[2]).split('\n').length - 1;
      return { resource: value, container: value.spec.template.spec.containers[0].name, lines: [startLine, endLine] as const };
    }
  }
  return undefined;
}

function commentLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*#/.test(line));
}
