import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { parseSelection } from '../select/selection.js';
import type { JsonObject } from '../types.js';
import { setSelectorStep } from './set-selector.js';
import { setSubjectStep } from './set-subject.js';
import { verbStep } from './verb.js';

const service: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } };
const configMap: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' } };
const step = (args: string[], flags = {}) =>
  verbStep({
    label: 'touch',
    selection: parseSelection(args, flags),
    takes: (resource) => resource.kind === 'Service',
    refusal: () => 'not a Service',
    edit: (resource) => ({ ...resource, touched: true }),
  });

describe('verbStep', () => {
  it('--all without a type takes what the verb applies to and passes the rest', () => {
    const s = step([], { all: true });
    expect(s.apply(service, {} as never)).toEqual({ ...service, touched: true });
    expect(s.apply(configMap, {} as never)).toBe(configMap);
  });

  it("refuses a named object, or one of a named type, that the verb does not apply to, with the verb's words", () => {
    expect(() => step(['cm/web']).apply(configMap, {} as never)).toThrow(/^not a Service$/);
    expect(() => step(['cm'], { all: true }).apply(configMap, {} as never)).toThrow(/^not a Service$/);
  });

  it("puts the object's name before the edit's errors", () => {
    const failing = verbStep({
      label: 'x',
      selection: parseSelection(['svc/web'], {}),
      takes: () => true,
      edit: () => {
        throw new KsetError('boom');
      },
    });
    expect(() => failing.apply(service, {} as never)).toThrow(/^service\/web: boom$/);
  });

  it('fails at the end for a named object the input does not hold', () => {
    const s = step(['svc/web', 'svc/api']);
    expect(s.failsAtEnd).toBe(true);
    s.apply(service, {} as never);
    expect(() => s.finish!()).toThrow(/svc "api" not found in the input/);
  });
});

describe('mayTouch of set subject and set selector', () => {
  const binding = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n';
  it('skips the documents without the kind when nothing is named', () => {
    const subject = setSubjectStep(parseSelection([], { all: true }), [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'bob' }]);
    expect(subject.mayTouch!(binding)).toBe(true);
    expect(subject.mayTouch!('kind: Service\n')).toBe(false);
    expect(subject.mayTouch!('kind: "RoleB\\x69nding"\n')).toBe(true);
    const selector = setSelectorStep(parseSelection([], { all: true }), { labels: new Map(), expressions: [] }, '');
    expect(selector.mayTouch!(binding)).toBe(false);
  });

  it('reads every document when an object or type is named (a wrong kind named is an error)', () => {
    expect(setSubjectStep(parseSelection(['deploy/web'], {}), []).mayTouch).toBeUndefined();
    expect(setSelectorStep(parseSelection(['deploy'], { all: true }), { labels: new Map(), expressions: [] }, '').mayTouch).toBeUndefined();
  });
});
