/** What the CLI reads and writes; tests pass their own. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  /** All of stdin: its bytes (decoded and checked in one place, commands/transform.ts), or text. */
  stdin: () => Promise<Uint8Array | string>;
  /** Stdin in pieces as they arrive, for streaming; without it stdin() is read as one piece. */
  stdinChunks?: () => AsyncIterable<Uint8Array | string>;
  stdinIsTty: boolean;
  /** Whether stdout is a terminal (diffs are coloured then, unless NO_COLOR is set). */
  stdoutIsTty?: boolean;
  /** Writes to stdout (text, or UTF-8 bytes); throws OutputError once a write has failed. */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** Resolves once all that was written to stdout is out; rejects with an OutputError when a write failed. */
  flush?: () => Promise<void>;
}

/** Writing to stdout failed: the reader went away (EPIPE), the disk is full (ENOSPC)… */
export class OutputError extends Error {
  readonly code: string | undefined;

  constructor(readonly reason: NodeJS.ErrnoException) {
    super(reason.message);
    this.code = reason.code;
  }
}

/**
 * Stdout for a Node stream (process.stdout): a failed write is remembered and thrown as an OutputError by
 * the next write and by flush(), rather than left to crash the process as an unhandled 'error' event.
 */
export function streamOutput(stream: NodeJS.WritableStream): Pick<Io, 'stdout' | 'flush'> {
  let failure: NodeJS.ErrnoException | undefined;
  let last: Promise<void> = Promise.resolve();
  stream.on('error', (e: NodeJS.ErrnoException) => (failure ??= e));
  return {
    stdout(text) {
      if (failure) throw new OutputError(failure);
      last = new Promise((resolve) =>
        stream.write(text, (e) => {
          if (e) failure ??= e;
          resolve();
        }),
      );
    },
    async flush() {
      await last;
      if (failure) throw new OutputError(failure);
    },
  };
}

/** A command's stdout and an exit code other than 0 (--check). */
export class Exit {
  constructor(
    readonly stdout: string,
    readonly code: number,
  ) {}
}

/** What a command leaves for stdout: its text, its text and exit code, or nothing. */
export type Outcome = string | Exit | undefined;

/** A command of kset: `run` reads the arguments after its words (`set image`) and returns its outcome. */
export interface CommandModule {
  run(argv: string[], io: Io): Promise<Outcome>;
}
