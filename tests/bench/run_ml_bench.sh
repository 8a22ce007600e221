#!/bin/bash
# ML benchmarks: each task timed in its own process, Oficina (the bench_ml_* program that lists
# it) and sk_reference.py alternating for ROUNDS rounds (noise here reaches 2x); prints medians
# and the ratios Oficina / reference for fit time and for peak memory.
# The data comes from make_data.py beside this script (seeded, same bytes on every run),
# written once into DATA_DIR.
# Usage: run_ml_bench.sh BIN_DIR DATA_DIR [TASK...]   (default: every task)
set -euo pipefail
bin=$1
data=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-3}

mkdir -p "$data"
for f in clf_200k.csv reg_200k.csv blobs_1m.csv moons_20k.csv; do
    [ -s "$data/$f" ] || /usr/bin/python3 "$here/make_data.py" "$data" "$f" >/dev/null
done

declare -A program
for exe in "$bin"/bench_ml_*; do
    [ -x "$exe" ] || continue
    for task in $("$exe" --list); do program[$task]=$exe; done
done
tasks=("$@")
[ ${#tasks[@]} -gt 0 ] || mapfile -t tasks < <(printf '%s\n' "${!program[@]}" | sort)

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

summary=()
for task in "${tasks[@]}"; do
    exe=${program[$task]:-}
    [ -n "$exe" ] || { echo "no bench_ml_* program runs '$task'" >&2; exit 2; }
    ours_t=() ours_m=() ref_t=() ref_m=()
    for round in $(seq "$rounds"); do
        ours=$("$exe" "$task" "$data")
        ref=$(/usr/bin/python3 "$here/sk_reference.py" "$task" "$data")
        echo "round $round  oficina:   $ours"
        echo "round $round  reference: $ref"
        ours_t+=("$(field fit_s "$ours")") ours_m+=("$(field peak_rss_mb "$ours")")
        ref_t+=("$(field fit_s "$ref")") ref_m+=("$(field peak_rss_mb "$ref")")
    done
    ot=$(printf '%s\n' "${ours_t[@]}" | median) om=$(printf '%s\n' "${ours_m[@]}" | median)
    rt=$(printf '%s\n' "${ref_t[@]}" | median) rm=$(printf '%s\n' "${ref_m[@]}" | median)
    summary+=("$(awk -v t="$task" -v ot="$ot" -v rt="$rt" -v om="$om" -v rm="$rm" \
        'BEGIN {printf "%-14s %9.3f %9.3f %7.2fx %9.1f %9.1f %7.2fx", t, ot, rt, ot/rt, om, rm, om/rm}')")
done

printf '\nmedians of %d rounds; ratio = Oficina / reference (below 1 is better)\n' "$rounds"
printf '%-14s %9s %9s %8s %9s %9s %8s\n' task "fit s" "ref s" ratio "peak MB" "ref MB" ratio
printf '%s\n' "${summary[@]}"
