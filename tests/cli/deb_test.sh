#!/usr/bin/env bash
# Builds the Debian packages from an already built tree (cpack, no rebuild), unpacks them into a
# scratch root and checks them as a user would meet them: three packages (oficina-cli: the CLI,
# core, datasets and examples, without Qt or LibTorch; oficina: the GUI; oficina-nn: the network
# module) with their control fields and no file in two of them; the installed oficina-cli
# running an installed example from its package alone (share folder found beside the binary, no
# OFICINA_SHARE_DIR), networks refused with a clear message until oficina-nn is unpacked too and
# trained after, the GUI binary starting, and the desktop entry, AppStream metainfo and MIME type
# validating.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
cpack=${2:-cpack}  # CTest passes the CPack of the CMake that configured the build
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "deb_test: $*" >&2; exit 1; }

for tool in "$cpack" dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli xmllint \
    update-mime-database readelf; do
    command -v "$tool" >/dev/null || fail "$tool is missing; run packaging/install-deps.sh"
done
[[ -f "$build_dir/CPackConfig.cmake" ]] || fail "$build_dir has no CPackConfig.cmake"

# The package goes to the scratch folder, so a test run never leaves one in the build tree.
"$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$scratch/out" \
    >"$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
arch=$(dpkg --print-architecture)
cli_deb=$scratch/out/oficina-cli_${version}_$arch.deb
deb=$scratch/out/oficina_${version}_$arch.deb
nn_deb=$scratch/out/oficina-nn_${version}_$arch.deb
[[ -f $cli_deb && -f $deb && -f $nn_deb ]] ||
    fail "expected oficina-cli, oficina and oficina-nn, got: $(ls "$scratch/out")"

field() { dpkg-deb -f "$1" "$2"; }
has_dependency() { grep -Eq "(^|[ ,|])$2( |,|$)" <<<"$(field "$1" Depends)"; }
for package_file in "$cli_deb" "$deb" "$nn_deb"; do
    [[ $(field "$package_file" Version) == "$version" ]] ||
        fail "$(basename "$package_file"): Version is not the project's $version"
    [[ $(field "$package_file" Architecture) == "$arch" ]] ||
        fail "$(basename "$package_file"): Architecture is not $arch"
    [[ $(field "$package_file" Maintainer) != "" ]] || fail "$(basename "$package_file"): no Maintainer"
    [[ -z $(field "$package_file" Description | awk 'length > 79') ]] ||
        fail "$(basename "$package_file"): Description has lines over 79 columns"
done
[[ $(field "$deb" Description) == *workbench* ]] || fail "oficina's Description is missing"
[[ $(field "$cli_deb" Description) == *"inference server"* ]] ||
    fail "oficina-cli's Description is missing"
[[ $(field "$nn_deb" Description) == *LibTorch* ]] || fail "oficina-nn's Description is missing"
# dpkg-shlibdeps must have found the libraries the binaries link, each in its Debian package:
# the ML libraries for oficina-cli (core), Qt for the GUI, LibTorch only for the network module.
for package in libonnx1 libprotobuf32 libsvm3 liblinear4 libxgboost0 libcpp-httplib0.11 \
    libopenblas0-pthread libc6; do
    has_dependency "$cli_deb" "$package" ||
        fail "oficina-cli's Depends lacks $package: $(field "$cli_deb" Depends)"
done
# A server or a container image installs oficina-cli alone: neither Qt nor LibTorch.
! grep -Eiq 'qt6|libtorch|libc10' <<<"$(field "$cli_deb" Depends)" ||
    fail "oficina-cli depends on Qt or LibTorch: $(field "$cli_deb" Depends)"
for package in libqt6widgets6 libqt6charts6 libqt6svg6 oficina-cli; do
    has_dependency "$deb" "$package" ||
        fail "oficina's Depends lacks $package: $(field "$deb" Depends)"
done
! has_dependency "$deb" libtorch1.13 || fail "oficina depends on LibTorch: $(field "$deb" Depends)"
for package in libtorch1.13 oficina-cli; do
    has_dependency "$nn_deb" "$package" ||
        fail "oficina-nn's Depends lacks $package: $(field "$nn_deb" Depends)"
done
for package_file in "$deb" "$nn_deb"; do
    grep -q "oficina-cli (= $version)" <<<"$(field "$package_file" Depends)" ||
        fail "$(basename "$package_file") does not depend on oficina-cli of its own version"
done
# dpkg refuses to install two packages holding the same file.
shared=$(for package_file in "$cli_deb" "$deb" "$nn_deb"; do
    dpkg-deb -c "$package_file" | awk '$1 !~ /^d/ { print $6 }'
done | sort | uniq -d)
[[ -z $shared ]] || fail "files in more than one package: $shared"

