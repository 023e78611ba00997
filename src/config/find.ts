import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KsetError } from '../errors.js';
import { KUSTOMIZATION_NAMES, importCodeFile, parseDataFile, parsePackageJson, type ConfigFile } from './parse.js';
import { displayPath, isInside } from './paths.js';

/**
 * The files discovery looks for, in this order, in each folder from the current one upward
 * (cosmiconfig's order, then kset.yaml and .kset.yaml, the names people write by hand). Data formats
 * only: a config found by discovery never runs code.
 */
export const SEARCH_PLACES = [
  'package.json',
  '.ksetrc',
  '.ksetrc.json',
  '.ksetrc.yaml',
  '.ksetrc.yml',
  'kset.config.yaml',
  'kset.config.yml',
  'kset.config.json',
  'kset.yaml',
  'kset.yml',
  '.kset.yaml',
  '.kset.yml',
];

const CODE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

/**
 * The first config discovery finds from `cwd` upward (stopping at the home folder when `cwd` is
 * inside it), parsed; undefined when there is none.
 *
 * Discovery deliberately does not use cosmiconfig's explorer: creating one loads a cosmiconfig
 * "meta config" (`.config/config.js`…) from the process's folder and `$import`s other files, which
 * would run a pull request's code.
 */
export async function findConfig(cwd: string): Promise<ConfigFile | undefined> {
  for (const dir of searchDirs(cwd)) {
    for (const place of SEARCH_PLACES) {
      const absolute = path.join(dir, place);
      if (!isFile(absolute)) continue; // a cheap look first: most candidates are missing, and start-up time counts
      const text = await readIfFile(absolute);
      if (text === undefined) continue;
      const display = displayPath(absolute, cwd);
      const found = place === 'package.json' ? parsePackageJson(text, absolute, display) : parseDataFile(text, absolute, display);
      // As cosmiconfig: an empty file, or a package.json without `kset`, is passed over.
      if (found && found.value !== null && found.value !== undefined) return found;
    }
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // ENOTDIR, EACCES: no config there
  }
}

function* searchDirs(cwd: string): Generator<string> {
  const home = os.homedir();
  const stopAtHome = isInside(cwd, home) || cwd === home;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    yield dir;
    if ((stopAtHome && dir === home) || path.dirname(dir) === dir) return;
  }
}

async function readIfFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

/**
 * The config file `absolute` (`--config FILE`), parsed: a folder stands for its kustomization.yaml,
 * and a code-bearing file (.js, .mjs, .ts…) is imported, as only a file named so is.
 */
export async function readConfigFile(absolute: string, cwd: string): Promise<ConfigFile> {
  let display = displayPath(absolute, cwd);
  const stats = await stat(absolute).catch(() => undefined);
  if (!stats) throw new KsetError(`config file ${display} not found`, { file: display });
  if (stats.isDirectory()) {
    const found = await firstKustomization(absolute);
    if (!found) throw new KsetError(`${display} is a folder without a kustomization.yaml`, { file: display });
    absolute = found;
    display = displayPath(absolute, cwd);
  }
  if (CODE_EXTENSIONS.has(path.extname(absolute).toLowerCase())) return importCodeFile(absolute, display);

  const text = await readFile(absolute, 'utf8');
  if (path.basename(absolute) === 'package.json') {
    const found = parsePackageJson(text, absolute, display);
    if (!found) throw new KsetError(`${display} has no \`kset\` key`, { file: display });
    return found;
  }
  return parseDataFile(text, absolute, display);
}

async function firstKustomization(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_NAMES) {
    const file = path.join(dir, name);
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  }
  return undefined;
}
