/**
 * kubectl's `-c/--containers` pattern (pkg/cmd/set/helper.go selectString), shared by the `set` verbs
 * that pick containers: `*` is every name, a pattern without `*` is the name itself, and a pattern
 * with `*` goes through kubectl's own non-greedy matcher, quirks included: it compares an index found
 * in the rest of the name with a position in the whole name and checks the first part's position
 * before moving there, so "a*b*c" takes neither "abc" nor "axbxc" and "app*" takes "my-app".
 * Positions are in UTF-8 bytes, as in Go.
 */
export function containerMatches(name: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return name === pattern;
  const bytes = Buffer.from(name);
  const parts = pattern.split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = Buffer.from(parts[i]!);
    if (part.length === 0) continue;
    const next = bytes.subarray(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && bytes.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}
