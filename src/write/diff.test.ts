import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { transform } from '../api.js';
import { fileDiff, filesDiff } from './diff.js';
import { maskSecrets } from './mask.js';

/** The diff package as kset loads it (required, not imported, so that a spy on it is seen). */
const diffPackage = createRequire(import.meta.url)('diff') as typeof import('diff');

const file = (path: string | null, input: string, output: string) => ({ path, input, output, changed: input !== output });

describe('fileDiff', () => {
  it('is a unified diff with a/ and b/ names and 3 lines of context', () => {
    const input = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    expect(fileDiff(file('m/x.yaml', input, input.replace('e', 'E')))).toBe(
      '--- a/m/x.yaml\n+++ b/m/x.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n',
    );
  });

  it('is empty for an unchanged file', () => {
    expect(fileDiff(file('x.yaml', 'a: 1\n', 'a: 1\n'))).toBe('');
  });

  it('names stdin <stdin> and marks a missing final newline', () => {
    expect(fileDiff(file(null, 'a: 1', 'a: 2'))).toBe(
      '--- <stdin>\n+++ <stdin>\n@@ -1,1 +1,1 @@\n-a: 1\n\\ No newline at end of file\n+a: 2\n\\ No newline at end of file\n',
    );
  });

  it('colours with ANSI codes when asked, keeping a CR outside the colour', () => {
    const diff = fileDiff(file('x.yaml', 'a: 1\r\nb: 1\r\n', 'a: 1\r\nb: 2\r\n'), { color: true });
    expect(diff.split('\n')).toEqual([
      '\x1b[1m--- a/x.yaml\x1b[0m',
      '\x1b[1m+++ b/x.yaml\x1b[0m',
      '\x1b[36m@@ -1,2 +1,2 @@\x1b[0m',
      ' a: 1\r',
      '\x1b[31m-b: 1\x1b[0m\r',
      '\x1b[32m+b: 2\x1b[0m\r',
      '',
    ]);
  });

  it('masks Secret values', () => {
    const secret = (v: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  token: ${v}\n`;
    const diff = fileDiff(file('s.yaml', secret('c2VjcmV0MQ=='), secret('c2VjcmV0Mg==')));
    expect(diff).toContain('-  token: *** (before)\n+  token: *** (after)\n');
    expect(diff).not.toContain('c2VjcmV0');
  });
});

describe('filesDiff', () => {
  it('joins the diffs of the changed files in order', () => {
    const diff = filesDiff([file('b.yaml', 'x\n', 'y\n'), file('same.yaml', 'z\n', 'z\n'), file('a.yaml', 'x\n', 'y\n')]);
    expect(diff.match(/^--- .*$/gm)).toEqual(['--- a/b.yaml', '--- a/a.yaml']);
  });
});

/** The diff as kset made it before it compared document by document: the whole file at once. */
function wholeFileDiff(path: string, input: string, output: string): string {
  const { before, after } = maskSecrets(input, output);
  return diffPackage.createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: diffPackage.FILE_HEADERS_ONLY,
  });
}

const deployment = (i: number, extra = '') =>
  `# Source: chart/templates/web-${i}.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\n  labels: {app: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: acme/web:1.0   # pinned\n        env:\n        - name: A\n          value: "1"\n${extra}`;
const service = (i: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  ports:\n  - port: 80\n`;
const secret = (name: string, value: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ndata:\n  token: ${value}\n`;
const stream = (docs: string[]) => docs.join('---\n');
const many = stream(Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? service(i) : deployment(i))));

describe('fileDiff of a transform, document by document', () => {
  const image = { images: [{ name: 'acme/web', newName: 'registry.example.com/web', newTag: '2.0' }] };
  const addEnv = {
    patches: [
      {
        target: { kind: 'Deployment' },
        patch:
          'kind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        env:\n        - name: B\n          value: "2"\n        resources: {limits: {memory: 1Gi}}\n',
      },
    ],
  };
  const labelServices = {
    patches: [
      { target: { kind: 'Service' }, patch: '- op: add\n  path: /metadata/labels\n  value: {tier: backend}\n- op: remove\n  path: /spec/ports/0/port\n' },
    ],
  };
  const cases: [string, string, Record<string, unknown>][] = [
    ['an image in every Deployment', many, image],
    ['lines added to every Deployment', many, addEnv],
    ['JSON patches on every Service', many, labelServices],
    ['images and patches together', many, { ...image, patches: [...addEnv.patches, ...labelServices.patches] }],
    [
      'CRLF line ends, a leading ---, a trailing comment-only document',
      '---\r\n' + stream([deployment(1), service(2), deployment(3)]).replaceAll('\n', '\r\n') + '---\r\n# end\r\n',
      image,
    ],
    ['no final newline', stream([deployment(1), service(2), deployment(3)]).replace(/\n$/, ''), { ...image, patches: labelServices.patches }],
    [
      'changes in adjacent short documents',
      stream(Array.from({ length: 12 }, (_, i) => `kind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  image: acme/web:1.0\n`).concat(deployment(0))),
      image,
    ],
    [
      'Secrets changed and unchanged between changed documents',
      stream([deployment(1), secret('a', 'c2VjcmV0MQ=='), deployment(2), secret('b', 'b2xk'), service(3)]),
      { ...image, patches: [{ target: { kind: 'Secret', name: 'b' }, patch: '- op: replace\n  path: /data/token\n  value: bmV3\n' }] },
    ],
    [
      'a List',
      `apiVersion: v1\nkind: List\nitems:\n${[1, 2, 3]
        .map((i) =>
          deployment(i)
            .replace(/^#.*\n/, '')
            .replace(/^(?=.)/gm, '  ')
            .replace(/^ {2}/, '- '),
        )
        .join('')}`,
      image,
    ],
  ];

  it.each(cases)('%s: the diff a whole-file diff gives', async (_, input, config) => {
    const { files } = await transform([{ path: 'm.yaml', text: input }], config);
    expect(files[0]!.changed).toBe(true);
    expect(fileDiff(files[0]!)).toBe(wholeFileDiff('m.yaml', input, files[0]!.output));
  });

  it('asks the diff package to compare one changed document at a time, never the whole stream', async () => {
    const { files } = await transform([{ path: 'm.yaml', text: many }], image);
    const lineDiff = vi.spyOn(diffPackage.lineDiff, 'diff');
    try {
      fileDiff(files[0]!);
      expect(lineDiff).toHaveBeenCalledTimes(20);
      for (const [before] of lineDiff.mock.calls) expect(before.length).toBeLessThanOrEqual(deployment(29).length + 4);
    } finally {
      lineDiff.mockRestore();
    }
  });

  it('masks Secret values in the context lines of an unchanged Secret', async () => {
    const pod = 'kind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: acme/web:1.0\n';
    const input = stream([pod, 'data:\n  token: c2VjcmV0MQ==\napiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n']);
    const { files } = await transform([{ path: 'm.yaml', text: input }], image);
    const diff = fileDiff(files[0]!);
    expect(diff).toContain('\n   token: ***\n');
    expect(diff).not.toContain('c2VjcmV0');
  });

  it('a document deleted is removed whole, with its --- line', async () => {
    const input = stream([deployment(1), service(2), deployment(3)]);
    const { files } = await transform([{ path: 'm.yaml', text: input }], {
      patches: [{ patch: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-2\n$patch: delete\n' }],
    });
    const diff = fileDiff(files[0]!);
    expect(diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('--- a/'))).toEqual([
      '----',
      ...service(2)
        .trimEnd()
        .split('\n')
        .map((line) => '-' + line),
    ]);
    expect(diffPackage.applyPatch(input, diff)).toBe(files[0]!.output);
  });
});

describe('fileDiff on any two streams', () => {
  const LINES = ['kind: ConfigMap', 'metadata:', '  name: a', '  name: b', 'data:', '  x: "1"', '', '# note', '- item', '---', 'no newline'];
  /** Documents as lists of lines, each kept, edited, deleted, or followed by a new one. */
  const documents = fc.array(
    fc.record({
      lines: fc.array(fc.constantFrom(...LINES), { maxLength: 8 }),
      edit: fc.oneof(
        fc.constant({ kind: 'keep' as const }),
        fc.constant({ kind: 'delete' as const }),
        fc.record({ kind: fc.constant('lines' as const), at: fc.nat(8), remove: fc.nat(3), insert: fc.array(fc.constantFrom(...LINES), { maxLength: 3 }) }),
      ),
      added: fc.option(fc.array(fc.constantFrom(...LINES), { maxLength: 4 })),
    }),
    { minLength: 1, maxLength: 8 },
  );

  it('is a diff that turns the input into the output, with or without the documents aligned', () => {
    fc.assert(
      fc.property(documents, fc.boolean(), fc.boolean(), (docs, finalNewline, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const text = (lines: string[], i: number) => (i > 0 ? `---${eol}` : '') + lines.map((line) => line + eol).join('');
        let [input, output] = ['', ''];
        const documentEnds: { input: number; output: number }[] = [];
        docs.forEach((doc, i) => {
          input += text(doc.lines, i);
          const lines = [...doc.lines];
          if (doc.edit.kind === 'lines') lines.splice(doc.edit.at, doc.edit.remove, ...doc.edit.insert);
          if (doc.edit.kind !== 'delete') output += text(lines, i);
          if (doc.added) output += text(doc.added, 1);
          documentEnds.push({ input: input.length, output: output.length });
        });
        if (!finalNewline) {
          input = input.replace(/\r?\n$/, '');
          output = output.replace(/\r?\n$/, '');
          documentEnds[documentEnds.length - 1] = { input: input.length, output: output.length };
        }
        for (const file of [
          { path: 'm.yaml', input, output, changed: input !== output, documentEnds },
          { path: 'm.yaml', input, output, changed: input !== output },
        ]) {
          const diff = fileDiff(file);
          if (input === output) expect(diff).toBe('');
          else expect(diffPackage.applyPatch(input, diff)).toBe(output);
        }
      }),
      { numRuns: Number(process.env.KSET_PROPERTY_RUNS ?? 300), seed: 20261126 },
    );
  });
});
