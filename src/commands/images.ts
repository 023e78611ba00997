import { loadConfig } from '../config/load.js';
import { COMMON, parse, usage } from './args.js';
import type { Io, Outcome } from './io.js';
import { inputs } from './transform.js';

const OPTIONS = { ...COMMON, config: { type: 'string', short: 'c' } } as const;

export const HELP = `kset images: list every image reference

Usage:
  kset images [INPUT...] [-o json] [-c CONFIG]

Lists each image of the input's containers, init containers and image volumes (and the config's
imageFields) with the file, document and resource it stands in: a table, or JSON with -o json.

Options:
  -f, --filename INPUT        an input (repeatable): a file, a folder, a glob, or - for stdin (the default)
  -o, --output table|json     output format (default: table)
  -c, --config FILE           the config whose imageFields name more image fields
  -v, --verbose               print on stderr the config used
  -h, --help                  this help
`;

export async function run(argv: string[], io: Io): Promise<Outcome> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) return HELP;
  const format = values.output ?? 'table';
  if (format !== 'table' && format !== 'json') throw usage(`--output must be table or json, not ${JSON.stringify(format)}`, 'images');
  const config = await loadConfig({ configFile: values.config, cwd: io.cwd });
  if (values.verbose) io.stderr(`kset: config: ${config.file ?? 'none'}\n`);
  const sources = await inputs([...positionals, ...(values.filename ?? [])], io);
  const { listImagesReport } = await import('../steps/list-images.js');
  return listImagesReport(sources, config.imageFields, format);
}
