#!/usr/bin/python3
"""Writes the scikit-learn fixtures in tests/data/sklearn/ for the linear models and SVMs.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24):
    /usr/bin/python3 tests/data/make_linear_fixtures.py
Each case holds the exact inputs used (so the tests need no CSV reader) and scikit-learn's
outputs. Deterministic: fixed seeds only.

Files:
  linear_regression.json  LinearRegression and Ridge on diabetes (raw features), linnerud
                          (Chins, Situps, Jumps -> Weight), a rank-deficient diabetes (bmi
                          duplicated and doubled), and a wide case with fewer rows than features.
  lasso.json              Lasso() and ElasticNet() defaults on diabetes (raw and standardised),
                          with coef_, intercept_, n_iter_, dual_gap_ and predictions.
  linear_regression_tall.json  LinearRegression on the even rows of csv/tall_regression.csv
                          (written here: 4,400 rows on scales from 1e-3 to 5e4, one column an exact
                          multiple of another), so more rows than one block of the streamed least
                          squares; coefficients and the odd rows' predictions.
  svm.json                SVC (rbf, linear, poly, sigmoid), LinearSVC and SVR on train/test splits
                          (train_test_split(test_size=0.25, random_state=0)) of iris, wine, breast
                          cancer (standardised on the training rows) and digits; decision values
                          with decision_function_shape="ovo", predictions and scores.
  logistic_liblinear.json LogisticRegression(solver="liblinear") with penalty l1/l2 and
                          class_weight="balanced" on the same splits, and the balanced L2
                          multinomial optimum (newton-cg, tol=1e-8) that lbfgs must reach.
"""
import csv
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, SVR, LinearSVC

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "sklearn"
DATASETS = HERE.parent.parent / "resources" / "datasets"


