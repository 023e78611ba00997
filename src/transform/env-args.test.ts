import { describe, expect, it } from 'vitest';
import { envVarNameProblems, isEnvironmentArgument, keyToEnvName, parseEnv, readEnv, splitEnvironmentFromResources } from './env-args.js';

// Messages and results as kubectl v1.32 gives them (`kubectl set env --local -f F ARGS --list`).

describe('splitEnvironmentFromResources', () => {
  it.each([
    [['deploy/web', 'A=1', 'B-'], ['deploy/web'], ['A=1', 'B-']],
    [['deploy', 'web', 'api', 'A=1'], ['deploy', 'web', 'api'], ['A=1']],
    // `=x` has no name: a resource; a lone `-` reads stdin: an environment argument
    [['=x'], ['=x'], []],
    [['deploy/web', '-'], ['deploy/web'], ['-']],
    [['deploy/web', 'a==b'], ['deploy/web'], ['a==b']],
  ])('%j', (args, resources, envArgs) => {
    expect(splitEnvironmentFromResources(args)).toEqual({ resources, envArgs });
  });

  it('refuses a resource after the environment, naming every argument', () => {
    expect(() => splitEnvironmentFromResources(['A=1', 'deploy/x'])).toThrow('all resources must be specified before environment changes: A=1 deploy/x');
  });

  it('isEnvironmentArgument needs a character before an =', () => {
    expect([isEnvironmentArgument('=x'), isEnvironmentArgument('a='), isEnvironmentArgument('=a=b')]).toEqual([false, true, true]);
  });
});

describe('parseEnv', () => {
  it('sets, removes and keeps the value after the first =', () => {
    expect(parseEnv(['X=a=b', 'Y=', 'Z-'])).toEqual({
      env: [
        { name: 'X', value: 'a=b' },
        { name: 'Y', value: '' },
      ],
      remove: ['Z'],
    });
  });

  it('reads stdin for -, once however often it is named', () => {
    let reads = 0;
    const stdin = () => (reads++, 'A=1\n');
    expect(parseEnv(['-', '-', 'B=2'], stdin)).toEqual({
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
      remove: [],
    });
    expect(reads).toBe(1);
    expect(() => parseEnv(['-'])).toThrow("when '-' is used, STDIN must be open");
  });

  it.each([
    [
      '1A=x',
      `"1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    ],
    ['=x', `"" is not a valid key name: a valid environment variable name`],
    ['.=1', `"." is not a valid key name: must not be '.'`],
    ['..=1', `".." is not a valid key name: must not be '..'`],
    ['..a=1', `"..a" is not a valid key name: must not start with '..'`],
    ['A', 'unknown environment variable: A'],
  ])('%s: %s', (spec, message) => {
    expect(() => parseEnv([spec])).toThrow(message);
  });

  it('refuses to set and remove one name', () => {
    expect(() => parseEnv(['A=1', 'A-'])).toThrow('can not both modify and remove the same environment variable in the same command');
  });

  it('accepts names kubectl accepts', () => {
    expect(envVarNameProblems('A.b-c')).toEqual([]);
    expect(envVarNameProblems('_x9')).toEqual([]);
    expect(envVarNameProblems('.a')).toEqual([]);
  });
});

describe('readEnv (-e -)', () => {
  it('drops comments, skips lines without =, keeps spaces and unvalidated names', () => {
    expect(readEnv('A=1 # c\n#B=2\nC\nD==x\r\n 1E=y\n')).toEqual([
      { name: 'A', value: '1 ' },
      { name: 'D', value: '=x' },
      { name: ' 1E', value: 'y' },
    ]);
  });
});

describe('keyToEnvName', () => {
  it.each([
    ['log-level', 'LOG_LEVEL'],
    ['app.properties', 'APP_PROPERTIES'],
    ['Mixed_9', 'MIXED_9'],
    // one _ per character, not per UTF-16 unit
    ['a😀b', 'A_B'],
  ])('%s → %s', (key, name) => {
    expect(keyToEnvName(key)).toBe(name);
  });
});
