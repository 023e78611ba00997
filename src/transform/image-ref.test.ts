import { describe, expect, it } from 'vitest';
import { KsetError } from '../errors.js';
import { isGoLiteral } from '../util/go-regexp.js';
import { imageMatches, imageNamePattern, joinImage, splitImage, type ImageRef } from './image-ref.js';

describe('splitImage', () => {
  const cases: [string, ImageRef][] = [
    ['busybox', { name: 'busybox' }],
    ['busybox:1.36', { name: 'busybox', tag: '1.36' }],
    ['team/busybox:1.36', { name: 'team/busybox', tag: '1.36' }],
    ['busybox@sha256:feed', { name: 'busybox', digest: 'sha256:feed' }],
    ['busybox:1.36@sha256:feed', { name: 'busybox', tag: '1.36', digest: 'sha256:feed' }],
    // a registry port is not a tag: `:` is looked for after the first `/` only
    ['registry.test:5000/team/busybox', { name: 'registry.test:5000/team/busybox' }],
    ['registry.test:5000/team/busybox:1.36', { name: 'registry.test:5000/team/busybox', tag: '1.36' }],
    ['registry.test:5000/busybox@sha256:feed', { name: 'registry.test:5000/busybox', digest: 'sha256:feed' }],
    ['registry.test:5000/busybox:1@sha256:feed', { name: 'registry.test:5000/busybox', tag: '1', digest: 'sha256:feed' }],
    // without a slash the port is read as a tag (kustomize does the same)
    ['registry.test:5000', { name: 'registry.test', tag: '5000' }],
    // first `:` after the slash ends the name; the rest is the tag
    ['busybox:1:2', { name: 'busybox', tag: '1:2' }],
    // an `@` before any `:` means digest only
    ['team/busybox@sha256:feed:more', { name: 'team/busybox', digest: 'sha256:feed:more' }],
    // empty tag or digest is no tag or digest
    ['busybox:', { name: 'busybox' }],
    ['busybox@', { name: 'busybox' }],
    // a leading slash counts as no slash
    ['/busybox:1', { name: '/busybox', tag: '1' }],
    // no normalisation
    ['docker.io/library/busybox:1', { name: 'docker.io/library/busybox', tag: '1' }],
  ];
  it.each(cases)('%s', (ref, expected) => {
    expect(splitImage(ref)).toEqual(expected);
  });

  it.each(cases.filter(([ref]) => !ref.endsWith(':') && !ref.endsWith('@')))('joinImage inverts %s', (ref) => {
    expect(joinImage(splitImage(ref))).toBe(ref);
  });
});

describe('imageMatches', () => {
  const cases: [string, string, boolean][] = [
    ['busybox', 'busybox', true],
    ['busybox:1.36', 'busybox', true],
    ['busybox@sha256:feed', 'busybox', true],
    ['busybox:1.36@sha256:feed', 'busybox', true],
    ['busybox:{{ .Tag }}', 'busybox', false],
    ['busybox:{{tag}}', 'busybox', true],
    ['busybox:1_2-3.4', 'busybox', true],
    ['busybox:', 'busybox', true],
    ['busybox@sha256:', 'busybox', true],
    ['busybox:@sha256:', 'busybox', true],
    ['busybox@sha256', 'busybox', false],
    ['busybox:1@', 'busybox', false],
    ['busybox@sha256:a:b', 'busybox', false],
    ['busybox@sha256:a@sha256:b', 'busybox', false],
    ['busybox:1\n', 'busybox', false],
    // prefix overlap, both ways
    ['team/app-sidecar:1', 'team/app', false],
    ['team/app:1', 'team/app-sidecar', false],
    ['other/team/app:1', 'team/app', false],
    // host and port are part of the name
    ['registry.test:5000/app:1', 'registry.test:5000/app', true],
    ['registry.test:5000/app', 'registry.test:5000/app', true],
    ['registry.test:5000/app', 'registry.test', false],
    ['registry.test:5000/app:1', 'app', false],
    // no docker.io normalisation, either way
    ['docker.io/busybox:1', 'busybox', false],
    ['docker.io/library/busybox:1', 'busybox', false],
    ['library/busybox:1', 'busybox', false],
    ['busybox:1', 'docker.io/busybox', false],
    ['docker.io/busybox:1', 'docker.io/busybox', true],
    // names are case-sensitive
    ['BUSYBOX:1', 'busybox', false],
    // an entry name written with a tag matches that tag only
    ['busybox:1.0', 'busybox:1.0', true],
    ['busybox:2.0', 'busybox:1.0', false],
    ['busybox', 'busybox:1.0', false],
    // kustomize v5.5 takes only sha256 digests and tags of [a-zA-Z0-9_.{}-]
    ['busybox@sha512:feed', 'busybox', false],
    ['busybox:1+build', 'busybox', false],
    ['busybox:1:2', 'busybox', false],
    // the name is a regular expression, as in kustomize: `.` matches any character
    ['gcr-io/app:1', 'gcr.io/app', true],
    ['quay.io/team/app:1', '.*/app', true],
    ['quay.io/team/app-x:1', '.*/app', false],
    // an alternation splits kustomize's whole pattern: the first branch is anchored at the start only
    ['busybox-extra:1', 'busybox|redis', true],
    ['redis:7', 'busybox|redis', true],
    ['redis-extra:7', 'busybox|redis', false],
    // a leading Go flag group
    ['BUSYBOX:1', '(?i)busybox', true],
    // Go's regexp syntax (checked with kubectl kustomize)
    ['gcr.io/app:1', '\\Qgcr.io\\E/app', true],
    ['gcr-io/app:1', '\\Qgcr.io\\E/app', false],
    ['quay/app:1', '[[:alpha:]]+/app', true],
    ['q1/app:1', '[[:alpha:]]+/app', false],
    // flags anywhere, and (?U), as Go takes them
    ['appX:1', 'app(?i)x', true],
    ['Appx:1', 'app(?i)x', false],
    ['app:1', '(?U)app', true],
    // RE2 matches in linear time: a backtracking engine would not finish this
    ['a'.repeat(5000), '(a+)+b', false],
  ];
  it.each(cases)('%s against name %s → %s', (ref, name, expected) => {
    expect(imageMatches(ref, name)).toBe(expected);
  });

  // a name without regex syntax is compared as text, without the engine: `(?:name)` means the same through it
  it.each(cases.filter(([, name]) => isGoLiteral(name)))('%s against name %s: text comparison and engine agree', (ref, name, expected) => {
    expect(imageMatches(ref, `(?:${name})`)).toBe(expected);
  });
});

describe('imageNamePattern', () => {
  it('returns the same compiled pattern for the same name', () => {
    expect(imageNamePattern('gcr.io/app')).toBe(imageNamePattern('gcr.io/app'));
  });

  it.each(['team/(app', 'app[', 'a)|(b', '(?=g)gcr.io/app', 'app\\'])('rejects %s with a KsetError', (name) => {
    expect(() => imageNamePattern(name)).toThrow(KsetError);
    expect(() => imageNamePattern(name)).toThrow(JSON.stringify(name));
  });

  it("says why in Go's words, about the name as written", () => {
    expect(() => imageNamePattern('team/(app')).toThrow(
      new KsetError(
        'image name "team/(app" is not a valid regular expression (kustomize reads it as one): error parsing regexp: missing closing ): `team/(app`',
      ),
    );
  });
});
