import { readFileSync } from 'node:fs';

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const USAGE = `kset ${VERSION}: transform rendered Kubernetes manifests offline

Usage:
  kset [INPUT...] [options]                       apply the config's images and patches
  kset (-w | --check | --diff) INPUT... [options] rewrite the files in place, or show what would change
                                                  (the verbs below take these flags too)
  kset set image SELECTION CONTAINER=IMAGE...     kubectl set image, on a stream
  kset patch SELECTION (-p PATCH | --patch-file FILE) [--type strategic|merge|json]
  kset images [INPUT...] [-o json]                list every image reference

The patch verb mirrors kubectl patch --local: --type strategic (default), merge or json (any case);
-p takes the patch text (JSON or YAML, which may start with a dash).

INPUT is a file, a folder (its *.yaml, *.yml, *.json, recursively), a glob, or - for stdin
(the default). SELECTION is TYPE/NAME..., TYPE NAME..., TYPE --all, TYPE -l SELECTOR or --all;
without it, -f FILE or --local takes the input's objects, as kubectl set image --local -f FILE does.

Options:
  -f, --filename INPUT        an input (repeatable); the verbs read stdin without it
  -c, --config FILE           the config file (default: .ksetrc*, kset.config.*, package.json#kset,
                              found from the current folder upward)
      --image NAME=NEW:TAG@DIGEST
                              an images entry, kustomize edit set image syntax (repeatable)
      --patch FILE            a patch file (strategic merge, or a JSON 6902 list of operations), applied
                              after the config's patches (repeatable)
      --target KIND[/NAME] | '{kind: K, name: N, labelSelector: S, ...}'
                              the resources the --patch files apply to (kustomize target fields)
      --normalize             write every document in one canonical style (2-space indent, flush
                              sequences, block collections, comments kept)
      --strict                a patch target or image entry that matches nothing is an error
      --load-restrictor rootOnly|none
                              whether patch and CRD files may lie outside the config's folder
  -o, --output yaml|json      output format (json: a v1 List)
  -w, --write                 rewrite each input file in place instead of printing the stream (atomic,
                              all files or none; files that do not change are not touched)
      --check                 write nothing; print the diff, list the files that would change on stderr,
                              exit 1 if any
      --diff                  print a unified diff (a/FILE, b/FILE) instead of the stream; with --write, too
      --report FILE|-         a JSON report of every change (schemas/report.schema.json); - is stdout,
                              with --write only
  -l, --selector SELECTOR     label selector for the verbs
      --all                   every resource of the type (every workload without a type)
  -n, --namespace NS          only resources in this namespace, or without one (verbs)
      --local, --dry-run[=client]
                              accepted by the verbs, as kubectl takes them; kset never talks to a cluster
  -h, --help                  this help
      --version               kset's version

Exit codes: 0 done, 1 --check found changes, 2 usage, config, input or patch error.

Stdin is read as a stream and each document written as soon as it is done: an error in a later
document then stops kset after the documents before it were written. The output waits for the end of
the input (nothing is written on any error) with -o json, the write-back flags, --strict, a strategic
patch without target, kset patch, and kset set image naming resources.
`;
