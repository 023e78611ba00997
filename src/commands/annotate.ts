import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { runMetadataVerb } from './metadata-verb.js';

export const HELP = selectionCommandHelp(
  `kset annotate: kubectl annotate --local, on a stream

Usage:
  kset annotate SELECTION KEY=VALUE... KEY-... [--overwrite] [options]

Sets (KEY=VALUE: the value is any text, up to the first = is the key) and removes (KEY-)
annotations of the selected objects, of any kind (custom resources, List items). An annotation that
has another value is an error without --overwrite, as in kubectl (but kubernetes.io/change-cause);
removing one that is not there does nothing. Keys are checked as the API server checks them, and so
is the 256 KiB limit of an object's annotations. A named resource missing from the input is an error.`,
  `      --overwrite             change annotations that already have another value
      --list                  print each selected object's annotations (after the changes) instead
                              of the stream
      --resource-version V    accepted and ignored: kset has no server to check it against`,
);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  return runMetadataVerb('annotate', HELP, argv, io);
}
