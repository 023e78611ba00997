import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { KsetError } from '../errors.js';
import { InputDecoder, MAX_INPUT_BYTES, decodeInput, tooLarge } from './decode.js';
import type { Source } from '../types.js';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The files named by inputs (files, folders searched recursively, globs), in input order, each once. */
export async function resolveInputs(inputs: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const file of await manifestsIn(absolute)) add(path.join(input, file));
    } else if (info) {
      add(input);
    } else if (/[*?[\]{}]/.test(input)) {
      const { globby } = await import('globby'); // loaded only for globs: it costs start-up time
      const found = await globby(input, { cwd });
      if (!found.length) throw new KsetError(`no file matches ${input}`);
      for (const file of found.sort()) add(file);
    } else {
      throw new KsetError('no such file or folder', { file: input });
    }
  }
  return files;
}

/** The manifest files below a folder, recursively, in sorted path order; hidden entries are skipped. */
async function manifestsIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && MANIFEST_EXTENSIONS.includes(path.extname(e.name)))
    .map((e) => path.relative(folder, path.join(e.parentPath ?? e.path, e.name)))
    .filter((file) => !file.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
}

/** Reads the inputs as sources, in order; `-` is stdin. */
export async function readSources(inputs: string[], cwd: string, stdin: () => Promise<string>): Promise<Source[]> {
  const sources: Source[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      sources.push({ path: null, text: await stdin() });
      continue;
    }
    for (const file of await resolveInputs([input], cwd)) {
      if (seen.has(file)) continue;
      seen.add(file);
      sources.push({ path: file, text: await readText(path.resolve(cwd, file), file) });
    }
  }
  return sources;
}

/** A file's text, decoded and checked (src/read/decode.ts); a FIFO or device (`-f /dev/stdin`) is read in pieces up to the size limit. */
async function readText(absolute: string, shown: string): Promise<string> {
  try {
    const info = await stat(absolute);
    if (info.isFile()) {
      if (info.size > MAX_INPUT_BYTES) throw tooLarge(shown, MAX_INPUT_BYTES);
      return decodeInput(await readFile(absolute), shown);
    }
    const decoder = new InputDecoder(shown);
    const parts: string[] = [];
    for await (const chunk of createReadStream(absolute)) parts.push(decoder.push(chunk as Buffer));
    parts.push(decoder.end());
    return parts.join('');
  } catch (e) {
    if (e instanceof KsetError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new KsetError(code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (e as Error).message})`, {
      file: shown,
    });
  }
}
