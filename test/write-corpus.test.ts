import { copyFileSync, readFileSync, statSync, utimesSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { transform } from '../src/api.js';
import { splitImage } from '../src/transform/image-ref.js';
import { findImages } from '../src/steps/list-images.js';
import { fileDiff } from '../src/write/diff.js';
import { maskSecrets } from '../src/write/mask.js';
import { CORPUS, corpusFiles, changedLines, emptyDir, kset } from './helpers.js';

const corpus = CORPUS;
const files = corpusFiles('write-corpus.test.ts');
const OLD = new Date('2020-01-01T00:00:00Z');

/** The image references of a file, grouped by image name (what a kustomize `images:` name matches). */
function imagesByName(file: string, text: string): Map<string, { refs: Set<string>; uses: number }> {
  const byName = new Map<string, { refs: Set<string>; uses: number }>();
  for (const use of findImages([{ path: file, text }], [])) {
    const name = splitImage(use.image).name;
    const entry = byName.get(name) ?? { refs: new Set(), uses: 0 };
    entry.refs.add(use.image);
    entry.uses++;
    byName.set(name, entry);
  }
  return byName;
}

describe.skipIf(!files.length)('kset --write on the real corpus (copied to a temp folder)', () => {
  it.each(files)(
    '%s: for each image, --write changes exactly the lines holding it; a second run writes nothing; --check passes',
    async (file) => {
      const original = readFileSync(path.join(corpus, file), 'utf8');
      const images = imagesByName(file, original);
      expect(images.size).toBeGreaterThan(0);
      for (const [name, { refs, uses }] of images) {
        const dir = emptyDir();
        const target = path.join(dir, file);
        copyFileSync(path.join(corpus, file), target);
        chmodSync(target, 0o644);
        const replacement = `registry.example.com/kset-test/${name.split('/').pop()}:9.9.9`;
        const args = ['--write', '--image', `${name}=${replacement}`, file];

        const first = await kset(args, { cwd: dir });
        expect(first, name).toEqual({ code: 0, stdout: '', stderr: `kset: wrote ${file}\n` });
        const written = readFileSync(target, 'utf8');
        const lines = changedLines(original, written);
        expect(lines.length, name).toBe(uses);
        for (const [before, after] of lines) {
          const ref = [...refs].find((r) => before.includes(r));
          expect(ref, `${name}: ${before}`).toBeDefined();
          expect(after).toBe(before.replace(ref!, replacement));
        }

        utimesSync(target, OLD, OLD);
        expect(await kset(args, { cwd: dir }), name).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(statSync(target).mtimeMs).toBe(OLD.getTime());
        expect(readFileSync(target, 'utf8')).toBe(written);
        expect(await kset(['--check', '--image', `${name}=${replacement}`, file], { cwd: dir }), name).toEqual({ code: 0, stdout: '', stderr: '' });
      }
    },
    180_000,
  ); // three runs per image over files of up to 3 MB
});

describe.skipIf(!files.length)('kset --diff on the real corpus', () => {
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = createRequire(import.meta.url)('diff') as typeof import('diff');

  it.each(files)(
    '%s, every image bumped: the diff a whole-file diff gives',
    async (file) => {
      const text = readFileSync(path.join(corpus, file), 'utf8');
      const images = [...imagesByName(file, text).keys()].map((name) => ({ name, newTag: '9.9.9' }));
      const {
        files: [result],
      } = await transform([{ path: file, text }], { images });
      expect(result!.changed).toBe(true);
      // what kset printed before it compared document by document
      const { before, after } = maskSecrets(result!.input, result!.output);
      const whole = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
      expect(fileDiff(result!)).toBe(whole);
    },
    60_000,
  );
});
