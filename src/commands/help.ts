// Help texts: each command's own, built from the option blocks they share.

export const INPUT_OPTIONS = `  -f, --filename INPUT        an input (repeatable): a file, a folder (its *.yaml, *.yml, *.json,
                              recursively), a glob, or - for stdin (the default)
  -o, --output yaml|json      output format (json: a v1 List)`;

export const WRITE_BACK_OPTIONS = `      --stream                write each document of stdin as soon as it is done, rather than after
                              the whole input succeeded: an error in a later document then leaves the
                              documents before it written (a pipe into kubectl apply applies them)
  -w, --write                 rewrite each input file in place instead of printing the stream (atomic,
                              all files or none; files that do not change are not touched)
      --check                 write nothing; print the diff, list the files that would change on stderr,
                              exit 1 if any
      --diff                  print a unified diff (a/FILE, b/FILE) instead of the stream; with --write, too
      --report FILE|-         a JSON report of every change (schemas/report.schema.json); - is stdout,
                              with --write only; never a file kset reads, nor its stdout or stderr`;

export const SELECTION_OPTIONS = `  -l, --selector SELECTOR     only resources whose labels match (needs a TYPE)
      --all                   every resource of the type (every workload without a type)
  -n, --namespace NS          only resources in this namespace, or without one
      --local, --dry-run[=client]
                              accepted, as kubectl takes them; kset never talks to a cluster`;

export const SELECTION_TEXT = `SELECTION is TYPE/NAME..., TYPE NAME..., TYPE --all, TYPE -l SELECTOR or --all, as kubectl reads
them (TYPE: a kind, its plural or short name, TYPE.GROUP; several as TYPE1,TYPE2); without it,
-f FILE or --local takes the input's objects, as kubectl VERB --local -f FILE does. Documents the
selection does not take pass through unchanged.`;

export const EXIT_CODES = `Exit codes: 0 done, 1 --check found changes, 2 usage, config, input, patch or write error,
129/130/143 stopped by SIGHUP/SIGINT/SIGTERM while writing files (all written, or none), 141 the reader
of stdout went away (kset | head), as for a process killed by SIGPIPE.`;

export const HELP_OPTION = `  -v, --verbose               print on stderr the config used and how many changes each entry made
  -h, --help                  this help`;

/** The help of a command that takes a SELECTION: its head, then the selection text, its own options and the shared ones. */
export function selectionCommandHelp(head: string, options?: string): string {
  return `${head}

${SELECTION_TEXT}

Options:
${options ? options + '\n' : ''}${INPUT_OPTIONS}
${SELECTION_OPTIONS}
${WRITE_BACK_OPTIONS}
${HELP_OPTION}

${EXIT_CODES}
`;
}
