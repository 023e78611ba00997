import { KsetError } from '../errors.js';
import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';
import { deepEqual } from '../util/equal.js';
import type { EnvVar } from './env-args.js';
import { notAWorkload, podSpecPath } from './set-image.js';
import { replaceAt, type PathValue } from './update-at.js';

/** What `kubectl set env` does to each selected container. */
export interface EnvUpdate {
  /** Variables to set, in order (a name given twice: the first wins, as in kubectl). */
  env: EnvVar[];
  /** Names whose variables are removed (every one of that name); a removal beats a set. */
  remove: string[];
  /** Which containers and init containers, by name (the step passes kubectl's `--containers` pattern). */
  containers: (name: string) => boolean;
  /** false: a variable that exists with another value is an error (`--overwrite=false`). */
  overwrite: boolean;
}

/** A selected container and its `env` after the update, for `--list`. */
export interface ContainerEnv {
  name: string;
  /** The container as it is after the update. */
  container: JsonObject;
  env: Json[];
}

export interface SetEnvResult {
  value: JsonObject;
  /** The selected containers, then the selected init containers (kubectl's order); empty when none matched. */
  containers: ContainerEnv[];
}

/**
 * `kubectl set env` on one resource: in each container and init container whose name matches the
 * `containers` selects (not ephemeral containers), a set variable replaces the first of its name in place (later ones
 * of that name go) or is appended; a removed name goes wherever it is. A variable equal to the one it
 * replaces keeps its node. An `env` the update empties is removed, as kubectl's Go round trip omits an
 * empty list. Adds nothing else. A kind without a pod spec is a KsetError; so is, with `overwrite`
 * false, a variable that has another value (kubectl's message, which shows the old value).
 */
export function setEnv(resource: JsonObject, update: EnvUpdate): SetEnvResult {
  const specPath = podSpecPath(resource);
  if (!specPath) throw new KsetError(notAWorkload(resource));
  const spec = specPath.reduce<Json | undefined>((node, key) => (isObject(node) ? node[key] : undefined), resource);
  const selected: { list: string; index: number; container: JsonObject }[] = [];
  for (const list of ['containers', 'initContainers']) {
    const containers = isObject(spec) ? spec[list] : undefined;
    if (!Array.isArray(containers)) continue;
    containers.forEach((container, index) => {
      if (isObject(container) && update.containers(nameOf(container))) selected.push({ list, index, container });
    });
  }
  if (selected.length === 0) return { value: resource, containers: [] };

  const updates: PathValue[] = [];
  const containers: ContainerEnv[] = [];
  for (const { list, index, container } of selected) {
    const existing = envOf(container);
    if (!update.overwrite) checkNoOverwrites(existing, update.env);
    const env = updateEnv(existing, update.env, update.remove);
    if (env === existing) {
      containers.push({ name: nameOf(container), container, env });
      continue;
    }
    const next: WritableJsonObject = { ...container };
    if (env.length) next.env = env;
    else delete next.env;
    updates.push({ path: [...specPath, list, String(index)], value: next });
    containers.push({ name: nameOf(next), container: next, env });
  }
  return { value: updates.length ? replaceAt(resource, updates) : resource, containers };
}

/**
 * kubectl's updateEnv: existing variables in order, each replaced by the first set variable of its name
 * (later ones of that name dropped) or dropped when removed; then the set variables not yet there, in
 * order. Returns `existing` itself when nothing changes (a replacement equal to what it replaces keeps the
 * old node).
 */
function updateEnv(existing: Json[], env: EnvVar[], remove: string[]): Json[] {
  const covered = new Set(remove);
  const byName = new Map<string, EnvVar>();
  for (const e of env) if (!byName.has(e.name)) byName.set(e.name, e);
  const out: Json[] = [];
  for (const entry of existing) {
    const name = nameOf(entry);
    if (covered.has(name)) continue;
    const newer = byName.get(name);
    if (newer) {
      covered.add(name);
      out.push(sameVariable(entry, newer) ? entry : envNode(newer));
      continue;
    }
    out.push(entry);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(envNode(e));
  }
  return out.length === existing.length && out.every((entry, i) => entry === existing[i]) ? existing : out;
}

/** kubectl's validateNoOverwrites: the first set variable whose name exists with another value (a reference's value is ""). */
function checkNoOverwrites(existing: Json[], env: EnvVar[]): void {
  for (const e of env) {
    const current = existing.find((entry) => nameOf(entry) === e.name);
    if (current !== undefined && valueOf(current) !== (e.value ?? '')) {
      throw new KsetError(`'${e.name}' already has a value (${valueOf(current)}), and --overwrite is false`);
    }
  }
}

/** Whether an existing entry is what kubectl's Go round trip makes of the new variable (unknown fields aside). */
function sameVariable(entry: Json, e: EnvVar): boolean {
  if (!isObject(entry) || valueOf(entry) !== (e.value ?? '')) return false;
  const from = entry.valueFrom ?? undefined;
  return e.valueFrom ? deepEqual(from, e.valueFrom) : from === undefined;
}

/** The variable as kubectl writes it: an empty value is omitted (Go's omitempty). */
function envNode(e: EnvVar): JsonObject {
  if (e.valueFrom) return { name: e.name, valueFrom: structuredClone(e.valueFrom) };
  return e.value ? { name: e.name, value: e.value } : { name: e.name };
}

function envOf(container: JsonObject): Json[] {
  const env = container.env;
  if (env === undefined || env === null) return [];
  if (!Array.isArray(env)) throw new KsetError(`container ${JSON.stringify(nameOf(container))}: env is not a list`);
  return env;
}

function nameOf(node: Json): string {
  return isObject(node) && typeof node.name === 'string' ? node.name : '';
}

/** An entry's `value` as Go reads it into a string ("" when absent). */
export function valueOf(entry: Json): string {
  if (!isObject(entry)) return '';
  const value = entry.value;
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}
