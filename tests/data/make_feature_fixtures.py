#!/usr/bin/python3
"""Writes the scikit-learn fixtures for the feature-engineering and PCA tests.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24, scipy 1.10):
    /usr/bin/python3 tests/data/make_feature_fixtures.py
The tests read the bundled CSVs in resources/datasets themselves (every column but the last is
a feature; the last is the target), so these files hold only scikit-learn's outputs, except
where an input is made up here (NaN injected, constant columns, negative values): then the
exact input is written too. JSON has no NaN: a missing value is written as null.

Files (tests/data/sklearn/):
  scalers.json             MinMaxScaler / RobustScaler on wine with NaN and a constant column.
  polynomial.json          PolynomialFeatures on iris: names and the first rows.
  power_transform.json     PowerTransformer(yeo-johnson) lambdas_, scaler and first rows.
  binning.json             KBinsDiscretizer bin_edges_ and ordinal codes.
  feature_selection.json   f_classif / f_regression scores and p-values, SelectKBest support,
                           VarianceThreshold, scipy.special.fdtrc values.
  pca.json                 PCA(svd_solver="full") on iris, wine, digits, breast cancer.
"""
import csv
import json
import pathlib

import numpy as np
import scipy
import scipy.special
import sklearn
from sklearn.decomposition import PCA
from sklearn.feature_selection import SelectKBest, VarianceThreshold, f_classif, f_regression
from sklearn.preprocessing import (
    KBinsDiscretizer,
    MinMaxScaler,
    PolynomialFeatures,
    PowerTransformer,
    RobustScaler,
)

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "sklearn"
DATASETS = HERE.parent.parent / "resources" / "datasets"
VERSIONS = {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__}


