import { emptyConfig } from '../config/types.js';
import { KsetError } from '../errors.js';
import type { SetEnvOptions } from '../steps/set-env.js';
import { COMMON, SELECTION, WRITE_BACK, parse, usage, withoutDryRun } from './args.js';
import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { inputs, stdinText, transformInputs, transformSources } from './transform.js';

const OPTIONS = {
  ...COMMON,
  ...WRITE_BACK,
  ...SELECTION,
  env: { type: 'string', short: 'e', multiple: true },
  containers: { type: 'string', short: 'c' },
  from: { type: 'string' },
  keys: { type: 'string', multiple: true },
  prefix: { type: 'string' },
  list: { type: 'boolean' },
  resolve: { type: 'boolean' },
} as const;

export const HELP = selectionCommandHelp(
  `kset set env: kubectl set env, on a stream

Usage:
  kset set env SELECTION NAME=VALUE... NAME-... [options]
  kset set env SELECTION --from=configmap/NAME|secret/NAME [--keys K1,K2] [--prefix P_] [options]
  kset set env SELECTION --list [--resolve]

Sets (NAME=VALUE) and removes (NAME-) environment variables of the containers and init containers
of the selected workloads, as kubectl set env does: a set variable replaces the one of its name in
place, or is appended. --from adds one variable per key of a ConfigMap or Secret of the input (keys
upper-cased, other characters than letters, digits and _ made _), as references (valueFrom), or
with --resolve as values. --list prints each container's variables instead of the stream.`,
  `  -e, --env NAME=VALUE        a variable to set (repeatable); -e - reads NAME=VALUE lines from stdin
                              (the manifests then come from -f FILE)
  -c, --containers PATTERN    the containers to change, * a wildcard (default *, all of them)
      --overwrite=false       a variable that already has another value is an error
      --from configmap/NAME | secret/NAME
                              one variable per key of that ConfigMap or Secret of the input (the one in
                              the workload's namespace)
      --keys KEY,...          only these keys of --from (repeatable)
      --prefix PREFIX         put before the name of every variable set
      --list                  print the variables of each selected container (after the changes), as
                              kubectl does: NAME=VALUE, or # NAME from configmap NAME, key KEY
      --resolve               --list prints the values references give (from the input); --from writes
                              the values instead of references`,
);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { overwrite, rest } = overwriteFlag(withoutDryRun(argv));
  const { values, positionals } = parse(rest, OPTIONS);
  if (values.help) return HELP;
  const [{ parseEnv, splitEnvironmentFromResources }, { parseSelection }, { setEnvStep }] = await Promise.all([
    import('../transform/env-args.js'),
    import('../select/selection.js'),
    import('../steps/set-env.js'),
  ]);
  const { resources, envArgs } = splitEnvironmentFromResources(positionals);
  const keys = (values.keys ?? []).flatMap((list) => list.split(',')).filter((key) => key !== '');
  checkFlags(values, keys);
  const names = values.filename ?? [];
  const specs = [...(values.env ?? []), ...envArgs];
  const stdinText = specs.includes('-') ? await envStdin(names, io) : undefined;
  const { env, remove } = parseEnv(specs, stdinText === undefined ? undefined : () => stdinText);
  const selection = parseSelection(resources, { ...values, fromInput: Boolean(values.local || names.length) });
  const from = values.from === undefined ? undefined : await parseFrom(values.from);
  const options: SetEnvOptions = {
    env,
    remove,
    containers: values.containers ?? '*',
    overwrite,
    prefix: values.prefix ?? '',
    from: from && { ...from, keys },
    resolve: Boolean(values.resolve),
    list: Boolean(values.list),
    namespace: values.namespace,
    label: `set env ${[...env.map((e) => `${e.name}=…`), ...remove.map((name) => `${name}-`), ...(from ? [`--from=${values.from}`] : [])].join(' ')}`.trim(),
  };
  // --from and --list read ConfigMaps and Secrets anywhere in the input: they need all of it first
  if (!options.from && !options.list) {
    return transformInputs(names, emptyConfig(), { steps: [setEnvStep(selection, options, () => [])], report: values.report !== undefined }, values, io);
  }
  const sources = await inputs(names, io, values);
  const step = setEnvStep(selection, options, () => sources);
  if (!options.list) return transformSources(sources, emptyConfig(), { steps: [step], report: values.report !== undefined }, values, io);
  const { transform } = await import('../api.js');
  const result = await transform(sources, emptyConfig(), { steps: [step], report: false });
  for (const warning of result.warnings) io.stderr(`kset: warning: ${warning}\n`);
  return step.listing.map((line) => line + '\n').join('');
}

/** kubectl's checks of the flags that go together or not. */
function checkFlags(
  values: { list?: boolean; output?: string; write?: boolean; check?: boolean; diff?: boolean; report?: string; from?: string },
  keys: string[],
): void {
  if (values.list && values.output !== undefined) throw usage('--list and --output may not be specified together', 'set env');
  if (values.list && (values.write || values.check || values.diff || values.report !== undefined)) {
    throw usage('--list prints the variables and writes no manifest: it does not go with --write, --check, --diff or --report', 'set env');
  }
  if (keys.length && values.from === undefined) throw usage('when specifying --keys, a configmap or secret must be provided with --from', 'set env');
}

/**
 * `--overwrite`, a pflag boolean that defaults to true: `--overwrite=false` (or 0, f, F, FALSE, False)
 * turns it off, which node's parseArgs cannot tell from its absence; the last one given wins.
 */
function overwriteFlag(argv: string[]): { overwrite: boolean; rest: string[] } {
  let overwrite = true;
  const rest: string[] = [];
  const end = argv.indexOf('--');
  argv.forEach((arg, i) => {
    const flag = /^--overwrite(?:=(.*))?$/s.exec(arg);
    if (!flag || (end >= 0 && i > end)) return void rest.push(arg);
    const value = flag[1] ?? 'true';
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) overwrite = true;
    else if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) overwrite = false;
    else
      throw usage(
        `invalid argument ${JSON.stringify(value)} for "--overwrite" flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
        'set env',
      );
  });
  return { overwrite, rest };
}

/** `--from=TYPE/NAME`, TYPE one of kubectl's names for ConfigMaps and Secrets (`cm`, `secrets`...). */
async function parseFrom(text: string): Promise<{ kind: 'ConfigMap' | 'Secret'; name: string }> {
  const { resolveType } = await import('../select/kinds.js');
  const [type = '', name, ...rest] = text.split('/');
  if (!name || rest.length) throw usage(`--from must be configmap/NAME or secret/NAME, not ${JSON.stringify(text)}`, 'set env');
  const kind = resolveType(type)?.kind;
  if (kind !== 'ConfigMap' && kind !== 'Secret') {
    throw usage(`unsupported resource specified in --from: ${text} (kset reads configmap/NAME and secret/NAME)`, 'set env');
  }
  return { kind, name };
}

/** Stdin for `-e -`, which then cannot hold the manifests too. */
async function envStdin(names: string[], io: Io): Promise<string> {
  if (names.length === 0 || names.includes('-')) {
    throw new KsetError('-e - reads the variables from stdin: name the manifests with -f FILE (see kset set env --help)');
  }
  return stdinText(io);
}
