/**
 * `list[i]`, for an index the caller knows is in range (parallel arrays, bounded loops). An index out of
 * range is a bug in kset, so it throws rather than letting `undefined` travel on as a value.
 */
export function at<T>(list: readonly T[], i: number): T {
  if (!Number.isInteger(i) || i < 0 || i >= list.length) throw new RangeError(`internal error: index ${i} out of range 0..${list.length - 1}`);
  return list[i] as T;
}
