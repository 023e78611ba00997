import { KsetError } from '../errors.js';
import type { ParsedPatch } from '../patch/parse.js';
import type { Step } from '../pipeline.js';
import { schemaForResource } from '../schema/patch-meta.js';
import { trackSelection, type Selection } from '../select/selection.js';
import { applyJsonPatch } from '../transform/json-patch.js';
import { applyMergePatch } from '../transform/merge-patch.js';
import { strategicMerge } from '../transform/strategic-merge.js';
import { kubectlName } from '../resource-id.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { at } from '../util/at.js';

/** `kset patch`: `kubectl patch --local` on every selected resource; every other document passes. */
export function patchVerbStep(selection: Selection, patch: ParsedPatch, label: string): Step {
  const tracker = trackSelection(selection);
  let any = false;
  return {
    origin: { label },
    failsAtEnd: true, // a selection that matches nothing
    apply(resource) {
      const match = tracker.select(resource);
      if (!match) return resource;
      any = true;
      return withKind(asMap(patchOne(resource, patch), resource), resource);
    },
    finish() {
      tracker.finish();
      if (!any) throw new KsetError('no objects passed to patch: the selection matches no resource of the input');
      return [];
    },
  };
}

function patchOne(resource: JsonObject, patch: ParsedPatch): Json {
  if (patch.type === 'json') return applyJsonPatch(resource, patch.ops, { kubectl: true });
  const doc = at(patch.docs, 0);
  if (patch.type === 'merge') return applyMergePatch(resource, doc);
  const apiVersion = String(resource.apiVersion ?? '');
  const kind = String(resource.kind ?? '');
  // the table holds the kinds kubectl v1.32 merges strategically (older versions too; no CRDs, no APIServices)
  const schema = schemaForResource(apiVersion, kind);
  if (!schema) {
    throw new KsetError(`strategic merge patch is not supported for ${apiVersion}, Kind=${kind} locally, try --type merge`);
  }
  return strategicMerge(resource, doc, schema) ?? {};
}

function asMap(value: Json, resource: JsonObject): JsonObject {
  if (isObject(value)) return value;
  throw new KsetError(`the patch turned ${kubectlName(resource)} into something that is not a map`);
}

/** kubectl decodes the patched object again and fails without a kind (`Object 'Kind' is missing`). */
function withKind(patched: JsonObject, resource: JsonObject): JsonObject {
  if (typeof patched.kind === 'string' && patched.kind !== '') return patched;
  throw new KsetError(`the patch leaves ${kubectlName(resource)} without a kind (kubectl: Object 'Kind' is missing)`);
}