def load(name, target=None, drop=()):
    """Feature names, X (float) and the target column as strings, from the bundled CSV."""
    with open(DATASETS / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    t = header.index(target) if target else len(header) - 1
    keep = [j for j, h in enumerate(header) if j != t and h not in drop]
    X = np.array([[float(row[j]) for j in keep] for row in body])
    y = np.array([row[t] for row in body])
    return [header[j] for j in keep], X, y


def floats(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return float(a)
    return [floats(v) for v in a]


def regression_cases():
    cases = []
    features, X, y = load("diabetes")
    y = y.astype(float)
    data = [("diabetes", features, X, y)]
    lf, LX, ly = load("linnerud", target="Weight", drop=("Waist", "Pulse"))
    data.append(("linnerud", lf, LX, ly.astype(float)))
    data.append(("diabetes_rank_deficient", features + ["bmi2"],
                 np.column_stack([X, 2.0 * X[:, 2]]), y))
    data.append(("diabetes_wide", features, X[:6], y[:6]))
    for name, f, Xc, yc in data:
        case = {"name": name, "features": f, "X": floats(Xc), "y": floats(yc), "fits": []}
        for fit_intercept in (True, False):
            ols = LinearRegression(fit_intercept=fit_intercept).fit(Xc, yc)
            fit = {"model": "ols", "alpha": 0.0, "fit_intercept": fit_intercept,
                   "coef": floats(ols.coef_), "intercept": float(ols.intercept_),
                   "predict": floats(ols.predict(Xc))}
            # Numerically rank deficient (a singular value at rounding level that scipy's lstsq
            # keeps, so its coef_ is rounding noise along that direction): the minimum-norm
            # solution is the well-defined reference there.
            A = Xc - Xc.mean(axis=0) if fit_intercept else Xc
            b = yc - yc.mean() if fit_intercept else yc
            s = np.linalg.svd(A, compute_uv=False)
            if s[-1] < 1e-10 * s[0] or A.shape[0] < A.shape[1]:
                coef = np.linalg.pinv(A, rcond=1e-10) @ b
                fit["coef_min_norm"] = floats(coef)
                fit["intercept_min_norm"] = float(yc.mean() - Xc.mean(axis=0) @ coef
                                                  if fit_intercept else 0.0)
            case["fits"].append(fit)
            for alpha in (1.0, 10.0):
                ridge = Ridge(alpha=alpha, fit_intercept=fit_intercept).fit(Xc, yc)
                case["fits"].append({"model": "ridge", "alpha": alpha,
                                     "fit_intercept": fit_intercept,
                                     "coef": floats(ridge.coef_),
                                     "intercept": float(ridge.intercept_),
                                     "predict": floats(ridge.predict(Xc))})
        cases.append(case)
    return cases


def tall_case():
    """Writes csv/tall_regression.csv (6 significant digits, the file being the raw data both
    sides read) and returns the fits on its even rows."""
    rng = np.random.RandomState(3)
    n = 4400
    x1 = rng.normal(0.0, 1.0, n)
    x2 = rng.normal(100.0, 30.0, n)
    x3 = rng.uniform(0.0, 1e-3, n)
    x4 = rng.normal(5e4, 1e3, n)
    y = 3 * x1 - 0.02 * x2 + 500 * x3 + 1e-3 * x4 + rng.normal(0.0, 0.1, n)
    text = [[f"{v:.6g}" for v in row] for row in np.column_stack([x1, x2, x3, x4, y])]
    for row in text:
        row.insert(4, repr(float(row[2]) * 0.5))  # x5 = x3 / 2 exactly: rank deficient
    path = HERE / "csv" / "tall_regression.csv"
    with open(path, "w", newline="") as f:
        f.write("x1,x2,x3,x4,x5,y\n")
        f.write("".join(",".join(row) + "\n" for row in text))
    with open(path, newline="") as f:
        values = np.array([[float(v) for v in row] for row in list(csv.reader(f))[1:]])
    X, y = values[:, :5], values[:, 5]
    fits = []
    for fit_intercept in (True, False):
        A = X[::2] - X[::2].mean(axis=0) if fit_intercept else X[::2]
        b = y[::2] - y[::2].mean() if fit_intercept else y[::2]
        coef = np.linalg.pinv(A, rcond=1e-10) @ b
        intercept = float(y[::2].mean() - X[::2].mean(axis=0) @ coef) if fit_intercept else 0.0
        # LinearRegression's lstsq gives the same minimum-norm answer; checked, not stored.
        ols = LinearRegression(fit_intercept=fit_intercept).fit(X[::2], y[::2])
        assert np.allclose(ols.predict(X[1::2]), X[1::2] @ coef + intercept, rtol=1e-9)
        fits.append({"fit_intercept": fit_intercept, "coef_min_norm": floats(coef),
                     "intercept_min_norm": intercept,
                     "predict_odd_rows": floats(ols.predict(X[1::2]))})
    return [{"name": "tall_regression", "csv": "csv/tall_regression.csv",
             "train": "even rows", "fits": fits}]


def lasso_cases():
    cases = []
    features, X, y = load("diabetes")
    y = y.astype(float)
    S = StandardScaler().fit_transform(X)
    for name, Xc in (("diabetes", X), ("diabetes_scaled", S)):
        case = {"name": name, "features": features, "X": floats(Xc), "y": floats(y), "fits": []}
        for model, alpha, l1_ratio, fit_intercept in (
                ("lasso", 1.0, 1.0, True), ("lasso", 0.1, 1.0, True),
                ("lasso", 1.0, 1.0, False), ("elastic_net", 1.0, 0.5, True),
                ("elastic_net", 0.01, 0.3, True), ("elastic_net", 0.1, 0.7, False)):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                if model == "lasso":
                    m = Lasso(alpha=alpha, fit_intercept=fit_intercept).fit(Xc, y)
                else:
                    m = ElasticNet(alpha=alpha, l1_ratio=l1_ratio,
                                   fit_intercept=fit_intercept).fit(Xc, y)
            case["fits"].append({"model": model, "alpha": alpha, "l1_ratio": l1_ratio,
                                 "fit_intercept": fit_intercept, "coef": floats(m.coef_),
                                 "intercept": float(m.intercept_), "n_iter": int(m.n_iter_),
                                 "dual_gap": float(m.dual_gap_), "warnings": len(caught),
                                 "predict": floats(m.predict(Xc))})
        cases.append(case)
    return cases


def split(name, scale):
    features, X, y = load(name)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
    if scale:
        scaler = StandardScaler().fit(X_train)
        X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    return features, X_train, X_test, y_train, y_test


SPLITS = (("iris", False), ("wine", True), ("breast_cancer", True), ("digits", False))


def svm_cases():
    cases = []
    for name, scale in SPLITS:
        features, X_train, X_test, y_train, y_test = split(name, scale)
        case = {"name": name, "features": features, "X_train": floats(X_train),
                "y_train": [str(v) for v in y_train], "X_test": floats(X_test),
                "y_test": [str(v) for v in y_test], "fits": []}
        classes = sorted(set(y_train), key=lambda s: float(s) if s.isdigit() else s)
        case["classes"] = classes
        kernels = ("rbf", "linear", "poly", "sigmoid") if name != "digits" else ("rbf",)
        for kernel in kernels:
            m = SVC(kernel=kernel, decision_function_shape="ovo").fit(X_train, y_train)
            case["fits"].append({"model": "svc", "kernel": kernel, "C": 1.0,
                                 "classes": [str(c) for c in m.classes_],
                                 "n_support": [int(v) for v in m.n_support_],
                                 "gamma": float(m._gamma),
                                 "decision_test": floats(m.decision_function(X_test)),
                                 "predict_test": [str(v) for v in m.predict(X_test)],
                                 "accuracy": float(m.score(X_test, y_test))})
        m = SVC(probability=True, random_state=0).fit(X_train, y_train)
        case["fits"].append({"model": "svc_probability", "kernel": "rbf", "C": 1.0,
                             "proba_test": floats(m.predict_proba(X_test)),
                             "accuracy": float(m.score(X_test, y_test))})
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            m = LinearSVC(random_state=0).fit(X_train, y_train)
        case["fits"].append({"model": "linear_svc", "C": 1.0, "coef": floats(m.coef_),
                             "intercept": floats(m.intercept_), "n_iter": int(m.n_iter_),
                             "warnings": len(caught),
                             "predict_test": [str(v) for v in m.predict(X_test)],
                             "accuracy": float(m.score(X_test, y_test))})
        cases.append(case)

    features, X, y = load("diabetes")
    y = y.astype(float)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
    scaler = StandardScaler().fit(X_train)
    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    case = {"name": "diabetes_svr", "features": features, "X_train": floats(X_train),
            "y_train": floats(y_train), "X_test": floats(X_test), "y_test": floats(y_test),
            "fits": []}
    for kernel, C, epsilon in (("rbf", 1.0, 0.1), ("rbf", 100.0, 5.0), ("linear", 10.0, 0.1)):
        m = SVR(kernel=kernel, C=C, epsilon=epsilon).fit(X_train, y_train)
        case["fits"].append({"model": "svr", "kernel": kernel, "C": C, "epsilon": epsilon,
                             "n_support": int(m.support_.size),
                             "predict_test": floats(m.predict(X_test)),
                             "r2": float(m.score(X_test, y_test))})
    cases.append(case)
    return cases


def logistic_cases():
    cases = []
    for name, _ in SPLITS[:3]:
        features, X_train, X_test, y_train, y_test = split(name, True)
        case = {"name": name, "features": features, "X_train": floats(X_train),
                "y_train": [str(v) for v in y_train], "X_test": floats(X_test),
                "y_test": [str(v) for v in y_test], "fits": []}
        for solver, penalty, class_weight, C in (
                ("liblinear", "l1", None, 1.0), ("liblinear", "l2", None, 1.0),
                ("liblinear", "l1", "balanced", 0.5), ("lbfgs", "l2", "balanced", 1.0)):
            # lbfgs: the optimum of its objective, from newton-cg run tight (lbfgs in 1.2 stops
            # early at tight tolerances, see make_sklearn_fixtures.py).
            kw = {"max_iter": 10000, "tol": 1e-8} if solver == "lbfgs" else {}
            m = LogisticRegression(solver="newton-cg" if solver == "lbfgs" else solver,
                                   penalty=penalty, class_weight=class_weight,
                                   C=C, random_state=0, **kw).fit(X_train, y_train)
            case["fits"].append({"solver": solver, "penalty": penalty,
                                 "class_weight": class_weight or "none", "C": C,
                                 "classes": [str(c) for c in m.classes_],
                                 "coef": floats(m.coef_), "intercept": floats(m.intercept_),
                                 "predict_test": [str(v) for v in m.predict(X_test)],
                                 "proba_test": floats(m.predict_proba(X_test)),
                                 "accuracy": float(m.score(X_test, y_test))})
        cases.append(case)
    return cases


def write(name, cases):
    """One case per line, so a regenerated fixture diffs case by case."""
    OUT.mkdir(exist_ok=True)
    head = {"generator": "tests/data/make_linear_fixtures.py",
            "sklearn": sklearn.__version__, "numpy": np.__version__}
    dump = lambda value: json.dumps(value, separators=(",", ":"), allow_nan=False)
    with open(OUT / name, "w") as f:
        f.write("{\n")
        for key, value in head.items():
            f.write(f"{dump(key)}:{dump(value)},\n")
        f.write('"cases":[\n')
        f.write(",\n".join(dump(case) for case in cases))
        f.write("\n]}\n")


def main():
    write("linear_regression.json", regression_cases())
    write("linear_regression_tall.json", tall_case())
    write("lasso.json", lasso_cases())
    write("svm.json", svm_cases())
    write("logistic_liblinear.json", logistic_cases())


if __name__ == "__main__":
    main()