def load(name):
    """Feature names, X (float) and the target column as strings."""
    with open(DATASETS / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    X = np.array([[float(v) for v in row[:-1]] for row in body])
    y = np.array([row[-1] for row in body])
    return header[:-1], X, y


def floats(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return None if np.isnan(a) else float(a)
    return [floats(v) for v in a]


def write(name, cases, **extra):
    doc = {"generator": "tests/data/make_feature_fixtures.py", "versions": VERSIONS,
           "cases": cases, **extra}
    (OUT / name).write_text(json.dumps(doc, indent=None, separators=(",", ":")) + "\n")


def scalers():
    features, X, _ = load("wine")
    X = X.copy()
    rng = np.random.RandomState(0)
    for i, j in zip(rng.randint(0, X.shape[0], 20), rng.randint(0, X.shape[1], 20)):
        X[i, j] = np.nan
    X = np.hstack([X, np.full((X.shape[0], 1), 3.5)])
    features = features + ["constant"]
    cases = []
    for params in [{}, {"feature_range": (-1, 1)}, {"feature_range": (0, 10), "clip": True}]:
        m = MinMaxScaler(**params).fit(X[:120])
        cases.append({"kind": "minmax", "params": {k: list(v) if isinstance(v, tuple) else v
                                                   for k, v in params.items()},
                      "data_min": floats(m.data_min_), "data_max": floats(m.data_max_),
                      "scale": floats(m.scale_), "min": floats(m.min_),
                      "transformed": floats(m.transform(X))})
    for params in [{}, {"quantile_range": (10.0, 90.0)}, {"with_centering": False},
                   {"with_scaling": False}]:
        r = RobustScaler(**params).fit(X[:120])
        cases.append({"kind": "robust", "params": {k: list(v) if isinstance(v, tuple) else v
                                                   for k, v in params.items()},
                      "center": floats(r.center_ if r.center_ is not None
                                       else np.zeros(X.shape[1])),
                      "scale": floats(r.scale_ if r.scale_ is not None
                                      else np.ones(X.shape[1])),
                      "transformed": floats(r.transform(X))})
    write("scalers.json", cases, features=features, X=floats(X), fit_rows=120)


def polynomial():
    features, X, _ = load("iris")
    cases = []
    for params in [{"degree": 2, "include_bias": False}, {"degree": 3, "include_bias": False},
                   {"degree": 3, "interaction_only": True, "include_bias": False},
                   {"degree": 2, "include_bias": True}]:
        p = PolynomialFeatures(**params).fit(X)
        T = p.transform(X)
        cases.append({"params": params, "names": list(p.get_feature_names_out(features)),
                      "transformed_head": floats(T[:10]), "column_sums": floats(T.sum(axis=0))})
    write("polynomial.json", cases, dataset="iris")


def power():
    cases = []
    for name in ["diabetes", "wine", "breast_cancer"]:
        features, X, _ = load(name)
        for standardize in [True, False]:
            p = PowerTransformer(standardize=standardize).fit(X)
            case = {"dataset": name, "standardize": standardize, "lambdas": floats(p.lambdas_),
                    "transformed_head": floats(p.transform(X)[:10])}
            if standardize:
                case["mean"] = floats(p._scaler.mean_)
                case["scale"] = floats(p._scaler.scale_)
            cases.append(case)
    # Negative values, skew both ways, NaN: exercises both branches of Yeo-Johnson.
    rng = np.random.RandomState(0)
    X = np.column_stack([rng.lognormal(0, 1, 300) - 2.0, -rng.lognormal(0, 0.7, 300) + 1.0,
                         rng.normal(-5, 2, 300), rng.exponential(3, 300)])
    X[[3, 50, 177], [0, 1, 3]] = np.nan
    p = PowerTransformer().fit(X)
    cases.append({"dataset": "synthetic", "standardize": True, "X": floats(X),
                  "lambdas": floats(p.lambdas_), "mean": floats(p._scaler.mean_),
                  "scale": floats(p._scaler.scale_), "transformed": floats(p.transform(X))})
    write("power_transform.json", cases)


def binning():
    cases = []
    for name in ["iris", "wine", "diabetes"]:
        features, X, _ = load(name)
        for strategy in ["uniform", "quantile"]:
            for n_bins in [3, 5, 10]:
                k = KBinsDiscretizer(n_bins=n_bins, strategy=strategy, encode="ordinal").fit(X)
                cases.append({"dataset": name, "strategy": strategy, "n_bins": n_bins,
                              "edges": [floats(e) for e in k.bin_edges_],
                              "ordinal": floats(k.transform(X))})
    write("binning.json", cases)


def selection():
    cases = []
    for name, kind in [("iris", "f_classif"), ("wine", "f_classif"), ("digits", "f_classif"),
                       ("breast_cancer", "f_classif"), ("diabetes", "f_regression")]:
        features, X, y = load(name)
        if kind == "f_classif":
            with np.errstate(all="ignore"):
                import warnings
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    F, p = f_classif(X, y)
        else:
            F, p = f_regression(X, y.astype(float))
        supports = {}
        for k in [1, 3, 5, 10]:
            if k > X.shape[1]:
                continue
            score = f_classif if kind == "f_classif" else f_regression
            yy = y if kind == "f_classif" else y.astype(float)
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                s = SelectKBest(score, k=k).fit(X, yy)
            supports[str(k)] = [bool(v) for v in s.get_support()]
        cases.append({"dataset": name, "score_func": kind, "scores": floats(F),
                      "p_values": floats(p), "support": supports})
    # Ties: duplicated columns score the same; the later ones win.
    _, X, y = load("iris")
    T = np.column_stack([X[:, 2], X[:, 0], X[:, 2], X[:, 3], X[:, 2]])
    s = SelectKBest(f_classif, k=2).fit(T, y)
    ties = {"X": floats(T), "y": [str(v) for v in y], "k": 2,
            "support": [bool(v) for v in s.get_support()], "scores": floats(s.scores_)}
    variance = []
    _, X, _ = load("digits")
    for threshold in [0.0, 1.0, 20.0]:
        v = VarianceThreshold(threshold).fit(X)
        variance.append({"dataset": "digits", "threshold": threshold,
                         "variances": floats(v.variances_),
                         "support": [bool(b) for b in v.get_support()]})
    fdtrc = []
    for dfn, dfd, f in [(1, 10, 0.5), (2, 147, 119.26), (3, 1000, 2.5), (9, 1787, 0.01),
                        (1, 440, 230.65), (12, 165, 1e-3), (2, 50, 35.0), (1, 2, 3.0),
                        (5, 100000, 1.2), (4, 20, 1e4)]:
        fdtrc.append({"dfn": dfn, "dfd": dfd, "f": f, "sf": float(scipy.special.fdtrc(dfn, dfd, f))})
    write("feature_selection.json", cases, ties=ties, variance=variance, fdtrc=fdtrc)


def pca():
    cases = []
    for name, settings in [("iris", [{}, {"n_components": 2}, {"n_components": 2, "whiten": True}]),
                           ("wine", [{}, {"n_components": 0.95}, {"n_components": 5}]),
                           ("digits", [{"n_components": 10}, {"n_components": 0.8},
                                       {"n_components": 8, "whiten": True}]),
                           ("breast_cancer", [{}, {"n_components": 3}])]:
        features, X, _ = load(name)
        for params in settings:
            p = PCA(svd_solver="full", **params).fit(X)
            T = p.transform(X)
            cases.append({"dataset": name, "params": params, "n_components": int(p.n_components_),
                          "mean": floats(p.mean_), "components": floats(p.components_),
                          "explained_variance": floats(p.explained_variance_),
                          "explained_variance_ratio": floats(p.explained_variance_ratio_),
                          "singular_values": floats(p.singular_values_),
                          "noise_variance": float(p.noise_variance_),
                          "transformed_head": floats(T[:20]),
                          "transformed_abs_sums": floats(np.abs(T).sum(axis=0))})
    write("pca.json", cases)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    scalers()
    polynomial()
    power()
    binning()
    selection()
    pca()
