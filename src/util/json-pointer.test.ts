import { describe, expect, it } from 'vitest';
import { escapeSegment, pointerOf, unescapeSegment } from './json-pointer.js';

describe('json pointers', () => {
  it.each([
    ['a/b', 'a~1b'],
    ['~1', '~01'],
    ['example.com/x~y', 'example.com~1x~0y'],
  ])('%s escapes as %s and back', (key, segment) => {
    expect(escapeSegment(key)).toBe(segment);
    expect(unescapeSegment(segment)).toBe(key);
  });

  it('joins a path', () => {
    expect(pointerOf([])).toBe('');
    expect(pointerOf(['metadata', 'annotations', 'a/b', 0])).toBe('/metadata/annotations/a~1b/0');
  });
});