# oficina-cli alone first: it must run without the GUI's package.
root=$scratch/root
dpkg-deb -x "$cli_deb" "$root"
share=$root/usr/share
for file in usr/bin/oficina-cli usr/lib/oficina/liboficina_core.so \
    usr/share/doc/oficina-cli/copyright usr/share/oficina/datasets/iris.csv \
    usr/share/oficina/datasets/SOURCES.md usr/share/oficina/examples/iris_classification.oficina; do
    [[ -f "$root/$file" ]] || fail "oficina-cli lacks /$file"
done
[[ ! -e $root/usr/bin/oficina && ! -e $root/usr/share/applications ]] ||
    fail "oficina-cli holds the GUI or its desktop files"
[[ ! -e $root/usr/lib/oficina/liboficina_nn.so ]] || fail "oficina-cli holds the network module"

# From the unpacked root, as after `dpkg -i`: the binary finds ../share/oficina by itself.
out=$(env -u OFICINA_SHARE_DIR "$root/usr/bin/oficina-cli" run \
    "$share/oficina/examples/iris_classification.oficina" --quiet) ||
    fail "the packaged oficina-cli failed on the packaged Iris example"
grep -q "accuracy            0.973684" <<<"$out" || fail "unexpected output: $out"
env -u OFICINA_SHARE_DIR "$root/usr/bin/oficina-cli" datasets | grep -c "^iris" >/dev/null ||
    fail "the packaged oficina-cli lists no bundled datasets"

# A network without oficina-nn: the node fails saying which package is missing; with it, trains.
network_run() {
    env -u OFICINA_SHARE_DIR "$root/usr/bin/oficina-cli" run \
        "$share/oficina/examples/sunspots_lstm.oficina" --set lstm.epochs=1 --quiet 2>&1
}
if out=$(network_run); then fail "a network trained without oficina-nn: $out"; fi
grep -q "oficina-nn" <<<"$out" || fail "the missing module is not named: $out"
dpkg-deb -x "$nn_deb" "$root"
[[ -f $root/usr/lib/oficina/liboficina_nn.so && -f $root/usr/share/doc/oficina-nn/copyright ]] ||
    fail "oficina-nn lacks its module or copyright"
out=$(network_run) || fail "the packaged oficina-nn does not train the LSTM example: $out"

dpkg-deb -x "$deb" "$root"
for file in usr/bin/oficina usr/share/applications/oficina.desktop \
    usr/share/metainfo/io.github.oficina.Oficina.metainfo.xml usr/share/mime/packages/oficina.xml \
    usr/share/icons/hicolor/scalable/apps/oficina.svg \
    usr/share/icons/hicolor/scalable/mimetypes/application-x-oficina-pipeline.svg \
    usr/share/doc/oficina/copyright; do
    [[ -f "$root/$file" ]] || fail "oficina lacks /$file"
done
# Programs find Oficina's private library folder and nothing else, least of all the build tree.
for binary in "$root"/usr/bin/*; do
    run_path=$(readelf -d "$binary" | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
    [[ $run_path == '$ORIGIN/../lib/oficina' ]] ||
        fail "$(basename "$binary") has the run path '$run_path'"
done

gui_version=$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$scratch "$root/usr/bin/oficina" --version)
[[ $gui_version == "Oficina $version" ]] || fail "oficina --version says '$gui_version'"

desktop-file-validate "$share/applications/oficina.desktop" ||
    fail "desktop-file-validate rejects oficina.desktop"
grep -qx 'Exec=oficina %f' "$share/applications/oficina.desktop" ||
    fail "the desktop entry does not pass the opened file to oficina"
# --strict: infos (e.g. a missing content rating) fail too; pedantic hints do not.
appstreamcli validate --no-net --strict "$share/metainfo/io.github.oficina.Oficina.metainfo.xml" ||
    fail "appstreamcli rejects the metainfo"
grep -q "<release version=\"$version\"" "$share/metainfo/io.github.oficina.Oficina.metainfo.xml" ||
    fail "the metainfo has no release $version"
xmllint --noout "$share/mime/packages/oficina.xml" || fail "oficina.xml is not well-formed XML"
# The MIME database built from the package alone maps *.oficina to the desktop entry's type.
mkdir -p "$scratch/mime/packages"
cp "$share/mime/packages/oficina.xml" "$scratch/mime/packages/"
update-mime-database "$scratch/mime" >"$scratch/mime.log" 2>&1 ||
    { cat "$scratch/mime.log" >&2; fail "update-mime-database rejects oficina.xml"; }
mime_type=$(sed -n 's/^MimeType=\([^;]*\);$/\1/p' "$share/applications/oficina.desktop")
grep -q ":$mime_type:\*\.oficina$" "$scratch/mime/globs2" ||
    fail "*.oficina does not map to the desktop entry's $mime_type"
echo "deb_test: $(basename "$cli_deb") $(du -k "$cli_deb" | cut -f1) KiB," \
    "$(basename "$deb") $(du -k "$deb" | cut -f1) KiB, $(basename "$nn_deb")" \
    "$(du -k "$nn_deb" | cut -f1) KiB; Iris runs from oficina-cli alone, the LSTM example with" \
    "oficina-nn"
