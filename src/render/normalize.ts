import { yamlLib } from '../util/yaml-lib.js';
import { YAML_11 } from '../yaml/schema.js';
import { isPlainSafe } from './scalar.js';
import { exactInteger } from '../yaml/scalars.js';
import { YAML_11_BREAKS, escapeBreaks } from './json.js';

/**
 * A document chunk in kset's one canonical style (`--normalize`): 2-space indentation, flush block
 * sequences, block collections (empty ones stay `{}`/`[]`), strings plain where YAML 1.1 and 1.2 read
 * them back unchanged and double-quoted otherwise, block scalars kept; comments kept.
 */
export function normalizeChunk(text: string): string {
  // the yaml package may place a comment differently once it reads its own writing (a comment after a
  // document's last item becomes the document's, with a blank line before it): written until it stays
  let out = normalizeOnce(text);
  for (let i = 0; i < 2; i++) {
    const again = normalizeOnce(out);
    if (again === out) break;
    out = again;
  }
  return out;
}

function normalizeOnce(text: string): string {
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
            // an integer beyond a double's that kubectl keeps exactly is written as its digits, not the double's
            if (typeof node.value === 'number' && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
              const exact = exactInteger((node as { source?: string }).source ?? '');
              if (exact !== undefined) node.value = exact;
            }
            if (typeof node.value !== 'string') return;
            // YAML 1.1's other line breaks are written escaped, in double quotes (see escapeBreaks below)
            if (YAML_11_BREAKS.test(node.value)) node.type = 'QUOTE_DOUBLE';
            // block scalars are kept, but an empty one (the yaml package writes `|` and a line more each time)
            else if (node.value === '' || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED'))
              node.type = isPlainSafe(node.value) ? 'PLAIN' : 'QUOTE_DOUBLE';
          },
        });
        // raw U+0085, U+2028 and U+2029 now stand only in double quotes (or comments): escaped
        return escapeBreaks(doc.toString({ indent: 2, indentSeq: false, lineWidth: 0, directives: false, commentString }));
      })
      .join('---\n')
  );
}

/**
 * `#` before each line of a comment. The yaml package's default splits lines on every JavaScript line
 * terminator, so a lone CR in a comment gained a `#` after it each time kset read its own writing.
 */
function commentString(comment: string): string {
  return comment
    .split('\n')
    .map((line) => (line === '' ? '' : line === ' ' ? '#' : `#${line}`))
    .join('\n');
}
