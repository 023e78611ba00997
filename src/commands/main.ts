import { parseImageFlag } from '../config/image-flag.js';
import { loadConfig } from '../config/load.js';
import type { Config, PatchEntry, PatchTarget } from '../config/types.js';
import { isObject } from '../types.js';
import { VERSION } from '../version.js';
import { yamlLib } from '../util/yaml-lib.js';
import { COMMON, WRITE_BACK, inOrder, parse, usage } from './args.js';
import { EXIT_CODES, HELP_OPTION, INPUT_OPTIONS, WRITE_BACK_OPTIONS } from './help.js';
import { commandList } from './table.js';
import type { Io, Outcome } from './io.js';
import { readPatchFile, transformInputs } from './transform.js';

const OPTIONS = {
  ...COMMON,
  ...WRITE_BACK,
  config: { type: 'string', short: 'c' },
  image: { type: 'string', multiple: true },
  'image-policy': { type: 'string', multiple: true },
  'load-restrictor': { type: 'string' },
  strict: { type: 'boolean' },
  normalize: { type: 'boolean' },
  patch: { type: 'string', multiple: true },
  target: { type: 'string', multiple: true },
  version: { type: 'boolean' },
} as const;

export const HELP = `kset ${VERSION}: transform rendered Kubernetes manifests offline

Usage:
  kset [INPUT...] [options]
      apply the config's images and patches, and those of the flags
  kset (-w | --check | --diff) INPUT... [options]
      rewrite the files in place, or show what would change (the commands below take these flags too)
${commandList()}

Each command has its own help: kset COMMAND --help (kset set --help lists the set verbs).

INPUT is a file, a folder (its *.yaml, *.yml, *.json, recursively), a glob, or - for stdin
(the default).

Options:
${INPUT_OPTIONS}
  -c, --config FILE           the config file (default: .ksetrc*, kset.config.*, package.json#kset,
                              found from the current folder upward)
      --image NAME=NEW:TAG@DIGEST
                              an images entry, kustomize edit set image syntax (repeatable)
      --image-policy NAMESPACE:POLICY=NAME:TAG[@DIGEST]
                              set every field marked # {"$imagepolicy": "NAMESPACE:POLICY"} (or :tag,
                              :name, :digest), in any YAML file, as Flux image automation does (repeatable)
      --patch FILE            a patch file (strategic merge, or a JSON 6902 list of operations), applied
                              after the config's patches (repeatable)
      --target KIND[/NAME] | '{kind: K, name: N, labelSelector: S, ...}'
                              the resources the --patch before it applies to (kustomize target fields)
      --normalize             write every document in one canonical style (2-space indent, flush
                              sequences, block collections, comments kept)
      --strict                a patch target or image entry that matches nothing is an error
      --load-restrictor rootOnly|none
                              whether patch and CRD files may lie outside the config's folder
${WRITE_BACK_OPTIONS}
${HELP_OPTION}
      --version               kset's version

${EXIT_CODES}

Stdin is read a document at a time, and nothing is written until the whole input succeeded: on any
error stdout gets nothing. With --stream each document is written as soon as it is done, unless a
step can fail only at the end of the input (--strict, a strategic patch without target, kset patch,
kset set image naming resources), which holds the output still.
`;

/** kset's own command: the config's images and patches, and the flags'. */
export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) return HELP;
  if (values.version) return VERSION + '\n';
  const restrictor = values['load-restrictor'];
  if (restrictor !== undefined && !['rootOnly', 'none', 'LoadRestrictionsRootOnly', 'LoadRestrictionsNone'].includes(restrictor)) {
    throw usage(`--load-restrictor must be rootOnly or none, not ${JSON.stringify(restrictor)}`);
  }
  const config = await loadConfig({
    configFile: values.config,
    cwd: io.cwd,
    loadRestrictor: restrictor === 'none' || restrictor === 'LoadRestrictionsNone' ? 'none' : 'rootOnly',
  });
  const flagImages = (values.image ?? []).map(parseImageFlag);
  const flagPatches = await patchFlags(inOrder(argv, OPTIONS, ['patch', 'target']), io);
  const policyFlags = values['image-policy'] ?? [];
  const flagPolicies = policyFlags.length ? policyFlags.map((await import('../config/image-policy.js')).parseImagePolicyFlag) : [];
  const withFlags: Config = {
    ...config,
    images: [...config.images, ...flagImages],
    patches: [...config.patches, ...flagPatches],
    imagePolicies: [...config.imagePolicies, ...flagPolicies],
  };
  const names = [...positionals, ...(values.filename ?? [])];
  const options = { strict: values.strict, normalize: values.normalize, report: values.report !== undefined };
  return transformInputs(names, withFlags, options, values, io);
}

/**
 * `--patch FILE` entries (after the config's), in order; a `--target` applies to the `--patch` before
 * it, and to that one alone.
 */
async function patchFlags(flags: { name: string; value: string }[], io: Io): Promise<PatchEntry[]> {
  const entries: PatchEntry[] = [];
  for (const { name, value } of flags) {
    if (name === 'patch') {
      const text = await readPatchFile(value, io);
      entries.push({ text, origin: { label: `--patch ${value}`, file: value, line: 1, textLine: 1 } });
      continue;
    }
    const last = entries[entries.length - 1];
    if (!last) throw usage(`--target ${value} goes after the --patch FILE it targets`);
    if (last.target) throw usage(`--target ${value}: ${last.origin.label} has a target already (one --target follows each --patch)`);
    last.target = parseTarget(value);
  }
  return entries;
}

/** `--target`: a YAML/JSON map of kustomize target fields, or `KIND` or `KIND/NAME`. */
export function parseTarget(text: string): PatchTarget {
  const fields = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'];
  if (!text.trim().startsWith('{')) {
    const [kind, name, ...rest] = text.split('/');
    if (!kind || rest.length) throw usage(`--target ${JSON.stringify(text)}: expected KIND, KIND/NAME or a map like '{kind: Deployment, name: web}'`);
    return name ? { kind, name } : { kind };
  }
  let value: unknown;
  try {
    value = yamlLib().parse(text);
  } catch (e) {
    throw usage(`--target ${JSON.stringify(text)}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObject(value)) throw usage(`--target must be a map`);
  for (const [key, field] of Object.entries(value)) {
    if (!fields.includes(key)) throw usage(`--target: unknown field ${key} (known: ${fields.join(', ')})`);
    if (typeof field !== 'string') throw usage(`--target: ${key} must be a string`);
  }
  return value as PatchTarget;
}
