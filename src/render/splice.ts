/** Replace text[start, end) with `text`. Edits never overlap; inserts at one offset keep their order. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /**
   * A scalar written in place of one on a single line, after its `key: ` or `- `: the value it must read as
   * there (what the verification after writing checks on that line alone).
   */
  scalar?: { after: 'key' | 'dash'; value: unknown };
}

/** Applies non-overlapping edits to `text`; inserted text takes the text's own line endings. */
export function splice(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  const crlf = text.includes('\r\n');
  const sorted = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let pos = 0;
  for (const edit of sorted) {
    if (edit.start < pos) throw new Error(`overlapping edits at ${edit.start}`);
    out += text.slice(pos, edit.start) + (crlf ? edit.text.replace(/\r?\n/g, '\r\n') : edit.text);
    pos = edit.end;
  }
  return out + text.slice(pos);
}
