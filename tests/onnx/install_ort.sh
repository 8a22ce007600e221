#!/usr/bin/env bash
# Installs ONNX Runtime for Node (npm onnxruntime-node, the version pinned in package.json) into
# DIR for the ONNX parity tests, then checks that it loads and runs a model. Cached: when DIR
# already holds a working copy, nothing is downloaded. CTest runs it as the fixture of the
# `onnx` tests; it fails (never skips) when npm cannot fetch the package.
#   tests/onnx/install_ort.sh DIR
set -euo pipefail
dir=${1:?usage: install_ort.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
export OFICINA_ORT_DIR=$dir

fail() {
    echo "install_ort: $*" >&2
    exit 1
}
check() { node "$here/run_model.js" --check; }

command -v node >/dev/null || fail "node is not installed (packaging/install-deps.sh installs it)"
if [[ -f "$dir/package.json" ]] && cmp -s "$here/package.json" "$dir/package.json" &&
    check 2>/dev/null; then
    exit 0
fi
command -v npm >/dev/null || fail "npm is not installed (packaging/install-deps.sh installs npm)"

mkdir -p "$dir"
cp "$here/package.json" "$dir/package.json"
# --ignore-scripts: the package's install script would download GPU libraries; the CPU library
# for Linux x64 ships inside the package.
if ! npm install --prefix "$dir" --cache "$dir/.npm-cache" --ignore-scripts --no-audit \
    --no-fund --no-package-lock --loglevel=error >&2; then
    fail "npm could not install onnxruntime-node into $dir; the ONNX tests need it (is the" \
        "network reachable? npm's registry: $(npm config get registry 2>/dev/null))"
fi
# The package carries every platform's binaries (~300 MB): keep this platform's only.
bin="$dir/node_modules/onnxruntime-node/bin/napi-v6"
platform=$(node -p 'process.platform + "/" + process.arch')
if [[ -d "$bin/$platform" ]]; then
    for d in "$bin"/*/*; do
        [[ "$d" == "$bin/$platform" ]] || rm -rf "$d"
    done
fi
rm -rf "$dir/.npm-cache"
check || fail "onnxruntime-node was installed into $dir but does not load"
