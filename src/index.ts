import { loadConfig, configFromObject } from './config/load.js';

export { loadConfig, configFromObject };
export { readFiles, transform, transformStream, type StreamResult, type TransformOptions, type TransformResult } from './api.js';
export { InterruptedError, KsetError, formatError } from './errors.js';
export type { Config, ImageEntry, ImagePolicyEntry, PatchEntry, PatchTarget, ImageField, Origin } from './config/types.js';
export type { Change, FileResult, Step } from './pipeline.js';
export type { Json, JsonObject, Source } from './types.js';
export { writeFiles, type WriteOptions } from './write/write-back.js';
export { buildReport, formatReport, type Report, type ReportChange } from './write/report.js';
export { filesDiff as diffFiles, type DiffOptions } from './write/diff.js';
