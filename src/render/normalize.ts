import { yamlLib } from '../util/yaml-lib.js';
import { YAML_11 } from '../read/document.js';
import { isPlainSafe } from './scalar.js';

/**
 * A document chunk in kset's one canonical style (`--normalize`): 2-space indentation, flush block
 * sequences, block collections (empty ones stay `{}`/`[]`), strings plain where YAML 1.1 and 1.2 read
 * them back unchanged and double-quoted otherwise, block scalars kept; comments kept.
 */
export function normalizeChunk(text: string): string {
  if (text.split('\n').every((line) => /^(---)?\s*(#.*)?$/.test(line))) return text; // nothing but comments
  const { parseAllDocuments, visit } = yamlLib();
  const docs = parseAllDocuments(text, YAML_11);
  if (!Array.isArray(docs)) return text;
  const separator = /^---(\s|$)/.test(text) ? '---\n' : '';
  return (
    separator +
    docs
      .map((doc) => {
        visit(doc, {
          Collection(_, node) {
            if (node.items.length) node.flow = false;
          },
          Scalar(_, node) {
            if (typeof node.value !== 'string' || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return;
            node.type = isPlainSafe(node.value) ? 'PLAIN' : 'QUOTE_DOUBLE';
          },
        });
        return doc.toString({ indent: 2, indentSeq: false, lineWidth: 0, directives: false });
      })
      .join('---\n')
  );
}
