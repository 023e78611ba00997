import { parseImageFlag } from '../config/image-flag.js';
import { parseImagePolicyFlag } from '../config/image-policy.js';
import { configFromObject } from '../config/load.js';
import { CONFIG_KEYS, KSET_API_VERSION, KSET_KIND } from '../config/schema-shape.generated.js';
import { emptyConfig, type Config } from '../config/types.js';
import { KsetError } from '../errors.js';
import { isObject, type Json, type JsonObject, type WritableJsonObject } from '../types.js';
import { yamlLib } from '../util/yaml-lib.js';
import { YAML_11 } from '../yaml/schema.js';

/** What messages call the config: it has no file of its own (the host read it). */
const WHERE = 'functionConfig';

/** A ConfigMap's short forms, what kpt's `-- key=value` arguments make easy: the CLI flags' syntax, several separated by blanks. */
const FLAG_KEYS = ['image', 'image-policy'];

export interface FunctionConfig {
  config: Config;
  /** The functionConfig asks for nothing (absent, or without entries). */
  empty: boolean;
}

/**
 * kset's config from a ResourceList's `functionConfig`: a `Kset` object (apiVersion kset.dev/v1) whose
 * fields besides apiVersion, kind and metadata are a config file's keys; or a ConfigMap (what kpt makes
 * of `kpt fn eval … -- key=value` arguments) whose data holds config keys as YAML text, or `image` and
 * `image-policy` in the CLI flags' syntax. Paths in it (patch and CRD files) are relative to `cwd`.
 */
export async function functionConfig(value: Json | undefined, cwd: string): Promise<FunctionConfig> {
  if (value === undefined || value === null) return { config: emptyConfig(), empty: true };
  if (!isObject(value)) throw new KsetError(`${WHERE} must be an object, a ${KSET_KIND} or a ConfigMap`);
  const { apiVersion, kind } = value;
  let raw: Json;
  // the config loader reads a Kset object's keys
  if (kind === KSET_KIND) raw = value;
  else if (kind === 'ConfigMap' && apiVersion === 'v1') raw = fromConfigMapData(value.data);
  else {
    throw new KsetError(`${WHERE} must be a ${KSET_KIND} (apiVersion: ${KSET_API_VERSION}) or a v1 ConfigMap, not ${describe(apiVersion, kind)}`);
  }
  const config = await configFromObject(raw, { dir: cwd, cwd, file: WHERE });
  const empty = !config.images.length && !config.patches.length && !config.imagePolicies.length;
  return { config, empty };
}

function fromConfigMapData(data: Json | undefined): JsonObject {
  if (data === undefined || data === null) return {};
  if (!isObject(data)) throw new KsetError(`${WHERE}: the ConfigMap's data must be a map`);
  const raw: WritableJsonObject = {};
  const images: Json[] = [];
  const policies: Json[] = [];
  for (const [key, text] of Object.entries(data)) {
    if (typeof text !== 'string') throw new KsetError(`${WHERE}: data.${key} must be a string`);
    try {
      readDataKey(key, text, raw, images, policies);
    } catch (e) {
      if (e instanceof KsetError && !e.message.startsWith(WHERE)) throw new KsetError(`${WHERE}: data.${key}: ${e.message}`);
      throw e;
    }
  }
  if (images.length) raw.images = [...(Array.isArray(raw.images) ? raw.images : []), ...images];
  if (policies.length) raw.imagePolicies = [...(Array.isArray(raw.imagePolicies) ? raw.imagePolicies : []), ...policies];
  return raw;
}

/**
 * One data key into the config object (`raw`) or the entries the short forms add: a config key
 * (CONFIG_KEYS, from schemas/kset.schema.json) holds that key's YAML text.
 */
function readDataKey(key: string, text: string, raw: WritableJsonObject, images: Json[], policies: Json[]): void {
  if (key === 'image') {
    for (const word of words(text)) {
      const { origin: _, ...entry } = parseImageFlag(word);
      images.push(entry as JsonObject);
    }
  } else if (key === 'image-policy') {
    for (const word of words(text)) {
      const { policy, image } = parseImagePolicyFlag(word);
      policies.push({ policy, image });
    }
  } else if (CONFIG_KEYS.includes(key)) {
    raw[key] = parseYamlText(text);
  } else {
    throw new KsetError(`${WHERE}: unknown ConfigMap data key ${JSON.stringify(key)} (known: ${[...FLAG_KEYS, ...CONFIG_KEYS].join(', ')})`);
  }
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** A data value holding a config key's YAML, read as a config file is (YAML 1.1). */
function parseYamlText(text: string): Json {
  const doc = yamlLib().parseDocument(text, { ...YAML_11, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new KsetError(`not YAML: ${error.message.split('\n')[0]}`);
  return (doc.toJS({ maxAliasCount: 100 }) ?? null) as Json;
}

function describe(apiVersion: Json | undefined, kind: Json | undefined): string {
  if (apiVersion === undefined && kind === undefined) return 'an object without apiVersion and kind';
  return `${String(kind ?? '(no kind)')} (apiVersion: ${String(apiVersion ?? '(none)')})`;
}
