import path from 'node:path';

/** `file` is inside `dir` (and is not `dir` itself). */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}

/** `file` relative to `cwd` when it is inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  if (file === cwd) return '.';
  return isInside(file, cwd) ? path.relative(cwd, file) : file;
}
