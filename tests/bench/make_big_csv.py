#!/usr/bin/python3
"""Fallback for run_bench.sh when ../shared/bench is absent: the same big_5m.csv as
shared/bench/make_data.py (5,000,000 x 10 standard normals, seed 0, '%.6f', header c0..c9).

Usage: /usr/bin/python3 make_big_csv.py OUT.csv
"""
import sys

import numpy as np

X = np.random.default_rng(0).standard_normal((5_000_000, 10))
with open(sys.argv[1], "w", newline="\n") as f:
    f.write(",".join(f"c{i}" for i in range(10)) + "\n")
    for start in range(0, X.shape[0], 250_000):
        np.savetxt(f, X[start:start + 250_000], fmt=",".join(["%.6f"] * 10), delimiter=",")
