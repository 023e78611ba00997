import { describe, expect, it } from 'vitest';
import { diffValues } from './diff-values.js';

describe('diffValues', () => {
  it.each([
    ['equal', { a: 1 }, { a: 1 }, []],
    ['scalar changed', { a: { b: 'x' } }, { a: { b: 'y' } }, [{ pointer: '/a/b', old: 'x', new: 'y' }]],
    [
      'key added and removed',
      { a: 1 },
      { b: 2 },
      [
        { pointer: '/a', old: 1 },
        { pointer: '/b', new: 2 },
      ],
    ],
    ['list item changed', { l: [1, 2] }, { l: [1, 3] }, [{ pointer: '/l/1', old: 2, new: 3 }]],
    ['list grew', { l: [1] }, { l: [1, 2] }, [{ pointer: '/l', old: [1], new: [1, 2] }]],
    ['escaped key', { 'a/b~': 1 }, { 'a/b~': 2 }, [{ pointer: '/a~1b~0', old: 1, new: 2 }]],
  ])('%s', (_name, before, after, expected) => {
    expect(diffValues(before, after)).toEqual(expected);
  });
});
