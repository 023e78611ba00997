import { describe, expect, it } from 'vitest';
import { normalizeChunk } from './normalize.js';

describe('normalizeChunk', () => {
  it('writes one canonical style and keeps comments', () => {
    const text =
      "---\n# Source: x\nmetadata: {name: a, labels: {x: 'y'}}\nspec:\n    containers:\n        -   name: a   # the a\n            args: [a, 'b']\n    volumes: []\n";
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

describe('normalizeChunk: what YAML 1.1 would read otherwise', () => {
  it('escapes U+0085, U+2028 and U+2029, keys and block scalars included', () => {
    expect(normalizeChunk('"k\\u2028": "a\\Nb"\nl: |\n  x\u2029y\n')).toBe('"k\\u2028": "a\\u0085b"\nl: "x\\u2029y\\n"\n');
  });

  it('keeps the digits of integers beyond a double that kubectl keeps exactly', () => {
    expect(normalizeChunk('a: 9007199254740993\nb: 0x20000000000001\nc: [0x1F]\n')).toBe('a: 9007199254740993\nb: 9007199254740993\nc:\n- 31\n');
  });
});
