import { parseArgs, type ParseArgsConfig } from 'node:util';
import { KsetError } from '../errors.js';

// How every command reads its arguments: node's parseArgs, with kubectl's (pflag's) habits added.

export type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON = {
  filename: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean', short: 'v' },
} as const satisfies Options;

/** How a transforming command delivers its result: written back (src/write/deliver.ts), or streamed. */
export const WRITE_BACK = {
  stream: { type: 'boolean' },
  write: { type: 'boolean', short: 'w' },
  check: { type: 'boolean' },
  diff: { type: 'boolean' },
  report: { type: 'string' },
} as const satisfies Options;

/** The resource selection of kubectl's verbs (src/select/selection.ts). */
export const SELECTION = {
  selector: { type: 'string', short: 'l' },
  all: { type: 'boolean' },
  namespace: { type: 'string', short: 'n' },
  // kset is always local; accepted so that `kubectl ... --local` commands run unchanged
  local: { type: 'boolean' },
} as const satisfies Options;

/** What parseArgs makes of a command's arguments with `T`'s options. */
export type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

export function parse<T extends Options>(argv: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args: withValuesAttached(argv, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usage((e as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option'));
  }
}

/** The values of the options `names`, in the order the arguments give them (for flags that pair up). */
export function inOrder(argv: string[], options: Options, names: string[]): { name: string; value: string }[] {
  const { tokens } = parseArgs({ args: withValuesAttached(argv, options), options, allowPositionals: true, strict: false, tokens: true });
  return tokens.flatMap((token) =>
    token.kind === 'option' && names.includes(token.name) && token.value !== undefined ? [{ name: token.name, value: token.value }] : [],
  );
}

/**
 * A flag that takes a value takes the next argument whatever it starts with, as in kubectl
 * (`-p '- op: add…'`, a YAML JSON patch); node's parseArgs refuses a value that starts with a
 * dash, so such pairs are joined as `--name=value` first. `-p=value` and `--all=true|false` are read as
 * kubectl (pflag) reads them too.
 */
function withValuesAttached(argv: string[], options: Options): string[] {
  const byShort = new Map(Object.entries(options).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : [])));
  const takesValue = (name: string | undefined) => name !== undefined && Object.hasOwn(options, name) && options[name]!.type === 'string';
  const result: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      result.push(...argv.slice(i));
      break;
    }
    const short = /^-([^-])(=?)(.*)$/s.exec(arg);
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : short && !short[3] ? byShort.get(short[1]!) : undefined;
    const flag = /^--([^=]+)=(true|false)$/.exec(arg);
    if (flag && Object.hasOwn(options, flag[1]!) && options[flag[1]!]!.type === 'boolean') {
      if (flag[2] === 'true') result.push(`--${flag[1]}`); // pflag's --all=true; --all=false is no flag at all
    } else if (takesValue(name) && i + 1 < argv.length) {
      result.push(`--${name}=${argv[++i]}`);
    } else if (short?.[2] === '=' && takesValue(byShort.get(short[1]!))) {
      result.push(`--${byShort.get(short[1]!)}=${short[3]}`);
    } else {
      result.push(arg);
    }
  }
  return result;
}

/**
 * `--dry-run[=client|none]` as users pass it to kubectl: kset never touches a cluster, so it is
 * dropped; `--dry-run=server` needs one.
 */
export function withoutDryRun(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv.filter((arg, i) => {
    if ((end >= 0 && i > end) || (arg !== '--dry-run' && !arg.startsWith('--dry-run='))) return true;
    const value = arg.slice('--dry-run='.length);
    if (arg === '--dry-run' || value === 'client' || value === 'none') return false;
    if (value === 'server') throw usage('kset works without a cluster: --dry-run=server needs one (did you mean --dry-run=client?)');
    throw usage(`invalid --dry-run value ${JSON.stringify(value)}: must be "none", "server", or "client"`);
  });
}

/** A usage error: exit 2, with a pointer to the help of `command` (`set image`; none for kset's own). */
export function usage(message: string, command?: string): KsetError {
  return new KsetError(`${message} (see kset ${command ? command + ' ' : ''}--help)`);
}
