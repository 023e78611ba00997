import { KsetError } from '../errors.js';
import type { SelectorArgument } from '../transform/set-selector.js';
import { parseSelector } from './label-selector.js';

/**
 * `kubectl set selector`'s argument as metav1.ParseToLabelSelector reads it: a label selector whose
 * `=`/`==` terms are the labels and whose set-based terms are expressions (which a Service refuses).
 */
export function parseSelectorArgument(text: string): SelectorArgument {
  let requirements;
  try {
    requirements = parseSelector(text).requirements;
  } catch (e) {
    const prefix = `invalid selector ${JSON.stringify(text)}: `;
    if (e instanceof KsetError && e.message.startsWith(prefix)) {
      throw new KsetError(`couldn't parse the selector string ${JSON.stringify(text)}: ${e.message.slice(prefix.length)}`);
    }
    throw e;
  }
  const labels = new Map<string, string>();
  const expressions: string[] = [];
  // labels.Parse sorts the terms by key (an insertion sort for a dozen terms: stable, a later one wins)
  const sorted = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, operator, values } of sorted) {
    if (operator === 'gt' || operator === 'lt') throw new KsetError(`"${operator}" isn't supported in label selectors`);
    if (operator === '!=') throw new KsetError(`"!=" is not a valid label selector operator`);
    if (operator === '=' || operator === '==') labels.set(key, values[0]!);
    else expressions.push(`{${key} ${EXPRESSION_NAMES[operator]} [${values.join(' ')}]}`);
  }
  return { labels, expressions };
}

const EXPRESSION_NAMES: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
