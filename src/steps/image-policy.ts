import type { ImagePolicyEntry } from '../config/types.js';
import { KsetError, formatPosition } from '../errors.js';
import { parseDocument, positioned, type ManifestDocument } from '../read/document.js';
import { MARKER_WORD, findMarkers, type Marker } from '../read/image-policy-markers.js';
import type { ResourceContext, Step } from '../pipeline.js';
import { markerValue, setScalars, type ScalarSet } from '../transform/image-policy.js';

/**
 * Flux image-policy markers as pipeline steps, one per policy (its origin goes in the report): every
 * scalar whose line ends with `# {"$imagepolicy": "NS:NAME[:FIELD]"}` naming the policy gets the
 * policy's image or that part of it. Markers are read from the document's text (comments are not in
 * its value), once per document for all the steps; a marker naming a policy not given is left alone.
 * The steps must run before any step that moves things: markers are found by their path in the text.
 * A policy that no marker names is a warning, an error with `strict` (as an image entry that matches nothing).
 */
export function imagePolicySteps(entries: ImagePolicyEntry[], strict = false): Step[] {
  if (!entries.length) return [];
  const found = new WeakMap<ManifestDocument, Map<string, Marker[]>>();
  const warnings: string[] = [];
  const markersOf = (document: ManifestDocument): Map<string, Marker[]> => {
    let index = found.get(document);
    if (!index) {
      const { markers, problems } = findMarkers(document.text, parseDocument(document, { values: false }).roots);
      for (const problem of problems) {
        const error = positioned(document, problem.message, problem.offset);
        warnings.push(`${formatPosition(error.position)}: ${problem.message}`);
      }
      index = indexMarkers(markers);
      found.set(document, index);
    }
    return index;
  };
  return entries.map((entry, i) => {
    let marked = false;
    return {
      origin: entry.origin,
      failsAtEnd: strict,
      mayTouch: (text) => text.includes(MARKER_WORD),
      apply(resource, context) {
        const markers = markersOf(context.document).get(resourceKey(context.offset, context.item)) ?? [];
        const sets = setsFor(entry, markers, context);
        marked ||= sets.length > 0;
        return sets.length ? setScalars(resource, sets) : resource;
      },
      finish() {
        // the markers' problems are the documents', not a policy's: the first step reports them
        const found = i === 0 ? warnings.splice(0) : [];
        if (marked) return found;
        const message = `${entry.origin.label}: no ${MARKER_WORD} marker names ${entry.policy}`;
        if (strict) throw new KsetError(message, { file: entry.origin.file, line: entry.origin.line });
        return [...found, message];
      },
    };
  });
}

/** The key of a document root's markers, or of one List item's (a List's items are transformed one by one). */
function resourceKey(root: number, item?: number): string {
  return item === undefined ? String(root) : `${root}/${item}`;
}

/** Markers by the resource they are in: every one under its root, and those under `items[i]` under that item too. */
function indexMarkers(markers: Marker[]): Map<string, Marker[]> {
  const index = new Map<string, Marker[]>();
  const add = (key: string, marker: Marker) => {
    const list = index.get(key);
    if (list) list.push(marker);
    else index.set(key, [marker]);
  };
  for (const marker of markers) {
    add(resourceKey(marker.root), marker);
    const [first, item] = marker.path;
    if (first === 'items' && typeof item === 'number') add(resourceKey(marker.root, item), marker);
  }
  return index;
}

/** The scalars `entry`'s markers (those of the resource `context` names) set in it. */
function setsFor(entry: ImagePolicyEntry, markers: Marker[], context: ResourceContext): ScalarSet[] {
  const sets: ScalarSet[] = [];
  for (const marker of markers) {
    if (marker.policy !== entry.policy) continue;
    const path = context.item === undefined ? marker.path : marker.path.slice(2);
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
