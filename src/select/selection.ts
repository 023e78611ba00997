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
}

/** Reads the resource arguments of a verb (everything before its `CONTAINER=IMAGE` pairs or patch). */
export function parseSelection(args: string[], flags: SelectionFlags): Selection {
  const selection: Selection = { named: [], types: [], all: Boolean(flags.all), namespace: flags.namespace };
  if (flags.selector !== undefined) selection.selector = parseSelector(flags.selector);
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length && slashed.length !== args.length) {
    throw new KsetError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (${args.join(' ')})`);
  }
  if (slashed.length) {
    for (const arg of args) {
      const [type, name] = splitOnce(arg, '/');
      if (!type || !name) throw new KsetError(`invalid resource ${JSON.stringify(arg)}: expected TYPE/NAME`);
      selection.named.push({ type, name });
    }
  } else if (args.length) {
    const [types, ...names] = args;
    const typeList = types.split(',').filter(Boolean);
    if (names.length) {
      if (typeList.length > 1) throw new KsetError(`a name needs a single resource type, not ${types}`);
      selection.named = names.map((name) => ({ type: typeList[0], name }));
    } else {
      selection.types = typeList;
    }
  }
  if (selection.named.length && (selection.all || selection.selector)) {
    throw new KsetError('name cannot be provided when a selector or --all is specified');
  }
  if (!selection.named.length && !selection.all && !selection.selector) {
    throw new KsetError(
      selection.types.length
        ? `resource(s) were provided, but no name was specified: use TYPE/NAME, TYPE NAME, --all or -l SELECTOR`
        : 'you must specify the resources: TYPE/NAME, TYPE NAME, TYPE --all, TYPE -l SELECTOR or --all',
    );
  }
  return selection;
}

/** Whether the selection takes this resource; `index` of the named entry it matched, when by name. */
export function selects(selection: Selection, resource: JsonObject): { index?: number } | undefined {
  const kind = typeof resource.kind === 'string' ? resource.kind : undefined;
  if (!kind) return undefined;
  const apiVersion = typeof resource.apiVersion === 'string' ? resource.apiVersion : undefined;
  const meta = isObject(resource.metadata) ? resource.metadata : {};
  if (selection.namespace !== undefined && (meta.namespace ?? 'default') !== selection.namespace) return undefined;
  if (selection.named.length) {
    const index = selection.named.findIndex(({ type, name }) => name === meta.name && typeMatchesKind(type, kind, apiVersion));
    return index >= 0 ? { index } : undefined;
  }
  if (selection.types.length && !selection.types.some((type) => typeMatchesKind(type, kind, apiVersion))) return undefined;
  if (selection.selector && !matches(selection.selector, labelsOf(meta.labels))) return undefined;
  return {};
}

function labelsOf(value: unknown): Record<string, string> | undefined {
  return isObject(value) ? (value as Record<string, string>) : undefined;
}

function splitOnce(text: string, sep: string): [string, string] {
  const at = text.indexOf(sep);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** kubectl's `deployments.apps "web" not found` for a named resource the input does not hold. */
export function notFound({ type, name }: { type: string; name: string }): KsetError {
  return new KsetError(`${type} "${name}" not found in the input`);
}
