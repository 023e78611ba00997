import { describe, expect, it } from 'vitest';
import type { Change } from '../results.js';
import { buildReport, formatReport } from './report.js';

const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };
const image: Change = {
  file: 'b.yaml',
  document: 3,
  resource: deployment,
  pointer: '/spec/template/spec/containers/0/image',
  old: 'nginx:1.0',
  new: 'nginx:1.1',
  origin: { label: 'images[0]', file: '.ksetrc.yaml', line: 2, textLine: 2 },
};

describe('buildReport', () => {
  const files = [
    { path: 'a.yaml', input: 'a: 1\n---\nb: 1\n', output: 'a: 1\n---\nb: 1\n', changed: false },
    { path: 'b.yaml', input: 'x\n---\ny\n', output: 'x\n---\nz\n', changed: true },
  ];

  it('counts documents per file, names the op, and keeps the origin without textLine', () => {
    const report = buildReport({ files, changes: [image], warnings: ['w'] });
    expect(report).toEqual({
      reportVersion: 1,
      files: [
        { path: 'a.yaml', changed: false, changes: 0 },
        { path: 'b.yaml', changed: true, changes: 1 },
      ],
      changes: [
        {
          file: 'b.yaml',
          document: 1,
          resource: deployment,
          pointer: '/spec/template/spec/containers/0/image',
          op: 'replace',
          old: 'nginx:1.0',
          new: 'nginx:1.1',
          origin: { label: 'images[0]', file: '.ksetrc.yaml', line: 2 },
        },
      ],
      warnings: ['w'],
    });
  });

  it.each([
    { pointer: '/spec/replicas', old: undefined, new: 3, op: 'add' },
    { pointer: '/spec/replicas', old: 3, new: undefined, op: 'remove' },
  ])('$op: only the side that exists', ({ pointer, old, new: now, op }) => {
    const change: Change = { ...image, pointer, old, new: now };
    if (old === undefined) delete change.old;
    if (now === undefined) delete change.new;
    const [reported] = buildReport({ files, changes: [change], warnings: [] }).changes;
    if (!reported) throw new Error('no change reported');
    expect(reported.op).toBe(op);
    expect(Object.keys(reported)).toEqual(['file', 'document', 'resource', 'pointer', 'op', old === undefined ? 'new' : 'old', 'origin']);
  });

  it.each([
    { pointer: '/data/password', old: 'b2xk', new: 'bmV3', masked: ['***', '***'] },
    { pointer: '/stringData', old: undefined, new: { a: 'x', b: 'y' }, masked: [undefined, { a: '***', b: '***' }] },
    { pointer: '/items/2/data/k', old: 'eA==', new: 'eQ==', masked: ['***', '***'] },
    { pointer: '', old: { kind: 'Secret', data: { k: 'eA==' } }, new: undefined, masked: [{ kind: 'Secret', data: { k: '***' } }, undefined] },
  ])('masks Secret values at $pointer', ({ pointer, old, new: now, masked }) => {
    const change: Change = { ...image, resource: { apiVersion: 'v1', kind: 'Secret', name: 's' }, pointer, old, new: now };
    const [reported] = buildReport({ files, changes: [change], warnings: [] }).changes;
    expect([reported?.old, reported?.new]).toEqual(masked);
    expect(reported?.masked).toBe(true);
  });

  it("leaves Secret metadata and other kinds' data alone", () => {
    const labels: Change = { ...image, resource: { kind: 'Secret', name: 's' }, pointer: '/metadata/labels/a', old: 'x', new: 'y' };
    const config: Change = { ...image, resource: { kind: 'ConfigMap', name: 'c' }, pointer: '/data/a', old: 'x', new: 'y' };
    const report = buildReport({ files, changes: [labels, config], warnings: [] });
    expect(report.changes.map((c) => [c.old, c.new, c.masked])).toEqual([
      ['x', 'y', undefined],
      ['x', 'y', undefined],
    ]);
  });

  it('formats as indented JSON with a final newline', () => {
    expect(formatReport(buildReport({ files: [], changes: [], warnings: [] }))).toBe(
      '{\n  "reportVersion": 1,\n  "files": [],\n  "changes": [],\n  "warnings": []\n}\n',
    );
  });
});
