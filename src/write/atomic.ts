import { randomBytes } from 'node:crypto';
import { constants, renameSync, type Stats } from 'node:fs';
import { access, open, readFile, realpath, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InterruptedError, KsetError } from '../errors.js';
import { SignalGuard, testPause, testPauseSync } from './signals.js';

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
  /** The temp file renamed over the target; none for a target written in place (a FIFO, /dev/null). */
  temp?: string;
  text: string;
}

/**
 * Replaces files atomically, all or nothing as far as a file system allows: every new text is first
 * written to a temp file beside its target (same folder, so the rename stays on one file system) and
 * synced; only when all are staged are they renamed over their targets, one rename each. A reader,
 * or a kill at any moment, sees each file wholly old or wholly new. Symlinks are followed (the link
 * stays a link, its target gets the text); mode (and owner, when run as root) are kept. A file
 * without any write permission bit is refused, even for root: read-only is the user's word.
 *
 * SIGINT, SIGTERM and SIGHUP never cut a batch in two: one that comes while the temp files are written
 * stops the batch there (the temp files removed, nothing written), one that comes while they are
 * renamed waits until all are; either way replaceFiles then rejects with an InterruptedError. A file
 * kset may create that exists and is no regular file (a FIFO, /dev/null: the report's target) is
 * written in place, after the renames.
 */
export async function replaceFiles(replacements: Replacement[], cwd: string): Promise<void> {
  const guard = new SignalGuard();
  let staged: Staged[];
  try {
    staged = await stageAll(replacements, cwd, guard);
    renameAll(staged, guard);
    await testPause('renamed', guard);
    const renamed = staged.filter((s) => s.temp !== undefined);
    await Promise.all([...new Set(renamed.map((s) => path.dirname(s.target)))].map(syncFolder));
    await signalsDelivered();
    if (guard.interrupted())
      throw new InterruptedError(
        guard.signal!,
        guard.exitCode(),
        renamed.map((s) => s.shown),
      );
  } finally {
    guard.release();
  }
  const others = staged.some((s) => s.temp !== undefined);
  for (const s of staged) if (s.temp === undefined) await writeInPlace(s, others);
}

/** Writes every temp file, stopping (and removing them) on an error or a signal. */
async function stageAll(replacements: Replacement[], cwd: string, guard: SignalGuard): Promise<Staged[]> {
  const staged: Staged[] = [];
  for (const replacement of replacements) {
    try {
      staged.push(await stage(replacement, cwd, guard));
    } catch (e) {
      guard.removeTemps();
      throw e;
    }
    if (staged.length === 1) await testPause('staging', guard);
    if (guard.interrupted()) break;
  }
  if (!guard.interrupted()) await testPause('staged', guard);
  await signalsDelivered();
  if (guard.interrupted()) {
    guard.removeTemps();
    throw new InterruptedError(guard.signal!, guard.exitCode(), []);
  }
  return staged;
}

/**
 * Lets a signal that came during the last step reach its handler: node handles one in the poll phase
 * of the event loop after it arrives, and the second immediate runs after that poll.
 */
function signalsDelivered(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Renames every temp file over its target. Synchronously: no signal handler runs in between, so a
 * signal waits until the last rename is done.
 */
function renameAll(staged: Staged[], guard: SignalGuard): void {
  const renamed: string[] = [];
  for (const s of staged) {
    if (s.temp === undefined) continue;
    try {
      renameSync(s.temp, s.target);
    } catch (e) {
      throw ioError(e, s.shown, 'cannot replace', renamed.length ? `already written: ${renamed.join(', ')}` : 'nothing was written');
    }
    guard.temps.delete(s.temp);
    renamed.push(s.shown);
    if (renamed.length === 1) testPauseSync('renaming');
  }
}

/** A target that is no regular file (a FIFO, a device) gets the text written into it, not renamed over it. */
async function writeInPlace({ shown, target, text }: Staged, others: boolean): Promise<void> {
  try {
    await writeFile(target, text, 'utf8');
  } catch (e) {
    throw ioError(e, shown, 'cannot write', others ? 'the other files were written' : 'nothing was written');
  }
}

/** Writes `text` to a temp file beside the target, with the target's mode, synced to disk. */
async function stage({ path: shown, text, expected, create }: Replacement, cwd: string, guard: SignalGuard): Promise<Staged> {
  const absolute = path.resolve(cwd, shown);
  const target = await realpath(absolute).catch((e) => {
    if (create && (e as NodeJS.ErrnoException).code === 'ENOENT') return absolute;
    throw ioError(e, shown, 'cannot write');
  });
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) throw new KsetError('a folder, not a file: nothing was written', { file: shown });
  if (info && !info.isFile()) {
    if (create && expected === undefined) return { shown, target, text };
    throw new KsetError('not a regular file: nothing was written', { file: shown });
  }
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
  guard.temps.add(temp);
  try {
    await handle.writeFile(text, 'utf8');
    if (info) await keepOwnership(handle, info);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw ioError(e, shown, 'cannot write');
  }
  await handle.close();
  return { shown, target, temp, text };
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
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message);
  return new KsetError(`${what} (${why}): ${outcome}`, { file });
}
