import type { ImageEntry, ImageField } from '../config/types.js';
import type { JsonObject } from '../types.js';
import { imageMatches, imageNamePattern, joinImage, splitImage } from './image-ref.js';
import { listImages } from './list-images.js';
import { replaceAt, type PathValue } from './update-at.js';

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
 * itself (same object) when nothing changed, else a copy sharing the untouched subtrees; `matched`
 * holds the entries whose name matched a reference (whether or not they changed it), or whose
 * result it is already (isRenamedBy).
 *
 * As in kustomize v5.5, an entry may rewrite a reference twice: its ImageTagTransformer runs the
 * legacy filter (every `containers`/`initContainers` list) and then its field specs
 * (`spec.containers`, `spec.initContainers` and the same under `spec.template.spec`), each pass
 * matching the reference again. For newName/newTag/digest the second pass changes nothing, but a
 * `tagSuffix` is appended twice there (`:1.0-fips-fips`, kustomize#4814) while a CronJob's
 * containers get it once; and a `newName` holding a `:` under a name pattern that matches it again
 * is applied twice too.
 */
export function applyImages(
  resource: JsonObject,
  entries: ImageEntry[],
  fields: ImageField[] = [],
): { value: JsonObject; changes: ImageChange[]; matched: Set<ImageEntry> } {
  const matched = new Set<ImageEntry>();
  if (entries.length === 0) return { value: resource, changes: [], matched };
  for (const entry of entries) imageNamePattern(entry.name);

  const changes: ImageChange[] = [];
  const updates: PathValue[] = [];
  for (const { path, image } of listImages(resource, fields)) {
    const passes = isFieldSpecPath(path) ? 2 : 1;
    let current = image;
    for (const entry of entries) {
      let next = current;
      if (imageMatches(next, entry.name) || isRenamedBy(next, entry)) matched.add(entry);
      for (let pass = 0; pass < passes && imageMatches(next, entry.name); pass++) next = rewriteImage(next, entry);
      if (next === current) continue;
      changes.push({ path, old: current, new: next, entry });
      current = next;
    }
    if (current !== image) updates.push({ path, value: current });
  }
  return { value: updates.length > 0 ? replaceAt(resource, updates) : resource, changes, matched };
}

/** Whether `image` is what a renaming entry makes: a second run over its own output is no mistake. */
function isRenamedBy(image: string, entry: ImageEntry): boolean {
  return entry.newName !== undefined && splitImage(image).name === entry.newName && rewriteImage(image, entry) === image;
}

/**
 * Whether kustomize v5.5's default image field specs name this path: `image` of an item of
 * `spec.containers`, `spec.initContainers`, `spec.template.spec.containers` or
 * `spec.template.spec.initContainers`, whatever the kind.
 */
function isFieldSpecPath(path: string[]): boolean {
  const list = path[path.length - 3];
  if (path[path.length - 1] !== 'image' || (list !== 'containers' && list !== 'initContainers')) return false;
  if (path.length === 4) return path[0] === 'spec';
  return path.length === 6 && path[0] === 'spec' && path[1] === 'template' && path[2] === 'spec';
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
