#!/usr/bin/env bash
# Builds the Debian package from an already built tree (cpack, no rebuild), unpacks it into a
# scratch root and checks it as a user would meet it: control fields, the installed oficina-cli
# running an installed example (share folder found beside the binary, no OFICINA_SHARE_DIR),
# the GUI binary starting, and the desktop entry, AppStream metainfo and MIME type validating.
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
debs=("$scratch"/out/*.deb)
[[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || fail "expected one .deb, got: ${debs[*]}"
deb=${debs[0]}

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == oficina ]] || fail "Package is '$(field Package)', not oficina"
[[ -n "$version" && $(field Version) == "$version" ]] ||
    fail "Version is '$(field Version)', the project's is '$version'"
[[ $(field Architecture) == $(dpkg --print-architecture) ]] ||
    fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
# dpkg-shlibdeps must have found the libraries the binaries link, each in its Debian package.
for package in libqt6widgets6 libqt6charts6 libqt6svg6 libtorch1.13 libonnx1 libprotobuf32 \
    libsvm3 liblinear4 libxgboost0 libopenblas0-pthread libc6; do
    grep -Eq "(^|[ ,|])$package( |,|$)" <<<"$depends" || fail "Depends lacks $package: $depends"
done
[[ $(field Maintainer) != "" && $(field Description) == *workbench* ]] ||
    fail "Maintainer or Description missing"
[[ -z $(field Description | awk 'length > 79') ]] || fail "Description has lines over 79 columns"

root=$scratch/root
dpkg-deb -x "$deb" "$root"
share=$root/usr/share
for file in usr/bin/oficina usr/bin/oficina-cli usr/share/applications/oficina.desktop \
    usr/share/metainfo/io.github.oficina.Oficina.metainfo.xml usr/share/mime/packages/oficina.xml \
    usr/share/icons/hicolor/scalable/apps/oficina.svg \
    usr/share/icons/hicolor/scalable/mimetypes/application-x-oficina-pipeline.svg \
    usr/share/doc/oficina/copyright usr/share/oficina/datasets/iris.csv \
    usr/share/oficina/datasets/SOURCES.md usr/share/oficina/examples/iris_classification.oficina; do
    [[ -f "$root/$file" ]] || fail "the package lacks /$file"
done
# System libraries only: no run path, least of all one into the build tree.
for binary in "$root"/usr/bin/*; do
    if readelf -d "$binary" | grep -E 'RPATH|RUNPATH'; then
        fail "$(basename "$binary") has a run path"
    fi
done

# From the unpacked root, as after `dpkg -i`: the binary finds ../share/oficina by itself.
out=$(env -u OFICINA_SHARE_DIR "$root/usr/bin/oficina-cli" run \
    "$share/oficina/examples/iris_classification.oficina" --quiet) ||
    fail "the packaged oficina-cli failed on the packaged Iris example"
grep -q "accuracy            0.973684" <<<"$out" || fail "unexpected output: $out"
env -u OFICINA_SHARE_DIR "$root/usr/bin/oficina-cli" datasets | grep -q "^iris" ||
    fail "the packaged oficina-cli lists no bundled datasets"
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
echo "deb_test: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB, runs the Iris example"
