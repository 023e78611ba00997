import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { parseImageFlag } from './image-flag.js';

const DIGEST = 'sha256:0f3c3a0d7b4bcbd0c4e7c51de1c4f6d6b6b4c0a1c6f7e5d2b1a09f8e7d6c5b4a';

describe('parseImageFlag', () => {
  const cases: { value: string; want: Record<string, string> }[] = [
    { value: 'app=registry.example.com/app:1.3.1', want: { name: 'app', newName: 'registry.example.com/app', newTag: '1.3.1' } },
    { value: `app=mirror/app@${DIGEST}`, want: { name: 'app', newName: 'mirror/app', digest: DIGEST } },
    { value: `app=mirror/app:1.3@${DIGEST}`, want: { name: 'app', newName: 'mirror/app', newTag: '1.3', digest: DIGEST } },
    { value: 'app=mirror/app', want: { name: 'app', newName: 'mirror/app' } },
    { value: 'app:1.3', want: { name: 'app', newTag: '1.3' } },
    { value: `app@${DIGEST}`, want: { name: 'app', digest: DIGEST } },
    { value: `app:1.3@${DIGEST}`, want: { name: 'app', newTag: '1.3', digest: DIGEST } },
    // a registry port is part of the name: the tag's colon is looked for after the first slash
    { value: 'localhost:5000/app:dev', want: { name: 'localhost:5000/app', newTag: 'dev' } },
    { value: 'localhost:5000/team/app=localhost:6000/app:2', want: { name: 'localhost:5000/team/app', newName: 'localhost:6000/app', newTag: '2' } },
    { value: 'nginx=localhost:5000/mirror/nginx', want: { name: 'nginx', newName: 'localhost:5000/mirror/nginx' } },
    { value: `registry.io:443/app@${DIGEST}`, want: { name: 'registry.io:443/app', digest: DIGEST } },
    // numbers stay strings
    { value: 'golang:1.20', want: { name: 'golang', newTag: '1.20' } },
    // the name part is split at the first `=` only
    { value: 'app=mirror/app=x:1', want: { name: 'app', newName: 'mirror/app=x', newTag: '1' } },
    // kustomize's `*` ("keep the kustomization's value") sets nothing
    { value: 'app=*:v2', want: { name: 'app', newTag: 'v2' } },
    { value: 'app=mirror/app:*', want: { name: 'app', newName: 'mirror/app' } },
    // `NAME=:TAG` is `NAME:TAG`, as in kustomize
    { value: 'app=:v2', want: { name: 'app', newTag: 'v2' } },
  ];
  it.each(cases)('$value', ({ value, want }) => {
    expect(parseImageFlag(value)).toEqual({ ...want, origin: { label: `--image ${value}` } });
  });

  const errors: { value: string; why: RegExp }[] = [
    { value: 'nginx', why: /no new tag or digest/ },
    { value: 'localhost:5000/nginx', why: /no new tag or digest/ },
    { value: '=nginx:1.25', why: /no image name/ },
    { value: ':1.25', why: /no image name/ },
    { value: 'nginx=', why: /nothing to set/ },
    { value: 'nginx:', why: /nothing to set/ },
    { value: 'nginx=*', why: /nothing to set/ },
  ];
  it.each(errors)('rejects $value', ({ value, why }) => {
    expect(() => parseImageFlag(value)).toThrow(KsetError);
    expect(() => parseImageFlag(value)).toThrow(why);
    expect(() => parseImageFlag(value)).toThrow(/NAME=NEWNAME:NEWTAG@DIGEST/);
  });
});
