import type { FileResult } from './pipeline.js';
import { parseDocument } from './read/document.js';
import { splitStream } from './read/split.js';
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

/** The stream's resources as a kubectl `v1 List` in JSON (List documents contribute their items). */
export function toJsonList(stream: string): string {
  const items: Json[] = [];
  for (const chunk of splitStream(stream)) {
    const text = stream.slice(chunk.start, chunk.end);
    for (const value of parseDocument({ file: null, index: 0, chunk, text }).values) {
      if (isObject(value) && isList(value)) items.push(...(value.items as Json[]));
      else if (value !== null) items.push(value);
    }
  }
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, null, 4) + '\n';
}
