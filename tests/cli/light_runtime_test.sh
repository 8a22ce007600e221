#!/usr/bin/env bash
# LibTorch stays out of the programs' start-up: neither oficina-cli nor liboficina_core.so lists
# it as needed (directly or through another library), the CLI links no Qt, and a run without a
# network never loads it, while a run with one does (so the check can fail).
set -euo pipefail
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
cli=$build_dir/bin/oficina-cli
core=$build_dir/lib/oficina/liboficina_core.so
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "light_runtime_test: $*" >&2; exit 1; }

for binary in "$cli" "$core"; do
    needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    [[ -n $needed ]] || fail "readelf lists nothing needed by $binary"
    if grep -E '^lib(torch|c10|caffe2)' <<<"$needed"; then fail "$binary needs LibTorch"; fi
done
if ldd "$cli" | grep -E 'lib(torch|c10)|libQt'; then
    fail "oficina-cli loads LibTorch or Qt at start-up"
fi

# LD_DEBUG=files logs every object the dynamic loader maps, dlopen() included.
loaded_by() {
    local log=$scratch/$1
    shift
    LD_DEBUG=files LD_DEBUG_OUTPUT=$log "$cli" "$@" >"$scratch/out" 2>&1 ||
        { cat "$scratch/out" >&2; fail "oficina-cli $* failed"; }
    cat "$log".*
}
examples=$source_dir/resources/examples
loaded=$(loaded_by plain run "$examples/iris_classification.oficina" --quiet)
# (grep's matches go to a file, not into `head`: under pipefail, head quitting early would make
# the condition false.)
if grep -E 'lib(torch|c10)|liboficina_nn' <<<"$loaded" >"$scratch/hits"; then
    head -3 "$scratch/hits"
    fail "a run without a network loaded LibTorch"
fi
loaded=$(loaded_by network run "$examples/sunspots_lstm.oficina" --set lstm.epochs=1 --quiet)
grep -q 'liboficina_nn.so' <<<"$loaded" || fail "the network run did not load the module"
grep -q 'libtorch_cpu.so' <<<"$loaded" || fail "the network run did not load LibTorch"

# The same for a model package: predicting with a classical model maps no LibTorch, with a
# network it does.
"$cli" run "$examples/iris_classification.oficina" --quiet --save-model "logreg=$scratch/iris.ofmodel" \
    --predictions "split.test=$scratch/iris.csv" >/dev/null
loaded=$(loaded_by predict predict "$scratch/iris.ofmodel" "$scratch/iris.csv" -o "$scratch/p.csv" --quiet)
if grep -E 'lib(torch|c10)|liboficina_nn' <<<"$loaded" >"$scratch/hits"; then
    head -3 "$scratch/hits"
    fail "predicting with a logistic regression loaded LibTorch"
fi
"$cli" run "$examples/sunspots_lstm.oficina" --quiet --set lstm.epochs=1 \
    --save-model "lstm=$scratch/lstm.ofmodel" --predictions "split.test=$scratch/windows.csv" >/dev/null
loaded=$(loaded_by network-predict predict "$scratch/lstm.ofmodel" "$scratch/windows.csv" \
    -o "$scratch/p.csv" --quiet)
grep -q 'libtorch_cpu.so' <<<"$loaded" || fail "predicting with a network did not load LibTorch"
echo "light_runtime_test: oficina-cli starts without LibTorch and loads it for a network only," \
     "in run and in predict"
