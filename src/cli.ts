import { usage } from './commands/args.js';
import { Exit, OutputError, streamOutput, type Io, type Outcome } from './commands/io.js';
import { commandsUnder, findCommand, setHelp } from './commands/table.js';
import { InterruptedError, KsetError, formatError } from './errors.js';

export type { Io } from './commands/io.js';

/** Runs kset with `argv` (the arguments after `kset`); returns the exit code. Never throws. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const output = await dispatch(argv, io);
    const code = output instanceof Exit ? output.code : 0;
    const text = output instanceof Exit ? output.stdout : output;
    if (text) io.stdout(text);
    await io.flush?.();
    return code;
  } catch (e) {
    if (e instanceof OutputError) return outputFailed(e, io);
    io.stderr(describeError(e, io.env) + '\n');
    return e instanceof InterruptedError ? e.exitCode : 2;
  }
}

/** Exit code 141 for a reader that went away (`kset | head`), as a process killed by SIGPIPE gives (kubectl's); 2 for any other write error. */
export const BROKEN_PIPE_EXIT = 141;

function outputFailed(e: OutputError, io: Io): number {
  if (e.code === 'EPIPE') return BROKEN_PIPE_EXIT;
  const reason = /^[A-Z]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message;
  io.stderr(`kset: cannot write to stdout: ${reason}${e.code ? ` (${e.code})` : ''}\n`);
  return 2;
}

async function dispatch(argv: string[], io: Io): Promise<Outcome> {
  const command = findCommand(argv);
  if (command) return (await command.entry.load()).run(command.rest, io);
  if (argv[0] === 'set') return setWithoutVerb(argv[1]);
  return (await import('./commands/main.js')).run(argv, io);
}

/** `kset set --help`, or a set verb kset does not have. */
async function setWithoutVerb(word: string | undefined): Promise<string> {
  if (word === undefined || word === '--help' || word === '-h') return setHelp();
  const verbs = commandsUnder('set').map((entry) => `"${entry.words.join(' ')}"`);
  throw usage(`unknown command "set ${word}": kset has ${verbs.join(', ')}`, 'set');
}

function describeError(e: unknown, env: Io['env']): string {
  if (e instanceof KsetError) return formatError(e);
  if (e instanceof InterruptedError) return `kset: ${e.message}`;
  const error = e as Error;
  if (e instanceof RangeError && /call stack/.test(e.message) && env.KSET_DEBUG !== '1') {
    return 'kset: the input (a manifest, patch or config) nests too deeply to be read';
  }
  if (env.KSET_DEBUG === '1') return `kset: internal error: ${error?.stack ?? String(e)}`;
  return `kset: internal error: ${error?.message ?? String(e)} (set KSET_DEBUG=1 for details)`;
}

function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdinIsTty: Boolean(process.stdin.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinChunks: () => process.stdin,
    ...streamOutput(process.stdout),
    stderr: (text) => process.stderr.write(text),
  };
}
