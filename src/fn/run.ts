import { transform } from '../api.js';
import { emptyConfig } from '../config/types.js';
import { KsetError, formatError } from '../errors.js';
import { stepsFromConfig } from '../steps/from-config.js';
import { keepHostAnnotations } from '../steps/host-annotations.js';
import { functionConfig } from './function-config.js';
import { isResourceList, readList, resultAt, withResults, type FunctionResult, type ListDocument } from './resource-list.js';

export interface FunctionRun {
  /** The ResourceList to write, or '' when the input was no list at all. */
  stdout: string;
  stderr: string;
  /** 0, or 1 on an error (the KRM Functions Specification: non-zero on failure). */
  code: number;
}

const NOTHING_TO_DO =
  'kset fn: the functionConfig asks for nothing (give a Kset object with images, patches or imagePolicies, ' +
  'or kpt fn eval arguments such as -- image=NAME:TAG): the items pass unchanged';

/**
 * kset as a KRM function: the ResourceList `text` (stdin) transformed by the config its
 * functionConfig holds. Only changed nodes of the items change; the functionConfig and every other
 * byte stay. kset's warnings and errors become `results` (severity, message, resourceRef, file). On an
 * error the items are written back as they came, with the results, and the code is 1; input that is
 * no list gives no output at all. Never throws a KsetError.
 */
export async function runFunction(text: string, { cwd }: { cwd: string }): Promise<FunctionRun> {
  let list: ListDocument;
  try {
    list = readList(text);
  } catch (e) {
    if (e instanceof KsetError) return { stdout: '', stderr: formatError(e) + '\n', code: 1 };
    throw e;
  }
  const results: FunctionResult[] = [];
  const stderr: string[] = [];
  try {
    const { config, empty } = await functionConfig(isResourceList(list.value) ? list.value.functionConfig : undefined, cwd);
    if (empty) results.push({ message: NOTHING_TO_DO, severity: 'info' });
    const sources = () => [{ path: null, text }];
    const steps = keepHostAnnotations(await stepsFromConfig(config, { sources }));
    const result = await transform(text, emptyConfig(), { steps, report: false });
    for (const warning of result.warnings) {
      results.push(fromMessage(list, 'warning', warning));
      stderr.push(`kset: warning: ${warning}\n`);
    }
    return finish(result.output, list, results, stderr, 0);
  } catch (e) {
    if (!(e instanceof KsetError)) throw e;
    const line = e.position.file === '<stdin>' ? e.position.line : undefined;
    results.push(resultAt(list, 'error', line === undefined ? prefixed(e) : e.message, line));
    stderr.push(formatError(e) + '\n');
    return finish(text, list, results, stderr, 1);
  }
}

function finish(output: string, list: ListDocument, results: FunctionResult[], stderr: string[], code: number): FunctionRun {
  // a plain List has no results field: its messages are on stderr only
  const stdout = isResourceList(list.value) ? withResults(output, results) : output;
  return { stdout, stderr: stderr.join(''), code };
}

/** A warning as kset words it (`<stdin>:LINE:COL: message` where it points into the input) as a result. */
function fromMessage(list: ListDocument, severity: FunctionResult['severity'], message: string): FunctionResult {
  const at = /^<stdin>:(\d+):\d+: /.exec(message);
  return at ? resultAt(list, severity, message.slice(at[0].length), Number(at[1])) : resultAt(list, severity, message);
}

/** An error's message with where it is, when that is not the input (the functionConfig, a patch file). */
function prefixed(e: KsetError): string {
  const { file, line } = e.position;
  if (!file) return e.message;
  return `${file}${line ? ':' + line : ''}: ${e.message}`;
}
