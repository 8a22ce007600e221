#!/usr/bin/env bash
# Peak memory of one big run against the size of its table: load a CSV → set the target → split
# 75/25 → linear regression → predict the test rows → score. The same task in pandas +
# scikit-learn is the anchor. Memory is not timing: one run of each is enough.
#   run_memory_bench.sh OFICINA_CLI DATA_DIR      MB=3000 (the CSV's size), COLUMNS=20
set -euo pipefail
cli=$1
data=$2
megabytes=${MB:-3000}
columns=${COLUMNS:-20}
python=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$data"
data=$(cd "$data" && pwd)  # the pipeline names the CSV by an absolute path
csv="$data/memory-${megabytes}mb-${columns}c.csv"

if [[ ! -s "$csv" ]]; then
    echo "memory bench: writing $csv (${megabytes} MB, ${columns} features + target)" >&2
    # Seeded, so every run reads the same bytes; the target is linear in the features plus noise.
    awk -v columns="$columns" -v bytes=$((megabytes * 1000000)) 'BEGIN {
        srand(42); header = "";
        for (j = 1; j <= columns; ++j) header = header "x" j ",";
        print header "y"; written = length(header) + 2;
        while (written < bytes) {
            line = ""; y = 0;
            for (j = 1; j <= columns; ++j) { v = rand() * 2 - 1; y += j * v; line = line sprintf("%.6f,", v) }
            line = line sprintf("%.6f", y + rand() - 0.5);
            print line; written += length(line) + 1;
        }
    }' > "$csv.part"
    mv "$csv.part" "$csv"
fi

pipeline="$data/memory.oficina"
cat > "$pipeline" <<EOF
{
  "format": "oficina-pipeline", "version": 1,
  "nodes": [
    {"id": "load", "type": "oficina.data.load_file", "version": 1, "params": {"file": "$csv"}},
    {"id": "select", "type": "oficina.data.select_columns", "version": 1,
     "params": {"features": [], "target": "y"}},
    {"id": "split", "type": "oficina.data.split", "version": 1,
     "params": {"test_size": 0.25, "seed": 0}},
    {"id": "ols", "type": "oficina.model.linear_regression", "version": 1, "params": {}},
    {"id": "predict", "type": "oficina.model.predict", "version": 1, "params": {}},
    {"id": "score", "type": "oficina.eval.score", "version": 1, "params": {}}
  ],
  "links": [
    {"from": "load.data", "to": "select.data"}, {"from": "select.data", "to": "split.data"},
    {"from": "split.train", "to": "ols.data"}, {"from": "ols.model", "to": "predict.model"},
    {"from": "split.test", "to": "predict.data"},
    {"from": "predict.predictions", "to": "score.predictions"}
  ]
}
EOF

peak_kib() { # runs "$@" under GNU time, prints the maximum resident set in KiB
    local log
    log=$(mktemp)
    /usr/bin/time -v "$@" > /dev/null 2> "$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$log"
    rm -f "$log"
}

rows=$(($(wc -l < "$csv") - 1))
table_kib=$((rows * (columns + 1) * 8 / 1024))
report() { # name, peak KiB, idle KiB (the same program started with nothing to do)
    awk -v name="$1" -v peak="$2" -v idle="$3" -v table="$table_kib" 'BEGIN {
        printf "%-24s peak %7.0f MiB  %.2f× the table; %.2f× net of its %.0f MiB idle start\n",
               name, peak / 1024, peak / table, (peak - idle) / table, idle / 1024 }'
}
echo "table: $rows rows × $((columns + 1)) numeric columns = $((table_kib / 1024)) MiB of doubles"
# Assigned one by one, so that a failed run stops the script (set -e) instead of a report.
peak=$(peak_kib "$cli" run -q "$pipeline")
idle=$(peak_kib "$cli" --version)
report "oficina-cli run" "$peak" "$idle"
if "$python" -c 'import pandas, sklearn' 2> /dev/null; then
    peak=$(peak_kib "$python" "$here/memory_reference.py" "$csv")
    idle=$(peak_kib "$python" -c 'import pandas, sklearn.linear_model')
    report "pandas + scikit-learn" "$peak" "$idle"
else
    echo "pandas + scikit-learn: not installed (packaging/install-deps.sh --bench)"
fi
