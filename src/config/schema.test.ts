import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';

const schemaUrl = new URL('../../schemas/kset.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Record<string, unknown>;

const HEADER = `// @ts-nocheck
// Generated from schemas/kset.schema.json by src/config/schema.test.ts (ajv standalone code).
// Do not edit: change the schema, then run \`npx vitest run src/config/schema.test.ts -u\`.
`;

/** ajv options shared by the generator and the meta-schema check; `verbose` gives errors their schema. */
function makeAjv(): Ajv {
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

describe('schemas/kset.schema.json', () => {
  it('is a valid draft-07 schema that compiles in strict mode', () => {
    const ajv = makeAjv();
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('is what src/config/schema.generated.ts was generated from', async () => {
    const ajv = makeAjv();
    ajv.addSchema(schema, 'kset');
    const code = standaloneCode.default(ajv, {
      validateKset: 'kset',
      validateKustomization: 'kset#/definitions/kustomization',
    });
    expect(code).not.toMatch(/\brequire\(|^import /m);
    await expect(HEADER + code + '\n').toMatchFileSnapshot('./schema.generated.ts');
  });

  it('lists the kset keys in both the kset and the kustomization definitions', () => {
    const definitions = schema.definitions as Record<string, { properties: object }>;
    const kustomization = Object.keys(definitions.kustomization!.properties);
    for (const key of Object.keys(schema.properties as object)) expect(kustomization).toContain(key);
  });
});
