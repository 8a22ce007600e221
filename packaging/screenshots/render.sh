#!/bin/sh
# Renders screenshots of Oficina's main views under Xvfb from an existing build (builds
# nothing), in a 1600 x 1000 window: the classification example after a run (confusion matrix,
# English and Brazilian Portuguese), its training loss, the clustering example (cluster plot,
# both languages), the data preview with column summaries, and the network examples' live
# training curves with their layer lists (a CNN in English, an LSTM in Portuguese), the start
# page and the clusters-vs-classes view (both languages), a validation curve, and the Try it
# panel of the trained model (both languages).
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

# shot NAME LANGUAGE PIPELINE NODE VIEW: opens PIPELINE, selects NODE, runs, brings the node's
# output VIEW (a widget class: LossChart, ScatterPlot…) to the front, waits, saves NAME.png.
# With no PIPELINE, the start page.
shot() {
    name=$1 lang=$2
    if [ $# -gt 2 ]; then
        set -- --run --select "$4" --show-output "$5" "$examples/$3"
    else
        set --
    fi
    env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/config" \
        XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home" DISPLAY="$display" \
        QT_QPA_PLATFORM=xcb LANGUAGE="$lang" LANG="$lang.UTF-8" \
        "$app" -qwindowgeometry 1600x1000+0+0 "$@" >"$home/$name.log" 2>&1 &
    pid=$!
    sleep "${SHOT_WAIT:-8}"
    import -display "$display" -window root "$here/$name.png"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "wrote $here/$name.png"
}

classification=iris_classification.oficina
clustering=iris_clustering.oficina
shot main-window en_US $classification score ConfusionMatrixView
shot main-window-pt_BR pt_BR $classification score ConfusionMatrixView
shot editor-training en_US $classification logreg LossChart
shot clustering en_US $clustering kmeans ScatterPlot
shot clustering-pt_BR pt_BR $clustering kmeans ScatterPlot
shot data-preview en_US $clustering iris DataPreview
shot network-cnn en_US digits_cnn.oficina cnn LossChart
shot network-lstm-pt_BR pt_BR sunspots_lstm.oficina lstm LossChart
shot start-page en_US
shot start-page-pt_BR pt_BR
shot clusters-vs-classes en_US wine_clusters_vs_classes.oficina compare ClustersVsClassesView
shot clusters-vs-classes-pt_BR pt_BR wine_clusters_vs_classes.oficina compare ClustersVsClassesView
shot validation-curve en_US iris_lr_vs_tree.oficina depth_curve LearningCurveChart
shot try-it en_US $classification logreg TryItPanel
shot try-it-pt_BR pt_BR $classification logreg TryItPanel
