import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImages } from '../src/steps/list-images.js';
import { SHARED, changedLines, kset } from './helpers.js';

const corpus = path.join(SHARED, 'corpus/real');
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.yaml')) : [];

describe.skipIf(!files.length)('real corpus (../shared/corpus/real)', () => {
  it.each(files)('%s: an empty config reproduces the file byte for byte', async (file) => {
    const text = readFileSync(path.join(corpus, file), 'utf8');
    const result = await kset([path.join(corpus, file)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(text);
  });

  it.each(files)('%s: --image changes exactly the lines holding that image, and a second run nothing', async (file) => {
    const text = readFileSync(path.join(corpus, file), 'utf8');
    const old = findImages([{ path: file, text }], [])[0].image;
    const replacement = 'registry.example.com/x:9';
    const result = await kset(['--image', `${old.replace(/[:@].*$/, '')}=${replacement}`], { stdin: text });
    expect(result.code).toBe(0);
    const lines = changedLines(text, result.stdout);
    expect(lines.length).toBeGreaterThan(0);
    for (const [before, after] of lines) {
      expect(before).toContain(old.replace(/[:@].*$/, ''));
      expect(after).toBe(before.replace(old, replacement));
    }
    const again = await kset(['--image', `${old.replace(/[:@].*$/, '')}=${replacement}`], { stdin: result.stdout });
    expect(again.stdout).toBe(result.stdout);
  });
});
