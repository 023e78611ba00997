import { readPackageFile } from './util/package-file.js';

export const VERSION = (JSON.parse(readPackageFile('package.json')) as { version: string }).version;
