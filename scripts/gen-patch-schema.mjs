#!/usr/bin/env node
// Generates schemas/patch-meta.json, the compact strategic-merge-patch table kset uses for built-in kinds,
// from the Kubernetes OpenAPI v2 document (swagger.json).
//
//   node scripts/gen-patch-schema.mjs [SWAGGER_JSON]   (default: ../shared/k8s-openapi/swagger.json from the project root)
//
// Table shape:
//   { "kinds": { "apps/v1/Deployment": "apps.v1.Deployment", ... },
//     "types": { "apps.v1.DeploymentSpec": { "template": "core.v1.PodTemplateSpec", "strategy": {...} }, ... } }
// A field is either the name of its (object or list item) type, or an object with
//   t: type name, s: x-kubernetes-patch-strategy, k: x-kubernetes-patch-merge-key,
//   l: x-kubernetes-list-type (atomic is the default and left out), m: x-kubernetes-list-map-keys.
// The field "*" stands for every key of a map (additionalProperties); a field holding a map of typed
// values refers to the synthetic type `map[X]`, whose only field is "*".
// Only fields that carry merge metadata, or lead to a type that does, are kept.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = process.argv[2] ? resolve(process.argv[2]) : resolve(root, '../shared/k8s-openapi/swagger.json');
const output = resolve(root, 'schemas/patch-meta.json');

const definitions = JSON.parse(readFileSync(input, 'utf8')).definitions;
const REF = '#/definitions/';

/** `io.k8s.api.apps.v1.Deployment` → `apps.v1.Deployment`; falls back to the full name on a clash. */
function shortNames(names) {
  const short = (n) => {
    if (n.startsWith('map[')) return `map[${short(n.slice(4, -1))}]`;
    return n
      .replace(/^io\.k8s\./, '')
      .replace(/^api\./, '')
      .replace(/^[^.]+\.pkg\.apis\./, '');
  };
  const count = new Map();
  for (const n of names) count.set(short(n), (count.get(short(n)) ?? 0) + 1);
  return new Map(names.map((n) => [n, count.get(short(n)) === 1 ? short(n) : n]));
}

/** The definition a property points to, directly or through `items`; `map[X]` through `additionalProperties`. */
function refOf(prop) {
  const name = (target) => (target?.startsWith(REF) ? target.slice(REF.length) : undefined);
  const direct = name(prop.$ref ?? prop.items?.$ref ?? prop.allOf?.[0]?.$ref);
  if (direct) return direct;
  const values = name(prop.additionalProperties?.$ref ?? prop.additionalProperties?.items?.$ref);
  return values ? `map[${values}]` : undefined;
}

/** The merge metadata of a property, without its type. */
function metaOf(prop) {
  const meta = {};
  if (prop['x-kubernetes-patch-strategy']) meta.s = prop['x-kubernetes-patch-strategy'];
  if (prop['x-kubernetes-patch-merge-key']) meta.k = prop['x-kubernetes-patch-merge-key'];
  const listType = prop['x-kubernetes-list-type'];
  if (listType && listType !== 'atomic') meta.l = listType;
  if (prop['x-kubernetes-list-map-keys']) meta.m = prop['x-kubernetes-list-map-keys'];
  return meta;
}

/** Raw fields of a definition: name → { ref, meta }; `*` for a typed additionalProperties. */
function rawFields(def) {
  const fields = {};
  for (const [name, prop] of Object.entries(def.properties ?? {})) {
    fields[name] = { ref: refOf(prop), meta: metaOf(prop) };
  }
  if (def.additionalProperties && typeof def.additionalProperties === 'object') {
    fields['*'] = { ref: refOf(def.additionalProperties), meta: {} };
  }
  return fields;
}

/** A definition, or the synthetic `map[X]` definition for a map of X. */
function definition(name) {
  const values = /^map\[(.*)\]$/.exec(name)?.[1];
  return values ? { additionalProperties: { $ref: REF + values } } : definitions[name];
}

// Kinds and the definitions reachable from them.
const kinds = {};
const reachable = new Set();
const stack = [];
for (const [name, def] of Object.entries(definitions)) {
  for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
    kinds[`${gvk.group ? gvk.group + '/' : ''}${gvk.version}/${gvk.kind}`] = name;
    stack.push(name);
  }
}
while (stack.length) {
  const name = stack.pop();
  if (reachable.has(name) || !definition(name)) continue;
  reachable.add(name);
  for (const { ref } of Object.values(rawFields(definition(name)))) if (ref) stack.push(ref);
}

// A type is relevant when one of its fields carries metadata or leads to a relevant type (fixpoint for cycles).
const fieldsOf = new Map([...reachable].map((n) => [n, rawFields(definition(n))]));
const relevant = new Set();
for (let changed = true; changed; ) {
  changed = false;
  for (const [name, fields] of fieldsOf) {
    if (relevant.has(name)) continue;
    const hit = Object.values(fields).some((f) => Object.keys(f.meta).length || (f.ref && relevant.has(f.ref)));
    if (hit) relevant.add(name), (changed = true);
  }
}

const names = shortNames([...reachable].sort());
const types = {};
for (const name of [...relevant].sort()) {
  const entry = {};
  for (const [field, { ref, meta }] of Object.entries(fieldsOf.get(name)).sort(([a], [b]) => cmp(a, b))) {
    const type = ref && relevant.has(ref) ? names.get(ref) : undefined;
    if (!type && !Object.keys(meta).length) continue;
    entry[field] = Object.keys(meta).length ? sortKeys({ ...meta, ...(type ? { t: type } : {}) }) : type;
  }
  types[names.get(name)] = entry;
}
// Every kind gets an entry, even one whose type holds nothing that matters: a known kind is merged with
// apimachinery's rules, an unknown one with kustomize's.
const kindTable = {};
for (const gvk of Object.keys(kinds).sort(cmp)) {
  const type = names.get(kinds[gvk]);
  kindTable[gvk] = type;
  types[type] ??= {};
}

const table = { kinds: kindTable, types: sortKeys(types) };
writeFileSync(output, JSON.stringify(table) + '\n');
console.log(`${output}: ${Object.keys(kindTable).length} kinds, ${Object.keys(types).length} types, ` +
  `${(JSON.stringify(table).length / 1024).toFixed(1)} KB`);

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => cmp(a, b)));
}
