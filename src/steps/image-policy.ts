import type { ImagePolicyEntry } from '../config/types.js';
import { formatPosition } from '../errors.js';
import { parseDocument, positioned, type ManifestDocument } from '../read/document.js';
import { MARKER_WORD, findMarkers, type FoundMarkers } from '../read/image-policy-markers.js';
import type { ResourceContext, Step } from '../pipeline.js';
import { markerValue, setScalars, type ScalarSet } from '../transform/image-policy.js';

/**
 * Flux image-policy markers as pipeline steps, one per policy (its origin goes in the report): every
 * scalar whose line ends with `# {"$imagepolicy": "NS:NAME[:FIELD]"}` naming the policy gets the
 * policy's image or that part of it. Markers are read from the document's text (comments are not in
 * its value), once per document for all the steps; a marker naming a policy not given is left alone.
 * The steps must run before any step that moves things: markers are found by their path in the text.
 */
export function imagePolicySteps(entries: ImagePolicyEntry[]): Step[] {
  if (!entries.length) return [];
  const found = new WeakMap<ManifestDocument, FoundMarkers>();
  const warnings: string[] = [];
  const markersOf = (document: ManifestDocument): FoundMarkers => {
    let markers = found.get(document);
    if (!markers) {
      markers = findMarkers(document.text, parseDocument(document, { values: false }).roots);
      for (const problem of markers.problems) {
        const error = positioned(document, problem.message, problem.offset);
        warnings.push(`${formatPosition(error.position)}: ${problem.message}`);
      }
      found.set(document, markers);
    }
    return markers;
  };
  return entries.map((entry, i) => ({
    origin: entry.origin,
    mayTouch: (text) => text.includes(MARKER_WORD),
    apply(resource, context) {
      const sets = setsFor(entry, markersOf(context.document), context);
      return sets.length ? setScalars(resource, sets) : resource;
    },
    // the problems are the documents', not a policy's: one step reports them
    finish: () => (i === 0 ? warnings.splice(0) : []),
  }));
}

/** The scalars `entry`'s markers set in the resource `context` names (a document's root, or a List item). */
function setsFor(entry: ImagePolicyEntry, { markers }: FoundMarkers, context: ResourceContext): ScalarSet[] {
  const sets: ScalarSet[] = [];
  for (const marker of markers) {
    if (marker.policy !== entry.policy || marker.root !== context.offset) continue;
    let path = marker.path;
    if (context.item !== undefined) {
      if (path[0] !== 'items' || path[1] !== context.item) continue;
      path = path.slice(2);
    }
    const value = markerValue(entry.ref, marker.field);
    if (value === undefined) {
      throw positioned(
        context.document,
        `${entry.origin.label}: the marker asks for the digest of ${entry.policy}, but ${entry.image} has none: give NAME:TAG@DIGEST`,
        marker.offset,
      );
    }
    sets.push({ path, value });
  }
  return sets;
}
