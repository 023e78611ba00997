import { KsetError } from '../errors.js';
import { isObject, type JsonObject } from '../types.js';
import { typeMatchesKind } from './kinds.js';
import { matches, parseSelector, type Selector } from './label-selector.js';

/** Which resources a kubectl-style verb names: `TYPE/NAME…`, `TYPE NAME…`, `TYPE --all`, `TYPE -l SEL`, `--all`. */
export interface Selection {
  /** `TYPE/NAME` or `TYPE NAME` pairs; empty with `all` or `selector`. */
  named: { type: string; name: string }[];
  /** The types of `TYPE --all` / `TYPE -l SEL` (comma lists split); empty means every workload. */
  types: string[];
  all: boolean;
  selector?: Selector;
  namespace?: string;
}

export interface SelectionFlags {
  all?: boolean;
  selector?: string;
  namespace?: string;
  /**
   * `-f FILE` or `--local` given: without resource arguments the input's own objects are the
   * resources (kubectl set image --local -f F PAIRS, or -f F -l SELECTOR), as if `--all`.
   */
  fromInput?: boolean;
}

/**
 * Reads the resource arguments of a verb (everything before its `CONTAINER=IMAGE` pairs or patch)
 * as kubectl's resource builder does: `TYPE1,TYPE2 NAME…` names each name of each type, `--all`
 * applies to a type alone (with names it is ignored), a selector needs a type and no names.
 */
export function parseSelection(args: string[], flags: SelectionFlags): Selection {
  const selection: Selection = { named: [], types: [], all: Boolean(flags.all), namespace: flags.namespace };
  if (flags.selector !== undefined) selection.selector = parseSelector(flags.selector);
  if (selection.all && selection.selector) throw new KsetError('cannot set --all and --selector at the same time');
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length && slashed.length !== args.length) {
    throw new KsetError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (${args.join(' ')})`);
  }
  if (slashed.length) {
    selection.named = args.map(splitTypeName);
    if (selection.selector) throw new KsetError('selectors cannot be used when passing resource/name arguments');
  } else if (args.length) {
    const [types, ...names] = args;
    const typeList = splitTypes(types);
    if (names.length) {
      if (selection.selector) throw new KsetError('name cannot be provided when a selector is specified');
      selection.named = typeList.flatMap((type) => names.map((name) => ({ type, name })));
    } else {
      selection.types = typeList;
    }
  } else if (flags.fromInput) {
    if (!selection.selector) selection.all = true;
  } else if (selection.selector) {
    throw new KsetError('at least one resource type must be specified to use a selector: TYPE -l SELECTOR');
  }
  if (selection.named.length) selection.all = false;
  if (!selection.named.length && !selection.all && !selection.selector) {
    throw new KsetError(
      selection.types.length
        ? `resource(s) were provided, but no name was specified: use TYPE/NAME, TYPE NAME, --all or -l SELECTOR`
        : 'you must specify the resources: TYPE/NAME, TYPE NAME, TYPE --all, TYPE -l SELECTOR, --all, or -f FILE for all of its objects',
    );
  }
  return selection;
}

/** kubectl's `TYPE/NAME`: one slash, one type, both parts non-empty. */
function splitTypeName(arg: string): { type: string; name: string } {
  const parts = arg.split('/');
  if (parts.length !== 2) throw new KsetError(`${JSON.stringify(arg)}: arguments in resource/name form may not have more than one slash`);
  const [type, name] = parts as [string, string];
  if (!name || splitTypes(type).length !== 1) {
    throw new KsetError(`${JSON.stringify(arg)}: arguments in resource/name form must have a single resource and name`);
  }
  return { type, name };
}

/** `deploy,sts` → its types, empty items and repeats dropped (kubectl's SplitResourceArgument). */
function splitTypes(list: string): string[] {
  return [...new Set(list.split(',').filter(Boolean))];
}

/** Whether the selection takes this resource; `named`: the indices of the named entries it matches, when by name. */
export function selects(selection: Selection, resource: JsonObject): { named?: number[] } | undefined {
  const kind = typeof resource.kind === 'string' ? resource.kind : undefined;
  if (!kind) return undefined;
  const apiVersion = typeof resource.apiVersion === 'string' ? resource.apiVersion : undefined;
  const meta = isObject(resource.metadata) ? resource.metadata : {};
  // kubectl --local -n NS takes a document without a namespace (kubectl apply -n NS would put it there)
  const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  if (selection.namespace !== undefined && namespace !== undefined && namespace !== selection.namespace) return undefined;
  if (selection.named.length) {
    const named = selection.named.flatMap(({ type, name }, i) => (name === meta.name && typeMatchesKind(type, kind, apiVersion) ? [i] : []));
    return named.length ? { named } : undefined;
  }
  if (selection.types.length && !selection.types.some((type) => typeMatchesKind(type, kind, apiVersion))) return undefined;
  if (selection.selector && !matches(selection.selector, labelsOf(meta.labels))) return undefined;
  return {};
}

function labelsOf(value: unknown): Record<string, string> | undefined {
  return isObject(value) ? (value as Record<string, string>) : undefined;
}

/** kubectl's `deployments.apps "web" not found` for a named resource the input does not hold (in the `-n` namespace). */
export function notFound({ type, name }: { type: string; name: string }, namespace?: string): KsetError {
  return new KsetError(`${type} "${name}" not found in the input${namespace === undefined ? '' : ` (in namespace ${namespace} or without one)`}`);
}
