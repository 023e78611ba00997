import type { FileResult } from './pipeline.js';
import { exactValues, parseDocument } from './read/document.js';
import { jsonText } from './render/json.js';
import { skipByteOrderMark, splitStream } from './read/split.js';
import { isList } from './pipeline.js';
import { isObject, type Json } from './types.js';

/** The outputs of several files as one stream: `---` between files, a final newline. */
export function joinStream(files: FileResult[]): string {
  let out = '';
  for (const file of files) {
    const text = file.output;
    if (!/\S/.test(text)) continue;
    if (out && !out.endsWith('\n')) out += '\n';
    if (out && !/^---(\s|$)/.test(text)) out += '---\n';
    out += text;
  }
  return out && !out.endsWith('\n') ? out + '\n' : out;
}

/**
 * Writes one source's output as it comes, in pieces, as joinStream writes it whole: nothing for an
 * output of only white space (held back until a piece with content comes), and a final newline.
 * What is pushed is written at each flush(), in one write.
 */
export class StreamWriter {
  /** Whether anything was written. */
  wrote = false;
  private parts: string[] = [];
  /** White space before the first content. */
  private held = '';
  private last = '';

  constructor(private readonly write: (text: string) => void) {}

  push(text: string): void {
    if (!text) return;
    if (!this.wrote && !/\S/.test(text)) {
      this.held += text;
      return;
    }
    if (!this.wrote) this.parts.push(this.held);
    this.parts.push(text);
    this.wrote = true;
    this.last = text;
  }

  /** Writes what was pushed since the last flush. */
  flush(): void {
    if (!this.parts.length) return;
    this.write(this.parts.join(''));
    this.parts = [];
  }

  end(): void {
    if (this.wrote && !this.last.endsWith('\n')) this.parts.push('\n');
    this.flush();
  }
}

/** The stream's resources as a kubectl `v1 List` in JSON (List documents contribute their items). */
export function toJsonList(stream: string): string {
  const items: Json[] = [];
  for (const whole of splitStream(stream)) {
    const { chunk, text } = skipByteOrderMark(whole, stream.slice(whole.start, whole.end));
    // integers beyond a double's stay exact (kubectl keeps int64s): read as bigints, written as their digits
    for (const value of exactValues(text, parseDocument({ file: null, index: 0, chunk, text }).values) as Json[]) {
      if (isObject(value) && isList(value)) items.push(...(value.items as Json[]));
      else if (value !== null) items.push(value);
    }
  }
  return jsonText({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, 4) + '\n';
}
