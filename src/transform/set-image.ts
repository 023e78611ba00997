import { KsetError } from '../errors.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { replaceAt, type PathValue } from './update-at.js';

/** One `CONTAINER=IMAGE` argument of `kubectl set image`; container `*` means every container. */
export interface ContainerImage {
  container: string;
  image: string;
}

export interface SetImageChange {
  /** JSON pointer segments of the container's `image`. */
  path: string[];
  container: string;
  /** The image before; absent when the container had none. */
  old?: Json;
  new: string;
}

export interface SetImageResult {
  value: JsonObject;
  /** Container names (in argument order) that matched no container or init container. */
  missing: string[];
  changes: SetImageChange[];
}

// The kinds kubectl's UpdatePodSpecForObject knows, the API versions its scheme decodes them from
// (any other version is an error in kubectl: no kind "Deployment" is registered for version "apps/v2"),
// and where their pod spec is.
const TEMPLATE = ['spec', 'template', 'spec'];
const POD_SPECS: Record<string, { versions: string[]; path: string[] }> = {
  Pod: { versions: ['v1'], path: ['spec'] },
  ReplicationController: { versions: ['v1'], path: TEMPLATE },
  Deployment: { versions: ['apps/v1', 'apps/v1beta2', 'apps/v1beta1', 'extensions/v1beta1'], path: TEMPLATE },
  DaemonSet: { versions: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'], path: TEMPLATE },
  ReplicaSet: { versions: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'], path: TEMPLATE },
  StatefulSet: { versions: ['apps/v1', 'apps/v1beta2', 'apps/v1beta1'], path: TEMPLATE },
  Job: { versions: ['batch/v1'], path: TEMPLATE },
  CronJob: { versions: ['batch/v1', 'batch/v1beta1'], path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
};

/** Where the resource's pod spec is, if its kind and version have one for kubectl; undefined for any other. */
export function podSpecPath(resource: JsonObject): string[] | undefined {
  const kind = resource.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(POD_SPECS, kind)) return undefined;
  const { versions, path } = POD_SPECS[kind]!;
  return typeof resource.apiVersion === 'string' && versions.includes(resource.apiVersion) ? path : undefined;
}

/**
 * `kubectl set image` on one resource: sets `image` of every init container and container (not
 * ephemeral containers, as kubectl) whose name is a pair's container, or of all of them for `*`.
 * Adds nothing else (kubectl's Go round trip adds `creationTimestamp: null`, `status: {}`…; kset
 * does not). A container name found nowhere is listed in `missing`, for the caller to report as
 * kubectl does (`unable to find container named "x"`). An empty IMAGE removes the `image` field, as
 * kubectl's Go round trip drops an empty string. A kind without a pod spec is a KsetError.
 */
export function setImage(resource: JsonObject, pairs: ContainerImage[]): SetImageResult {
  // Later pairs for the same container win, as in kubectl's map of pairs.
  const images = new Map(pairs.map(({ container, image }) => [container, image]));
  checkPairs(images);
  const specPath = podSpecPath(resource);
  if (!specPath) throw new KsetError(notAWorkload(resource));

  let spec: Json | undefined = resource;
  for (const key of specPath) spec = isObject(spec) ? spec[key] : undefined;

  const missing: string[] = [];
  const changes: SetImageChange[] = [];
  const updates: PathValue[] = [];
  for (const [name, image] of images) {
    let found = false;
    for (const list of ['initContainers', 'containers']) {
      const containers = isObject(spec) ? spec[list] : undefined;
      if (!Array.isArray(containers)) continue;
      containers.forEach((container, index) => {
        if (!isObject(container) || (name !== '*' && container.name !== name)) return;
        found = true;
        if (container.image === image || (image === '' && container.image === undefined)) return;
        const path = [...specPath, list, String(index), 'image'];
        const change: SetImageChange = { path, container: String(container.name ?? ''), new: image };
        if (container.image !== undefined) change.old = container.image;
        changes.push(change);
        updates.push({ path, value: image === '' ? undefined : image });
      });
    }
    if (!found) missing.push(name);
  }
  if (updates.length === 0) return { value: resource, missing, changes };
  return { value: replaceAt(resource, updates), missing, changes };
}

function checkPairs(images: Map<string, string>): void {
  if (images.size === 0) throw new KsetError('at least one image update is required');
  if (images.size > 1 && images.has('*')) {
    throw new KsetError('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  }
}

/** kubectl's error for an object without pod spec: `kind/name is not a pod…`, or the versions it knows of the kind. */
export function notAWorkload(resource: JsonObject): string {
  const kind = typeof resource.kind === 'string' ? resource.kind : '(no kind)';
  const metadata = isObject(resource.metadata) ? resource.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const apiVersion = typeof resource.apiVersion === 'string' ? resource.apiVersion : '';
  if (Object.hasOwn(POD_SPECS, kind)) {
    return `${kind.toLowerCase()}/${name}: kubectl knows no kind "${kind}" of version "${apiVersion}" (it knows ${POD_SPECS[kind]!.versions.join(', ')})`;
  }
  return `${kind.toLowerCase()}/${name} is not a pod and has no pod template (${[apiVersion, kind].filter(Boolean).join(' ')})`;
}
