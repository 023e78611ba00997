import { KsetError } from '../errors.js';

/** One container environment variable as kubectl builds it: a value, or a reference (`valueFrom`). */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef: { key: string; name: string } } | { secretKeyRef: { key: string; name: string } };
}

/** The variables to set (in order) and the names to remove, from `NAME=VALUE`, `NAME-` and `-`. */
export interface EnvChanges {
  env: EnvVar[];
  remove: string[];
}

/**
 * kubectl's IsEnvironmentArgument, `(?ms)^(.+)=(.*)$`: an `=` somewhere after the first character
 * (`=x` is none, `a==b` is one).
 */
export function isEnvironmentArgument(arg: string): boolean {
  return arg.indexOf('=', 1) !== -1;
}

/**
 * kubectl's SplitEnvironmentFromResources: the resources, then the environment arguments (`NAME=VALUE`
 * or anything ending in `-`, a lone `-` included); a resource after the first environment argument is an
 * error naming all the arguments.
 */
export function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } {
  const at = args.findIndex((arg) => isEnvironmentArgument(arg) || arg.endsWith('-'));
  if (at < 0) return { resources: args, envArgs: [] };
  const envArgs = args.slice(at);
  if (!envArgs.every((arg) => isEnvironmentArgument(arg) || arg.endsWith('-'))) {
    throw new KsetError(`all resources must be specified before environment changes: ${args.join(' ')}`);
  }
  return { resources: args.slice(0, at), envArgs };
}

/**
 * kubectl's ParseEnv: `NAME=VALUE` (the name validated), `NAME-` (a removal), and `-`, the variables
 * of `stdin()` in `readEnv`'s format (read once, when `-` is there). A name both set and removed is an error.
 */
export function parseEnv(specs: string[], stdin?: () => string): EnvChanges {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  let stdinRead = false; // a second `-` finds stdin at its end, as in kubectl
  for (const spec of specs) {
    const at = spec.indexOf('=');
    if (spec === '-') {
      if (!stdin) throw new KsetError("when '-' is used, STDIN must be open");
      if (!stdinRead) env.push(...readEnv(stdin()));
      stdinRead = true;
    } else if (at >= 0) {
      const name = spec.slice(0, at);
      const problems = envVarNameProblems(name);
      if (problems.length) throw new KsetError(`${JSON.stringify(name)} is not a valid key name: ${problems.join(';')}`);
      set.add(name);
      env.push({ name, value: spec.slice(at + 1) });
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KsetError(`unknown environment variable: ${spec}`);
    }
  }
  if (remove.some((name) => set.has(name))) {
    throw new KsetError('can not both modify and remove the same environment variable in the same command');
  }
  return { env, remove };
}

/**
 * kubectl's readEnv, for `-e -`: one `NAME=VALUE` a line, anything from a `#` on dropped, lines without
 * `=` skipped; names are not validated (as in kubectl).
 */
export function readEnv(text: string): EnvVar[] {
  const env: EnvVar[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    const at = line.indexOf('=');
    if (at >= 0) env.push({ name: line.slice(0, at), value: line.slice(at + 1) });
  }
  return env;
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** apimachinery's IsEnvVarName, its messages word for word (kubectl prints them). */
export function envVarNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (!ENV_VAR_NAME.test(name)) {
    problems.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit" +
        " (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  }
  if (name === '.') problems.push("must not be '.'");
  else if (name === '..') problems.push("must not be '..'");
  else if (name.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

/** kubectl's keyToEnvName for `--from` keys: every character but ASCII letters, digits and `_` becomes `_`, then upper case. */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/gu, '_').toUpperCase();
}
