#!/usr/bin/env bash
# Installs the build into a scratch prefix and runs the installed oficina-cli on the installed
# example: the sample datasets and examples must be found after install, not only in the build.
set -euo pipefail
build_dir=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
out=$("$prefix/bin/oficina-cli" run "$prefix/share/oficina/examples/iris_classification.oficina" --quiet)
grep -q "accuracy            0.973684" <<<"$out" || { echo "unexpected output: $out" >&2; exit 1; }
"$prefix/bin/oficina-cli" datasets | grep -c "^iris" >/dev/null
test -f "$prefix/share/oficina/datasets/SOURCES.md"
echo "installed oficina-cli ran the installed example"
