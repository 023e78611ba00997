import type { DocumentOptions, SchemaOptions } from 'yaml';
import { exactInteger, isGoNumber, resolveNumber } from './scalars.js';

// kubectl's YAML: how every reader and writer of kset types scalars (go-yaml's YAML 1.1, as kubectl reads it).

/** More alias expansions than this in one document is hostile input (billion laughs), not a manifest. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * YAML as kubectl reads it (go-yaml's YAML 1.1): `yes`/`on` booleans, `0755` octal; but timestamps and
 * base-60 numbers (`1:20`) stay strings, since kubectl turns every document into JSON, and so do the types
 * JSON has no value for (`!!binary`, `!!set`, `!!omap`, `!!pairs`): their nodes read as untagged ones.
 * Plain numbers are read as go-yaml reads them, not by the yaml package's 1.1 patterns (which read `e3`
 * and `.` as NaN, and `0o17` as a string): see resolveNumber.
 */
export const YAML_11 = {
  version: '1.1',
  uniqueKeys: true,
  prettyErrors: false,
  customTags: (tags: Tags) => kubectlTags(tags),
} as const;

/**
 * The yaml package's YAML 1.1 tags as kubectl reads: no time, binary, set, omap or pairs types, and plain
 * numbers typed by go-yaml's rules (the yaml package's patterns read `e3` and `.` as NaN, `0o17` as a
 * string). Writers use them too, so that a string that would read as a number is quoted.
 */
export function kubectlTags(tags: Tags, exact = false): Tags {
  const kept = tags.filter((tag) => !isTimeTag(tag) && !isNonJsonTag(tag));
  // the yaml package's number types only write numbers now; explicit `!!int "7"` tags are read as go-yaml reads them
  const numbers = kept.map((tag) => (typeof tag !== 'string' && /:(int|float)$/.test(tag.tag) ? { ...tag, test: NEVER } : tag));
  const explicit = ['int', 'float'].map((name) => ({ tag: `tag:yaml.org,2002:${name}`, default: false, resolve: resolveNumber }));
  const number = exact ? { ...GO_YAML_NUMBER, resolve: (text: string) => exactInteger(text) ?? resolveNumber(text) } : GO_YAML_NUMBER;
  return [number, ...numbers, ...explicit, ...timestampsAsStrings(tags)] as Tags;
}

/**
 * Timestamps read as the strings kubectl keeps them as; and since the tag still claims them, writers quote
 * such a string (`"2024-05-01T10:00:00Z"`), as kubectl writes it: a YAML 1.1 reader would take it plain as a date.
 */
function timestampsAsStrings(tags: Tags): Tags {
  const time = tags.find((tag) => typeof tag !== 'string' && tag.tag.endsWith(':timestamp'));
  if (!time || typeof time === 'string' || !time.test) return [];
  return [{ tag: time.tag, default: true, test: time.test, resolve: (text: string) => text }] as Tags;
}

const NEVER = { test: () => false } as unknown as RegExp;

/** Plain scalars go-yaml reads as numbers, and the numbers they are. */
const GO_YAML_NUMBER = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  test: { test: isGoNumber } as unknown as RegExp, // the yaml package only calls test()
  resolve: (text: string) => resolveNumber(text),
};

export const PARSE_OPTIONS = { ...YAML_11, keepSourceTokens: true } as const;

/**
 * YAML_11, but an integer kubectl keeps exactly where a double cannot (an int64 beyond 2^53) is read as a
 * bigint, for the writers that can keep it (`-o json`).
 */
export const EXACT_OPTIONS = { ...YAML_11, customTags: (tags: Tags) => kubectlTags(tags, true) } as const;

type Tags = Parameters<Extract<NonNullable<DocumentOptions & SchemaOptions>['customTags'], (tags: never) => unknown>>[0];

function isNonJsonTag(tag: Tags[number]): boolean {
  return typeof tag !== 'string' && /:(binary|set|omap|pairs)$/.test(tag.tag);
}

function isTimeTag(tag: Tags[number]): boolean {
  if (typeof tag === 'string') return tag === 'timestamp' || tag === 'intTime' || tag === 'floatTime';
  return tag.format === 'TIME' || tag.tag.endsWith(':timestamp');
}
