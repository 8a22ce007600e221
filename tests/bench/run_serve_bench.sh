#!/usr/bin/env bash
# Serving bench: `oficina-cli serve` against ONNX Runtime behind Node (ort_server.js) serving the
# ONNX export of the same fitted pipeline, on the same single-row Open Inference Protocol v2
# request, under wrk at each number of connections (CONNECTIONS, default "1 8 64"), for a
# logistic regression with a standard scaler and a 100-tree random forest (serve_logistic.oficina,
# serve_forest.oficina, trained on make_data.py's serve_20k.csv). Both servers run as many
# threads (oficina --threads) or worker processes (Node's cluster) as there are connections, and
# run side by side; each round measures every model on both, the server order alternating from
# round to round. Then batch `oficina-cli predict` of the logistic pipeline on serve_2m.csv
# (2,000,000 rows), against ONNX Runtime in Node reading the same file (ort_batch.js), for context.
# Prints a table of medians and writes it as JSON to OUT_DIR/serve-bench.json. Targets (issue):
# ≥ 2× the peer's requests/s and p99 ≤ 2 ms at 8 connections; predict ≥ 1,000,000 rows/s.
#   run_serve_bench.sh OFICINA_CLI DATA_DIR ORT_DIR OUT_DIR
#   ROUNDS=3  DURATION=10 (seconds per wrk run)  CONNECTIONS="1 8 64"  BATCH=1 (0: no batch)
#   BATCH_ROUNDS=3
# Needs wrk (Debian package wrk), node and npm (onnxruntime-node is installed into ORT_DIR by
# tests/onnx/install_ort.sh, as for the ONNX tests), curl and the Debian python3 with numpy.
set -euo pipefail
cli=$(realpath "$1")
data=$2
ort=$3
out=$4
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-3}
duration=${DURATION:-10}
connections=${CONNECTIONS:-1 8 64}
batch=${BATCH:-1}
batch_rounds=${BATCH_ROUNDS:-3}
python=/usr/bin/python3
cores=$(nproc)

fail() {
    echo "serve bench: $*" >&2
    exit 1
}
for tool in wrk node curl; do
    command -v $tool >/dev/null || fail "$tool is not installed (apt-get install $tool)"
done
mkdir -p "$data" "$out" "$ort"
ort=$(cd "$ort" && pwd)
"$here/../onnx/install_ort.sh" "$ort" >&2
export OFICINA_ORT_DIR=$ort

data=$(cd "$data" && pwd)
out=$(cd "$out" && pwd)
[[ -s $data/serve_20k.csv ]] || "$python" "$here/make_data.py" "$data" serve_20k.csv >&2
if [[ $batch != 0 && ! -s $data/serve_2m.csv ]]; then
    "$python" "$here/make_data.py" "$data" serve_2m.csv >&2
fi

# Both pipelines trained once, each giving its package and its ONNX export (with its card).
declare -A node_of=([logistic]=logreg [forest]=forest)
models=(logistic forest)
for model in "${models[@]}"; do
    pipeline=$here/serve_$model.oficina
    if [[ ! -s $out/$model.ofmodel || ! -s $out/$model.onnx || $pipeline -nt $out/$model.ofmodel ||
        $data/serve_20k.csv -nt $out/$model.ofmodel || $cli -nt $out/$model.ofmodel ]]; then
        echo "serve bench: training $model (log: $out/train-$model.log)" >&2
        "$cli" run -q "$pipeline" --set "load.file=$data/serve_20k.csv" \
            --save-model "${node_of[$model]}=$out/$model.ofmodel" \
            --export-onnx "${node_of[$model]}=$out/$model.onnx" >"$out/train-$model.log" 2>&1 ||
            fail "training $model failed: $(cat "$out/train-$model.log")"
    fi
done

# The request: the first row of the training file, one FP64 tensor of shape [1] per column.
body=$out/serve-request.json
"$python" - "$data/serve_20k.csv" "$body" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    header = f.readline().strip().split(",")
    row = f.readline().strip().split(",")
inputs = [{"name": n, "shape": [1], "datatype": "FP64", "data": [float(v)]}
          for n, v in zip(header, row) if n != "label"]
with open(sys.argv[2], "w") as f:
    json.dump({"id": "bench", "inputs": inputs}, f, separators=(",", ":"))
PY

free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ours= peer=
stop_servers() {
    local pid
    for pid in $ours $peer; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    ours= peer=
}
trap stop_servers EXIT
ready() { # url pid: waits until the URL answers 200 (at most 120 s: 64 Node workers start slowly)
    local i
    for ((i = 0; i < 1200; i++)); do
        curl -sf -o /dev/null "$1" && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}
