import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { closest, pathLabel, positionAt, validateConfig } from './validate.js';

function locate(text: string) {
  const doc = parseDocument(text, { version: '1.1' });
  return { file: 'kset.yaml', text, doc, node: doc.contents, value: doc.toJS() as unknown };
}

function errorOf(text: string, kustomization = false): KsetError {
  const { value, ...where } = locate(text);
  try {
    validateConfig(value, { ...where, kustomization });
  } catch (error) {
    if (error instanceof KsetError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('validateConfig', () => {
  it.each([
    'images:\n- name: nginx\n  newTag: "1.20"\n',
    '$schema: ./schemas/kset.schema.json\nimages: []\n',
    'patches:\n- path: p.yaml\n  target: {group: apps, version: v1, kind: Deployment, name: web, namespace: ns, labelSelector: a=b, annotationSelector: c=d}\n  options: {allowNameChange: true, allowKindChange: false}\n',
    'patchesStrategicMerge:\n- p.yaml\n- |\n  apiVersion: v1\n  kind: ConfigMap\n',
    'patchesJson6902:\n- target: {kind: Service, name: web}\n  patch: "[]"\n',
    'imageFields:\n- spec.image\n- spec.steps[].image\n- {path: spec.template[].image, kind: Task, group: tekton.dev}\n',
    'crds: [crds/widget.yaml]\n',
    'images:\n- &web {name: web, newTag: "2"}\n- *web\n',
  ])('accepts %j', (text) => {
    const { value, ...where } = locate(text);
    expect(() => validateConfig(value, where)).not.toThrow();
  });

  const cases: { name: string; text: string; message: string; line: number; col: number }[] = [
    {
      name: 'images given as a map',
      text: 'images:\n  name: nginx\n  newTag: "1.1"\n',
      message: 'images: must be a list, not a map',
      line: 2,
      col: 3,
    },
    {
      name: 'a typo in a top-level key',
      text: 'image:\n- name: nginx\n',
      message: 'unknown key `image` (did you mean `images`?)',
      line: 1,
      col: 1,
    },
    {
      name: 'another typo',
      text: 'images: []\npatchs:\n- path: p.yaml\n',
      message: 'unknown key `patchs` (did you mean `patches`?)',
      line: 2,
      col: 1,
    },
    {
      name: 'a key far from every known key',
      text: 'resourcez: []\n',
      message: 'unknown key `resourcez`',
      line: 1,
      col: 1,
    },
    {
      name: 'a newTag that YAML reads as a number',
      text: 'images:\n- name: golang\n  newTag: 1.20\n',
      message: 'images[0].newTag: must be a string, not a number — quote it: newTag: "1.20"',
      line: 3,
      col: 11,
    },
    {
      name: 'a newTag that YAML 1.1 reads as a boolean',
      text: 'images:\n- name: app\n  newTag: yes\n',
      message: 'images[0].newTag: must be a string, not a boolean — quote it: newTag: "yes"',
      line: 3,
      col: 11,
    },
    {
      name: 'an octal-looking newTag in a flow map',
      text: 'images: [{name: app, newTag: 0755}]\n',
      message: 'images[0].newTag: must be a string, not a number — quote it: newTag: "0755"',
      line: 1,
      col: 30,
    },
    {
      name: 'a case typo in an image key',
      text: 'images:\n- name: app\n  newtag: "2"\n',
      message: 'images[0]: unknown key `newtag` (did you mean `newTag`?)',
      line: 3,
      col: 3,
    },
    {
      name: 'both path and patch',
      text: 'patches:\n- path: p.yaml\n  patch: |-\n    - op: add\n  target:\n    kind: Deployment\n',
      message: "patches[0]: `patch` and `path` can't be set at the same time",
      line: 2,
      col: 3,
    },
    {
      name: 'neither path nor patch',
      text: 'patches:\n- target:\n    kind: Deployment\n',
      message: 'patches[0]: needs one of `patch` or `path`',
      line: 2,
      col: 3,
    },
    {
      name: 'a typo in a target',
      text: 'patches:\n- path: p.yaml\n  target:\n    knd: Deployment\n',
      message: 'patches[0].target: unknown key `knd` (did you mean `kind`?)',
      line: 4,
      col: 5,
    },
    {
      name: 'an option that is not a boolean',
      text: 'patches:\n- path: p.yaml\n  options:\n    allowNameChange: "true"\n',
      message: 'patches[0].options.allowNameChange: must be true or false, not a string',
      line: 4,
      col: 22,
    },
    {
      name: 'a JSON 6902 patch without target',
      text: 'patchesJson6902:\n- path: ops.yaml\n',
      message: 'patchesJson6902[0]: missing required key `target`',
      line: 2,
      col: 3,
    },
    {
      name: 'a patchesStrategicMerge item that is not a string',
      text: 'patchesStrategicMerge:\n- {kind: Deployment}\n',
      message: 'patchesStrategicMerge[0]: must be a string, not a map',
      line: 2,
      col: 3,
    },
    {
      name: 'an image field that is not a path',
      text: 'imageFields:\n- spec..image\n',
      message: 'imageFields[0]: `spec..image` is not a field path like spec.image or spec.steps[].image',
      line: 2,
      col: 3,
    },
    {
      name: 'an image field object without path',
      text: 'imageFields:\n- kind: Prometheus\n',
      message: 'imageFields[0]: missing required key `path`',
      line: 2,
      col: 3,
    },
    {
      name: 'an image field of the wrong type',
      text: 'imageFields:\n- 12\n',
      message: 'imageFields[0]: must be a string or a map, not a number — quote it: "12"',
      line: 2,
      col: 3,
    },
    {
      name: 'a config that is a list',
      text: '- name: nginx\n',
      message: 'config: must be a map, not a list',
      line: 1,
      col: 1,
    },
    {
      name: 'a kustomize key in a kset config',
      text: 'namePrefix: prod-\n',
      message: 'unknown key `namePrefix`',
      line: 1,
      col: 1,
    },
  ];
  it.each(cases)('$name', ({ text, message, line, col }) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.position).toEqual({ file: 'kset.yaml', line, col });
    // a one-line config gets no excerpt: an excerpt never shows a whole file (src/errors.ts)
    if (text.trim().includes('\n')) expect(error.excerpt).toContain(`${line} | `);
    else expect(error.excerpt).toBeFalsy();
  });

  describe('kustomization', () => {
    it('accepts and ignores kustomize keys', () => {
      const text =
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\nnamePrefix: p-\nimageTags: [{name: a, newTag: "1"}]\nimages: []\n';
      const { value, ...where } = locate(text);
      expect(() => validateConfig(value, { ...where, kustomization: true })).not.toThrow();
    });

    it('still rejects keys kustomize does not know', () => {
      const error = errorOf('resources: [a.yaml]\nimage:\n- name: a\n', true);
      expect(error.message).toBe('unknown key `image` (did you mean `images`?)');
      expect(error.position.line).toBe(2);
    });

    it('still checks the keys kset reads', () => {
      expect(errorOf('resources: [a.yaml]\nimages:\n- name: golang\n  newTag: 1.20\n', true).message).toMatch(/^images\[0\]\.newTag: must be a string/);
      expect(errorOf('imageTags:\n- name: a\n  newTag: 1\n', true).message).toMatch(/^imageTags\[0\]\.newTag: must be a string/);
    });
  });

  it('names only the file when the config has no text (a code config)', () => {
    let error: unknown;
    try {
      validateConfig({ images: [{ name: 'a', newTag: 1.2 }] }, { file: 'kset.config.mjs' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KsetError);
    expect((error as KsetError).message).toBe('images[0].newTag: must be a string, not a number — quote it: newTag: "1.2"');
    expect((error as KsetError).position).toEqual({ file: 'kset.config.mjs' });
    expect((error as KsetError).excerpt).toBeUndefined();
  });
});

describe('positionAt', () => {
  it('follows aliases to their anchor', () => {
    const { value: _value, ...where } = locate('images:\n- &web\n  name: web\n- *web\n');
    expect(positionAt(where, ['images', 1, 'name'])).toEqual({ file: 'kset.yaml', line: 3, col: 9 });
  });

  it("finds a key in another case, the spelling that sorts last, the later of two equal keys (kustomize's reading)", () => {
    const { value: _value, ...where } = locate('images:\n- name: a\n  newtag: 1\n  NEWTAG: 2\n  newtag: 3\n');
    expect(positionAt(where, ['images', 0, 'newTag'])).toEqual({ file: 'kset.yaml', line: 5, col: 11 });
  });

  it('gives the key or the value', () => {
    const { value: _value, ...where } = locate('patches:\n- path:   p.yaml\n');
    expect(positionAt(where, ['patches', 0, 'path'], 'key')).toEqual({ file: 'kset.yaml', line: 2, col: 3 });
    expect(positionAt(where, ['patches', 0, 'path'])).toEqual({ file: 'kset.yaml', line: 2, col: 11 });
  });
});

describe('pathLabel', () => {
  it.each([
    [[], 'config'],
    [['images', 0, 'newTag'], 'images[0].newTag'],
    [['patches', 2, 'target', 'kind'], 'patches[2].target.kind'],
    [['weird key'], '["weird key"]'],
  ] as const)('%j → %s', (path, label) => {
    expect(pathLabel(path)).toBe(label);
  });
});

describe('closest', () => {
  const known = ['images', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'imageFields', 'crds'];
  it.each([
    ['image', 'images'],
    ['patchs', 'patches'],
    ['Patches', 'patches'],
    ['crd', 'crds'],
    ['imagefields', 'imageFields'],
    ['resources', undefined],
    ['ab', undefined],
  ])('%s → %s', (key, guess) => {
    expect(closest(key, known)).toBe(guess);
  });
});
