#!/bin/sh
# Renders screenshots of Oficina's main views under Xvfb from an existing build (builds
# nothing): the editor with a run done, in English and in Brazilian Portuguese.
#
#   packaging/screenshots/render.sh [BUILD_DIR]      (default: build/release)
#
# Needs Xvfb and ImageMagick's `import` (apt-get install xvfb imagemagick). Settings and
# recovery files go to a throw-away home, so the default layout is shown.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
app=$build/bin/oficina
examples=$build/share/oficina/examples
[ -x "$app" ] || { echo "no $app: build first" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "Xvfb is not installed" >&2; exit 2; }
command -v import >/dev/null || { echo "ImageMagick (import) is not installed" >&2; exit 2; }

display=:$(( 90 + $$ % 9 ))
home=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$home"' EXIT
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1

# shot NAME LANGUAGE NODE PIPELINE: opens PIPELINE, selects NODE, runs, waits, saves NAME.png.
shot() {
    name=$1 lang=$2 node=$3 pipeline=$4
    env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/config" \
        XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home" DISPLAY="$display" \
        QT_QPA_PLATFORM=xcb LANGUAGE="$lang" LANG="$lang.UTF-8" \
        "$app" -qwindowgeometry 1600x1000+0+0 --run --select "$node" "$pipeline" \
        >"$home/$name.log" 2>&1 &
    pid=$!
    sleep "${SHOT_WAIT:-8}"
    import -display "$display" -window root "$here/$name.png"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "wrote $here/$name.png"
}

shot main-window en_US score "$examples/iris_classification.oficina"
shot main-window-pt_BR pt_BR score "$examples/iris_classification.oficina"
shot editor-training en_US logreg "$examples/iris_classification.oficina"
