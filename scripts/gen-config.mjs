#!/usr/bin/env node
// Generates what kset's code needs to know of its config from schemas/kset.schema.json, the one source
// of truth for the config's shape:
//
//   src/config/schema.generated.ts        the compiled validators (ajv standalone code): validateKset and
//                                         validateKustomization, for config/validate.ts
//   src/config/schema-types.generated.ts  TypeScript types of a config as the schema describes it (one per
//                                         definition, KsetConfig for the whole), for config/normalize.ts
//   src/config/schema-shape.generated.ts  the config's keys (CONFIG_KEYS, what a kset fn ConfigMap's data
//                                         may hold), a Kset object's apiVersion and kind, and the shape
//                                         config/go-json.ts reads a config by (KSET_SHAPE, KUSTOMIZATION_SHAPE)
//
//   npm run gen:config                    (node scripts/gen-config.mjs) writes the files that changed
//   node scripts/gen-config.mjs --check   writes nothing; fails when a file is not current
//
// src/config/schema.test.ts runs generate() in memory and fails, without writing, when a committed file
// differs: change the schema, then run `npm run gen:config`. The generators understand the JSON Schema
// keywords the schema uses (KEYWORDS below) and refuse any other, rather than guess what it means.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_FILE = 'schemas/kset.schema.json';
const SELF = 'scripts/gen-config.mjs';

export const OUTPUTS = {
  validator: 'src/config/schema.generated.ts',
  types: 'src/config/schema-types.generated.ts',
  shape: 'src/config/schema-shape.generated.ts',
};

const DEFINITIONS = '#/definitions/';

/** The keywords the generators understand; a schema using another one is refused. */
const KEYWORDS = new Set([
  '$schema',
  'title',
  'description',
  'definitions',
  '$ref',
  'type',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'allOf',
  'oneOf',
  'if',
  'then',
  'else',
  'minLength',
  'pattern',
]);

/** schemas/kset.schema.json, parsed. */
export function readSchema() {
  return JSON.parse(readFileSync(resolve(ROOT, SCHEMA_FILE), 'utf8'));
}

/** ajv as the validator is compiled: strict, and `verbose` so that errors carry their schema (validate.ts reads it). */
export function makeAjv() {
  return new Ajv({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true,
    // String lengths by UTF-16 units: the generated code then needs no ajv runtime import.
    unicode: false,
    logger: false,
    code: { source: true, esm: true, lines: true },
  });
}

/** Each generated file (path relative to the project) → its text, made from `schema`. */
export function generate(schema = readSchema()) {
  checkKeywords(schema, '#');
  return {
    [OUTPUTS.validator]: validatorModule(schema),
    [OUTPUTS.types]: typesModule(schema),
    [OUTPUTS.shape]: shapeModule(schema),
  };
}

