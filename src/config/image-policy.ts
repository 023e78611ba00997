import { KsetError } from '../errors.js';
import { splitImage } from '../transform/image-ref.js';
import type { ImagePolicyEntry, PolicyRef } from './types.js';

/** `NAMESPACE:NAME` as a `$imagepolicy` marker names a Flux ImagePolicy. */
export const POLICY_NAME = /^[^:\s=]+:[^:\s=]+$/;

/**
 * The image a policy selected, cut as Flux's ImagePolicy status holds it (name, tag, optional digest);
 * a string saying what is wrong otherwise. Flux's policies always select a tag, so one is needed.
 */
export function readPolicyImage(image: string): PolicyRef | string {
  if (!image || /\s/.test(image)) return 'the image must be a reference like ghcr.io/acme/app:1.2.0';
  const { name, tag, digest } = splitImage(image);
  if (!name) return `${JSON.stringify(image)} has no image name`;
  if (!tag) return `${JSON.stringify(image)} has no tag (a Flux image policy always selects one): write NAME:TAG or NAME:TAG@DIGEST`;
  return digest ? { name, tag, digest } : { name, tag };
}

/** `--image-policy NAMESPACE:NAME=IMAGE`. */
export function parseImagePolicyFlag(value: string): ImagePolicyEntry {
  const label = `--image-policy ${value}`;
  const eq = value.indexOf('=');
  const policy = eq < 0 ? '' : value.slice(0, eq);
  if (!POLICY_NAME.test(policy)) {
    throw new KsetError(`${label}: expected NAMESPACE:POLICY=IMAGE, e.g. flux-system:app=ghcr.io/acme/app:1.2.0`);
  }
  const image = value.slice(eq + 1);
  const ref = readPolicyImage(image);
  if (typeof ref === 'string') throw new KsetError(`${label}: ${ref}`);
  return { policy, image, ref, origin: { label } };
}
