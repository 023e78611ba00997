import { describe, expect, it } from 'vitest';
import { fileDiff, filesDiff } from './diff.js';

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
