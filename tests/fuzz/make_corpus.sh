#!/usr/bin/env bash
# Regenerates the seed corpora in tests/fuzz/corpus/ from tests/data and resources/examples
# (checked in; run again when those change):
#   tests/fuzz/make_corpus.sh [path/to/oficina-cli]
# csv: every small CSV/TSV of tests/data/csv behind one options byte (0 = every option
# automatic; fuzz_csv.cpp reads the first byte as options). arff: the small ARFF files.
# pipeline: the bundled examples and, given an oficina-cli, one pipeline holding a node of every
# built-in type with its default parameters. modelstate (given an oficina-cli): the fitted
# pipeline of each classical example's model package, state.json, a NUL byte, arrays.bin.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/fuzz/corpus
rm -rf "$out"
mkdir -p "$out/csv" "$out/arff" "$out/pipeline" "$out/modelstate"
for f in tests/data/csv/*.csv tests/data/csv/*.tsv; do
    [[ $(stat -c %s "$f") -le 4096 ]] || continue
    { printf '\0'; cat "$f"; } > "$out/csv/$(basename "$f")"
done
for f in tests/data/arff/*.arff; do
    [[ $(stat -c %s "$f") -le 4096 ]] && cp "$f" "$out/arff/"
done
cp resources/examples/*.oficina "$out/pipeline/"
if [[ -n "${1:-}" ]]; then
    "$1" nodes --json | /usr/bin/python3 -c '
import json, sys
nodes = [{"id": "n%d" % i, "type": spec["type"], "position": [i * 10, 0], "params": {}}
         for i, spec in enumerate(json.load(sys.stdin))]
json.dump({"format": "oficina-pipeline", "version": 1, "nodes": nodes, "links": []},
          sys.stdout, indent=1)
print()' > "$out/pipeline/all_nodes.oficina"
    scratch=$(mktemp -d)
    for model in iris_classification:logreg iris_lr_vs_tree:tree iris_clustering:kmeans \
        diabetes_regression:ridge wine_cleaning:logreg; do
        example=${model%%:*}
        "$1" run "resources/examples/$example.oficina" --quiet \
            --save-model "${model#*:}=$scratch/$example.ofmodel" >/dev/null
        { unzip -p "$scratch/$example.ofmodel" pipeline/state.json; printf '\0'
          unzip -p "$scratch/$example.ofmodel" pipeline/arrays.bin; } > "$out/modelstate/$example"
    done
    rm -rf "$scratch"
fi
du -sh "$out"/*
