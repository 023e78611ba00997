import { unlinkSync, writeSync } from 'node:fs';
import { constants } from 'node:os';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Holds SIGINT, SIGTERM and SIGHUP while a batch of files is written, and the temp files it made so far.
 * A signal is recorded, not obeyed: the batch checks `interrupted()` between its steps and stops there,
 * removing its temp files. A second signal while the first is held removes the temp files at once and
 * lets the signal do what it would have done. Whatever ends the process meanwhile (process.exit from
 * any code) removes the temp files too.
 */
export class SignalGuard {
  /** The temp files that exist now: removed on any early end. */
  readonly temps = new Set<string>();
  signal?: NodeJS.Signals;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.signal === undefined) {
      this.signal = signal;
      return;
    }
    this.release();
    process.kill(process.pid, signal);
  };
  private readonly onExit = () => this.removeTemps();

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
    process.on('exit', this.onExit);
  }

  /** Whether a signal came. */
  interrupted(): boolean {
    return this.signal !== undefined;
  }

  /** The exit code of a process the held signal stopped: 128 + its number. */
  exitCode(): number {
    return 128 + (constants.signals[this.signal!] ?? 0);
  }

  /** Removes the temp files still listed (synchronously: a signal may be on its way). */
  removeTemps(): void {
    for (const temp of this.temps) {
      try {
        unlinkSync(temp);
      } catch {
        // gone already
      }
    }
    this.temps.clear();
  }

  /** Signals do what they did before: the batch is over. */
  release(): void {
    this.removeTemps();
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
    process.off('exit', this.onExit);
  }
}

/** The steps of a batch a test may stop it at (KSET_TEST_PAUSE_AT). */
export type Phase = 'staging' | 'staged' | 'renaming' | 'renamed';

/**
 * KSET_TEST_PAUSE_AT=PHASE, for tests: when a batch reaches PHASE (`staging`: the first temp file is
 * written; `staged`: all are, none renamed; `renaming`: the first is renamed; `renamed`: all are), kset
 * writes `kset: test pause at PHASE` to stderr and waits, so that a test can signal it exactly there.
 * It waits 5 s or until a signal comes; while renaming, where no signal handler runs, 2 s.
 */
export async function testPause(phase: Phase, guard: SignalGuard): Promise<void> {
  if (!pausesAt(phase)) return;
  for (let waited = 0; waited < 5000 && !guard.interrupted(); waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** testPause where nothing may run in between: a plain wait. */
export function testPauseSync(phase: Phase): void {
  if (pausesAt(phase)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
}

function pausesAt(phase: Phase): boolean {
  if (process.env.KSET_TEST_PAUSE_AT !== phase) return false;
  writeSync(2, `kset: test pause at ${phase}\n`);
  return true;
}
