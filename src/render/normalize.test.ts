import { describe, expect, it } from 'vitest';
import { normalizeChunk } from './normalize.js';

describe('normalizeChunk', () => {
  it('writes one canonical style and keeps comments', () => {
    const text = "---\n# Source: x\nmetadata: {name: a, labels: {x: 'y'}}\nspec:\n    containers:\n        -   name: a   # the a\n            args: [a, 'b']\n    volumes: []\n";
    expect(normalizeChunk(text)).toBe(
      '---\n# Source: x\nmetadata:\n  name: a\n  labels:\n    x: "y"\nspec:\n  containers:\n  - name: a # the a\n    args:\n    - a\n    - b\n  volumes: []\n',
    );
  });

  it('is idempotent and leaves comment-only documents alone', () => {
    const text = 'a:\n  - "on"\n  - |\n    block\n';
    expect(normalizeChunk(normalizeChunk(text))).toBe(normalizeChunk(text));
    expect(normalizeChunk('---\n# only a comment\n')).toBe('---\n# only a comment\n');
  });
});

describe('normalizeChunk: twice is once', () => {
  it.each([
    ['an empty block scalar before a comment', 'patches:\n  - patch: |-\n  # a comment\n'],
    ['a comment after the last item', 'l:\n  - x\n# c\n'],
    ['a lone CR in a comment', '# Source: a\rb.yaml\nkind: Pod\n'],
  ])('%s', (_name, text) => {
    const once = normalizeChunk(text);
    expect(normalizeChunk(once)).toBe(once);
  });
});
