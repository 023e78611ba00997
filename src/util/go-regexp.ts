import { lazyPackage } from './yaml-lib.js';

/**
 * Go regular expressions (what kustomize compiles patch targets and image names with), matched by
 * re2js, a port of RE2: Go's syntax (`[[:alpha:]]`, `\pL`, `\Q…\E`, `(?i)` anywhere…), Go's refusals
 * (lookaround, backreferences, repeat counts over 1000) with Go's messages, and matching in time linear
 * in the text whatever the pattern, so a pattern from a stranger's pull request cannot hang kset.
 */

export interface GoRegExp {
  /** Whether the pattern matches somewhere in `text` (anchors are the pattern's own). */
  test(text: string): boolean;
}

/** A pattern Go refuses; the message is Go's, e.g. ``error parsing regexp: missing closing ): `(a` ``. */
export class GoRegExpError extends Error {}

const re2js = lazyPackage<typeof import('re2js')>('re2js');

const SYNTAX = /[\\.+*?()|[\]{}^$]/;

/**
 * Whether Go reads `pattern` as its own text, character for character (none of Go's syntax in it). Callers
 * then compare strings: loading and warming up the engine costs a one-document run about 30 ms.
 */
export function isGoLiteral(pattern: string): boolean {
  return !SYNTAX.test(pattern);
}

// matching runs on every resource of a stream: each pattern is compiled once (a config has few of them)
const compiled = new Map<string, GoRegExp>();
const CACHE_LIMIT = 1000;

/** Compiles `pattern` as Go's `regexp.Compile` does; throws GoRegExpError for what Go refuses. */
export function compileGoRegExp(pattern: string): GoRegExp {
  let regexp = compiled.get(pattern);
  if (regexp) return regexp;
  const { RE2JS, RE2JSException } = re2js();
  try {
    regexp = RE2JS.compile(pattern);
  } catch (error) {
    if (error instanceof RE2JSException) throw new GoRegExpError(error.message);
    throw error;
  }
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(pattern, regexp);
  return regexp;
}
