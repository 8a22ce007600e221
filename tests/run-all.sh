#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (the README's test command; CI runs it).
#   tests/run-all.sh                  release build, all tests
#   tests/run-all.sh --sanitize       the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   tests/run-all.sh --sanitize-core  only the core, deploy, serve, track and cli tests under both
#                                     sanitizers (CI): builds their test programs and oficina-cli,
#                                     not the GUI
set -euo pipefail
cd "$(dirname "$0")/.."
preset=release
mode=${1:-}
[[ "$mode" == --sanitize || "$mode" == --sanitize-core ]] && preset=sanitize

packaging/install-deps.sh
cmake --preset "$preset" >/dev/null
if [[ "$mode" == --sanitize-core ]]; then
    # Not the network tests: LibTorch is not instrumented, and under ASan they alone take ~9
    # minutes of CI's time; the full --sanitize run keeps them.
    targets=(oficina-cli)
    for source in tests/core/tst_*.cpp tests/deploy/tst_*.cpp tests/serve/tst_*.cpp \
        tests/track/tst_*.cpp tests/cli/tst_*.cpp; do
        name=$(basename "$source" .cpp)
        [[ "$name" == tst_neuralnetwork ]] || targets+=("$name")
    done
    cmake --build --preset "$preset" --target "${targets[@]}"
    # cli.install installs the whole build, GUI included: the release run covers it.
    ctest --preset "$preset" -L '^(core|deploy|serve|track|cli)$' \
        -E '^(cli\.install|core\.tst_neuralnetwork)$'
else
    cmake --build --preset "$preset"
    ctest --preset "$preset"
fi
