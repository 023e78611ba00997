import type { PatchTarget } from '../config/types.js';
import { KsetError } from '../errors.js';
import { isObject, type Json, type JsonObject } from '../types.js';
import { compileGoRegExp, GoRegExpError, isGoLiteral, type GoRegExp } from '../util/go-regexp.js';
import { matches, parseSelector, type Selector } from './label-selector.js';
import { effectiveNamespace } from '../schema/scope.js';

/**
 * Which resources a kustomize patch applies to (kustomize `resmap.Select` with `types.SelectorRegex`,
 * and `GetById` for strategic merge patches without a target).
 */

export interface TargetMatcher {
  target: PatchTarget;
  group?: GoRegExp;
  version?: GoRegExp;
  kind?: GoRegExp;
  name?: GoRegExp;
  namespace?: GoRegExp;
  labelSelector?: Selector;
  annotationSelector?: Selector;
}

const REGEX_FIELDS = ['group', 'version', 'kind', 'name', 'namespace'] as const;

/** Compiles a target once; an empty or absent field matches anything. Throws KsetError for a bad regex or selector. */
export function compileTarget(target: PatchTarget): TargetMatcher {
  const matcher: TargetMatcher = { target };
  for (const field of REGEX_FIELDS) {
    const pattern = target[field];
    if (pattern) matcher[field] = anchoredRegExp(pattern, field);
  }
  if (target.labelSelector) matcher.labelSelector = selectorFor(target.labelSelector, 'labelSelector');
  if (target.annotationSelector) {
    matcher.annotationSelector = selectorFor(target.annotationSelector, 'annotationSelector');
  }
  return matcher;
}

/**
 * Whether the target selects `resource`. `original` is the resource as it was read, when patches
 * have changed its id since: as in kustomize, its name and namespace may match the original ones
 * or the current ones (each on its own); group, version and kind are the current ones.
 */
export function matchesTarget(matcher: TargetMatcher, resource: JsonObject, original: JsonObject = resource): boolean {
  const { group, version } = splitApiVersion(resource.apiVersion);
  const metadata = isObject(resource.metadata) ? resource.metadata : {};
  const originalName = isObject(original.metadata) ? text(original.metadata.name) : '';
  return (
    (test(matcher.namespace, effectiveNamespace(resource)) || test(matcher.namespace, effectiveNamespace(original))) &&
    (test(matcher.name, text(metadata.name)) || test(matcher.name, originalName)) &&
    test(matcher.group, group) &&
    test(matcher.version, version) &&
    test(matcher.kind, text(resource.kind)) &&
    (!matcher.labelSelector || matches(matcher.labelSelector, stringMap(metadata.labels))) &&
    (!matcher.annotationSelector || matches(matcher.annotationSelector, stringMap(metadata.annotations)))
  );
}

/**
 * Whether an untargeted strategic merge patch names `resource`: same group, version, kind and name,
 * and the same effective namespace (no namespace means `default`; cluster-scoped kinds have none),
 * as kustomize's `ResId.Equals`. So a patch without a namespace matches no resource of another namespace.
 */
export function matchesPatchId(patch: JsonObject, resource: JsonObject): boolean {
  const patchMeta = isObject(patch.metadata) ? patch.metadata : {};
  const resourceMeta = isObject(resource.metadata) ? resource.metadata : {};
  const name = text(patchMeta.name);
  const kind = text(patch.kind);
  if (!name || !kind) return false;
  const mine = splitApiVersion(patch.apiVersion);
  const theirs = splitApiVersion(resource.apiVersion);
  return (
    name === text(resourceMeta.name) &&
    kind === text(resource.kind) &&
    mine.group === theirs.group &&
    mine.version === theirs.version &&
    effectiveNamespace(patch) === effectiveNamespace(resource)
  );
}

/** `apps/v1` → apps + v1; `v1` → core group "" + v1. */
export function splitApiVersion(apiVersion: Json | undefined): { group: string; version: string } {
  const value = text(apiVersion);
  const slash = value.indexOf('/');
  return slash === -1 ? { group: '', version: value } : { group: value.slice(0, slash), version: value.slice(slash + 1) };
}

/**
 * A target field's Go regular expression, anchored at both ends as kustomize anchors it (`^(?:…)$`,
 * compiled whole: Go's message quotes that).
 */
function anchoredRegExp(pattern: string, field: string): GoRegExp {
  if (isGoLiteral(pattern)) return { test: (text) => text === pattern };
  try {
    return compileGoRegExp(`^(?:${pattern})$`);
  } catch (error) {
    if (error instanceof GoRegExpError) {
      throw new KsetError(`target ${field} ${JSON.stringify(pattern)} is not a valid regular expression: ${error.message}`);
    }
    throw error;
  }
}

function selectorFor(text: string, field: string): Selector {
  try {
    return parseSelector(text);
  } catch (error) {
    if (error instanceof KsetError) throw new KsetError(`target ${field}: ${error.message}`);
    throw error;
  }
}

function test(regex: GoRegExp | undefined, value: string): boolean {
  return !regex || regex.test(value);
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** Labels or annotations as strings (a YAML `version: 1` label reads as "1"). */
function stringMap(value: Json | undefined): Record<string, string> {
  if (!isObject(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, member] of Object.entries(value)) {
    if (!isObject(member) && !Array.isArray(member)) result[key] = text(member);
  }
  return result;
}
