#!/usr/bin/env node
// The loop of a GitOps bot, with the kset library: bump an image across a folder of manifests, write
// the changed files in place, and print a commit message built from the change report.
//
//   node examples/bump-image.mjs FOLDER IMAGE NEW_TAG
//   node examples/bump-image.mjs deploy/ ghcr.io/acme/shop 1.5.0 > msg && git commit -aF msg
//
// Prints nothing (and writes nothing) when every use of IMAGE is already at NEW_TAG. Comments,
// quoting and layout of the manifests are kept; only the image references change.
import { buildReport, formatError, KsetError, readFiles, transform, writeFiles } from 'kset-cli';

const [folder, image, tag] = process.argv.slice(2);
if (!folder || !image || !tag) {
  console.error('usage: bump-image.mjs FOLDER IMAGE NEW_TAG');
  process.exit(2);
}

try {
  const sources = await readFiles(['.'], { cwd: folder });
  const result = await transform(sources, { images: [{ name: image, newTag: tag }] });
  const written = await writeFiles(result, { cwd: folder });
  if (written.length) process.stdout.write(commitMessage(buildReport(result)));
} catch (error) {
  if (!(error instanceof KsetError)) throw error;
  console.error(formatError(error));
  process.exit(2);
}

/** "Bump IMAGE to TAG", then one line per changed reference: file, resource, pointer, old → new. */
function commitMessage(report) {
  const lines = report.changes.map(({ file, resource, pointer, old, new: now }) => {
    const name = resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
    return `- ${file}: ${resource.kind} ${name} ${pointer}: ${old} -> ${now}`;
  });
  const files = report.files.filter((f) => f.changed).length;
  return `Bump ${image} to ${tag}\n\n${lines.length} image references in ${files} ${files === 1 ? 'file' : 'files'}:\n${lines.join('\n')}\n`;
}
