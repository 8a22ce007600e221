#!/usr/bin/env bash
# Start-up time of oficina-cli --version (target ≤ 50 ms) and of a run without a network, as the
# median of ROUNDS launches each. Anchor, alternating in the same run: the same command with
# LibTorch mapped at start (LD_PRELOAD), as the CLI did while it linked LibTorch.
#   run_startup_bench.sh OFICINA_CLI EXAMPLES_DIR      ROUNDS=30
set -euo pipefail
cli=$1
examples=$2
rounds=${ROUNDS:-30}
torch=$(ldconfig -p | sed -n 's/.*libtorch_cpu.so[^=]*=> \(.*\)/\1/p' | head -1)
[[ -n $torch ]] || { echo "startup bench: libtorch_cpu.so not found (libtorch-dev)" >&2; exit 1; }

/usr/bin/python3 - "$cli" "$examples" "$rounds" "$torch" <<'PY'
import os, statistics, subprocess, sys, time
cli, examples, rounds, torch = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
commands = {
    "--version": [cli, "--version"],
    "run iris (no network)": [cli, "run", os.path.join(examples, "iris_classification.oficina"),
                              "--quiet"],
}
def launch(argv, preload):
    env = dict(os.environ)
    if preload:
        env["LD_PRELOAD"] = torch
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000
for name, argv in commands.items():
    launch(argv, False), launch(argv, True)  # warm the page cache
    now, before = [], []
    for _ in range(rounds):
        now.append(launch(argv, False))
        before.append(launch(argv, True))
    a, b = statistics.median(now), statistics.median(before)
    print(f"{name:24s} oficina-cli {a:7.1f} ms   with LibTorch mapped {b:7.1f} ms   "
          f"({b / a:.1f}x)   median of {rounds}")
PY
