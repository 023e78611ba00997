/** What the CLI reads and writes; tests pass their own. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: () => Promise<string>;
  /** Stdin in pieces as they arrive, for streaming; without it stdin() is read as one piece. */
  stdinChunks?: () => AsyncIterable<string>;
  stdinIsTty: boolean;
  /** Whether stdout is a terminal (diffs are coloured then, unless NO_COLOR is set). */
  stdoutIsTty?: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
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
