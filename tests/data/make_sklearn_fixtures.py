#!/usr/bin/python3
"""Writes the scikit-learn fixtures in tests/data/sklearn/ for the scaler, logistic regression
and classification metrics.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24):
    /usr/bin/python3 tests/data/make_sklearn_fixtures.py
Each file holds the exact inputs used (so the tests need no CSV reader) and scikit-learn's
outputs. JSON has no NaN: a missing value is written as null. Deterministic: no randomness
beyond fixed seeds.

Files:
  logistic_regression.json  StandardScaler then LogisticRegression() on iris (all rows, and a
                            train_test_split(test_size=0.25, random_state=0)), breast cancer
                            (binary) and wine. "tight" is the optimum of the same objective from
                            solver="newton-cg", tol=1e-8 (converged; equal to its tol=1e-10 run, which
                            only ends at max_iter on rounding noise): LogisticRegression(tol=1e-10,
                            max_iter=10000) with lbfgs stops early in scikit-learn 1.2 (scipy's
                            default ftol), so its coefficients are kept only as "lbfgs_tight".
  standard_scaler.json      StandardScaler on wine ("X", "features") with NaN injected and a
                            constant column added, for each with_mean/with_std combination.
  classification_metrics.json  classification_report (zero_division=0), balanced accuracy and
                            confusion_matrix for a few label vectors.
"""
import csv
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    classification_report,
    confusion_matrix,
    precision_recall_fscore_support,
)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "sklearn"
DATASETS = HERE.parent.parent / "resources" / "datasets"


