import { KsetError } from '../errors.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { replaceAt, type PathValue } from './images.js';
import { groupOf } from './list-images.js';

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

// The kinds kubectl's UpdatePodSpecForObject knows, the API groups its scheme decodes them from,
// and where their pod spec is.
const TEMPLATE = ['spec', 'template', 'spec'];
const POD_SPECS: Record<string, { groups: string[]; path: string[] }> = {
  Pod: { groups: [''], path: ['spec'] },
  ReplicationController: { groups: [''], path: TEMPLATE },
  Deployment: { groups: ['apps', 'extensions'], path: TEMPLATE },
  DaemonSet: { groups: ['apps', 'extensions'], path: TEMPLATE },
  ReplicaSet: { groups: ['apps', 'extensions'], path: TEMPLATE },
  StatefulSet: { groups: ['apps'], path: TEMPLATE },
  Job: { groups: ['batch'], path: TEMPLATE },
  CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
};

/** Where the resource's pod spec is, if its kind has one for kubectl; undefined for any other kind. */
export function podSpecPath(resource: JsonObject): string[] | undefined {
  const kind = resource.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(POD_SPECS, kind)) return undefined;
  const { groups, path } = POD_SPECS[kind]!;
  return groups.includes(groupOf(resource.apiVersion)) ? path : undefined;
}

/**
 * `kubectl set image` on one resource: sets `image` of every init container and container (not
 * ephemeral containers, as kubectl) whose name is a pair's container, or of all of them for `*`.
 * Adds nothing else (kubectl's Go round trip adds `creationTimestamp: null`, `status: {}`…; kset
 * does not). A container name found nowhere is listed in `missing`, for the caller to report as
 * kubectl does (`unable to find container named "x"`). A kind without a pod spec is a KsetError.
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
        if (container.image === image) return;
        const path = [...specPath, list, String(index), 'image'];
        const change: SetImageChange = { path, container: String(container.name ?? ''), new: image };
        if (container.image !== undefined) change.old = container.image;
        changes.push(change);
        updates.push({ path, value: image });
      });
    }
    if (!found) missing.push(name);
  }
  return { value: updates.length > 0 ? replaceAt(resource, updates) : resource, missing, changes };
}

function checkPairs(images: Map<string, string>): void {
  if (images.size === 0) throw new KsetError('at least one image update is required');
  if (images.size > 1 && images.has('*')) {
    throw new KsetError(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  }
}

function notAWorkload(resource: JsonObject): string {
  const kind = typeof resource.kind === 'string' ? resource.kind : '(no kind)';
  const metadata = isObject(resource.metadata) ? resource.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const apiVersion = typeof resource.apiVersion === 'string' ? resource.apiVersion : '';
  return `${kind.toLowerCase()}/${name} is not a pod and has no pod template (${[apiVersion, kind].filter(Boolean).join(' ')})`;
}
