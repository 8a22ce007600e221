#!/usr/bin/python3
"""Writes the split fixtures in tests/data/split/ from scikit-learn and numpy.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24):
    /usr/bin/python3 tests/data/make_split_fixtures.py
tests/core/tst_split.cpp checks that oficina::core reproduces every index list, order included.
A case whose call raises ValueError is recorded as {"error": true}; one that warns records
"warnings": the number of warnings scikit-learn emitted.
"""
import csv
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.utils import _approximate_mode

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "split"
IRIS = HERE.parent.parent / "resources" / "datasets" / "iris.csv"


def iris_codes():
    with open(IRIS, newline="") as f:
        species = [row[-1] for row in list(csv.reader(f))[1:]]
    # Oficina's categorical codes: index into the byte-wise sorted dictionary (np.unique).
    _, codes = np.unique(species, return_inverse=True)
    return [int(c) for c in codes]


def ints(a):
    return [int(x) for x in a]


def run(call):
    """Result of call() with warnings counted, or {"error": true} on ValueError."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = call()
        except ValueError as e:
            return {"error": True, "message": str(e)}
    result["warnings"] = len([w for w in caught if issubclass(w.category, UserWarning)])
    return result


def write(name, cases):
    doc = {"generator": "tests/data/make_split_fixtures.py",
           "sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}
    with open(OUT / name, "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")


def labels_cases():
    iris = iris_codes()
    rng = np.random.RandomState(7)
    return {
        "iris": iris,
        # Unbalanced, interleaved, and a code (1) absent from the data.
        "unbalanced": [0, 2, 2, 3, 0, 2, 3, 3, 2, 0, 2, 2, 3, 2, 0, 2, 2, 3, 2, 2],
        # Equal class sizes: remainders tie, so _approximate_mode draws at random.
        "ties": [0, 1, 2, 3] * 4 + [0, 1, 2],
        "first_seen_not_sorted": [2, 2, 1, 0, 1, 2, 0, 0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2],
        "random3": ints(rng.randint(0, 3, size=97)),
        "with_singleton": [0, 0, 0, 1, 1, 1, 2],
        "small_class": [0] * 10 + [1] * 10 + [2] * 2,
        "all_small": [0, 0, 1, 1, 2, 2],
    }


def main():
    OUT.mkdir(exist_ok=True)
    labels = labels_cases()

    perms = [{"seed": s, "n": n, "result": ints(np.random.RandomState(s).permutation(n))}
             for s, n in [(0, 10), (0, 0), (0, 1), (1, 2), (42, 20), (123, 150),
                          (4294967295, 37), (2023, 1000)]]
    modes = []
    for counts, draws, seed in [([4, 2], 3, 0), ([5, 2], 4, 0), ([2, 2, 2, 1], 2, 0),
                                ([2, 2, 2, 1], 2, 42), ([3, 3, 3, 3, 3], 7, 5),
                                ([50, 50, 50], 120, 0), ([10, 1, 7, 7], 13, 9)]:
        modes.append({"counts": counts, "draws": draws, "seed": seed,
                      "result": ints(_approximate_mode(np.array(counts), draws, seed))})
    # Legacy randint(0, max + 1) draws exactly as random_interval(max); above 2**32 it takes
    # 64-bit draws. Decimal strings: JSON readers hold numbers as doubles.
    intervals = [{"seed": s, "max": str(m),
                  "result": [str(v) for v in np.random.RandomState(s).randint(
                      0, m + 1, size=6, dtype=np.int64)]}
                 for s, m in [(0, 6), (5, 2**32 - 1), (0, 2**33 + 4), (9, 2**62 + 12345)]]
    write("numpy_random.json", {"permutation": perms, "approximate_mode": modes,
                                "random_interval": intervals})

    tts = []
    for n, frac, seed in [(10, 0.25, 0), (150, 0.2, 42), (7, 0.5, 1), (1000, 0.33, 123),
                          (3, 0.1, 5), (2, 0.5, 0), (100, 0.3, 4294967295), (1, 0.5, 0),
                          (10, 0.0, 0), (10, 1.0, 0), (10, 0.95, 0)]:
        def call(n=n, frac=frac, seed=seed):
            train, test = train_test_split(np.arange(n), test_size=frac, random_state=seed)
            return {"train": ints(train), "test": ints(test)}
        tts.append({"n": n, "test_size": frac, "seed": seed, **run(call)})
    write("train_test_split.json", tts)

    strat = []
    for name, frac, seed in [("iris", 0.2, 0), ("iris", 0.3, 42), ("iris", 0.5, 7),
                             ("unbalanced", 0.25, 0), ("unbalanced", 0.4, 3),
                             ("ties", 0.3, 0), ("ties", 0.5, 11),
                             ("first_seen_not_sorted", 0.35, 2), ("random3", 0.2, 99),
                             ("with_singleton", 0.3, 0), ("all_small", 0.2, 0),
                             ("all_small", 0.7, 0),
                             ("small_class", 0.1, 0)]:
        y = labels[name]

        def call(y=y, frac=frac, seed=seed):
            train, test = train_test_split(np.arange(len(y)), test_size=frac,
                                           random_state=seed, stratify=y)
            return {"train": ints(train), "test": ints(test)}
        strat.append({"labels_name": name, "labels": y, "test_size": frac, "seed": seed,
                      **run(call)})
    write("stratified_train_test_split.json", strat)

    kf = []
    for n, folds, shuffle, seed in [(10, 3, False, 0), (10, 3, True, 0), (150, 5, True, 42),
                                    (7, 7, True, 1), (7, 2, False, 0), (11, 4, True, 2023),
                                    (7, 10, False, 0), (5, 1, False, 0)]:
        def call(n=n, folds=folds, shuffle=shuffle, seed=seed):
            cv = KFold(n_splits=folds, shuffle=shuffle, random_state=seed if shuffle else None)
            return {"folds": [{"train": ints(tr), "test": ints(te)}
                              for tr, te in cv.split(np.arange(n))]}
        kf.append({"n": n, "n_splits": folds, "shuffle": shuffle, "seed": seed, **run(call)})
    write("kfold.json", kf)

    skf = []
    for name, folds, shuffle, seed in [("iris", 5, False, 0), ("iris", 5, True, 0),
                                       ("iris", 10, True, 42), ("unbalanced", 3, True, 1),
                                       ("first_seen_not_sorted", 4, False, 0),
                                       ("first_seen_not_sorted", 4, True, 5),
                                       ("random3", 7, True, 99), ("small_class", 3, True, 0),
                                       ("small_class", 5, False, 0), ("all_small", 3, True, 0),
                                       ("with_singleton", 8, False, 0),
                                       ("with_singleton", 2, True, 3)]:
        y = labels[name]

        def call(y=y, folds=folds, shuffle=shuffle, seed=seed):
            cv = StratifiedKFold(n_splits=folds, shuffle=shuffle,
                                 random_state=seed if shuffle else None)
            return {"folds": [{"train": ints(tr), "test": ints(te)}
                              for tr, te in cv.split(np.zeros(len(y)), y)]}
        skf.append({"labels_name": name, "labels": y, "n_splits": folds, "shuffle": shuffle,
                    "seed": seed, **run(call)})
    write("stratified_kfold.json", skf)


if __name__ == "__main__":
    main()
