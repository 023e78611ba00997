import { readFileSync } from 'node:fs';
import type { Ajv } from 'ajv';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Schema from './schema-types.generated.js';
import type { ImageEntry, ImageField, ImagePolicyEntry, PatchOptions, PatchTarget } from './types.js';

const ROOT = new URL('../../', import.meta.url);

/** scripts/gen-config.mjs, which makes the generated config files from the schema (a script, not typed). */
interface Generator {
  readSchema(): Record<string, unknown>;
  makeAjv(): Ajv;
  generate(schema?: Record<string, unknown>): Record<string, string>;
}
const generator = (await import(new URL('scripts/gen-config.mjs', ROOT).href)) as Generator;
const schema = generator.readSchema();

describe('schemas/kset.schema.json', () => {
  it('is a valid draft-07 schema that compiles in strict mode', () => {
    const ajv = generator.makeAjv();
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('lists the kset keys in both the kset and the kustomization definitions', () => {
    const definitions = schema.definitions as Record<string, { properties: object }>;
    const kustomization = Object.keys(definitions.kustomization!.properties);
    for (const key of Object.keys(schema.properties as object)) expect(kustomization).toContain(key);
  });
});

describe('the files generated from the schema', () => {
  // generated in memory: this test never writes them
  const generated = Object.entries(generator.generate(schema));

  it('are the three of them', () => {
    expect(generated.map(([file]) => file).sort()).toEqual([
      'src/config/schema-shape.generated.ts',
      'src/config/schema-types.generated.ts',
      'src/config/schema.generated.ts',
    ]);
  });

  it.each(generated)('%s is current', (file, text) => {
    const committed = readFileSync(new URL(file, ROOT), 'utf8');
    expect(committed, `${file} is not what scripts/gen-config.mjs makes of schemas/kset.schema.json: run \`npm run gen:config\``).toBe(text);
  });
});

/** An intersection as one object type, for type equality. */
type Flat<T> = { [K in keyof T]: T[K] };

describe("config/types.ts's hand-written types", () => {
  // Checked by the type checker (`npm run typecheck`): the normalised types keep the schema's fields.
  it('are those of the schema where the normalised config keeps an entry as written', () => {
    expectTypeOf<PatchTarget>().toEqualTypeOf<Schema.Target>();
    expectTypeOf<PatchOptions>().toEqualTypeOf<Schema.PatchOptions>();
    expectTypeOf<ImageField>().toEqualTypeOf<Exclude<Schema.ImageField, string>>();
    expectTypeOf<Pick<ImagePolicyEntry, 'policy' | 'image'>>().toEqualTypeOf<Schema.ImagePolicy>();
    // an image entry's name is '' when the config gives none
    expectTypeOf<Omit<ImageEntry, 'origin'>>().toEqualTypeOf<Flat<Omit<Schema.Image, 'name'> & { name: string }>>();
  });
});
