import { selectionCommandHelp } from './help.js';
import type { Io, Outcome } from './io.js';
import { runMetadataVerb } from './metadata-verb.js';

export const HELP = selectionCommandHelp(
  `kset label: kubectl label --local, on a stream

Usage:
  kset label SELECTION KEY=VALUE... KEY-... [--overwrite] [options]

Sets (KEY=VALUE) and removes (KEY-) labels of the selected objects, of any kind (custom resources,
List items). A label that has another value is an error without --overwrite, as in kubectl; removing
a label that is not there does nothing. Keys and values are checked as the API server checks them
(kubectl --local checks values only). A named resource missing from the input is an error.`,
  `      --overwrite             change labels that already have another value
      --list                  print each selected object's labels (after the changes) instead of the
                              stream
      --resource-version V    accepted and ignored: kset has no server to check it against`,
);

export async function run(argv: string[], io: Io): Promise<Outcome> {
  return runMetadataVerb('label', HELP, argv, io);
}
