import type { Node, YAMLMap } from 'yaml';
import { yamlLib } from '../util/yaml-lib.js';
import { YAML_11 } from '../yaml/schema.js';
import { splitStream } from '../yaml/split.js';

/** What stands for a Secret value in a diff; changed values get a suffix so the change still shows. */
export const MASK = '***';
const SECRET_FIELDS = ['data', 'stringData'];
/** A cheap look for a `kind: Secret` (YAML or JSON): only such documents are parsed. */
const SECRET_KIND = /\bkind["']?\s*:\s*["']?Secret\b/;

/** A Secret value's place in a text: [start, end) offsets, and its identity and value for comparing. */
interface SecretValue {
  start: number;
  end: number;
  key: string;
  value: string;
}

/**
 * Both texts with every Secret `data`/`stringData` value replaced by `***`, as `kubectl diff` masks
 * them: a value that differs between the two (or is on one side only) becomes `*** (before)` and
 * `*** (after)`, so the diff shows that it changed but not what it holds.
 */
export function maskSecrets(before: string, after: string): { before: string; after: string } {
  if (!SECRET_KIND.test(before) && !SECRET_KIND.test(after)) return { before, after };
  const old = secretValues(before);
  const now = secretValues(after);
  const oldByKey = new Map(old.map((v) => [v.key, v.value]));
  const nowByKey = new Map(now.map((v) => [v.key, v.value]));
  return {
    before: mask(before, old, (v) => (nowByKey.get(v.key) === v.value ? MASK : `${MASK} (before)`)),
    after: mask(after, now, (v) => (oldByKey.get(v.key) === v.value ? MASK : `${MASK} (after)`)),
  };
}

function mask(text: string, values: SecretValue[], replacement: (value: SecretValue) => string): string {
  let out = '';
  let at = 0;
  for (const value of values) {
    const lineBreak = /\r?\n$/.exec(text.slice(value.start, value.end))?.[0] ?? '';
    out += text.slice(at, value.start) + replacement(value) + lineBreak;
    at = value.end;
  }
  return out + text.slice(at);
}

/** The data/stringData values of every Secret in a stream (List items too), in text order. */
function secretValues(text: string): SecretValue[] {
  if (!SECRET_KIND.test(text)) return [];
  const found: SecretValue[] = [];
  for (const chunk of splitStream(text)) {
    const chunkText = text.slice(chunk.start, chunk.end);
    if (!SECRET_KIND.test(chunkText)) continue;
    const docs = yamlLib().parseAllDocuments(chunkText, YAML_11);
    if (!Array.isArray(docs)) continue;
    for (const doc of docs) {
      const root = doc.contents;
      if (!yamlLib().isMap(root)) continue;
      const items = root.get('items', true);
      const resources = yamlLib().isSeq(items) && String(root.get('kind')).endsWith('List') ? items.items : [root];
      for (const resource of resources) {
        if (yamlLib().isMap(resource) && resource.get('kind') === 'Secret') found.push(...valuesOf(resource, chunk.start));
      }
    }
  }
  return found;
}

function valuesOf(secret: YAMLMap, offset: number): SecretValue[] {
  const metadata = secret.get('metadata', true);
  const id = yamlLib().isMap(metadata) ? `${String(metadata.get('namespace') ?? '')}/${String(metadata.get('name') ?? '')}` : '/';
  const out: SecretValue[] = [];
  for (const field of SECRET_FIELDS) {
    const map = secret.get(field, true);
    if (!yamlLib().isMap(map)) continue;
    for (const pair of map.items) {
      const node = pair.value as Node | null;
      if (!node?.range) continue;
      const key = yamlLib().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out.push({
        start: offset + node.range[0],
        end: offset + node.range[1],
        key: JSON.stringify([id, field, key]),
        value: JSON.stringify(node.toJSON()),
      });
    }
  }
  return out;
}
