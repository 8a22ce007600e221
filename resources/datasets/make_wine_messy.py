#!/usr/bin/python3
"""Writes wine_messy.csv: the UCI Wine data (wine.csv beside this script) made messy the way
real exports are, for the data-cleaning example. Deterministic (fixed seed, stdlib only):
    /usr/bin/python3 resources/datasets/make_wine_messy.py
What it does to the 178 rows:
  - `colour` replaces color_intensity with a category (pale < 3.5 <= medium < 7 <= deep);
  - 14 rows are written twice (exact duplicates), so the file has 192 rows;
  - about 6 % of the cells of magnesium, alcalinity_of_ash, hue and colour are missing,
    written as an empty cell, NA or ?;
  - 4 magnesium values gain a digit (a typing slip: 1270 for 127), outliers to clip.
The target column `cultivar` is never touched."""
import csv
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261206)
with open(os.path.join(here, "wine.csv"), newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = [list(r) for r in reader]

ci = header.index("color_intensity")
header[ci] = "colour"
for r in rows:
    v = float(r[ci])
    r[ci] = "pale" if v < 3.5 else "medium" if v < 7 else "deep"

slipped = rng.sample(range(len(rows)), 4)
mg = header.index("magnesium")
for i in slipped:
    rows[i][mg] = rows[i][mg] + "0"

for name in ("magnesium", "alcalinity_of_ash", "hue", "colour"):
    col = header.index(name)
    for i in rng.sample(range(len(rows)), round(0.06 * len(rows))):
        if i not in slipped:
            rows[i][col] = rng.choice(["", "NA", "?"])

out = list(rows)
for i in sorted(rng.sample(range(len(rows)), 14), reverse=True):
    out.insert(i + 1, list(rows[i]))

with open(os.path.join(here, "wine_messy.csv"), "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(out)
print(f"wine_messy.csv: {len(out)} rows")
