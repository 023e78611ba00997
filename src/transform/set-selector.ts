import { KsetError } from '../errors.js';
import { isObject, type JsonObject, type WritableJsonObject } from '../types.js';
import { updateAt } from './update-at.js';

/**
 * The selector argument of `kubectl set selector` (metav1.ParseToLabelSelector): a label selector
 * whose `KEY=VALUE` / `KEY==VALUE` terms give the selector's labels (a later key wins) and whose other
 * terms are expressions, which a Service cannot hold: kubectl refuses them on it.
 */
export interface SelectorArgument {
  labels: Map<string, string>;
  /** The terms that are not `=`/`==`, as kubectl names them in its error. */
  expressions: string[];
}

/**
 * `kubectl set selector` on a Service: `spec.selector` becomes the argument's labels. Keys kept with
 * their value stay where they are, changed ones change in place, new ones follow in Go's order; an
 * empty selector removes the field, as kubectl's Go round trip drops an empty map.
 */
export function setSelector(service: JsonObject, selector: SelectorArgument): JsonObject {
  if (service.kind !== 'Service' || service.apiVersion !== 'v1') throw new KsetError('setting a selector is only supported for Services');
  if (selector.expressions.length) throw new KsetError(`match expression [${selector.expressions.join(' ')}] not supported on this object`);
  return updateAt(service, ['spec', 'selector'], (current) => {
    const existing = isObject(current) ? current : {};
    const next: WritableJsonObject = {};
    for (const key of Object.keys(existing)) {
      if (selector.labels.has(key)) next[key] = selector.labels.get(key)!;
    }
    for (const key of [...selector.labels.keys()].sort()) {
      if (!Object.hasOwn(next, key)) next[key] = selector.labels.get(key)!;
    }
    if (Object.keys(next).length === 0) return isObject(current) && Object.keys(current).length === 0 ? current : undefined;
    const same = isObject(current) && Object.keys(current).length === Object.keys(next).length && Object.entries(next).every(([k, v]) => current[k] === v);
    return same ? current : next;
  });
}
