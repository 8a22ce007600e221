#!/usr/bin/python3
"""Deterministic synthetic data sets for the benchmarks in tests/bench.

Writes CSV files (header row, '%.6f' floats, integer labels) under /tmp/perfdata/ (or the
directory given as argv[1]); further arguments name the files to write, default all of them:
  clf_200k.csv   200,000 x 20, 3 classes, column `label`   (make_classification, seed 0)
  reg_200k.csv   200,000 x 20, column `target`             (make_regression, seed 0)
  blobs_1m.csv   1,000,000 x 10, no label                  (make_blobs, 8 centres, seed 0)
  moons_20k.csv  20,000 x 2, columns x, y                  (make_moons, seed 0)
  big_5m.csv     5,000,000 x 10 standard normals, c0..c9   (numpy default_rng(0); ~475 MB,
                 for CSV parsing)
  serve_20k.csv  20,000 x 20 (f0..f19), 3 classes as text (a, b, c), column `label`: the
                 training rows of the serving bench's pipelines   (serve_rows, seed 0)
  serve_2m.csv   2,000,000 x 20 (f0..f19) from the same classes, no label: the batch-predict
                 input of the serving bench (serve_rows, seed 1; ~380 MB)
Every generator is seeded: re-running gives byte-identical files, so timings from different
runs and machines compare on the same data. run_bench.sh, run_ml_bench.sh and
run_serve_bench.sh call it once.

Run with the Debian interpreter:  /usr/bin/python3 make_data.py [outdir] [file.csv...]
"""
import os
import sys
import time

import numpy as np
from sklearn.datasets import make_blobs, make_classification, make_moons, make_regression

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/perfdata"
FMT = "%.6f"


def write_csv(name, X, header, y=None, yfmt="%d", chunk=250_000):
    """Write X (and optionally a last column y) as CSV, chunked to bound memory."""
    path = os.path.join(OUT, name)
    t0 = time.perf_counter()
    ncol = X.shape[1]
    fmt = ",".join([FMT] * ncol)
    if y is not None:
        fmt += "," + yfmt
    with open(path, "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for s in range(0, X.shape[0], chunk):
            Xc = X[s:s + chunk]
            if y is not None:
                # object-free: write via savetxt on a float block, label formatted by yfmt
                block = np.column_stack([Xc, y[s:s + chunk]])
            else:
                block = Xc
            np.savetxt(f, block, fmt=fmt, delimiter=",")
    size = os.path.getsize(path)
    print(f"{name}: rows={X.shape[0]} cols={ncol + (y is not None)} bytes={size} "
          f"write_s={time.perf_counter() - t0:.1f}", flush=True)


def serve_rows(name, rows, seed, labelled):
    """Three Gaussian classes in 20 correlated features (the same class centres and mixing for
    every seed: only the rows differ), written in chunks so 2 million rows need little memory."""
    shape = np.random.default_rng(12345)
    centres = shape.normal(0.0, 1.0, size=(3, 20))
    mixing = shape.normal(0.0, 0.5, size=(20, 20)) + np.eye(20)
    rng = np.random.default_rng(seed)
    path = os.path.join(OUT, name)
    t0 = time.perf_counter()
    header = [f"f{i}" for i in range(20)] + (["label"] if labelled else [])
    fmt, names = ",".join([FMT] * 20), ("a", "b", "c")
    with open(path, "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for s in range(0, rows, 200_000):
            n = min(200_000, rows - s)
            y = rng.integers(0, 3, n)
            X = centres[y] + rng.standard_normal((n, 20)) @ mixing
            if labelled:
                lines = [(fmt % tuple(x)) + "," + names[c] for x, c in zip(X.tolist(), y.tolist())]
            else:
                lines = [fmt % tuple(x) for x in X.tolist()]
            f.write("\n".join(lines) + "\n")
    print(f"{name}: rows={rows} cols={len(header)} bytes={os.path.getsize(path)} "
          f"write_s={time.perf_counter() - t0:.1f}", flush=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[2:])  # optional subset of file names

    def want(n):
        return not only or n in only

    if want("clf_200k.csv"):
        # 3 classes need n_classes * n_clusters_per_class <= 2**n_informative -> n_informative >= 3
        X, y = make_classification(n_samples=200_000, n_features=20, n_informative=10,
                                   n_redundant=5, n_classes=3, random_state=0)
        write_csv("clf_200k.csv", X, [f"f{i}" for i in range(20)] + ["label"], y, "%d")

    if want("reg_200k.csv"):
        X, y = make_regression(n_samples=200_000, n_features=20, noise=10.0, random_state=0)
        write_csv("reg_200k.csv", X, [f"f{i}" for i in range(20)] + ["target"], y, FMT)

    if want("blobs_1m.csv"):
        X, _ = make_blobs(n_samples=1_000_000, n_features=10, centers=8, random_state=0)
        write_csv("blobs_1m.csv", X, [f"f{i}" for i in range(10)])

    if want("moons_20k.csv"):
        X, _ = make_moons(n_samples=20_000, noise=0.08, random_state=0)
        write_csv("moons_20k.csv", X, ["x", "y"])

    if want("big_5m.csv"):
        X = np.random.default_rng(0).standard_normal((5_000_000, 10))
        write_csv("big_5m.csv", X, [f"c{i}" for i in range(10)])

    if want("serve_20k.csv"):
        serve_rows("serve_20k.csv", 20_000, 0, True)

    if want("serve_2m.csv"):
        serve_rows("serve_2m.csv", 2_000_000, 1, False)


if __name__ == "__main__":
    main()
