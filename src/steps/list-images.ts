import type { ImageField } from '../config/types.js';
import { runPipeline, type Step } from '../pipeline.js';
import { resourceId } from '../resource-id.js';
import { listImages } from '../transform/list-images.js';
import type { Source } from '../types.js';
import { pointerOf } from '../util/json-pointer.js';
import { jsonText } from '../render/json.js';
import { at } from '../util/at.js';

export interface ImageUse {
  file: string | null;
  document: number;
  resource: string;
  container?: string;
  pointer: string;
  image: string;
}

/** Every image reference in the sources, in stream order. */
export function findImages(sources: Source[], fields: ImageField[]): ImageUse[] {
  const found: ImageUse[] = [];
  const collect: Step = {
    origin: { label: 'images' },
    mayTouch: (text) => text.includes('image') || fields.length > 0,
    apply(resource, context) {
      const { kind, namespace, name } = resourceId(resource);
      const id = `${String(kind)}/${namespace !== undefined ? `${namespace}/` : ''}${name ?? ''}`;
      const prefix = context.item === undefined ? '' : `/items/${context.item}`;
      for (const location of listImages(resource, fields)) {
        found.push({
          file: context.document.file,
          document: context.document.index,
          resource: id,
          container: location.container ?? location.volume,
          pointer: prefix + pointerOf(location.path),
          image: location.image,
        });
      }
      return resource;
    },
  };
  runPipeline(sources, [collect]);
  return found;
}

/** `kset images`: a table (or JSON) of every image reference. */
export function listImagesReport(sources: Source[], fields: ImageField[], format: 'table' | 'json'): string {
  const uses = findImages(sources, fields);
  if (format === 'json') return jsonText(uses, 2) + '\n';
  const header = ['RESOURCE', 'CONTAINER', 'IMAGE', 'FILE'];
  const rows = [header, ...uses.map((u) => [u.resource, u.container ?? '', u.image, u.file ?? '-'])];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => at(r, i).length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(at(widths, i)))).join('  ')).join('\n') + '\n';
}
