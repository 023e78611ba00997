import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

/**
 * The README's copy-paste examples, which the tests run as they are written. A code block after
 * `<!-- kset-test: files -->` holds files, each starting with a `# FOLDER/FILE` comment (a `---` followed
 * by no such line separates documents of one file);
 * after `<!-- kset-test: file PATH -->` the block is that file (executable when it starts with `#!`);
 * after `<!-- kset-test: run NAME -->` it is a shell command.
 */
export interface ReadmeExample {
  /** The files of the blocks before the command, in README order (a reader following along has them all). */
  files: Record<string, string>;
  command: string;
}

export function readmeExample(name: string): ReadmeExample {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const files: Record<string, string> = {};
  const marker = /<!-- kset-test: (files|file (\S+)|run (\S+)) -->\n+```\w*\n([\s\S]*?)\n```/g;
  for (const [, , file, run, body] of readme.matchAll(marker)) {
    if (run === name) return { files: { ...files }, command: body!.trim() };
    if (run !== undefined) continue;
    if (file !== undefined) {
      files[file] = body + '\n';
      continue;
    }
    let current: string | undefined;
    for (const part of body!.split(/^---\n/m)) {
      const named = /^# (\S+\/\S+)/.exec(part);
      if (named) current = named[1]!;
      else if (current === undefined) throw new Error(`README: a files block must start with "# FOLDER/FILE", not ${JSON.stringify(part.split('\n')[0])}`);
      files[current] = (named ? '' : files[current] + '---\n') + part.replace(/\n*$/, '\n');
    }
  }
  throw new Error(`README has no <!-- kset-test: run ${name} --> example`);
}

/** Writes the example's files under `dir`. */
export function writeExampleFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (text.startsWith('#!')) chmodSync(file, 0o755);
  }
}