def load(name):
    """Feature names, X (float) and the target as strings, straight from the bundled CSV."""
    with open(DATASETS / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    X = np.array([[float(v) for v in row[:-1]] for row in body])
    y = np.array([row[-1] for row in body])
    return header[:-1], X, y


def floats(a):
    """Nested lists of floats, None for NaN."""
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return None if np.isnan(a) else float(a)
    return [floats(v) for v in a]


def logistic_case(name, features, X_train, y_train, X_test, y_test):
    scaler = StandardScaler().fit(X_train)
    S_train, S_test = scaler.transform(X_train), scaler.transform(X_test)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        default = LogisticRegression().fit(S_train, y_train)
        lbfgs_tight = LogisticRegression(tol=1e-10, max_iter=10000).fit(S_train, y_train)
        tight = LogisticRegression(solver="newton-cg", tol=1e-8, max_iter=10000).fit(
            S_train, y_train)
    return {
        "name": name,
        "features": features,
        "classes": [str(c) for c in default.classes_],
        "X_train": floats(X_train),
        "y_train": [str(v) for v in y_train],
        # null: the test rows are the training rows
        "X_test": None if X_test is X_train else floats(X_test),
        "y_test": None if y_test is y_train else [str(v) for v in y_test],
        "scaler_mean": floats(scaler.mean_),
        "scaler_scale": floats(scaler.scale_),
        "default": {
            "coef": floats(default.coef_),
            "intercept": floats(default.intercept_),
            "n_iter": int(default.n_iter_[0]),
            "proba_test": floats(default.predict_proba(S_test)),
            "predict_test": [str(v) for v in default.predict(S_test)],
        },
        "tight": {"coef": floats(tight.coef_), "intercept": floats(tight.intercept_)},
        "lbfgs_tight": {"coef": floats(lbfgs_tight.coef_),
                        "intercept": floats(lbfgs_tight.intercept_)},
        "warnings": len(caught),
    }


def logistic_cases():
    cases = []
    features, X, y = load("iris")
    cases.append(logistic_case("iris_full", features, X, y, X, y))
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
    cases.append(logistic_case("iris_split", features, X_train, y_train, X_test, y_test))
    for name in ("breast_cancer", "wine"):
        features, X, y = load(name)
        cases.append(logistic_case(name, features, X, y, X, y))
    return cases


def scaler_cases():
    features, X, _ = load("wine")
    X = X.copy()
    X[3, 2] = np.nan
    X[10, 5] = np.nan
    X[11, 5] = np.nan
    X[177, 12] = np.nan
    X = np.column_stack([X, np.full(X.shape[0], 2.5)])  # zero variance: scale 1
    features = features + ["constant"]
    cases = []
    for with_mean in (True, False):
        for with_std in (True, False):
            scaler = StandardScaler(with_mean=with_mean, with_std=with_std).fit(X)
            cases.append({
                "name": f"wine_nan_mean{int(with_mean)}_std{int(with_std)}",
                "with_mean": with_mean,
                "with_std": with_std,
                "mean": floats(scaler.mean_) if scaler.mean_ is not None else None,
                "scale": floats(scaler.scale_) if scaler.scale_ is not None else None,
                "transformed": floats(scaler.transform(X)),
            })
    return {"features": features, "X": floats(X)}, cases


def metrics_case(name, labels, truth, predicted):
    truth_text = np.array([labels[i] for i in truth])
    predicted_text = np.array([labels[i] for i in predicted])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # balanced accuracy warns on predicted-only classes
        report = classification_report(truth_text, predicted_text, output_dict=True,
                                       zero_division=0)
        precision, recall, f1, support = precision_recall_fscore_support(
            truth_text, predicted_text, labels=labels, average=None, zero_division=0)
        balanced = balanced_accuracy_score(truth_text, predicted_text)
    return {
        "name": name,
        "labels": labels,
        "truth": truth,
        "predicted": predicted,
        "accuracy": accuracy_score(truth_text, predicted_text),
        "balanced_accuracy": balanced,
        "precision_macro": report["macro avg"]["precision"],
        "recall_macro": report["macro avg"]["recall"],
        "f1_macro": report["macro avg"]["f1-score"],
        "precision_weighted": report["weighted avg"]["precision"],
        "recall_weighted": report["weighted avg"]["recall"],
        "f1_weighted": report["weighted avg"]["f1-score"],
        "per_class": [[float(p), float(r), float(f), float(s)]
                      for p, r, f, s in zip(precision, recall, f1, support)],
        "confusion_matrix": confusion_matrix(truth_text, predicted_text, labels=labels).tolist(),
    }


def metrics_cases():
    rng = np.random.RandomState(0)
    truth = rng.randint(0, 4, size=200)
    noisy = np.where(rng.rand(200) < 0.3, rng.randint(0, 4, size=200), truth)
    return [
        metrics_case("three_classes", ["a", "b", "c"],
                     [0, 0, 1, 1, 1, 2, 2, 2, 2, 0], [0, 1, 1, 1, 2, 2, 2, 0, 2, 0]),
        metrics_case("class_never_predicted", ["cat", "dog", "fish"],
                     [0, 1, 2, 2, 1, 0, 2, 1], [0, 1, 1, 0, 1, 0, 1, 1]),
        metrics_case("predicted_only_class", ["x", "y", "z"],
                     [0, 0, 1, 1, 0, 1], [0, 2, 1, 2, 0, 1]),
        metrics_case("label_in_neither", ["no", "unused", "yes"],
                     [0, 2, 2, 0, 2], [0, 2, 0, 0, 2]),
        metrics_case("perfect_binary", ["neg", "pos"], [0, 1, 1, 0], [0, 1, 1, 0]),
        metrics_case("random_four_classes", ["c0", "c1", "c2", "c3"],
                     [int(v) for v in truth], [int(v) for v in noisy]),
    ]


def write(name, cases, shared=None):
    """One case per line, so a regenerated fixture diffs case by case."""
    OUT.mkdir(exist_ok=True)
    head = {"generator": "tests/data/make_sklearn_fixtures.py",
            "sklearn": sklearn.__version__, "numpy": np.__version__, **(shared or {})}
    dump = lambda value: json.dumps(value, separators=(",", ":"), allow_nan=False)
    with open(OUT / name, "w") as f:
        f.write("{\n")
        for key, value in head.items():
            f.write(f"{dump(key)}:{dump(value)},\n")
        f.write('"cases":[\n')
        f.write(",\n".join(dump(case) for case in cases))
        f.write("\n]}\n")


def main():
    write("logistic_regression.json", logistic_cases())
    shared, cases = scaler_cases()
    write("standard_scaler.json", cases, shared)
    write("classification_metrics.json", metrics_cases())


if __name__ == "__main__":
    main()
