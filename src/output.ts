import type { FileResult } from './pipeline.js';
import { KsetError } from './errors.js';
import { exactValues, parseDocument, positioned, type ManifestDocument } from './read/document.js';
import { jsonText } from './render/json.js';
import { skipByteOrderMark, splitStream } from './yaml/split.js';
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

/**
 * The files' resources as a kubectl `v1 List` in JSON (List documents contribute their items). Empty and
 * null documents are skipped, as kubectl skips them; a document (or List item) that is a scalar or a list
 * cannot be a resource: kubectl refuses it, and so does kset, at its place in the input.
 */
export function toJsonList(files: FileResult[]): string {
  const items: Json[] = [];
  for (const file of files) {
    for (const value of documentValues(file.path, file.output)) {
      if (value === null) continue;
      const resources = isObject(value) && isList(value) ? (value.items as Json[]) : [value];
      if (resources.some((item) => item !== null && !isObject(item))) throw notAnObject(file);
      items.push(...resources);
    }
  }
  return jsonText({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, 4) + '\n';
}

/** The documents' values; integers beyond a double's stay exact (kubectl keeps int64s): read as bigints, written as their digits. */
function* documentValues(file: string | null, stream: string): Generator<Json> {
  for (const document of documents(file, stream)) yield* exactValues(document.text, parseDocument(document).values) as Json[];
}

function* documents(file: string | null, stream: string): Generator<ManifestDocument> {
  let index = 0;
  for (const whole of splitStream(stream)) {
    const { chunk, text } = skipByteOrderMark(whole, stream.slice(whole.start, whole.end));
    yield { file, index: index++, chunk, text };
  }
}

/**
 * The error for the file's first document that is not an object, found in its input: steps leave such
 * documents as they are, so the output's first one is the input's first one, and the input holds its place.
 */
function notAnObject(file: FileResult): KsetError {
  for (const document of documents(file.path, file.input)) {
    const { roots, values } = parseDocument(document);
    for (const [i, value] of values.entries()) {
      const offset = roots[i]?.range[0] ?? 0;
      if (value !== null && !isObject(value))
        return positioned(document, `-o json takes objects (Kubernetes resources), and this document is ${kindOf(value)}`, offset);
      const bad = isObject(value) && isList(value) ? (value.items as Json[]).findIndex((item) => item !== null && !isObject(item)) : -1;
      if (bad >= 0)
        return positioned(
          document,
          `-o json takes objects (Kubernetes resources), and item ${bad} of this List is ${kindOf((value as { items: Json[] }).items[bad]!)}`,
          offset,
        );
    }
  }
  return new KsetError('-o json takes objects (Kubernetes resources), and a document is not one', { file: file.path ?? '<stdin>' });
}

function kindOf(value: Json): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
