import path from 'node:path';
import { findConfig, readConfigFile } from './find.js';
import type { NormalizeOptions } from './normalize.js';
import type { ConfigValue } from './parse.js';
import { emptyConfig, type Config } from './types.js';

// Loading a config is three steps, each its own module: finding the file (find.ts), parsing it
// (parse.ts) and normalising its value (normalize.ts, which validates it).

export type LoadRestrictor = 'rootOnly' | 'none';

export interface LoadConfigOptions {
  /** `--config FILE`: that file (or a folder holding a kustomization.yaml), code-bearing files included. */
  configFile?: string;
  /** Where discovery starts and relative paths are taken from; the process's by default. */
  cwd?: string;
  /** `rootOnly` (the default): patch and CRD files must be inside the config file's folder. */
  loadRestrictor?: LoadRestrictor;
}

export interface ConfigFromObjectOptions {
  /** The folder that patch and CRD paths are relative to. */
  dir: string;
  /** The file to name in messages and origins. */
  file?: string;
  cwd?: string;
  loadRestrictor?: LoadRestrictor;
  /** Allow (and ignore) kustomize's own keys, as in a kustomization.yaml. */
  kustomization?: boolean;
}

/**
 * Loads the config named by `configFile`, or else the first one discovery finds from `cwd` upward
 * (stopping at the home folder when `cwd` is inside it); no config gives the empty config.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Config> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const file = options.configFile !== undefined ? await readConfigFile(path.resolve(cwd, options.configFile), cwd) : await findConfig(cwd);
  if (!file) return emptyConfig();
  return normalized(file, { dir: path.dirname(file.absolute), cwd, restrict: options.loadRestrictor !== 'none' });
}

/** A config from a plain object (the library API), validated and normalised like a config file. */
export async function configFromObject(value: unknown, options: ConfigFromObjectOptions): Promise<Config> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const source: ConfigValue = { value, file: options.file, kustomization: options.kustomization ?? false };
  return normalized(source, { dir: path.resolve(cwd, options.dir), cwd, restrict: options.loadRestrictor !== 'none' });
}

/**
 * normalize.ts, and the validator it imports (100 KB of generated code), load with the first config:
 * runs without one do without them. Node caches the module; nothing is held here.
 */
async function normalized(source: ConfigValue, options: NormalizeOptions): Promise<Config> {
  const { normalize } = await import('./normalize.js');
  return normalize(source, options);
}
