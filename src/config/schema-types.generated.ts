// Generated from schemas/kset.schema.json by scripts/gen-config.mjs.
// Do not edit: change the schema, then run `npm run gen:config` (src/config/schema.test.ts checks that this file is current).

// The types of a config as the schema describes it: what config/normalize.ts reads once the value is
// validated. config/types.ts holds the normalised Config; schema.test.ts checks its types against these.

/** Configuration of kset, the offline Kubernetes manifest transformer (.ksetrc, kset.config.yaml, package.json#kset, or a file given with --config). The keys mean what they mean in a kustomization.yaml. A kustomization.yaml itself is checked against #/definitions/kustomization. */
export interface KsetConfig {
  $schema?: string;
  /** kset.dev/v1, in a Kset object (what kset fn, kpt and kustomize take); its other fields are the config's keys. */
  apiVersion?: 'kset.dev/v1';
  /** Kset, in a Kset object. */
  kind?: 'Kset';
  /** A Kset object's metadata (name, annotations such as config.kubernetes.io/function); kset does not read it. */
  metadata?: Record<string, unknown>;
  images?: Images;
  imageTags?: Images;
  patches?: Patches;
  patchesStrategicMerge?: PatchesStrategicMerge;
  patchesJson6902?: PatchesJson6902;
  imageFields?: ImageFields;
  imagePolicies?: ImagePolicies;
  crds?: Crds;
}

/** Image substitutions, applied in order after the patches (kustomize `images:`). */
export type Images = Image[];

export interface Image {
  /** Repository to match (registry host and port included), without tag or digest. Without a name (accepted, as in kustomize) an entry matches only images that are a bare tag or digest. */
  name?: string;
  /** Replacement repository. */
  newName?: string;
  /** Replacement tag; drops a digest. Quote numeric tags: newTag: "1.20". */
  newTag?: string;
  /** Replacement digest (sha256:...); drops a tag unless newTag is set. */
  digest?: string;
  /** Appended to the tag. */
  tagSuffix?: string;
}

/** Which resources a patch applies to. group, version, kind, name and namespace are anchored regular expressions; the selectors use Kubernetes label-selector syntax. */
export interface Target {
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

/** A strategic merge patch or a JSON 6902 patch (a list of operations), inline (patch) or in a file (path, relative to the config file). Exactly one of `patch` and `path`. */
export type Patch = {
  patch?: string;
  /** Not empty. */
  path?: string;
  target?: Target;
  options?: PatchOptions;
} & ({ patch: string; path?: never } | { path: string; patch?: never });

/** Patches, applied in order (kustomize `patches:`). */
export type Patches = Patch[];

/** Strategic merge patches, each a file path or inline patch text (kustomize's older `patchesStrategicMerge:`). */
export type PatchesStrategicMerge = string[];

/** Exactly one of `patch` and `path`. */
export type Json6902Patch = {
  patch?: string;
  /** Not empty. */
  path?: string;
  /** kustomize requires the target's name here. */
  target: Target & {
    /** Not empty. */
    name: string;
  };
  options?: PatchOptions;
} & ({ patch: string; path?: never } | { path: string; patch?: never });

/** JSON 6902 patches with a target (kustomize's older `patchesJson6902:`). */
export type PatchesJson6902 = Json6902Patch[];

/** Dot-separated field path, `[]` after a field meaning every item of that list: spec.image, spec.steps[].image. Matches `^[^.\[\]]+(\[\])?(\.[^.\[\]]+(\[\])?)*$`. */
export type ImageFieldPath = string;

export type ImageField = ImageFieldPath | {
  path: ImageFieldPath;
  /** Only resources of this kind. */
  kind?: string;
  /** Only resources of this API group. */
  group?: string;
};

/** More fields holding images, for custom resources: `spec.image` or {path, kind, group}. */
export type ImageFields = ImageField[];

/** Flux image policies: every field marked `# {"$imagepolicy": "NAMESPACE:POLICY"}` (or `:tag`, `:name`, `:digest`) gets this image, or that part of it, in any YAML file. Applied first, before patches and images. */
export type ImagePolicies = ImagePolicy[];

export interface ImagePolicy {
  /** The policy as markers name it: NAMESPACE:NAME (e.g. flux-system:app). Matches `^[^:\s=]+:[^:\s=]+$`. */
  policy: string;
  /** The image the policy selected: NAME:TAG or NAME:TAG@DIGEST (e.g. ghcr.io/acme/app:1.2.0). Not empty. */
  image: string;
}

/** CustomResourceDefinition files whose list-map-keys make custom-resource lists merge by key. */
export type Crds = string[];

/** A kustomization.yaml used as kset's config: kset reads the keys above and ignores kustomize's other keys; keys kustomize does not know are errors. */
export interface Kustomization {
  $schema?: string;
  images?: Images;
  imageTags?: Images;
  patches?: Patches;
  patchesStrategicMerge?: PatchesStrategicMerge;
  patchesJson6902?: PatchesJson6902;
  imageFields?: ImageFields;
  imagePolicies?: ImagePolicies;
  crds?: Crds;
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: unknown;
  openapi?: unknown;
  namePrefix?: unknown;
  nameSuffix?: unknown;
  namespace?: unknown;
  commonLabels?: unknown;
  labels?: unknown;
  commonAnnotations?: unknown;
  replacements?: unknown;
  replicas?: unknown;
  vars?: unknown;
  sortOptions?: unknown;
  resources?: unknown;
  components?: unknown;
  bases?: unknown;
  configMapGenerator?: unknown;
  secretGenerator?: unknown;
  helmGlobals?: unknown;
  helmCharts?: unknown;
  helmChartInflationGenerator?: unknown;
  generatorOptions?: unknown;
  configurations?: unknown;
  generators?: unknown;
  transformers?: unknown;
  validators?: unknown;
  inventory?: unknown;
  buildMetadata?: unknown;
}
