import type { Change, FileResult } from '../results.js';
import { splitStream } from '../yaml/split.js';
import { isObject, type Json } from '../types.js';
import { MASK } from './mask.js';

/** The change report: what `--report` writes and `buildReport()` returns (schemas/report.schema.json). */
export interface Report {
  reportVersion: 1;
  /** Every input, in order, with whether its text changed and how many changes it got. */
  files: { path: string | null; changed: boolean; changes: number }[];
  changes: ReportChange[];
  warnings: string[];
}

export interface ReportChange {
  /** The input file, or null for stdin. */
  file: string | null;
  /** 0-based index of the document in its file (`---` separated, comment-only documents counted). */
  document: number;
  resource: { apiVersion?: string; kind?: string; namespace?: string; name?: string };
  /** RFC 6901 pointer into the resource (a List item's pointer starts with /items/N). */
  pointer: string;
  /** add: `new` only; remove: `old` only; replace: both. */
  op: 'add' | 'remove' | 'replace';
  old?: Json;
  new?: Json;
  /** Secret data/stringData values are replaced by `***`. */
  masked?: true;
  /** The config entry or flag that made the change. */
  origin: { label: string; file?: string; line?: number };
}

/** What a report is built from: a transform() result. */
export interface ReportInput {
  files: FileResult[];
  changes: Change[];
  warnings: string[];
}

/** The report of a transform result: every change, with document indexes counted per file. */
export function buildReport(result: ReportInput): Report {
  const firstIndex = documentOffsets(result.files);
  const changes = result.changes.map((change) => reportChange(change, firstIndex.get(change.file) ?? 0));
  const counts = new Map<string | null, number>();
  for (const change of changes) counts.set(change.file, (counts.get(change.file) ?? 0) + 1);
  const files = result.files.map((file) => ({ path: file.path, changed: file.changed, changes: counts.get(file.path) ?? 0 }));
  return { reportVersion: 1, files, changes, warnings: result.warnings };
}

/** The report as JSON text, 2-space indented, with a final newline. */
export function formatReport(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** The pipeline counts documents across all files; the index of each file's first document. */
function documentOffsets(files: FileResult[]): Map<string | null, number> {
  const offsets = new Map<string | null, number>();
  let index = 0;
  for (const file of files) {
    if (!offsets.has(file.path)) offsets.set(file.path, index);
    index += splitStream(file.input).length;
  }
  return offsets;
}

function reportChange(change: Change, firstIndex: number): ReportChange {
  const { apiVersion, kind, namespace, name } = change.resource;
  const resource = Object.fromEntries(Object.entries({ apiVersion, kind, namespace, name }).filter(([, v]) => v !== undefined));
  const { label, file, line } = change.origin;
  const secret = kind === 'Secret' ? secretPart(change.pointer) : undefined;
  const hide = (value: Json) => (secret === undefined ? value : maskSecret(secret, value));
  return {
    file: change.file,
    document: change.document - firstIndex,
    resource,
    pointer: change.pointer,
    op: change.old === undefined ? 'add' : change.new === undefined ? 'remove' : 'replace',
    ...(change.old === undefined ? {} : { old: hide(change.old) }),
    ...(change.new === undefined ? {} : { new: hide(change.new) }),
    ...(secret === undefined ? {} : { masked: true as const }),
    origin: { label, ...(file === undefined ? {} : { file }), ...(line === undefined ? {} : { line }) },
  };
}

/** Where in a Secret a change is: the whole Secret (''), a data map, a data value; undefined elsewhere. */
function secretPart(pointer: string): string | undefined {
  const inResource = pointer.replace(/^\/items\/\d+/, '');
  return inResource === '' || /^\/(data|stringData)(\/|$)/.test(inResource) ? inResource : undefined;
}

/** A Secret value with its contents hidden: maps keep their keys, values become `***`. */
function maskSecret(part: string, value: Json): Json {
  if (part === '' && isObject(value)) {
    const copy = { ...value };
    for (const field of ['data', 'stringData']) {
      const data = copy[field];
      if (data !== undefined) copy[field] = maskSecret(`/${field}`, data);
    }
    return copy;
  }
  if (/^\/(data|stringData)$/.test(part) && isObject(value)) return Object.fromEntries(Object.keys(value).map((key) => [key, MASK]));
  return MASK;
}
