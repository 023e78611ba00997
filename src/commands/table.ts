import type { CommandModule } from './io.js';

/** A command after `kset`: its words, the synopsis and summary that help lists, and its module. */
export interface CommandEntry {
  words: string[];
  /** Other words for the command (kubectl's aliases: `set sa`). */
  aliases?: string[][];
  synopsis: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

// Each command's module loads when it runs: start-up time matters.
export const COMMANDS: CommandEntry[] = [
  {
    words: ['set', 'image'],
    synopsis: 'kset set image SELECTION CONTAINER=IMAGE...',
    summary: 'kubectl set image, on a stream',
    load: () => import('./set-image.js'),
  },
  {
    words: ['set', 'env'],
    synopsis: 'kset set env SELECTION (NAME=VALUE | NAME- | --from=configmap/NAME | --list)...',
    summary: 'kubectl set env, on a stream',
    load: () => import('./set-env.js'),
  },
  {
    words: ['set', 'resources'],
    synopsis: 'kset set resources SELECTION [-c PATTERN] [--limits=NAME=QTY,...] [--requests=NAME=QTY,...]',
    summary: 'kubectl set resources, on a stream',
    load: () => import('./set-resources.js'),
  },
  {
    words: ['set', 'serviceaccount'],
    aliases: [['set', 'sa']],
    synopsis: 'kset set serviceaccount (sa) SELECTION SERVICE_ACCOUNT',
    summary: 'kubectl set serviceaccount, on a stream',
    load: () => import('./set-serviceaccount.js'),
  },
  {
    words: ['set', 'selector'],
    synopsis: 'kset set selector SELECTION EXPRESSIONS',
    summary: 'kubectl set selector, on a stream (Services)',
    load: () => import('./set-selector.js'),
  },
  {
    words: ['set', 'subject'],
    synopsis: 'kset set subject SELECTION [--user=NAME] [--group=NAME] [--serviceaccount=NAMESPACE:NAME]',
    summary: 'kubectl set subject, on a stream (RoleBindings, ClusterRoleBindings)',
    load: () => import('./set-subject.js'),
  },
  {
    words: ['label'],
    synopsis: 'kset label SELECTION KEY=VALUE... KEY-... [--overwrite]',
    summary: 'kubectl label --local, on a stream',
    load: () => import('./label.js'),
  },
  {
    words: ['annotate'],
    synopsis: 'kset annotate SELECTION KEY=VALUE... KEY-... [--overwrite]',
    summary: 'kubectl annotate --local, on a stream',
    load: () => import('./annotate.js'),
  },
  {
    words: ['patch'],
    synopsis: 'kset patch SELECTION (-p PATCH | --patch-file FILE) [--type strategic|merge|json]',
    summary: 'kubectl patch --local, on a stream',
    load: () => import('./patch.js'),
  },
  {
    words: ['images'],
    synopsis: 'kset images [INPUT...] [-o json]',
    summary: 'list every image reference',
    load: () => import('./images.js'),
  },
  {
    words: ['fn'],
    synopsis: 'kset fn < ResourceList',
    summary: 'a KRM function: ResourceList in, ResourceList out (kpt fn eval/render, kustomize exec transformers)',
    load: () => import('./fn.js'),
  },
];

/** The command `argv` starts with, and the arguments after its words; undefined for kset's own command. */
export function findCommand(argv: string[]): { entry: CommandEntry; rest: string[] } | undefined {
  for (const entry of COMMANDS) {
    for (const words of [entry.words, ...(entry.aliases ?? [])]) {
      if (words.every((word, i) => argv[i] === word)) return { entry, rest: argv.slice(words.length) };
    }
  }
  return undefined;
}

/** The commands whose words start with `prefix` (`set`: the set verbs). */
export function commandsUnder(prefix: string): CommandEntry[] {
  return COMMANDS.filter((entry) => entry.words.length > 1 && entry.words[0] === prefix);
}

/** The list of commands for kset's own help: each synopsis, then its summary. */
export function commandList(): string {
  return COMMANDS.map((entry) => `  ${entry.synopsis}\n      ${entry.summary}`).join('\n');
}

/** `kset set --help`: the set verbs. */
export function setHelp(): string {
  const verbs = commandsUnder('set');
  return `kset set: kubectl's set verbs, on a stream

Usage:
${verbs.map((entry) => `  ${entry.synopsis}\n      ${entry.summary}`).join('\n')}

Each verb has its own help: ${verbs.map((entry) => `kset ${entry.words.join(' ')} --help`).join(', ')}.
`;
}
