// RFC 6901 JSON pointers: `/spec/containers/0/image`, with `~0` for `~` and `~1` for `/` in a key.

export function escapeSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer of a path of keys and indices (`''` for the root). */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((key) => '/' + escapeSegment(String(key))).join('');
}
