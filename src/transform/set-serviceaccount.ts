import { KsetError } from '../errors.js';
import type { JsonObject } from '../types.js';
import { podSpecPath } from './set-image.js';
import { updateAt } from './update-at.js';

/**
 * `kubectl set serviceaccount` on one resource with a pod spec (podSpecPath): sets the pod spec's
 * `serviceAccountName`, creating the pod spec where missing (kubectl's Go types have one); the
 * deprecated `serviceAccount` stays as it is, as in kubectl. An empty name removes the field, as
 * kubectl's Go round trip drops an empty string.
 */
export function setServiceAccount(resource: JsonObject, name: string): JsonObject {
  const specPath = podSpecPath(resource);
  if (!specPath) throw new KsetError('the object is not a pod and has no pod template');
  if (name === '') return updateAt(resource, [...specPath, 'serviceAccountName'], () => undefined);
  return updateAt(resource, [...specPath, 'serviceAccountName'], () => name);
}
