#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (the README's test command; CI runs it).
#   tests/run-all.sh             release build, all tests
#   tests/run-all.sh --sanitize  the same under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
preset=release
[[ "${1:-}" == "--sanitize" ]] && preset=sanitize

packaging/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
