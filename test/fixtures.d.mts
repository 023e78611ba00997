/** The Deployment `web` (see fixtures.mjs): in namespace `shop` unless `namespace` says another or null, on `image` (acme/web:1). */
export function webDeployment(options?: { namespace?: string | null; image?: string }): string;

/** The Service `web` in namespace `shop`, port 80. */
export const WEB_SERVICE: string;

export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** A small seeded random generator (mulberry32): the same numbers for the same seed on every machine. */
export function seededRandom(seed: number): SeededRandom;
