import type { Origin, PatchEntry } from '../config/types.js';
import { KsetError } from '../errors.js';
import { parsePatch } from '../patch/parse.js';
import type { ResourceContext, Step } from '../pipeline.js';
import type { CrdSchemas } from '../schema/patch-meta.js';
import { schemaForResource } from '../schema/patch-meta.js';
import { describeResource, resourceId } from '../resource-id.js';
import { compileTarget, matchesPatchId, matchesTarget, type TargetMatcher } from '../select/target.js';
import { applyJsonPatch } from '../transform/json-patch.js';
import { applyMergePatch } from '../transform/merge-patch.js';
import { strategicMerge } from '../transform/strategic-merge.js';
import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';

/** What patch steps share: the custom-resource schemas, worked out the first time a patch needs them. */
export interface PatchContext {
  crds: () => CrdSchemas;
  /** Unmatched patches and targets are errors, not warnings. */
  strict?: boolean;
}

/** A config `patches:` entry as a pipeline step (kustomize's selection, apimachinery's merge). */
export function patchStep(entry: PatchEntry, shared: PatchContext): Step {
  const patch = parsePatch(entry);
  const target = entry.target ? at(entry.origin, () => compileTarget(entry.target!)) : undefined;
  const label = describeOrigin(entry.origin);
  const matched = new Set<number>();
  const elsewhere = new Map<number, string>(); // untargeted patch document → a namespace the input has its resource in
  const noteElsewhere = (doc: JsonObject, resource: JsonObject, i: number) => {
    const [wanted, found] = [resourceId(doc), resourceId(resource)];
    if (found.namespace && wanted.kind === found.kind && wanted.name === found.name && wanted.namespace !== found.namespace) elsewhere.set(i, found.namespace);
  };

  // for each patch document, the words a document must hold to be selected (none for a JSON patch without target)
  const words = patch.type === 'json' ? [target ? literalWords(entry.target!) : null] : patch.docs.map((doc) => literalWords(entry.target ?? idWords(doc)));
  return {
    origin: entry.origin,
    readsAhead: patch.type !== 'json', // CRDs in the input tell how custom resources merge
    failsAtEnd: (patch.type !== 'json' && !target) || Boolean(shared.strict), // a patch that matched nothing
    // a `\` may be an escape spelling a word: such a text is always a candidate
    mayTouch: (text) => text.includes('\\') || words.some((all) => all !== null && all.every((word) => text.includes(word))),
    apply(resource, context) {
      if (patch.type === 'json') {
        if (!target || !matchesTarget(target, resource, context.earlierIds[0] ?? resource)) return resource;
        matched.add(0);
        const patched = asResource(
          at(entry.origin, () => applyJsonPatch(resource, patch.ops), resource),
          entry.origin,
          resource,
        );
        keepsKindAndName(resource, patched, entry.origin);
        return remember(resource, patched, context);
      }
      let current: JsonObject | null = resource;
      patch.docs.forEach((doc, i) => {
        if (current === null) return;
        if (!selects(doc, target, current, context)) {
          if (!target && !matched.has(i)) noteElsewhere(doc, current, i);
          return;
        }
        matched.add(i);
        current = remember(current, applyDocument(current, doc, patch.type, entry, shared), context);
      });
      return current;
    },
    finish() {
      if (patch.type !== 'json' && !target) {
        // kustomize: an untargeted strategic merge patch must name a resource of the input
        const missing = patch.docs.findIndex((_, i) => !matched.has(i));
        if (missing >= 0) {
          const hint = elsewhere.has(missing) ? `: the input has it in namespace ${elsewhere.get(missing)}` : '';
          throw new KsetError(`${label}: no resource matches the patch's ${describeResource(patch.docs[missing]!)}${hint}`, position(entry.origin));
        }
      }
      if (target && matched.size === 0) {
        const message = `${label}: the target ${JSON.stringify(entry.target)} matches no resource`;
        if (shared.strict) throw new KsetError(message, position(entry.origin));
        return [message];
      }
      return [];
    },
  };
}

/** The words a document's text must hold for a target to select it: its kind and name where they are plain words (not regexes). */
function literalWords(target: { kind?: string; name?: string }): string[] {
  return [target.kind, target.name].filter((word): word is string => typeof word === 'string' && /^[A-Za-z0-9_-]+$/.test(word));
}

/** The kind and name an untargeted patch names. */
function idWords(doc: JsonObject): { kind?: string; name?: string } {
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  return { kind: typeof doc.kind === 'string' ? doc.kind : undefined, name: typeof meta.name === 'string' ? meta.name : undefined };
}

function selects(doc: JsonObject, target: TargetMatcher | undefined, resource: JsonObject, context: ResourceContext): boolean {
  if (target) return matchesTarget(target, resource, context.earlierIds[0] ?? resource);
  return [resource, ...context.earlierIds].some((id) => matchesPatchId(doc, id));
}

