import { usage } from './args.js';
import { HELP_OPTION } from './help.js';
import { Exit, type Io, type Outcome } from './io.js';

export const HELP = `kset fn: kset as a KRM function (kpt fn eval/render --exec, kustomize exec transformers)

Usage:
  kset fn < ResourceList > ResourceList

Reads a config.kubernetes.io/v1 ResourceList on stdin and writes it to stdout with its items
transformed, only changed nodes changed (comments and the host's annotations kept). Its
functionConfig is kset's config: a Kset object (apiVersion: kset.dev/v1, kind: Kset) whose fields
besides apiVersion, kind and metadata are a config file's keys, or a ConfigMap, which is what
kpt fn eval --exec "kset fn" DIR -- KEY=VALUE... makes: data keys image and image-policy take the
--image and --image-policy syntax (several separated by blanks), the config keys (images, patches,
imagePolicies, ...) YAML text. Without one, the items pass unchanged.

Warnings and errors go to the ResourceList's results (severity, message, resourceRef, file) and to
stderr. On an error the items are written back as they came, and the exit code is 1; input that
is not one list gives nothing on stdout.

Options:
${HELP_OPTION}
`;

/** `kset fn`: the ResourceList out, with the exit code of the KRM function contract (1 on failure). */
export async function run(argv: string[], io: Io): Promise<Outcome> {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) return HELP;
  if (argv.length) throw usage(`kset fn takes no arguments: its config is the ResourceList's functionConfig`, 'fn');
  const [{ runFunction }, { stdinText }] = await Promise.all([import('../fn/run.js'), import('./transform.js')]);
  const result = await runFunction(await stdinText(io), { cwd: io.cwd });
  if (result.stderr) io.stderr(result.stderr);
  return new Exit(result.stdout, result.code);
}
