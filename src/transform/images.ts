import type { ImageEntry, ImageField } from '../config/types.js';
import type { Json, JsonObject } from '../types.js';
import { imageMatches, imageNamePattern, joinImage, splitImage } from './image-ref.js';
import { listImages } from './list-images.js';

/** One image rewritten by one `images:` entry. */
export interface ImageChange {
  /** JSON pointer segments of the image string. */
  path: string[];
  old: string;
  new: string;
  entry: ImageEntry;
}

/**
 * kustomize `images:` on one resource: every image reference `listImages` finds is matched against
 * the entries in order, each entry seeing what the earlier ones made of it. Returns the resource
 * itself (same object) when nothing changed, else a copy sharing the untouched subtrees.
 *
 * Unlike kustomize, an entry rewrites each reference once: kustomize runs its legacy filter and then
 * its field specs over `spec.containers` and `spec.template.spec.containers`, so a `tagSuffix` is
 * appended twice there (`:1.0-fips-fips`, kustomize#4814) but once in a CronJob. For
 * newName/newTag/digest the second pass changes nothing (unless a `newName` holding a `:` or `@`
 * matches the entry's name again), so the results agree.
 */
export function applyImages(
  resource: JsonObject,
  entries: ImageEntry[],
  fields: ImageField[] = [],
): { value: JsonObject; changes: ImageChange[] } {
  if (entries.length === 0) return { value: resource, changes: [] };
  for (const entry of entries) imageNamePattern(entry.name);

  const changes: ImageChange[] = [];
  const updates: PathValue[] = [];
  for (const { path, image } of listImages(resource, fields)) {
    let current = image;
    for (const entry of entries) {
      if (!imageMatches(current, entry.name)) continue;
      const next = rewriteImage(current, entry);
      if (next === current) continue;
      changes.push({ path, old: current, new: next, entry });
      current = next;
    }
    if (current !== image) updates.push({ path, value: current });
  }
  return { value: updates.length > 0 ? replaceAt(resource, updates) : resource, changes };
}

/**
 * What one entry makes of a matching reference (kustomize's imageTagUpdater): `newName` replaces the
 * name; `newTag` and `digest` together give `name:tag@digest`; `newTag` alone drops any digest;
 * `digest` alone drops any tag; `tagSuffix` (only when neither is given) is appended to the tag,
 * or becomes the tag, and drops any digest.
 */
export function rewriteImage(image: string, entry: Pick<ImageEntry, 'newName' | 'newTag' | 'digest' | 'tagSuffix'>): string {
  const { name, tag, digest } = splitImage(image);
  const next = { name: entry.newName || name, tag, digest };
  if (entry.newTag && entry.digest) {
    next.tag = entry.newTag;
    next.digest = entry.digest;
  } else if (entry.newTag) {
    next.tag = entry.newTag;
    next.digest = undefined;
  } else if (entry.digest) {
    next.tag = undefined;
    next.digest = entry.digest;
  } else if (entry.tagSuffix) {
    next.tag = (tag ?? '') + entry.tagSuffix;
    next.digest = undefined;
  }
  return joinImage(next);
}

export interface PathValue {
  /** JSON pointer segments; every segment but the last must exist. */
  path: string[];
  value: Json;
}

/** A copy of `root` with each value set at its path; only the maps and lists on those paths are copied. */
export function replaceAt(root: JsonObject, updates: PathValue[]): JsonObject {
  const copies = new Set<Json>();
  const copyOf = (node: Json): Json => {
    if (copies.has(node)) return node;
    const copy = Array.isArray(node) ? [...node] : { ...(node as JsonObject) };
    copies.add(copy);
    return copy;
  };
  const result = copyOf(root) as JsonObject;
  for (const { path, value } of updates) {
    let node: Record<string, Json> = result;
    for (const key of path.slice(0, -1)) {
      const child = copyOf(node[key]!);
      node[key] = child;
      node = child as Record<string, Json>;
    }
    node[path[path.length - 1]!] = value;
  }
  return result;
}
