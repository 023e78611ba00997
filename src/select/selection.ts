import { KsetError } from '../errors.js';
import { isObject, type JsonObject } from '../types.js';
import { closest } from '../util/suggest.js';
import { builtinTypeNames, resolveType, typeMatchesKind } from './kinds.js';
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
    const [types = '', ...names] = args;
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

/**
 * A selection as a step uses it over one stream: `select` takes each resource as `selects` does and
 * remembers what the errors at the end need; `finish` throws what only the whole input shows: a named
 * resource it does not hold, or a type that names no built-in type and no kind of the input.
 */
export interface SelectionTracker {
  select(resource: JsonObject): { named?: number[] } | undefined;
  finish(): void;
  /** Whether finish() may throw: the step's output must wait for the end of the input. */
  failsAtEnd: boolean;
}

export function trackSelection(selection: Selection): SelectionTracker {
  const found = new Set<number>();
  const kinds = new Map<string, string | undefined>(); // kind → an apiVersion it comes in
  const elsewhere = new Map<number, string>(); // named entry → a namespace the input has it in
  const unresolved = [...selection.types, ...selection.named.map((entry) => entry.type)].filter((type) => !resolveType(type));
  return {
    failsAtEnd: selection.named.length > 0 || unresolved.length > 0,
    select(resource) {
      if (unresolved.length && typeof resource.kind === 'string' && !kinds.has(resource.kind)) {
        kinds.set(resource.kind, typeof resource.apiVersion === 'string' ? resource.apiVersion : undefined);
      }
      const match = selects(selection, resource);
      for (const index of match?.named ?? []) found.add(index);
      if (!match && selection.namespace !== undefined && selection.named.length) {
        const anywhere = selects({ ...selection, namespace: undefined }, resource);
        const namespace = isObject(resource.metadata) ? resource.metadata.namespace : undefined;
        for (const index of anywhere?.named ?? []) if (typeof namespace === 'string') elsewhere.set(index, namespace);
      }
      return match;
    },
    finish() {
      for (const type of unresolved) {
        if (![...kinds].some(([kind, apiVersion]) => typeMatchesKind(type, kind, apiVersion))) throw unknownType(type, kinds.keys());
      }
      const missing = selection.named.findIndex((_, i) => !found.has(i));
      if (missing >= 0) throw notFound(selection.named[missing]!, selection.namespace, elsewhere.get(missing));
    },
  };
}

/** A type kubectl would not know, with the name it most likely meant. */
function unknownType(type: string, kinds: Iterable<string>): KsetError {
  const name = type.split('.')[0]!;
  const guess = closest(name.toLowerCase(), [...builtinTypeNames(), ...[...kinds].map((kind) => kind.toLowerCase())]);
  return new KsetError(`unknown resource type ${JSON.stringify(type)}${guess ? ` (did you mean ${guess}?)` : ''}: no built-in type and no kind of the input`);
}

/** kubectl's `deployments.apps "web" not found` for a named resource the input does not hold (in the `-n` namespace). */
export function notFound({ type, name }: { type: string; name: string }, namespace?: string, elsewhere?: string): KsetError {
  const where = namespace === undefined ? ' in the input' : ` in namespace ${namespace} (nor without one)`;
  const hint = elsewhere === undefined ? '' : `: the input has it in namespace ${elsewhere}`;
  return new KsetError(`${type} "${name}" not found${where}${hint}`);
}
