import type { Document, Node } from 'yaml';
import { MAX_ALIAS_COUNT, PARSE_OPTIONS } from '../yaml/schema.js';
import { renderFlow } from '../render/block.js';
import { scalarSource } from '../render/scalar.js';
import { splice, type Edit } from '../render/splice.js';
import { DEFAULT_STYLE } from '../render/style.js';
import type { Json } from '../types.js';
import { yamlLib } from '../util/yaml-lib.js';

/**
 * Edits of a document that holds aliases, made safe for them: an alias (`*a`) stands for its anchored node
 * (`&a`), so an edit of that node would change the alias too, or leave it pointing at nothing. Such aliases
 * are first written out with the value they stand for, and `again` then reconciles the written-out text;
 * the result is one edit of the whole text. Aliases whose anchored node no edit touches stay as they are.
 */
export function keepAliases(text: string, edits: Edit[], again: (text: string, doc: Document.Parsed) => Edit[]): Edit[] {
  if (!edits.length || !text.includes('*')) return edits;
  const yaml = yamlLib();
  const doc = yaml.parseDocument(text, PARSE_OPTIONS);
  const expansions: Edit[] = [];
  yaml.visit(doc, {
    Alias(_, alias, path) {
      const parent = path[path.length - 1];
      if (!alias.range || (yaml.isPair(parent) && parent.key === alias)) return; // an alias as a key stays
      const [start, end] = alias.range;
      if (edits.some((edit) => edit.start < edit.end && edit.start <= start && end <= edit.end)) return; // rewritten
      const target = alias.resolve(doc) as Node | undefined;
      const range = target?.range;
      if (!range || !edits.some((edit) => edit.start <= range[2] && edit.end >= range[0])) return;
      const value = target.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) as Json;
      // a number keeps its own text (an integer beyond 2^53 its digits, which its double would change)
      const written =
        value !== null && typeof value === 'object'
          ? renderFlow(value, DEFAULT_STYLE)
          : typeof value === 'number'
            ? text.slice(range[0], range[1])
            : scalarSource(value, undefined, DEFAULT_STYLE, true);
      expansions.push({ start, end, text: written });
    },
  });
  if (!expansions.length) return edits;
  const expanded = splice(text, expansions);
  return [{ start: 0, end: text.length, text: splice(expanded, again(expanded, yaml.parseDocument(expanded, PARSE_OPTIONS))) }];
}
