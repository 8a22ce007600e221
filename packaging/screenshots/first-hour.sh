#!/bin/sh
# The first-hour walk-through as screenshots, on a fresh profile each time, in English and
# Brazilian Portuguese, at the default window size (the app's own choice on a 1600 x 1000
# screen: 1472 x 920) and at 1920 x 1080: the start page, the Iris example after its run, its
# Select columns form, the Wine example's clusters vs classes, and presentation mode. Writes
# packaging/screenshots/first-hour/<size>-<language>-<step>.png from an existing build.
#
#   packaging/screenshots/first-hour.sh [BUILD_DIR]      (default: build/release)
#
# Needs Xvfb and ImageMagick's `import` (apt-get install xvfb imagemagick).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
app=$build/bin/oficina
examples=$build/share/oficina/examples
out=$here/first-hour
[ -x "$app" ] || { echo "no $app: build first" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "Xvfb is not installed" >&2; exit 2; }
command -v import >/dev/null || { echo "ImageMagick (import) is not installed" >&2; exit 2; }
mkdir -p "$out"

# shot SCREEN GEOMETRY NAME LANGUAGE [APP ARGUMENTS…]: a fresh profile, the app on its own X
# server, a picture of the whole screen after it settles.
shot() {
    screen=$1 geometry=$2 name=$3 lang=$4
    shift 4
    display=:$(( 90 + $$ % 9 ))
    home=$(mktemp -d)
    Xvfb "$display" -screen 0 "${screen}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    set -- ${geometry:+-qwindowgeometry "$geometry"} "$@"
    env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/config" \
        XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home" DISPLAY="$display" \
        QT_QPA_PLATFORM=xcb LANGUAGE="$lang" LANG="$lang.UTF-8" \
        "$app" "$@" >"$home/app.log" 2>&1 &
    pid=$!
    sleep "${SHOT_WAIT:-8}"
    import -display "$display" -window root "$out/$name.png"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    rm -rf "$home"
    echo "wrote $out/$name.png"
}

for size in default 1920x1080; do
    if [ "$size" = default ]; then screen=1600x1000 geometry=; else screen=$size geometry=$size+0+0; fi
    for lang in en_US pt_BR; do
        tag=$size-${lang%_US}
        shot "$screen" "$geometry" "$tag-1-start" "$lang"
        shot "$screen" "$geometry" "$tag-2-iris-run" "$lang" --run --select score \
            --show-output ConfusionMatrixView "$examples/iris_classification.oficina"
        shot "$screen" "$geometry" "$tag-3-select-columns" "$lang" --run --select select \
            "$examples/iris_classification.oficina"
        shot "$screen" "$geometry" "$tag-4-wine-compare" "$lang" --run --select compare \
            --show-output ClustersVsClassesView "$examples/wine_clusters_vs_classes.oficina"
        shot "$screen" "$geometry" "$tag-5-presentation" "$lang" --run --select kmeans \
            --show-output ScatterPlot --present "$examples/iris_clustering.oficina"
    done
done
