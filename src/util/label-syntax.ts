/**
 * Label and annotation syntax as the API server checks it (apimachinery's IsQualifiedName,
 * IsValidLabelValue, ValidateAnnotations): each function returns its problems, none when valid.
 * Lengths are in UTF-8 bytes, as in Go.
 */

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const CHARACTERS = "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const NAME_MESSAGE = `must ${CHARACTERS}`;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** The API server's limit on all of an object's annotations, keys and values together. */
export const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

/** A label key, or an annotation key (lowercased first): `[prefix/]name`, the prefix a DNS subdomain. */
export function qualifiedNameProblems(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2) {
    return [`a qualified name ${NAME_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const problems: string[] = [];
  const name = parts.pop()!;
  const prefix = parts.pop();
  if (prefix !== undefined) {
    if (prefix === '') problems.push('prefix part must be non-empty');
    else {
      if (bytes(prefix) > 253) problems.push('prefix part must be no more than 253 characters');
      if (!DNS_SUBDOMAIN.test(prefix)) {
        problems.push(
          "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')",
        );
      }
    }
  }
  if (name === '') problems.push('name part must be non-empty');
  else if (bytes(name) > 63) problems.push('name part must be no more than 63 characters');
  if (name !== '' && !NAME.test(name)) problems.push(`name part ${NAME_MESSAGE} (e.g. 'MyName', 'my.name' or '123-abc')`);
  return problems;
}

/** A label value: empty, or at most 63 characters of the name alphabet, alphanumeric at both ends. */
export function labelValueProblems(value: string): string[] {
  const problems: string[] = [];
  if (bytes(value) > 63) problems.push('must be no more than 63 characters');
  if (!VALUE.test(value)) problems.push(`a valid label must be an empty string or ${CHARACTERS} (e.g. 'MyValue', 'my_value' or '12345')`);
  return problems;
}

/** An annotation key: a qualified name in any case. */
export function annotationKeyProblems(key: string): string[] {
  return qualifiedNameProblems(key.toLowerCase());
}

/** The size the API server counts for a map of annotations (its keys and values, in bytes). */
export function annotationsSize(annotations: Record<string, string>): number {
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) size += bytes(key) + (typeof value === 'string' ? bytes(value) : 0);
  return size;
}

function bytes(text: string): number {
  return Buffer.byteLength(text);
}
