import { readFileSync } from 'node:fs';

/**
 * The text of a file shipped in the package (package.json, schemas/…), by its path in the package. This
 * module runs as dist/util/package-file.js, or inside the bundled CLI, dist/bin/kset.cjs (scripts/build-cli.mjs):
 * two folders below the package's root either way.
 */
export function readPackageFile(name: string): string {
  return readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
}
