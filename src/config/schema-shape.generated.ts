// Generated from schemas/kset.schema.json by scripts/gen-config.mjs.
// Do not edit: change the schema, then run `npm run gen:config` (src/config/schema.test.ts checks that this file is current).

/** A Kset object's apiVersion (a Kset object is a config, the keys besides apiVersion, kind and metadata). */
export const KSET_API_VERSION = 'kset.dev/v1';

/** A Kset object's kind. */
export const KSET_KIND = 'Kset';

/** The keys of a kset config (those a kustomization.yaml shares), in the schema's order. */
export const CONFIG_KEYS: readonly string[] = ['images', 'imageTags', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'imageFields', 'imagePolicies', 'crds'];

// What go-json.ts reads a config by, as kustomize decodes it into its types: a map names its fields
// (`undefined`: a string or boolean); a list's items are maps (`nullIsEmpty`: a null item is an empty
// one) or 'opaque', a value kept as it is. One constant per definition that is a map.

const IMAGE = {
  fields: {
    name: undefined,
    newName: undefined,
    newTag: undefined,
    digest: undefined,
    tagSuffix: undefined,
  },
} as const;

const TARGET = {
  fields: {
    group: undefined,
    version: undefined,
    kind: undefined,
    name: undefined,
    namespace: undefined,
    labelSelector: undefined,
    annotationSelector: undefined,
  },
} as const;

const PATCH_OPTIONS = {
  fields: {
    allowNameChange: undefined,
    allowKindChange: undefined,
  },
} as const;

const PATCH = {
  fields: {
    patch: undefined,
    path: undefined,
    target: TARGET,
    options: PATCH_OPTIONS,
  },
} as const;

const JSON6902_PATCH = {
  fields: {
    patch: undefined,
    path: undefined,
    target: {
      fields: {
        group: undefined,
        version: undefined,
        kind: undefined,
        name: undefined,
        namespace: undefined,
        labelSelector: undefined,
        annotationSelector: undefined,
      },
    },
    options: PATCH_OPTIONS,
  },
} as const;

const IMAGE_POLICY = {
  fields: {
    policy: undefined,
    image: undefined,
  },
} as const;

/** A config. */
export const KSET_SHAPE = {
  fields: {
    $schema: undefined,
    images: { item: IMAGE, nullIsEmpty: true },
    imageTags: { item: IMAGE, nullIsEmpty: true },
    patches: { item: PATCH, nullIsEmpty: true },
    patchesStrategicMerge: { item: 'opaque' },
    patchesJson6902: { item: JSON6902_PATCH, nullIsEmpty: true },
    imageFields: { item: 'opaque' },
    imagePolicies: { item: IMAGE_POLICY, nullIsEmpty: true },
    crds: { item: 'opaque' },
  },
} as const;

/** A kustomization.yaml used as a config: the kset keys, and kustomize's own, which kset keeps as they are. */
export const KUSTOMIZATION_SHAPE = {
  fields: {
    $schema: undefined,
    images: { item: IMAGE, nullIsEmpty: true },
    imageTags: { item: IMAGE, nullIsEmpty: true },
    patches: { item: PATCH, nullIsEmpty: true },
    patchesStrategicMerge: { item: 'opaque' },
    patchesJson6902: { item: JSON6902_PATCH, nullIsEmpty: true },
    imageFields: { item: 'opaque' },
    imagePolicies: { item: IMAGE_POLICY, nullIsEmpty: true },
    crds: { item: 'opaque' },
    apiVersion: 'opaque',
    kind: 'opaque',
    metadata: 'opaque',
    openapi: 'opaque',
    namePrefix: 'opaque',
    nameSuffix: 'opaque',
    namespace: 'opaque',
    commonLabels: 'opaque',
    labels: 'opaque',
    commonAnnotations: 'opaque',
    replacements: 'opaque',
    replicas: 'opaque',
    vars: 'opaque',
    sortOptions: 'opaque',
    resources: 'opaque',
    components: 'opaque',
    bases: 'opaque',
    configMapGenerator: 'opaque',
    secretGenerator: 'opaque',
    helmGlobals: 'opaque',
    helmCharts: 'opaque',
    helmChartInflationGenerator: 'opaque',
    generatorOptions: 'opaque',
    configurations: 'opaque',
    generators: 'opaque',
    transformers: 'opaque',
    validators: 'opaque',
    inventory: 'opaque',
    buildMetadata: 'opaque',
  },
} as const;
