/**
 * kubectl's `--containers` pattern (`selectString` in kubectl's pkg/cmd/set/helper.go), with its quirks
 * kept, because `kubectl set env -c` and `kubectl set resources -c` select containers through it:
 * `*` alone matches every name, a pattern without `*` matches itself; otherwise each part between stars
 * is found at its first occurrence (no backtracking) and the position checks compare offsets relative
 * to the last match with absolute ones. So `pro*` also matches `xproxy` (the first part need not start
 * the name) and `a*p` does not match `app` (the last part is looked for at its first occurrence, which
 * must end the name). Offsets count UTF-8 bytes, as Go's strings do.
 */
export function matchesContainerPattern(name: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return name === pattern;
  // Go indexes strings by byte: latin1 of the UTF-8 bytes gives one JS character per byte
  const s = Buffer.from(name, 'utf8').toString('latin1');
  const parts = Buffer.from(pattern, 'utf8').toString('latin1').split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.length === 0) continue;
    const next = indexFrom(s, part, pos);
    // kubectl's checks, in its order: `next < pos` compares a relative offset with an absolute one;
    // `i == 0 && pos != 0` never holds (pos is 0 at the first part)
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}

/** Go's `strings.Index(s[pos:], part)`: the offset relative to `pos`, or -1. */
function indexFrom(s: string, part: string, pos: number): number {
  const at = s.indexOf(part, pos);
  return at < 0 ? -1 : at - pos;
}
