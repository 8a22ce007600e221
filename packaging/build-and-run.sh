#!/usr/bin/env bash
# Installs what is missing, builds, and opens the bundled Iris example in the GUI; with no
# display it runs the same pipeline headless and prints its metrics.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake --preset release >/dev/null
# The app, the CLI and their examples and datasets; the test command builds the tests.
cmake --build --preset release --target oficina oficina-cli oficina_share
example=build/release/share/oficina/examples/iris_classification.oficina
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec build/release/bin/oficina "$example"
fi
echo "No display: running $example headless" >&2
exec build/release/bin/oficina-cli run "$example"
