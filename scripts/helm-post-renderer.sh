#!/bin/sh
# The Helm 4 plugin's command (plugin.yaml): kset on the manifests Helm pipes in, with the arguments
# of --post-renderer-args. Runs the plugin folder's own build when there is one, else kset from PATH.
dir=${HELM_PLUGIN_DIR:-$(dirname "$0")/..}
if [ -f "$dir/dist/bin/kset.cjs" ]; then
  exec node "$dir/bin/kset" "$@"
fi
if command -v kset >/dev/null 2>&1; then
  exec kset "$@"
fi
echo "kset: the Helm plugin in $dir is not built: run npm ci there, or put kset on PATH (README: Install)" >&2
exit 2
