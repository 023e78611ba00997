import { KsetError } from '../errors.js';
import { compileGoRegExp, GoRegExpError, isGoLiteral, type GoRegExp } from '../util/go-regexp.js';

/** An image reference cut into its parts, as kustomize's `image.Split` cuts it. */
export interface ImageRef {
  /** Everything before the tag or digest: registry host (and port) and repository path. */
  name: string;
  /** The tag without its `:`; absent when there is none (or it is empty). */
  tag?: string;
  /** The digest without its `@` (`sha256:…`); absent when there is none. */
  digest?: string;
}

/**
 * Splits `[host[:port]/]path[:tag][@digest]` as kustomize v5.5 does (api/internal/image.Split):
 * the `:` of a tag and the `@` of a digest are looked for only after the first `/`, so a registry
 * port is never taken for a tag; the first `:` and first `@` found there are the separators, and an
 * `@` before any `:` means a digest with no tag. No normalisation (no docker.io, no library/).
 */
export function splitImage(ref: string): ImageRef {
  const slash = ref.indexOf('/');
  const from = slash > 0 ? slash : 0;
  const at = ref.indexOf('@', from);
  const colon = ref.indexOf(':', from);
  if (at < 0 && colon < 0) return { name: ref };
  if (at >= 0 && (colon < 0 || at < colon)) {
    return withParts(ref.slice(0, at), undefined, ref.slice(at + 1));
  }
  if (at >= 0) {
    return withParts(ref.slice(0, colon), ref.slice(colon + 1, at), ref.slice(at + 1));
  }
  return withParts(ref.slice(0, colon), ref.slice(colon + 1), undefined);
}

function withParts(name: string, tag: string | undefined, digest: string | undefined): ImageRef {
  const ref: ImageRef = { name };
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  return ref;
}

/** `name[:tag][@digest]`, the inverse of `splitImage` (empty parts are left out, as kustomize does). */
export function joinImage({ name, tag, digest }: ImageRef): string {
  return name + (tag ? ':' + tag : '') + (digest ? '@' + digest : '');
}

// kustomize v5.5 (api v0.18) accepts these tag characters and only sha256 digests after the name (its pattern, verbatim).
const TAG_AND_DIGEST = '(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$';

/**
 * The regular expression kustomize builds for an `images:` entry name: `^NAME(:tag)?(@sha256:…)?$`.
 *
 * The name is NOT escaped, on purpose. kustomize v5.5 splices it into the pattern as it is, and
 * that is observable: `gcr.io/app` also matches `gcr-io/app` (the `.` matches any character), and
 * users rely on names such as `.*` or `.+/app` to rewrite several images with one entry. Escaping would
 * change which images an existing kustomization rewrites. Nor is the name wrapped in a group: in
 * `nginx|redis` the alternation splits the whole pattern (`^nginx` or `redis(:tag)?…$`) in
 * kustomize too, so `nginx-anything` matches. A name without regex syntax is compared as text (the
 * same answer without the engine). A name that is not a valid regular expression (kustomize v5.5
 * crashes on it) is a KsetError with Go's reason.
 */
export function imageNamePattern(name: string): GoRegExp {
  if (isGoLiteral(name)) return { test: (ref) => ref.startsWith(name) && isTagAndDigest(ref, name.length) };
  try {
    return compileGoRegExp('^' + name + TAG_AND_DIGEST);
  } catch (error) {
    if (!(error instanceof GoRegExpError)) throw error;
    throw new KsetError(`image name ${JSON.stringify(name)} is not a valid regular expression (kustomize reads it as one): ${goReason(name) ?? error.message}`);
  }
}

/** Whether `ref` from `from` on is TAG_AND_DIGEST: an optional `:tag`, then an optional `@sha256:digest`. */
function isTagAndDigest(ref: string, from: number): boolean {
  let at = from;
  if (ref[at] === ':') at = skipTagChars(ref, at + 1);
  if (ref.startsWith('@sha256:', at)) at = skipTagChars(ref, at + '@sha256:'.length);
  return at === ref.length;
}

function skipTagChars(ref: string, from: number): number {
  let at = from;
  while (at < ref.length && /[a-zA-Z0-9_.{}-]/.test(ref[at]!)) at++;
  return at;
}

/** Go's reason for refusing the name as written (rather than the whole pattern built around it), if it does. */
function goReason(pattern: string): string | undefined {
  try {
    compileGoRegExp(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof GoRegExpError) return error.message;
    throw error;
  }
}

/** Whether the image reference `ref` is the image `name` (kustomize's IsImageMatched), with any tag and/or sha256 digest. */
export function imageMatches(ref: string, name: string): boolean {
  return imageNamePattern(name).test(ref);
}