function header(what, { tsNocheck = false } = {}) {
  return [
    ...(tsNocheck ? ['// @ts-nocheck'] : []),
    `// Generated from ${SCHEMA_FILE} by ${SELF}${what ? ` (${what})` : ''}.`,
    '// Do not edit: change the schema, then run `npm run gen:config` (src/config/schema.test.ts checks that this file is current).',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The validator

function validatorModule(schema) {
  const ajv = makeAjv();
  ajv.addSchema(schema, 'kset');
  const code = standalone.default(ajv, {
    validateKset: 'kset',
    validateKustomization: 'kset#/definitions/kustomization',
  });
  if (/\brequire\(|^import /m.test(code)) throw new Error(`${SELF}: the validator's code imports ajv's runtime; it must stand alone`);
  return header('ajv standalone code', { tsNocheck: true }) + code + '\n';
}

// ---------------------------------------------------------------------------------------------
// The TypeScript types

function typesModule(schema) {
  const lines = [
    header(),
    '// The types of a config as the schema describes it: what config/normalize.ts reads once the value is',
    '// validated. config/types.ts holds the normalised Config; schema.test.ts checks its types against these.',
    '',
  ];
  const declare = (name, definition) => {
    lines.push(...docComment(definition, ''));
    const body = tsType(definition, '');
    if (isPlainObject(definition) && body.startsWith('{')) lines.push(`export interface ${name} ${body}`, '');
    else lines.push(`export type ${name} = ${body};`, '');
  };
  declare('KsetConfig', withoutDefinitions(schema));
  for (const [name, definition] of Object.entries(schema.definitions ?? {})) declare(typeName(name), definition);
  return lines.join('\n').replace(/\n+$/, '\n');
}

function withoutDefinitions(schema) {
  const { definitions: _d, $schema: _s, title: _t, ...rest } = schema;
  return rest;
}

/** A plain object type, with properties and no combinator: declared as an interface. */
function isPlainObject(schema) {
  return schema !== true && schema.type === 'object' && !schema.oneOf && !schema.allOf && !schema.if;
}

function typeName(definition) {
  return definition[0].toUpperCase() + definition.slice(1);
}

function refName(ref) {
  if (!ref.startsWith(DEFINITIONS)) throw new Error(`${SELF}: $ref ${ref} is not to ${DEFINITIONS}…`);
  return ref.slice(DEFINITIONS.length);
}

/** The TypeScript type of a schema; `indent` is that of the line the type starts on. */
function tsType(schema, indent) {
  if (schema === true) return 'unknown';
  if (schema.$ref) return typeName(refName(schema.$ref));
  if (schema.const !== undefined) return JSON.stringify(schema.const).replaceAll('"', "'");
  if (schema.allOf) return schema.allOf.map((member) => tsType(member, indent)).join(' & ');
  if (Array.isArray(schema.type)) return typeUnion(schema, indent);
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = tsType(schema.items ?? true, indent);
      return /[|&]/.test(item) ? `(${item})[]` : `${item}[]`;
    }
    case 'object':
    case undefined:
      return objectType(schema, indent);
    default:
      throw new Error(`${SELF}: type ${JSON.stringify(schema.type)} is not supported`);
  }
}

/** `type: [a, b]` with `if: {type: a}`: `then` applies to an a, `else` to the others. */
function typeUnion(schema, indent) {
  const byIf = schema.if && Object.keys(schema.if).join() === 'type' ? schema.if.type : undefined;
  return schema.type
    .map((type) => {
      const branch = byIf === undefined ? {} : type === byIf ? schema.then : schema.else;
      const { type: _t, if: _i, then: _th, else: _e, description: _d, ...rest } = schema;
      return tsType({ ...rest, ...branch, type }, indent);
    })
    .join(' | ');
}

function objectType(schema, indent) {
  const properties = Object.entries(schema.properties ?? {});
  if (!properties.length) return schema.additionalProperties === false ? 'Record<string, never>' : 'Record<string, unknown>';
  const inner = indent + '  ';
  const required = new Set(schema.required ?? []);
  const members = properties.flatMap(([key, value]) => [
    ...docComment(value, inner),
    `${inner}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${tsType(value, inner)};`,
  ]);
  const body = `{\n${members.join('\n')}\n${indent}}`;
  if (!schema.oneOf) return body;
  // oneOf of `required` alone: exactly one of those keys is set
  const keys = schema.oneOf.map((branch) => {
    if (Object.keys(branch).join() !== 'required' || branch.required.length !== 1) {
      throw new Error(`${SELF}: a oneOf other than one of several required keys is not supported`);
    }
    return branch.required[0];
  });
  const branches = keys.map((key) => {
    const others = keys.filter((other) => other !== key).map((other) => `; ${propertyKey(other)}?: never`);
    return `{ ${propertyKey(key)}: ${tsType(schema.properties[key], inner)}${others.join('')} }`;
  });
  return `${body} & (${branches.join(' | ')})`;
}

function propertyKey(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
}

function docComment(schema, indent) {
  if (schema === true) return [];
  const notes = [schema.description, schema.minLength ? 'Not empty.' : undefined, schema.pattern ? `Matches \`${schema.pattern}\`.` : undefined];
  const oneOf = schema.oneOf?.map((branch) => `\`${branch.required?.[0]}\``);
  if (oneOf) notes.push(`Exactly one of ${oneOf.join(' and ')}.`);
  const text = notes.filter(Boolean).join(' ').replaceAll('*/', '*\\/');
  return text ? [`${indent}/** ${text} */`] : [];
}

// ---------------------------------------------------------------------------------------------
// The keys and the shape go-json.ts reads by

function shapeModule(schema) {
  const kustomization = schema.definitions?.kustomization;
  if (!kustomization) throw new Error(`${SELF}: the schema has no kustomization definition`);
  // kustomize's own keys (`true` in the kustomization) that a Kset object has too are its envelope
  // (apiVersion, kind, metadata), which config/normalize.ts takes off before go-json.ts reads the rest.
  const kustomizeKeys = Object.keys(kustomization.properties).filter((key) => kustomization.properties[key] === true);
  const envelope = Object.keys(schema.properties).filter((key) => kustomizeKeys.includes(key));
  const configKeys = Object.keys(schema.properties).filter((key) => schema.properties[key].$ref);
  for (const key of configKeys) {
    if (JSON.stringify(kustomization.properties[key]) !== JSON.stringify(schema.properties[key])) {
      throw new Error(`${SELF}: the config key ${key} is not the same in the kustomization definition`);
    }
  }
  const constant = (key) => {
    const value = schema.properties[key]?.const;
    if (typeof value !== 'string') throw new Error(`${SELF}: the schema's ${key} is not a string const`);
    return value;
  };
  const ksetFields = Object.fromEntries(Object.entries(schema.properties).filter(([key]) => !envelope.includes(key)));
  const shapes = new Shapes(schema);
  const kset = shapes.literal({ fields: shapes.fieldsOf(ksetFields) }, '');
  const kustomizationShape = shapes.literal({ fields: shapes.fieldsOf(kustomization.properties) }, '');

  return [
    header(),
    "/** A Kset object's apiVersion (a Kset object is a config, the keys besides apiVersion, kind and metadata). */",
    `export const KSET_API_VERSION = '${constant('apiVersion')}';`,
    '',
    "/** A Kset object's kind. */",
    `export const KSET_KIND = '${constant('kind')}';`,
    '',
    "/** The keys of a kset config (those a kustomization.yaml shares), in the schema's order. */",
    `export const CONFIG_KEYS: readonly string[] = [${configKeys.map((key) => `'${key}'`).join(', ')}];`,
    '',
    '// What go-json.ts reads a config by, as kustomize decodes it into its types: a map names its fields',
    "// (`undefined`: a string or boolean); a list's items are maps (`nullIsEmpty`: a null item is an empty",
    "// one) or 'opaque', a value kept as it is. One constant per definition that is a map.",
    '',
    ...shapes.declarations(),
    '/** A config. */',
    `export const KSET_SHAPE = ${kset} as const;`,
    '',
    "/** A kustomization.yaml used as a config: the kset keys, and kustomize's own, which kset keeps as they are. */",
    `export const KUSTOMIZATION_SHAPE = ${kustomizationShape} as const;`,
    '',
  ].join('\n');
}

const OPAQUE = 'opaque';

/**
 * How Go's encoding/json decodes a value of a schema into kustomize's types: a string or boolean
 * (undefined), a struct (its fields), a list (of structs, where a null item is the zero struct, or
 * of anything else, kept as it is), or a value kset does not look into (opaque). A struct that is a
 * definition is declared once, as a constant, and named where it is used.
 */
class Shapes {
  constructor(root) {
    this.root = root;
    /** definition → its declaration, in the order they must be declared (a definition after those it names) */
    this.declared = new Map();
  }

  fieldsOf(properties) {
    return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, this.shapeOf(value)]));
  }

  shapeOf(schema) {
    if (schema !== true && schema.$ref) {
      const name = refName(schema.$ref);
      const resolved = resolveRef(schema, this.root);
      if (!isStruct(resolved, this.root)) return this.shapeOf(resolved);
      if (this.declared.has(name) && this.declared.get(name) === undefined) {
        throw new Error(`${SELF}: definition ${name} contains itself; a recursive shape is not supported`);
      }
      if (!this.declared.has(name)) {
        this.declared.set(name, undefined); // being declared
        const literal = this.literal(this.shapeOf(resolved), '');
        this.declared.delete(name);
        this.declared.set(name, `const ${constName(name)} = ${literal} as const;`);
      }
      return { ref: name };
    }
    if (schema === true) return OPAQUE;
    if (schema.const !== undefined || schema.type === 'string' || schema.type === 'boolean') return undefined;
    if (schema.type === 'array') {
      const item = schema.items ?? true;
      return isStruct(resolveRef(item, this.root), this.root) ? { item: this.shapeOf(item), nullIsEmpty: true } : { item: OPAQUE };
    }
    if (isStruct(schema, this.root)) {
      const properties = {};
      for (const member of [schema, ...(schema.allOf ?? []).map((m) => resolveRef(m, this.root))]) {
        for (const [key, value] of Object.entries(member.properties ?? {})) properties[key] ??= value;
      }
      return { fields: this.fieldsOf(properties) };
    }
    return OPAQUE;
  }

  declarations() {
    return [...this.declared.values()].flatMap((declaration) => [declaration, '']);
  }

  literal(shape, indent) {
    if (shape === undefined) return 'undefined';
    if (shape === OPAQUE) return `'${OPAQUE}'`;
    if ('ref' in shape) return constName(shape.ref);
    if ('item' in shape) return `{ item: ${this.literal(shape.item, indent)}${shape.nullIsEmpty ? ', nullIsEmpty: true' : ''} }`;
    const inner = indent + '    ';
    const fields = Object.entries(shape.fields).map(([key, value]) => `${inner}${propertyKey(key)}: ${this.literal(value, inner)},`);
    return `{\n${indent}  fields: {\n${fields.join('\n')}\n${indent}  },\n${indent}}`;
  }
}

