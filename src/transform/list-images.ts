import type { ImageField } from '../config/types.js';
import { KsetError } from '../errors.js';
import { isObject, type Json, type JsonObject } from '../types.js';

/** One image reference in a resource, where the images transform would look. */
export interface ImageLocation {
  /** JSON pointer segments of the string, e.g. `['spec', 'template', 'spec', 'containers', '0', 'image']`. */
  path: string[];
  /** The `name` of the container (or init container) holding the image. */
  container?: string;
  /** The `name` of the volume, for a Kubernetes image volume (`volumes[].image.reference`). */
  volume?: string;
  image: string;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers']);

// Where pod specs sit: kustomize's default image field specs (spec, spec.template.spec; CronJob's
// since kustomize#6239). Only their image volumes are read from these; containers are found anywhere.
const POD_SPECS = [['spec'], ['spec', 'template', 'spec'], ['spec', 'jobTemplate', 'spec', 'template', 'spec']];

/**
 * Every image reference the images transform considers, in this order: (1) the string `image` of
 * every item of every list named `containers` or `initContainers`, at any depth, unless the resource
 * is a CustomResourceDefinition (kustomize's legacy image filter; not `ephemeralContainers`, not a
 * singular `container:`, not a bare `image:`); (2) `volumes[].image.reference` of the pod spec at
 * `spec`, `spec.template.spec` or `spec.jobTemplate.spec.template.spec`, whatever the kind (as
 * kustomize's field specs, which name no kind); (3) the `fields` (config `imageFields`) that select
 * this resource's kind and group. A location found twice is listed once. Values that are not
 * strings, and list items that are not maps, are skipped: kustomize fails the whole build on them
 * (`wrong node kind`), which would make any custom resource with a structured `image:` under a
 * `containers` list unusable with an `images:` config.
 */
export function listImages(resource: JsonObject, fields: ImageField[] = []): ImageLocation[] {
  const found: ImageLocation[] = [];
  const seen = new Set<string>();
  const add = (location: ImageLocation) => {
    const key = location.path.join('/');
    if (seen.has(key)) return;
    seen.add(key);
    found.push(location);
  };

  if (resource.kind !== 'CustomResourceDefinition') findContainerImages(resource, [], add);
  for (const podSpec of POD_SPECS) findVolumeImages(resource, podSpec, add);
  if (fields.length > 0) {
    const kind = typeof resource.kind === 'string' ? resource.kind : '';
    const group = groupOf(resource.apiVersion);
    for (const field of fields) {
      if (field.kind !== undefined && field.kind !== kind) continue;
      if (field.group !== undefined && field.group !== group) continue;
      findFieldImages(resource, parseFieldPath(field.path), 0, [], add);
    }
  }
  return found;
}

/** The API group of an apiVersion: `apps` of `apps/v1`, `` (core) of `v1`. */
export function groupOf(apiVersion: Json | undefined): string {
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

// `path` is a stack shared by the whole walk (pushed and popped), copied only for a location found.
function findContainerImages(node: Json, path: string[], add: (location: ImageLocation) => void): void {
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) {
      const item = node[index]!;
      if (item === null || typeof item !== 'object') continue;
      path.push(String(index));
      findContainerImages(item, path, add);
      path.pop();
    }
    return;
  }
  if (!isObject(node)) return;
  for (const key in node) {
    const value = node[key]!;
    if (value === null || typeof value !== 'object') continue;
    path.push(key);
    findContainerImages(value, path, add);
    if (CONTAINER_LISTS.has(key) && Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const container = value[index];
        if (!isObject(container) || typeof container.image !== 'string') continue;
        const location: ImageLocation = { path: [...path, String(index), 'image'], image: container.image };
        if (typeof container.name === 'string') location.container = container.name;
        add(location);
      }
    }
    path.pop();
  }
}

function findVolumeImages(resource: JsonObject, podSpecPath: string[], add: (location: ImageLocation) => void): void {
  let node: Json | undefined = resource;
  for (const key of podSpecPath) node = isObject(node) ? node[key] : undefined;
  const volumes = isObject(node) ? node.volumes : undefined;
  if (!Array.isArray(volumes)) return;
  volumes.forEach((volume, index) => {
    if (!isObject(volume) || !isObject(volume.image) || typeof volume.image.reference !== 'string') return;
    const location: ImageLocation = {
      path: [...podSpecPath, 'volumes', String(index), 'image', 'reference'],
      image: volume.image.reference,
    };
    if (typeof volume.name === 'string') location.volume = volume.name;
    add(location);
  });
}

/** One step of an image field path: a map key, and whether its value is a list to go through item by item. */
export interface FieldStep {
  key: string;
  each: boolean;
}

const parsedPaths = new Map<string, FieldStep[]>();

/** Parses an `imageFields` path: dot-separated keys, `key[]` for every item of the list at `key`. */
export function parseFieldPath(path: string): FieldStep[] {
  const cached = parsedPaths.get(path);
  if (cached) return cached;
  const steps = path.split('.').map((part) => {
    const each = part.endsWith('[]');
    const key = each ? part.slice(0, -2) : part;
    if (key === '' || /[[\]]/.test(key)) {
      throw new KsetError(`imageFields path ${JSON.stringify(path)} is not valid: use dot-separated keys, with [] after a list (spec.steps[].image)`);
    }
    return { key, each };
  });
  parsedPaths.set(path, steps);
  return steps;
}

function findFieldImages(node: Json | undefined, steps: FieldStep[], at: number, path: string[], add: (location: ImageLocation) => void): void {
  if (!isObject(node)) return;
  const { key, each } = steps[at]!;
  const value = node[key];
  const last = at === steps.length - 1;
  const visit = (item: Json | undefined, itemPath: string[]) => {
    if (!last) findFieldImages(item, steps, at + 1, itemPath, add);
    else if (typeof item === 'string') add({ path: itemPath, image: item });
  };
  if (!each) return visit(value, [...path, key]);
  if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, key, String(index)]));
}