/**
 * `after`, having noted the id `before` had when the patch changed it (kustomize's previous ids: an
 * untargeted patch matches any of them, a target the first, the original name and namespace).
 */
function remember(before: JsonObject, after: JsonObject | null, context: ResourceContext): JsonObject | null {
  if (after !== null && after !== before && idOf(before) !== idOf(after)) context.earlierIds.push(idsOnly(before));
  return after;
}

function idsOnly(resource: JsonObject): JsonObject {
  const meta = isObject(resource.metadata) ? resource.metadata : {};
  const metadata: WritableJsonObject = {};
  if (meta.name !== undefined) metadata.name = meta.name;
  if (meta.namespace !== undefined) metadata.namespace = meta.namespace;
  const id: WritableJsonObject = { metadata };
  if (resource.apiVersion !== undefined) id.apiVersion = resource.apiVersion;
  if (resource.kind !== undefined) id.kind = resource.kind;
  return id;
}

function idOf(resource: JsonObject): string {
  return JSON.stringify(idsOnly(resource));
}

/** One strategic (or merge) patch document on one resource, keeping the resource's id as kustomize does. */
function applyDocument(resource: JsonObject, doc: JsonObject, type: 'strategic' | 'merge', entry: PatchEntry, context: PatchContext): JsonObject | null {
  const patch = withIdOf(doc, resource, entry);
  if (type === 'merge') return asResource(applyMergePatch(resource, patch), entry.origin, resource);
  const apiVersion = String(resource.apiVersion ?? '');
  const kind = String(resource.kind ?? '');
  const schema = schemaForResource(apiVersion, kind) ?? schemaForResource(apiVersion, kind, context.crds());
  return at(entry.origin, () => strategicMerge(resource, patch, schema), resource);
}

/**
 * The patch with the resource's apiVersion, kind, name and namespace, unless the options allow a
 * change of kind or name (kustomize applies a targeted patch to whatever the target selects, whatever
 * the patch names). The apiVersion and namespace are always the resource's, as in kustomize.
 */
function withIdOf(doc: JsonObject, resource: JsonObject, entry: PatchEntry): JsonObject {
  const { allowNameChange, allowKindChange } = entry.options ?? {};
  const patch: WritableJsonObject = { ...doc };
  setOrDelete(patch, 'apiVersion', resource.apiVersion);
  if (!allowKindChange) setOrDelete(patch, 'kind', resource.kind);
  const meta: WritableJsonObject = isObject(doc.metadata) ? { ...doc.metadata } : {};
  const theirs = isObject(resource.metadata) ? resource.metadata : {};
  if (!allowNameChange) setOrDelete(meta, 'name', theirs.name);
  setOrDelete(meta, 'namespace', theirs.namespace);
  if (Object.keys(meta).length || isObject(doc.metadata)) patch.metadata = meta;
  return patch;
}

function setOrDelete(map: WritableJsonObject, key: string, value: Json | undefined): void {
  if (value === undefined) delete map[key];
  else map[key] = value;
}

function asResource(value: Json, origin: Origin, resource: JsonObject): JsonObject {
  if (isObject(value)) return value;
  throw new KsetError(`${describeOrigin(origin)}: the patch turned ${describeResource(resource)} into something that is not a map`, position(origin));
}

/** kustomize refuses a patch that leaves a resource without kind or metadata.name (`missing metadata.name in object`). */
function keepsKindAndName(before: JsonObject, after: JsonObject, origin: Origin): void {
  const name = (resource: JsonObject) => (isObject(resource.metadata) ? resource.metadata.name : undefined);
  const present = (value: Json | undefined) => value !== undefined && value !== null && value !== '';
  for (const [field, read] of [
    ['kind', (resource: JsonObject) => resource.kind],
    ['metadata.name', name],
  ] as const) {
    if (present(read(before)) && !present(read(after))) {
      throw new KsetError(`${describeOrigin(origin)}: the patch leaves ${describeResource(before)} without ${field}`, position(origin));
    }
  }
}

/** Runs `work`; a KsetError from it is reported at the patch entry, naming it (and the resource). */
function at<T>(origin: Origin, work: () => T, resource?: JsonObject): T {
  try {
    return work();
  } catch (e) {
    if (!(e instanceof KsetError) || e.position.file) throw e;
    const on = resource ? ` (on ${describeResource(resource)})` : '';
    throw new KsetError(`${describeOrigin(origin)}: ${e.message}${on}`, position(origin), e.excerpt);
  }
}

function describeOrigin(origin: Origin): string {
  return origin.label;
}

function position(origin: Origin) {
  return { file: origin.file, line: origin.line };
}