/** `patchOptions` → `PATCH_OPTIONS`. */
function constName(definition) {
  return definition.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** A map with named fields (what Go decodes into a struct): `type: object` with properties, or an allOf of such. */
function isStruct(schema, root) {
  if (schema === true) return false;
  if (schema.allOf) return schema.allOf.every((member) => isStruct(resolveRef(member, root), root));
  return schema.type === 'object' && schema.properties !== undefined;
}

function resolveRef(schema, root) {
  if (schema === true || !schema.$ref) return schema;
  const definition = root.definitions?.[refName(schema.$ref)];
  if (definition === undefined) throw new Error(`${SELF}: $ref ${schema.$ref} names no definition`);
  return resolveRef(definition, root);
}

// ---------------------------------------------------------------------------------------------

function checkKeywords(schema, at) {
  if (schema === true) return;
  if (typeof schema !== 'object' || schema === null) throw new Error(`${SELF}: ${at} is not a schema`);
  for (const [keyword, value] of Object.entries(schema)) {
    if (!KEYWORDS.has(keyword)) throw new Error(`${SELF}: keyword ${keyword} at ${at} is not supported: teach ${SELF} what it means`);
    if (keyword === 'properties' || keyword === 'definitions') {
      for (const [key, member] of Object.entries(value)) checkKeywords(member, `${at}/${keyword}/${key}`);
    } else if (keyword === 'allOf' || keyword === 'oneOf') {
      value.forEach((member, i) => checkKeywords(member, `${at}/${keyword}/${i}`));
    } else if (['items', 'if', 'then', 'else'].includes(keyword)) {
      checkKeywords(value, `${at}/${keyword}`);
    } else if (keyword === 'additionalProperties' && typeof value !== 'boolean') {
      throw new Error(`${SELF}: additionalProperties at ${at} is a schema; only true or false is supported`);
    }
  }
}

function main(args) {
  const check = args.includes('--check');
  const stale = [];
  for (const [file, text] of Object.entries(generate())) {
    const absolute = resolve(ROOT, file);
    let current;
    try {
      current = readFileSync(absolute, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    stale.push(file);
    if (!check) writeFileSync(absolute, text);
  }
  if (check && stale.length) {
    console.error(`${stale.join(', ')}: not current; run \`npm run gen:config\``);
    process.exitCode = 1;
  } else if (!check) {
    console.log(stale.length ? `wrote ${stale.join(', ')}` : 'the generated config files are current');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
