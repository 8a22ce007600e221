#!/usr/bin/env bash
# Installs the Debian 12 packages Oficina's build and tests need; idempotent.
#   packaging/install-deps.sh          build + tests
#   packaging/install-deps.sh --bench  also the Python reference stack for tests/bench and fixtures
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build ccache pkg-config
    # fuzzing (tests/fuzz): clang with libFuzzer and the sanitizer runtimes
    clang libclang-rt-14-dev
    # Qt 6.4: GUI, charts, tests, translations; offscreen/xcb platform plugins
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-qpa-plugins libgl-dev libqt6opengl6-dev
    # Qt's own strings (standard buttons, file dialogs) in Portuguese
    qt6-translations-l10n
    # core libraries (docs/architecture.md dependency table)
    libeigen3-dev liblbfgspp-dev nlohmann-json3-dev libcli11-dev libfast-float-dev
    libspectra-dev libsvm-dev liblinear-dev libxgboost-dev libnanoflann-dev libstb-dev
    # SHA-256 content hashes (model cards, data fingerprints)
    libssl-dev
    # model packages (zip) and the inference server (HTTP)
    libzip-dev libcpp-httplib-dev
    # the run store (SQLite) and the tests of its MLflow export (YAML)
    libsqlite3-dev libyaml-cpp-dev
    # the server's tests: promtool checks /metrics; curl runs docs/serving.md's examples
    prometheus curl
    # neural networks (CPU)
    libtorch-dev
    # ONNX export: protobuf classes, checker and shape inference
    libonnx-dev
    # CBLAS headers; at run time Debian's alternatives give OpenBLAS, not the reference libblas3
    libblas-dev libopenblas0-pthread
    # the Debian package and its test: dpkg-shlibdeps, validators for the desktop entry,
    # AppStream metainfo and MIME type
    dpkg-dev desktop-file-utils appstream libxml2-utils shared-mime-info
    # the container test (tests/cli/container_test.sh): the image's root filesystem, built
    # without a container engine; curl (above) asks the server in it
    mmdebstrap
)
# The ONNX tests run exports in ONNX Runtime from npm (tests/onnx/install_ort.sh); a Node.js
# installed some other way (NodeSource, nvm) will do, and Debian's npm would conflict with it.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [[ "${1:-}" == "--bench" ]]; then
    packages+=(python3-pandas python3-sklearn python3-numpy python3-xgboost python3-torch)
    # bench_serve: the HTTP load generator
    packages+=(wrk)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
