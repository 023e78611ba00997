import { createRequire } from 'node:module';

// How kset loads code while it runs. The bundled CLI has its own version of this module
// (scripts/build-cli.mjs): require calls that esbuild follows, and bin/kset's import().

/** Node's `require`, for the packages kset loads on first use (yaml-lib.ts). */
export const requirePackage: (name: string) => unknown = createRequire(import.meta.url);

/** The module at a file URL: a JavaScript config file. */
export const importFile = (url: string): Promise<unknown> => import(url);
