import { KsetError } from '../errors.js';
import type { ImageEntry } from './types.js';

const FORMS = [
  'NAME=NEWNAME:NEWTAG',
  'NAME=NEWNAME@DIGEST',
  'NAME=NEWNAME:NEWTAG@DIGEST',
  'NAME=NEWNAME',
  'NAME:NEWTAG',
  'NAME:NEWTAG@DIGEST',
  'NAME@DIGEST',
].join(', ');

/**
 * Parses an `--image` value with kustomize v5's `edit set image` syntax: an optional `NAME=` prefix
 * (split at the first `=`), then an image reference split into name, tag and digest the way
 * kustomize's image.Split does — the tag `:` is looked for only after the first `/`, so a registry
 * port (`localhost:5000/app`) is part of the name.
 * Without `NAME=` the reference's name is the entry's `name` and there must be a tag or digest.
 * `*` (kustomize's "keep the kustomization's value") sets nothing, as in kustomize when the
 * kustomization has no entry of that name. Beyond kustomize, an entry that sets nothing is an error.
 */
export function parseImageFlag(value: string): ImageEntry {
  const origin = { label: `--image ${value}` };
  const invalid = (why: string) => new KsetError(`--image ${value}: ${why}; use one of ${FORMS}`);

  const eq = value.indexOf('=');
  const key = eq === -1 ? undefined : value.slice(0, eq);
  const ref = splitImageRef(eq === -1 ? value : value.slice(eq + 1));

  if (key === undefined && ref.tag === undefined && ref.digest === undefined) {
    throw invalid('no new tag or digest');
  }
  const name = key ?? ref.name;
  if (name === '') throw invalid('no image name');

  const entry: ImageEntry = { name, origin };
  if (key !== undefined && isSet(ref.name)) entry.newName = ref.name;
  if (isSet(ref.tag)) entry.newTag = ref.tag;
  if (isSet(ref.digest)) entry.digest = ref.digest;
  if (!entry.newName && !entry.newTag && !entry.digest) throw invalid('nothing to set');
  return entry;
}

function isSet(part: string | undefined): part is string {
  return part !== undefined && part !== '' && part !== '*';
}

/** `[host[:port]/]path[:tag][@digest]` into its parts; an absent part is undefined, an empty one ''. */
function splitImageRef(ref: string): { name: string; tag?: string; digest?: string } {
  const slash = ref.indexOf('/');
  const from = slash > 0 ? slash : 0;
  const at = ref.indexOf('@', from);
  const colon = ref.indexOf(':', from);

  if (at === -1 && colon === -1) return { name: ref };
  if (at !== -1 && (colon === -1 || at < colon)) {
    return { name: ref.slice(0, at), digest: ref.slice(at + 1) };
  }
  if (at !== -1) {
    return { name: ref.slice(0, colon), tag: ref.slice(colon + 1, at), digest: ref.slice(at + 1) };
  }
  return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}