load_note() { echo "load $(cut -d' ' -f1-3 /proc/loadavg), compilers running $(pgrep -c cc1plus || true)"; }
# Other work on the machine just before a run, while both servers idle: runnable tasks but this
# sampler, the mean of 5 samples over half a second (the load average counts our own threads).
others() {
    local i sum=0
    for ((i = 0; i < 5; i++)); do
        sum=$((sum + $(awk '{split($4, a, "/"); print a[1] - 1}' /proc/loadavg)))
        sleep 0.1
    done
    awk -v s=$sum 'BEGIN {printf "%.1f", s / 5}'
}

results=$out/serve-bench.jsonl
: >"$results"
load_before=$(load_note)
echo "serve bench: $cores cores; $load_before; ${duration} s per run, $rounds rounds" >&2
for conns in $connections; do
    threads=$((conns < cores ? conns : cores))
    oport=$(free_port)
    "$cli" serve "$out/logistic.ofmodel" "$out/forest.ofmodel" --port "$oport" \
        --threads "$conns" 2>"$out/serve-oficina.log" &
    ours=$!
    pport=$(free_port)
    node "$here/ort_server.js" --port "$pport" --workers "$conns" \
        "logistic=$out/logistic.onnx" "forest=$out/forest.onnx" 2>"$out/serve-peer.log" &
    peer=$!
    ready "http://127.0.0.1:$oport/v2/health/ready" "$ours" || fail "oficina-cli serve did not start: $(cat "$out/serve-oficina.log")"
    ready "http://127.0.0.1:$pport/v2/health/ready" "$peer" || fail "ort_server.js did not start: $(cat "$out/serve-peer.log")"
    # Node's workers each answer once ready; the primary says when all of them are.
    for ((i = 0; i < 1200; i++)); do
        grep -q "workers serving" "$out/serve-peer.log" && break
        sleep 0.1
    done
    declare -A port=([oficina]=$oport [peer]=$pport)
    for model in "${models[@]}"; do
        # Same fitted pipeline on both sides: same label, same probabilities (to 1e-9).
        a=$(curl -sf "http://127.0.0.1:$oport/v2/models/$model/infer" -H 'Content-Type: application/json' --data-binary @"$body")
        b=$(curl -sf "http://127.0.0.1:$pport/v2/models/$model/infer" -H 'Content-Type: application/json' --data-binary @"$body")
        "$python" - "$a" "$b" "$model" <<'PY' || fail "the two servers answer differently"
import json, sys
a, b = (json.loads(x)["outputs"] for x in sys.argv[1:3])
la, lb = ({o["name"]: o for o in outs} for outs in (a, b))
assert la["label"]["data"] == lb["label"]["data"], (la["label"], lb["label"])
assert la["probabilities"]["parameters"] == lb["probabilities"]["parameters"]
assert all(abs(x - y) <= 1e-9 for x, y in zip(la["probabilities"]["data"], lb["probabilities"]["data"]))
PY
        for server in oficina peer; do # warm-up
            wrk -t"$threads" -c"$conns" -d2s -s "$here/serve_infer.lua" \
                "http://127.0.0.1:${port[$server]}/v2/models/$model/infer" -- "$body" >/dev/null
        done
    done
    for ((round = 1; round <= rounds; round++)); do
        order=(oficina peer)
        ((round % 2)) || order=(peer oficina)
        for model in "${models[@]}"; do
            for server in "${order[@]}"; do
                busy=$(others)
                line=$(wrk -t"$threads" -c"$conns" -d"${duration}s" --latency -s "$here/serve_infer.lua" \
                    "http://127.0.0.1:${port[$server]}/v2/models/$model/infer" -- "$body" | tail -n 1)
                [[ $line == "{"* ]] || fail "wrk gave no result for $server $model"
                echo "{\"server\": \"$server\", \"model\": \"$model\", \"connections\": $conns, \"round\": $round, \"others_runnable\": $busy, \"wrk\": $line}" >>"$results"
                echo "conns $conns round $round $model $server: $line" >&2
            done
        done
    done
    stop_servers
done
load_after=$(load_note)

