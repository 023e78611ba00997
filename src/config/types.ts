import type { Source } from '../types.js';

/** Where a config entry came from, for error messages and the change report. */
export interface Origin {
  /** Human name of the entry: `images[0]`, `patches[2]`, `--image nginx=nginx:1.25`, `kset patch -p`. */
  label: string;
  /** The file that holds the entry (config file, or patch file for `path:` entries). */
  file?: string;
  /** 1-based line of the entry in `file`. */
  line?: number;
  /**
   * 1-based line of `file` where the entry's patch text begins, when the text is copied line for
   * line from it (a `path:` file: 1; an inline literal block `patch: |`: the line after `|`), so a
   * problem at line N of the text is at line textLine + N - 1 of the file. Lines only: an inline
   * block's columns are shifted by its indentation.
   */
  textLine?: number;
}

/** A kustomize `images:` entry. */
export interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
  origin: Origin;
}

/** The image an image policy selected, as Flux's ImagePolicy status holds it (`latestRef`). */
export interface PolicyRef {
  name: string;
  tag: string;
  digest?: string;
}

/** An `imagePolicies:` entry (or `--image-policy NS:NAME=IMAGE`): the image a Flux image policy selected. */
export interface ImagePolicyEntry {
  /** `NAMESPACE:NAME`, as `$imagepolicy` markers name it. */
  policy: string;
  /** The image as given: `name:tag` or `name:tag@digest`. */
  image: string;
  ref: PolicyRef;
  origin: Origin;
}

/** A path (dot-separated, `[]` for every item of a list) holding an image, optionally only for one kind/group. */
export interface ImageField {
  path: string;
  kind?: string;
  group?: string;
}

/** kustomize patch target: group/version/kind/name/namespace are anchored regular expressions. */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface PatchOptions {
  allowNameChange?: boolean;
  allowKindChange?: boolean;
}

/** One `patches:` entry (also what `patchesStrategicMerge:`/`patchesJson6902:` entries become). */
export interface PatchEntry {
  /** The patch text: inline `patch:` or the contents of `path:`. */
  text: string;
  /** Force a patch type; undefined means: a list of operations is JSON 6902, anything else strategic. */
  type?: 'strategic' | 'merge' | 'json';
  target?: PatchTarget;
  options?: PatchOptions;
  origin: Origin;
}

/** A config after loading and validation, with paths resolved and files read. */
export interface Config {
  images: ImageEntry[];
  patches: PatchEntry[];
  /** Extra image fields for custom resources, e.g. `spec.image` of a Prometheus, `spec.steps[].image` of a Task. */
  imageFields: ImageField[];
  /** Flux image policies: fields marked `# {"$imagepolicy": "NS:NAME"}` get their images. */
  imagePolicies: ImagePolicyEntry[];
  /** CustomResourceDefinition sources whose list-map-keys make custom-resource lists merge by key. */
  crds: Source[];
  /** The config file, when there is one. */
  file?: string;
}

export function emptyConfig(): Config {
  return { images: [], patches: [], imageFields: [], imagePolicies: [], crds: [] };
}
