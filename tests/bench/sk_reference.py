#!/usr/bin/python3
"""scikit-learn's (and XGBoost's) side of the ML benchmarks, one task per process.

Usage: /usr/bin/python3 sk_reference.py TASK DATA_DIR
Prints: TASK fit_s=… extra=… peak_rss_mb=… data_rss_mb=…   (the bench_ml_* format)
Data from make_data.py beside this file; the split is the first 80 % of rows for training and
the last 20 % for testing, as the bench_ml_* programs do; each task also reports peak memory.
Tasks live in sk_tasks_*.py beside this file, one module per algorithm family, each defining
TASKS = {"name": function(bench)}; a task times only fit (plus predict where it says so) and
ends with bench.out(...).
"""
import glob
import importlib.util
import os
import resource
import sys
import time

import numpy as np
import pandas as pd


class Bench:
    def __init__(self, task, data):
        self.task, self.data = task, data
        self.pc = time.perf_counter

    @staticmethod
    def rss_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6

    def load(self, name):
        return pd.read_csv(os.path.join(self.data, name))

    def split_xy(self, df, target):
        X = df.drop(columns=[target]).to_numpy(dtype=np.float64)
        y = df[target].to_numpy()
        n_tr = int(0.8 * len(df))
        return X[:n_tr], X[n_tr:], y[:n_tr], y[n_tr:]

    def out(self, fit_s, extra, data_rss, **kw):
        """data_rss: rss_mb() read once the data is loaded, before fitting."""
        more = " ".join(f"{k}={v}" for k, v in kw.items())
        print(f"{self.task} fit_s={fit_s:.4f} extra={extra} peak_rss_mb={self.rss_mb():.1f} "
              f"data_rss_mb={data_rss:.1f} {more}".rstrip(), flush=True)


def all_tasks():
    tasks = {}
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, "sk_tasks_*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        tasks.update(module.TASKS)
    return tasks


if __name__ == "__main__":
    task, data = sys.argv[1], sys.argv[2]
    tasks = all_tasks()
    if task not in tasks:
        sys.exit(f"unknown task {task}; known: {' '.join(sorted(tasks))}")
    tasks[task](Bench(task, data))