batch_json=$out/serve-batch.jsonl
: >"$batch_json"
if [[ $batch != 0 ]]; then
    rows=$(($(wc -l <"$data/serve_2m.csv") - 1))
    cat "$data/serve_2m.csv" >/dev/null # in the page cache for both
    for ((round = 1; round <= batch_rounds; round++)); do
        order=(oficina peer)
        ((round % 2)) || order=(peer oficina)
        for side in "${order[@]}"; do
            start=$(date +%s%N)
            if [[ $side == oficina ]]; then
                "$cli" predict -q "$out/logistic.ofmodel" "$data/serve_2m.csv" -o "$out/batch-oficina.csv"
            else
                node "$here/ort_batch.js" "$out/logistic.onnx" "$data/serve_2m.csv" "$out/batch-peer.csv" \
                    2>>"$out/serve-batch-peer.log"
            fi
            end=$(date +%s%N)
            echo "{\"side\": \"$side\", \"round\": $round, \"rows\": $rows, \"seconds\": $(((end - start) / 1000000))e-3}" >>"$batch_json"
        done
    done
    cmp -s "$out/batch-oficina.csv" "$out/batch-peer.csv" ||
        fail "batch predictions differ: $out/batch-oficina.csv, $out/batch-peer.csv"
fi

"$python" - "$results" "$batch_json" "$out/serve-bench.json" "$cores" "$load_before" "$load_after" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
batch = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
cores, before, after = int(sys.argv[4]), sys.argv[5], sys.argv[6]
med = statistics.median
table = []
keys = sorted({(r["model"], r["connections"]) for r in runs}, key=lambda k: (k[0] != "logistic", k[1]))
for model, conns in keys:
    row = {"model": model, "connections": conns}
    for server in ("oficina", "peer"):
        w = [r["wrk"] for r in runs if (r["model"], r["connections"], r["server"]) == (model, conns, server)]
        bad = sum(x["bad"] + x["connect_errors"] + x["read_errors"] + x["write_errors"] + x["timeouts"] for x in w)
        row[server] = {"rps": med(x["rps"] for x in w), "p50_ms": med(x["p50_us"] for x in w) / 1000,
                       "p99_ms": med(x["p99_us"] for x in w) / 1000, "errors": bad, "rounds": len(w)}
    row["throughput_ratio"] = row["oficina"]["rps"] / row["peer"]["rps"]
    row["others_runnable_max"] = max(r["others_runnable"] for r in runs
                                     if (r["model"], r["connections"]) == (model, conns))
    table.append(row)
busy = sorted(r["others_runnable"] for r in runs) or [0]
summary = {"cores": cores, "load_before": before, "load_after": after,
           "others_runnable": {"median": med(busy), "max": busy[-1]},
           "seconds_per_run": runs[0]["wrk"]["seconds"] if runs else None,
           "threads": "oficina-cli serve --threads N and N Node workers for N connections",
           "serve": table}
print(f"\nserving bench: {cores} cores; before: {before}; other runnable tasks before each run: "
      f"median {med(busy):.1f}, max {busy[-1]:.1f}; medians of "
      f"{table[0]['oficina']['rounds'] if table else 0} rounds; peer = ONNX Runtime "
      "(onnxruntime-node) behind Node's cluster, same pipeline exported to ONNX")
print(f"{'model':9} {'conns':>5} | {'oficina p50':>11} {'p99':>7} {'req/s':>8} | {'peer p50':>8} {'p99':>7} {'req/s':>8} | {'ratio':>6} | others")
for r in table:
    o, p = r["oficina"], r["peer"]
    flag = " (errors!)" if o["errors"] or p["errors"] else ""
    print(f"{r['model']:9} {r['connections']:5d} | {o['p50_ms']:8.3f} ms {o['p99_ms']:7.3f} {o['rps']:8.0f} | "
          f"{p['p50_ms']:5.3f} ms {p['p99_ms']:7.3f} {p['rps']:8.0f} | {r['throughput_ratio']:5.2f}x | "
          f"{r['others_runnable_max']:.1f}{flag}")
print("targets: ratio >= 2 and oficina p99 <= 2 ms at 8 connections")
if batch:
    rows = batch[0]["rows"]
    summary["batch"] = {}
    for side in ("oficina", "peer"):
        s = med(b["seconds"] for b in batch if b["side"] == side)
        summary["batch"][side] = {"rows": rows, "seconds": s, "rows_per_s": rows / s}
    o, p = summary["batch"]["oficina"], summary["batch"]["peer"]
    print(f"\nbatch predict, logistic pipeline, {rows:,} rows CSV in -> CSV out (median of "
          f"{sum(1 for b in batch if b['side'] == 'oficina')}):")
    print(f"  oficina-cli predict  {o['seconds']:6.2f} s  {o['rows_per_s']:>12,.0f} rows/s   (target >= 1,000,000)")
    print(f"  ORT in Node          {p['seconds']:6.2f} s  {p['rows_per_s']:>12,.0f} rows/s   (ort_batch.js, context)")
with open(sys.argv[3], "w") as f:
    json.dump(summary, f, indent=2)
print(f"\nwritten: {sys.argv[3]}")
PY
