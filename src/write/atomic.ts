import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, open, readFile, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { KsetError } from '../errors.js';

/** One file to replace: where, its new text, and (optionally) the text it must still hold. */
export interface Replacement {
  /** The file as the user named it (shown in errors); resolved against `cwd`. */
  path: string;
  text: string;
  /** When given, the file must still hold exactly this text, or nothing is written. */
  expected?: string;
  /** A missing file is created (with the default mode) instead of being an error. */
  create?: boolean;
}

interface Staged {
  shown: string;
  /** The real file (a symlink's target). */
  target: string;
  temp: string;
}

/**
 * Replaces files atomically, all or nothing as far as a file system allows: every new text is first
 * written to a temp file beside its target (same folder, so the rename stays on one file system) and
 * synced; only when all are staged are they renamed over their targets, one rename each. A reader,
 * or a kill at any moment, sees each file wholly old or wholly new. Symlinks are followed (the link
 * stays a link, its target gets the text); mode (and owner, when run as root) are kept. A file
 * without any write permission bit is refused, even for root: read-only is the user's word.
 */
export async function replaceFiles(replacements: Replacement[], cwd: string): Promise<void> {
  const staged: Staged[] = [];
  try {
    for (const replacement of replacements) staged.push(await stage(replacement, cwd));
  } catch (e) {
    await Promise.all(staged.map((s) => unlink(s.temp).catch(() => undefined)));
    throw e;
  }
  for (const [i, s] of staged.entries()) {
    try {
      await rename(s.temp, s.target);
    } catch (e) {
      await Promise.all(staged.slice(i).map((rest) => unlink(rest.temp).catch(() => undefined)));
      const written = staged.slice(0, i).map((done) => done.shown);
      throw ioError(e, s.shown, 'cannot replace', written.length ? `already written: ${written.join(', ')}` : 'nothing was written');
    }
  }
  await Promise.all([...new Set(staged.map((s) => path.dirname(s.target)))].map(syncFolder));
}

/** Writes `text` to a temp file beside the target, with the target's mode, synced to disk. */
async function stage({ path: shown, text, expected, create }: Replacement, cwd: string): Promise<Staged> {
  const absolute = path.resolve(cwd, shown);
  const target = await realpath(absolute).catch((e) => {
    if (create && (e as NodeJS.ErrnoException).code === 'ENOENT') return absolute;
    throw ioError(e, shown, 'cannot write');
  });
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isFile()) throw new KsetError('not a regular file: nothing was written', { file: shown });
  if (info && ((info.mode & 0o222) === 0 || !(await writable(target)))) {
    throw new KsetError('read-only file: nothing was written', { file: shown });
  }
  if (expected !== undefined && (await readFile(target, 'utf8')) !== expected) {
    throw new KsetError('file changed since kset read it: nothing was written', { file: shown });
  }
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.kset-tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'wx', info ? 0o600 : 0o666);
  } catch (e) {
    throw ioError(e, shown, `cannot write a temp file in ${path.relative(cwd, folder) || '.'}`);
  }
  try {
    await handle.writeFile(text, 'utf8');
    if (info) await keepOwnership(handle, info);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw ioError(e, shown, 'cannot write');
  }
  await handle.close();
  return { shown, target, temp };
}

/** The new file gets the old one's mode, and its owner where kset may set it (as root). */
async function keepOwnership(handle: FileHandle, info: Stats): Promise<void> {
  await handle.chmod(info.mode & 0o7777);
  if (process.getuid?.() === 0 && (info.uid !== 0 || info.gid !== 0)) await handle.chown(info.uid, info.gid);
}

async function writable(file: string): Promise<boolean> {
  return access(file, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Syncs a folder so the renames in it survive a crash (a no-op where folders cannot be opened). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Windows and some file systems do not sync folders; the renames are done all the same
  }
}

function ioError(e: unknown, file: string, what: string, outcome = 'nothing was written'): KsetError {
  if (e instanceof KsetError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message;
  return new KsetError(`${what} (${why}): ${outcome}`, { file });
}
