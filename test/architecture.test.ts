import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// The import graph of src/ (test files aside): stages depend only forwards, and nothing cycles.
//
// The stages, in pipeline order: read → select → transform → reconcile → render → write. A module of a
// stage imports modules of its own stage, of later stages, and shared leaves; never an earlier stage
// (what an earlier stage made reaches it as an argument, typed in a leaf). Leaves import only leaves.
// The entry points and the steps that assemble the pipeline sit above the stages and import anything.

const STAGES = ['read', 'select', 'transform', 'reconcile', 'render', 'write'];
const LEAVES = ['types.ts', 'errors.ts', 'resource-id.ts', 'results.ts', 'version.ts', 'util', 'yaml', 'schema', 'config/types.ts'];

type Layer = { kind: 'leaf' } | { kind: 'stage'; rank: number } | { kind: 'top' };

function layerOf(module: string): Layer {
  if (LEAVES.some((leaf) => module === leaf || module.startsWith(leaf + '/'))) return { kind: 'leaf' };
  const rank = STAGES.indexOf(module.split('/')[0]!);
  return rank >= 0 ? { kind: 'stage', rank } : { kind: 'top' };
}

/** Each module of src/ (path relative to src/) → the modules it imports, statically or lazily. */
function importGraph(): Map<string, string[]> {
  const src = path.join(ROOT, 'src');
  const modules = (readdirSync(src, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  const graph = new Map<string, string[]>();
  for (const module of modules) {
    const text = readFileSync(path.join(src, module), 'utf8');
    const targets = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) =>
      path.posix.normalize(path.posix.join(path.posix.dirname(module), m[1]!)).replace(/\.js$/, '.ts'),
    );
    graph.set(module, [...new Set(targets)]);
  }
  return graph;
}

function allowed(from: string, to: string): boolean {
  const [a, b] = [layerOf(from), layerOf(to)];
  if (a.kind === 'top') return true;
  if (b.kind === 'leaf') return true;
  if (a.kind === 'leaf') return false;
  return b.kind === 'stage' && b.rank >= a.rank;
}

describe('architecture', () => {
  const graph = importGraph();

  it('finds the modules and their imports', () => {
    expect(graph.get('pipeline.ts')).toContain('reconcile/reconcile.ts');
    for (const targets of graph.values()) for (const target of targets) expect(graph.has(target), target).toBe(true);
  });

  it.each([
    ['render/splice.ts', 'reconcile/reconcile.ts', false],
    ['transform/images.ts', 'select/target.ts', false],
    ['yaml/tree.ts', 'read/document.ts', false],
    ['write/diff.ts', 'pipeline.ts', false],
    ['reconcile/reconcile.ts', 'render/block.ts', true],
    ['transform/images.ts', 'util/go-regexp.ts', true],
    ['steps/patch.ts', 'select/target.ts', true],
  ])('the rule: %s -> %s is %s', (from, to, expected) => expect(allowed(from, to)).toBe(expected));

  it('no stage imports an earlier stage or a module above the stages; leaves import only leaves', () => {
    const backwards = [...graph].flatMap(([from, targets]) => targets.filter((to) => !allowed(from, to)).map((to) => `${from} -> ${to}`));
    expect(backwards).toEqual([]);
  });

  it('the import graph has no cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (module: string, trail: string[]) => {
      if (state.get(module) === 'done') return;
      if (state.get(module) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(module)), module].join(' -> '));
        return;
      }
      state.set(module, 'open');
      for (const next of graph.get(module) ?? []) visit(next, [...trail, module]);
      state.set(module, 'done');
    };
    for (const module of graph.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });
});
