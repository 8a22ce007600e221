#!/usr/bin/python3
"""Times pandas.read_csv on one file in this process; prints the same fields as bench_csv.

Usage: /usr/bin/python3 pandas_read_csv.py FILE
"""
import os
import resource
import sys
import time

import pandas as pd

path = sys.argv[1]
base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # after imports
t0 = time.perf_counter()
df = pd.read_csv(path)
seconds = time.perf_counter() - t0
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
rows, cols = df.shape
print(f"pandas_read seconds={seconds:.4f} MBps={os.path.getsize(path) / seconds / 1e6:.1f} "
      f"peak_rss_mb={peak_mb:.1f} base_rss_mb={base_mb:.1f} data_mb={rows * cols * 8 / 1e6:.1f} "
      f"rows={rows} cols={cols}")
