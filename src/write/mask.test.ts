import { describe, expect, it } from 'vitest';
import { maskSecrets } from './mask.js';

const secret = (data: string) => `apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
data:
${data}`;

describe('maskSecrets', () => {
  it.each([
    {
      name: 'unchanged values become ***, changed ones *** (before) / *** (after)',
      before: secret('  user: YWRtaW4=\n  password: b2xk # rotated\n'),
      after: secret('  user: YWRtaW4=\n  password: bmV3 # rotated\n'),
      masked: [secret('  user: ***\n  password: *** (before) # rotated\n'), secret('  user: ***\n  password: *** (after) # rotated\n')],
    },
    {
      name: 'a value on one side only is a change',
      before: secret('  a: eA==\n'),
      after: secret('  a: eA==\n  b: eQ==\n'),
      masked: [secret('  a: ***\n'), secret('  a: ***\n  b: *** (after)\n')],
    },
    {
      name: 'block scalars and stringData, quoted and flow values',
      before: secret('  a: "eA=="\n') + 'stringData:\n  cfg: |\n    password=old\n    user=me\n  other: {x: y}\n',
      after: secret('  a: "eA=="\n') + 'stringData:\n  cfg: |\n    password=new\n    user=me\n  other: {x: y}\n',
      masked: [
        secret('  a: ***\n') + 'stringData:\n  cfg: *** (before)\n  other: ***\n',
        secret('  a: ***\n') + 'stringData:\n  cfg: *** (after)\n  other: ***\n',
      ],
    },
  ])('$name', ({ before, after, masked }) => {
    const result = maskSecrets(before, after);
    expect([result.before, result.after]).toEqual(masked);
  });

  it('masks Secrets in Lists and in any document of a stream, and nothing else', () => {
    const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password: visible\n';
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: s\n  data:\n    k: djE=\n';
    const text = `${config}---\n${list}`;
    const { before } = maskSecrets(text, text.replace('djE=', 'djI='));
    expect(before).toBe(`${config}---\n${list.replace('djE=', '*** (before)')}`);
  });

  it('tells Secrets apart by namespace and name', () => {
    const two = (a: string, b: string) => `${secret(`  k: ${a}\n`)}---\n${secret(`  k: ${b}\n`).replace('name: db', 'name: cache')}`;
    const { before, after } = maskSecrets(two('eA==', 'eA=='), two('eA==', 'eQ=='));
    expect(before).toBe(two('***', '*** (before)'));
    expect(after).toBe(two('***', '*** (after)'));
  });

  it('keeps CRLF line ends', () => {
    const text = secret('  a: eA==\n').replace(/\n/g, '\r\n');
    expect(maskSecrets(text, text).before).toBe(secret('  a: ***\n').replace(/\n/g, '\r\n'));
  });
});
