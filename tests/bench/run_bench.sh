#!/bin/bash
# CSV reading, Oficina's readCsv against pandas.read_csv, each timed in its own process,
# alternating for 3 rounds (run-to-run noise on these machines reaches 2x).
# The data (big_5m.csv: 5,000,000 x 10 standard normals) comes from make_data.py beside this
# script, written once into DATA_DIR.
# Usage: run_bench.sh BENCH_CSV DATA_DIR
set -euo pipefail
bench=$1
data=$2
here=$(cd "$(dirname "$0")" && pwd)
rounds=3
file=$data/big_5m.csv

mkdir -p "$data"
if [ ! -s "$file" ]; then
    echo "generating $file (once)…"
    /usr/bin/python3 "$here/make_data.py" "$data" big_5m.csv
fi

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

results=()
for round in $(seq $rounds); do
    ours=$("$bench" "$file")
    theirs=$(/usr/bin/python3 "$here/pandas_read_csv.py" "$file")
    echo "round $round: $ours"
    echo "round $round: $theirs"
    results+=("$(field seconds "$ours") $(field MBps "$ours") $(field peak_rss_mb "$ours") \
$(field seconds "$theirs") $(field MBps "$theirs") $(field peak_rss_mb "$theirs") \
$(field data_mb "$ours") $(field base_rss_mb "$theirs")")
done

printf '%s\n' "${results[@]}" | awk -v file="$file" '
function median(a, n,   i, j, t) {
    for (i = 1; i <= n; ++i)
        for (j = i + 1; j <= n; ++j)
            if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
    n = NR; os[n] = $1; om[n] = $2; orss[n] = $3; ps[n] = $4; pm[n] = $5; prss[n] = $6
    data = $7; pbase = $8
    printf "%-7d %10.3f %9.1f %10.1f %10.3f %9.1f %10.1f %8.2fx\n", \
           n, $1, $2, $3, $4, $5, $6, $4 / $1
}
BEGIN {
    printf "\nCSV read of %s\n", file
    printf "%-7s %10s %9s %10s %10s %9s %10s %9s\n", "round", "oficina s", "MB/s", "peak MB", \
           "pandas s", "MB/s", "peak MB", "speedup"
}
END {
    mos = median(os, n); mom = median(om, n); morss = median(orss, n)
    mps = median(ps, n); mpm = median(pm, n); mprss = median(prss, n)
    printf "%-7s %10.3f %9.1f %10.1f %10.3f %9.1f %10.1f %8.2fx\n", "median", mos, mom, morss, \
           mps, mpm, mprss, mps / mos
    printf "\nfloat64 size of the data: %.1f MB\n", data
    printf "peak RSS / float64 size: oficina %.2f, pandas %.2f", morss / data, mprss / data
    printf " (pandas after its imports: %.1f MB)\n", pbase
}'
